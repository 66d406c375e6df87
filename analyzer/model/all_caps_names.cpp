#include "analyzer/model/all_caps_names.h"

#include <fmt/format.h>

#include <set>
#include <string>

#include "analyzer/model/placeholder.h"

namespace netlint::model {

void report_all_caps_declared_names(Model& model) {
  std::set<std::string, std::less<>> declared;  // container port names of the view
  bool any = false;
  for (const Service& svc : model.services) {
    for (const ServicePort& p : svc.ports) any = any || (p.target_port_placeholder && is_all_caps_identifier(p.target_port->value));
  }
  if (!any) return;
  for (const PodSource& pod : model.pod_sources) {
    for (const Container& c : pod.containers) {
      for (const ContainerPort& cp : c.ports) {
        if (!cp.name.value.empty()) declared.insert(cp.name.value);
      }
    }
  }
  for (const Service& svc : model.services) {
    for (const ServicePort& p : svc.ports) {
      if (!p.target_port_placeholder || !is_all_caps_identifier(p.target_port->value)) continue;
      std::string lower = p.target_port->value;
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      if (declared.count(lower) == 0) continue;
      model.problems.push_back(InputProblem{
          "NL0004", p.target_port->range,
          fmt::format("targetPort \"{}\" is not a valid port name: port names are lower case; did you mean \"{}\"?",
                      p.target_port->value, lower),
          fmt::format("write targetPort: {}, the name a container declares", lower), {}});
    }
  }
}

}  // namespace netlint::model
