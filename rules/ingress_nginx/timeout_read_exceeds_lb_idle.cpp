// NL6006 timeout-read-exceeds-lb-idle: nginx waits longer for a silent backend (or client body)
// than the load balancer in front keeps a silent connection open (knowledge/domain.md 2.6).
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "rules/ingress_nginx/front_load_balancer.h"
#include "rules/ingress_nginx/nginx_rule_support.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL6006",
    .name = "timeout-read-exceeds-lb-idle",
    .severity = diag::Severity::kWarning,
    .group = diag::Group::kSuspicious,
    .summary = "nginx proxy read or send timeout is longer than the load balancer's idle timeout",
    .doc = R"md(## What it finds
An effective `proxy-read-timeout` or `proxy-send-timeout` of ingress-nginx (the ConfigMap value,
or an Ingress's `nginx.ingress.kubernetes.io/proxy-read-timeout` / `proxy-send-timeout`
annotation for that Ingress; default 60 seconds) that is longer than the idle timeout of the load
balancer in front of the controller, L4 or L7 (an AWS classic ELB's 60 s default or its
annotation, an NLB's 350 s, Azure's annotation in minutes).

## Why is this bad?
The timeout says nginx will wait that long for a backend that is silent (a long report, a
websocket without pings). The load balancer in front drops a connection that is silent for its
idle timeout first, so the client sees a reset or a 504 from the load balancer long before nginx
would give up, and the generous nginx timeout only hides where the limit really is.

## How to fix
Raise the load balancer's idle timeout to at least the nginx timeout (on an AWS classic ELB:
`service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout`), or keep the
connection busy (websocket pings, streaming progress), or lower the nginx timeout to what the
load balancer allows.

## Known limitations
When the view holds variants of one controller that disagree (the provider manifests of one
project), Ingress annotations are not compared: which load balancer they sit behind is unknown.
Only load balancers whose idle timeout netlint knows from the Service's annotations, a
provider's documented default, or `.netlint.yaml` are compared. Applications that send
keep-alive pings on long connections are not detected.
)md"};

struct TimeoutKey {
  std::string_view key;
  std::string_view silent;  // what goes silent for that long
};
constexpr std::array<TimeoutKey, 2> kKeys{
    {{"proxy-read-timeout", "a response silent"}, {"proxy-send-timeout", "a request body silent"}}};

class TimeoutReadExceedsLbIdle final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    const std::vector<nginx::NginxIngress> ingresses = nginx::nginx_ingresses(view, controllers);
    const bool unambiguous = view.facts().ingress_controllers.state == facts::State::kKnown;
    for (const nginx::Controller& c : controllers) {
      const std::optional<nginx::FrontLoadBalancer> front = nginx::front_load_balancer(view, c);
      if (!front || !front->fact->idle_timeout_seconds) continue;
      const std::int64_t idle = *front->fact->idle_timeout_seconds;
      for (const TimeoutKey& key : kKeys) {
        // The controller-wide value, then each Ingress that overrides it.
        if (const std::optional<nginx::Effective> wide = nginx::effective_seconds(key.key, c);
            wide && wide->value > idle) {
          const SourceRange anchor = wide->range.valid() ? wide->range : front->idle_range;
          if (anchor.valid()) report(out, anchor, key, *wide, nginx::describe_source(*wide, c), *front, idle);
        }
        // Variants of a controller that disagree (a repo of provider manifests) do not say which
        // load balancer an Ingress is behind: only a known controller pairs with Ingresses.
        if (!unambiguous) continue;
        for (const nginx::NginxIngress& n : ingresses) {
          if (std::find(n.serving.controllers.begin(), n.serving.controllers.end(), &c) == n.serving.controllers.end())
            continue;
          const std::optional<nginx::Effective> own = nginx::effective_seconds(key.key, c, n.ingress);
          if (!own || own->source != nginx::Effective::kAnnotation || own->value <= idle) continue;
          out.checking(n.ingress->meta.object_range);
          report(out, own->range, key, *own, nginx::describe_source(*own, c, n.ingress), *front, idle);
        }
      }
    }
  }

 private:
  static void report(engine::Sink& out, const SourceRange& anchor, const TimeoutKey& key, const nginx::Effective& value,
                     const std::string& source, const nginx::FrontLoadBalancer& front, std::int64_t idle) {
    diag::Diagnostic& d = out.report(
        anchor,
        fmt::format("{} {}s ({}) is longer than the load balancer idle timeout {}: {} that long is cut by the load "
                    "balancer first",
                    key.key, value.value, source, front.idle_text, key.silent));
    d.help = fmt::format(
        "raise the load balancer's idle timeout to at least {}s, keep the connection busy, or lower {} to {}s or less",
        value.value, key.key, idle);
    if (front.idle_range.valid() && anchor != front.idle_range)
      d.related.push_back({front.idle_range, "the load balancer idle timeout"});
  }
};

}  // namespace

const engine::Rule* timeout_read_exceeds_lb_idle() {
  static const TimeoutReadExceedsLbIdle rule;
  return &rule;
}

}  // namespace netlint::rules
