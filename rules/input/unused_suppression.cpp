// NL0003 unused-suppression: reported by the engine, which applies suppressions and knows which
// of them silenced something (analyzer/engine/suppressions.h); the rule itself checks nothing.
#include "analyzer/engine/engine_codes.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL0003",
    .name = "unused-suppression",
    .severity = diag::Severity::kNote,
    .group = diag::Group::kSuspicious,
    .summary = "a netlint.io/ignore annotation or # netlint:ignore comment suppressing nothing",
    .doc = R"md(## What it finds
A suppression that silences no finding:

- the annotation `netlint.io/ignore` on an object, whose rules report nothing inside that object;
- a `# netlint:ignore` comment, whose rules report nothing on the comment's line or the line
  after it.

Each rule a suppression names is checked on its own, so `# netlint:ignore NL1001, NL1002` where
only NL1001 reports gets one note for NL1002. The same note, anchored on the suppression, also
reports a suppression that names no rule (`# netlint:ignore` alone), a code or name that is no
rule (with a did-you-mean: `service-selecter-typo` → `service-selector-typo`), and one that
names NL0003 itself.

## Why is this bad?
A suppression outlives the finding it was written for: the manifest was fixed, the object
moved, or the rule became more precise. Left in place, it silently hides the next real finding
of that rule there. A suppression naming a rule that does not exist suppresses nothing at all,
and usually hides a typo: the finding it was meant for is still reported.

## How to fix
Remove the suppression, or the rules in it that no longer report. Correct a misspelt code or
name (`netlint rules` lists them). Suppressions are written as

```yaml
metadata:
  annotations:
    netlint.io/ignore: "NL1001, service-selector-matches-no-pods -- selected by an operator"
spec:
  selector:   # netlint:ignore NL1002 -- pods come from the canary pipeline
```

(see [configuration](../configuration.md#suppressing-findings)).

## Known limitations
A suppression for a rule that did not run (turned off with `--disable` or `severity: off`) is
never reported as unused: netlint cannot tell. NL0003 itself cannot be suppressed by a
suppression (that would be a suppression about suppressions); turn it off in `.netlint.yaml`
`rules:` or with `--disable NL0003` instead. A comment inside a multi-line quoted string is
taken for a comment.
)md"};
// The literal above is what the registry meta-test reads; the engine emits its own name for it.
static_assert(kInfo.code == engine::kUnusedSuppressionCode);

class UnusedSuppression final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }
  void check(const engine::View&, engine::Sink&) const override {}
};

}  // namespace

const engine::Rule* unused_suppression() {
  static const UnusedSuppression rule;
  return &rule;
}

}  // namespace netlint::rules
