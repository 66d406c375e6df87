#include "analyzer/model/extract_util.h"

#include "analyzer/model/field_checks.h"

#include <charconv>
#include <string_view>
#include <unordered_set>

namespace netlint::model {

Text text_of(const yaml::NodeRef& node) {
  if (!node.is_scalar()) return {};
  return Text{node.scalar(), node.range()};
}

Text synthesised(std::string value) {
  return Text{std::move(value), {}};
}

Text text_field(const yaml::NodeRef& map, std::string_view key, std::string_view fallback) {
  const yaml::NodeRef value = map.get(key);
  if (value.is_scalar()) return text_of(value);
  return synthesised(std::string(fallback));
}

std::optional<std::int64_t> integer_of(const yaml::NodeRef& node) {
  // As kubectl's reader types it (field_checks resolve): a plain integer in Go's ParseInt forms
  // (`0x1F`, `0o17`, `017` octal, `_` separators), or any scalar tagged `!!int` (`!!int "81"` is
  // 81); never a quoted or other string. Beyond int64 it is no integer.
  const Resolved r = resolve(node);
  if (r.type != YamlType::kInt) return std::nullopt;
  if (!(r.number >= -9.2e18 && r.number <= 9.2e18)) return std::nullopt;
  return static_cast<std::int64_t>(r.number);
}

std::optional<bool> boolean_of(const yaml::NodeRef& node) {
  if (!node.is_scalar() || node.quoted()) return std::nullopt;
  static constexpr std::string_view kTrue[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"};
  static constexpr std::string_view kFalse[] = {"false", "False", "FALSE", "no", "No", "NO",
                                                "off",   "Off",   "OFF",   "n",  "N"};
  for (std::string_view word : kTrue) {
    if (node.scalar() == word) return true;
  }
  for (std::string_view word : kFalse) {
    if (node.scalar() == word) return false;
  }
  return std::nullopt;
}

namespace {

using Entries = std::vector<std::pair<yaml::NodeRef, yaml::NodeRef>>;

bool is_merge_key(const yaml::NodeRef& key) {
  return key.is_scalar() && !key.quoted() && key.scalar() == "<<";
}

// `seen` holds the keys collected so far (views into the tree's scalars), so that merging a
// large map costs linear time.
void collect_entries(const yaml::NodeRef& map, bool merged, int& budget, Entries& out,
                     std::unordered_set<std::string_view>& seen) {
  if (!map.is_map() || --budget < 0) return;
  const std::uint32_t n = map.size();
  for (std::uint32_t i = 0; i < n; ++i) {
    const yaml::NodeRef key = map.key_at(i);
    if (is_merge_key(key)) continue;
    // A merged entry is shadowed by any key already collected; written entries are all kept.
    const bool is_new = !key.is_scalar() || seen.insert(key.scalar()).second;
    if (merged && !is_new) continue;
    out.emplace_back(key, map.value_at(i));
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!is_merge_key(map.key_at(i))) continue;
    const yaml::NodeRef value = map.value_at(i);
    if (value.is_map()) {
      collect_entries(value, true, budget, out, seen);
    } else if (value.is_sequence()) {
      for (std::uint32_t j = 0; j < value.size(); ++j) collect_entries(value.item(j), true, budget, out, seen);
    }
  }
}

}  // namespace

std::vector<std::pair<yaml::NodeRef, yaml::NodeRef>> map_entries(const yaml::NodeRef& map) {
  Entries out;
  if (!map.is_map()) return out;
  const std::uint32_t n = map.size();
  out.reserve(n);
  bool merges = false;
  for (std::uint32_t i = 0; i < n && !merges; ++i) merges = is_merge_key(map.key_at(i));
  if (!merges) {  // the common case: the written entries only
    for (std::uint32_t i = 0; i < n; ++i) out.emplace_back(map.key_at(i), map.value_at(i));
    return out;
  }
  int budget = yaml::NodeRef::kMaxAliasHops;
  std::unordered_set<std::string_view> seen;
  collect_entries(map, false, budget, out, seen);
  return out;
}

Labels string_map(const yaml::NodeRef& map) {
  Labels out;
  if (!map.is_map()) return out;
  const auto entries = map_entries(map);
  out.reserve(entries.size());
  for (const auto& [key, value] : entries) {
    if (!key.is_scalar()) continue;
    if (value.is_scalar()) {
      out.push_back(Label{text_of(key), text_of(value)});
    } else if (value.is_null()) {
      // `key:` with no value is the empty string once the API server decodes it.
      out.push_back(Label{text_of(key), Text{"", value.range()}});
    }
  }
  return out;
}

std::vector<Text> string_list(const yaml::NodeRef& seq) {
  std::vector<Text> out;
  out.reserve(seq.size());
  for (std::uint32_t i = 0; i < seq.size(); ++i) {
    if (seq.item(i).is_scalar()) out.push_back(text_of(seq.item(i)));
  }
  return out;
}

}  // namespace netlint::model
