#include "analyzer/engine/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <tuple>

#include "analyzer/util/go_values.h"
#include "analyzer/util/repo_path.h"
#include "analyzer/util/json_writer.h"
#include "analyzer/util/utf8.h"
#include "analyzer/engine/engine_codes.h"

namespace netlint::engine {
namespace fs = std::filesystem;
namespace {

// FNV-1a, 64 bits: stable across platforms and releases, which std::hash is not.
class Fnv {
 public:
  void add(std::string_view text) {
    for (const char c : text) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ull;
    }
    hash_ ^= 0xffu;  // a separator that no text byte sequence can imitate across fields
    hash_ *= 0x100000001b3ull;
  }
  std::string hex() const { return fmt::format("{:016x}", hash_); }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ull;
};

std::string without_blanks(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  }
  return out;
}

auto identity(const BaselineEntry& e) {
  return std::tie(e.path, e.rule, e.fingerprint, e.occurrence);
}

}  // namespace

bool BaselineEntry::same(const BaselineEntry& other) const {
  return identity(*this) == identity(other);
}

std::string repository_path(const std::string& path, const std::string& root) {
  if (path == "-" || path.empty()) return path;
  if (root.empty()) return fs::path(path).lexically_normal().generic_string();
  // As written, symlinks kept, and a file outside the root keeps its climbing path (`../x`): the
  // baseline matches the paths the next run prints.
  RootRelative p = relative_to_root(path, root, Symlinks::kKeep);
  return p.relative.empty() ? p.absolute : p.relative;
}

std::vector<BaselineEntry> baseline_entries(const model::Model& model, std::span<const diag::Diagnostic> findings,
                                            const std::string& root) {
  std::map<FileId, std::unique_ptr<LineIndex>> lines;
  std::map<FileId, std::string> paths;
  std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t> seen;
  std::vector<BaselineEntry> out;
  out.reserve(findings.size());
  for (const diag::Diagnostic& d : findings) {
    BaselineEntry e;
    e.rule = std::string(d.rule->code);
    e.message = d.message;
    std::string line;
    if (d.range.valid()) {
      const SourceFile& file = model.file(d.range.file);
      auto [path, fresh] = paths.try_emplace(file.id);
      if (fresh) path->second = repository_path(file.path, root);
      e.path = path->second;
      std::unique_ptr<LineIndex>& index = lines[file.id];
      if (!index) index = std::make_unique<LineIndex>(file.text);
      line = without_blanks(index->line_text(file.text, index->position(file.text, d.range.begin).line));
    }
    Fnv hash;
    hash.add(e.rule);
    hash.add(e.path);
    hash.add(e.message);
    hash.add(line);
    e.fingerprint = hash.hex();
    e.occurrence = ++seen[{e.rule, e.path, e.fingerprint}];
    out.push_back(std::move(e));
  }
  return out;
}

std::string write_baseline(std::vector<BaselineEntry> entries) {
  std::erase_if(entries, [](const BaselineEntry& e) { return e.rule == kInternalErrorCode; });
  std::sort(entries.begin(), entries.end(),
            [](const BaselineEntry& a, const BaselineEntry& b) { return identity(a) < identity(b); });
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object();
  json.key("version").value(static_cast<std::int64_t>(kBaselineVersion));
  json.key("entries").begin_array();
  for (const BaselineEntry& e : entries) {
    json.begin_object();
    json.key("rule").value(e.rule);
    json.key("path").value(e.path);
    json.key("fingerprint").value(e.fingerprint);
    json.key("occurrence").value(e.occurrence);
    json.key("message").value(e.message);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out << '\n';
  return out.str();
}

namespace {

// A pull parser for the baseline's JSON, fed in chunks: entries are built as they are read, so a
// baseline costs its entries and one chunk, not a document tree of many times the file's size.
class JsonStream {
 public:
  explicit JsonStream(const BaselineChunks& read) : read_(read) {}

  int peek() {
    if (pos_ == len_ && !refill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_]);
  }
  int get() {
    const int c = peek();
    if (c >= 0) ++pos_;
    return c;
  }
  void skip_blanks() {
    for (int c = peek(); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek()) ++pos_;
  }
  bool expect(char wanted) {
    skip_blanks();
    if (get() == wanted) return true;
    return fail(fmt::format("'{}' expected", wanted));
  }
  // After a value in an object or array: true for ',', false for `close` (or an error).
  bool next(char close) {
    skip_blanks();
    const int c = get();
    if (c == ',') return true;
    if (c != close) fail(fmt::format("',' or '{}' expected", close));
    return false;
  }
  bool string(std::string& out) {
    out.clear();
    skip_blanks();
    if (get() != '"') return fail("string expected");
    for (;;) {
      const int c = get();
      if (c < 0) return fail("unterminated string");
      if (c == '"') return true;
      if (c != '\\') {
        out += static_cast<char>(c);
        continue;
      }
      const int e = get();
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += static_cast<char>(e);
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          std::uint32_t code = 0;
          if (!hex4(code)) return false;
          if (code >= 0xD800 && code < 0xDC00 && peek() == '\\') {
            ++pos_;
            std::uint32_t low = 0;
            if (get() != 'u' || !hex4(low)) return fail("bad surrogate pair");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          utf8::append(out, static_cast<char32_t>(code));
          break;
        }
        default:
          return fail("bad escape");
      }
    }
  }
  // A number, true, false or null, as written.
  bool token(std::string& out) {
    out.clear();
    skip_blanks();
    for (int c = peek(); c >= 0 && (std::isalnum(c) != 0 || c == '-' || c == '+' || c == '.'); c = peek()) {
      out += static_cast<char>(get());
    }
    return !out.empty() || fail("value expected");
  }
  bool skip_value(int depth = 0) {
    if (depth > 64) return fail("nested too deeply");
    skip_blanks();
    std::string ignored;
    const int c = peek();
    if (c == '"') return string(ignored);
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++pos_;
      skip_blanks();
      if (peek() == close) return ++pos_, true;
      do {
        if (c == '{' && (!string(ignored) || !expect(':'))) return false;
        if (!skip_value(depth + 1)) return false;
      } while (next(close));
      return error_.empty();
    }
    return token(ignored);
  }
  bool at_end() {
    skip_blanks();
    return peek() < 0;
  }
  bool fail(const std::string& message) {
    if (error_.empty()) error_ = message;
    return false;
  }
  const std::string& error() const { return error_; }

 private:
  bool refill() {
    if (ended_) return false;
    const std::ptrdiff_t n = read_(buffer_.data(), buffer_.size());
    if (n <= 0) {
      ended_ = true;
      if (n < 0) fail("read error");
      return false;
    }
    pos_ = 0;
    len_ = static_cast<std::size_t>(n);
    return true;
  }
  bool hex4(std::uint32_t& code) {
    for (int i = 0; i < 4; ++i) {
      const int c = get();
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) return fail("bad \\u escape");
      code = code * 16 + static_cast<std::uint32_t>(digit);
    }
    return true;
  }
  const BaselineChunks& read_;
  std::array<char, 64 * 1024> buffer_{};
  std::size_t pos_ = 0, len_ = 0;
  bool ended_ = false;
  std::string error_;
};

// One entry object; false with `error` set when it is not JSON or lacks a field.
bool read_entry(JsonStream& json, std::size_t index, BaselineEntry& e, std::string& error) {
  bool has_occurrence = false;
  bool valid = true;
  if (!json.expect('{')) return false;
  json.skip_blanks();
  if (json.peek() == '}') {
    json.get();
    valid = false;
  } else {
    std::string key, occurrence;
    do {
      if (!json.string(key) || !json.expect(':')) return false;
      json.skip_blanks();
      const bool is_string = json.peek() == '"';
      if (key == "rule" || key == "path" || key == "fingerprint" || key == "message") {
        std::string& field = key == "rule"          ? e.rule
                             : key == "path"        ? e.path
                             : key == "fingerprint" ? e.fingerprint
                                                    : e.message;
        if (is_string ? !json.string(field) : !json.token(field)) return false;
      } else if (key == "occurrence") {
        if (is_string ? !json.string(occurrence) : !json.token(occurrence)) return false;
        const std::optional<std::uint64_t> n = go_parse_uint(occurrence, 10, 32);  // digits only
        has_occurrence = n.has_value();
        if (n) e.occurrence = static_cast<std::uint32_t>(*n);
      } else if (!json.skip_value()) {
        return false;
      }
    } while (json.next('}'));
    if (!json.error().empty()) return false;
  }
  if (!valid || e.rule.empty() || e.fingerprint.empty() || !has_occurrence) {
    error = fmt::format("entry {} needs rule, path, fingerprint and occurrence", index + 1);
    return false;
  }
  return true;
}

}  // namespace

bool read_baseline(const BaselineChunks& read, std::vector<BaselineEntry>& out, std::string& error) {
  JsonStream json(read);
  std::string version;
  bool has_entries = false;
  std::vector<BaselineEntry> entries;
  auto not_json = [&] {
    if (error.empty()) error = "not JSON: " + json.error();
    return false;
  };
  if (!json.expect('{')) return not_json();
  json.skip_blanks();
  if (json.peek() == '}') {
    json.get();
  } else {
    std::string key;
    do {
      if (!json.string(key) || !json.expect(':')) return not_json();
      json.skip_blanks();
      if (key == "version" && json.peek() != '"' && json.peek() != '{' && json.peek() != '[') {
        if (!json.token(version)) return not_json();
      } else if (key == "entries" && json.peek() == '[') {
        has_entries = true;
        json.get();
        json.skip_blanks();
        if (json.peek() == ']') {
          json.get();
          continue;
        }
        do {
          BaselineEntry e;
          if (!read_entry(json, entries.size(), e, error)) return not_json();
          entries.push_back(std::move(e));
        } while (json.next(']'));
        if (!json.error().empty()) return not_json();
      } else if (!json.skip_value()) {
        return not_json();
      }
    } while (json.next('}'));
  }
  if (!json.error().empty() || !json.at_end()) {
    json.fail("text after the object");
    return not_json();
  }
  if (version != std::to_string(kBaselineVersion)) {
    error = fmt::format("not a netlint baseline of version {}", kBaselineVersion);
    return false;
  }
  if (!has_entries) {
    error = "no 'entries' list";
    return false;
  }
  out.insert(out.end(), std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
  return true;
}

bool read_baseline(std::string_view text, std::vector<BaselineEntry>& out, std::string& error) {
  bool given = false;
  const BaselineChunks once = [&](char* buffer, std::size_t size) -> std::ptrdiff_t {
    // The whole text in chunks of the buffer's size.
    if (given && text.empty()) return 0;
    given = true;
    const std::size_t n = std::min(size, text.size());
    std::copy_n(text.data(), n, buffer);
    text.remove_prefix(n);
    return static_cast<std::ptrdiff_t>(n);
  };
  return read_baseline(once, out, error);
}

std::size_t drop_baselined(const model::Model& model, std::vector<diag::Diagnostic>& findings,
                           std::vector<BaselineEntry> known, const std::string& root) {
  if (known.empty() || findings.empty()) return 0;
  std::sort(known.begin(), known.end(),
            [](const BaselineEntry& a, const BaselineEntry& b) { return identity(a) < identity(b); });
  const std::vector<BaselineEntry> current = baseline_entries(model, findings, root);
  const std::size_t before = findings.size();
  std::vector<diag::Diagnostic> kept;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const bool known_finding =
        findings[i].rule->code != kInternalErrorCode &&
        std::binary_search(known.begin(), known.end(), current[i],
                           [](const BaselineEntry& a, const BaselineEntry& b) { return identity(a) < identity(b); });
    if (!known_finding) kept.push_back(std::move(findings[i]));
  }
  findings = std::move(kept);
  return before - findings.size();
}

}  // namespace netlint::engine
