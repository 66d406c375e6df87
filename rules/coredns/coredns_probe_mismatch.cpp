// NL4110 coredns-probe-mismatch: the CoreDNS pods' liveness or readiness probe does not reach
// the Corefile's health or ready address.
#include <fmt/format.h>

#include <algorithm>

#include "rules/coredns/coredns_pods.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4110",
                               .name = "coredns-probe-mismatch",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a CoreDNS probe that does not match the Corefile's health or ready address",
                               .doc = R"md(## What it finds
A container that runs a Corefile (it mounts the Corefile's ConfigMap key) with an HTTP liveness
or readiness probe on `/health` or `/ready` whose port (a named port is resolved in the
container's ports) is not a port the Corefile's `health` (default `:8080`) or `ready` (default
`:8181`) plugin listens on, or whose plugin the Corefile does not enable.

## Why is this bad?
Nothing answers the probe: a failing readiness probe keeps the DNS pods out of the kube-dns
Service (the cluster has no DNS), a failing liveness probe restarts them forever.

## How to fix
Make the probe's port equal to the plugin's address (kubeadm: liveness `/health` on 8080,
readiness `/ready` on 8181), or enable the plugin in the Corefile.

## Known limitations
Probes on other paths are not judged. Corefiles that import files are not judged (the files may
enable the plugins).
)md"};

class ProbeMismatch final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const CorednsContainer& cc : coredns_containers(view)) {
      out.checking(cc.pod->meta.object_range);
      if (cc.container->liveness) check_probe(cc, "liveness", *cc.container->liveness, out);
      if (cc.container->readiness) check_probe(cc, "readiness", *cc.container->readiness, out);
    }
  }

 private:
  static void check_probe(const CorednsContainer& cc, std::string_view kind, const model::Probe& probe,
                          engine::Sink& out) {
    if (probe.kind != model::Probe::Kind::kHttpGet) return;
    const std::string& path = probe.path.value;
    const bool health = path == "/health";
    if (!health && path != "/ready") return;
    const PluginPorts& plugin = health ? cc.health : cc.ready;
    const std::string_view plugin_name = health ? "health" : "ready";
    if (plugin.unknown) return;
    const auto port = resolve_container_port(*cc.container, probe.port, probe.port_is_name);
    if (!port) return;  // an unresolved name is NL6103's
    if (std::find(plugin.ports.begin(), plugin.ports.end(), *port) != plugin.ports.end()) return;
    const std::string consequence = kind == "readiness" ? "the DNS pods never become ready and the cluster has no DNS"
                                                        : "the probe fails and CoreDNS is restarted again and again";
    const std::string port_text =
        probe.port_is_name ? fmt::format("port {} ({})", *port, probe.port.value) : fmt::format("port {}", *port);
    const SourceRange anchor = probe.port.range.valid() ? probe.port.range : probe.key;
    if (plugin.ports.empty()) {
      diag::Diagnostic& d =
          out.report(anchor, fmt::format("{} probe GET {} on {} of {}, but its Corefile does not enable {}: {}", kind,
                                         path, port_text, cc.pod->meta.display(), plugin_name, consequence));
      d.help = fmt::format("add `{}` to the Corefile", plugin_name);
      return;
    }
    std::vector<std::string> ports;
    for (int p : plugin.ports) ports.push_back(std::to_string(p));
    diag::Diagnostic& d = out.report(
        anchor, fmt::format("{} probe GET {} on {} of {} does not match the Corefile's {} port {}: {}", kind, path,
                            port_text, cc.pod->meta.display(), plugin_name, fmt::join(ports, ", "), consequence));
    for (const SourceRange& r : plugin.where) d.related.push_back({r, fmt::format("the {} plugin", plugin_name)});
    d.help = fmt::format("probe port {}, or move the {} plugin to :{}", plugin.ports.front(), plugin_name, *port);
  }
};

}  // namespace

const engine::Rule* coredns_probe_mismatch() {
  static const ProbeMismatch rule;
  return &rule;
}

}  // namespace netlint::rules
