// NL6009 lb-annotation-ineffective: a load-balancer annotation the provisioned load balancer
// does not read, or a value it cannot use (knowledge/domain-addendum.md section 1). The
// classifier (facts/load_balancer) knows both; this rule reports them.
#include <fmt/format.h>

#include "analyzer/facts/load_balancer.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL6009",
    .name = "lb-annotation-ineffective",
    .severity = diag::Severity::kWarning,
    .group = diag::Group::kSuspicious,
    .summary = "a load balancer annotation the provisioned load balancer ignores or cannot use",
    .doc = R"md(## What it finds
On a `type: LoadBalancer` Service whose provider netlint identifies from its annotations or
`loadBalancerClass`:
- an annotation of that provider that the provisioned product does not read, when its value
  asks for behaviour that product does not give: on an AWS NLB (`aws-load-balancer-type: nlb`)
  the classic-ELB `connection-idle-timeout` other than the NLB's fixed 350 s,
  `connection-draining-*` other than the target group's default (always on, 300 s),
  `proxy-protocol: "*"` unless `target-group-attributes` enables PROXY v2, or an `http`/`https`
  `backend-protocol`; Hetzner's HTTP settings on a TCP load balancer. A value that restates
  what the load balancer does anyway (`backend-protocol: tcp`) is silent, and so are the
  annotations the in-tree NLB does read (`cross-zone-load-balancing-enabled`,
  `access-log-enabled`, `access-log-s3-bucket-name`, `access-log-s3-bucket-prefix`; and
  `backend-protocol: ssl` on TLS listeners);
- a value the provider cannot use: outside its documented range (the Azure idle timeout is in
  **minutes**, 4 to 100, so `"240"` meant as seconds is out of range), not of its type, or not
  one of the values the cloud controller accepts.

## Why is this bad?
The annotation looks like configuration but changes nothing: an NLB keeps its 350 s idle timeout
whatever the CLB annotation says, so the timeouts behind it are tuned against a number that does
not exist. A value out of range is rejected by the cloud controller (the Service's events say so,
and the load balancer keeps its old settings) or silently replaced.

## How to fix
Use the annotation of the product the Service provisions (for an NLB's PROXY protocol:
`aws-load-balancer-target-group-attributes: proxy_protocol_v2.enabled=true`), or remove it; give
values in the provider's unit and range.

## Known limitations
Only providers and annotations listed in netlint's load balancer tables are checked, and only
facts the provider documents; ranges that are not verified stay silent. A Service without
provider annotations or a known `loadBalancerClass` has no known provider and is skipped.
)md"};

bool reported(facts::LbProblemKind kind) {
  return kind == facts::LbProblemKind::kUnparsable || kind == facts::LbProblemKind::kOutOfRange ||
         kind == facts::LbProblemKind::kUnknownValue;
}

class LbAnnotationIneffective final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::Service& service : view.model().services) {
      if (service.type.value != "LoadBalancer") continue;
      const facts::LoadBalancerProfile profile = facts::classify_load_balancer(service);
      if (profile.provider == facts::LbProvider::kUnknown) continue;
      out.checking(service.meta.object_range);
      const std::string_view product = facts::product_name(facts::provider_name(profile.provider));
      for (const facts::LbIgnoredAnnotation& ignored : profile.ignored_annotations) {
        diag::Diagnostic& d =
            out.report(ignored.range, fmt::format("{} has no effect on the {} this Service provisions: {}", ignored.key,
                                                  product, ignored.reason));
        d.help = "use the annotation of the provisioned load balancer, or remove this one";
        if (profile.provider_range.valid())
          d.related.push_back({profile.provider_range, "what decides the load balancer product"});
      }
      for (const facts::LbProblem& problem : profile.problems) {
        if (!reported(problem.kind)) continue;
        diag::Diagnostic& d = out.report(
            problem.range, fmt::format("{}: {} rejects or ignores {}", problem.message, product, problem.key));
        d.help = "give a value of the annotation's type and unit, within its documented range";
      }
    }
  }
};

}  // namespace

const engine::Rule* lb_annotation_ineffective() {
  static const LbAnnotationIneffective rule;
  return &rule;
}

}  // namespace netlint::rules
