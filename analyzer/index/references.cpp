#include "analyzer/index/references.h"

#include <set>
#include <unordered_map>
#include <utility>

#include "analyzer/index/config_file_values.h"
#include "analyzer/index/reference_scanner.h"
#include "analyzer/index/scalar_positions.h"
#include "analyzer/util/key_writer.h"

namespace netlint::index {
namespace {

const model::ConfigMapEntry* find_entry(const model::ConfigMap& cm, std::string_view key) {
  for (const model::ConfigMapEntry& entry : cm.data) {
    if (!entry.binary && entry.key.value == key) return &entry;
  }
  return nullptr;
}

// Where a reference came from, shared by the hosts of one value.
struct Origin {
  ReferenceOrigin kind = ReferenceOrigin::kEnvValue;
  std::string variable;
  const model::Text* scalar = nullptr;  // the YAML scalar the value was read from
  // Where the scanned value starts inside the scalar's value; none when the scanned value is
  // not the scalar's text byte for byte (expanded, decoded, or read from a structured file).
  std::optional<std::size_t> offset_in_scalar = 0;
  std::string config_map;
  std::string config_map_key;
  std::string file_path;
};

class Extractor {
 public:
  Extractor(const model::PodSource& pod, const ConfigMapLookup& config_maps, const HostClassifier& classifier,
            const SourceTextLookup& source_text, ConfigFileValuesCache* file_values, HostScanCache* host_scans)
      : pod_(pod),
        config_maps_(config_maps),
        classifier_(classifier),
        source_text_(source_text),
        file_values_(file_values),
        host_scans_(host_scans) {}

  std::vector<Reference> run() {
    for (std::uint32_t i = 0; i < pod_.containers.size(); ++i) container(i);
    return std::move(out_);
  }

 private:
  const model::ConfigMap* config_map(std::string_view name) const {
    return config_maps_(pod_.meta.namespace_name.value, name);
  }

  void container(std::uint32_t index) {
    const model::Container& c = pod_.containers[index];
    container_ = index;
    const Environment environment = container_environment(pod_, c, config_maps_);
    env(c, environment);
    env_from(c);
    command_and_args(c, environment);
    mounted_files(c);
  }

  void env(const model::Container& c, const Environment& environment) {
    std::unordered_map<std::string_view, std::size_t> last;  // the kubelet keeps the last definition
    for (std::size_t i = 0; i < c.env.size(); ++i) last[c.env[i].name.value] = i;
    for (std::size_t i = 0; i < c.env.size(); ++i) {
      const model::EnvVar& var = c.env[i];
      if (last[var.name.value] != i) continue;
      Origin origin;
      origin.variable = var.name.value;
      if (var.value) {
        const auto found = environment.find(var.name.value);
        const std::string& value = found == environment.end() ? var.value->value : found->second;
        origin.scalar = &*var.value;
        if (value != var.value->value) origin.offset_in_scalar.reset();
        add(value, var.name.value, origin);
      } else if (var.from == model::EnvVar::SourceKind::kConfigMapKey) {
        const model::ConfigMap* cm = config_map(var.from_name.value);
        const model::ConfigMapEntry* entry = cm == nullptr ? nullptr : find_entry(*cm, var.from_key.value);
        if (entry == nullptr) continue;
        origin.kind = ReferenceOrigin::kEnvConfigMapKey;
        origin.scalar = &entry->value;
        origin.config_map = var.from_name.value;
        origin.config_map_key = var.from_key.value;
        add(entry->value.value, var.name.value, origin);
      }
    }
  }

  void env_from(const model::Container& c) {
    using Kind = model::EnvFrom::SourceKind;
    for (std::size_t i = 0; i < c.env_from.size(); ++i) {
      const model::EnvFrom& source = c.env_from[i];
      if (source.kind != Kind::kConfigMap) continue;
      const model::ConfigMap* cm = config_map(source.name.value);
      if (cm == nullptr) continue;
      for (const model::ConfigMapEntry& entry : cm->data) {
        if (entry.binary) continue;
        const std::string variable = source.prefix.value + entry.key.value;
        if (shadowed(c, i, variable)) continue;
        Origin origin;
        origin.kind = ReferenceOrigin::kEnvFromConfigMap;
        origin.variable = variable;
        origin.scalar = &entry.value;
        origin.config_map = source.name.value;
        origin.config_map_key = entry.key.value;
        add(entry.value.value, variable, origin);
      }
    }
  }

  // A variable of envFrom source `i` that `env` or a later envFrom ConfigMap defines again.
  bool shadowed(const model::Container& c, std::size_t i, const std::string& variable) const {
    for (const model::EnvVar& var : c.env) {
      if (var.name.value == variable) return true;
    }
    for (std::size_t j = i + 1; j < c.env_from.size(); ++j) {
      const model::EnvFrom& later = c.env_from[j];
      if (later.kind != model::EnvFrom::SourceKind::kConfigMap) continue;
      const std::string& prefix = later.prefix.value;
      if (variable.compare(0, prefix.size(), prefix) != 0) continue;
      const model::ConfigMap* cm = config_map(later.name.value);
      if (cm != nullptr && find_entry(*cm, std::string_view(variable).substr(prefix.size())) != nullptr) return true;
    }
    return false;
  }

  // command, then args: the kubelet runs them as one argument list, so a `--flag` at the end of
  // command names the first arg.
  void command_and_args(const model::Container& c, const Environment& environment) {
    std::string flag;
    for (const auto& [list, kind] :
         {std::pair{&c.command, ReferenceOrigin::kCommand}, std::pair{&c.args, ReferenceOrigin::kArg}}) {
      for (const model::Text& item : *list) {
        const std::string value = expand_references(item.value, environment);
        Origin origin;
        origin.kind = kind;
        origin.scalar = &item;
        if (value != item.value) origin.offset_in_scalar.reset();
        add(value, flag, origin);
        flag = std::string(flag_awaiting_value(value));
      }
    }
  }

  void mounted_files(const model::Container& c) {
    std::set<std::pair<std::string, std::string>> seen;  // (ConfigMap, key): read once per container
    for (const model::VolumeMount& mount : c.volume_mounts) {
      const model::ConfigMapVolume* volume = nullptr;
      for (const model::ConfigMapVolume& v : pod_.config_map_volumes) {
        if (v.name.value == mount.name.value) volume = &v;
      }
      if (volume == nullptr) continue;
      for (const model::ConfigMapFiles& source : volume->sources) {
        const model::ConfigMap* cm = config_map(source.name.value);
        if (cm == nullptr) continue;
        std::vector<std::pair<const model::ConfigMapEntry*, std::string>> files;  // entry, path in the volume
        if (source.items.empty()) {
          for (const model::ConfigMapEntry& entry : cm->data) {
            if (!entry.binary) files.emplace_back(&entry, entry.key.value);
          }
        } else {
          for (const model::ConfigMapFiles::Item& item : source.items) {
            if (const model::ConfigMapEntry* entry = find_entry(*cm, item.key.value))
              files.emplace_back(entry, item.path.value);
          }
        }
        for (const auto& [entry, path] : files) {
          const std::optional<std::string> file = path_in_container(mount, path);
          if (!file) continue;
          const ConfigFileType type = config_file_type(*file);
          if (type == ConfigFileType::kNone || !seen.emplace(source.name.value, entry->key.value).second) continue;
          std::vector<ConfigValue> uncached;
          if (file_values_ == nullptr) uncached = config_file_values(entry->value.value, type);
          for (const ConfigValue& value :
               file_values_ != nullptr ? file_values_->values(entry->value.value, type) : uncached) {
            Origin origin;
            origin.kind = ReferenceOrigin::kConfigMapFile;
            origin.variable = value.key;
            origin.scalar = &entry->value;
            origin.offset_in_scalar = value.exact ? std::optional<std::size_t>(value.offset) : std::nullopt;
            origin.config_map = source.name.value;
            origin.config_map_key = entry->key.value;
            origin.file_path = *file;
            add(value.value, value.key, origin);
          }
        }
      }
    }
  }

  // Where a volume file at `path` appears through `mount`; none when its subPath leaves it out.
  static std::optional<std::string> path_in_container(const model::VolumeMount& mount, const std::string& path) {
    std::string root = mount.mount_path.value;
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    const std::string& sub = mount.sub_path.value;
    if (sub.empty()) return root + "/" + path;
    if (path == sub) return root;
    if (path.size() > sub.size() && path.compare(0, sub.size(), sub) == 0 && path[sub.size()] == '/') {
      return root + path.substr(sub.size());
    }
    return std::nullopt;
  }

  void add(std::string_view value, std::string_view name, const Origin& origin) {
    std::vector<HostCandidate> scanned;
    const std::vector<HostCandidate>& candidates =
        host_scans_ != nullptr ? host_scans_->hosts(value, name) : (scanned = scan_hosts(value, name));
    for (const HostCandidate& candidate : candidates) {
      Reference r;
      HostClass cls = classifier_.classify(candidate.host);
      if (candidate.form == HostCandidate::Form::kBare && looks_like_file_name(candidate.host)) cls = HostClass{};
      r.kind = cls.kind;
      r.service = std::move(cls.service);
      r.namespace_name = std::move(cls.namespace_name);
      r.pod = std::move(cls.pod);
      r.domain = std::move(cls.domain);
      r.other_domain = cls.other_domain;
      r.text = candidate.text;
      r.scheme = candidate.scheme;
      r.port = candidate.port;
      r.port_explicit = candidate.port_explicit;
      r.trailing_dot = candidate.trailing_dot;
      r.origin = origin.kind;
      r.name = candidate.name.empty() ? origin.variable : candidate.name;
      r.variable = origin.variable;
      r.container = container_;
      r.config_map = origin.config_map;
      r.config_map_key = origin.config_map_key;
      r.file_path = origin.file_path;
      r.range = origin.scalar->range;
      if (origin.offset_in_scalar && source_text_) {
        const std::string_view file_text = origin.scalar->range.valid() ? source_text_(origin.scalar->range.file) : "";
        if (auto exact = scalar_value_range(*origin.scalar, file_text, *origin.offset_in_scalar + candidate.host_offset,
                                            candidate.host.size())) {
          r.range = *exact;
          r.range_exact = true;
        }
      }
      r.host = candidate.host;
      out_.push_back(std::move(r));
    }
  }

  const model::PodSource& pod_;
  const ConfigMapLookup& config_maps_;
  const HostClassifier& classifier_;
  const SourceTextLookup& source_text_;
  ConfigFileValuesCache* file_values_;  // may be null: parse per container
  HostScanCache* host_scans_;           // may be null: scan per value
  std::uint32_t container_ = 0;
  std::vector<Reference> out_;
};

}  // namespace

std::string_view reference_origin_name(ReferenceOrigin origin) {
  switch (origin) {
    case ReferenceOrigin::kEnvValue:
      return "env value";
    case ReferenceOrigin::kEnvConfigMapKey:
      return "env valueFrom ConfigMap key";
    case ReferenceOrigin::kEnvFromConfigMap:
      return "envFrom ConfigMap";
    case ReferenceOrigin::kArg:
      return "arg";
    case ReferenceOrigin::kCommand:
      return "command";
    case ReferenceOrigin::kConfigMapFile:
      return "ConfigMap file";
  }
  return "env value";
}

std::vector<Reference> extract_references(const model::PodSource& pod, const ConfigMapLookup& config_maps,
                                          const HostClassifier& classifier, const SourceTextLookup& source_text,
                                          ConfigFileValuesCache* file_values, HostScanCache* host_scans) {
  if (!config_maps) {
    const ConfigMapLookup none = [](std::string_view, std::string_view) -> const model::ConfigMap* { return nullptr; };
    return Extractor(pod, none, classifier, source_text, file_values, host_scans).run();
  }
  return Extractor(pod, config_maps, classifier, source_text, file_values, host_scans).run();
}

namespace {

// The model's values for a key (util/key_writer.h).
class ModelKeyWriter : public KeyWriter {
 public:
  ModelKeyWriter(std::string& out, const SourceTextLookup& source_text) : KeyWriter(out), source_text_(source_text) {}

  // A name: its value (references carry names, never their positions).
  void text(const model::Text& t) { bytes(t.value); }
  // A value hosts are found in: also its position and the source bytes that position maps
  // through (a reference is anchored there).
  void scalar(const model::Text& t) {
    bytes(t.value);
    number(t.range.file);
    number(t.range.begin);
    number(t.range.end);
    bytes(t.range.valid() && source_text_ ? scalar_source_bytes(t, source_text_(t.range.file)) : std::string_view());
  }
  void optional_scalar(const std::optional<model::Text>& t) {
    number(t.has_value());
    if (t) scalar(*t);
  }

 private:
  const SourceTextLookup& source_text_;
};

}  // namespace

void write_extraction_key(std::string& out, const model::PodSource& pod, const ConfigMapLookup& config_maps,
                          const SourceTextLookup& source_text, const ConfigMapKeyWriter& config_map_key) {
  ModelKeyWriter key(out, source_text);
  const std::string& ns = pod.meta.namespace_name.value;
  key.bytes(ns);
  const auto scalar = [&](const model::Text& t) { key.scalar(t); };
  // Every ConfigMap the pod names, in the order it names them; extraction reads no other.
  const auto config_map = [&](const model::Text& name) {
    key.text(name);
    config_map_key(out, config_maps ? config_maps(ns, name.value) : nullptr);
  };
  key.list(pod.containers, [&](const model::Container& c) {
    key.list(c.env, [&](const model::EnvVar& var) {
      key.text(var.name);
      key.optional_scalar(var.value);
      key.number(static_cast<std::uint64_t>(var.from));
      key.text(var.from_name);
      key.text(var.from_key);
      if (var.from == model::EnvVar::SourceKind::kConfigMapKey) config_map(var.from_name);
    });
    key.list(c.env_from, [&](const model::EnvFrom& source) {
      key.number(static_cast<std::uint64_t>(source.kind));
      key.text(source.name);
      key.text(source.prefix);
      if (source.kind == model::EnvFrom::SourceKind::kConfigMap) config_map(source.name);
    });
    key.list(c.command, scalar);
    key.list(c.args, scalar);
    key.list(c.volume_mounts, [&](const model::VolumeMount& mount) {
      key.text(mount.name);
      key.text(mount.mount_path);
      key.text(mount.sub_path);
    });
  });
  key.list(pod.config_map_volumes, [&](const model::ConfigMapVolume& volume) {
    key.text(volume.name);
    key.list(volume.sources, [&](const model::ConfigMapFiles& source) {
      config_map(source.name);
      key.list(source.items, [&](const model::ConfigMapFiles::Item& item) {
        key.text(item.key);
        key.text(item.path);
      });
    });
  });
}

void write_config_map_key(std::string& out, const model::ConfigMap& cm, const SourceTextLookup& source_text) {
  ModelKeyWriter key(out, source_text);
  key.list(cm.data, [&](const model::ConfigMapEntry& entry) {
    key.number(entry.binary);
    key.text(entry.key);
    key.scalar(entry.value);
  });
}

}  // namespace netlint::index
