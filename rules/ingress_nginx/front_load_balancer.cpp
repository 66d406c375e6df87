#include "rules/ingress_nginx/front_load_balancer.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "analyzer/facts/load_balancer_facts.h"
#include "analyzer/util/go_values.h"
#include "rules/ingress_nginx/nginx_tables.h"

namespace netlint::rules::nginx {
namespace {

// The Service the fact was read from: same namespace/name and the same classification (variants
// of one Service in several files may differ; the fact took one of them).
const model::Service* fact_service(const engine::View& view, const facts::LoadBalancerFacts& fact) {
  const model::Service* first = nullptr;
  for (const model::Service& svc : view.model().services) {
    if (svc.type.value != "LoadBalancer" || svc.meta.namespace_name.value + "/" + svc.meta.name.value != fact.service)
      continue;
    const facts::LoadBalancerFacts again = facts::load_balancer_facts(svc);
    if (again.kind == fact.kind && again.idle_timeout_seconds == fact.idle_timeout_seconds &&
        again.proxy_protocol == fact.proxy_protocol)
      return &svc;
    if (first == nullptr) first = &svc;
  }
  return first;
}

const model::Label* annotation_at(const model::Service& service, const SourceRange& value_range) {
  for (const model::Label& a : service.meta.annotations) {
    if (a.value.range == value_range) return &a;
  }
  return nullptr;
}

}  // namespace

std::optional<FrontLoadBalancer> front_load_balancer(const engine::View& view, const Controller& controller) {
  if (controller.fact == nullptr || !controller.fact->load_balancer) return std::nullopt;
  FrontLoadBalancer front;
  front.fact = &*controller.fact->load_balancer;
  const facts::LoadBalancerFacts& fact = *front.fact;
  if (fact.provider != "configured") {
    front.service = fact_service(view, fact);
    if (front.service != nullptr) front.profile = facts::classify_load_balancer(*front.service);
  }
  const std::string_view product = facts::product_name(fact.provider);
  std::string kind;
  if (fact.kind == "l7") kind = ", HTTP";
  if (fact.kind == "l4") kind = ", TCP";
  front.description = front.service != nullptr ? fmt::format("{}{}, Service {}", product, kind, fact.service)
                                               : fmt::format("{}{}", product, kind);
  if (fact.idle_timeout_seconds) {
    front.idle_range = front.profile.idle_timeout.range;
    const model::Label* written = front.service != nullptr && front.idle_range.valid()
                                      ? annotation_at(*front.service, front.idle_range)
                                      : nullptr;
    if (fact.idle_timeout_default) {
      front.idle_text = fmt::format("{}s ({}, default)", *fact.idle_timeout_seconds, front.description);
    } else if (written != nullptr && fact.provider == "azure") {
      front.idle_text =
          fmt::format("{}s = \"{}\" minutes ({})", *fact.idle_timeout_seconds, written->value.value, front.description);
    } else {
      front.idle_text = fmt::format("{}s ({})", *fact.idle_timeout_seconds, front.description);
    }
  }
  return front;
}

std::string describe_source(const Effective& value, const Controller& controller, const model::Ingress* ingress) {
  switch (value.source) {
    case Effective::kAnnotation:
      return ingress != nullptr ? "annotation of " + ingress->meta.display() : "annotation";
    case Effective::kConfigMap:
      return "ConfigMap " + controller.fact->config_map;
    case Effective::kDefault:
      break;
  }
  return "default";
}

std::optional<bool> effective_bool(std::string_view key, const Controller& controller, SourceRange* range) {
  const KeySpec* spec = find_key(key);
  if (spec == nullptr) return std::nullopt;
  const Setting s = setting(controller, key);
  if (s.state == Setting::kUnknown) return std::nullopt;
  if (s.state == Setting::kSet) {
    const Parsed p = parse_key_value(*spec, s.entry->value.value);
    if (p.placeholder) return std::nullopt;  // filled in before applying: unknown
    if (p.ok && p.boolean) {
      if (range != nullptr) *range = s.entry->value.range;
      return *p.boolean;
    }
  }
  return go_parse_bool(spec->default_value);
}

SourceRange controller_anchor(const Controller& controller, const FrontLoadBalancer* front) {
  if (!controller.config_maps.empty()) return controller.config_maps.front()->meta.name.range;
  if (front != nullptr && front->service != nullptr) return front->service->type.range;
  return {};
}

}  // namespace netlint::rules::nginx
