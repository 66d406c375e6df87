// What rules see: the model of one view (one cluster), its facts and the indexes built on it once.
#pragma once

#include <memory>
#include <mutex>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/index/label_index.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/index/pod_dns.h"
#include "analyzer/index/reference_index.h"
#include "analyzer/model/model.h"
#include "analyzer/netpol/policy_engine.h"

namespace netlint::engine {

class View {
 public:
  // A loaded view: the model and the facts the loader derived for it (loader::LoadedView).
  View(const model::Model& model, const facts::ClusterFacts& facts)
      : model_(model),
        facts_(&facts),
        labels_(model.pod_sources),
        namespaces_(model, facts_->namespace_states),
        dns_(dns_facts_of(*facts_)) {}
  // A hand-built model (tests): its facts derived here, without config.
  explicit View(const model::Model& model) : View(model, std::make_unique<const facts::ClusterFacts>(facts::derive_facts(model))) {}
  View(const View&) = delete;
  View& operator=(const View&) = delete;

  const model::Model& model() const noexcept { return model_; }
  // The cluster facts (the loader derives them; a hand-built model gets them derived here).
  const facts::ClusterFacts& facts() const noexcept { return *facts_; }
  const index::LabelIndex& labels() const noexcept { return labels_; }
  // The known-namespace gate every absence rule uses.
  const index::NamespaceCatalog& namespaces() const noexcept { return namespaces_; }
  // What the pod DNS model needs from the facts (index::pod_dns(pod, view.dns_facts())).
  const index::DnsFacts& dns_facts() const noexcept { return dns_; }
  // Every pod's references, extracted on first use (only rules about names need them).
  const index::ReferenceIndex& references() const {
    std::call_once(references_once_, [this] { references_ = std::make_unique<index::ReferenceIndex>(model_, dns_.domain); });
    return *references_;
  }
  // The NetworkPolicy evaluator over this view (open world), built on first use.
  const netpol::PolicyEngine& policies() const {
    std::call_once(policies_once_, [this] { policies_ = std::make_unique<netpol::PolicyEngine>(model_, *facts_); });
    return *policies_;
  }

 private:
  View(const model::Model& model, std::unique_ptr<const facts::ClusterFacts> derived) : View(model, *derived) {
    derived_ = std::move(derived);
  }

  const model::Model& model_;
  const facts::ClusterFacts* facts_;
  std::unique_ptr<const facts::ClusterFacts> derived_;  // set for a hand-built model only
  index::LabelIndex labels_;
  index::NamespaceCatalog namespaces_;
  index::DnsFacts dns_;
  mutable std::once_flag references_once_;
  mutable std::unique_ptr<index::ReferenceIndex> references_;
  mutable std::once_flag policies_once_;
  mutable std::unique_ptr<netpol::PolicyEngine> policies_;

  // The domain when known or defaulted (an ambiguous one stays cluster.local: rules that need
  // it read facts().domain's state); clusterDNS from the kubelet (all entries, in order), else the
  // kube-dns ClusterIP, which is what the kubelet is normally given (kubeadm: one address, of
  // the first Service family; NodeLocal DNSCache in iptables mode keeps it).
  static index::DnsFacts dns_facts_of(const facts::ClusterFacts& f) {
    index::DnsFacts d;
    if (f.domain.usable()) d.domain = f.domain.value;
    if (f.node_search_domains.usable()) d.node_search_domains = f.node_search_domains.value;
    if (f.cluster_dns.usable()) d.cluster_dns = f.cluster_dns.value;
    else if (f.dns.usable() && !f.dns.value.cluster_ip(f.dns.value.primary).empty()) d.cluster_dns = {f.dns.value.cluster_ip(f.dns.value.primary)};
    return d;
  }
};

}  // namespace netlint::engine
