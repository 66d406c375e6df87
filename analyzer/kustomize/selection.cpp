#include "analyzer/kustomize/selection.h"

#include <re2/re2.h>

#include <algorithm>

namespace netlint::kustomize {
namespace {

bool regex_match(const std::string& pattern, const std::string& value) {
  if (pattern.empty()) return true;
  if (pattern.find_first_of("*.|()[]+?^$\\{}") == std::string::npos) return pattern == value;
  const RE2 re(pattern, RE2::Quiet);
  return re.ok() && RE2::FullMatch(value, re);
}

bool labels_match(const std::string& selector, const Doc* labels) {
  if (selector.empty()) return true;
  std::size_t at = 0;
  while (at <= selector.size()) {
    std::size_t comma = selector.find(',', at);
    if (comma == std::string::npos) comma = selector.size();
    std::string term = selector.substr(at, comma - at);
    term.erase(0, term.find_first_not_of(' '));
    term.erase(term.find_last_not_of(' ') + 1);
    const bool negated = term.find("!=") != std::string::npos;
    const std::size_t eq = term.find(negated ? "!=" : "=");
    const std::string key = term.substr(0, eq);
    std::string value = eq == std::string::npos ? std::string() : term.substr(eq + (negated ? 2 : 1));
    if (!value.empty() && value[0] == '=') value.erase(0, 1);
    const Doc* have = labels == nullptr ? nullptr : labels->get(key);
    if (eq == std::string::npos) {
      if (have == nullptr) return false;
    } else if (negated ? (have != nullptr && have->text() == value) : (have == nullptr || have->text() != value)) {
      return false;
    }
    at = comma + 1;
  }
  return true;
}

}  // namespace

bool target_matches(const Target& t, const Resource& r) {
  if (!t.kind.empty() && t.kind != r.kind()) return false;
  if (!t.group.empty() && t.group != r.api_group()) return false;
  if (!t.name.empty() &&
      !std::any_of(r.names.begin(), r.names.end(), [&](const std::string& n) { return regex_match(t.name, n); }) &&
      !regex_match(t.name, r.name())) {
    return false;
  }
  if (!t.name_space.empty() && !regex_match(t.name_space, r.name_space())) return false;
  if (!labels_match(t.label_selector, r.doc.at({"metadata", "labels"}))) return false;
  if (!labels_match(t.annotation_selector, r.doc.at({"metadata", "annotations"}))) return false;
  return true;
}

}  // namespace netlint::kustomize
