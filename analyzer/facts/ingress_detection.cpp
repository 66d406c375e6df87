// Ingress controllers (RULES.md Facts): every ingress-nginx controller workload, the classes it
// serves (`--ingress-class`, or the IngressClasses whose spec.controller is its
// `--controller-class`), its ConfigMap (`--configmap`, `$(POD_NAMESPACE)` expanded) and the
// LoadBalancer Service that selects its pods, with what the load balancer in front is.
// Variants of one controller (provider manifests side by side) stay separate entries; when they
// disagree, the fact is ambiguous and NL0006 says so.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/facts/evidence.h"
#include "analyzer/facts/load_balancer_facts.h"
#include "analyzer/index/env_expansion.h"

namespace netlint::facts {
namespace {

bool is_ingress_nginx(const model::Container& c) {
  if (image_is(c.image.value, "ingress-nginx/controller") || image_is(c.image.value, "ingress-nginx/controller-chroot"))
    return true;
  return !c.args.empty() && c.args[0].value == "/nginx-ingress-controller";
}

std::string lb_signature(const LoadBalancerFacts& lb) {
  return fmt::format("{}|{}|{}|{}", lb.kind, lb.idle_timeout_seconds.value_or(-1),
                     lb.proxy_protocol ? (*lb.proxy_protocol ? "1" : "0") : "?", lb.provider);
}

std::string signature(const IngressController& c) {
  return fmt::format("{}|{}|{}|{}", fmt::join(c.classes, ","), c.config_map, c.annotations_prefix,
                     c.load_balancer ? lb_signature(*c.load_balancer) : "");
}

// The load balancer in front of a controller's pods: the LoadBalancer Service that selects them.
// Variants of a controller come with variants of its Service: the one of the same manifest (same
// file) is preferred, then one beside an identical copy of the pod, then any. A controller whose
// identical copies sit beside Services that disagree (provider manifests sharing one Deployment)
// has no known load balancer.
std::optional<LoadBalancerFacts> front_load_balancer(const model::Model& m, const model::PodSource& pod) {
  std::vector<FileId> copy_files;
  for (const SourceRange& copy : pod.meta.copies) copy_files.push_back(copy.file);
  std::optional<LoadBalancerFacts> chosen;
  int chosen_rank = -1;
  std::optional<std::string> beside_signature;
  for (const model::Service& svc : m.services) {
    if (svc.type.value != "LoadBalancer" || svc.meta.namespace_name.value != pod.meta.namespace_name.value ||
        !model::selector_matches(svc.selector, pod.labels))
      continue;
    LoadBalancerFacts lb = load_balancer_facts(svc);
    const bool same_file = svc.meta.file == pod.meta.file;
    const bool beside_copy = std::find(copy_files.begin(), copy_files.end(), svc.meta.file) != copy_files.end();
    if (same_file || beside_copy) {
      const std::string sig = lb_signature(lb);
      if (beside_signature && *beside_signature != sig) return std::nullopt;
      beside_signature = sig;
    }
    const int rank = same_file ? 2 : beside_copy ? 1 : 0;
    if (rank <= chosen_rank) continue;
    chosen = std::move(lb);
    chosen_rank = rank;
  }
  return chosen;
}

}  // namespace

void detect_ingress_controllers(const model::Model& m, ClusterFacts& facts) {
  std::vector<IngressController> controllers;
  std::vector<std::string> identities;
  for (const model::PodSource& pod : m.pod_sources) {
    const auto container = std::find_if(pod.containers.begin(), pod.containers.end(), is_ingress_nginx);
    if (container == pod.containers.end()) continue;
    IngressController c;
    c.workload = pod.meta.display();
    c.namespace_name = pod.meta.namespace_name.value;
    c.pod_labels = pod.labels;
    c.evidence.push_back(
        {container->image.range, fmt::format("{} image {}", pod.meta.display(), container->image.value)});
    const index::Environment env = index::container_environment(
        pod, *container, [&](std::string_view ns, std::string_view name) { return find_config_map(m, ns, name); });
    if (auto cc = flag_value(*container, "controller-class"))
      c.controller_class = index::expand_references(cc->value, env);
    if (auto cls = flag_value(*container, "ingress-class")) {
      c.classes.push_back(index::expand_references(cls->value, env));
      c.evidence.push_back({cls->range, "--ingress-class=" + cls->value});
    }
    for (const model::ConfigDocument& doc : m.configs) {
      if (doc.kind != "IngressClass") continue;
      const model::Setting* controller = doc.settings.find("spec.controller");
      if (controller == nullptr || controller->value.value != c.controller_class) continue;
      if (std::find(c.classes.begin(), c.classes.end(), doc.owner.name.value) == c.classes.end())
        c.classes.push_back(doc.owner.name.value);
      c.evidence.push_back(
          {controller->value.range, fmt::format("{} spec.controller: {}", doc.display(), controller->value.value)});
    }
    if (c.classes.empty()) c.classes.push_back("nginx");  // the controller's default --ingress-class
    if (auto cm = flag_value(*container, "configmap")) {
      c.config_map = index::expand_references(cm->value, env);
      c.config_map_flag = cm->range;
      c.evidence.push_back({cm->range, "--configmap=" + cm->value});
    }
    if (auto prefix = flag_value(*container, "annotations-prefix"))
      c.annotations_prefix = index::expand_references(prefix->value, env);
    if (auto watch = flag_value(*container, "watch-ingress-without-class"); watch && watch->value == "true") {
      c.watches_classless = true;
      c.evidence.push_back({watch->range, "--watch-ingress-without-class"});
    }
    c.load_balancer = front_load_balancer(m, pod);
    identities.push_back(identity_of(pod.meta));
    controllers.push_back(std::move(c));
  }
  if (controllers.empty()) return;
  for (const IngressController& c : controllers)
    facts.ingress_controllers.evidence.insert(facts.ingress_controllers.evidence.end(), c.evidence.begin(),
                                              c.evidence.end());
  // Variants of one controller that disagree on class, ConfigMap or load balancer: one NL0006,
  // anchored on the last disagreeing variant.
  std::map<std::string, std::size_t> first_of;
  Conflict conflict;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < controllers.size(); ++i) {
    const auto [it, inserted] = first_of.emplace(identities[i], i);
    if (inserted || signature(controllers[it->second]) == signature(controllers[i])) continue;
    if (conflict.anchor.valid())
      conflict.related.push_back({conflict.anchor, "another variant"});
    else
      conflict.related.push_back({controllers[it->second].evidence.front().range, "another variant"});
    conflict.anchor = controllers[i].evidence.front().range;
    if (std::find(names.begin(), names.end(), controllers[i].workload) == names.end())
      names.push_back(controllers[i].workload);
  }
  if (conflict.anchor.valid()) {
    facts.ingress_controllers.state = State::kAmbiguous;
    conflict.fact = "ingressControllers";
    conflict.message = fmt::format(
        "the view mixes variants of {} that disagree on class, ConfigMap or load balancer: rules that depend on them "
        "stay silent",
        fmt::join(names, ", "));
    facts.conflicts.push_back(std::move(conflict));
  }
  facts.ingress_controllers.value = std::move(controllers);
  if (facts.ingress_controllers.state != State::kAmbiguous) facts.ingress_controllers.state = State::kKnown;
}

}  // namespace netlint::facts
