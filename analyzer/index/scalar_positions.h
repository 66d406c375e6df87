// Positions inside a scalar's value mapped back to the YAML file it was read from, for findings
// that anchor on part of a value (the host inside a URL, a line of an embedded file).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "analyzer/model/object_meta.h"

namespace netlint::index {

// Where bytes [offset, offset + length) of `scalar.value` are written in `file_text` (the text
// of `scalar.range.file`), when they map back byte for byte:
//  - a single-line plain or quoted scalar written without escapes: its token holds the value;
//  - a literal block scalar (`|`, `|-`, `|+`): the value's line i is the i-th line after the
//    header, less the block's indentation (the first non-blank line's); the line must read the
//    same in the file. An explicit indentation indicator (`|2`) and folded scalars (`>`) are
//    not mapped.
// The bytes must not span a line break. Nothing otherwise: callers anchor on the whole scalar.
std::optional<SourceRange> scalar_value_range(const model::Text& scalar, std::string_view file_text, std::size_t offset,
                                              std::size_t length);

// The bytes of `file_text` that scalar_value_range reads for `scalar`, whatever the offset: the
// token for a flow scalar; for a literal block its header and as many lines after it as the
// value has (the value's lines map to those). Empty when nothing maps (an invalid range). A
// cache of mapped positions keys on these bytes, so an edit elsewhere in the file keeps them.
std::string_view scalar_source_bytes(const model::Text& scalar, std::string_view file_text);

}  // namespace netlint::index
