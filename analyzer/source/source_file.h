// A source text the analyzer reads: a file on disk, stdin, an editor buffer, or a text embedded in
// another file (a Corefile inside a ConfigMap). Positions everywhere in netlint are byte offsets
// into one of these; line/column conversion happens only in the reporters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace netlint {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xFFFFFFFFu;

// A half-open byte range [begin, end) in one source file.
struct SourceRange {
  FileId file = kNoFile;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool valid() const noexcept { return file != kNoFile; }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// 1-based line and 1-based column. `column` counts Unicode code points, `column_utf16` counts
// UTF-16 code units (SARIF and LSP want those).
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t column_utf16 = 1;
};

// Maps byte offsets to lines and columns; built once per file on first use.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LineColumn position(std::string_view text, std::uint32_t offset) const;
  std::uint32_t line_count() const noexcept { return static_cast<std::uint32_t>(line_starts_.size()); }
  // The text of a 1-based line, without its line break.
  std::string_view line_text(std::string_view text, std::uint32_t line) const;

 private:
  std::vector<std::uint32_t> line_starts_;
};

struct SourceFile {
  FileId id = kNoFile;
  std::string path;      // as the user named it (relative paths stay relative), "-" for stdin
  std::string text;      // the bytes, unchanged
  bool reported = true;  // false for context-only files: read for references, never reported on
  // The optional kustomize Component the file belongs to (folder), "" for none: objects of two
  // different optional Components are not known to be applied together.
  std::string optional_component;
  // The kustomization that lists the file as a resource, "" for none: its build is the file's
  // apply unit (RULES.md "Apply units and namespaces").
  std::string apply_build;
  // The file's apply unit ("build:<kustomization>" or "group:<first file>"), set per view by
  // model::assign_apply_units: the scope a namespace-less selector binds in before the view.
  std::string apply_unit;
  // A copy of a resource file that a second kustomize build reads (its objects as that build
  // makes them): the file it copies. kNoFile for every other file.
  FileId build_copy_of = kNoFile;

  // Embedded texts (issue: facts layer) remember where they sit in their parent.
  FileId parent = kNoFile;
  std::uint32_t parent_offset = 0;
};

}  // namespace netlint
