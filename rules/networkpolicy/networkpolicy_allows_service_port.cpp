// NL2018 networkpolicy-allows-service-port: a rule admits a Service's `port` where the policies
// see the pods' `targetPort`, so the traffic it was written for stays denied.
#include <fmt/format.h>

#include "rules/networkpolicy/isolating_policy.h"
#include "rules/networkpolicy/root_causes.h"
#include "rules/networkpolicy/service_port_confusion.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL2018",
                               .name = "networkpolicy-allows-service-port",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a rule admits a Service's port where the pods listen on its targetPort",
                               .doc = R"md(## What it finds
A NetworkPolicy rule whose `ports` item admits a Service's `port` for peers that reach that
Service's pods (on an ingress rule: the pods the policy selects; on an egress rule: the pods of the
`to` peers), while the Service maps that port to a different `targetPort`, the pods do not declare
the Service port themselves, and no rule of the isolating policies admits the targetPort for those
peers.

```yaml
kind: Service
spec:
  ports: [{port: 80, targetPort: 8080}]
---
kind: NetworkPolicy
spec:
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: 80}]        # the pods receive 8080
```

The classic case is DNS: the kube-dns Service listens on 53 and forwards to CoreDNS pods on 5353
(or another port); an egress rule for port 53 to those pods admits nothing.

## Why is this bad?
NetworkPolicies are enforced on the packet after the Service's DNAT: the destination is the pod's
address and the `targetPort`. A rule for the Service port matches no connection that goes through
the Service, so the traffic the rule was written for is denied, and the policy looks right.

## How to fix
Admit the `targetPort` (the number the pods listen on), or the container port's name, which
resolves on the destination pods:

```yaml
ports: [{port: http}]      # or {port: 8080}
```

## Known limitations
Only numeric port items are checked (a named port resolves on the pods and is always the pods'
port). Headless Services are skipped: they do no DNAT. Silent when the targetPort is a name that
no container declares (NL1003 reports it), for pods whose containers the view does not show, and
for flows that depend on what the view does not show. When the blocked flow is a pod's DNS, this
finding replaces NL2005/NL2006.
)md"};

class NetworkPolicyAllowsServicePort final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const ServicePortConfusion& c : find_service_port_confusions(view)) {
      const netpol::PolicyEngine& engine = view.policies();  // built by the search above
      const model::NetworkPolicy& p = view.model().network_policies[c.policy];
      out.checking(p.meta.object_range);
      const model::Service& svc = *c.services.front();
      const std::string proto(netpol::protocol_name(c.protocol));
      diag::Diagnostic& d =
          out.report(c.port->port ? c.port->port->range : c.port->item,
                     fmt::format("{} rule of {} admits {} {}, the port of {}, but its pods ({}) listen on targetPort "
                                 "{}: policies match the "
                                 "port after the Service's DNAT, so {} {} stays denied",
                                 c.ingress ? "ingress" : "egress", p.meta.display(), proto, c.service_port,
                                 svc.meta.display(), workload_list(engine, c.destinations), c.target_port,
                                 c.ingress ? "traffic from" : "traffic of", workload_list(engine, c.sources)));
      d.help = fmt::format("admit {} {} (the targetPort) or the pods' port name instead of {}", proto, c.target_port,
                           c.service_port);
      d.root_cause = port_item_cause(*c.port);
      for (std::size_t i = 0; i < c.services.size(); ++i) {
        d.related.push_back(
            {c.service_ports[i]->item, fmt::format("{} maps port {} to targetPort {}", c.services[i]->meta.display(),
                                                   c.service_port, c.target_port)});
      }
    }
  }
};

}  // namespace

const engine::Rule* networkpolicy_allows_service_port() {
  static const NetworkPolicyAllowsServicePort rule;
  return &rule;
}

}  // namespace netlint::rules
