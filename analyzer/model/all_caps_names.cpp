#include "analyzer/model/scalar_edit.h"
#include "analyzer/model/all_caps_names.h"

#include <fmt/format.h>

#include <set>
#include <string>

#include "analyzer/model/placeholder.h"
#include "analyzer/util/ascii_case.h"

namespace netlint::model {

namespace {

void report_namespaces(Model& model) {
  if (model.all_caps_namespaces.empty()) return;
  std::set<std::string, std::less<>> declared;  // namespaces of the view: Namespace objects and objects' namespaces
  for (const Namespace& ns : model.namespaces) declared.insert(ns.meta.name.value);
  for_each_object_meta(model, [&](const ObjectMeta& meta) {
    if (meta.namespace_name.range.valid()) declared.insert(meta.namespace_name.value);
  });
  for (const Text& written : model.all_caps_namespaces) {
    const std::string lower = ascii_lowercase(written.value);
    if (declared.count(lower) == 0) continue;
    model.problems.push_back(InputProblem{
        InputProblemKind::kInvalidField,
        written.range,
        fmt::format("namespace \"{}\" is not a valid namespace name: names are lower case; did you mean \"{}\"?",
                    written.value, lower),
        fmt::format("write namespace: {}", lower),
        {}});
    model.problems.back().fix =
        scalar_fix(model, written, lower, diag::Applicability::kSafe, fmt::format("write namespace: {}", lower));
  }
}

}  // namespace

void report_all_caps_declared_names(Model& model) {
  report_namespaces(model);
  std::set<std::string, std::less<>> declared;  // container port names of the view
  bool any = false;
  for (const Service& svc : model.services) {
    for (const ServicePort& p : svc.ports)
      any = any || (p.target_port_placeholder && is_all_caps_identifier(p.target_port->value));
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
      const std::string lower = ascii_lowercase(p.target_port->value);
      if (declared.count(lower) == 0) continue;
      model.problems.push_back(InputProblem{
          InputProblemKind::kInvalidField,
          p.target_port->range,
          fmt::format("targetPort \"{}\" is not a valid port name: port names are lower case; did you mean \"{}\"?",
                      p.target_port->value, lower),
          fmt::format("write targetPort: {}, the name a container declares", lower),
          {}});
      model.problems.back().fix = scalar_fix(model, *p.target_port, lower, diag::Applicability::kSafe,
                                             fmt::format("write targetPort: {}", lower));
    }
  }
}

}  // namespace netlint::model
