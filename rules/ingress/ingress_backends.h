// The Services an Ingress backend names, looked up in the Ingress's namespace (every variant of
// one identity), shared by NL3001 (the Service is missing) and NL3002 (its port is).
#pragma once

#include <vector>

#include "analyzer/engine/view.h"

namespace netlint::rules {

// Every Service definition named `name` in `namespace_name` (variants of one identity included).
std::vector<const model::Service*> services_named(const engine::View& view, std::string_view namespace_name,
                                                  std::string_view name);

// The IngressClasses of the view: name, controller, whether it is the default.
struct IngressClassInfo {
  const model::ObjectMeta* meta = nullptr;
  std::string controller;     // spec.controller, e.g. k8s.io/ingress-nginx
  bool is_default = false;    // ingressclass.kubernetes.io/is-default-class: "true"
};
std::vector<IngressClassInfo> ingress_classes(const engine::View& view);

// The class an Ingress belongs to: ingressClassName, else the legacy annotation, else the
// default IngressClass of the view; empty when none applies.
std::string class_of(const model::Ingress& ingress, const std::vector<IngressClassInfo>& classes);

}  // namespace netlint::rules
