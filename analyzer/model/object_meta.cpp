#include "analyzer/model/object_meta.h"

#include "analyzer/model/namespace_name.h"

namespace netlint::model {

const Label* find_label(const Labels& labels, std::string_view key) {
  for (const Label& label : labels) {
    if (label.key.value == key) return &label;
  }
  return nullptr;
}

bool selector_matches(const Labels& selector, const Labels& labels) {
  if (selector.empty()) return false;
  for (const Label& s : selector) {
    const Label* l = find_label(labels, s.key.value);
    if (l == nullptr || l->value.value != s.value.value) return false;
  }
  return true;
}

std::string ObjectMeta::group() const {
  const std::string& av = api_version.value;
  const auto slash = av.find('/');
  return slash == std::string::npos ? std::string() : av.substr(0, slash);
}

std::string ObjectMeta::display() const {
  // generateName objects (and broken ones) have no name: say so rather than print "ns/".
  const std::string shown = name.value.empty() ? "(unnamed)" : name.value;
  if (namespace_name.value.empty()) return kind.value + " " + shown;
  return kind.value + " " + namespace_display(namespace_name.value) + "/" + shown;
}

}  // namespace netlint::model
