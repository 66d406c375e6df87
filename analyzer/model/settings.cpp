#include "analyzer/model/settings.h"

#include <re2/re2.h>

namespace netlint::model {

const Setting* Settings::find(std::string_view path) const {
  for (const Setting& s : entries) {
    if (s.path == path) return &s;
  }
  return nullptr;
}

std::vector<const Setting*> Settings::under(std::string_view path) const {
  std::vector<const Setting*> found;
  for (const Setting& s : entries) {
    const std::string_view p = s.path;
    if (p.substr(0, path.size()) != path) continue;
    if (p.size() == path.size() || p[path.size()] == '.' || p[path.size()] == '[') found.push_back(&s);
  }
  return found;
}

std::string ConfigDocument::display() const {
  if (!key.value.empty()) return owner.display() + " key " + key.value;
  if (!owner.kind.value.empty()) return owner.display();
  return kind;
}

bool is_installer_placeholder(std::string_view value) {
  static const RE2 kPlaceholder(R"(__[A-Z][A-Z0-9_]*__)");
  return RE2::PartialMatch(value, kPlaceholder);
}

}  // namespace netlint::model
