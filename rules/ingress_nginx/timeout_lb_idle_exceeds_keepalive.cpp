// NL6005 timeout-lb-idle-exceeds-keepalive: an L7 load balancer that pools connections to nginx
// keeps them idle at least as long as nginx's client keep-alive (knowledge/domain.md 2.6).
#include <fmt/format.h>

#include "rules/ingress_nginx/front_load_balancer.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL6005",
    .name = "timeout-lb-idle-exceeds-keepalive",
    .severity = diag::Severity::kError,
    .group = diag::Group::kCorrectness,
    .summary = "an L7 load balancer keeps idle connections to nginx longer than nginx keep-alive",
    .doc = R"md(## What it finds
An ingress-nginx controller behind a load balancer that ends HTTP and pools its connections to
nginx (an AWS classic ELB with `aws-load-balancer-backend-protocol: http`, or `https` with a
certificate; or a load balancer of kind `l7` in `.netlint.yaml`), where the load balancer's idle
timeout is at least nginx's client `keep-alive` (ConfigMap key, default 75 seconds).

## Why is this bad?
The load balancer keeps an idle connection to nginx for its idle timeout and reuses it for the
next request. nginx closes idle client connections after `keep-alive` seconds. When nginx's
timeout is the shorter one, the load balancer sends a request on a connection nginx is closing
and answers the user with 502. AWS's advice is the same: the backend's keep-alive must be longer
than the load balancer's idle timeout.

## How to fix
Set `keep-alive` in the controller's ConfigMap above the load balancer's idle timeout (for an
idle timeout of 60 s, the default 75 works; for 300 s, use 310), or lower the idle timeout.

## Known limitations
Only load balancers whose kind netlint knows from the Service's annotations (or the config) are
compared; L4 load balancers (an NLB, a TCP classic ELB, Azure, GCP passthrough) do not pool HTTP
and are not reported, nor is `keep-alive: "0"` (NL6012). An invalid `keep-alive` counts as the
default 75, as the controller keeps it.
)md"};

class TimeoutLbIdleExceedsKeepalive final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const nginx::Controller& c : nginx::controllers(view)) {
      const std::optional<nginx::FrontLoadBalancer> front = nginx::front_load_balancer(view, c);
      if (!front || front->fact->kind != "l7" || !front->fact->idle_timeout_seconds) continue;
      const std::optional<nginx::Effective> keep = nginx::effective_seconds("keep-alive", c);
      const std::int64_t idle = *front->fact->idle_timeout_seconds;
      if (!keep || keep->value == 0 || keep->value > idle) continue;
      const SourceRange anchor = keep->range.valid()         ? keep->range
                                 : front->idle_range.valid() ? front->idle_range
                                                             : nginx::controller_anchor(c, &*front);
      if (!anchor.valid()) continue;
      if (front->service != nullptr) out.checking(front->service->meta.object_range);
      diag::Diagnostic& d =
          out.report(anchor, fmt::format("nginx keep-alive {}s ({}) is {} the load balancer idle timeout {}: the load "
                                         "balancer reuses connections nginx has "
                                         "closed (502)",
                                         keep->value, nginx::describe_source(*keep, c),
                                         keep->value < idle ? "shorter than" : "not longer than", front->idle_text));
      d.help = fmt::format(
          "set keep-alive in the controller's ConfigMap above the idle timeout (e.g. \"{}\"), or lower the load "
          "balancer's idle timeout",
          idle + 15);
      if (keep->range.valid() && anchor != keep->range) d.related.push_back({keep->range, "nginx keep-alive"});
      if (front->idle_range.valid() && anchor != front->idle_range)
        d.related.push_back({front->idle_range, "the load balancer idle timeout"});
      if (!keep->range.valid() && c.fact->config_map_flag.valid())
        d.related.push_back({c.fact->config_map_flag, "the controller's ConfigMap, where keep-alive would go"});
    }
  }
};

}  // namespace

const engine::Rule* timeout_lb_idle_exceeds_keepalive() {
  static const TimeoutLbIdleExceedsKeepalive rule;
  return &rule;
}

}  // namespace netlint::rules
