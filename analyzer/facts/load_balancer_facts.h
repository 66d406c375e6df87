// The load balancer in front of a `type: LoadBalancer` Service, as the facts layer reports it.
#pragma once

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/model/service.h"

namespace netlint::facts {

LoadBalancerFacts load_balancer_facts(const model::Service& service);

}  // namespace netlint::facts
