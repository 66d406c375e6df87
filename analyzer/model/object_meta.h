// What every Kubernetes object in the model carries: its identity and where it was written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/source/source_file.h"

namespace netlint::model {

// A value together with the source range it was read from. Values netlint synthesises (a
// defaulted namespace, a controller-added label) have an invalid range.
template <class T>
struct Spanned {
  T value{};
  SourceRange range{};
};
using Text = Spanned<std::string>;

struct Label {
  Text key;
  Text value;
};
using Labels = std::vector<Label>;

// Finds a label by key; nullptr if absent.
const Label* find_label(const Labels& labels, std::string_view key);
// True when every entry of a non-empty `selector` is among `labels` with the same value (an
// equality selector as written; the three-valued LabelIndex is for rules).
bool selector_matches(const Labels& selector, const Labels& labels);

struct ObjectMeta {
  Text api_version;
  Text kind;
  Text name;
  Text namespace_name;  // defaulted to --namespace for namespaced kinds when not written
  bool namespace_written = false;
  Labels labels;
  Labels annotations;
  SourceRange object_range;  // the document's root mapping
  SourceRange metadata_key;  // the `metadata:` key
  FileId file = kNoFile;
  std::uint32_t document = 0;  // index of the document in its file
  // Equal for definitions that are equal as parsed trees, namespace left out (compared after
  // defaulting through the identity).
  std::uint64_t content_hash = 0;
  // Other definitions of this identity with the same content, merged into this one.
  std::vector<SourceRange> copies;

  // `group/kind`, e.g. "apps/Deployment", "Service" for the core group.
  std::string group() const;
  // `Kind namespace/name` or `Kind name`, as messages name objects.
  std::string display() const;
};

}  // namespace netlint::model
