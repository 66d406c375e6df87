// Versions (RULES.md Clarifications "Versions"): Kubernetes from kubeadm's kubernetesVersion or
// the control-plane and kube-proxy image tags; CoreDNS, ingress-nginx and Cilium from their image
// tags. Digest-only images and `latest` give unknown; rules then use NewestVersions.
#include <fmt/format.h>

#include <array>
#include <map>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/facts/evidence.h"

namespace netlint::facts {
namespace {

struct ImageVersion {
  std::string_view image;  // repository suffix
  std::string_view fact;
  int priority;
};

constexpr std::array<ImageVersion, 9> kImages = {{
    {"kube-apiserver", "kubernetes", 1},
    {"kube-controller-manager", "kubernetes", 1},
    {"kube-scheduler", "kubernetes", 1},
    {"kube-proxy", "kubernetes", 1},
    {"coredns/coredns", "coredns", 0},
    {"coredns", "coredns", 0},
    {"ingress-nginx/controller", "ingress-nginx", 0},
    {"ingress-nginx/controller-chroot", "ingress-nginx", 0},
    {"cilium/cilium", "cilium", 0},
}};

}  // namespace

void detect_versions(const model::Model& m, ClusterFacts& facts) {
  // Candidates per fact, keyed by the fact's name (member pointers do not order).
  std::map<std::string_view, std::vector<Candidate>> candidates;
  for (const model::ConfigDocument& doc : m.configs) {
    if (doc.kind != "ClusterConfiguration") continue;
    if (const model::Setting* v = doc.settings.find("kubernetesVersion"); v != nullptr && !v->placeholder) {
      std::string version = v->value.value;
      if (version.starts_with("v")) version.erase(0, 1);
      candidates["kubernetes"].push_back(
          {version,
           {v->value.range, fmt::format("{} kubernetesVersion: {}", doc.display(), v->value.value)},
           doc.display(),
           0});
    }
  }
  for (const model::PodSource& pod : m.pod_sources) {
    for (const model::Container& c : pod.containers) {
      for (const ImageVersion& iv : kImages) {
        if (!image_is(c.image.value, iv.image)) continue;
        const std::string version = image_version(c.image.value);
        if (version.empty()) continue;
        candidates[iv.fact].push_back({version,
                                       {c.image.range, fmt::format("{} image {}", pod.meta.display(), c.image.value)},
                                       identity_of(pod.meta),
                                       iv.priority});
        break;
      }
    }
  }
  choose(std::move(candidates["kubernetes"]), facts.kubernetes_version, {"kubernetesVersion", "the Kubernetes version"},
         facts);
  choose(std::move(candidates["coredns"]), facts.coredns_version, {"corednsVersion", "the CoreDNS version"}, facts);
  choose(std::move(candidates["ingress-nginx"]), facts.ingress_nginx_version,
         {"ingressNginxVersion", "the ingress-nginx version"}, facts);
  choose(std::move(candidates["cilium"]), facts.cilium_version, {"ciliumVersion", "the Cilium version"}, facts);
}

}  // namespace netlint::facts
