#include "rules/kube_proxy/kube_proxy_config.h"

#include "analyzer/util/go_values.h"

#include <array>

namespace netlint::rules::kube_proxy {
namespace {

// One level of the field tree. `any` children: free-form maps (featureGates, logging).
struct Field {
  std::string_view name;
  const std::vector<Field>* children = nullptr;  // nullptr: a scalar or list of scalars
  bool any = false;
};

const std::vector<Field> kClientConnection = {
    {"kubeconfig"}, {"acceptContentTypes"}, {"contentType"}, {"qps"}, {"burst"}};
const std::vector<Field> kIptables = {{"masqueradeBit"}, {"masqueradeAll"}, {"localhostNodePorts"},
                                      {"syncPeriod"},    {"minSyncPeriod"}, {"snatNodeInternalIP"}};
const std::vector<Field> kIpvs = {{"syncPeriod"}, {"minSyncPeriod"}, {"scheduler"},     {"excludeCIDRs"},
                                  {"strictARP"},  {"tcpTimeout"},    {"tcpFinTimeout"}, {"udpTimeout"}};
const std::vector<Field> kNftables = {{"masqueradeBit"}, {"masqueradeAll"}, {"syncPeriod"}, {"minSyncPeriod"}};
const std::vector<Field> kWinkernel = {
    {"networkName"}, {"sourceVip"}, {"enableDSR"}, {"rootHnsEndpointName"}, {"forwardHealthCheckVip"}};
const std::vector<Field> kDetectLocal = {{"bridgeInterface"}, {"interfaceNamePrefix"}};
const std::vector<Field> kConntrack = {{"maxPerCore"},          {"min"},          {"tcpEstablishedTimeout"},
                                       {"tcpCloseWaitTimeout"}, {"tcpBeLiberal"}, {"udpTimeout"},
                                       {"udpStreamTimeout"}};
const std::vector<Field> kTop = {{"apiVersion"},
                                 {"kind"},
                                 {"featureGates", nullptr, true},
                                 {"clientConnection", &kClientConnection},
                                 {"logging", nullptr, true},
                                 {"hostnameOverride"},
                                 {"bindAddress"},
                                 {"healthzBindAddress"},
                                 {"metricsBindAddress"},
                                 {"bindAddressHardFail"},
                                 {"enableProfiling"},
                                 {"showHiddenMetricsForVersion"},
                                 {"mode"},
                                 {"iptables", &kIptables},
                                 {"ipvs", &kIpvs},
                                 {"nftables", &kNftables},
                                 {"winkernel", &kWinkernel},
                                 {"detectLocalMode"},
                                 {"detectLocal", &kDetectLocal},
                                 {"clusterCIDR"},
                                 {"nodePortAddresses"},
                                 {"oomScoreAdj"},
                                 {"conntrack", &kConntrack},
                                 {"configSyncPeriod"},
                                 {"portRange"},
                                 {"windowsRunAsService"}};

struct Removed {
  std::string_view path;
  std::string_view why;
};
constexpr std::array<Removed, 3> kRemoved = {{
    {"udpIdleTimeout", "removed with the userspace mode in Kubernetes 1.26"},
    {"resourceContainer", "removed in Kubernetes 1.16 (kube-proxy no longer moves itself into a cgroup)"},
    {"ipvs.udpIdleTimeout", "removed with the userspace mode in Kubernetes 1.26"},
}};

// "a.b[0].c" -> {"a", "b", "c"} (list indexes dropped: lists hold scalars or objects of one shape).
std::vector<std::string> segments_of(std::string_view path) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '.') {
      out.push_back(std::move(current));
      current.clear();
    } else if (path[i] == '[') {
      while (i < path.size() && path[i] != ']') ++i;
    } else {
      current += path[i];
    }
  }
  out.push_back(std::move(current));
  return out;
}

}  // namespace

std::vector<const model::ConfigDocument*> configs(const engine::View& view) {
  std::vector<const model::ConfigDocument*> out;
  for (const model::ConfigDocument& doc : view.model().configs) {
    if (doc.kind == "KubeProxyConfiguration") out.push_back(&doc);
  }
  return out;
}

const model::Setting* mode_of(const model::ConfigDocument& config) {
  return config.settings.find("mode");
}

std::optional<UnknownField> unknown_field(std::string_view path) {
  const std::vector<std::string> segments = segments_of(path);
  const std::vector<Field>* level = &kTop;
  std::string prefix;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& segment = segments[i];
    prefix += (prefix.empty() ? "" : ".") + segment;
    const Field* found = nullptr;
    for (const Field& f : *level) {
      if (f.name == segment) found = &f;
    }
    if (found == nullptr) {
      UnknownField u{prefix, segment, {}, {}, i + 1 == segments.size()};
      for (const Field& f : *level) u.siblings.emplace_back(f.name);
      for (const Removed& r : kRemoved) {
        if (r.path == prefix) u.removed = r.why;
      }
      return u;
    }
    if (found->any || found->children == nullptr) return std::nullopt;
    level = found->children;
  }
  return std::nullopt;
}

std::optional<double> duration_ms(std::string_view text) {
  const std::optional<std::int64_t> nanoseconds = go_parse_duration(text);
  if (!nanoseconds) return std::nullopt;
  return static_cast<double>(*nanoseconds) / 1e6;
}

const model::PodSource* kube_proxy_daemonset(const engine::View& view) {
  for (const model::PodSource& pod : view.model().pod_sources) {
    if (pod.meta.kind.value != "DaemonSet") continue;
    const model::Label* app = model::find_label(pod.labels, "k8s-app");
    if ((app != nullptr && app->value.value == "kube-proxy") || pod.meta.name.value == "kube-proxy") return &pod;
  }
  return nullptr;
}

}  // namespace netlint::rules::kube_proxy
