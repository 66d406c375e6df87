// What rules see: the model of one view (one cluster), its facts and the indexes built on it once.
// The indexes and the NetworkPolicy evaluator are only declared here: every rule includes this
// file (through engine/rule.h), so their headers here made every rule recompile when one of them
// changed. A rule includes the index headers it uses.
#pragma once

#include <memory>
#include <mutex>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/model/model.h"

namespace netlint::index {
class ConfigFileValuesCache;
class LabelIndex;
class NamespaceCatalog;
class ReferenceIndex;
class ServiceLookup;
struct DnsFacts;
}  // namespace netlint::index

namespace netlint::netpol {
class PolicyEngine;
}  // namespace netlint::netpol

namespace netlint::engine {

struct KeptIndexes;  // engine/kept_indexes.h

class View {
 public:
  // A loaded view: the model and the facts the loader derived for it (loader::LoadedView).
  // `kept`: what earlier analyses built that this view may reuse (engine/kept_indexes.h); may be null.
  // `file_values`: without `kept`, the run's mounted files' values (RunOptions::file_values).
  View(const model::Model& model, const facts::ClusterFacts& facts, KeptIndexes* kept = nullptr,
       index::ConfigFileValuesCache* file_values = nullptr);
  // A hand-built model (tests): its facts derived here, without config.
  explicit View(const model::Model& model);
  ~View();
  View(const View&) = delete;
  View& operator=(const View&) = delete;

  const model::Model& model() const noexcept { return model_; }
  // The cluster facts (the loader derives them; a hand-built model gets them derived here).
  const facts::ClusterFacts& facts() const noexcept { return *facts_; }
  const index::LabelIndex& labels() const noexcept { return *labels_; }
  // The known-namespace gate every absence rule uses.
  const index::NamespaceCatalog& namespaces() const noexcept { return *namespaces_; }
  // What the pod DNS model needs from the facts (index::pod_dns(pod, view.dns_facts())).
  const index::DnsFacts& dns_facts() const noexcept { return *dns_; }
  // The Services by namespace and name, built on first use (the rules about backends and names).
  const index::ServiceLookup& services() const;
  // Every pod's references, extracted on first use (only rules about names need them).
  const index::ReferenceIndex& references() const;
  // The NetworkPolicy evaluator over this view (open world), built on first use.
  const netpol::PolicyEngine& policies() const;

 private:
  View(const model::Model& model, std::unique_ptr<const facts::ClusterFacts> derived);

  const model::Model& model_;
  const facts::ClusterFacts* facts_;
  std::unique_ptr<const facts::ClusterFacts> derived_;  // set for a hand-built model only
  std::unique_ptr<const index::LabelIndex> labels_;
  std::unique_ptr<const index::NamespaceCatalog> namespaces_;
  std::unique_ptr<const index::DnsFacts> dns_;
  KeptIndexes* kept_ = nullptr;
  index::ConfigFileValuesCache* file_values_ = nullptr;
  mutable std::once_flag services_once_;
  mutable std::unique_ptr<const index::ServiceLookup> services_;
  mutable std::once_flag references_once_;
  mutable std::unique_ptr<index::ReferenceIndex> references_;
  mutable std::once_flag policies_once_;
  mutable std::shared_ptr<const netpol::PolicyEngine> policies_;  // shared with `kept_`, if any
};

}  // namespace netlint::engine
