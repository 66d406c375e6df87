// Test helpers for building pod sources without YAML.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "analyzer/model/pod_source.h"

namespace netlint::testing {

using KeyValues = std::vector<std::pair<std::string, std::string>>;

inline model::Labels labels_of(const KeyValues& pairs) {
  model::Labels labels;
  for (const auto& [key, value] : pairs) {
    model::Label label;
    label.key.value = key;
    label.value.value = value;
    labels.push_back(std::move(label));
  }
  return labels;
}

// A pod source in `ns` whose template writes `labels`.
inline model::PodSource pod_in(const std::string& ns, const KeyValues& labels) {
  model::PodSource pod;
  pod.meta.namespace_name.value = ns;
  pod.labels = labels_of(labels);
  return pod;
}

}  // namespace netlint::testing
