#include "rules/ingress/ingress_backends.h"

namespace netlint::rules {

std::vector<const model::Service*> services_named(const engine::View& view, std::string_view namespace_name,
                                                  std::string_view name) {
  std::vector<const model::Service*> out;
  for (const model::Service& s : view.model().services) {
    if (s.meta.name.value == name && s.meta.namespace_name.value == namespace_name) out.push_back(&s);
  }
  return out;
}

}  // namespace netlint::rules
