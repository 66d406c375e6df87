// Configuration documents the facts layer reads: kubelet, kubeadm and kube-proxy configs, CNI
// configs (Flannel net-conf.json, conflists, Calico's cni_network_config) and the few custom
// resources that carry cluster facts (Calico Installation and IPPool, IngressClass, Cilium's
// LocalRedirectPolicy). Standalone or embedded in a ConfigMap, each becomes a flat list of
// positioned scalar settings keyed by path (`networking.podSubnet`, `plugins[0].type`), so
// detectors look values up by path and every value points back into the user's file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model/object_meta.h"

namespace netlint::model {

struct Setting {
  std::string path;          // dotted keys, sequence items as [i]: "spec.calicoNetwork.ipPools[0].cidr"
  Text value;                // the scalar's text; its range is mapped into the user's file
  SourceRange key;           // the key (or the sequence item) it is written under
  bool placeholder = false;  // an installer placeholder (`__CNI_MTU__`): the value is unknown
};

struct Settings {
  std::vector<Setting> entries;  // in document order

  const Setting* find(std::string_view path) const;
  // The entries at `path` and below it (`path.x`, `path[0]`).
  std::vector<const Setting*> under(std::string_view path) const;
};

struct ConfigDocument {
  // What the text is: the kind written in it (KubeletConfiguration, ClusterConfiguration,
  // KubeProxyConfiguration, IPPool, ...) or, for formats without one, "net-conf.json" (Flannel)
  // "cni" (a CNI conf or conflist) and "NodeHosts" (a hosts file, `hosts[i].address`/`.names[j]`).
  std::string kind;
  ObjectMeta owner;    // the object itself, or the ConfigMap that embeds the text
  Text key;            // the ConfigMap key; empty for standalone objects and files
  SourceRange anchor;  // the ConfigMap key, the object's root, or the whole file
  Settings settings;

  bool embedded() const { return key.range.valid() || !key.value.empty(); }
  // "ConfigMap kube-system/kube-proxy key config.conf", "KubeletConfiguration (unnamed)".
  std::string display() const;
};

// True for values such as `__CNI_MTU__` or `__PILLAR__DNS__SERVER__` that installers substitute.
bool is_installer_placeholder(std::string_view value);

}  // namespace netlint::model
