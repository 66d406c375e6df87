// NL4102 coredns-removed-directive: a plugin or option the CoreDNS version in use has removed.
#include <fmt/format.h>

#include "rules/coredns/corefile_walk.h"
#include "rules/coredns/plugin_table.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4102",
                               .name = "coredns-removed-directive",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a plugin or option that the CoreDNS version in use has removed",
                               .doc = R"md(## What it finds
A plugin or option that CoreDNS removed by the version running the Corefile: the `proxy`
plugin (removed in 1.5.0, use `forward`), `federation` (1.7.0), `reverse` (1.2.0),
`startup`/`shutdown` (1.1.0, use `on`), and the kubernetes options `upstream` and
`resyncperiod` (1.7.0) and `transfer` (1.8.0, use the `transfer` plugin). The version comes from
the tag of the CoreDNS image whose pods mount the Corefile, else from the view's CoreDNS
version; without either it is the newest release.

## Why is this bad?
CoreDNS refuses to start (`Unknown directive` or `unknown property`): after an upgrade the DNS
pods crash-loop and the cluster loses name resolution. kubeadm migrates its own Corefile on
upgrade; hand-kept and vendor Corefiles are not migrated.

## How to fix
Replace the plugin as the message says, or delete the option.

## Known limitations
The table follows coredns/corefile-migration; plugins outside it are reported by NL4101.
)md"};

class RemovedDirective final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for_each_lifecycle_use(view, [&](const LifecycleUse& use) {
      if (status_at(use.life, use.runtime.version) != Status::kRemoved) return;
      out.checking(use.source.text.anchor());
      const std::string what = display_name(use.plugin.name, use.option ? use.option->name : "");
      diag::Diagnostic& d =
          out.report(range_of(use.source, use.directive.name),
                     fmt::format("{} was removed in CoreDNS {} and the Corefile runs on {}: CoreDNS will not start",
                                 what, use.life.removed, version_text(use.runtime)));
      d.root_cause = root_cause_of(use.source, use.directive.name);
      d.help = use.life.replacement.starts_with("nothing") ? std::string(use.life.replacement.substr(9))
                                                           : fmt::format("use {} instead", use.life.replacement);
    });
  }
};

}  // namespace

const engine::Rule* coredns_removed_directive() {
  static const RemovedDirective rule;
  return &rule;
}

}  // namespace netlint::rules
