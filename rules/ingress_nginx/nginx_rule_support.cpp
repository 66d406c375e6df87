#include "rules/ingress_nginx/nginx_rule_support.h"

#include <algorithm>

#include "rules/service/service_backends.h"
#include "analyzer/index/service_lookup.h"

namespace netlint::rules::nginx {

std::vector<ControllerConfigMap> controller_config_maps(const std::vector<Controller>& all) {
  std::vector<ControllerConfigMap> out;
  for (const Controller& c : all) {
    for (const model::ConfigMap* cm : c.config_maps) {
      auto it = std::find_if(out.begin(), out.end(), [&](const ControllerConfigMap& e) { return e.config_map == cm; });
      if (it == out.end()) it = out.insert(out.end(), ControllerConfigMap{cm, {}});
      it->readers.push_back(&c);
    }
  }
  return out;
}

void add_readers(const ControllerConfigMap& cm, std::vector<diag::RelatedLocation>& related) {
  for (const Controller* c : cm.readers) {
    if (!c->fact->config_map_flag.valid()) continue;
    if (std::any_of(related.begin(), related.end(),
                    [&](const diag::RelatedLocation& r) { return r.range == c->fact->config_map_flag; }))
      continue;
    related.push_back({c->fact->config_map_flag, c->fact->workload + " reads this ConfigMap"});
  }
}

void add_version_evidence(const engine::View& view, std::vector<diag::RelatedLocation>& related) {
  const auto& fact = view.facts().ingress_nginx_version;
  if (fact.state != facts::State::kKnown) return;
  for (const facts::Evidence& e : fact.evidence) {
    if (!e.range.valid()) continue;
    related.push_back({e.range, "the controller version v" + fact.value + ": " + e.what});
  }
}

std::vector<NginxIngress> nginx_ingresses(const engine::View& view, const std::vector<Controller>& all) {
  std::vector<NginxIngress> out;
  const std::vector<IngressClassInfo> classes = ingress_classes(view);
  for (const model::Ingress& ingress : view.model().ingresses) {
    NginxIngress n;
    n.ingress = &ingress;
    n.serving = serving_of(ingress, classes, all);
    if (n.serving.kind == Serving::kOther) continue;
    std::string prefix = "nginx.ingress.kubernetes.io";
    if (!n.serving.controllers.empty()) {
      prefix = n.serving.controllers.front()->fact->annotations_prefix;
      const bool agree = std::all_of(n.serving.controllers.begin(), n.serving.controllers.end(),
                                     [&](const Controller* c) { return c->fact->annotations_prefix == prefix; });
      if (!agree) continue;
    }
    n.prefix = prefix + "/";
    out.push_back(std::move(n));
  }
  return out;
}

std::vector<IngressBackendPod> ingress_backend_pods(const engine::View& view,
                                                    const std::vector<NginxIngress>& ingresses) {
  std::vector<IngressBackendPod> out;
  const index::ServiceLookup& services = view.services();
  for (const NginxIngress& n : ingresses) {
    if (n.serving.controllers.empty()) continue;
    const std::size_t first = out.size();
    n.ingress->for_each_backend([&](const model::IngressBackend& backend, const model::IngressPath*) {
      if (backend.service_name.value.empty()) return;
      for (const model::Service* service :
           services.find(n.ingress->meta.namespace_name.value, backend.service_name.value)) {
        for (const model::PodSource* pod : selected_backends(view, *service)) {
          const bool seen =
              std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                          [&](const IngressBackendPod& p) { return p.pod == pod && p.service == service; });
          if (seen) continue;
          for (const Controller* c : n.serving.controllers) out.push_back({&n, c, service, pod});
        }
      }
    });
  }
  return out;
}

std::string_view annotation_name(std::string_view key, std::string_view prefix) {
  if (!key.starts_with(prefix)) return {};
  return key.substr(prefix.size());
}

}  // namespace netlint::rules::nginx
