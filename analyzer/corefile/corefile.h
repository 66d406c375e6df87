// Lexer and parser for the Caddyfile v1 dialect CoreDNS reads (knowledge/domain.md 1.1;
// coredns/caddy caddyfile/lexer.go and parse.go). The result is a positioned AST: every offset
// is a byte offset into the text given to parse_corefile (the caller maps it to a file, since a
// Corefile may be embedded in a ConfigMap). Directive names are not checked against a plugin
// list here; that, and option checking, is NL4101's job.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace netlint::corefile {

struct Token {
  std::string text;            // quotes removed, `\"` unescaped, `\r` outside quotes dropped
  std::uint32_t begin = 0;     // first byte; the opening quote for a quoted token
  std::uint32_t end = 0;       // one past the last byte (past the closing quote)
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

struct Corefile {
  std::vector<ServerBlock> blocks;
  std::vector<Snippet> snippets;
  std::vector<Directive> imports;  // `import X` lines at the top level (between blocks); unexpanded
  std::vector<ParseProblem> problems;
};

// Never throws and never crashes; malformed input yields problems and a best-effort AST.
Corefile parse_corefile(std::string_view text);

// A directive fragment (a ConfigMap key `*.override` that a server block imports, as k3s and
// AKS's coredns-custom do): one ServerBlock without keys or braces holding the directives; a
// stray `}` is a problem.
Corefile parse_corefile_fragment(std::string_view text);

// The directives of `block` with each `import NAME` at the start of a line (at server level or
// inside a plugin block, as coredns/caddy's parse.go splices both) naming a snippet defined
// earlier in the text replaced by the snippet's directives, recursively. Imports of files or
// globs, of unknown or later-defined snippets, and cyclic imports are kept as `import`
// directives. At most 10,000 expansions (knowledge/domain.md 1.1). Spliced directives keep
// their positions inside the snippet.
std::vector<Directive> expand_imports(const Corefile& corefile, const ServerBlock& block);

}  // namespace netlint::corefile
