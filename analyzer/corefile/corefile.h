// Lexer and parser for the Caddyfile v1 dialect CoreDNS reads (knowledge/domain.md 1.1;
// coredns/caddy caddyfile/lexer.go and parse.go). The result is a positioned AST: every offset
// is a byte offset into the text given to parse_corefile (the caller maps it to a file, since a
// Corefile may be embedded in a ConfigMap). Directive names are not checked against a plugin
// list here; that, and option checking, is NL4101's job.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace netlint::corefile {

struct Token {
  std::string text;         // quotes removed, `\"` unescaped, `\r` outside quotes dropped
  std::uint32_t begin = 0;  // first byte; the opening quote for a quoted token
  std::uint32_t end = 0;    // one past the last byte (past the closing quote)
  bool quoted = false;
  bool env_placeholder = false;        // holds `{$NAME}` or `{%NAME%}` (kept verbatim)
  bool installer_placeholder = false;  // holds `__UPPER_SNAKE__` (e.g. `__PILLAR__DNS__SERVER__`)
};

// A plugin line (or a sub-option line inside a plugin's block): name, arguments on the same
// line, and an optional `{ ... }` block of sub-directives (which may have blocks themselves).
// As in Caddy, a `{` opens the block even when it starts the next line, and tokens after the
// closing `}` on its line are appended to args.
struct Directive {
  Token name;
  std::vector<Token> args;
  std::vector<Directive> block;
  std::uint32_t begin = 0;  // name.begin
  std::uint32_t end = 0;    // end of the last token (the closing `}` if there is a block)
  bool has_block = false;
  std::uint32_t block_begin = 0;  // offset of `{`
  std::uint32_t block_end = 0;    // one past `}`, or the text's end when the block is unclosed
};

// `KEY [KEY ...] { directives }`, or the single-server form (keys on the first line, then
// directives without braces up to the end of the file or a stray `}`).
struct ServerBlock {
  std::vector<Token> keys;  // a trailing `,` is removed from the text and from `end`
  std::vector<Directive> directives;
  std::uint32_t begin = 0;  // first key (or the `{` when keys are missing)
  std::uint32_t end = 0;
  bool has_braces = false;
  std::uint32_t block_begin = 0;  // the `{` (for a glued `example.org{`, the glued brace)
  std::uint32_t block_end = 0;
  // `directives` with snippet imports spliced in (see expand_imports below). Filled once when
  // the Corefile is parsed, so that every rule reads the same copy instead of expanding again.
  std::vector<Directive> expanded;
};

// `(name) { directives }`: a snippet definition, spliced by `import name`.
struct Snippet {
  std::string name;  // without the parentheses
  Token key;         // the `(name)` token
  std::vector<Directive> directives;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t block_begin = 0;
  std::uint32_t block_end = 0;
};

struct ParseProblem {
  std::uint32_t offset = 0;
  std::string message;
};

// Where splicing snippets stopped because the Corefile's imports expand past a bound
// (kMaxSplicedDirectives, kMaxSplicedBytes). Not a parse problem: CoreDNS reads such a file
// (if it has the memory), so NL4101 reports it rather than NL0001.
struct ExpansionProblem {
  std::uint32_t begin = 0;        // the `import` whose snippet crossed the bound
  std::uint32_t end = 0;          // (its name through its argument)
  std::uint32_t outer_begin = 0;  // the `import` written in the server block that led there;
  std::uint32_t outer_end = 0;    // the same as begin/end when that one crossed it
  std::string message;
};

struct Corefile {
  std::vector<ServerBlock> blocks;
  std::vector<Snippet> snippets;
  std::vector<Directive> imports;  // `import X` lines at the top level (between blocks); unexpanded
  std::vector<ParseProblem> problems;
  std::vector<ExpansionProblem> expansion_problems;  // at most one: splicing stops at the first
};

// Bounds on what snippet imports may splice into one Corefile, over all its server blocks
// together. Snippets importing snippets multiply: ten lines that each import a snippet of ten
// imports of ... reach millions of directives from a few hundred bytes, and a per-block bound
// alone would still multiply by the number of blocks that import the same snippet. Real
// Corefiles splice a few dozen directives (a shared `(common)` of errors/cache/forward in some
// blocks); 100,000 is far above any of them and still quick to copy and to check (a Release
// build lints 100,000 spliced `log` lines in about 0.2 s and 30 MB). The byte bound counts each
// spliced directive and token with its struct size plus its text, so it bounds the memory and
// catches the same bomb built from long lines of arguments instead of many directives.
// Directives written in a block are not counted: they cost what the text costs.
inline constexpr std::size_t kMaxSplicedDirectives = 100000;
inline constexpr std::size_t kMaxSplicedBytes = std::size_t{32} * 1024 * 1024;

// Never throws and never crashes; malformed input yields problems and a best-effort AST.
// Expands the imports of every block (expand_imports).
Corefile parse_corefile(std::string_view text);

// A directive fragment (a ConfigMap key `*.override` that a server block imports, as k3s and
// AKS's coredns-custom do): one ServerBlock without keys or braces holding the directives; a
// stray `}` is a problem. Its imports are expanded too.
Corefile parse_corefile_fragment(std::string_view text);

// Sets each block's `expanded`: its directives with each `import NAME` at the start of a line
// (at server level or inside a plugin block, as coredns/caddy's parse.go splices both) naming a
// snippet defined earlier in the text replaced by the snippet's directives, recursively. Imports
// of files or globs, of unknown or later-defined snippets, and cyclic imports are kept as
// `import` directives. At most 10,000 expansions (knowledge/domain.md 1.1). Spliced directives
// keep their positions inside the snippet. When the spliced directives of the whole Corefile
// would pass kMaxSplicedDirectives or kMaxSplicedBytes, the import that crosses the bound is
// kept unexpanded, the rest of the snippets being spliced around it is dropped, no later
// import of the Corefile is expanded (the directives written in the blocks are still copied),
// and one ExpansionProblem says where. Time and memory are linear in
// the text plus the bounds. parse_corefile calls it; it replaces earlier results.
void expand_imports(Corefile& corefile);

}  // namespace netlint::corefile
