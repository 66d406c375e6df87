// NL0002 internal-error: reported by the engine when a rule throws; the rule itself checks nothing.
#include "analyzer/engine/engine_codes.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL0002",
                               .name = "internal-error",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a rule failed on this input (a bug in netlint)",
                               .doc = R"md(## What it finds
A rule that failed while checking an object. The message names the rule and the failure; the
finding points at the object the rule was checking. All other rules still run, and netlint
exits with status 3 after printing everything it found.

## Why is this bad?
The failing rule did not check that input, so a real problem may go unreported.

## How to fix
This is a bug in netlint, not in your manifests. Please report it with the smallest input
that triggers it. Until it is fixed, you can disable the failing rule.

## Known limitations
Only failures that surface as exceptions are caught; a crash of the whole process is not.
)md"};
// The literal above is what the registry meta-test reads; the engine emits its own name for it.
static_assert(kInfo.code == engine::kInternalErrorCode);

class InternalError final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }
  void check(const engine::View&, engine::Sink&) const override {}
};

}  // namespace

const engine::Rule* internal_error() {
  static const InternalError rule;
  return &rule;
}

}  // namespace netlint::rules
