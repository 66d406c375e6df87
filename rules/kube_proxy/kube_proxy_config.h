// The KubeProxyConfiguration as kube-proxy reads it (knowledge/domain.md section 3): the field
// tree with removed fields, the modes, Go durations, and the view's kube-proxy configs and
// DaemonSet. Shared by NL5001-NL5005.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine/view.h"

namespace netlint::rules::kube_proxy {

// The KubeProxyConfiguration documents of the view (ConfigMap key `config.conf`, or a file).
std::vector<const model::ConfigDocument*> configs(const engine::View& view);

// The written mode ("" when not written: iptables on Linux).
const model::Setting* mode_of(const model::ConfigDocument& config);

// Where a path leaves the known field tree: the first unknown segment, its path prefix, the
// known siblings at that level (for did-you-mean) and, for a removed field, why.
struct UnknownField {
  std::string prefix;                 // "iptables.masqBit"
  std::string segment;                // "masqBit"
  std::vector<std::string> siblings;  // the known fields at that level
  std::string removed;                // non-empty for a removed field: "removed with the userspace mode (1.26)"
  bool last = false;                  // the segment is the setting's own key
};
std::optional<UnknownField> unknown_field(std::string_view path);

// A Go duration ("30s", "1m30s", "500ms", "0", "-1s") in milliseconds, as kube-proxy's
// metav1.Duration reads it (time.ParseDuration); nullopt when it does not parse. Callers check
// the sign.
std::optional<double> duration_ms(std::string_view text);

// A kube-proxy DaemonSet in the view (k8s-app: kube-proxy, or named kube-proxy), or nullptr.
const model::PodSource* kube_proxy_daemonset(const engine::View& view);

}  // namespace netlint::rules::kube_proxy
