#include "analyzer/index/config_file_values.h"

#include <optional>
#include <utility>

#include "analyzer/index/config_file_values_codec.h"
#include "analyzer/util/ascii_case.h"
#include "analyzer/util/disk_cache.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::index {
namespace {

// Larger mounted files are parsed each run: their entry would cost as much memory again.
constexpr std::size_t kMaxCachedConfigFile = std::size_t{8} << 20;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\f';
}
bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;  // before `\r\n` or `\n`
};

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::size_t end = nl;
    if (end > start && text[end - 1] == '\r') --end;
    lines.push_back({start, end});
    start = nl + 1;
  }
  return lines;
}

std::size_t skip_blanks(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && is_blank(text[i])) ++i;
  return i;
}

std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && is_blank(text[end - 1])) --end;
  return end;
}

// Cuts a comment that starts after a blank: `value # note`, `value ; note`.
std::size_t cut_comment(std::string_view text, std::size_t begin, std::size_t end, std::string_view markers) {
  for (std::size_t i = begin + 1; i < end; ++i) {
    if (markers.find(text[i]) != std::string_view::npos && is_blank(text[i - 1])) return trim_end(text, begin, i);
  }
  return end;
}

// java.util.Properties escapes: `\t`, `\n`, `\r`, `\f`, `\uXXXX` (kept as written), `\x` -> x.
std::string unescape_properties(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      out.push_back(raw[i]);
      continue;
    }
    const char c = raw[++i];
    switch (c) {
      case 't':
        out.push_back('\t');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'u':
        out += "\\u";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

bool ends_with_odd_backslashes(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t n = 0;
  while (end > begin && text[end - 1] == '\\') --end, ++n;
  return n % 2 == 1;
}

std::vector<ConfigValue> properties_values(std::string_view text) {
  std::vector<ConfigValue> out;
  const std::vector<Line> lines = lines_of(text);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const Line line = lines[l];
    std::size_t i = skip_blanks(text, line.begin, line.end);
    if (i == line.end || text[i] == '#' || text[i] == '!') continue;
    const std::size_t key_begin = i;
    for (; i < line.end && text[i] != '=' && text[i] != ':' && !is_blank(text[i]); ++i) {
      if (text[i] == '\\') ++i;
    }
    i = std::min(i, line.end);
    const std::size_t key_end = i;
    i = skip_blanks(text, i, line.end);
    if (i < line.end && (text[i] == '=' || text[i] == ':')) i = skip_blanks(text, i + 1, line.end);
    ConfigValue value;
    value.key = unescape_properties(text.substr(key_begin, key_end - key_begin));
    value.offset = i;
    std::string raw(text.substr(i, line.end - i));
    bool continued = false;
    // A line ending in an odd number of backslashes continues on the next, without its indentation.
    for (std::size_t end = line.end; ends_with_odd_backslashes(text, line.begin, end) && l + 1 < lines.size();) {
      continued = true;
      raw.pop_back();
      const Line next = lines[++l];
      const std::size_t b = skip_blanks(text, next.begin, next.end);
      raw.append(text.substr(b, next.end - b));
      end = next.end;
    }
    value.exact = !continued && raw.find('\\') == std::string::npos;
    value.value = value.exact ? std::move(raw) : unescape_properties(raw);
    out.push_back(std::move(value));
  }
  return out;
}

// A value in matching quotes loses them (offset + 1); `"..."` with escapes is not exact.
void unquote(std::string_view text, std::size_t begin, std::size_t end, ConfigValue& value) {
  value.offset = begin;
  value.exact = true;
  if (end - begin >= 2 && (text[begin] == '"' || text[begin] == '\'') && text[end - 1] == text[begin]) {
    value.offset = begin + 1;
    value.value = std::string(text.substr(begin + 1, end - begin - 2));
    if (text[begin] == '"' && value.value.find('\\') != std::string::npos) {
      std::string decoded;
      for (std::size_t i = 0; i < value.value.size(); ++i) {
        if (value.value[i] == '\\' && i + 1 < value.value.size()) {
          ++i;
          decoded.push_back(value.value[i] == 'n' ? '\n' : value.value[i] == 't' ? '\t' : value.value[i]);
        } else {
          decoded.push_back(value.value[i]);
        }
      }
      value.value = std::move(decoded);
      value.exact = false;
    }
    return;
  }
  value.value = std::string(text.substr(begin, end - begin));
}

std::vector<ConfigValue> env_values(std::string_view text) {
  std::vector<ConfigValue> out;
  for (const Line line : lines_of(text)) {
    std::size_t i = skip_blanks(text, line.begin, line.end);
    if (i == line.end || text[i] == '#') continue;
    if (text.substr(i, 7) == "export ") i = skip_blanks(text, i + 7, line.end);
    const std::size_t eq = text.substr(0, line.end).find('=', i);
    if (eq == std::string_view::npos) continue;
    const std::size_t key_end = trim_end(text, i, eq);
    if (key_end == i) continue;
    ConfigValue value;
    value.key = std::string(text.substr(i, key_end - i));
    const std::size_t v = skip_blanks(text, eq + 1, line.end);
    std::size_t v_end = trim_end(text, v, line.end);
    if (v < v_end && (text[v] == '"' || text[v] == '\'')) {
      const std::size_t close = text.substr(0, v_end).find(text[v], v + 1);
      if (close != std::string_view::npos) v_end = close + 1;
    } else {
      v_end = cut_comment(text, v, v_end, "#");
    }
    unquote(text, v, v_end, value);
    out.push_back(std::move(value));
  }
  return out;
}

std::vector<ConfigValue> ini_values(std::string_view text) {
  std::vector<ConfigValue> out;
  for (const Line line : lines_of(text)) {
    std::size_t i = skip_blanks(text, line.begin, line.end);
    if (i == line.end || text[i] == '#' || text[i] == ';') continue;
    std::size_t end = cut_comment(text, i, trim_end(text, i, line.end), "#;");
    if (text[i] == '[' && text[end - 1] == ']') continue;  // [section]
    const std::size_t key_begin = i;
    while (i < end && is_key_char(text[i])) ++i;
    std::size_t key_end = i;
    if (text.substr(i, 3) == "://") i = key_end = key_begin;  // a line that is a URL
    if (key_end > key_begin && i < end && !is_blank(text[i]) && text[i] != '=' && text[i] != ':') continue;
    i = skip_blanks(text, i, end);
    if (key_end > key_begin && i < end && (text[i] == '=' || text[i] == ':')) i = skip_blanks(text, i + 1, end);
    // nginx and HCL blocks: `server {`, `location / {`, `upstream backend {`
    while (end > i && (text[end - 1] == '{' || text[end - 1] == ';')) end = trim_end(text, i, end - 1);
    if (i == end || text.substr(i, end - i).find_first_not_of("{}; \t") == std::string_view::npos) continue;
    ConfigValue value;
    value.key = std::string(text.substr(key_begin, key_end - key_begin));
    unquote(text, i, end, value);
    out.push_back(std::move(value));
  }
  return out;
}

// Scalars of YAML (and JSON) documents with the keys above them; aliases are not followed.
std::vector<ConfigValue> yaml_values(std::string_view text) {
  std::vector<ConfigValue> out;
  if (text.size() > 0xFFFFFFF0u) return out;
  for (const yaml::DocumentSpan span : yaml::split_documents(text)) {
    const yaml::ParseResult parsed = yaml::parse_document(text, span.begin, span.end, kNoFile);
    if (!parsed.tree) continue;
    const yaml::Tree& tree = *parsed.tree;
    std::vector<std::pair<yaml::NodeId, std::string>> stack = {{tree.root, std::string()}};
    while (!stack.empty()) {
      auto [id, path] = std::move(stack.back());
      stack.pop_back();
      const yaml::Node& node = tree.node(id);
      switch (node.kind) {
        case yaml::NodeKind::kScalar: {
          ConfigValue value;
          value.key = std::move(path);
          value.value = node.value;
          const bool quoted =
              node.style == yaml::ScalarStyle::kSingleQuoted || node.style == yaml::ScalarStyle::kDoubleQuoted;
          const bool block = node.style == yaml::ScalarStyle::kLiteral || node.style == yaml::ScalarStyle::kFolded;
          value.offset = node.begin + (quoted ? 1u : 0u);
          value.exact = !block && node.end - node.begin == node.value.size() + (quoted ? 2u : 0u) &&
                        text.substr(value.offset, node.value.size()) == node.value;
          out.push_back(std::move(value));
          break;
        }
        case yaml::NodeKind::kSequence:
          for (std::uint32_t i = node.child_count; i-- > 0;)
            stack.emplace_back(tree.children[node.first_child + i], path);
          break;
        case yaml::NodeKind::kMap:
          for (std::uint32_t i = node.child_count / 2; i-- > 0;) {
            const yaml::Node& key = tree.node(tree.children[node.first_child + 2 * i]);
            if (key.kind != yaml::NodeKind::kScalar) continue;
            stack.emplace_back(tree.children[node.first_child + 2 * i + 1],
                               path.empty() ? key.value : path + "." + key.value);
          }
          break;
        case yaml::NodeKind::kNull:
        case yaml::NodeKind::kAlias:
          break;
      }
    }
  }
  return out;
}

}  // namespace

ConfigFileType config_file_type(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = file.rfind('.');
  if (dot == std::string_view::npos) return ConfigFileType::kNone;
  const std::string ext = ascii_lowercase(file.substr(dot + 1));
  if (ext == "properties") return ConfigFileType::kProperties;
  if (ext == "env") return ConfigFileType::kEnv;
  if (ext == "yaml" || ext == "yml") return ConfigFileType::kYaml;
  if (ext == "json") return ConfigFileType::kJson;
  if (ext == "ini" || ext == "conf") return ConfigFileType::kIni;
  return ConfigFileType::kNone;
}

std::vector<ConfigValue> config_file_values(std::string_view text, ConfigFileType type) {
  switch (type) {
    case ConfigFileType::kProperties:
      return properties_values(text);
    case ConfigFileType::kEnv:
      return env_values(text);
    case ConfigFileType::kYaml:
    case ConfigFileType::kJson:
      return yaml_values(text);
    case ConfigFileType::kIni:
      return ini_values(text);
    case ConfigFileType::kNone:
      break;
  }
  return {};
}

const std::vector<ConfigValue>& ConfigFileValuesCache::values(const std::string& text, ConfigFileType type) {
  return memo_.get(std::pair<std::string_view, ConfigFileType>{text, type}, [&] { return compute(text, type); });
}

std::vector<ConfigValue> ConfigFileValuesCache::compute(const std::string& text, ConfigFileType type) const {
  // The line-based formats are read faster than an entry; YAML and JSON go through yaml-cpp.
  if (disk_ == nullptr || (type != ConfigFileType::kYaml && type != ConfigFileType::kJson) ||
      text.size() > kMaxCachedConfigFile) {
    return config_file_values(text, type);
  }
  DiskCache::Key key = DiskCache::key(text);
  key.variant = "config file values " + std::to_string(kConfigValuesSchema);  // YAML and JSON read alike
  std::vector<ConfigValue> values;
  if (const std::optional<std::string> entry = disk_->find(key);
      entry && decode_config_values(*entry, text.size(), values)) {
    return values;
  }
  values = config_file_values(text, type);
  std::string payload;
  encode_config_values(values, payload);
  disk_->store(key, payload);
  return values;
}

}  // namespace netlint::index
