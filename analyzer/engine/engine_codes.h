#pragma once
// The built-in codes that code outside their rule's file names, each named once: the findings the
// engine itself emits (NL0002, NL0003), the parse errors an editor may hide (NL0001) and the id of
// the run-level notes that report/view_notes collects (NL0006). They live here, at the engine,
// because the reporters below the rule catalog need them too. The rules that document them
// (rules/input/) check their own code against these names with a static_assert, and every
// consumer uses the names, so a renumbering is one edit here.
#include <string_view>

namespace netlint::engine {

// A rule threw while checking an object (internal-error); never baselined or ignored per file.
inline constexpr std::string_view kInternalErrorCode = "NL0002";
// A suppression comment that suppressed nothing (unused-suppression).
inline constexpr std::string_view kUnusedSuppressionCode = "NL0003";
// A manifest or config that does not parse (parse-error); the language server can leave it out.
inline constexpr std::string_view kParseErrorCode = "NL0001";
// The id of the run-level notes (ambiguous-view): metadata only, never a finding.
inline constexpr std::string_view kViewNoteCode = "NL0006";

}  // namespace netlint::engine
