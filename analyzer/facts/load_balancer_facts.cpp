#include "analyzer/facts/load_balancer_facts.h"

namespace netlint::facts {

LoadBalancerFacts load_balancer_facts(const model::Service& service) {
  LoadBalancerFacts lb;
  lb.service = service.meta.namespace_name.value + "/" + service.meta.name.value;
  lb.evidence.push_back({service.type.range, service.meta.display() + " type LoadBalancer"});
  return lb;
}

}  // namespace netlint::facts
