// Text from manifests, configs and file names as a terminal or a CI log shows it. Such text is
// written by strangers (a linter runs on pull requests): a control character in it would move the
// cursor, recolour the screen or set the window title (ESC and OSC sequences), or end the line so
// that the next one starts with `::error file=...`, which GitHub turns into an annotation. Every
// human format (text, facts, connectivity, stderr) passes such values through `printable`.
#pragma once

#include <string>
#include <string_view>

#include "analyzer/util/utf8.h"

namespace netlint {

// How the code point decoded from `bytes` is shown: itself, or an escape for C0 controls but tab
// (`\n`, `\r`, `\e`, `\x01`), DEL (`\x7f`), C1 controls and the bidirectional overrides that can
// reorder what a reader sees (`\u0085`, `\u202e`); each byte of an invalid sequence as `\xff`.
std::string printable_code_point(const utf8::CodePoint& c, std::string_view bytes);

// `text` with every such code point or byte escaped.
std::string printable(std::string_view text);

}  // namespace netlint
