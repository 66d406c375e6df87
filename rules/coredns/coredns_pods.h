// The containers that run a Corefile (they mount its ConfigMap key) and the listen ports the
// Corefiles they mount give the health, ready and prometheus plugins (NL4110, NL4111).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/engine/view.h"

namespace netlint::rules::coredns {

struct PluginPorts {
  std::vector<int> ports;          // every listen port the plugin has in the mounted Corefiles
  std::vector<SourceRange> where;  // the plugin lines
  bool unknown = false;            // an address is a placeholder: no judgement
};

struct CorednsContainer {
  const model::PodSource* pod = nullptr;
  const model::Container* container = nullptr;
  PluginPorts health, ready, prometheus;  // keyed by plugin
};

std::vector<CorednsContainer> coredns_containers(const engine::View& view);

// A container port number by name or number text; nullopt when unresolved.
std::optional<int> resolve_container_port(const model::Container& c, const model::Text& port, bool is_name);

}  // namespace netlint::rules::coredns
