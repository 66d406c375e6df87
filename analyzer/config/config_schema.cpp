#include "analyzer/config/config_schema.h"

#include <array>

namespace netlint::config {
namespace {

using T = ValueType;

constexpr std::array<std::string_view, 11> kCnis = {"auto",   "flannel",     "calico",  "canal", "cilium", "weave",
                                                    "antrea", "kube-router", "aws-vpc", "azure", "none"};
constexpr std::array<std::string_view, 2> kLbKinds = {"l4", "l7"};
constexpr std::array<std::string_view, 4> kFailOn = {"error", "warning", "note", "never"};

constexpr std::array<Field, 3> kDns = {{
    {"namespace", T::kString, "namespace of the cluster DNS pods"},
    {"podLabels", T::kLabels, "labels of the cluster DNS pods"},
    {"port", T::kInteger, "port the DNS pods listen on (after Service DNAT)"},
}};

constexpr std::array<Field, 3> kLoadBalancer = {{
    {"kind", T::kEnum, "l4 (passes connections through) or l7 (terminates and pools them)", {}, kLbKinds},
    {"idleTimeout", T::kDuration, "idle timeout of the load balancer, e.g. 60s"},
    {"proxyProtocol", T::kBoolean, "whether the load balancer sends PROXY protocol"},
}};

constexpr std::array<Field, 4> kIngressController = {{
    {"class", T::kString, "IngressClass name the controller serves"},
    {"namespace", T::kString, "namespace of the controller pods"},
    {"podLabels", T::kLabels, "labels of the controller pods"},
    {"loadBalancer", T::kObject, "the load balancer in front of the controller", kLoadBalancer},
}};

constexpr std::array<Field, 1> kScale = {{
    {"services", T::kInteger, "number of Services in the cluster"},
}};

constexpr std::array<Field, 2> kNamespaceStates = {{
    {"complete", T::kStringList, "namespaces whose every workload is in the view (\"~\": the apply-time namespace)"},
    {"open", T::kStringList, "namespaces other sources also deploy into"},
}};

// RULES.md Facts "Dual-stack": one per-node block size per family.
constexpr std::array<Field, 2> kNodeBlockSize = {{
    {"ipv4", T::kInteger, "prefix length of a node's IPv4 pod block, e.g. 24 (0-32)"},
    {"ipv6", T::kInteger, "prefix length of a node's IPv6 pod block, e.g. 64 (0-128)"},
}};

constexpr std::array<Field, 18> kCluster = {{
    {"applyNamespace", T::kString,
     "namespace of objects that name none (kubectl -n); --namespace wins; unset: unnamed"},
    {"namespaces", T::kObject, "namespace states that override detection", kNamespaceStates},
    {"domain", T::kString, "cluster domain (default cluster.local)"},
    {"cni", T::kEnum, "the CNI plugin; auto detects it from the manifests", {}, kCnis},
    {"podCIDRs", T::kCidrList,
     "pod ranges, any number per IP family; replaces the detected pod ranges of each family it names"},
    {"serviceCIDRs", T::kCidrList, "Service ClusterIP ranges, at most one per IP family"},
    {"nodeCIDRs", T::kCidrList, "node networks, any number per IP family"},
    {"nodeBlockSize", T::kObject, "per-node pod block of host-local style IPAM, per IP family", kNodeBlockSize},
    {"clusterDNS", T::kIpList, "the kubelet's clusterDNS addresses, in its order (every one is a pod nameserver)"},
    {"nodeMTU", T::kInteger, "MTU of the node network"},
    {"nodeSearchDomains", T::kStringList, "search domains in the nodes' resolv.conf"},
    {"nodePortRange", T::kPortRange, "the API server's --service-node-port-range (default 30000-32767)"},
    {"kubernetesVersion", T::kString, "Kubernetes version, e.g. \"1.33\""},
    {"networkPolicyEnforced", T::kBoolean, "overrides whether the CNI enforces NetworkPolicy"},
    {"kubeProxy", T::kBoolean, "whether kube-proxy runs (false: absent, e.g. replaced by Cilium); unset: detected"},
    {"dns", T::kObject, "the cluster DNS pods", kDns},
    {"ingressControllers", T::kObjectList, "ingress controllers and the load balancers in front", kIngressController},
    {"scale", T::kObject, "cluster size", kScale},
}};

constexpr std::array<Field, 2> kClusterView = {{
    {"paths", T::kStringList, "globs of the files that belong to this cluster"},
    {"cluster", T::kObject, "facts of this cluster, over the global `cluster:`", kCluster},
}};

constexpr std::array<Field, 10> kTop = {{
    {"clusters", T::kNamedObjects, "several views in one repository: name -> paths and facts", kClusterView},
    {"cluster", T::kObject, "cluster facts; explicit values override detection", kCluster},
    {"include", T::kStringList, "globs of the repository files to read (default: everything)"},
    {"exclude", T::kStringList, "globs of files to leave out"},
    {"select", T::kStringList,
     "the rules to run: codes, names, groups, code prefixes (NL2) or ALL; replaces the default (correctness, "
     "suspicious, perf)"},
    {"extend-select", T::kStringList, "rules, groups or prefixes added to the selection"},
    {"ignore", T::kStringList, "rules, groups or prefixes removed from the selection"},
    {"per-file-ignores", T::kGlobLists,
     "glob (relative to this file's folder) of the files a finding is anchored in -> rules, groups or prefixes "
     "suppressed there"},
    {"rules", T::kRules,
     "per rule (code or name): severity error|warning|note|off (any but off also selects it), and options"},
    {"failOn", T::kEnum, "lowest severity that makes the exit status 1", {}, kFailOn},
}};

}  // namespace

std::span<const Field> config_fields() {
  return kTop;
}

}  // namespace netlint::config
