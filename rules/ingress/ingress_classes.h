// The IngressClasses of the view and the class each Ingress belongs to, shared by the Ingress
// rules (NL3003 compares routes per class, NL3004 resolves classes, NL3006 finds the controller).
#pragma once

#include <string>
#include <vector>

#include "analyzer/engine/view.h"

namespace netlint::rules {

// The IngressClasses of the view: name, controller, whether it is the default.
struct IngressClassInfo {
  const model::ObjectMeta* meta = nullptr;
  std::string controller;   // spec.controller, e.g. k8s.io/ingress-nginx
  bool is_default = false;  // ingressclass.kubernetes.io/is-default-class: "true"
};
std::vector<IngressClassInfo> ingress_classes(const engine::View& view);

// The class an Ingress belongs to: ingressClassName, else the legacy annotation, else the
// default IngressClass of the view; empty when none applies.
std::string class_of(const model::Ingress& ingress, const std::vector<IngressClassInfo>& classes);

}  // namespace netlint::rules
