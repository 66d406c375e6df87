// Text as the YAML spec reads it, before anything splits or parses it (RULES.md Inputs; issue 16
// item 9): a manifest saved as UTF-16 or UTF-32 (PowerShell's `>` writes UTF-16LE with a
// byte-order mark) is decoded to UTF-8, and a lone CR is a line break (YAML 1.2 b-break). Left
// alone, the first was skipped as binary and the second merged or lost documents, both silently.
#pragma once

#include <string>

namespace netlint {

enum class SourceEncoding { kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

// The encoding of `text`: by its byte-order mark, else UTF-16 without one when its first
// characters are ASCII with a NUL beside each (what a UTF-16 YAML file starts with), else UTF-8.
SourceEncoding detect_encoding(const std::string& text);

// "UTF-16LE", "UTF-32BE", ...
const char* encoding_name(SourceEncoding encoding);

// Decodes UTF-16/32 to UTF-8 in place (the byte-order mark dropped; unpaired surrogates and code
// units past U+10FFFF become U+FFFD), then turns every CR not followed by LF into LF, which keeps
// every offset. Returns the encoding the text had.
SourceEncoding normalise_text(std::string& text);

}  // namespace netlint
