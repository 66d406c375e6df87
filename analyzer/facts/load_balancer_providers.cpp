// The provider tables: one per product, each citing its source. "Addendum" is
// knowledge/domain-addendum.md, "domain" knowledge/domain.md. Where the addendum marks a fact
// [unverified], the table makes no claim (unknown, no default, no ignored entry) and says so.
#include "analyzer/facts/load_balancer_providers.h"

#include <array>
#include <limits>

namespace netlint::facts::lb {
namespace {

using std::string_view_literals::operator""sv;
constexpr std::int64_t kNoMax = std::numeric_limits<std::int64_t>::max();

// ---- AWS (addendum 1.1 in-tree / cloud-provider-aws, 1.2 AWS Load Balancer Controller) --------

#define AWS "service.beta.kubernetes.io/aws-load-balancer-"

// CLB backend protocols (addendum 1.1 "Valid backend-protocol values: http|https|ssl|tcp"); the
// listener rule that turns them into L4/L7 per port is KindModel::kAwsClb.
constexpr std::array kAwsBackendProtocols = {
    Value{.text = "http", .kind = LbKind::kL7}, Value{.text = "https", .kind = LbKind::kL7},
    Value{.text = "ssl", .kind = LbKind::kL4}, Value{.text = "tcp", .kind = LbKind::kL4}};
// Section 2: the CLB sends PROXY v1 with `"*"`, anything else is an error.
constexpr std::array kClbProxy = {Value{.text = "*", .proxy = Tristate::kTrue, .version = 1}};
// Addendum 1.2 / section 2: the LBC enables PROXY v2 with `"*"` only; it overrides the
// target-group attribute (so it comes first in the LBC table).
constexpr std::array kLbcProxy = {Value{.text = "*", .proxy = Tristate::kTrue, .version = 2}};
// Addendum 1.1: the in-tree NLB accepts exactly these two target-group attributes.
constexpr std::array kInTreeNlbAttributes = {"preserve_client_ip.enabled"sv, "proxy_protocol_v2.enabled"sv};

constexpr std::array kAwsClbAnnotations = {
    AnnotationSpec{.key = AWS "ssl-cert", .role = Role::kAwsCertificate},
    AnnotationSpec{.key = AWS "ssl-ports", .role = Role::kAwsSslPorts},
    AnnotationSpec{.key = AWS "backend-protocol",
                   .role = Role::kAwsBackendProtocol,
                   .values = kAwsBackendProtocols,
                   .exhaustive = true},
    AnnotationSpec{.key = AWS "proxy-protocol", .role = Role::kProxy, .values = kClbProxy, .exhaustive = true},
};
// Addendum 1.1: the CPA docs mark these NLB-only. (healthcheck-* is also listed there, but the
// CLB health check reads some of them too, so no claim is made for it.)
constexpr std::array kAwsClbIgnored = {
    IgnoredSpec{.key = AWS "eip-allocations", .reason = "nlb only: a classic ELB has no elastic IPs"},
    IgnoredSpec{.key = AWS "target-group-attributes", .reason = "nlb only: a classic ELB has no target groups"},
};
constexpr Product kAwsClb{
    .provider = LbProvider::kAwsClb,
    .kind_model = KindModel::kAwsClb,
    .annotations = kAwsClbAnnotations,
    // Addendum 1.1 / domain 2.6: seconds, default 60, 1..3600 verified (CloudFormation); the CPA
    // docs say 1..4000, so 3601..4000 is [unverified] and stays unknown.
    .idle = {.form = IdleForm::kSeconds,
             .key = AWS "connection-idle-timeout",
             .min = 1,
             .max = 3600,
             .unverified_max = 4000,
             .default_l4 = 60,
             .default_l7 = 60},
    .proxy_default = Tristate::kFalse,
    .ignored = kAwsClbIgnored,
};

constexpr std::array kAwsNlbAnnotations = {
    // Addendum 1.1: since cloud-provider-aws v1.34.0; older controllers ignore it. An unknown
    // version counts as the newest (RULES.md Conventions), so the claim carries the condition.
    AnnotationSpec{.key = AWS "target-group-attributes",
                   .role = Role::kProxyAttributes,
                   .version = 2,
                   .allowed_attributes = kInTreeNlbAttributes,
                   .condition = "needs cloud-provider-aws v1.34.0 or later; older controllers ignore it"},
};
// Addendum 1.1 and RULES.md NL6009: the NLB branch of EnsureLoadBalancer reads
// cross-zone-load-balancing-enabled and the access-log enabled/bucket annotations
// (aws_loadbalancer.go reconcileLBAttributes), and backend-protocol only as `ssl` on TLS
// listeners; it ignores the rest. A value that restates what the NLB does anyway (a tcp backend,
// the 350 s idle timeout, the target group's default 300 s deregistration delay, which is always
// on) asks for nothing, so it is not listed.
constexpr std::string_view kClbOnly = "classic ELB only: the in-tree NLB does not read it";
constexpr std::array kNlbIdleRestating = {"350"sv};
constexpr std::array kNlbHttpBackends = {"http"sv, "https"sv};
constexpr std::array kNlbDrainingOn = {"true"sv};
constexpr std::array kNlbDrainingDefault = {"300"sv};
constexpr std::array kClbProxyAsks = {"*"sv};
constexpr std::array kAwsNlbIgnored = {
    IgnoredSpec{.key = AWS "access-log-emit-interval", .reason = kClbOnly},
    IgnoredSpec{.key = AWS "backend-protocol",
                .reason = "the in-tree NLB reads it only as ssl on TLS listeners and never speaks HTTP to the backends",
                .only_values = kNlbHttpBackends},
    IgnoredSpec{.key = AWS "connection-draining-enabled",
                .reason = "classic ELB only: the in-tree NLB's target group always drains (300 s deregistration delay)",
                .restating_values = kNlbDrainingOn},
    IgnoredSpec{.key = AWS "connection-draining-timeout",
                .reason = "classic ELB only: the in-tree NLB's target group keeps its 300 s deregistration delay",
                .restating_values = kNlbDrainingDefault},
    IgnoredSpec{.key = AWS "connection-idle-timeout",
                .reason = "classic ELB only: the in-tree NLB keeps its 350 s idle timeout",
                .restating_values = kNlbIdleRestating},
    IgnoredSpec{.key = AWS "extra-security-groups", .reason = kClbOnly},
    IgnoredSpec{.key = AWS "proxy-protocol",
                .reason = "classic ELB only: on an NLB use target-group-attributes proxy_protocol_v2.enabled=true",
                .only_values = kClbProxyAsks,
                .unless_proxy_enabled = true},
};
constexpr Product kAwsNlb{
    .provider = LbProvider::kAwsNlb,
    .kind = LbKind::kL4,  // addendum 1.1/1.2: an NLB is always L4
    .annotations = kAwsNlbAnnotations,
    // Addendum 1.1: no idle-timeout annotation in-tree; domain 2.6: NLB TCP listener default 350 s.
    .idle = {.default_l4 = 350},
    .proxy_default = Tristate::kFalse,
    .ignored = kAwsNlbIgnored,
};

constexpr std::array kAwsLbcAnnotations = {
    AnnotationSpec{.key = AWS "proxy-protocol", .role = Role::kProxy, .values = kLbcProxy, .exhaustive = true},
    AnnotationSpec{.key = AWS "target-group-attributes", .role = Role::kProxyAttributes, .version = 2},
};
// Addendum 1.2: not in the LBC annotation table [inference from the table].
constexpr std::array kAwsLbcIgnored = {
    IgnoredSpec{.key = AWS "connection-idle-timeout",
                .reason = "not read by the AWS Load Balancer Controller: use listener-attributes "
                          "tcp.idle_timeout.seconds",
                .restating_values = kNlbIdleRestating},
};
constexpr Product kAwsLbcNlb{
    .provider = LbProvider::kAwsLbcNlb,
    .kind = LbKind::kL4,  // addendum 1.2: always an NLB; no HTTP backend protocol
    .annotations = kAwsLbcAnnotations,
    // Addendum 1.2 / domain 2.6: per listener, 60..6000 s, default 350.
    .idle = {.form = IdleForm::kListenerAttribute,
             .key = AWS "listener-attributes.",
             .attribute = "tcp.idle_timeout.seconds",
             .min = 60,
             .max = 6000,
             .default_l4 = 350},
    .proxy_default = Tristate::kFalse,
    .ignored = kAwsLbcIgnored,
};

constexpr std::array kAwsPrefixes = {AWS ""sv};
constexpr std::array kAwsTypes = {TypeValue{"nlb", &kAwsNlb}, TypeValue{"external", &kAwsLbcNlb},
                                  TypeValue{"nlb-ip", &kAwsLbcNlb}};

// ---- GCP / GKE (addendum 1.3) --------------------------------------------------------------------
// Services always get passthrough Network LBs (L4); they do not change packets and offer no PROXY
// protocol. The legacy `cloud.google.com/load-balancer-type` is [unverified] and not used to
// detect GKE. No idle timeout is documented for the passthrough LB (domain 2.6).
constexpr Product kGcp{.provider = LbProvider::kGcp, .kind = LbKind::kL4, .proxy_default = Tristate::kFalse};
constexpr std::array kGcpPrefixes = {"networking.gke.io/load-balancer-type"sv, "cloud.google.com/l4-rbs"sv};

// ---- Azure (addendum 1.4, domain 2.6) -------------------------------------------------------------
#define AZURE "service.beta.kubernetes.io/azure-"
constexpr std::array kAzurePlsProxy = {Value{.text = "true", .proxy = Tristate::kTrue},
                                       Value{.text = "false", .proxy = Tristate::kFalse}};
constexpr std::array kAzureAnnotations = {
    // The LB itself never sends PROXY; a Private Link Service created for the Service can. The
    // version is "likely v2" in the addendum, so it stays 0.
    AnnotationSpec{.key = AZURE "pls-proxy-protocol",
                   .role = Role::kProxy,
                   .values = kAzurePlsProxy,
                   .condition = "only on connections through the private link service",
                   .requires_key = AZURE "pls-create",
                   .requires_value = "true"},
};
constexpr Product kAzure{
    .provider = LbProvider::kAzure,
    .kind = LbKind::kL4,
    .annotations = kAzureAnnotations,
    // Minutes. The legacy provider accepted 4..30 (verified); newer ranges up to 100 are
    // [unverified] and stay unknown. Default 4 minutes (domain 2.6).
    .idle = {.form = IdleForm::kMinutes,
             .key = AZURE "load-balancer-tcp-idle-timeout",
             .min = 4,
             .max = 30,
             .unverified_max = 100,
             .default_l4 = 240},
    .proxy_default = Tristate::kFalse,
};
constexpr std::array kAzurePrefixes = {AZURE ""sv};

// ---- DigitalOcean (addendum 1.5) ----------------------------------------------------------------
#define DO "service.beta.kubernetes.io/do-loadbalancer-"
constexpr std::array kDoProtocols = {
    Value{.text = "tcp", .kind = LbKind::kL4}, Value{.text = "http", .kind = LbKind::kL7},
    Value{.text = "https", .kind = LbKind::kL7, .tls = true}, Value{.text = "http2", .kind = LbKind::kL7, .tls = true},
    Value{.text = "http3", .kind = LbKind::kL7, .tls = true}};
constexpr std::array kDoProxy = {Value{.text = "true", .proxy = Tristate::kTrue, .version = 1},
                                 Value{.text = "false", .proxy = Tristate::kFalse}};
constexpr std::array kDoAnnotations = {
    AnnotationSpec{.key = DO "protocol", .role = Role::kProtocol},
    AnnotationSpec{.key = DO "http-ports", .role = Role::kPortProtocolList, .protocol = "http"},
    AnnotationSpec{.key = DO "tls-ports", .role = Role::kPortProtocolList, .protocol = "https"},
    AnnotationSpec{.key = DO "http2-ports", .role = Role::kPortProtocolList, .protocol = "http2"},
    AnnotationSpec{.key = DO "http3-port", .role = Role::kPortProtocolList, .protocol = "http3"},
    AnnotationSpec{.key = DO "tls-passthrough", .role = Role::kTlsPassthrough},
    AnnotationSpec{.key = DO "enable-proxy-protocol", .role = Role::kProxy, .values = kDoProxy},  // section 2: v1
    // "Only with it does the LB pool upstream connections" [inference in the addendum].
    AnnotationSpec{.key = DO "enable-backend-keepalive", .role = Role::kBackendKeepalive},
};
constexpr Product kDigitalOcean{
    .provider = LbProvider::kDigitalOcean,
    .kind_model = KindModel::kProtocol,
    .protocols = kDoProtocols,
    .default_protocol = "tcp",
    .pooling = PoolingModel::kBackendKeepalive,
    .annotations = kDoAnnotations,
    // Seconds, default 60 in HTTP modes. The range 30..600 is [unverified] (values outside stay
    // unknown) and whether it applies to TCP mode is [unverified] (unknown there).
    .idle = {.form = IdleForm::kSeconds,
             .key = DO "http-idle-timeout-seconds",
             .min = 30,
             .max = 600,
             .range_verified = false,
             .default_l7 = 60,
             .l7_only = true},
    .proxy_default = Tristate::kFalse,
};
// REGIONAL_NETWORK: a network LB (L4). Whether the PROXY and idle annotations apply to it is not
// documented, so both stay unknown.
constexpr Product kDigitalOceanNetwork{.provider = LbProvider::kDigitalOcean, .kind = LbKind::kL4};
constexpr std::array kDoPrefixes = {DO ""sv};
constexpr std::array kDoTypes = {TypeValue{"REGIONAL", &kDigitalOcean},
                                 TypeValue{"REGIONAL_NETWORK", &kDigitalOceanNetwork}};

// ---- Hetzner Cloud (addendum 1.6) -----------------------------------------------------------------
#define HCLOUD "load-balancer.hetzner.cloud/"
constexpr std::array kHetznerProtocols = {Value{.text = "tcp", .kind = LbKind::kL4},
                                          Value{.text = "http", .kind = LbKind::kL7},
                                          Value{.text = "https", .kind = LbKind::kL7, .tls = true}};
constexpr std::array kHetznerAnnotations = {
    AnnotationSpec{.key = HCLOUD "protocol", .role = Role::kProtocol},
    // Section 2: a bool; the PROXY version is [unverified] (0).
    AnnotationSpec{.key = HCLOUD "uses-proxyprotocol", .role = Role::kGoBoolProxy},
};
constexpr std::array kHetznerIgnored = {
    IgnoredSpec{.key = HCLOUD "http-",
                .prefix = true,
                .when = IgnoreWhen::kNotL7,
                .reason = "read only when protocol is http or https"},
    IgnoredSpec{.key = HCLOUD "certificate-type",
                .when = IgnoreWhen::kNotL7,
                .reason = "read only when protocol is http or https"},
};
constexpr Product kHetzner{
    .provider = LbProvider::kHetzner,
    .kind_model = KindModel::kProtocol,
    .protocols = kHetznerProtocols,
    .default_protocol = "tcp",
    .annotations = kHetznerAnnotations,
    .idle = {},  // no idle-timeout annotation and no documented default
    .proxy_default = Tristate::kFalse,
    .ignored = kHetznerIgnored,
};
constexpr std::array kHetznerPrefixes = {HCLOUD ""sv};

// ---- Scaleway (addendum 1.7) ------------------------------------------------------------------------
#define SCW "service.beta.kubernetes.io/scw-loadbalancer-"
constexpr std::array kScalewayProtocols = {Value{.text = "tcp", .kind = LbKind::kL4},
                                           Value{.text = "http", .kind = LbKind::kL7}};
constexpr std::array kScalewayAnnotations = {
    AnnotationSpec{.key = SCW "protocol-http", .role = Role::kPortProtocolSelect, .protocol = "http"},
    AnnotationSpec{.key = SCW "proxy-protocol-v1", .role = Role::kProxyPorts, .version = 1},
    AnnotationSpec{.key = SCW "proxy-protocol-v2", .role = Role::kProxyPorts, .version = 2},
    // Four timeouts are documented (client, server, connect, tunnel inactivity), but not which
    // of them cuts an idle connection in each mode: the idle timeout stays unknown. They are
    // still checked as Go durations.
    AnnotationSpec{.key = SCW "timeout-client", .role = Role::kGoDuration},
    AnnotationSpec{.key = SCW "timeout-server", .role = Role::kGoDuration},
    AnnotationSpec{.key = SCW "timeout-connect", .role = Role::kGoDuration},
    AnnotationSpec{.key = SCW "timeout-tunnel", .role = Role::kGoDuration},
};
constexpr Product kScaleway{
    .provider = LbProvider::kScaleway,
    .kind_model = KindModel::kProtocol,
    .protocols = kScalewayProtocols,
    .default_protocol = "tcp",
    .annotations = kScalewayAnnotations,
    .proxy_default = Tristate::kFalse,
};
constexpr std::array kScalewayPrefixes = {SCW ""sv};

// ---- Linode / Akamai (addendum 1.8) -------------------------------------------------------------------
#define LINODE "service.beta.kubernetes.io/linode-loadbalancer-"
constexpr std::array kLinodeProtocols = {
    Value{.text = "tcp", .kind = LbKind::kL4}, Value{.text = "udp", .kind = LbKind::kL4},
    Value{.text = "http", .kind = LbKind::kL7}, Value{.text = "https", .kind = LbKind::kL7, .tls = true}};
constexpr std::array kLinodeProxy = {Value{.text = "none", .proxy = Tristate::kFalse},
                                     Value{.text = "v1", .proxy = Tristate::kTrue, .version = 1},
                                     Value{.text = "v2", .proxy = Tristate::kTrue, .version = 2}};
constexpr std::array kLinodeAnnotations = {
    AnnotationSpec{.key = LINODE "default-protocol", .role = Role::kProtocol},
    // Per port: {"protocol": ..., "proxy-protocol": ...}; read with kLinodeProxy.
    AnnotationSpec{.key = LINODE "port-", .role = Role::kPortConfig, .values = kLinodeProxy},
    AnnotationSpec{.key = LINODE "default-proxy-protocol", .role = Role::kProxy, .values = kLinodeProxy},
    // Deprecated, "scheduled removal Q4 2021": whether it is still read is not known.
    AnnotationSpec{.key = LINODE "proxy-protocol", .role = Role::kProxyUnknown},
};
constexpr Product kLinode{
    .provider = LbProvider::kLinode,
    .kind_model = KindModel::kProtocol,
    .protocols = kLinodeProtocols,
    .default_protocol = "tcp",
    .annotations = kLinodeAnnotations,
    .idle = {},  // no idle-timeout annotation and no documented default
    .proxy_default = Tristate::kFalse,
};
constexpr std::array kLinodePrefixes = {LINODE ""sv};

// ---- Oracle OCI (addendum 1.9) ----------------------------------------------------------------------
#define OCI "service.beta.kubernetes.io/oci-load-balancer-"
constexpr std::array kOciProtocols = {Value{.text = "TCP", .kind = LbKind::kL4},
                                      Value{.text = "HTTP", .kind = LbKind::kL7}};
constexpr std::array kOciProxy = {Value{.text = "1", .proxy = Tristate::kTrue, .version = 1},
                                  Value{.text = "2", .proxy = Tristate::kTrue, .version = 2}};
constexpr std::array kOciAnnotations = {
    AnnotationSpec{.key = OCI "backend-protocol", .role = Role::kProtocol},
    AnnotationSpec{.key = OCI "connection-proxy-protocol-version", .role = Role::kProxy, .values = kOciProxy},
};
// `oci.oraclecloud.com/load-balancer-type: lb`: the flexible LB, a proxy.
constexpr Product kOciLb{
    .provider = LbProvider::kOci,
    .kind_model = KindModel::kProtocol,
    .protocols = kOciProtocols,
    .default_protocol = "TCP",
    .annotations = kOciAnnotations,
    // Seconds; default 300 for TCP listeners, 60 for HTTP. No range is documented.
    .idle = {.form = IdleForm::kSeconds,
             .key = OCI "connection-idle-timeout",
             .min = 1,
             .max = kNoMax,
             .default_l4 = 300,
             .default_l7 = 60},
    .proxy_default = Tristate::kFalse,
};
// No type written: `lb` as the default is [unverified], so the product may be the LB or the NLB.
// Both are L4 with a TCP backend protocol (the documented default); HTTP would be L7 only on the
// LB, so it is unknown. Idle timeout and PROXY differ between the two: unknown.
constexpr std::array kOciUnwrittenProtocols = {Value{.text = "TCP", .kind = LbKind::kL4},
                                               Value{.text = "HTTP", .kind = LbKind::kUnknown}};
constexpr std::array kOciUnwrittenAnnotations = {
    AnnotationSpec{.key = OCI "backend-protocol", .role = Role::kProtocol},
};
constexpr Product kOciUnwritten{
    .provider = LbProvider::kOci,
    .kind_model = KindModel::kProtocol,
    .protocols = kOciUnwrittenProtocols,
    .default_protocol = "TCP",
    .annotations = kOciUnwrittenAnnotations,
};
// `nlb`: the Network LB, L4 pass-through. Its PROXY and idle settings are not in the addendum.
constexpr Product kOciNlb{.provider = LbProvider::kOciNlb, .kind = LbKind::kL4};
constexpr std::array kOciPrefixes = {OCI ""sv, "oci.oraclecloud.com/"sv,
                                     "oci-network-load-balancer.oraclecloud.com/"sv};
constexpr std::array kOciTypes = {TypeValue{"lb", &kOciLb}, TypeValue{"nlb", &kOciNlb}};

// ---- Exoscale (addendum 1.11): semantics [unverified]: provider only ---------------------------------
constexpr Product kExoscale{.provider = LbProvider::kExoscale};
constexpr std::array kExoscalePrefixes = {"service.beta.kubernetes.io/exoscale-loadbalancer-"sv};

// ---- MetalLB (addendum 1.10) ------------------------------------------------------------------------
// L4 pass-through (addendum section 1). "No idle timeout of its own and no PROXY protocol" is
// [unverified]: both stay unknown. Annotation prefixes: MetalLB's Service annotations
// (`metallb.universe.tf/address-pool`, newer `metallb.io/address-pool`; docs.okd.io
// networking/metallb/metallb-configure-services).
constexpr Product kMetalLb{.provider = LbProvider::kMetalLb, .kind = LbKind::kL4};
constexpr std::array kMetalLbPrefixes = {"metallb.universe.tf/"sv, "metallb.io/"sv};

#undef AWS
#undef AZURE
#undef DO
#undef HCLOUD
#undef SCW
#undef LINODE
#undef OCI

const std::array kFamilies = {
    // Addendum 1.1: missing or empty type -> CLB; `nlb` exactly -> NLB; `external`/`nlb-ip` -> the
    // LBC; any other value is not `nlb`, so the in-tree controller creates a CLB.
    Family{.name = "aws",
           .provider = LbProvider::kAwsClb,
           .prefixes = kAwsPrefixes,
           .type_key = "service.beta.kubernetes.io/aws-load-balancer-type",
           .types = kAwsTypes,
           .unwritten = &kAwsClb,
           .other = &kAwsClb,
           .other_problem = "aws-load-balancer-type \"{}\" is not nlb, external or nlb-ip: the in-tree "
                            "controller creates a classic ELB"},
    Family{.name = "gcp", .provider = LbProvider::kGcp, .prefixes = kGcpPrefixes, .unwritten = &kGcp},
    Family{.name = "azure", .provider = LbProvider::kAzure, .prefixes = kAzurePrefixes, .unwritten = &kAzure},
    // Addendum 1.5: REGIONAL (default) or REGIONAL_NETWORK; other values: unknown product.
    Family{.name = "digitalocean",
           .provider = LbProvider::kDigitalOcean,
           .prefixes = kDoPrefixes,
           .type_key = "service.beta.kubernetes.io/do-loadbalancer-type",
           .types = kDoTypes,
           .unwritten = &kDigitalOcean},
    Family{.name = "hetzner", .provider = LbProvider::kHetzner, .prefixes = kHetznerPrefixes, .unwritten = &kHetzner},
    Family{
        .name = "scaleway", .provider = LbProvider::kScaleway, .prefixes = kScalewayPrefixes, .unwritten = &kScaleway},
    Family{.name = "linode", .provider = LbProvider::kLinode, .prefixes = kLinodePrefixes, .unwritten = &kLinode},
    Family{.name = "oci",
           .provider = LbProvider::kOci,
           .prefixes = kOciPrefixes,
           .type_key = "oci.oraclecloud.com/load-balancer-type",
           .types = kOciTypes,
           .unwritten = &kOciUnwritten},
    Family{
        .name = "exoscale", .provider = LbProvider::kExoscale, .prefixes = kExoscalePrefixes, .unwritten = &kExoscale},
    Family{.name = "metallb", .provider = LbProvider::kMetalLb, .prefixes = kMetalLbPrefixes, .unwritten = &kMetalLb},
};

// spec.loadBalancerClass: the built-in cloud controller skips Services that set it; only these
// classes are known. `service.k8s.aws/nlb` is [unverified] in addendum 1.2; it is accepted because
// the LBC documentation (kubernetes-sigs.github.io/aws-load-balancer-controller, guide/service/nlb)
// names it and a Service naming it is handled by nothing else. GKE: addendum 1.3.
const std::array kClasses = {
    LoadBalancerClass{"service.k8s.aws/nlb", &kAwsLbcNlb},
    LoadBalancerClass{"networking.gke.io/l4-regional-internal", &kGcp},
};

}  // namespace

std::span<const Family> families() {
  return kFamilies;
}
std::span<const LoadBalancerClass> load_balancer_classes() {
  return kClasses;
}

}  // namespace netlint::facts::lb
