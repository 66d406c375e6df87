// GitHub code scanning's `partialFingerprints.primaryLocationLineHash`, computed exactly as
// github/codeql-action's upload step does (src/fingerprints.ts; the algorithm and test vectors are
// in shared/knowledge/integrations.md 1.2). When the SARIF file carries the same value the action
// would compute, alerts keep their identity across runs, uploads through the API included.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace netlint::report {

// The hash of every line of `utf8_text` as "hex:occurrence", index 0 for line 1. Lines end at
// LF, CR or CRLF, so they agree with LineIndex; the vector has one more entry than the text has
// line breaks (the line after the last break, empty or not). Invalid UTF-8 reads as U+FFFD, as
// node's UTF-8 decoder reads it.
std::vector<std::string> line_hashes(std::string_view utf8_text);

// UTF-8 to UTF-16 code units (non-BMP characters as surrogate pairs; each maximal invalid
// subsequence becomes one U+FFFD, the WHATWG decoder's rule node follows).
std::vector<std::uint16_t> utf16_units(std::string_view utf8_text);

}  // namespace netlint::report
