#include "analyzer/facts/load_balancer_values.h"

#include <algorithm>
#include <cctype>

#include "analyzer/util/ascii_case.h"
#include "analyzer/util/go_values.h"
#include "analyzer/util/strings.h"

namespace netlint::facts::lb {
namespace {

constexpr std::string_view kBlanks = " \t";  // annotation items are trimmed of spaces and tabs only

}  // namespace

std::optional<std::int64_t> parse_count(std::string_view text) {
  // Plain digits: Atoi's sign is not part of a count.
  if (text.empty() || !is_ascii_digit(text.front())) return std::nullopt;
  return go_atoi(text);
}

std::optional<std::vector<std::pair<std::string, std::string>>> parse_key_values(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string_view raw : split(text, ',')) {
    const std::string_view item = trim(raw, kBlanks);
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || trim(item.substr(0, eq), kBlanks).empty()) return std::nullopt;
    out.emplace_back(std::string(trim(item.substr(0, eq), kBlanks)), std::string(trim(item.substr(eq + 1), kBlanks)));
  }
  return out;
}

bool PortSelection::selects(std::int64_t port, std::string_view name) const {
  if (all) return true;
  if (std::find(numbers.begin(), numbers.end(), port) != numbers.end()) return true;
  return !name.empty() && std::find(names.begin(), names.end(), ascii_lowercase(name)) != names.end();
}

PortSelection parse_aws_port_set(std::string_view text) {
  PortSelection selection;
  if (text.empty() || text == "*") {
    selection.all = true;
    return selection;
  }
  for (const std::string_view item : split(text, ',')) {
    // Items are not trimmed: " 443" is a name, as in the controller.
    if (const std::optional<std::int64_t> number = go_atoi(item)) {
      selection.numbers.push_back(*number);
    } else {
      selection.names.emplace_back(item);
    }
  }
  return selection;
}

std::optional<PortSelection> parse_scaleway_ports(std::string_view text) {
  PortSelection selection;
  if (text != "1" && text != "0") {
    if (const std::optional<bool> flag = go_parse_bool(text)) {
      selection.all = *flag;
      return selection;
    }
  }
  if (text == "*") {
    selection.all = true;
    return selection;
  }
  if (text.empty()) return selection;
  std::string compact(text);
  compact.erase(std::remove(compact.begin(), compact.end(), ' '), compact.end());
  for (const std::string_view item : split(compact, ',')) {
    const std::optional<std::int64_t> number = go_atoi(item);
    if (!number) return std::nullopt;
    selection.numbers.push_back(*number);
  }
  return selection;
}

std::optional<PortSelection> parse_port_list(std::string_view text) {
  PortSelection selection;
  for (const std::string_view item : split(text, ',')) {
    const std::optional<std::int64_t> number = parse_count(trim(item, kBlanks));
    if (!number) return std::nullopt;
    selection.numbers.push_back(*number);
  }
  return selection;
}

std::optional<std::vector<std::pair<std::string, std::string>>> parse_flat_json_object(std::string_view text) {
  std::size_t i = 0;
  const auto skip_space = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  };
  const auto read_string = [&]() -> std::optional<std::string> {
    if (i >= text.size() || text[i] != '"') return std::nullopt;
    std::string out;
    for (++i; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '"') {
        ++i;
        return out;
      }
      if (c == '\\') {
        if (++i >= text.size()) return std::nullopt;
        out += text[i];  // enough for the keys and values these annotations use
        continue;
      }
      out += c;
    }
    return std::nullopt;
  };
  const auto read_bare = [&]() -> std::optional<std::string> {  // numbers, true, false, null
    const std::size_t start = i;
    while (i < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == '-' || text[i] == '+'))
      ++i;
    const std::string_view token = text.substr(start, i - start);
    const bool number = !token.empty() && (is_ascii_digit(token.front()) || token.front() == '-');
    if (!number && token != "true" && token != "false" && token != "null") return std::nullopt;
    return std::string(token);
  };

  std::vector<std::pair<std::string, std::string>> out;
  skip_space();
  if (i >= text.size() || text[i] != '{') return std::nullopt;
  ++i;
  skip_space();
  if (i < text.size() && text[i] == '}') {
    ++i;
  } else {
    while (true) {
      skip_space();
      std::optional<std::string> key = read_string();
      if (!key) return std::nullopt;
      skip_space();
      if (i >= text.size() || text[i] != ':') return std::nullopt;
      ++i;
      skip_space();
      std::optional<std::string> value = (i < text.size() && text[i] == '"') ? read_string() : read_bare();
      if (!value) return std::nullopt;
      out.emplace_back(std::move(*key), std::move(*value));
      skip_space();
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '}') {
        ++i;
        break;
      }
      return std::nullopt;
    }
  }
  skip_space();
  if (i != text.size()) return std::nullopt;
  return out;
}

}  // namespace netlint::facts::lb
