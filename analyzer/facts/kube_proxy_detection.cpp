// The `kubeProxy` fact (RULES.md Facts): present when a kube-proxy DaemonSet or a
// KubeProxyConfiguration is in view; absent when kubeadm is told not to install it (v1beta4
// ClusterConfiguration `proxy.disabled: true`, or InitConfiguration `skipPhases` with
// `addon/kube-proxy`); else unknown. Not seeing a DaemonSet proves nothing: kube-system is open.
#include <fmt/format.h>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/model/extract_util.h"

namespace netlint::facts {
namespace {

bool is_kube_proxy_daemonset(const model::PodSource& pod) {
  if (pod.meta.kind.value != "DaemonSet") return false;
  const model::Label* app = model::find_label(pod.labels, "k8s-app");
  return (app != nullptr && app->value.value == "kube-proxy") || pod.meta.name.value == "kube-proxy";
}

}  // namespace

void detect_kube_proxy(const model::Model& m, ClusterFacts& facts) {
  std::vector<Evidence> present, absent;
  for (const model::PodSource& pod : m.pod_sources) {
    if (is_kube_proxy_daemonset(pod))
      present.push_back({pod.meta.name.range, fmt::format("{} runs kube-proxy", pod.meta.display())});
  }
  for (const model::ConfigDocument& doc : m.configs) {
    if (doc.kind == "KubeProxyConfiguration") {
      present.push_back({doc.anchor, fmt::format("{} configures kube-proxy", doc.display())});
    } else if (doc.kind == "ClusterConfiguration") {
      if (const model::Setting* s = doc.settings.find("proxy.disabled"); s != nullptr && s->value.value == "true") {
        absent.push_back({s->value.range, fmt::format("{} proxy.disabled: true", doc.display())});
      }
    } else if (doc.kind == "InitConfiguration") {
      for (const model::Setting* s : doc.settings.under("skipPhases")) {
        // `addon` skips every addon phase, kube-proxy's included.
        if (s->value.value == "addon/kube-proxy" || s->value.value == "addon") {
          absent.push_back({s->value.range, fmt::format("{} skipPhases {}", doc.display(), s->value.value)});
        }
      }
    }
  }
  if (!present.empty() && !absent.empty()) {
    facts.kube_proxy.state = State::kAmbiguous;
    facts.kube_proxy.evidence = std::move(present);
    facts.kube_proxy.evidence.insert(facts.kube_proxy.evidence.end(), absent.begin(), absent.end());
  } else if (!present.empty()) {
    facts.kube_proxy.set(true);
    facts.kube_proxy.evidence = std::move(present);
  } else if (!absent.empty()) {
    facts.kube_proxy.set(false);
    facts.kube_proxy.evidence = std::move(absent);
  }
}

}  // namespace netlint::facts
