// The load balancer in front of an ingress-nginx controller, as the timeout and PROXY protocol
// rules (NL6005, NL6006, NL6010) compare it with nginx: what it is, its idle timeout and where
// each number comes from, in words a message can quote.
#pragma once

#include <optional>
#include <string>

#include "analyzer/engine/view.h"
#include "analyzer/facts/load_balancer.h"
#include "rules/ingress_nginx/nginx_controllers.h"

namespace netlint::rules::nginx {

struct FrontLoadBalancer {
  const facts::LoadBalancerFacts* fact = nullptr;
  // The LoadBalancer Service when detected in the view (null when the LB comes from .netlint.yaml).
  const model::Service* service = nullptr;
  facts::LoadBalancerProfile profile;  // classified from `service`; all unknown without one
  // "AWS CLB, HTTP, Service ingress-nginx/ingress-nginx-controller"
  std::string description;
  // "60s (AWS CLB, HTTP, Service ns/name, default)", "240s = \"4\" minutes (Azure LB, TCP, Service
  // ns/name)"; empty when unknown.
  std::string idle_text;
  SourceRange idle_range;  // the annotation value that set the idle timeout; invalid for a default
};

// The controller's front load balancer, when the facts know one.
std::optional<FrontLoadBalancer> front_load_balancer(const engine::View& view, const Controller& controller);

// Where a controller setting comes from, for messages: "ConfigMap ingress-nginx/ingress-nginx-controller",
// "annotation of Ingress shop/web", "default".
std::string describe_source(const Effective& value, const Controller& controller,
                            const model::Ingress* ingress = nullptr);

// A boolean ConfigMap key as the controller reads it; nullopt when its settings are unknown. An
// invalid value counts as the default, as the controller keeps it.
std::optional<bool> effective_bool(std::string_view key, const Controller& controller, SourceRange* range = nullptr);

// A place in the user's files for a finding about the controller as a whole: its ConfigMap's
// name when in view, else the front Service's type, else invalid.
SourceRange controller_anchor(const Controller& controller, const FrontLoadBalancer* front);

}  // namespace netlint::rules::nginx
