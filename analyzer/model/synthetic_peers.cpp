#include "analyzer/model/synthetic_peers.h"

#include <algorithm>

namespace netlint::model {
namespace {
constexpr std::string_view kDnsNamespace = "kube-system";
constexpr std::string_view kDnsLabelKey = "k8s-app";
constexpr std::string_view kDnsLabelValue = "kube-dns";
}  // namespace

void add_synthetic_dns_peer(Model& model) {
  const bool present = std::any_of(model.pod_sources.begin(), model.pod_sources.end(), [](const PodSource& pod) {
    const Label* label = find_label(pod.labels, kDnsLabelKey);
    return pod.meta.namespace_name.value == kDnsNamespace && label != nullptr && label->value.value == kDnsLabelValue;
  });
  if (present) return;
  PodSource dns;
  dns.synthetic = true;
  dns.containers_known = false;
  dns.meta.kind.value = "DNS";
  dns.meta.name.value = "cluster DNS (not in view)";
  dns.meta.namespace_name.value = std::string(kDnsNamespace);
  dns.labels.push_back(Label{{std::string(kDnsLabelKey), {}}, {std::string(kDnsLabelValue), {}}});
  model.pod_sources.push_back(std::move(dns));
}

}  // namespace netlint::model
