// NL4111 coredns-metrics-port-mismatch: the metrics port the CoreDNS pods or their Service expose
// is not the prometheus plugin's port.
#include <fmt/format.h>

#include <algorithm>

#include "analyzer/model/model.h"
#include "rules/coredns/coredns_pods.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4111",
                               .name = "coredns-metrics-port-mismatch",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "the CoreDNS metrics port exposed does not match the prometheus address",
                               .doc = R"md(## What it finds
A container that runs a Corefile with `prometheus` whose container port named `metrics`, or a
Service port named `metrics` selecting it, points at a port the `prometheus` plugin does not
listen on (default `localhost:9153`; kubeadm writes `:9153`).

## Why is this bad?
Scrapes of CoreDNS fail or hit nothing: DNS latency, cache and error metrics silently vanish
from dashboards and alerts.

## How to fix
Make the ports equal: `prometheus :9153` with `containerPort: 9153` and the Service's
`targetPort: 9153`.

## Known limitations
Only ports named `metrics` are compared; Corefiles that import files are not judged.
)md"};

class MetricsPortMismatch final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const CorednsContainer& cc : coredns_containers(view)) {
      if (cc.prometheus.unknown || cc.prometheus.ports.empty()) continue;
      out.checking(cc.pod->meta.object_range);
      const auto listens = [&](std::int64_t port) {
        return std::find(cc.prometheus.ports.begin(), cc.prometheus.ports.end(), port) != cc.prometheus.ports.end();
      };
      for (const model::ContainerPort& p : cc.container->ports) {
        if (p.name.value != "metrics" || listens(p.number.value)) continue;
        report(out, cc, p.number.range,
               fmt::format("container port metrics {} of {}", p.number.value, cc.pod->meta.display()));
      }
      for (const model::Service& svc : view.model().services) {
        if (svc.meta.namespace_name.value != cc.pod->meta.namespace_name.value || !svc.has_selector() ||
            !model::selector_matches(svc.selector, cc.pod->labels)) {
          continue;
        }
        for (const model::ServicePort& sp : svc.ports) {
          // A name resolves to the container port above; an unknown targetPort pairs with nothing.
          if (sp.name.value != "metrics" || !sp.target_port_number || sp.target_port_placeholder) continue;
          const std::int64_t target = *sp.target_port_number;
          if (listens(target)) continue;
          report(out, cc, sp.target_port->range,
                 fmt::format("{} port metrics ({}target {})", svc.meta.display(),
                             sp.target_port_defaulted ? "default " : "", target));
        }
      }
    }
  }

 private:
  static void report(engine::Sink& out, const CorednsContainer& cc, SourceRange at, const std::string& what) {
    std::vector<std::string> ports;
    for (int p : cc.prometheus.ports) ports.push_back(std::to_string(p));
    diag::Diagnostic& d =
        out.report(at, fmt::format("{} does not match the prometheus port {} of its Corefile: metrics scrapes fail",
                                   what, fmt::join(ports, ", ")));
    for (const SourceRange& r : cc.prometheus.where) d.related.push_back({r, "the prometheus plugin"});
    d.help = fmt::format("expose port {}, or move prometheus to that port", cc.prometheus.ports.front());
  }
};

}  // namespace

const engine::Rule* coredns_metrics_port_mismatch() {
  static const MetricsPortMismatch rule;
  return &rule;
}

}  // namespace netlint::rules
