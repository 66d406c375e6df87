// NL1005 service-node-port-conflict: a nodePort or healthCheckNodePort outside the node-port
// range, or one number on two Services applied together (node ports are one cluster-wide pool).
#include <fmt/format.h>

#include <map>

#include "rules/applied_together.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL1005",
                               .name = "service-node-port-conflict",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a nodePort outside the node-port range, or one nodePort on two Services",
                               .doc = R"md(## What it finds
A Service's `nodePort` or `healthCheckNodePort` outside the cluster's node-port range (the API
server's `--service-node-port-range`, 30000-32767 unless the view or `.netlint.yaml` says
otherwise), or the same number on two different Services applied together, whatever their
protocols. Within one Service, a TCP and a UDP port may share a node port. Two Services are taken
to be applied together when they are in one apply unit (one kustomize build, or files of one
folder that reference each other's objects), when `.netlint.yaml` declares the view one cluster
(`clusters:`), or when both namespaces are complete; self-contained examples side by side and
folders per environment may be alternatives that never meet in one cluster.

## Why is this bad?
The API server rejects the Service: `provided port is not in the valid range` or `provided port
is already allocated`. The apply fails, or, in a GitOps tool, the Service never syncs.

## How to fix
Pick a free number inside the range, or leave `nodePort` out and let the API server allocate one.

## Known limitations
Node ports allocated by Services outside the view cannot be seen.
)md"};

struct Use {
  const model::Service* service;
  model::Spanned<std::int64_t> number;
  std::string what;  // "nodePort" or "healthCheckNodePort"
};

class ServiceNodePortConflict final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const auto& range_fact = view.facts().node_port_range;
    const bool range_usable = range_fact.usable();
    const facts::PortRange range = range_fact.value;
    const std::string range_source = range_fact.state == facts::State::kDefault ? "the default node-port range"
                                     : range_fact.configured() ? "the node-port range set in .netlint.yaml"
                                                               : "the API server's node-port range";
    std::map<std::int64_t, std::vector<Use>> by_number;
    for (const model::Service& service : view.model().services) {
      out.checking(service.meta.object_range);
      std::vector<Use> uses;
      for (const model::ServicePort& p : service.ports) {
        if (p.node_port && p.node_port->value != 0) uses.push_back({&service, *p.node_port, "nodePort"});
      }
      if (service.health_check_node_port && service.health_check_node_port->value != 0) {
        uses.push_back({&service, *service.health_check_node_port, "healthCheckNodePort"});
      }
      for (const Use& u : uses) {
        if (range_usable && (u.number.value < range.low || u.number.value > range.high)) {
          out.report(u.number.range, fmt::format("{} {} is outside {} {}-{}: the API server rejects the Service",
                                                 u.what, u.number.value, range_source, range.low, range.high))
              .help = "pick a free port inside the range, or leave it out and let the API server allocate one";
        }
        by_number[u.number.value].push_back(u);
      }
    }
    for (const auto& entry : by_number) report_conflicts(view, entry.second, out);
  }

 private:
  // Each later Service using a number an earlier (different) Service uses is reported once.
  static void report_conflicts(const engine::View& view, const std::vector<Use>& uses, engine::Sink& out) {
    const auto identity = [](const model::Service* s) { return s->meta.display(); };
    for (std::size_t i = 1; i < uses.size(); ++i) {
      const Use* earlier = nullptr;
      for (std::size_t j = 0; j < i && earlier == nullptr; ++j) {
        // Variants of one Service (other files, other overlays) are not two Services; RULES.md v3:
        // only Services applied together clash (the range check above is unchanged).
        if (identity(uses[j].service) != identity(uses[i].service) &&
            objects_applied_together(view, uses[j].service->meta, uses[i].service->meta)) {
          earlier = &uses[j];
        }
      }
      if (earlier == nullptr) continue;
      out.checking(uses[i].service->meta.object_range);
      diag::Diagnostic& d =
          out.report(uses[i].number.range,
                     fmt::format("{} {} is also the {} of {}: node ports are one cluster-wide pool, so the API "
                                 "server rejects the second Service (\"provided port is already allocated\")",
                                 uses[i].what, uses[i].number.value, earlier->what, earlier->service->meta.display()));
      d.help = "pick another free port, or leave it out and let the API server allocate one";
      d.related.push_back(
          {earlier->number.range, fmt::format("{} of {}", earlier->what, earlier->service->meta.display())});
    }
  }
};

}  // namespace

const engine::Rule* service_node_port_conflict() {
  static const ServiceNodePortConflict rule;
  return &rule;
}

}  // namespace netlint::rules
