// NL4103 coredns-deprecated-directive: a plugin or option that still starts but is deprecated
// or ignored by the CoreDNS version in use.
#include <fmt/format.h>

#include "rules/coredns/corefile_walk.h"
#include "rules/coredns/plugin_table.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4103",
                               .name = "coredns-deprecated-directive",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "a plugin or option that the CoreDNS version in use deprecates or ignores",
                               .doc = R"md(## What it finds
A plugin or option that is deprecated (it works, with a warning in the log) or ignored (accepted,
no effect) at the CoreDNS version running the Corefile, by coredns/corefile-migration's table:
`proxy` from 1.4.0, kubernetes `upstream` from 1.4.0 (ignored from 1.5.0), `resyncperiod` from
1.5.0 (ignored from 1.6.0), `federation` from 1.6.0, and a kubernetes `endpoint` with several
URLs from 1.3.1 (only the first is used). The version comes from the image tag, else the view's
CoreDNS version, else the newest release (where these are removed: NL4102).

## Why is this bad?
An ignored option does not do what the Corefile says; a deprecated one is removed in a later
release, and CoreDNS then refuses to start after an upgrade.

## How to fix
Replace or delete the line as the message says, before upgrading CoreDNS.

## Known limitations
Only the items of corefile-migration's table are known.
)md"};

class DeprecatedDirective final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for_each_lifecycle_use(view, [&](const LifecycleUse& use) {
      out.checking(use.source.text.anchor());
      const Status status = status_at(use.life, use.runtime.version);
      const std::string what = display_name(use.plugin.name, use.option ? use.option->name : "");
      if (status == Status::kDeprecated || status == Status::kIgnored) {
        const bool ignored = status == Status::kIgnored;
        diag::Diagnostic& d =
            out.report(range_of(use.source, use.directive.name),
                       fmt::format("{} is {} since CoreDNS {}{} and the Corefile runs on {}", what,
                                   ignored ? "ignored" : "deprecated", ignored ? use.life.ignored : use.life.deprecated,
                                   use.life.removed.empty() ? "" : fmt::format(" (removed in {})", use.life.removed),
                                   version_text(use.runtime)));
        d.help = use.life.replacement.starts_with("nothing") ? std::string(use.life.replacement.substr(9))
                                                             : fmt::format("use {} instead", use.life.replacement);
        return;
      }
      // kubernetes `endpoint` with several URLs: deprecated in 1.3.1, extra URLs ignored from 1.4.0.
      if (use.option != nullptr && use.plugin.name == "kubernetes" && use.option->name == "endpoint" &&
          use.directive.args.size() > 1 &&
          status_at(Lifecycle{"", "1.3.1", "", "", ""}, use.runtime.version) == Status::kDeprecated) {
        diag::Diagnostic& d =
            out.report(range_of(use.source, use.directive.args[1]),
                       fmt::format("kubernetes option endpoint with several URLs is deprecated since CoreDNS 1.3.1: "
                                   "only the first URL is used on {}",
                                   version_text(use.runtime)));
        d.help = "keep one endpoint URL";
      }
    });
  }
};

}  // namespace

const engine::Rule* coredns_deprecated_directive() {
  static const DeprecatedDirective rule;
  return &rule;
}

}  // namespace netlint::rules
