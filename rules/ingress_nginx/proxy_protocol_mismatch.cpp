// NL6010 proxy-protocol-mismatch: ingress-nginx `use-proxy-protocol` and the PROXY protocol
// annotation of the load balancer in front disagree (knowledge/domain-addendum.md section 2).
#include <fmt/format.h>

#include "rules/ingress_nginx/front_load_balancer.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL6010",
    .name = "proxy-protocol-mismatch",
    .severity = diag::Severity::kError,
    .group = diag::Group::kCorrectness,
    .summary = "ingress-nginx use-proxy-protocol and the load balancer's PROXY protocol disagree",
    .doc = R"md(## What it finds
An ingress-nginx controller whose ConfigMap sets `use-proxy-protocol: "true"` while the
`type: LoadBalancer` Service in front of it does not make the load balancer send PROXY protocol,
or the reverse: the Service's annotation turns PROXY protocol on (for example
`service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol: "true"`,
`service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: "*"`,
`service.beta.kubernetes.io/scw-loadbalancer-proxy-protocol-v2: "true"`) while
`use-proxy-protocol` is false, which is its default.

## Why is this bad?
With `use-proxy-protocol` on, nginx requires a PROXY header at the start of every connection on
its HTTP and HTTPS ports; a load balancer that does not send one gets every connection refused
as a broken header. Without it, nginx reads the PROXY header of a load balancer that sends one as
the start of the HTTP request (400) or of the TLS handshake. Either way every request fails,
and nothing in the manifests warns.

## How to fix
Make both sides agree: set `use-proxy-protocol: "true"` in the controller's ConfigMap together
with the provider's PROXY annotation on the controller's Service (as ingress-nginx's
DigitalOcean and Scaleway manifests do), or remove both.

## Known limitations
The load balancer is known only from the provider annotations of the Service that selects the
controller's pods (or `ingressControllers[].loadBalancer.proxyProtocol` in `.netlint.yaml`).
Providers whose PROXY support depends on more than the manifest shows (a cloud controller
version) stay silent, as do Services whose ports disagree. TCP and UDP services of the
`tcp-services` ConfigMap carry their own PROXY flags and are not compared.
)md"};

class ProxyProtocolMismatch final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    for (const nginx::Controller& c : controllers) {
      const std::optional<nginx::FrontLoadBalancer> front = nginx::front_load_balancer(view, c);
      if (!front || !front->fact->proxy_protocol || !front->profile.proxy_protocol.condition.empty()) continue;
      SourceRange nginx_range;
      const std::optional<bool> nginx_on = nginx::effective_bool("use-proxy-protocol", c, &nginx_range);
      if (!nginx_on || *nginx_on == *front->fact->proxy_protocol) continue;
      const SourceRange lb_range = front->profile.proxy_protocol.range.valid() ? front->profile.proxy_protocol.range
                                   : front->service != nullptr                 ? front->service->type.range
                                                                               : SourceRange{};
      if (*nginx_on) {
        // The ConfigMap value is where nginx was told to expect PROXY: nginx_range is valid.
        out.checking(c.config_maps.front()->meta.object_range);
        diag::Diagnostic& d =
            out.report(nginx_range, fmt::format("use-proxy-protocol \"true\" makes nginx require a PROXY header on "
                                                "every connection, but the load balancer "
                                                "in front ({}) does not send one: every request fails",
                                                front->description));
        d.help =
            "add the provider's PROXY protocol annotation to the controller's Service, or remove use-proxy-protocol";
        if (lb_range.valid()) d.related.push_back({lb_range, "the load balancer's PROXY protocol setting"});
        continue;
      }
      const SourceRange anchor = lb_range.valid() ? lb_range : nginx::controller_anchor(c, &*front);
      if (!anchor.valid()) continue;
      if (front->service != nullptr) out.checking(front->service->meta.object_range);
      const std::string where = nginx_range.valid() ? "ConfigMap " + c.fact->config_map : "default";
      diag::Diagnostic& d =
          out.report(anchor, fmt::format("the load balancer in front of {} ({}) sends a PROXY protocol header, but "
                                         "ingress-nginx use-proxy-protocol is "
                                         "false ({}): nginx reads the header as the request and every request fails",
                                         c.fact->workload, front->description, where));
      d.help =
          "set use-proxy-protocol: \"true\" in the controller's ConfigMap, or remove the PROXY protocol annotation";
      if (nginx_range.valid())
        d.related.push_back({nginx_range, "use-proxy-protocol"});
      else if (c.fact->config_map_flag.valid())
        d.related.push_back({c.fact->config_map_flag, "the controller's ConfigMap, where use-proxy-protocol would go"});
    }
  }
};

}  // namespace

const engine::Rule* proxy_protocol_mismatch() {
  static const ProxyProtocolMismatch rule;
  return &rule;
}

}  // namespace netlint::rules
