#include "analyzer/engine/view.h"

#include "analyzer/engine/kept_indexes.h"
#include "analyzer/index/label_index.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/index/pod_dns.h"
#include "analyzer/index/reference_index.h"
#include "analyzer/index/service_lookup.h"
#include "analyzer/netpol/policy_engine.h"

namespace netlint::engine {
namespace {

// The domain when known or defaulted (an ambiguous one stays cluster.local: rules that need
// it read facts().domain's state); clusterDNS from the kubelet (all entries, in order), else the
// kube-dns ClusterIP, which is what the kubelet is normally given (kubeadm: one address, of
// the first Service family; NodeLocal DNSCache in iptables mode keeps it).
index::DnsFacts dns_facts_of(const facts::ClusterFacts& f) {
  index::DnsFacts d;
  if (f.domain.usable()) d.domain = f.domain.value;
  if (f.node_search_domains.usable()) d.node_search_domains = f.node_search_domains.value;
  if (f.cluster_dns.usable())
    d.cluster_dns = f.cluster_dns.value;
  else if (f.dns.usable() && !f.dns.value.cluster_ip(f.dns.value.primary).empty())
    d.cluster_dns = {f.dns.value.cluster_ip(f.dns.value.primary)};
  return d;
}

}  // namespace

View::View(const model::Model& model, const facts::ClusterFacts& facts, KeptIndexes* kept,
           index::ConfigFileValuesCache* file_values)
    : model_(model),
      facts_(&facts),
      labels_(std::make_unique<const index::LabelIndex>(model.pod_sources)),
      namespaces_(std::make_unique<const index::NamespaceCatalog>(model, facts.namespace_states)),
      dns_(std::make_unique<const index::DnsFacts>(dns_facts_of(facts))),
      kept_(kept),
      file_values_(file_values) {}

View::View(const model::Model& model)
    : View(model, std::make_unique<const facts::ClusterFacts>(facts::derive_facts(model))) {}

View::View(const model::Model& model, std::unique_ptr<const facts::ClusterFacts> derived) : View(model, *derived) {
  derived_ = std::move(derived);
}

View::~View() = default;

const index::ServiceLookup& View::services() const {
  std::call_once(services_once_, [this] { services_ = std::make_unique<const index::ServiceLookup>(model_); });
  return *services_;
}

const index::ReferenceIndex& View::references() const {
  std::call_once(references_once_, [this] {
    references_ = std::make_unique<index::ReferenceIndex>(
        model_, dns_->domain, kept_ != nullptr ? &kept_->config_file_values : file_values_,
        kept_ != nullptr ? &kept_->host_scans : nullptr, kept_ != nullptr ? &kept_->references : nullptr);
  });
  return *references_;
}

const netpol::PolicyEngine& View::policies() const {
  std::call_once(policies_once_, [this] {
    const auto build = [this] { return std::make_shared<const netpol::PolicyEngine>(model_, *facts_); };
    policies_ = kept_ == nullptr ? build()
                                 : kept_->policy_engines.get(netpol::PolicyEngine::inputs_key(model_, *facts_), build);
  });
  return *policies_;
}

}  // namespace netlint::engine
