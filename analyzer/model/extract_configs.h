// Configuration texts the facts layer and the DNS/kube-proxy/CNI rules read, found in three
// places: config objects written as documents (KubeletConfiguration, IPPool, ...), texts
// embedded in ConfigMap values (`config.conf`, `net-conf.json`, `Corefile`, ...), and standalone
// files (Corefiles, CNI conflists under `net.d/`). Each becomes a ConfigDocument of positioned
// settings, or a CorefileSource; a text that does not parse is an NL0001 problem at the mapped
// position of the error.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzer/model/config_map.h"
#include "analyzer/model/corefile_source.h"
#include "analyzer/model/model.h"
#include "analyzer/model/settings.h"
#include "analyzer/yaml/node_ref.h"

namespace netlint::model {

// Flattens the scalars under `node` into settings named from `path`; `map` turns the tree's
// ranges into the user's file ranges. At most kMaxSettings entries per document.
inline constexpr std::size_t kMaxSettings = 20000;
using RangeMap = std::function<SourceRange(SourceRange)>;
void flatten_settings(const yaml::NodeRef& node, const std::string& path, const RangeMap& map, Settings& out);

// A document whose kind carries cluster facts, flattened; nullopt for other kinds.
std::optional<ConfigDocument> extract_config_object(const yaml::NodeRef& object, const ObjectMeta& meta);

struct EmbeddedConfigs {
  std::vector<ConfigDocument> configs;
  std::vector<CorefileSource> corefiles;
  std::vector<InputProblem> problems;
};

// The configuration texts inside a ConfigMap's values; `file_text` is the file it is written in.
void extract_embedded_configs(const ConfigMap& config_map, std::string_view file_text, EmbeddedConfigs& out);
// The same for an object a kustomize build assembled: each value is read from the file it was
// written in (a base, or a patch).
void extract_embedded_configs(const ConfigMap& config_map, const std::function<std::string_view(FileId)>& text_of,
                              EmbeddedConfigs& out);

// Standalone files (which ones: analyzer/source/input_kinds.h).
void extract_corefile_file(FileId file, std::string_view text, EmbeddedConfigs& out);
void extract_cni_file(FileId file, std::string_view text, EmbeddedConfigs& out);

}  // namespace netlint::model
