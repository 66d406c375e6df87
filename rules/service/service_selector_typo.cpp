// NL1001 service-selector-typo: a Service selector that matches no pods, with a near miss.
#include <fmt/format.h>

#include "analyzer/engine/rule.h"
#include "rules/service/selector_outcome.h"
#include "analyzer/model/namespace_name.h"
#include "analyzer/model/scalar_edit.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL1001",
                               .name = "service-selector-typo",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "service selector matches no pods, but a near miss exists",
                               .doc = R"md(## What it finds
A Service whose selector matches no pod source in its namespace, while changing exactly one
selector entry (its value or its key) to a near miss of an existing label would match one:
`app: order-service` while the Deployment's pods carry `app: orders-service`.

A near miss is an edit distance of 1 (strings of up to 5 characters) or 2, counting a swap of
two neighbouring characters as one edit; or equality after ignoring case, `-`, `_`, `.` and a
plural `s`. Values that differ only in digits (`v1`, `v2`) are version siblings, not typos.

## Why is this bad?
The Service gets no endpoints. Every client that connects to it gets `connection refused` or a
timeout, and nothing in the cluster reports an error: the Service and the Deployment are both
healthy on their own.

## How to fix
Make the selector entry and the pod template label agree. The finding sits on the side that is
most likely wrong: on the Service's entry, unless at least two other Services use the same
value, in which case it sits on the workload's label.

## Known limitations
Pods created by operators, and labels that controllers add (`pod-template-hash`), have values
that are not in the manifests; a selector that depends on them is neither reported here nor by
`service-selector-matches-no-pods`.
)md"};

// The anchor moves to the workload when at least this many other Services agree with the
// Service's value: then the pod template label is the odd one out.
constexpr int kAgreeingServicesToBlameWorkload = 2;

int services_using(const engine::View& view, const model::Service& self, const model::Label& entry) {
  int count = 0;
  for (const model::Service& other : view.model().services) {
    if (&other == &self || other.meta.namespace_name.value != self.meta.namespace_name.value) continue;
    const model::Label* same = model::find_label(other.selector, entry.key.value);
    if (same != nullptr && same->value.value == entry.value.value) ++count;
  }
  return count;
}

class ServiceSelectorTypo final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::Service& service : view.model().services) {
      out.checking(service.meta.object_range);
      const SelectorOutcome outcome = analyse_service_selector(view, service);
      if (outcome.fixes.empty()) continue;
      report(view, service, outcome.fixes, out);
    }
  }

 private:
  static void report(const engine::View& view, const model::Service& service,
                     const std::vector<index::SelectorFix>& fixes, engine::Sink& out) {
    const std::vector<std::string> alternatives = fix_alternatives(view, fixes);
    const index::SelectorFix& first = fixes.front();
    const model::Label& entry = service.selector[first.entry];
    const bool key_typo = first.key != entry.key.value;
    const SourceRange service_side = key_typo ? entry.key.range : entry.value.range;
    const model::PodSource& pod = view.labels().pod(first.pods.front());
    const model::Label* label = model::find_label(pod.labels, first.key);
    const SourceRange workload_side = label == nullptr ? SourceRange{}
                                      : key_typo       ? label->key.range
                                                       : label->value.range;

    const std::string message =
        fmt::format("selector {} matches no pods in {}; did you mean {}", format_selector(service.selector),
                    model::namespace_phrase(service.meta.namespace_name.value), diag::join_alternatives(alternatives));
    const bool blame_workload =
        workload_side.valid() && services_using(view, service, entry) >= kAgreeingServicesToBlameWorkload;
    if (blame_workload) {
      diag::Diagnostic& d = out.report(workload_side, message);
      d.help = fmt::format("other Services select {}={}: change this label to {}={}, or the Service's selector",
                           entry.key.value, entry.value.value, entry.key.value, entry.value.value);
      d.related.push_back({service_side, fmt::format("selector of {}", service.meta.display())});
      // Unsafe: relabelling pods can unselect them from other Services and policies.
      const model::Text& written = key_typo ? label->key : label->value;
      d.fix = model::scalar_fix(view.model(), written, key_typo ? entry.key.value : entry.value.value,
                                diag::Applicability::kUnsafe,
                                fmt::format("change the label to {}={}", entry.key.value, entry.value.value));
      return;
    }
    diag::Diagnostic& d = out.report(service_side, message);
    d.help =
        fmt::format("change the selector to {}={}, or the pod template's label to match it", first.key, first.value);
    add_fix_labels(view, fixes, key_typo, d.related);
    // Safe with one candidate: the selector is the side the pods contradict.
    d.fix = model::scalar_fix(view.model(), key_typo ? entry.key : entry.value, key_typo ? first.key : first.value,
                              fixes.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                              fmt::format("change the selector to {}={}", first.key, first.value));
  }
};

}  // namespace

const engine::Rule* service_selector_typo() {
  static const ServiceSelectorTypo rule;
  return &rule;
}

}  // namespace netlint::rules
