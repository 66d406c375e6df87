// Everything that creates pods: bare Pods, the workload kinds, any object with a duck-typed pod
// template (Argo Rollout, OpenKruise CloneSet, ...) and operator resources that create pods from
// labels they carry (Prometheus, Alertmanager, ThanosRuler).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/object_meta.h"

namespace netlint::model {

struct ContainerPort {
  Text name;
  Spanned<std::int64_t> number;  // containerPort
  Text protocol;                 // defaulted to "TCP" (invalid range) when not written
  SourceRange item;              // the list item
};

struct EnvVar {
  Text name;
  std::optional<Text> value;
  // valueFrom
  enum class SourceKind { kNone, kConfigMapKey, kSecretKey, kField, kResource } from = SourceKind::kNone;
  Text from_name;  // ConfigMap/Secret name
  Text from_key;   // key, or fieldPath for kField
};

struct EnvFrom {
  enum class SourceKind { kConfigMap, kSecret } kind = SourceKind::kConfigMap;
  Text name;
  Text prefix;
};

struct Probe {
  enum class Kind { kHttpGet, kTcpSocket, kGrpc, kExec, kUnknown } kind = Kind::kUnknown;
  Text port;  // number or name, as written
  bool port_is_name = false;
  Text path;        // httpGet path; empty when not written (the kubelet probes `/`)
  SourceRange key;  // e.g. `readinessProbe:`
};

// A container's `volumeMounts` item.
struct VolumeMount {
  Text name;  // the pod volume it mounts
  Text mount_path;
  Text sub_path;  // empty: the whole volume
};

// A container's `lifecycle.preStop`: how long it delays the stop, when that is known.
struct PreStop {
  enum class Kind { kSleepAction, kExec, kHttpGet, kOther } kind = Kind::kOther;
  std::optional<std::int64_t> seconds;  // sleep action seconds, or the first `sleep N` of an exec command
  SourceRange range;                    // the seconds value or the command item holding it; else `preStop:`
};

struct Container {
  Text name;
  Text image;
  bool init = false;
  bool restartable = false;  // init container with restartPolicy: Always (a sidecar)
  std::vector<ContainerPort> ports;
  bool ports_known = true;  // false when a containerPort is no valid number (NL0004)
  std::vector<EnvVar> env;
  std::vector<EnvFrom> env_from;
  std::vector<Text> command;
  std::vector<Text> args;
  std::vector<VolumeMount> volume_mounts;
  std::optional<Probe> liveness, readiness, startup;
  std::optional<PreStop> pre_stop;
  std::optional<Text> memory_limit;  // resources.limits.memory when written
};

// A ConfigMap a volume puts into files: a `configMap` volume, or one `configMap` source of a
// `projected` volume.
struct ConfigMapFiles {
  struct Item {
    Text key;
    Text path;  // relative to the volume's root
  };
  Text name;                // the ConfigMap
  std::vector<Item> items;  // empty: every key, as a file named like the key
};

// A pod volume that holds ConfigMap files (other volume types are not kept).
struct ConfigMapVolume {
  Text name;
  std::vector<ConfigMapFiles> sources;  // one for `configMap`, the ConfigMap sources of `projected`
};

// A `dnsConfig.options` item. The API server rejects a value that is not a string in JSON
// (NL4003), so the type YAML gives it is kept beside its text.
struct DnsOption {
  Text name;
  std::optional<Text> value;
  std::string value_type;  // "a number", "a boolean", "a map", "a list"; empty for a string
};

// The root cause NL0004 and NL4003 share for a dnsConfig option value that is not a string.
inline std::string dns_option_value_cause(const SourceRange& value) {
  return "dns-option-value:" + std::to_string(value.file) + ":" + std::to_string(value.begin);
}

struct DnsConfig {
  std::vector<Text> nameservers;
  std::vector<Text> searches;
  std::vector<DnsOption> options;
  SourceRange key;
};

struct PodSource {
  ObjectMeta meta;         // the object that creates the pods (Deployment, Pod, ...)
  Labels labels;           // the pod template's labels as written
  SourceRange labels_key;  // `labels:` of the template (or of the Pod)
  // Label keys whose values exist on the running pods but are not written in the view
  // (controller-added, e.g. pod-template-hash): selectors on them are neither matched nor not.
  std::vector<std::string> unknown_label_keys;
  // Operator-created pods: every label not written in the view is unknown, and containers too.
  bool open_labels = false;
  bool containers_known = true;
  std::vector<Container> containers;  // init containers first (Container::init), then app containers
  std::vector<ConfigMapVolume> config_map_volumes;
  std::vector<std::string> empty_dir_volumes;  // names of the pod's `emptyDir` volumes
  Spanned<bool> host_network;
  Text dns_policy;  // defaulted "ClusterFirst" (invalid range)
  std::optional<DnsConfig> dns_config;
  // `hostAliases[].hostnames`: names the pod's /etc/hosts answers before DNS (NL4002 exempts them).
  std::vector<Text> host_aliases;
  SourceRange template_key;  // `template:` for workloads, `spec:` for Pods
  Text service_name;         // a StatefulSet's governing Service (`serviceName`); else empty
  std::optional<Spanned<std::int64_t>> termination_grace;  // terminationGracePeriodSeconds when written
  std::optional<Spanned<std::int64_t>> replicas;           // a workload's spec.replicas when written
  // How a rollout replaces pods: Deployment `strategy.type`, StatefulSet/DaemonSet
  // `updateStrategy.type`, as written (empty: the API default, RollingUpdate).
  std::string update_strategy;
  // A Pod's controlling owner (ownerReferences, `controller: true`, else the first): live dumps.
  Text owner_kind;
  Text owner_name;
  Text pod_ip;  // status.podIP of a live Pod; empty otherwise
  // Stands for pods the view does not hold but every cluster has (the DNS pods); never
  // reported on, and it does not make its namespace known.
  bool synthetic = false;
};

}  // namespace netlint::model
