#include "analyzer/model/placeholder.h"

#include "analyzer/util/strings.h"

namespace netlint::model {
namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ident(char c) {
  return is_upper(c) || is_ascii_digit(c) || c == '_';
}
bool is_word(char c) {
  return is_ident(c) || (c >= 'a' && c <= 'z');
}
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimmed(std::string_view text) {
  return trim(text, " \t\r\n");
}

// `__NAME__` with an upper-case letter in NAME (`__CNI_MTU__`, `__PILLAR__DNS__SERVER__`).
bool has_double_underscore_token(std::string_view text) {
  for (std::size_t at = text.find("__"); at != std::string_view::npos; at = text.find("__", at + 1)) {
    std::size_t end = at + 2;
    bool upper = false;
    while (end < text.size() && is_ident(text[end])) {
      upper = upper || is_upper(text[end]);
      ++end;
    }
    if (upper && end - at >= 5 && text[end - 1] == '_' && text[end - 2] == '_') return true;
  }
  return false;
}

// `@NAME@` (autoconf-style substitution).
bool has_at_token(std::string_view text) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t end = at + 1;
    if (end >= text.size() || !is_upper(text[end])) continue;
    while (end < text.size() && is_ident(text[end])) ++end;
    if (end < text.size() && text[end] == '@') return true;
  }
  return false;
}

// `${NAME}`, `${NAME:-default}` or `$NAME`, NAME `[A-Z][A-Z0-9_]*`; `$$` escapes and `$(NAME)`
// (the kubelet's expansion, Inputs) are not envsubst.
bool has_envsubst(std::string_view text) {
  for (std::size_t at = text.find('$'); at != std::string_view::npos; at = text.find('$', at + 1)) {
    if (at > 0 && text[at - 1] == '$') continue;
    std::size_t i = at + 1;
    const bool braced = i < text.size() && text[i] == '{';
    if (braced) ++i;
    if (i >= text.size() || !is_upper(text[i])) continue;
    while (i < text.size() && is_ident(text[i])) ++i;
    if (braced) {
      if (i < text.size() && (text[i] == '}' || text[i] == ':' || text[i] == '-')) return true;
    } else if (i == text.size() || !is_word(text[i])) {
      return true;
    }
  }
  return false;
}

// `%s`, `%d`, `%v` (not `%%`, and not a percent-encoded byte such as `%d3`).
bool has_printf_verb(std::string_view text) {
  for (std::size_t at = text.find('%'); at != std::string_view::npos; at = text.find('%', at + 1)) {
    if (at > 0 && text[at - 1] == '%') continue;
    if (at + 1 >= text.size()) break;
    const char verb = text[at + 1];
    if (verb != 's' && verb != 'd' && verb != 'v') continue;
    if (at + 2 < text.size() && is_word(text[at + 2])) continue;
    return true;
  }
  return false;
}

bool has_template(std::string_view text) {
  const std::size_t open = text.find("{{");
  return open != std::string_view::npos && text.find("}}", open + 2) != std::string_view::npos;
}

}  // namespace

bool is_all_caps_identifier(std::string_view text) {
  if (text.size() < 2 || !is_upper(text[0])) return false;
  for (const char c : text) {
    if (!is_ident(c)) return false;
  }
  return true;
}

bool is_angle_bracket_placeholder(std::string_view text) {
  text = trimmed(text);
  return text.size() >= 3 && text.front() == '<' && text.back() == '>' && text[1] != '<' && text[1] != '/' &&
         !is_blank(text[1]);
}

bool line_has_angle_bracket_placeholder(std::string_view line) {
  const std::size_t hash = line.find(" #");
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  line = trimmed(line);
  if (line.starts_with("- ")) line = trimmed(line.substr(2));
  // `key: <value>`: the value after the first `: `; else the item itself.
  if (const std::size_t colon = line.find(": "); colon != std::string_view::npos && !line.starts_with("<")) {
    line = trimmed(line.substr(colon + 2));
  }
  if (line.size() >= 2 && (line.front() == '"' || line.front() == '\'') && line.back() == line.front()) {
    line = line.substr(1, line.size() - 2);
  }
  return is_angle_bracket_placeholder(line);
}

PlaceholderKind classify_placeholder(std::string_view text, FieldKind field) {
  if (text.empty()) return PlaceholderKind::kNone;
  if (has_double_underscore_token(text) || has_at_token(text)) return PlaceholderKind::kInstallerToken;
  if (field != FieldKind::kScript && has_envsubst(text)) return PlaceholderKind::kEnvsubst;
  if (has_template(text)) return PlaceholderKind::kTemplate;
  if (has_printf_verb(text)) return PlaceholderKind::kPrintf;
  if (is_angle_bracket_placeholder(text)) return PlaceholderKind::kAngleBrackets;
  if (field == FieldKind::kLowerCase && is_all_caps_identifier(text)) return PlaceholderKind::kAllCaps;
  return PlaceholderKind::kNone;
}

}  // namespace netlint::model
