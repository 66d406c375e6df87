#include "analyzer/facts/load_balancer_values.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <utility>

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

namespace {

// Collects the members of one JSON object whose values are scalars, in order (a key written twice
// is kept twice); anything else (an array, a nested object, another top-level value) stops the
// parse. Numbers keep their text where the parser gives it (floats), else their decimal form.
class FlatObject final : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::vector<std::pair<std::string, std::string>> members;

  bool null() override { return value("null"); }
  bool boolean(bool v) override { return value(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return value(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(std::to_string(v)); }
  bool number_float(number_float_t, const string_t& written) override { return value(written); }
  bool string(string_t& v) override { return value(std::move(v)); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return !std::exchange(opened_, true); }
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return false; }
  bool end_array() override { return false; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool value(std::string v) {
    if (!opened_) return false;  // a scalar at the top level
    members.emplace_back(std::move(key_), std::move(v));
    return true;
  }

  bool opened_ = false;
  std::string key_;
};

}  // namespace

std::optional<std::vector<std::pair<std::string, std::string>>> parse_flat_json_object(std::string_view text) {
  FlatObject object;
  if (!nlohmann::json::sax_parse(text, &object)) return std::nullopt;
  return std::move(object.members);
}

}  // namespace netlint::facts::lb
