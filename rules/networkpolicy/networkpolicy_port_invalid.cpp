// NL2011 networkpolicy-port-invalid: ports of NetworkPolicy rules that the API server rejects
// (endPort below port, endPort without a numeric port) or that can never match (a named port
// no destination pod declares; a named port towards ipBlocks only, which have no pods to
// resolve it on).
#include <fmt/format.h>

#include <algorithm>

#include "analyzer/engine/rule.h"
#include "analyzer/index/label_index.h"
#include "analyzer/index/label_selector.h"
#include "analyzer/index/namespace_catalog.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2011",
                               .name = "networkpolicy-port-invalid",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a NetworkPolicy port the API rejects or that can never match",
                               .doc = R"md(## What it finds
A `ports` item of a NetworkPolicy rule that
- has an `endPort` below its `port`, or an `endPort` without a numeric `port` (absent, or a
  named port): the API server rejects the policy;
- names a port (`port: http`) that no destination pod declares with that protocol. Named ports
  resolve on the destination: for ingress the pods the policy selects, for egress the pods of
  the rule's `to` peers;
- names a port in an egress rule whose only peers are `ipBlock`s: addresses outside the cluster
  have no container ports, so the name never resolves.

## Why is this bad?
A rejected policy does not exist. A named port that resolves nowhere admits nothing: the
traffic the rule was written for stays denied, while the manifest looks right.

## How to fix
Make `endPort` at least `port`, and use it only with a numeric `port`. For a named port, use the
`name` of a `containerPort` of the destination pods (with the same protocol), or the number.

## Known limitations
Named ports are checked only where the destination pods are all in the view: the policy's pods
for ingress (a known namespace, every selected pod with known containers), and for egress only
`to` peers that are a `podSelector` alone. A selector that depends on labels the view does not
show keeps the rule silent.
)md"};

bool declares(const model::PodSource& pod, std::string_view name, std::string_view protocol) {
  for (const model::Container& c : pod.containers) {
    if (c.init && !c.restartable) continue;
    for (const model::ContainerPort& p : c.ports) {
      if (p.name.value == name && p.protocol.value == protocol) return true;
    }
  }
  return false;
}

class NetworkPolicyPortInvalid final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::NetworkPolicy& p : view.model().network_policies) {
      out.checking(p.meta.object_range);
      for (const bool ingress : {true, false}) {
        const bool effective = ingress ? p.affects_ingress() : p.affects_egress();
        for (const model::PolicyRule& rule : ingress ? p.ingress : p.egress) {
          for (const model::PolicyPort& port : rule.ports) {
            check_range(p, port, out);
            // A protocol the API rejects (NL0004) is unknown: no pairing through it.
            if (effective && port.port_is_name && port.protocol_valid) check_named(view, p, rule, port, ingress, out);
          }
        }
      }
    }
  }

 private:
  static void check_range(const model::NetworkPolicy& p, const model::PolicyPort& port, engine::Sink& out) {
    if (!port.end_port) return;
    const auto& end = *port.end_port;
    std::string message;
    if (!port.port)
      message = fmt::format("endPort {} of {} has no port: the API server rejects it", end.value, p.meta.display());
    else if (port.port_is_name)
      message = fmt::format("endPort {} of {} follows the named port \"{}\": the API server rejects it", end.value,
                            p.meta.display(), port.port->value);
    else if (port.port_number && end.value < *port.port_number)
      message = fmt::format("endPort {} of {} is below port {}: the API server rejects it", end.value, p.meta.display(),
                            *port.port_number);
    if (message.empty()) return;
    diag::Diagnostic& d = out.report(end.range.valid() ? end.range : port.item, std::move(message));
    d.help = "endPort needs a numeric port at or below it; for one port, drop endPort";
  }

  static void check_named(const engine::View& view, const model::NetworkPolicy& p, const model::PolicyRule& rule,
                          const model::PolicyPort& port, bool ingress, engine::Sink& out) {
    const std::string& name = port.port->value;
    const std::string& protocol = port.protocol.value;
    if (!ingress && !rule.peers.empty() &&
        std::all_of(rule.peers.begin(), rule.peers.end(), [](const model::PolicyPeer& peer) {
          return peer.ip_block && !peer.pod_selector && !peer.namespace_selector;
        })) {
      diag::Diagnostic& d =
          out.report(port.port->range,
                     fmt::format("named port \"{}\" of {} can never match: the rule's only destinations are ipBlocks, "
                                 "which have no container ports",
                                 name, p.meta.display()));
      d.help = "write the port number";
      return;
    }
    // The destination pods, when the view holds all of them.
    const std::string& ns = p.meta.namespace_name.value;
    std::vector<index::PodId> pods;
    if (ingress) {
      if (!view.namespaces().selector_absence_counts(ns, p.meta.file)) return;
      const index::SelectorMatches m = view.labels().match(ns, index::selector_from_spec(p.pod_selector));
      if (!m.maybe.empty()) return;
      pods = m.yes;
    } else {
      if (rule.peers.empty()) return;
      for (const model::PolicyPeer& peer : rule.peers) {
        if (!peer.pod_selector || peer.namespace_selector || peer.ip_block ||
            !view.namespaces().selector_absence_counts(ns, p.meta.file))
          return;
        const index::SelectorMatches m = view.labels().match(ns, index::selector_from_spec(*peer.pod_selector));
        if (!m.maybe.empty()) return;
        pods.insert(pods.end(), m.yes.begin(), m.yes.end());
      }
    }
    if (pods.empty()) return;  // selecting nothing is NL2002's/NL2004's finding
    std::vector<std::string> names;
    for (index::PodId id : pods) {
      const model::PodSource& pod = view.labels().pod(id);
      if (!pod.containers_known || pod.synthetic || declares(pod, name, protocol)) return;
      // Variants of one workload (overlays) are named once.
      if (names.size() < 3 && std::find(names.begin(), names.end(), pod.meta.display()) == names.end())
        names.push_back(pod.meta.display());
    }
    diag::Diagnostic& d = out.report(
        port.port->range,
        fmt::format(
            "named port \"{}\" ({}) of {} is declared by none of its {} pods ({}{}): the rule admits nothing there",
            name, protocol, p.meta.display(), ingress ? "selected" : "destination", fmt::join(names, ", "),
            names.size() == 3 && pods.size() > 3 ? ", ..." : ""));
    d.help = "use the name of a containerPort of those pods (with the same protocol), or the number";
    for (index::PodId id : pods) {
      const model::PodSource& pod = view.labels().pod(id);
      if (pod.template_key.valid()) d.related.push_back({pod.template_key, pod.meta.display()});
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_port_invalid() {
  static const NetworkPolicyPortInvalid rule;
  return &rule;
}

}  // namespace netlint::rules
