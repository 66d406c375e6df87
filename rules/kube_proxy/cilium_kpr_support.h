// Helpers shared by NL5004 kube-proxy-replacement-conflict and NL5006 cilium-kpr-without-apiserver:
// where the view sets Cilium's kube-proxy replacement.
#pragma once

#include "analyzer/engine/view.h"
#include "analyzer/model/config_map.h"

namespace netlint::rules {

// The `kube-proxy-replacement` entry of ConfigMap `cilium-config` and that ConfigMap; both null
// when the view has none.
struct Kpr {
  const model::ConfigMapEntry* entry = nullptr;
  const model::ConfigMap* config_map = nullptr;
};

Kpr find_kpr(const engine::View& view);

}  // namespace netlint::rules
