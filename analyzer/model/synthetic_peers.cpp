#include "analyzer/model/synthetic_peers.h"

#include <algorithm>

namespace netlint::model {
namespace {
constexpr std::string_view kDnsLabelKey = "k8s-app";
constexpr std::string_view kDnsLabelValue = "kube-dns";
}  // namespace

void add_synthetic_dns_peer(Model& model, std::string_view ns, const Labels& labels) {
  Labels wanted = labels;
  if (wanted.empty()) wanted.push_back(Label{{std::string(kDnsLabelKey), {}}, {std::string(kDnsLabelValue), {}}});
  const bool present = std::any_of(model.pod_sources.begin(), model.pod_sources.end(), [&](const PodSource& pod) {
    return pod.meta.namespace_name.value == ns && selector_matches(wanted, pod.labels);
  });
  if (present) return;
  PodSource dns;
  dns.synthetic = true;
  dns.containers_known = false;
  dns.meta.kind.value = "DNS";
  dns.meta.name.value = "cluster DNS (not in view)";
  dns.meta.namespace_name.value = std::string(ns);
  for (const Label& w : wanted) dns.labels.push_back(Label{{w.key.value, {}}, {w.value.value, {}}});
  model.pod_sources.push_back(std::move(dns));
}

}  // namespace netlint::model
