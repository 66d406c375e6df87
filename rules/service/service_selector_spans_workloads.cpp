// NL1008 service-selector-spans-workloads: a selector of broad keys only that takes in
// workloads of differently named apps.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "analyzer/engine/rule.h"
#include "rules/service/selector_outcome.h"
#include "rules/service/service_backends.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleOption kOptions[] = {
    {.name = "helmKeys",
     .type = "boolean",
     .default_value = "false",
     .description = "also count Helm's release keys as broad: `app.kubernetes.io/instance`, `release`, "
                    "`app.kubernetes.io/managed-by` (widened; precision not yet measured)"},
};

constexpr diag::RuleInfo kInfo{.code = "NL1008",
                               .name = "service-selector-spans-workloads",
                               .severity = diag::Severity::kNote,
                               .group = diag::Group::kSuspicious,
                               .summary = "a selector of broad keys only that selects differently named apps",
                               .doc = R"md(## What it finds
A Service whose selector uses only broad keys (`tier`, `component`, `part-of`, also as
`app.kubernetes.io/component` and `app.kubernetes.io/part-of`) and selects workloads of
differently named apps (by their `app` or `app.kubernetes.io/name` label, else their name).
Canary and version sets that share the app name (`reviews` v1, v2, v3) are one app and stay
silent, and so are headless Services (clients pick pods by name; nothing is balanced) and
Services whose ports are all metrics ports (named `metrics` or `*-metrics`), which are meant to
span the apps they expose.

## Why is this bad?
The Service balances connections across unrelated workloads: a share of the requests meant for
one app reaches another, which answers with errors or wrong data. It usually starts when a new
workload reuses `tier: backend`.

## How to fix
Add the app's own label to the selector (`app: orders`), so that it selects one app.

Workloads in the Service's own folder are compared when there are any; workloads elsewhere that
share the namespace and labels are then taken for other examples or environments.

With the option `helmKeys: true`, Helm's release keys (`app.kubernetes.io/instance`,
`release`, `app.kubernetes.io/managed-by`) count as broad keys too: a selector of only the
release name takes in every app of the chart.

## Known limitations
A Service that is meant to span several apps under other port names is reported too; it is a
note for that reason.
)md",
                               .options = kOptions};

constexpr std::array<std::string_view, 5> kBroadKeys = {"tier", "component", "part-of", "app.kubernetes.io/component",
                                                        "app.kubernetes.io/part-of"};
// Option helmKeys (RULES.md NL1008, widened): the keys Helm charts stamp on every object of a
// release.
constexpr std::array<std::string_view, 3> kHelmKeys = {"app.kubernetes.io/instance", "release",
                                                       "app.kubernetes.io/managed-by"};

bool broad_key(std::string_view key, bool helm_keys) {
  return std::find(kBroadKeys.begin(), kBroadKeys.end(), key) != kBroadKeys.end() ||
         (helm_keys && std::find(kHelmKeys.begin(), kHelmKeys.end(), key) != kHelmKeys.end());
}

std::string app_name(const model::PodSource& pod) {
  for (std::string_view key : {"app.kubernetes.io/name", "app"}) {
    if (const model::Label* l = model::find_label(pod.labels, key)) return l->value.value;
  }
  return pod.meta.name.value;
}

// Every port is named `metrics` or `*-metrics`.
bool metrics_only(const model::Service& service) {
  if (service.ports.empty()) return false;
  return std::all_of(service.ports.begin(), service.ports.end(), [](const model::ServicePort& p) {
    const std::string_view name = p.name.value;
    return name == "metrics" || name.ends_with("-metrics");
  });
}

class ServiceSelectorSpansWorkloads final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const bool helm_keys = out.option_flag("helmKeys");
    for (const model::Service& service : view.model().services) {
      if (!service.has_selector()) continue;
      // RULES.md v3: a headless Service lists every pod by name (nothing is balanced), and one
      // that serves only metrics is meant to span the apps it scrapes.
      if (service.headless() || metrics_only(service)) continue;
      const bool broad_only = std::all_of(service.selector.begin(), service.selector.end(),
                                          [&](const model::Label& l) { return broad_key(l.key.value, helm_keys); });
      if (!broad_only) continue;
      out.checking(service.meta.object_range);
      std::vector<std::string> apps;
      std::vector<std::string> shown;
      std::vector<diag::RelatedLocation> related;
      const std::vector<Backend> backends = backend_groups(view, service);
      // With workloads beside the Service, the others are taken for other examples or
      // environments that share the namespace and labels (as in NL1003).
      const bool any_colocated =
          std::any_of(backends.begin(), backends.end(), [](const Backend& b) { return b.colocated; });
      for (const Backend& b : backends) {
        if (any_colocated && !b.colocated) continue;
        const model::PodSource& pod = *b.variants.front();
        const std::string app = app_name(pod);
        if (std::find(apps.begin(), apps.end(), app) == apps.end()) apps.push_back(app);
        shown.push_back(fmt::format("{} ({})", pod.meta.display(), app));
        related.push_back({pod.labels_key, fmt::format("labels of {}", pod.meta.display())});
      }
      if (apps.size() < 2) continue;
      diag::Diagnostic& d = out.report(
          service.selector_key,
          fmt::format(
              "selector {} uses only broad keys and selects {} differently named apps: {}; {} balances connections "
              "across all of them",
              format_selector(service.selector), apps.size(), fmt::join(shown, ", "), service.meta.display()));
      d.help = "add the app's own label (app or app.kubernetes.io/name) to the selector";
      d.related = std::move(related);
    }
  }
};

}  // namespace

const engine::Rule* service_selector_spans_workloads() {
  static const ServiceSelectorSpansWorkloads rule;
  return &rule;
}

}  // namespace netlint::rules
