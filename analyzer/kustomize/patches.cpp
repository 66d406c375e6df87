#include "analyzer/kustomize/patches.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "analyzer/util/go_values.h"

namespace netlint::kustomize {
namespace {

bool is_directive(const std::string& key) {
  return !key.empty() && key[0] == '$';
}

// The `patchMergeKey` of a list field (k8s.io/api core/v1 types.go), chosen by what the patch's
// items carry where one field name has two keys (container `ports` by containerPort, Service
// `ports` by port). Empty: the list is replaced.
std::string merge_key(const std::string& field, const Doc& patch_list) {
  if (field == "containers" || field == "initContainers" || field == "ephemeralContainers" || field == "env" ||
      field == "volumes" || field == "imagePullSecrets") {
    return "name";
  }
  if (field == "volumeMounts") return "mountPath";
  if (field == "hostAliases") return "ip";
  if (field == "ports") {
    for (const Doc& item : patch_list.items) {
      if (item.get("containerPort") != nullptr) return "containerPort";
      if (item.get("port") != nullptr) return "port";
    }
  }
  return {};
}

const Doc* directive(const Doc& map) {
  return map.is_map() ? map.get("$patch") : nullptr;
}

Doc without_directives(const Doc& patch) {
  Doc out = patch;
  if (out.is_map()) {
    std::erase_if(out.entries, [](const DocEntry& e) { return is_directive(e.first.value); });
    for (auto& e : out.entries) e.second = without_directives(e.second);
  } else if (out.is_sequence()) {
    std::erase_if(out.items, [](const Doc& item) { return directive(item) != nullptr; });
    for (Doc& item : out.items) item = without_directives(item);
  }
  return out;
}

void merge_list(const std::string& field, Doc& base, const Doc& patch) {
  // `- $patch: replace` among the items: the patch's items replace the list.
  const bool replace = std::any_of(patch.items.begin(), patch.items.end(), [](const Doc& item) {
    const Doc* d = directive(item);
    return d != nullptr && d->text() == "replace";
  });
  const std::string key = merge_key(field, patch);
  if (replace || key.empty() || !base.is_sequence()) {
    base = without_directives(patch);
    return;
  }
  for (const Doc& item : patch.items) {
    const Doc* id = item.is_map() ? item.get(key) : nullptr;
    if (id == nullptr) continue;
    const auto same = std::find_if(base.items.begin(), base.items.end(), [&](const Doc& b) {
      const Doc* bid = b.is_map() ? b.get(key) : nullptr;
      return bid != nullptr && bid->text() == id->text();
    });
    const Doc* d = directive(item);
    if (d != nullptr && d->text() == "delete") {
      if (same != base.items.end()) base.items.erase(same);
    } else if (same != base.items.end()) {
      strategic_merge(*same, item);
    } else {
      base.items.push_back(without_directives(item));
    }
  }
}

// A JSON pointer's tokens (`~1` is `/`, `~0` is `~`).
std::vector<std::string> pointer(const std::string& path) {
  std::vector<std::string> out;
  if (path.empty() || path[0] != '/') return out;
  std::size_t at = 1;
  while (true) {
    const std::size_t slash = path.find('/', at);
    std::string token = path.substr(at, slash == std::string::npos ? std::string::npos : slash - at);
    for (std::size_t i = 0; (i = token.find('~', i)) != std::string::npos; ++i) {
      if (i + 1 < token.size()) token.replace(i, 2, token[i + 1] == '1' ? "/" : "~");
    }
    out.push_back(std::move(token));
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  return out;
}

std::optional<std::size_t> index_of(const std::string& token) {
  const std::optional<std::uint64_t> value = go_parse_uint(token, 10, 64);  // digits only
  if (!value) return std::nullopt;
  return static_cast<std::size_t>(*value);
}

Doc* child(Doc& parent, const std::string& token) {
  if (parent.is_map()) return parent.get(token);
  if (parent.is_sequence()) {
    const auto i = index_of(token);
    return i && *i < parent.items.size() ? &parent.items[*i] : nullptr;
  }
  return nullptr;
}

// Applies one operation; false when it cannot be applied as written.
bool apply_operation(Doc& base, const std::string& op, const std::vector<std::string>& path, const Doc* value,
                     const SourceRange& key_at) {
  if (path.empty()) return false;
  Doc* parent = &base;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    parent = child(*parent, path[i]);
    if (parent == nullptr) return false;
  }
  const std::string& last = path.back();
  if (op == "remove") {
    if (parent->is_map()) return parent->erase(last);
    const auto i = index_of(last);
    if (!parent->is_sequence() || !i || *i >= parent->items.size()) return false;
    parent->items.erase(parent->items.begin() + static_cast<std::ptrdiff_t>(*i));
    return true;
  }
  if (value == nullptr) return false;
  if (parent->is_map()) {
    if (op == "replace" && parent->get(last) == nullptr) return false;
    parent->set(last, *value, key_at);
    return true;
  }
  if (!parent->is_sequence()) return false;
  if (op == "add") {
    if (last == "-") {
      parent->items.push_back(*value);
      return true;
    }
    const auto i = index_of(last);
    if (!i || *i > parent->items.size()) return false;
    parent->items.insert(parent->items.begin() + static_cast<std::ptrdiff_t>(*i), *value);
    return true;
  }
  Doc* target = child(*parent, last);
  if (target == nullptr) return false;
  *target = *value;
  return true;
}

// The node a JSON pointer names, nullptr when a step is missing ("" names the whole document).
Doc* node_at(Doc& base, const std::vector<std::string>& path) {
  Doc* at = &base;
  for (const std::string& token : path) {
    at = child(*at, token);
    if (at == nullptr) return nullptr;
  }
  return at;
}

// The JSON type a scalar has once kustomize converts the YAML to JSON (YAML 1.2 core schema, as
// kyaml reads it): quoted text is a string; plain true/false, null/~ and numbers are not.
enum class JsonType { kString, kBool, kNull, kNumber };
JsonType json_type(const Doc& scalar) {
  if (scalar.style != yaml::ScalarStyle::kPlain) return JsonType::kString;
  const std::string& t = scalar.value;
  if (t == "true" || t == "false" || t == "True" || t == "False" || t == "TRUE" || t == "FALSE") return JsonType::kBool;
  if (t.empty() || t == "null" || t == "Null" || t == "NULL" || t == "~") return JsonType::kNull;
  std::size_t i = (t[0] == '-' || t[0] == '+') ? 1 : 0;
  bool digits = false, other = false;
  for (; i < t.size(); ++i) {
    const char c = t[i];
    if (c >= '0' && c <= '9')
      digits = true;
    else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+')
      other = true;
  }
  return digits && !other ? JsonType::kNumber : JsonType::kString;
}

// RFC 6902 `test`: the two values are equal as JSON. Numbers compare by their text, so `80` and
// `80.0` differ here although JSON calls them equal: a test that fails is reported, never trusted.
bool same_value(const Doc& a, const Doc& b) {
  if (a.kind != b.kind) return false;
  if (a.is_scalar()) return json_type(a) == json_type(b) && a.value == b.value;
  if (a.is_sequence()) {
    if (a.items.size() != b.items.size()) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
      if (!same_value(a.items[i], b.items[i])) return false;
    }
    return true;
  }
  if (a.is_map()) {
    if (a.entries.size() != b.entries.size()) return false;
    for (const DocEntry& entry : a.entries) {  // JSON objects are unordered
      const Doc* other = b.get(entry.first.value);
      if (other == nullptr || !same_value(entry.second, *other)) return false;
    }
    return true;
  }
  return true;  // both null
}

// `move` and `copy` (RFC 6902 4.4, 4.5): the value at `from` added at `path`; `move` removes it
// from `from` first. The value keeps the ranges of the text it came from: that is where it reads.
bool apply_move_or_copy(Doc& base, const std::string& op, const std::string& from, const Doc& path_node) {
  const std::vector<std::string> source = pointer(from);
  const std::vector<std::string> target = pointer(path_node.text());
  Doc* found = source.empty() ? nullptr : node_at(base, source);
  if (found == nullptr) return false;
  const Doc value = *found;
  if (op == "move") {
    // A location cannot be moved into one of its own children (RFC 6902 4.4).
    if (target.size() > source.size() && std::equal(source.begin(), source.end(), target.begin())) return false;
    if (!apply_operation(base, "remove", source, nullptr, path_node.range)) return false;
  }
  return apply_operation(base, "add", target, &value, path_node.range);
}

}  // namespace

bool strategic_merge(Doc& base, const Doc& patch) {
  if (!patch.is_map()) return true;
  if (const Doc* d = directive(patch)) {
    if (d->text() == "delete") return false;
    if (d->text() == "replace") {
      base = without_directives(patch);
      return true;
    }
  }
  if (!base.is_map()) {
    base = without_directives(patch);
    return true;
  }
  for (const auto& [key, value] : patch.entries) {
    if (!key.is_scalar() || is_directive(key.value)) continue;
    if (value.kind == yaml::NodeKind::kNull) {
      base.erase(key.value);  // `key: null` deletes the field
      continue;
    }
    Doc* current = base.get(key.value);
    if (current == nullptr) {
      base.set(key.value, without_directives(value), key.range);
    } else if (value.is_map() && current->is_map()) {
      if (!strategic_merge(*current, value)) base.erase(key.value);
    } else if (value.is_sequence()) {
      merge_list(key.value, *current, value);
    } else if (!(value.is_scalar() && current->is_scalar() && value.value == current->value)) {
      // A patch restating a value (the `metadata.name` that picks the target) leaves its anchor in
      // the base: only a changed value is written by the patch.
      *current = without_directives(value);
    }
  }
  return true;
}

std::vector<std::string> apply_json6902(Doc& base, const Doc& operations) {
  std::vector<std::string> failed;
  for (const Doc& op : operations.items) {
    const Doc* name = op.get("op");
    const Doc* path = op.get("path");
    if (name == nullptr || path == nullptr) continue;
    const std::string& what = name->text();
    if (what == "add" || what == "replace" || what == "remove") {
      const auto* entry = const_cast<Doc&>(op).entry("value");
      if (!apply_operation(base, what, pointer(path->text()), entry == nullptr ? nullptr : &entry->second,
                           entry == nullptr ? path->range : entry->first.range)) {
        failed.push_back(what + " " + path->text());
      }
    } else if (what == "move" || what == "copy") {
      const Doc* from = op.get("from");
      if (from == nullptr || !apply_move_or_copy(base, what, from->text(), *path)) {
        failed.push_back(what + " " + path->text());
      }
    } else if (what == "test") {
      // A test that fails makes kustomize refuse the patch: reported, so what it writes is unknown.
      const Doc* value = op.get("value");
      const Doc* current = node_at(base, pointer(path->text()));
      if (value == nullptr || current == nullptr || !same_value(*current, *value)) {
        failed.push_back(what + " " + path->text());
      }
    } else {
      failed.push_back(what + " " + path->text());
    }
  }
  return failed;
}

}  // namespace netlint::kustomize
