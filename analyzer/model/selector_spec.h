// A metav1.LabelSelector as written (`matchLabels` and `matchExpressions`), with positions.
// Used by workload `spec.selector`, and by NetworkPolicy pod and namespace selectors.
#pragma once

#include <optional>
#include <vector>

#include "analyzer/model/object_meta.h"
#include "analyzer/yaml/node_ref.h"

namespace netlint::model {

struct InputProblem;  // model.h (which includes this header through network_policy.h)

struct SelectorExpression {
  Text key;
  Text op;  // In, NotIn, Exists, DoesNotExist (as written; validated by rules)
  std::vector<Text> values;
  SourceRange item;  // the list item
};

struct SelectorSpec {
  Labels match_labels;
  std::vector<SelectorExpression> match_expressions;
  SourceRange key;  // e.g. `podSelector:`
  // `{}` selects everything; an absent selector is represented by std::nullopt by callers.
  bool empty() const { return match_labels.empty() && match_expressions.empty(); }
};

// Reads a selector mapping; `key` is the range of the key it sits under. With `problems`, also
// records NL0004 problems for values of the wrong type (a number or a map as a matchLabels value).
SelectorSpec extract_selector(const yaml::NodeRef& selector, SourceRange key,
                              std::vector<InputProblem>* problems = nullptr);

}  // namespace netlint::model
