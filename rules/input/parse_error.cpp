// NL0001 parse-error: the loader records what does not parse; this rule reports it.
#include "analyzer/engine/engine_codes.h"
#include "analyzer/engine/rule.h"
#include "rules/input/input_problem_rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL0001",
                               .name = "parse-error",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a manifest or config that does not parse",
                               .doc = R"md(## What it finds
A YAML or JSON document that looks like a Kubernetes manifest (it has `apiVersion` and `kind`
keys) but does not parse, and (later) an embedded config such as a Corefile that does not parse.
The finding points at the position the parser stopped.

## Why is this bad?
`kubectl apply` rejects the whole file, so nothing in it reaches the cluster, and everything
netlint would check in that document goes unchecked.

## How to fix
Correct the syntax at the reported position: usually an indentation step, a missing space
after `:`, a tab used for indentation or an unclosed quote.

## Known limitations
Each document of a multi-document file is parsed alone, so one broken document never hides
the findings of its siblings. Broken documents that do not look like Kubernetes manifests
(a CI workflow, a docker-compose file), Go/Helm templates (`{{ ... }}`) and fill-in templates
(the error is on a line holding an angle-bracket placeholder such as `<your password: here>`)
are skipped and counted in the summary line instead of being reported. So are negative
fixtures, test inputs written to fail: files whose name, or a folder below the path linted, has
`invalid`, `malformed` or `bad` as its first `-`/`_`/`.`-delimited token (`invalid.yaml`,
`bad_netpols/`). A file named on the command line, or selected by `include` in `.netlint.yaml`,
is linted whatever its name.
)md"};
// The literal above is what the registry meta-test reads; the language server names it by this.
static_assert(kInfo.code == engine::kParseErrorCode);

class ParseError final : public InputProblemRule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

 protected:
  model::InputProblemKind kind() const override { return model::InputProblemKind::kParseError; }
};

}  // namespace

const engine::Rule* parse_error() {
  static const ParseError rule;
  return &rule;
}

}  // namespace netlint::rules
