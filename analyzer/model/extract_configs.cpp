#include "analyzer/model/extract_configs.h"
#include "analyzer/model/hosts_file.h"

#include <fmt/format.h>

#include <array>
#include <functional>

#include "analyzer/model/extract_util.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::model {
namespace {

// Trees parsed from an embedded text get this file id; their ranges are mapped before use.
constexpr FileId kEmbeddedFile = kNoFile - 1;

// Kinds whose documents carry cluster facts (RULES.md Facts table).
// HorizontalPodAutoscaler and PodDisruptionBudget: whether the CoreDNS Deployment is scaled and
// protected (NL4109).
constexpr std::array<std::string_view, 10> kConfigKinds = {"KubeletConfiguration",
                                                           "ClusterConfiguration",
                                                           "KubeProxyConfiguration",
                                                           "IPPool",
                                                           "Installation",
                                                           "IngressClass",
                                                           "CiliumLocalRedirectPolicy",
                                                           "InitConfiguration",
                                                           "HorizontalPodAutoscaler",
                                                           "PodDisruptionBudget"};

bool is_config_kind(std::string_view kind) {
  return std::find(kConfigKinds.begin(), kConfigKinds.end(), kind) != kConfigKinds.end();
}

// A cheap test before parsing a ConfigMap value as YAML: it must name a config kind somewhere.
// Large values that do not (Grafana dashboards, application configs) are never parsed.
bool names_config_kind(std::string_view value) {
  return std::any_of(kConfigKinds.begin(), kConfigKinds.end(),
                     [&](std::string_view kind) { return value.find(kind) != std::string_view::npos; });
}

// Nodes one flattening may visit: aliases make a document a graph, and an alias bomb of empty
// collections adds no settings while its walk grows exponentially.
constexpr std::size_t kMaxVisits = 200000;

void flatten_into(const yaml::NodeRef& node, std::string& path, SourceRange key, const RangeMap& map, Settings& out,
                  int depth, std::size_t& visits) {
  if (out.entries.size() >= kMaxSettings || depth > 64 || !node || ++visits > kMaxVisits) return;
  if (node.is_scalar()) {
    Setting s;
    s.path = path;
    s.value = Text{node.scalar(), map(node.range())};
    s.key = key.valid() ? map(key) : s.value.range;
    s.placeholder = is_installer_placeholder(node.scalar());
    out.entries.push_back(std::move(s));
    return;
  }
  const std::size_t length = path.size();
  if (node.is_map()) {
    for (const auto& [k, v] : map_entries(node)) {
      if (!k.is_scalar()) continue;
      if (!path.empty()) path += '.';
      path += k.scalar();
      flatten_into(v, path, k.range(), map, out, depth + 1, visits);
      path.resize(length);
    }
  } else if (node.is_sequence()) {
    for (std::uint32_t i = 0; i < node.size(); ++i) {
      path += fmt::format("[{}]", i);
      const yaml::NodeRef item = node.item(i);
      flatten_into(item, path, item.range(), map, out, depth + 1, visits);
      path.resize(length);
    }
  }
}

// Parses an embedded YAML or JSON text; a parse error becomes NL0001 at its mapped position
// when `report_errors` (the key is known to hold this format), else the text is ignored.
std::optional<yaml::Tree> parse_embedded(const EmbeddedText& text, std::string_view what, bool report_errors,
                                         std::vector<InputProblem>& problems) {
  yaml::ParseResult parsed =
      yaml::parse_document(text.text(), 0, static_cast<std::uint32_t>(text.text().size()), kEmbeddedFile);
  if (parsed.error) {
    if (report_errors) {
      const std::uint32_t at =
          std::min<std::uint32_t>(parsed.error->offset, static_cast<std::uint32_t>(text.text().size()));
      problems.push_back(InputProblem{InputProblemKind::kParseError,
                                      text.map(at, at + 1),
                                      fmt::format("invalid {}: {}", what, parsed.error->message),
                                      "the component fails to start or ignores this configuration",
                                      {}});
    }
    return std::nullopt;
  }
  return std::move(parsed.tree);
}

RangeMap mapper(const EmbeddedText& text) {
  return [&text](SourceRange r) { return r.file == kEmbeddedFile ? text.map(r.begin, r.end) : r; };
}

ConfigDocument embedded_document(std::string kind, const ConfigMap& owner, const ConfigMapEntry& entry) {
  ConfigDocument doc;
  doc.kind = std::move(kind);
  doc.owner = owner.meta;
  doc.key = entry.key;
  doc.anchor = entry.key.range;
  return doc;
}

void add_corefile(const ObjectMeta* owner, const Text& key, EmbeddedText text, EmbeddedConfigs& out,
                  bool fragment = false) {
  CorefileSource source;
  if (owner != nullptr) source.owner = *owner;
  source.key = key;
  source.fragment = fragment;
  source.ast = fragment ? corefile::parse_corefile_fragment(text.text()) : corefile::parse_corefile(text.text());
  source.text = std::move(text);
  for (const corefile::ParseProblem& p : source.ast.problems) {
    out.problems.push_back(InputProblem{InputProblemKind::kParseError,
                                        source.text.map(p.offset, p.offset + 1),
                                        fmt::format("invalid Corefile: {}", p.message),
                                        "CoreDNS refuses to start with this Corefile",
                                        {}});
  }
  out.corefiles.push_back(std::move(source));
}

void add_cni(const EmbeddedText& text, ConfigDocument doc, EmbeddedConfigs& out) {
  if (auto tree = parse_embedded(text, "CNI configuration JSON", true, out.problems)) {
    flatten_settings(yaml::root_of(*tree), "", mapper(text), doc.settings);
    out.configs.push_back(std::move(doc));
  }
}

}  // namespace

void flatten_settings(const yaml::NodeRef& node, const std::string& path, const RangeMap& map, Settings& out) {
  std::string buffer = path;
  std::size_t visits = 0;
  flatten_into(node, buffer, {}, map, out, 0, visits);
}

std::optional<ConfigDocument> extract_config_object(const yaml::NodeRef& object, const ObjectMeta& meta) {
  if (!is_config_kind(meta.kind.value)) return std::nullopt;
  ConfigDocument doc;
  doc.kind = meta.kind.value;
  doc.owner = meta;
  doc.anchor = meta.object_range;
  const RangeMap identity = [](SourceRange r) { return r; };
  std::size_t visits = 0;
  for (const auto& [k, v] : map_entries(object)) {
    if (!k.is_scalar() || k.scalar() == "metadata" || k.scalar() == "status") continue;
    std::string path = k.scalar();
    flatten_into(v, path, k.range(), identity, doc.settings, 1, visits);
  }
  return doc;
}

void extract_embedded_configs(const ConfigMap& config_map, std::string_view file_text, EmbeddedConfigs& out) {
  extract_embedded_configs(
      config_map, [&](FileId) { return file_text; }, out);
}

void extract_embedded_configs(const ConfigMap& config_map, const std::function<std::string_view(FileId)>& text_of,
                              EmbeddedConfigs& out) {
  for (const ConfigMapEntry& entry : config_map.data) {
    if (entry.binary) continue;
    const std::string_view file_text = text_of(entry.value.range.file);
    const std::string& key = entry.key.value;
    const std::string_view value = entry.value.value;
    if (key == "Corefile" || key.ends_with(".server")) {
      add_corefile(&config_map.meta, entry.key, EmbeddedText::config_map_value(entry, file_text), out);
    } else if (key.ends_with(".override")) {
      add_corefile(&config_map.meta, entry.key, EmbeddedText::config_map_value(entry, file_text), out,
                   /*fragment=*/true);
    } else if (key == "NodeHosts") {
      ConfigDocument doc = embedded_document("NodeHosts", config_map, entry);
      read_hosts_file(EmbeddedText::config_map_value(entry, file_text), doc.settings);
      out.configs.push_back(std::move(doc));
    } else if (key == "net-conf.json") {
      const EmbeddedText text = EmbeddedText::config_map_value(entry, file_text);
      if (auto tree = parse_embedded(text, "Flannel net-conf.json", true, out.problems)) {
        ConfigDocument doc = embedded_document("net-conf.json", config_map, entry);
        flatten_settings(yaml::root_of(*tree), "", mapper(text), doc.settings);
        out.configs.push_back(std::move(doc));
      }
    } else if (key == "cni-conf.json" || key == "cni_network_config" || key.ends_with(".conflist")) {
      add_cni(EmbeddedText::config_map_value(entry, file_text), embedded_document("cni", config_map, entry), out);
    } else if (value.find('\n') != std::string_view::npos && names_config_kind(value)) {
      // kube-proxy's `config.conf`, kubeadm's `ClusterConfiguration`, the kubelet's `kubelet`:
      // any YAML value that names a config kind. Other keys that do not parse are not ours.
      const bool known_key = key == "config.conf" || key == "kubelet" || key == "ClusterConfiguration";
      const EmbeddedText text = EmbeddedText::config_map_value(entry, file_text);
      auto tree = parse_embedded(text, key == "config.conf" ? "kube-proxy config.conf" : "embedded " + key, known_key,
                                 out.problems);
      if (!tree) continue;
      const yaml::NodeRef root = yaml::root_of(*tree);
      const yaml::NodeRef kind = root.get("kind");
      if (!kind.is_scalar() || !is_config_kind(kind.scalar())) continue;
      ConfigDocument doc = embedded_document(kind.scalar(), config_map, entry);
      flatten_settings(root, "", mapper(text), doc.settings);
      out.configs.push_back(std::move(doc));
    }
  }
}

void extract_corefile_file(FileId file, std::string_view text, EmbeddedConfigs& out) {
  add_corefile(nullptr, Text{}, EmbeddedText::whole_file(file, text), out);
}

void extract_cni_file(FileId file, std::string_view text, EmbeddedConfigs& out) {
  ConfigDocument doc;
  doc.kind = "cni";
  doc.anchor = SourceRange{file, 0, 0};
  add_cni(EmbeddedText::whole_file(file, text), std::move(doc), out);
}

}  // namespace netlint::model
