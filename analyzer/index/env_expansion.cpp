#include "analyzer/index/env_expansion.h"

namespace netlint::index {

std::string expand_references(std::string_view text, const Environment& environment) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$' || i + 1 == text.size()) {
      out.push_back(text[i]);
      continue;
    }
    const char next = text[i + 1];
    if (next == '$') {  // `$$` is an escaped `$`
      out.push_back('$');
      ++i;
      continue;
    }
    if (next == '(') {
      const std::size_t close = text.find(')', i + 2);
      if (close != std::string_view::npos) {
        const std::string name(text.substr(i + 2, close - i - 2));
        if (auto it = environment.find(name); it != environment.end()) {
          out += it->second;
        } else {
          out.append(text.substr(i, close - i + 1));  // undefined: kept as written
        }
        i = close;
        continue;
      }
    }
    out.push_back('$');  // `$x`, or an unterminated `$(`: kept
  }
  return out;
}

Environment container_environment(const model::PodSource& pod, const model::Container& container,
                                  const ConfigMapLookup& config_maps) {
  Environment environment;
  const std::string& ns = pod.meta.namespace_name.value;
  for (const model::EnvFrom& source : container.env_from) {
    if (source.kind != model::EnvFrom::SourceKind::kConfigMap) continue;  // Secrets are not read
    const model::ConfigMap* cm = config_maps(ns, source.name.value);
    if (cm == nullptr) continue;
    for (const model::ConfigMapEntry& entry : cm->data) {
      if (!entry.binary) environment[source.prefix.value + entry.key.value] = entry.value.value;
    }
  }
  for (const model::EnvVar& var : container.env) {
    using Kind = model::EnvVar::SourceKind;
    std::optional<std::string> value;
    if (var.value) {
      value = expand_references(var.value->value, environment);
    } else if (var.from == Kind::kNone) {
      value = "";  // `- name: X` with neither value nor valueFrom is the empty string
    } else if (var.from == Kind::kConfigMapKey) {
      if (const model::ConfigMap* cm = config_maps(ns, var.from_name.value)) {
        for (const model::ConfigMapEntry& entry : cm->data) {
          if (entry.key.value == var.from_key.value && !entry.binary) value = entry.value.value;
        }
      }
    } else if (var.from == Kind::kField && var.from_key.value == "metadata.namespace") {
      value = ns;  // the downward API field a manifest fixes
    }
    if (value)
      environment[var.name.value] = std::move(*value);
    else
      environment.erase(var.name.value);  // unknown: a later reference stays unexpanded
  }
  return environment;
}

}  // namespace netlint::index
