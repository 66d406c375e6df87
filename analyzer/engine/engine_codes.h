#pragma once
// The codes of the findings the engine itself emits, named once. The rules that document them
// (rules/input/internal_error.cpp, unused_suppression.cpp) and every consumer use these names,
// so a renumbering is one edit here.
#include <string_view>

namespace netlint::engine {

// A rule threw while checking an object (internal-error); never baselined or ignored per file.
inline constexpr std::string_view kInternalErrorCode = "NL0002";
// A suppression comment that suppressed nothing (unused-suppression).
inline constexpr std::string_view kUnusedSuppressionCode = "NL0003";

}  // namespace netlint::engine
