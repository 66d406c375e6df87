#include "rules/ingress/ingress_classes.h"

namespace netlint::rules {

std::vector<IngressClassInfo> ingress_classes(const engine::View& view) {
  std::vector<IngressClassInfo> out;
  for (const model::ObjectMeta& o : view.model().objects) {
    if (o.kind.value != "IngressClass") continue;
    IngressClassInfo info;
    info.meta = &o;
    const model::Label* d = model::find_label(o.annotations, "ingressclass.kubernetes.io/is-default-class");
    info.is_default = d != nullptr && d->value.value == "true";
    for (const model::ConfigDocument& doc : view.model().configs) {
      if (doc.kind != "IngressClass" || doc.owner.name.value != o.name.value) continue;
      if (const model::Setting* c = doc.settings.find("spec.controller")) info.controller = c->value.value;
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::string class_of(const model::Ingress& ingress, const std::vector<IngressClassInfo>& classes) {
  if (!ingress.class_name.value.empty()) return ingress.class_name.value;
  if (!ingress.class_annotation.value.empty()) return ingress.class_annotation.value;
  for (const IngressClassInfo& c : classes) {
    if (c.is_default) return c.meta->name.value;
  }
  return {};
}

}  // namespace netlint::rules
