// NL6101 termination-grace-too-short: a preStop sleep that uses up the grace period.
#include <fmt/format.h>

#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL6101",
                               .name = "termination-grace-too-short",
                               .severity = diag::Severity::kNote,
                               .group = diag::Group::kBestPractice,
                               .summary = "a preStop sleep at or above the pod's termination grace period",
                               .doc = R"md(## What it finds
A container whose `preStop` hook sleeps (`exec` with `sleep N`, or the `sleep` action) for at
least the pod's `terminationGracePeriodSeconds` (30 unless written).

## Why is this bad?
The grace period covers the preStop hook and the container's own shutdown after SIGTERM. When
the hook is still running at the end of the period, the kubelet grants two more seconds and then
kills the container: it never receives SIGTERM, never drains, and in-flight requests fail. For
the `sleep` action, the API server rejects a value above the grace period.

## How to fix
Raise `terminationGracePeriodSeconds` above the preStop delay plus the time the app needs to
drain (e.g. preStop 10 s, grace period 45 s), or shorten the sleep.

## Known limitations
Only the first `sleep N` of an exec command is read; scripts that wait in other ways are not.
)md"};

class TerminationGraceTooShort final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::PodSource& pod : view.model().pod_sources) {
      if (pod.synthetic) continue;
      const std::int64_t grace = pod.termination_grace ? pod.termination_grace->value : 30;
      for (const model::Container& c : pod.containers) {
        if (!c.pre_stop || !c.pre_stop->seconds || *c.pre_stop->seconds < grace) continue;
        out.checking(pod.meta.object_range);
        diag::Diagnostic& d =
            out.report(c.pre_stop->range, fmt::format("preStop of container \"{}\" sleeps {}s, {} the termination "
                                                      "grace period of {}s{}: the container is killed "
                                                      "before it can shut down and drain",
                                                      c.name.value, *c.pre_stop->seconds,
                                                      *c.pre_stop->seconds == grace ? "as long as" : "longer than",
                                                      grace, pod.termination_grace ? "" : " (the default)"));
        d.help =
            fmt::format("set terminationGracePeriodSeconds above {} plus the app's drain time, or shorten the sleep",
                        *c.pre_stop->seconds);
        if (pod.termination_grace) d.related.push_back({pod.termination_grace->range, "terminationGracePeriodSeconds"});
      }
    }
  }
};

}  // namespace

const engine::Rule* termination_grace_too_short() {
  static const TerminationGraceTooShort rule;
  return &rule;
}

}  // namespace netlint::rules
