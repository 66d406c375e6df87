#include "analyzer/model/field_checks.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include "analyzer/diag/did_you_mean.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/model/placeholder.h"
#include "analyzer/util/go_values.h"
#include "analyzer/util/strings.h"

namespace netlint::model {
namespace {

constexpr std::string_view kPortRange = "an integer from 1 to 65535";

// Go's strconv.ParseInt(s, 0, 64), falling back to ParseUint(s, 0, 64) as go-yaml v2 does for
// values above int64.
std::optional<double> yaml_int(std::string_view s) {
  if (const std::optional<std::int64_t> v = go_parse_int(s, 0, 64)) return static_cast<double>(*v);
  if (const std::optional<std::uint64_t> v = go_parse_uint(s, 0, 64)) return static_cast<double>(*v);
  return std::nullopt;
}

// go-yaml v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool yaml_style_float(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  auto digits = [&] {
    const std::size_t start = i;
    while (i < n && is_ascii_digit(s[i])) ++i;
    return i - start;
  };
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < n && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < n && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == n;
}

struct Word {
  std::string_view text;
  YamlType type;
  bool boolean;
  double number;
};

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// go-yaml v2's resolve table: the YAML 1.1 booleans, nulls and special floats.
constexpr std::array<Word, 38> kWords = {{
    {"y", YamlType::kBool, true, 0},           {"Y", YamlType::kBool, true, 0},
    {"yes", YamlType::kBool, true, 0},         {"Yes", YamlType::kBool, true, 0},
    {"YES", YamlType::kBool, true, 0},         {"true", YamlType::kBool, true, 0},
    {"True", YamlType::kBool, true, 0},        {"TRUE", YamlType::kBool, true, 0},
    {"on", YamlType::kBool, true, 0},          {"On", YamlType::kBool, true, 0},
    {"ON", YamlType::kBool, true, 0},          {"n", YamlType::kBool, false, 0},
    {"N", YamlType::kBool, false, 0},          {"no", YamlType::kBool, false, 0},
    {"No", YamlType::kBool, false, 0},         {"NO", YamlType::kBool, false, 0},
    {"false", YamlType::kBool, false, 0},      {"False", YamlType::kBool, false, 0},
    {"FALSE", YamlType::kBool, false, 0},      {"off", YamlType::kBool, false, 0},
    {"Off", YamlType::kBool, false, 0},        {"OFF", YamlType::kBool, false, 0},
    {"~", YamlType::kNull, false, 0},          {"null", YamlType::kNull, false, 0},
    {"Null", YamlType::kNull, false, 0},       {"NULL", YamlType::kNull, false, 0},
    {".nan", YamlType::kFloat, false, kNaN},   {".NaN", YamlType::kFloat, false, kNaN},
    {".NAN", YamlType::kFloat, false, kNaN},   {".inf", YamlType::kFloat, false, kInf},
    {".Inf", YamlType::kFloat, false, kInf},   {".INF", YamlType::kFloat, false, kInf},
    {"+.inf", YamlType::kFloat, false, kInf},  {"+.Inf", YamlType::kFloat, false, kInf},
    {"+.INF", YamlType::kFloat, false, kInf},  {"-.inf", YamlType::kFloat, false, -kInf},
    {"-.Inf", YamlType::kFloat, false, -kInf}, {"-.INF", YamlType::kFloat, false, -kInf},
}};

bool is_string_like(YamlType type) {
  return type == YamlType::kAbsent || type == YamlType::kNull || type == YamlType::kString;
}

std::string_view type_phrase(YamlType type) {
  switch (type) {
    case YamlType::kBool:
      return "a boolean";
    case YamlType::kInt:
    case YamlType::kFloat:
      return "a number";
    case YamlType::kString:
      return "a string";
    case YamlType::kMap:
      return "a map";
    case YamlType::kSequence:
      return "a list";
    case YamlType::kNull:
      return "empty";
    case YamlType::kAbsent:
      break;
  }
  return "missing";
}

bool is_collection(YamlType type) {
  return type == YamlType::kMap || type == YamlType::kSequence;
}

// A value as messages show it: long ones shortened (at a UTF-8 character boundary).
std::string shown(std::string_view text) {
  constexpr std::size_t kMax = 40;
  if (text.size() <= kMax) return std::string(text);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// `"text"` with JSON/YAML double-quote escapes, as the user would write it.
std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Where a problem with a collection value is anchored: its key, else (a list item) its first
// key or its first character.
SourceRange collection_anchor(const yaml::NodeRef& key, const yaml::NodeRef& value) {
  if (key) return key.range();
  if (value.is_map() && value.size() > 0) return value.key_at(0).range();
  const SourceRange r = value.range();
  return SourceRange{r.file, r.begin, r.begin + 1};
}

void report(Problems& out, SourceRange range, std::string message, std::string help = {}) {
  out.push_back(InputProblem{InputProblemKind::kInvalidField, range, std::move(message), std::move(help), {}});
}

// Whether a scalar node's bytes are its value as written, plus its quotes when quoted: no
// escape, no folded line. Field checks have no file text; the node's length proves it.
bool written_literally(const yaml::NodeRef& value) {
  if (!value.is_scalar() || value.node().explicit_tag) return false;  // `!!bool "true"` stays a boolean
  const SourceRange r = value.range();
  const std::string& text = value.scalar();
  const std::uint32_t length = r.end - r.begin;
  switch (value.style()) {
    case yaml::ScalarStyle::kPlain:
      return length == text.size() && text.find_first_of("\n\r") == std::string::npos;
    case yaml::ScalarStyle::kSingleQuoted:
    case yaml::ScalarStyle::kDoubleQuoted:
      return length == text.size() + 2 && text.find_first_of("'\"\\\n\r") == std::string::npos;
    case yaml::ScalarStyle::kLiteral:
    case yaml::ScalarStyle::kFolded:
      break;
  }
  return false;
}

// Attaches to the last problem the safe fix writing `replacement` over the whole node.
void fix_last(Problems& out, const yaml::NodeRef& value, std::string replacement, std::string title) {
  if (out.empty() || !written_literally(value)) return;
  out.back().fix =
      diag::Fix{std::move(title), diag::Applicability::kSafe, {diag::Edit{value.range(), std::move(replacement)}}};
}

// The node's new value in the node's own quoting (`tcp` -> `TCP`, `"tcp"` -> `"TCP"`), for
// values that need no quotes and no escapes.
std::string in_style(const yaml::NodeRef& value, std::string_view new_value) {
  switch (value.style()) {
    case yaml::ScalarStyle::kSingleQuoted:
      return fmt::format("'{}'", new_value);
    case yaml::ScalarStyle::kDoubleQuoted:
      return fmt::format("\"{}\"", new_value);
    default:
      return std::string(new_value);
  }
}

void report_not_string(const yaml::NodeRef& key, const yaml::NodeRef& value, const Resolved& r,
                       std::string_view subject, std::string_view collection_subject, std::string_view requirement,
                       Problems& out) {
  if (is_collection(r.type)) {
    report(out, collection_anchor(key, value),
           fmt::format("{} is {}, but {}", collection_subject, type_phrase(r.type), requirement));
    return;
  }
  const std::string& text = value.scalar();
  report(out, value.range(),
         fmt::format("{} {} is {} in YAML, but {}; quote it: {}", subject, shown(text), type_phrase(r.type),
                     requirement, double_quoted(text)));
  fix_last(out, value, double_quoted(text), fmt::format("quote it: {}", double_quoted(shown(text))));
}

// A placeholder is never NL0004: it is marked (for the `placeholders` note) and left unknown.
bool placeholder(const yaml::NodeRef& value, std::string_view text, FieldKind field, Problems& out) {
  if (!is_placeholder(text, field)) return false;
  out.push_back(InputProblem{InputProblemKind::kPlaceholder, value.range(), std::string(text), {}, {}});
  return true;
}

}  // namespace

Resolved resolve_plain(std::string_view in) {
  if (in.empty()) return {YamlType::kNull};
  if (in.size() <= 6) {
    for (const Word& w : kWords) {
      if (w.text == in) return {w.type, w.number, w.boolean};
    }
  }
  const char c = in[0];
  if (c == '.') {
    if (yaml_style_float(in)) {
      if (auto value = go_parse_float(in)) return {YamlType::kFloat, *value};
    }
    return {YamlType::kString};
  }
  if (!is_ascii_digit(c) && c != '+' && c != '-') return {YamlType::kString};
  std::string plain;
  plain.reserve(in.size());
  for (const char ch : in) {
    if (ch != '_') plain.push_back(ch);
  }
  if (auto value = yaml_int(plain)) return {YamlType::kInt, *value};
  if (yaml_style_float(plain)) {
    if (auto value = go_parse_float(plain)) return {YamlType::kFloat, *value};
  }
  return {YamlType::kString};
}

std::string_view yaml_type_phrase(YamlType type) {
  return type_phrase(type);
}

Resolved resolve(const yaml::NodeRef& node) {
  if (!node) return {};
  if (node.is_null()) return {YamlType::kNull};
  if (node.is_map()) return {YamlType::kMap};
  if (node.is_sequence()) return {YamlType::kSequence};
  if (!node.is_scalar()) return {};
  const yaml::Node& n = node.node();
  if (n.explicit_tag) {
    std::string_view tag = n.tag;
    if (tag.starts_with("tag:yaml.org,2002:")) {
      tag.remove_prefix(18);
    } else if (tag.starts_with("!!")) {
      tag.remove_prefix(2);
    } else {
      return {YamlType::kString};  // a custom tag: kubectl keeps the text
    }
    if (tag == "int" || tag == "float" || tag == "bool") {
      // A value that does not fit its tag (`!!int abc`) fails in kubectl; we read what it says.
      Resolved r = resolve_plain(n.value);
      if (tag == "float" && r.type == YamlType::kInt) r.type = YamlType::kFloat;
      return r;
    }
    return {YamlType::kString};  // !!str, !!binary, !!timestamp
  }
  if (n.style != yaml::ScalarStyle::kPlain) return {YamlType::kString};
  return resolve_plain(n.value);
}

bool has_placeholder(std::string_view text) {
  return is_placeholder(text, FieldKind::kText);
}

bool unknown_placeholder(const Text& value, FieldKind field, Problems& out) {
  if (!is_placeholder(value.value, field)) return false;
  out.push_back(InputProblem{InputProblemKind::kPlaceholder, value.range, value.value, {}, {}});
  return true;
}

std::string port_name_problem(std::string_view name) {
  // The checks and their order are the API server's (IsValidPortName).
  if (name.size() > 15) return fmt::format("has {} characters, more than the 15 allowed", name.size());
  bool letter = false;
  for (const char c : name) {
    const bool lower = c >= 'a' && c <= 'z';
    if (!lower && !is_ascii_digit(c) && c != '-') return "may contain only lowercase letters (a-z), digits and '-'";
    letter = letter || lower;
  }
  if (!letter) return "must contain at least one letter (a-z)";
  if (name.find("--") != std::string_view::npos) return "must not contain consecutive hyphens";
  if (name.front() == '-' || name.back() == '-') return "must not begin or end with a hyphen";
  return {};
}

void check_string(const yaml::NodeRef& key, const yaml::NodeRef& value, const StringField& field, Problems& out) {
  const Resolved r = resolve(value);
  if (is_string_like(r.type)) return;
  report_not_string(key, value, r, field.subject, field.collection_subject, field.requirement, out);
}

void check_string_map(const yaml::NodeRef::Entry& field, std::string_view noun, Problems& out) {
  if (!field) return;
  const Resolved r = resolve(field.value);
  if (r.type == YamlType::kNull || r.type == YamlType::kAbsent) return;
  if (r.type != YamlType::kMap) {
    report(out, field.key.range(),
           fmt::format("{} is {}, but it must be a map of strings", field.key.scalar(), type_phrase(r.type)));
    return;
  }
  for (const auto& [key, value] : map_entries(field.value)) {
    if (!key.is_scalar()) continue;
    const Resolved v = resolve(value);
    if (is_string_like(v.type)) continue;
    report_not_string(key, value, v, fmt::format("{} value", noun), fmt::format("value of {} {}", noun, key.scalar()),
                      fmt::format("{} values must be strings", noun), out);
  }
}

void check_string_list(const yaml::NodeRef::Entry& field, std::string_view item, std::string_view requirement,
                       Problems& out) {
  if (!field) return;
  const Resolved r = resolve(field.value);
  if (r.type == YamlType::kNull || r.type == YamlType::kAbsent) return;
  if (r.type != YamlType::kSequence) {
    report(out, field.key.range(),
           fmt::format("{} is {}, but it must be a list of strings", field.key.scalar(), type_phrase(r.type)));
    return;
  }
  for (std::uint32_t i = 0; i < field.value.size(); ++i) {
    const yaml::NodeRef value = field.value.item(i);
    const Resolved v = resolve(value);
    if (is_string_like(v.type)) continue;
    report_not_string({}, value, v, item, item, requirement, out);
    if (v.type == YamlType::kMap) {
      out.back().help = "an unquoted item containing \": \" is read as a map; quote the whole item";
    }
  }
}

void check_list(const yaml::NodeRef::Entry& field, Problems& out) {
  if (!field) return;
  const Resolved r = resolve(field.value);
  if (r.type == YamlType::kNull || r.type == YamlType::kAbsent || r.type == YamlType::kSequence) return;
  report(out, field.key.range(),
         fmt::format("{} is {}, but it must be a list", field.key.scalar(), type_phrase(r.type)));
}

void check_port(const yaml::NodeRef::Entry& field, PortField kind, std::string_view what, Problems& out) {
  if (!field) return;
  const yaml::NodeRef& value = field.value;
  const Resolved r = resolve(value);
  const std::string& text = value.scalar();
  const bool may_be_name = kind == PortField::kNumberOrName || kind == PortField::kTargetPort;
  const std::string_view expected = may_be_name ? "a port number or a port name" : kPortRange;
  switch (r.type) {
    case YamlType::kAbsent:
    case YamlType::kNull:
      return;
    case YamlType::kMap:
    case YamlType::kSequence:
      report(out, field.key.range(), fmt::format("{} is {}, but it must be {}", what, type_phrase(r.type), expected));
      return;
    case YamlType::kBool:
      report(out, value.range(), fmt::format("{} {} is a boolean in YAML, but it must be {}", what, text, expected));
      return;
    case YamlType::kString:
      // Port numbers and names have no upper case: `PORT` stands for a value like `$PORT` does.
      if (text.empty() || placeholder(value, text, FieldKind::kLowerCase, out)) return;
      if (may_be_name) {
        const std::string problem = port_name_problem(text);
        if (problem.empty()) return;
        if (all_ascii_digits(text)) {
          report(out, value.range(),
                 fmt::format("{} {} is a string, and a port name must contain a letter; remove the quotes to use "
                             "port number {}",
                             what, double_quoted(text), text));
          fix_last(out, value, text, fmt::format("remove the quotes: {}", text));
        } else {
          report(out, value.range(),
                 fmt::format("{} {} is not a valid port name: it {}", what, double_quoted(shown(text)), problem));
        }
        return;
      }
      if (all_ascii_digits(text)) {
        report(out, value.range(),
               fmt::format("{} {} is a string, but it must be an integer; remove the quotes: {}", what,
                           double_quoted(text), text));
        fix_last(out, value, text, fmt::format("remove the quotes: {}", text));
      } else {
        report(out, value.range(),
               fmt::format("{} {} is a string, but it must be {}", what, double_quoted(shown(text)), kPortRange));
      }
      return;
    case YamlType::kInt:
    case YamlType::kFloat:
      break;
  }
  // A float with no fraction reaches the API server as a JSON integer (`80.0` is sent as 80).
  if (!std::isfinite(r.number) || r.number != std::floor(r.number)) {
    report(out, value.range(),
           fmt::format("{} {} is not a whole number; it must be {}", what, shown(text), kPortRange));
    return;
  }
  if (kind == PortField::kNodePort && r.number == 0) return;    // 0: allocate one
  if (kind == PortField::kTargetPort && r.number == 0) return;  // 0: the Service port (SetDefaults_Service)
  if (r.number < 1 || r.number > 65535) {
    report(out, value.range(), fmt::format("{} {} is out of range; ports are 1-65535", what, shown(text)));
  }
}

void check_port_name(const yaml::NodeRef::Entry& field, std::string_view what, Problems& out) {
  if (!field) return;
  const yaml::NodeRef& value = field.value;
  const Resolved r = resolve(value);
  const std::string& text = value.scalar();
  if (r.type == YamlType::kAbsent || r.type == YamlType::kNull) return;
  if (is_collection(r.type)) {
    report(out, field.key.range(), fmt::format("{} is {}, but port names must be strings", what, type_phrase(r.type)));
    return;
  }
  if (r.type != YamlType::kString) {
    std::string message =
        fmt::format("{} {} is {} in YAML, but port names must be strings", what, shown(text), type_phrase(r.type));
    const std::string problem = port_name_problem(text);
    if (problem.empty()) {
      message += fmt::format("; quote it: {}", double_quoted(text));
    } else {
      message += fmt::format(" (and this one {})", problem);
    }
    report(out, value.range(), std::move(message));
    if (problem.empty()) fix_last(out, value, double_quoted(text), fmt::format("quote it: {}", double_quoted(text)));
    return;
  }
  if (text.empty() || placeholder(value, text, FieldKind::kLowerCase, out)) return;
  const std::string problem = port_name_problem(text);
  if (!problem.empty()) {
    report(out, value.range(),
           fmt::format("{} {} is not a valid port name: it {}", what, double_quoted(shown(text)), problem));
  }
}

bool check_protocol(const yaml::NodeRef::Entry& field, Problems& out) {
  if (!field) return true;
  const yaml::NodeRef& value = field.value;
  const Resolved r = resolve(value);
  const std::string& text = value.scalar();
  constexpr std::string_view kExpected = "TCP, UDP or SCTP";
  if (r.type == YamlType::kAbsent || r.type == YamlType::kNull) return true;
  if (is_collection(r.type)) {
    report(out, field.key.range(), fmt::format("protocol is {}, but it must be {}", type_phrase(r.type), kExpected));
    return false;
  }
  if (r.type != YamlType::kString) {
    report(out, value.range(),
           fmt::format("protocol {} is {} in YAML, but it must be {}", shown(text), type_phrase(r.type), kExpected));
    return false;
  }
  // "" is the API's unset value: it defaults to TCP (api_defaults.h).
  if (text.empty() || text == "TCP" || text == "UDP" || text == "SCTP" ||
      placeholder(value, text, FieldKind::kText, out))
    return true;
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (upper == "TCP" || upper == "UDP" || upper == "SCTP") {
    report(out, value.range(),
           fmt::format("protocol {} is not valid; protocols are case-sensitive: write {}", text, upper));
    fix_last(out, value, in_style(value, upper), fmt::format("write {}", upper));
    return false;
  }
  std::string help;
  for (std::string_view app : {"HTTP", "HTTPS", "HTTP2", "H2C", "GRPC", "WS", "WSS", "TLS"}) {
    if (upper == app) help = "an application protocol such as HTTP or gRPC goes into appProtocol";
  }
  report(out, value.range(), fmt::format("protocol {} is not valid; use {}", shown(text), kExpected), std::move(help));
  return false;
}

namespace {

// "A, B or C".
std::string members_text(std::span<const std::string_view> members) {
  std::vector<std::string> items(members.begin(), members.end());
  return diag::join_alternatives(items);
}

bool check_enum_value(const yaml::NodeRef& key, const yaml::NodeRef& value, const EnumField& spec, Problems& out) {
  const Resolved r = resolve(value);
  const std::string& text = value.scalar();
  const std::string expected = members_text(spec.members);
  if (r.type == YamlType::kAbsent || r.type == YamlType::kNull) return true;
  if (is_collection(r.type)) {
    report(out, collection_anchor(key, value),
           fmt::format("{} is {}, but it must be {}", spec.what, type_phrase(r.type), expected));
    return false;
  }
  if (r.type != YamlType::kString) {
    report(
        out, value.range(),
        fmt::format("{} {} is {} in YAML, but it must be {}", spec.what, shown(text), type_phrase(r.type), expected));
    return false;
  }
  if ((text.empty() && spec.empty_is_unset) || has_placeholder(text)) return true;
  for (const std::string_view member : spec.members) {
    if (text == member) return true;
  }
  auto lower = [](std::string_view s) {
    std::string l(s);
    for (char& c : l) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return l;
  };
  for (const std::string_view member : spec.members) {
    if (lower(text) == lower(member)) {
      report(out, value.range(),
             fmt::format("{} {} is not valid; {} is case-sensitive: write {}", spec.what, text, spec.what, member));
      fix_last(out, value, in_style(value, member), fmt::format("write {}", member));
      return false;
    }
  }
  const std::vector<std::string> candidates(spec.members.begin(), spec.members.end());
  const std::vector<std::string> near = diag::best_near_misses(text, candidates);
  if (!near.empty()) {
    report(out, value.range(),
           fmt::format("{} {} is not valid; did you mean {}? (valid: {})", spec.what, shown(text),
                       diag::join_alternatives(near), expected));
    fix_last(out, value, in_style(value, near.front()), fmt::format("write {}", near.front()));
    if (near.size() > 1 && out.back().fix) out.back().fix->applicability = diag::Applicability::kUnsafe;
  } else {
    report(out, value.range(),
           fmt::format("{} {} is not valid; use {}", spec.what, text.empty() ? "\"\"" : shown(text), expected));
  }
  return false;
}

}  // namespace

bool check_enum(const yaml::NodeRef::Entry& field, const EnumField& spec, Problems& out) {
  if (!field) return true;
  return check_enum_value(field.key, field.value, spec, out);
}

bool check_enum_item(const yaml::NodeRef& item, const EnumField& spec, Problems& out) {
  return check_enum_value({}, item, spec, out);
}

void check_boolean(const yaml::NodeRef::Entry& field, std::string_view what, Problems& out) {
  if (!field) return;
  const yaml::NodeRef& value = field.value;
  const Resolved r = resolve(value);
  const std::string& text = value.scalar();
  switch (r.type) {
    case YamlType::kAbsent:
    case YamlType::kNull:
    case YamlType::kBool:
      return;
    case YamlType::kMap:
    case YamlType::kSequence:
      report(out, field.key.range(), fmt::format("{} is {}, but it must be true or false", what, type_phrase(r.type)));
      return;
    case YamlType::kInt:
    case YamlType::kFloat:
      report(out, value.range(),
             fmt::format("{} {} is a number in YAML, but it must be true or false", what, shown(text)));
      return;
    case YamlType::kString:
      break;
  }
  if (placeholder(value, text, FieldKind::kText, out)) return;
  const Resolved inner = resolve_plain(text);
  if (inner.type == YamlType::kBool) {
    report(out, value.range(),
           fmt::format("{} {} is a string, but it must be a boolean; remove the quotes: {}", what, double_quoted(text),
                       inner.boolean ? "true" : "false"));
    fix_last(out, value, inner.boolean ? "true" : "false",
             fmt::format("remove the quotes: {}", inner.boolean ? "true" : "false"));
  } else {
    report(out, value.range(),
           fmt::format("{} {} is a string, but it must be true or false", what, double_quoted(shown(text))));
  }
}

}  // namespace netlint::model
