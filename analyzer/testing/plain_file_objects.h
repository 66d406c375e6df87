// What the loader extracts from a plain YAML file (loader.cpp extract_parsed, without the NL0001
// bookkeeping of broken documents): the objects the on-disk cache encodes. Header-only, so the
// codec's tests and its fuzz target (tools/fuzz/document_objects_codec_fuzz.cpp) share it.
#pragma once

#include <cstdint>
#include <string_view>

#include "analyzer/loader/document_objects_codec.h"
#include "analyzer/model/extract_configs.h"
#include "analyzer/model/model.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::testing {

inline FileObjects extract_plain_file(std::string_view text, FileId file) {
  FileObjects out;
  const auto spans = yaml::split_documents(text);
  out.document_count = static_cast<std::uint32_t>(spans.size());
  out.documents.resize(spans.size());
  for (std::uint32_t d = 0; d < spans.size(); ++d) {
    const yaml::ParseResult parsed = yaml::parse_document(text, spans[d].begin, spans[d].end, file);
    if (!parsed.tree) continue;
    model::DocumentObjects& doc = out.documents[d];
    model::extract_document(yaml::root_of(*parsed.tree), file, d, model::ExtractOptions{}, doc);
    model::EmbeddedConfigs found;
    for (const model::ConfigMap& cm : doc.config_maps) model::extract_embedded_configs(cm, text, found);
    doc.configs.insert(doc.configs.end(), found.configs.begin(), found.configs.end());
    doc.corefiles.insert(doc.corefiles.end(), found.corefiles.begin(), found.corefiles.end());
    doc.problems.insert(doc.problems.end(), found.problems.begin(), found.problems.end());
  }
  return out;
}

}  // namespace netlint::testing
