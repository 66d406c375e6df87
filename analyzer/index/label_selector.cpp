#include "analyzer/index/label_selector.h"

#include <algorithm>

namespace netlint::index {

LabelSelector selector_from_map(const model::Labels& map) {
  LabelSelector selector;
  selector.requirements.reserve(map.size());
  for (const model::Label& label : map) {
    const SourceRange range{label.key.range.file, label.key.range.begin,
                            std::max(label.key.range.end, label.value.range.end)};
    selector.requirements.push_back({label.key.value, Requirement::Op::kIn, {label.value.value}, range});
  }
  return selector;
}

LabelSelector selector_from_spec(const model::SelectorSpec& spec) {
  LabelSelector selector = selector_from_map(spec.match_labels);
  for (const model::SelectorExpression& e : spec.match_expressions) {
    Requirement r;
    r.key = e.key.value;
    r.range = e.item;
    const std::string& op = e.op.value;
    if (op == "In")
      r.op = Requirement::Op::kIn;
    else if (op == "NotIn")
      r.op = Requirement::Op::kNotIn;
    else if (op == "Exists")
      r.op = Requirement::Op::kExists;
    else if (op == "DoesNotExist")
      r.op = Requirement::Op::kDoesNotExist;
    else
      r.op = Requirement::Op::kIn;  // unknown operator: `In ()` matches nothing
    if (r.op == Requirement::Op::kIn || r.op == Requirement::Op::kNotIn) {
      if (op == "In" || op == "NotIn") {
        for (const model::Text& v : e.values) r.values.push_back(v.value);
      }
    }
    selector.requirements.push_back(std::move(r));
  }
  return selector;
}

Tri evaluate(const Requirement& requirement, const model::PodSource& pod, std::uint64_t& comparisons) {
  using Op = Requirement::Op;
  const model::Label* written = nullptr;
  for (const model::Label& label : pod.labels) {
    ++comparisons;
    if (label.key.value == requirement.key) {
      written = &label;
      break;
    }
  }
  if (written != nullptr) {
    const auto& values = requirement.values;
    const bool in = std::find(values.begin(), values.end(), written->value.value) != values.end();
    switch (requirement.op) {
      case Op::kIn:
        return in ? Tri::kYes : Tri::kNo;
      case Op::kNotIn:
        return in ? Tri::kNo : Tri::kYes;
      case Op::kExists:
        return Tri::kYes;
      case Op::kDoesNotExist:
        return Tri::kNo;
    }
  }
  // Not written: a controller-added label exists with an unknown value; an operator pod's
  // unwritten labels may or may not exist.
  const bool exists_unknown_value = std::find(pod.unknown_label_keys.begin(), pod.unknown_label_keys.end(),
                                              requirement.key) != pod.unknown_label_keys.end();
  if (exists_unknown_value) {
    if (requirement.op == Op::kExists) return Tri::kYes;
    if (requirement.op == Op::kDoesNotExist) return Tri::kNo;
    return Tri::kMaybe;
  }
  if (pod.open_labels) return Tri::kMaybe;
  switch (requirement.op) {
    case Op::kIn:
    case Op::kExists:
      return Tri::kNo;
    case Op::kNotIn:
    case Op::kDoesNotExist:
      return Tri::kYes;
  }
  return Tri::kNo;
}

Tri evaluate(const LabelSelector& selector, const model::PodSource& pod, std::uint64_t& comparisons) {
  Tri result = Tri::kYes;
  for (const Requirement& requirement : selector.requirements) {
    const Tri t = evaluate(requirement, pod, comparisons);
    if (t == Tri::kNo) return Tri::kNo;
    if (t == Tri::kMaybe) result = Tri::kMaybe;
  }
  return result;
}

}  // namespace netlint::index
