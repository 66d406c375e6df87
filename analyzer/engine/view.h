// What rules see: the model of one view (one cluster), its facts and the indexes built on it once.
#pragma once

#include <memory>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/index/label_index.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/model/model.h"

namespace netlint::engine {

class View {
 public:
  explicit View(const model::Model& model)
      : model_(model),
        facts_(model.facts ? model.facts : std::make_shared<const facts::ClusterFacts>(facts::derive_facts(model))),
        labels_(model.pod_sources),
        namespaces_(model) {}
  View(const View&) = delete;
  View& operator=(const View&) = delete;

  const model::Model& model() const noexcept { return model_; }
  // The cluster facts (the loader derives them; a hand-built model gets them derived here).
  const facts::ClusterFacts& facts() const noexcept { return *facts_; }
  const index::LabelIndex& labels() const noexcept { return labels_; }
  // The known-namespace gate every absence rule uses.
  const index::NamespaceCatalog& namespaces() const noexcept { return namespaces_; }

 private:
  const model::Model& model_;
  std::shared_ptr<const facts::ClusterFacts> facts_;
  index::LabelIndex labels_;
  index::NamespaceCatalog namespaces_;
};

}  // namespace netlint::engine
