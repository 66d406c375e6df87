#include "analyzer/facts/load_balancer_facts.h"

#include <fmt/format.h>

#include "analyzer/facts/load_balancer.h"

namespace netlint::facts {

LoadBalancerFacts load_balancer_facts(const model::Service& service) {
  const LoadBalancerProfile profile = classify_load_balancer(service);
  LoadBalancerFacts lb;
  lb.service = service.meta.namespace_name.value + "/" + service.meta.name.value;
  lb.evidence.push_back({service.type.range, service.meta.display() + " type LoadBalancer"});
  if (profile.provider != LbProvider::kUnknown) {
    lb.provider = std::string(provider_name(profile.provider));
    lb.evidence.push_back({profile.provider_range, fmt::format("{} provider {}", service.meta.display(), lb.provider)});
  }
  if (profile.kind != LbKind::kUnknown) lb.kind = std::string(kind_name(profile.kind));
  if (profile.idle_timeout.seconds) {
    lb.idle_timeout_seconds = static_cast<int>(*profile.idle_timeout.seconds);
    lb.idle_timeout_default = profile.idle_timeout.is_default;
    if (profile.idle_timeout.range.valid())
      lb.evidence.push_back({profile.idle_timeout.range, fmt::format("idle timeout {}s", *lb.idle_timeout_seconds)});
  }
  if (profile.proxy_protocol.enabled != Tristate::kUnknown) {
    lb.proxy_protocol = profile.proxy_protocol.enabled == Tristate::kTrue;
    if (profile.proxy_protocol.range.valid())
      lb.evidence.push_back(
          {profile.proxy_protocol.range, fmt::format("PROXY protocol {}", *lb.proxy_protocol ? "on" : "off")});
  }
  return lb;
}

}  // namespace netlint::facts
