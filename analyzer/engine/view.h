// What rules see: the model of one view (one cluster) and the indexes built on it once.
#pragma once

#include "analyzer/index/label_index.h"
#include "analyzer/model/model.h"

namespace netlint::engine {

class View {
 public:
  explicit View(const model::Model& model) : model_(model), labels_(model.pod_sources) {}
  View(const View&) = delete;
  View& operator=(const View&) = delete;

  const model::Model& model() const noexcept { return model_; }
  const index::LabelIndex& labels() const noexcept { return labels_; }

 private:
  const model::Model& model_;
  index::LabelIndex labels_;
};

}  // namespace netlint::engine
