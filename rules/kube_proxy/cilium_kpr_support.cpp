#include "rules/kube_proxy/cilium_kpr_support.h"

namespace netlint::rules {

Kpr find_kpr(const engine::View& view) {
  for (const model::ConfigMap& cm : view.model().config_maps) {
    if (cm.meta.name.value != "cilium-config") continue;
    for (const model::ConfigMapEntry& e : cm.data) {
      if (e.key.value == "kube-proxy-replacement") return {&e, &cm};
    }
  }
  return {};
}

}  // namespace netlint::rules
