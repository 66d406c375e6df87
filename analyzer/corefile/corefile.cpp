#include "analyzer/corefile/corefile.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>

namespace netlint::corefile {
namespace {

constexpr int kMaxDepth = 64;                  // plugin blocks nested deeper are skipped
constexpr std::size_t kMaxExpansions = 10000;  // Caddy's snippet expansion limit
constexpr std::size_t kMaxImportDepth = 100;   // ours: bounds the recursion

// Length of the Unicode whitespace character at `i` (Go's unicode.IsSpace), 0 if none.
std::size_t space_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c < 0x80) return 0;
  auto byte = [&](std::size_t k) -> unsigned { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0U; };
  if (c == 0xC2 && (byte(1) == 0x85 || byte(1) == 0xA0)) return 2;  // NEL, NBSP
  if (c == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;    // U+1680
  if (c == 0xE2 && byte(1) == 0x80) {
    const unsigned b = byte(2);
    if ((b >= 0x80 && b <= 0x8A) || b == 0xA8 || b == 0xA9 || b == 0xAF) return 3;
  }
  if (c == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
  return 0;
}

bool is_upper_snake(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool has_env_placeholder(std::string_view t) {
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i] != '{') continue;
    if (t[i + 1] == '$') {
      const auto close = t.find('}', i + 2);
      if (close != std::string_view::npos && close > i + 2) return true;
    } else if (t[i + 1] == '%') {
      const auto close = t.find("%}", i + 2);
      if (close != std::string_view::npos && close > i + 2) return true;
    }
  }
  return false;
}

bool has_installer_placeholder(std::string_view t) {
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i] != '_' || t[i + 1] != '_' || t[i + 2] < 'A' || t[i + 2] > 'Z') continue;
    std::size_t k = i + 2;
    while (k < t.size() && is_upper_snake(t[k])) ++k;
    if (k - (i + 2) >= 3 && t[k - 1] == '_' && t[k - 2] == '_') return true;
  }
  return false;
}

// A sed-template insertion point: an UPPER_SNAKE word of at least four characters, starting
// with a letter (coredns/deployment's coredns.yaml.sed writes `}STUBDOMAINS` and
// `kubernetes CLUSTER_DOMAIN REVERSE_CIDRS`, which deploy.sh replaces).
bool is_template_word(std::string_view t) {
  if (t.size() < 4 || t[0] < 'A' || t[0] > 'Z') return false;
  return std::all_of(t.begin(), t.end(), is_upper_snake);
}

struct Lexed {
  Token tok;
  std::uint32_t line_begin = 0;  // count of '\n' before the token
  std::uint32_t line_end = 0;    // count of '\n' before the token's last byte
};

std::uint32_t u32(std::size_t v) {
  return static_cast<std::uint32_t>(v);
}

std::vector<Lexed> lex(std::string_view text, std::vector<ParseProblem>& problems) {
  std::vector<Lexed> out;
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a leading BOM is discarded
  std::uint32_t line = 0;
  while (i < n) {
    if (const std::size_t sp = space_length(text, i); sp != 0) {
      if (text[i] == '\n') ++line;
      i += sp;
      continue;
    }
    if (text[i] == '#') {  // a comment runs to the end of the line
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    Lexed lexed;
    lexed.tok.begin = u32(i);
    lexed.line_begin = line;
    std::string& val = lexed.tok.text;
    if (text[i] == '"') {
      lexed.tok.quoted = true;
      std::size_t j = i + 1;
      bool escaped = false;
      bool closed = false;
      while (j < n) {
        const char ch = text[j++];
        if (escaped) {  // only `\"` is an escape; any other backslash is kept
          if (ch != '"') val.push_back('\\');
          if (ch == '\n') ++line;
          val.push_back(ch);
          escaped = false;
          continue;
        }
        if (ch == '\\') {
          escaped = true;
          continue;
        }
        if (ch == '"') {
          closed = true;
          break;
        }
        if (ch == '\n') ++line;
        val.push_back(ch);
      }
      if (!closed) {
        problems.push_back({lexed.tok.begin, "Unexpected EOF: unterminated quoted string"});
      }
      lexed.tok.end = u32(j);
      i = j;
    } else {
      std::size_t j = i;
      std::size_t last = i;
      while (j < n) {
        if (text[j] == '#') break;  // even in the middle of a word
        if (const std::size_t sp = space_length(text, j); sp != 0) {
          if (text[j] == '\r') {  // Caddy skips `\r` without ending the token
            ++j;
            continue;
          }
          break;
        }
        val.push_back(text[j]);
        last = ++j;
      }
      lexed.tok.end = u32(last);
      i = j;
    }
    lexed.line_end = line;
    lexed.tok.env_placeholder = has_env_placeholder(val);
    lexed.tok.installer_placeholder = has_installer_placeholder(val);
    // `}STUBDOMAINS`: CoreDNS reads one word (and misses the `}`), but in a sed template the
    // word is where more server blocks go: the block closes, and the placeholder follows.
    if (!lexed.tok.quoted && val.size() > 1 && val[0] == '}' && is_template_word(std::string_view(val).substr(1))) {
      Lexed close;
      close.tok.text.assign(1, '}');  // (not `= "}"`: GCC 12 -O3 warns falsely, -Wrestrict)
      close.tok.begin = lexed.tok.begin;
      close.tok.end = lexed.tok.begin + 1;
      close.line_begin = close.line_end = lexed.line_begin;
      out.push_back(std::move(close));
      lexed.tok.text = val.substr(1);
      lexed.tok.begin += 1;
      lexed.tok.installer_placeholder = true;
    }
    out.push_back(std::move(lexed));
  }
  return out;
}

enum class Level { ServerBraced, ServerBare, Nested };

class Parser {
 public:
  Parser(std::string_view text, Corefile& out) : out_(out), eof_(u32(text.size())) { toks_ = lex(text, out_.problems); }

  void run() {
    while (!at_end()) {
      const Token& t = cur().tok;
      if (t.text == "}") {
        problem(t.begin, "Unexpected '}' because no matching opening brace");
        ++pos_;
        continue;
      }
      if (t.installer_placeholder && is_template_word(t.text) && (new_line(pos_) || toks_[pos_ - 1].tok.text == "}")) {
        ++pos_;  // a template's insertion point for server blocks (see the lexer): nothing to parse
        continue;
      }
      if (t.text == "import" && new_line(pos_)) {
        Directive d = parse_directive(Level::Nested, 0);
        check_import(d);
        out_.imports.push_back(std::move(d));
        continue;
      }
      parse_server_block();
    }
  }

  // A fragment: directives only, as an `import` splices them into a server block.
  void run_fragment() {
    ServerBlock b;
    while (!at_end()) {
      bool closed = false;
      std::uint32_t close_end = eof_;
      std::vector<Directive> dirs =
          parse_directives(Level::ServerBare, 0, closed, close_end);  // a stray `}` is reported
      for (Directive& d : dirs) b.directives.push_back(std::move(d));
    }
    if (!b.directives.empty()) {
      b.begin = b.directives.front().begin;
      b.end = b.directives.back().end;
    }
    out_.blocks.push_back(std::move(b));
  }

 private:
  Corefile& out_;
  std::vector<Lexed> toks_;
  std::size_t pos_ = 0;
  std::uint32_t eof_;

  bool at_end() const { return pos_ >= toks_.size(); }
  const Lexed& cur() const { return toks_[pos_]; }
  bool is(std::size_t i, std::string_view s) const { return i < toks_.size() && toks_[i].tok.text == s; }
  bool new_line(std::size_t i) const { return i == 0 || toks_[i].line_begin > toks_[i - 1].line_end; }
  void problem(std::uint32_t offset, std::string message) { out_.problems.push_back({offset, std::move(message)}); }

  void check_import(const Directive& d) {
    if (d.args.empty()) {
      problem(d.name.begin, "Wrong argument count or unexpected line ending after 'import'");
    } else if (d.args[0].text.empty()) {
      problem(d.args[0].begin, "Import requires a non-empty filepath");
    } else if (d.args.size() > 1) {
      problem(d.args[1].begin, "Import takes only one argument (glob pattern or file)");
    }
  }

  void parse_server_block() {
    ServerBlock b;
    b.begin = cur().tok.begin;
    bool expecting = false;  // a trailing comma asks for another key
    bool glued = false;      // `example.org{`
    std::uint32_t glued_brace = 0;
    while (!at_end()) {
      if (is(pos_, "{")) {
        if (expecting) {
          problem(cur().tok.begin, "Expected another address but had '{' - check for extra comma");
        }
        break;
      }
      Token key = cur().tok;
      ++pos_;
      const bool line_ends = at_end() || new_line(pos_);
      if (!key.text.empty()) {
        if (key.text.back() == ',') {
          key.text.pop_back();
          if (!key.quoted && key.end > key.begin) --key.end;
          expecting = true;
        } else {
          expecting = false;
          if (!key.quoted && key.text.size() > 1 && key.text.back() == '{' && line_ends) {
            glued = true;
            glued_brace = key.end - 1;
            problem(glued_brace, "'" + key.text +
                                     "' is one token: CoreDNS reads the '{' as part of the address "
                                     "(separate it with a space)");
            key.text.pop_back();
            key.end = glued_brace;
          }
        }
        if (!key.text.empty()) b.keys.push_back(std::move(key));
      }
      if (glued) break;
      if (at_end()) {
        if (expecting) problem(eof_, "Unexpected EOF");
        break;
      }
      if (!expecting && new_line(pos_)) break;
    }
    b.end = b.keys.empty() ? b.begin : b.keys.back().end;

    const bool braced = glued || is(pos_, "{");
    const bool snippet = b.keys.size() == 1 && b.keys[0].text.size() >= 2 && b.keys[0].text.front() == '(' &&
                         b.keys[0].text.back() == ')';
    if (braced) {
      b.has_braces = true;
      b.block_begin = glued ? glued_brace : cur().tok.begin;
      if (!glued) ++pos_;
      if (b.keys.empty()) problem(b.block_begin, "Expected a server address before '{'");
      bool closed = false;
      std::uint32_t close_end = eof_;
      std::vector<Directive> dirs =
          parse_directives(snippet ? Level::Nested : Level::ServerBraced, 0, closed, close_end);
      if (!closed) problem(b.block_begin, "Unexpected EOF: no '}' closes this '{'");
      b.block_end = close_end;
      b.end = close_end;
      if (snippet) {
        add_snippet(std::move(b), std::move(dirs));
        return;
      }
      b.directives = std::move(dirs);
      out_.blocks.push_back(std::move(b));
      return;
    }
    if (b.keys.empty()) return;
    if (snippet) {
      if (at_end()) {
        problem(eof_, "Unexpected EOF");
      } else {
        problem(cur().tok.begin, "Syntax error: Unexpected token '" + cur().tok.text + "', expecting '{'");
      }
      return;
    }
    if (out_.blocks.empty()) {  // single-server form: directives without braces
      bool closed = false;
      std::uint32_t close_end = eof_;
      b.directives = parse_directives(Level::ServerBare, 0, closed, close_end);
      if (!b.directives.empty()) b.end = b.directives.back().end;
      out_.blocks.push_back(std::move(b));
      return;
    }
    if (at_end()) {  // keys alone at the end: a server without plugins (CoreDNS accepts it)
      out_.blocks.push_back(std::move(b));
      return;
    }
    problem(b.begin,
            "Directive '" + b.keys[0].text + "' outside a server block (expecting '{' after server addresses)");
  }

  void add_snippet(ServerBlock b, std::vector<Directive> dirs) {
    Snippet s;
    s.key = std::move(b.keys[0]);
    s.name = s.key.text.substr(1, s.key.text.size() - 2);
    for (const Snippet& other : out_.snippets) {
      if (other.name == s.name) {
        problem(s.key.begin, "redeclaration of previously declared snippet " + s.name);
        return;
      }
    }
    for (const Directive& d : dirs) {  // Caddy rejects a snippet that imports itself directly
      if (d.name.text == "import" && d.args.size() == 1 && d.args[0].text == s.name) {
        problem(d.begin, "maximum snippet import depth (1000) exceeded (snippet '" + s.name + "' imports itself)");
      }
    }
    s.directives = std::move(dirs);
    s.begin = b.begin;
    s.end = b.end;
    s.block_begin = b.block_begin;
    s.block_end = b.block_end;
    out_.snippets.push_back(std::move(s));
  }

  // Directives up to the `}` closing the current block (consumed; `closed`, `close_end` set) or
  // the end of the text. In the single-server form a `}` ends the server as a stray brace.
  std::vector<Directive> parse_directives(Level level, int depth, bool& closed, std::uint32_t& close_end) {
    std::vector<Directive> dirs;
    closed = false;
    close_end = eof_;
    while (!at_end()) {
      const Token& t = cur().tok;
      if (t.text == "}") {
        if (level == Level::ServerBare) {
          problem(t.begin, "Unexpected '}' because no matching opening brace");
        } else {
          closed = true;
        }
        close_end = t.end;
        ++pos_;
        return dirs;
      }
      if (t.text == "{") problem(t.begin, "Unexpected token '{', expecting a directive");
      Directive d = parse_directive(level, depth);
      if (d.name.text == "import") check_import(d);
      dirs.push_back(std::move(d));
    }
    return dirs;
  }

  // Skips the rest of a block nested too deeply; returns whether its `}` was found.
  bool skip_block(std::uint32_t& close_end) {
    std::size_t nesting = 1;
    while (!at_end()) {
      const Token& t = cur().tok;
      ++pos_;
      if (t.text == "{") {
        ++nesting;
      } else if (t.text == "}" && --nesting == 0) {
        close_end = t.end;
        return true;
      }
    }
    close_end = eof_;
    return false;
  }

  Directive parse_directive(Level level, int depth) {
    Directive d;
    if (cur().tok.text != "{") {
      d.name = cur().tok;
      ++pos_;
    } else {
      d.name.begin = d.name.end = cur().tok.begin;  // an anonymous block (reported by the caller)
    }
    d.begin = d.name.begin;
    d.end = d.name.end;
    while (!at_end()) {
      const Token& t = cur().tok;
      if (t.text == "{") {  // opens the block, even at the start of the next line (as in Caddy)
        const std::uint32_t brace = t.begin;
        ++pos_;
        bool closed = false;
        std::uint32_t close_end = eof_;
        if (depth + 1 >= kMaxDepth) {
          problem(brace, "Blocks nested too deeply (more than 64 levels)");
          closed = skip_block(close_end);
        } else {
          std::vector<Directive> children = parse_directives(Level::Nested, depth + 1, closed, close_end);
          for (Directive& c : children) d.block.push_back(std::move(c));
        }
        if (!closed) problem(brace, "Unexpected EOF: no '}' closes this '{'");
        if (!d.has_block) {
          d.has_block = true;
          d.block_begin = brace;
        }
        d.block_end = close_end;
        d.end = close_end;
        if (!closed) break;
        continue;
      }
      if (new_line(pos_)) break;
      if (t.text == "}") {
        if (level == Level::ServerBraced) {
          problem(t.begin, "Unexpected '}' because no matching opening brace");
        }
        break;  // the caller closes its block (or reports the stray brace)
      }
      d.args.push_back(t);
      d.end = t.end;
      ++pos_;
    }
    return d;
  }
};

// Splices snippets into one Corefile's blocks, within the bounds of kMaxSplicedDirectives and
// kMaxSplicedBytes over the whole Corefile.
class Expander {
 public:
  explicit Expander(Corefile& cf) : cf_(cf) {
    for (const Snippet& s : cf.snippets) by_name_.emplace(s.name, &s);  // names are unique
  }

  void run() {
    cf_.expansion_problems.clear();
    for (ServerBlock& b : cf_.blocks) {
      std::vector<Directive> out;
      expand_into(b.directives, 0, out);
      b.expanded = std::move(out);
    }
  }

 private:
  Corefile& cf_;
  std::unordered_map<std::string_view, const Snippet*> by_name_;
  std::vector<const Snippet*> stack_;           // the snippets being spliced, outermost first
  std::vector<const Directive*> import_stack_;  // the imports that splice them
  std::size_t imports_left_ = kMaxExpansions;
  std::size_t directives_ = 0;  // spliced so far in this Corefile
  std::size_t bytes_ = 0;
  bool exhausted_ = false;               // a bound was crossed: nothing more is spliced
  const Directive* crossing_ = nullptr;  // the import whose splice crossed it

  static std::size_t cost(const Token& t) { return sizeof(Token) + t.text.size(); }

  // Counts a directive copied out of a snippet; false (and the problem recorded) when that
  // crosses a bound.
  bool count(const Directive& d) {
    ++directives_;
    bytes_ += sizeof(Directive) + cost(d.name);
    for (const Token& a : d.args) bytes_ += cost(a);
    if (directives_ <= kMaxSplicedDirectives && bytes_ <= kMaxSplicedBytes) return true;
    exhausted_ = true;
    crossing_ = import_stack_.back();
    const Directive& inner = *import_stack_.back();
    const Directive& outer = *import_stack_.front();
    std::string message = "import " + inner.args[0].text + " expands past ";
    message += directives_ > kMaxSplicedDirectives
                   ? std::to_string(kMaxSplicedDirectives) + " directives"
                   : std::to_string(kMaxSplicedBytes / (1024 * 1024)) + " MiB of names and arguments";
    message += " spliced from snippets";
    if (&inner != &outer) message += " (through import " + outer.args[0].text + ")";
    message += "; no further snippet is spliced in this Corefile, so what it would bring in is not checked";
    cf_.expansion_problems.push_back({inner.begin, inner.end, outer.begin, outer.end, std::move(message)});
    return false;
  }

  const Snippet* resolve(const Directive& d, std::uint32_t before) const {
    if (exhausted_ || d.name.text != "import" || d.args.size() != 1 || imports_left_ == 0 ||
        stack_.size() >= kMaxImportDepth) {
      return nullptr;
    }
    const auto it = by_name_.find(d.args[0].text);
    if (it == by_name_.end() || it->second->begin >= before) return nullptr;
    for (const Snippet* on_stack : stack_) {
      if (on_stack == it->second) return nullptr;  // a cycle stays unexpanded
    }
    return it->second;
  }

  void expand_into(const std::vector<Directive>& dirs, std::uint32_t limit, std::vector<Directive>& out) {
    for (const Directive& d : dirs) {
      const bool spliced = !stack_.empty();
      if (exhausted_ && spliced) return;  // the rest of a snippet being spliced is dropped
      // Caddy resolves a snippet when it reads the import, so only snippets defined earlier
      // count; nested imports resolve at the outermost import (`limit`), where they are spliced.
      const std::uint32_t before = spliced ? limit : d.begin;
      if (const Snippet* found = resolve(d, before)) {
        --imports_left_;
        const std::size_t mark = out.size();
        stack_.push_back(found);
        import_stack_.push_back(&d);
        expand_into(found->directives, before, out);
        stack_.pop_back();
        import_stack_.pop_back();
        if (crossing_ == &d) {  // the import that crossed the bound stays as written
          out.resize(mark);
          copy_into(d, before, out);
        }
        continue;
      }
      if (spliced && !count(d)) return;
      copy_into(d, before, out);
    }
  }

  // `d` with the imports of its block expanded.
  void copy_into(const Directive& d, std::uint32_t before, std::vector<Directive>& out) {
    Directive copy;
    copy.name = d.name;
    copy.args = d.args;
    copy.begin = d.begin;
    copy.end = d.end;
    copy.has_block = d.has_block;
    copy.block_begin = d.block_begin;
    copy.block_end = d.block_end;
    expand_into(d.block, before, copy.block);
    out.push_back(std::move(copy));
  }
};

}  // namespace

namespace {

template <class Run>
Corefile parse_with(std::string_view text, Run run) {
  Corefile out;
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    out.problems.push_back({0, "Corefile too large (4 GiB or more)"});
    return out;
  }
  try {
    Parser parser(text, out);
    run(parser);
    expand_imports(out);
  } catch (const std::bad_alloc&) {
    out.problems.push_back({0, "out of memory while parsing the Corefile"});
  }
  return out;
}

}  // namespace

Corefile parse_corefile(std::string_view text) {
  return parse_with(text, [](Parser& parser) { parser.run(); });
}

Corefile parse_corefile_fragment(std::string_view text) {
  return parse_with(text, [](Parser& parser) { parser.run_fragment(); });
}

void expand_imports(Corefile& corefile) {
  Expander(corefile).run();
}

}  // namespace netlint::corefile
