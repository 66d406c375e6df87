#include "analyzer/netpol/namespace_labels.h"

#include <string>

#include "analyzer/model/namespace_name.h"

namespace netlint::netpol {

model::PodSource namespace_as_selectable(std::string_view name, const model::Namespace* object,
                                         bool open_without_object) {
  model::PodSource shape;
  // The apply-time namespace has a name, and labels, that only the apply decides: a
  // namespaceSelector may or may not select it (RULES.md "Apply units and namespaces").
  if (model::is_apply_time(name)) {
    shape.open_labels = true;
    return shape;
  }
  if (object != nullptr) shape.labels = object->meta.labels;
  if (model::find_label(shape.labels, kNamespaceNameLabel) == nullptr) {
    shape.labels.push_back(
        model::Label{model::Text{std::string(kNamespaceNameLabel), {}}, model::Text{std::string(name), {}}});
  }
  shape.open_labels = object == nullptr && open_without_object;
  return shape;
}

}  // namespace netlint::netpol
