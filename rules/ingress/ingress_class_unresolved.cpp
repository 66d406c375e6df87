// NL3004 ingress-class-unresolved: with IngressClasses in the view, an Ingress no class takes.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "analyzer/model/scalar_edit.h"
#include "analyzer/diag/did_you_mean.h"
#include "rules/ingress/ingress_classes.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL3004",
                               .name = "ingress-class-unresolved",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "an Ingress that no IngressClass of the view takes",
                               .doc = R"md(## What it finds
When the view holds IngressClasses: an Ingress whose `ingressClassName` none of them has
(with a did-you-mean), or an Ingress with neither `ingressClassName` nor the legacy
`kubernetes.io/ingress.class` annotation while no IngressClass is marked default
(`ingressclass.kubernetes.io/is-default-class: "true"`) and no ingress-nginx controller in the
view runs with `--watch-ingress-without-class` (such a controller takes class-less Ingresses).

## Why is this bad?
No controller takes the Ingress: its routes are never configured, its address stays empty, and
requests get the controller's default backend (404).

## How to fix
Set `ingressClassName` to the name of an IngressClass of the cluster, or mark one IngressClass as
the default.

## Known limitations
Without IngressClasses in the view nothing is reported: the classes may be installed with the
controller, elsewhere.
)md"};

class IngressClassUnresolved final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<IngressClassInfo> classes = ingress_classes(view);
    if (classes.empty()) return;
    std::vector<std::string> names;
    bool has_default = false;
    for (const IngressClassInfo& c : classes) {
      names.push_back(c.meta->name.value);
      has_default = has_default || c.is_default;
    }
    // RULES.md v3 (Clarifications): class-less Ingresses belong to a controller run with
    // --watch-ingress-without-class.
    bool classless_taken = false;
    if (view.facts().ingress_controllers.usable()) {
      for (const facts::IngressController& c : view.facts().ingress_controllers.value)
        classless_taken = classless_taken || c.watches_classless;
    }
    for (const model::Ingress& ingress : view.model().ingresses) {
      out.checking(ingress.meta.object_range);
      const model::Text& written = ingress.class_name;
      if (!written.value.empty()) {
        if (std::find(names.begin(), names.end(), written.value) != names.end()) continue;
        const auto near = diag::best_near_misses(written.value, names);
        diag::Diagnostic& d = out.report(
            written.range,
            fmt::format("ingressClassName \"{}\" is not an IngressClass of the view ({}){}: no controller takes {}",
                        written.value, fmt::join(names, ", "),
                        near.empty() ? "" : fmt::format("; did you mean \"{}\"?", diag::join_alternatives(near)),
                        ingress.meta.display()));
        d.help = near.empty() ? "set ingressClassName to one of the IngressClasses"
                              : fmt::format("set ingressClassName to \"{}\"", near.front());
        if (!near.empty()) {
          d.fix = model::scalar_fix(view.model(), written, near.front(),
                                    near.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                                    fmt::format("set ingressClassName to {}", near.front()));
        }
        continue;
      }
      if (!ingress.class_annotation.value.empty() || has_default || classless_taken) continue;
      out.report(ingress.meta.name.range,
                 fmt::format(
                     "{} names no class, and no IngressClass of the view ({}) is the default: no controller takes it",
                     ingress.meta.display(), fmt::join(names, ", ")))
          .help =
          "set ingressClassName, or mark an IngressClass with ingressclass.kubernetes.io/is-default-class: \"true\"";
    }
  }
};

}  // namespace

const engine::Rule* ingress_class_unresolved() {
  static const IngressClassUnresolved rule;
  return &rule;
}

}  // namespace netlint::rules
