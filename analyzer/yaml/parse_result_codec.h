// Bytes for a parsed document (ParseResult: its tree, its error, the keys it writes twice), so the
// on-disk parse cache (loader/disk_cache.h) can keep a file's parse between runs. The tree is the
// cached unit, not the extracted model: extraction stays the code of the running binary, so no
// model field can go stale in a cache, and a kustomize build's resource files (kept as trees)
// are served too.
//
// The encoding holds no FileId: a file's id changes between runs (a staged-file run has a
// different file table), so decode names the file. Decoding checks every index and offset, so a
// damaged entry is refused (false), never a tree that walks out of bounds or in a cycle.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "analyzer/yaml/tree_builder.h"

namespace netlint::yaml {

// Appends `result` to `out`. False (and `out` unchanged) for a result the parser cannot have
// produced, such as a tree with nodes from another file (a kustomize build's).
bool encode_parse_result(const ParseResult& result, std::string& out);

// Reads one result from the front of `in` and advances past it. `text_size` bounds every byte
// offset (they point into the file's text). False on any damage; `out` is then unspecified.
bool decode_parse_result(std::string_view& in, FileId file, std::uint32_t text_size, ParseResult& out);

}  // namespace netlint::yaml
