// NL0006 ambiguous-view: no longer a rule but the id of run-level notes (RULES.md "Run-level
// notes (NL0006)"). The entry stays in the registry, metadata only, so that `--ignore NL0006`
// (which hides the notes), `rules: {NL0006: ...}` in existing configs and links to its page keep
// resolving. The notes themselves are collected by analyzer/report/view_notes from the facts'
// conflicts, the load counts and the namespace states, and written by every reporter.
#include "analyzer/engine/engine_codes.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL0006",
                               .name = "ambiguous-view",
                               .severity = diag::Severity::kNote,
                               .group = diag::Group::kSuspicious,
                               .summary = "run-level notes: statements about the view, never findings",
                               .doc = R"md(## What it is
NL0006 is not a finding: it is the id of **run-level notes**, statements about the view as a
whole rather than about an object to edit. They are never results, never enter a baseline, are
never counted by `failOn` and never change the exit status. Each note has a topic:

- `ambiguous-fact`: the manifests' evidence for a cluster fact (`netlint facts` prints them)
  conflicts, so the fact is **ambiguous**: components that exclude each other, such as two CNIs
  that are not a known combination (Canal, Cilium chained on another CNI and Calico in
  policy-only mode are known combinations), or variants of one component that disagree, such as
  two definitions of `kube-flannel-cfg` with different `Network`s. Rules that need the fact stay
  silent rather than guess.
- `config-overrides-detection`: `.netlint.yaml` sets a fact (`cluster:`) that the manifests
  contradict; the configured value is used.
- `placeholders`: documents hold placeholders (`${NAME}`, `<editme>`, `__NAME__`) whose values
  are unknown to rules.
- `negative-fixtures`: files or folders named `invalid*`, `malformed*` or `bad*` were skipped as
  test inputs written to fail.
- `selection`: a config without `select` runs the default groups (correctness, suspicious,
  perf); the note names the codes of netlint v2 that this leaves out.
- `namespaces`: how many namespaces of the view are complete, open or unknown; rules that report
  a missing object stay silent where the view may not hold everything.

RULES.md also names the topics `kustomize-unsupported`, `kustomize-not-built` and `inert-files`,
which this version does not write yet.

## How they are shown
- text: after the findings, before the summary line, one line each without a `path:line:col:`
  prefix (problem matchers skip it), e.g.
  `view: note: the view mixes evidence of several clusters for the pod CIDRs (...) (b/flannel.yaml:8, a/flannel.yaml:8) [NL0006 ambiguous-fact]`;
  the summary line counts them as `N view notes`.
- json: the top-level `view` object (`notes`, with `id`, `topic`, `message` and `evidence`;
  `namespaces`, each with its `state` and `reason`) and `summary.viewNotes`.
- sarif: notifications of `runs[0].invocations[0]` (tool configuration notifications for
  `config-overrides-detection` and `selection`, tool execution notifications otherwise) referring to the `NL0006`
  descriptor of `tool.driver.notifications`; code scanning makes no alerts of them.
- github: `::notice title=NL0006 <topic>::<message>`, without a file.

## How to act on them
Split a repository that holds several clusters' manifests into views with `clusters:` in
`.netlint.yaml`, or state the fact under `cluster:`; when the config contradicts the manifests,
correct whichever is wrong; list namespaces the repository owns under
`cluster.namespaces.complete`. `ignore: [NL0006]` (or `--ignore NL0006`) hides the notes;
`select`, groups and prefixes do not affect them.

## Known limitations
Different objects that contradict each other inside one install (kube-proxy's `clusterCIDR`
against Flannel's `Network`) are not ambiguity but a misconfiguration: the rule that relates them
reports it. **v3: moved**: NL0006 was a note finding before.
)md",
                               .run_level = true};
// The literal above is what the registry meta-test reads; the reporters name it by this.
static_assert(kInfo.code == engine::kViewNoteCode);

// Never selected to run (rule_selection leaves run-level entries out); reports nothing if run.
class AmbiguousView final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }
  void check(const engine::View&, engine::Sink&) const override {}
};

}  // namespace

const engine::Rule* ambiguous_view() {
  static const AmbiguousView rule;
  return &rule;
}

}  // namespace netlint::rules
