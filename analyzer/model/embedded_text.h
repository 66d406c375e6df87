// A text embedded in another file (a Corefile or a kube-proxy config in a ConfigMap value, a
// conflist in a Flannel ConfigMap) or a whole standalone file, with the map from its byte
// offsets back to the user's file. Parsers of embedded formats work on `text` alone; every
// position they produce goes through map() before it reaches a diagnostic, so findings point at
// the exact line and column in the YAML file the user edits.
//
// Exact where the embedding preserves bytes: a standalone file, a `|` literal block scalar
// (content line i is the YAML line i after the header, minus the block's indentation), a
// single-line plain or quoted scalar without escapes. Anything else (folded `>` scalars,
// escapes, multi-line quoted scalars) anchors every position on the ConfigMap key, or on the
// value when a kustomize patch wrote it in another file (an inline patch in a kustomization).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model/config_map.h"
#include "analyzer/source/source_file.h"

namespace netlint::model {

class EmbeddedText {
 public:
  // A whole file (a standalone Corefile or conflist): positions map one to one.
  static EmbeddedText whole_file(FileId file, std::string_view text);
  // The value of a ConfigMap entry, given the text of the file it is written in.
  static EmbeddedText config_map_value(const ConfigMapEntry& entry, std::string_view file_text);
  // A scalar's value written at `token` in `file_text` (an inline kustomize patch); `anchor` when
  // its bytes are not kept in place.
  static EmbeddedText scalar(std::string_view value, SourceRange token, SourceRange anchor, std::string_view file_text);

  const std::string& text() const noexcept { return text_; }
  bool exact() const noexcept { return exact_; }
  // The user's file range for [begin, end) of text(); the anchor when not exact.
  SourceRange map(std::uint32_t begin, std::uint32_t end) const;
  // Where the embedded text is as a whole (the ConfigMap key, or the whole file).
  SourceRange anchor() const noexcept { return anchor_; }

 private:
  std::uint32_t map_offset(std::uint32_t offset) const;

  std::string text_;
  FileId file_ = kNoFile;
  SourceRange anchor_;
  bool exact_ = false;
  // For each line of text_: its first byte in text_, and that byte's offset in the parent file.
  std::vector<std::uint32_t> line_begin_;
  std::vector<std::uint32_t> parent_begin_;
};

}  // namespace netlint::model
