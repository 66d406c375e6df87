// A container's environment as the kubelet builds it, and `$(VAR)` expansion in command, args
// and env values exactly as the kubelet does it (k8s.io/kubernetes third_party expansion):
//  - `$(NAME)` becomes NAME's value when NAME is defined, else stays as written;
//  - `$$` is an escaped `$` (so `$$(NAME)` stays `$(NAME)`); any other `$` stays;
//  - the environment is envFrom ConfigMaps first (with their prefix), then `env` in order, each
//    value expanded against what came before it; `env` wins over envFrom.
// Values the view cannot know (Secrets, fields other than metadata.namespace, ConfigMaps not in
// the view) are left out, so references to them stay unexpanded: the rules stay silent on them.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "analyzer/model/config_map.h"
#include "analyzer/model/pod_source.h"

namespace netlint::index {

// Finds a ConfigMap by namespace and name; nullptr when the view does not hold it.
using ConfigMapLookup = std::function<const model::ConfigMap*(std::string_view ns, std::string_view name)>;

using Environment = std::map<std::string, std::string>;

// Expands `$(VAR)` references in `text` against `environment`.
std::string expand_references(std::string_view text, const Environment& environment);

Environment container_environment(const model::PodSource& pod, const model::Container& container,
                                  const ConfigMapLookup& config_maps);

}  // namespace netlint::index
