#include "analyzer/model/selector_spec.h"

#include "analyzer/model/extract_util.h"
#include "analyzer/model/field_checks.h"

namespace netlint::model {

SelectorSpec extract_selector(const yaml::NodeRef& selector, SourceRange key, std::vector<InputProblem>* problems) {
  SelectorSpec spec;
  spec.key = key;
  spec.match_labels = string_map(selector.get("matchLabels"));
  if (problems != nullptr) {
    check_string_map(selector.find("matchLabels"), "selector", *problems);
    check_list(selector.find("matchExpressions"), *problems);
  }
  const yaml::NodeRef expressions = selector.get("matchExpressions");
  for (std::uint32_t i = 0; i < expressions.size(); ++i) {
    const yaml::NodeRef item = expressions.item(i);
    if (!item.is_map()) continue;
    SelectorExpression e;
    e.item = item.range();
    e.key = text_of(item.get("key"));
    e.op = text_of(item.get("operator"));
    e.values = string_list(item.get("values"));
    if (problems != nullptr) {
      const yaml::NodeRef::Entry k = item.find("key");
      check_string(k.key, k.value, {"selector key", "selector key", "selector keys must be strings"}, *problems);
      check_string_list(item.find("values"), "selector value", "selector values must be strings", *problems);
    }
    spec.match_expressions.push_back(std::move(e));
  }
  return spec;
}

}  // namespace netlint::model
