// NL0005 duplicate-resource: the loader's view merge records identities defined twice with
// different content in one apply; this rule reports them.
#include "rules/input/input_problem_rule.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL0005",
                               .name = "duplicate-resource",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "the same object defined twice with different content in one apply",
                               .doc = R"md(## What it finds
Two definitions of the same object (API group, kind, namespace and name) with different content
in one file, or in the resources of one kustomization: both reach the cluster in one
`kubectl apply`, and the later one silently replaces the earlier. The finding sits on the later
definition's name, with the earlier one as related location.

Definitions that are equal as parsed trees (formatting, comments and key order aside) are one
object and never reported. Definitions that differ across separate files (overlays, provider
variants, alternative installs side by side) are variants of one repository, not one apply, and
are not reported either.

## Why is this bad?
One of the two definitions never takes effect, and which one depends on the order of documents:
a change made to the earlier copy is lost without a word.

## How to fix
Delete one of the definitions, or rename one of them if both objects are wanted.

## Known limitations
All API groups of one built-in kind count as one (`extensions/v1beta1` and `apps/v1`
Deployments). Kustomize's `namePrefix`, `nameSuffix` and patches are not applied, so two
resources that kustomize would rename apart are compared by their written names.
)md"};

class DuplicateResource final : public InputProblemRule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

 protected:
  model::InputProblemKind kind() const override { return model::InputProblemKind::kDuplicateResource; }
  std::string related_message() const override { return "the earlier definition"; }
};

}  // namespace

const engine::Rule* duplicate_resource() {
  static const DuplicateResource rule;
  return &rule;
}

}  // namespace netlint::rules
