// Label selectors as the API defines them, matched three-valued: a pod's label that exists
// but is not written in the view (controller-added, operator-created pods) makes a requirement
// on it unknown, and rules that report an absence stay silent on unknown.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/model/pod_source.h"
#include "analyzer/model/selector_spec.h"

namespace netlint::index {

enum class Tri : std::uint8_t { kNo, kMaybe, kYes };

struct Requirement {
  enum class Op : std::uint8_t { kIn, kNotIn, kExists, kDoesNotExist };
  std::string key;
  Op op = Op::kIn;
  std::vector<std::string> values;
  SourceRange range;  // the entry (map selectors) or the matchExpressions item
};

// An empty selector matches every pod of its namespace (NetworkPolicy `podSelector: {}`);
// callers whose empty selector means "nothing" (a Service without selector) check first.
struct LabelSelector {
  std::vector<Requirement> requirements;
};

// A Service's `selector` map, or a `matchLabels` map: each entry is `key In (value)`.
LabelSelector selector_from_map(const model::Labels& map);

// A written metav1.LabelSelector. An operator the API does not know makes the selector match
// nothing (the API server rejects it; the invalid-field rule reports it).
LabelSelector selector_from_spec(const model::SelectorSpec& spec);

// Evaluates one requirement / a whole selector on one pod source. `comparisons` counts label
// comparisons (the scaling test reads it).
Tri evaluate(const Requirement& requirement, const model::PodSource& pod, std::uint64_t& comparisons);
Tri evaluate(const LabelSelector& selector, const model::PodSource& pod, std::uint64_t& comparisons);

}  // namespace netlint::index
