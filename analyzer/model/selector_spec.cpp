#include "analyzer/model/selector_spec.h"

#include "analyzer/model/extract_util.h"

namespace netlint::model {

SelectorSpec extract_selector(const yaml::NodeRef& selector, SourceRange key) {
  SelectorSpec spec;
  spec.key = key;
  spec.match_labels = string_map(selector.get("matchLabels"));
  const yaml::NodeRef expressions = selector.get("matchExpressions");
  for (std::uint32_t i = 0; i < expressions.size(); ++i) {
    const yaml::NodeRef item = expressions.item(i);
    if (!item.is_map()) continue;
    SelectorExpression e;
    e.item = item.range();
    e.key = text_of(item.get("key"));
    e.op = text_of(item.get("operator"));
    e.values = string_list(item.get("values"));
    spec.match_expressions.push_back(std::move(e));
  }
  return spec;
}

}  // namespace netlint::model
