// Converts byte ranges to lines and columns, caching one LineIndex per file. Every reporter
// goes through it, so all formats agree on positions.
#pragma once

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/model/model.h"
#include "analyzer/yaml/document_splitter.h"

namespace netlint::report {

struct ResolvedRange {
  std::string_view path;
  LineColumn start;
  LineColumn end;  // exclusive
};

class SourceLocator {
 public:
  explicit SourceLocator(const model::Model& model) : model_(model) {}
  ResolvedRange resolve(const SourceRange& range);
  std::string_view line_text(FileId file, std::uint32_t line);
  // Source excerpts of Secrets are never printed: the range is in a Secret object, or in a
  // document (parsed or not) whose text declares `kind: Secret`.
  bool in_secret(const SourceRange& range);

 private:
  const LineIndex& index(FileId file);
  const model::Model& model_;
  std::unordered_map<FileId, std::unique_ptr<LineIndex>> indexes_;
  std::unordered_map<FileId, std::unique_ptr<std::vector<yaml::DocumentSpan>>> documents_;
};

}  // namespace netlint::report
