// One input as read: a file, standard input, or a part of Helm's rendered output. The walker
// makes them (source/file_walker.h), the loader parses them (loader/loader.h).
#pragma once

#include <optional>
#include <string>

#include "analyzer/source/skip_reason.h"
#include "analyzer/util/file_stamp.h"

namespace netlint {

struct InputText {
  std::string path;
  std::string text;
  bool reported = true;            // false: context only
  std::optional<SkipReason> skip;  // decided before reading (unreadable, too large)
  bool config = false;             // .netlint.yaml: kept for anchors, never parsed as input
  // Rendered Helm output split by its `# Source:` comments (source/helm_rendered.h): named after
  // a template, but rendered, so never skipped as one.
  bool rendered = false;
  // Named on the command line (or an editor's buffer), not found by a walk: linted even where a
  // walk would skip it as inert (RULES.md "Kustomize", Inert files).
  bool named = false;
  // The file as it was read (source/input_file): lets the on-disk cache know an unchanged file
  // without hashing its text. None for standard input, pipes and editor buffers.
  std::optional<FileStamp> stamp = std::nullopt;
};

}  // namespace netlint
