#include "rules/coredns/plugin_table.h"

#include <algorithm>

// The table is sparse: most plugins and options name only the fields that apply to them.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace netlint::rules::coredns {
namespace {

// Option lists, one per plugin with a checked block (knowledge/domain.md 1.3 and the plugin
// READMEs of CoreDNS 1.14.7); lifecycles from corefile-migration (domain.md 1.4).
constexpr OptionSpec kKubernetes[] = {
    {"endpoint", "URL..."},
    {"tls", "FILE FILE FILE"},
    {"kubeconfig", "FILE [STRING]", {.since = "1.2.3"}},
    {"apiserver_qps", "INT(0..)"},
    {"apiserver_burst", "INT(0..)"},
    {"apiserver_max_inflight", "INT(0..)"},
    {"namespaces", "STRING..."},
    {"namespace_labels", "STRING..."},
    {"labels", "STRING..."},
    {"pods", "disabled|insecure|verified"},
    {"endpoint_pod_names", ""},
    {"ttl", "INT(0..3600)"},
    {"noendpoints", ""},
    {"fallthrough", "[ZONE...]"},
    {"ignore", "empty_service"},
    {"multicluster", "[ZONE...]"},
    {"zonal", ""},
    {"startup_timeout", "DURATION"},
    {"upstream",
     "[STRING...]",
     {.deprecated = "1.4.0", .ignored = "1.5.0", .removed = "1.7.0", .replacement = "nothing: delete the line"}},
    {"resyncperiod",
     "DURATION",
     {.deprecated = "1.5.0", .ignored = "1.6.0", .removed = "1.7.0", .replacement = "nothing: delete the line"}},
    {"transfer", "STRING...", {.removed = "1.8.0", .replacement = "the transfer plugin"}},
};

constexpr OptionSpec kForward[] = {
    {"except", "ZONE..."},
    {"force_tcp", ""},
    {"prefer_udp", "", {.since = "1.2.0"}},
    {"expire", "DURATION"},
    {"max_age", "DURATION"},
    {"max_idle_conns", "INT(0..)"},
    {"read_timeout", "DURATION"},
    {"max_fails", "INT(0..)"},
    {"max_connect_attempts", "INT(0..)"},
    {"health_check", "DURATION [no_rec] [STRING...]"},
    {"policy", "random|round_robin|sequential"},
    {"max_concurrent", "INT(0..)", {.since = "1.7.0"}},
    {"doh_method", "GET|POST"},
    {"tls", "[FILE...]"},
    {"tls_servername", "STRING"},
    {"next", "STRING...", {.since = "1.11.4"}},
    {"failfast_all_unhealthy_upstreams", "", {.since = "1.12.0"}},
    {"failover", "STRING..."},
    {"source_address", "IP"},
    {"resolver", "STRING..."},
};

constexpr OptionSpec kCache[] = {
    {"success", "INT [INT] [INT]"},
    {"denial", "INT [INT] [INT]"},
    {"prefetch", "INT [DURATION] [PERCENT(10..90)]"},
    {"serve_stale", "[DURATION] [immediate|verify]"},
    {"serve_stale_policy", "prefer_positive"},
    {"servfail", "DURATION(..5m)", {.since = "1.9.4"}},
    {"disable", "success|denial [ZONE...]", {.since = "1.9.4"}},
    {"keepttl", "", {.since = "1.10.1"}},
};

// lameduck: commit c39e5cd "plugin/health: add lameduck mode" (February 2018), first released in 1.0.6.
constexpr OptionSpec kHealth[] = {{"lameduck", "DURATION", {.since = "1.0.6"}}};
constexpr OptionSpec kReady[] = {{"monitor", "until-ready|continuously"}};
constexpr OptionSpec kPrometheus[] = {{"runtime_metrics", ""}};
constexpr OptionSpec kErrors[] = {
    {"stacktrace", "", {.since = "1.9.4"}},
    {"consolidate", "DURATION STRING [warning|error|info|debug] [show_first]", {.since = "1.2.6"}},
};
constexpr OptionSpec kLog[] = {{"class", "success|denial|error|all..."}};
constexpr OptionSpec kLoadbalance[] = {{"reload", "DURATION"}, {"prefer", "CIDR..."}};
constexpr OptionSpec kHosts[] = {
    {"ttl", "INT(0..)"},
    {"no_reverse", ""},
    {"reload", "DURATION"},
    {"fallthrough", "[ZONE...]"},
    {"fallthrough_unsupported", ""},
};
constexpr OptionSpec kBind[] = {{"except", "STRING..."}};
constexpr OptionSpec kTimeouts[] = {{"read", "DURATION"}, {"write", "DURATION"}, {"idle", "DURATION"}};
constexpr OptionSpec kPprof[] = {{"block", "[INT]"}};
constexpr OptionSpec kTransfer[] = {{"to", "STRING..."}};
constexpr OptionSpec kView[] = {{"expr", "STRING..."}};
constexpr OptionSpec kTls[] = {{"client_auth", "nocert|request|require|verify_if_given|require_and_verify"}};
constexpr OptionSpec kDnssec[] = {{"key", "STRING..."}, {"cache_capacity", "INT(0..)"}};
constexpr OptionSpec kFile[] = {{"reload", "DURATION"}};
constexpr OptionSpec kAcl[] = {
    {"allow", "[STRING...]"}, {"block", "[STRING...]"}, {"filter", "[STRING...]"}, {"drop", "[STRING...]"}};

// Sorted by name (find_plugin uses a binary search; the test checks the order).
constexpr PluginSpec kPlugins[] = {
    {.name = "acl", .args = "[ZONE...]", .options = kAcl},
    {.name = "any", .args = ""},
    {.name = "auto", .args = "[ZONE...]", .free_block = true},
    {.name = "autopath", .args = "STRING..."},
    {.name = "azure", .args = "STRING...", .free_block = true},
    {.name = "bind", .args = "STRING...", .options = kBind},
    {.name = "bufsize", .args = "[INT(512..4096)]"},
    {.name = "cache", .args = "[INT] [ZONE...]", .once = true, .options = kCache},
    {.name = "cancel", .args = "[DURATION]"},
    {.name = "chaos", .args = "[STRING...]"},
    {.name = "clouddns", .args = "STRING...", .free_block = true},
    {.name = "debug", .args = ""},
    {.name = "dns64", .args = "[CIDR]", .free_block = true},
    {.name = "dnssec", .args = "[ZONE...]", .once = true, .options = kDnssec},
    {.name = "dnstap", .args = "STRING [STRING...]", .free_block = true},
    {.name = "erratic", .args = "", .free_block = true},
    {.name = "errors", .args = "[FILE]", .once = true, .options = kErrors},
    {.name = "etcd", .args = "[ZONE...]", .free_block = true},
    {.name = "federation",
     .args = "[STRING...]",
     .free_block = true,
     .life = {.deprecated = "1.6.0",
              .removed = "1.7.0",
              .replacement = "nothing: federation is gone from Kubernetes; delete the plugin"}},
    {.name = "file", .args = "FILE [ZONE...]", .options = kFile},
    {.name = "forward", .args = "ZONE STRING...", .options = kForward},
    {.name = "geoip", .args = "FILE", .free_block = true},
    {.name = "grpc", .args = "ZONE STRING...", .once = true, .free_block = true},
    {.name = "grpc_server", .args = "", .free_block = true},
    {.name = "header", .args = "", .free_block = true},
    {.name = "health", .args = "[ADDR]", .options = kHealth},
    {.name = "hosts", .args = "[FILE] [ZONE...]", .once = true, .options = kHosts, .inline_hosts = true},
    {.name = "https", .args = "", .free_block = true},
    {.name = "https3", .args = "", .free_block = true},
    {.name = "k8s_external", .args = "[ZONE...]", .free_block = true},
    {.name = "kubernetes", .args = "[ZONE...]", .once = true, .options = kKubernetes},
    {.name = "loadbalance", .args = "[round_robin|weighted] [FILE]", .options = kLoadbalance},
    {.name = "local", .args = ""},
    {.name = "log", .args = "[STRING...]", .options = kLog},
    {.name = "loop", .args = "", .once = true},
    {.name = "metadata", .args = "[ZONE...]"},
    {.name = "minimal", .args = ""},
    {.name = "multisocket", .args = "[INT(1..)]"},
    {.name = "nomad", .args = "[ZONE...]", .free_block = true},
    {.name = "nsid", .args = "[STRING...]", .once = true},
    {.name = "on", .args = "STRING...", .free_block = true},
    {.name = "pprof", .args = "[ADDR]", .once = true, .options = kPprof},
    {.name = "prometheus", .args = "[ADDR]", .once = true, .options = kPrometheus},
    {.name = "proxy",
     .args = "ZONE STRING...",
     .free_block = true,
     .life = {.deprecated = "1.4.0", .removed = "1.5.0", .replacement = "forward"}},
    {.name = "proxyproto", .args = "", .free_block = true},
    {.name = "quic", .args = "", .free_block = true},
    {.name = "ready", .args = "[ADDR]", .once = true, .options = kReady, .life = {.since = "1.5.0"}},
    {.name = "reload", .args = "[DURATION(2s..)] [DURATION(1s..)]"},
    {.name = "reverse",
     .args = "[STRING...]",
     .free_block = true,
     .life = {.deprecated = "1.1.3",
              .ignored = "1.1.4",
              .removed = "1.2.0",
              .replacement = "the kubernetes plugin's reverse zones or the template plugin"}},
    {.name = "rewrite", .args = "[STRING...]", .free_block = true},
    {.name = "root", .args = "FILE"},
    {.name = "route53", .args = "STRING...", .free_block = true},
    {.name = "secondary", .args = "[ZONE...]", .free_block = true},
    {.name = "shed", .args = "", .once = true, .free_block = true},
    {.name = "shutdown",
     .args = "[STRING...]",
     .free_block = true,
     .life = {.deprecated = "1.0.6", .removed = "1.1.0", .replacement = "the on plugin (on shutdown)"}},
    {.name = "sign", .args = "FILE [ZONE...]", .free_block = true},
    {.name = "startup",
     .args = "[STRING...]",
     .free_block = true,
     .life = {.deprecated = "1.0.6", .removed = "1.1.0", .replacement = "the on plugin (on startup)"}},
    {.name = "template", .args = "STRING...", .free_block = true},
    {.name = "timeouts", .args = "", .options = kTimeouts},
    {.name = "tls", .args = "FILE FILE [FILE]", .options = kTls},
    {.name = "trace", .args = "[STRING...]", .free_block = true},
    {.name = "transfer", .args = "[ZONE...]", .options = kTransfer},
    {.name = "tsig", .args = "[ZONE...]", .once = true, .free_block = true},
    {.name = "view", .args = "STRING", .once = true, .options = kView},
    {.name = "whoami", .args = ""},
};

bool reached(std::string_view at, const facts::Version& version) {
  if (at.empty()) return false;
  const auto v = facts::parse_version(at);
  return v && version >= *v;
}

}  // namespace

std::span<const PluginSpec> plugins() {
  return kPlugins;
}

const PluginSpec* find_plugin(std::string_view name) {
  const auto* it = std::lower_bound(std::begin(kPlugins), std::end(kPlugins), name,
                                    [](const PluginSpec& p, std::string_view n) { return p.name < n; });
  return it != std::end(kPlugins) && it->name == name ? it : nullptr;
}

const OptionSpec* find_option(const PluginSpec& plugin, std::string_view name) {
  for (const OptionSpec& o : plugin.options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

Status status_at(const Lifecycle& life, const facts::Version& version) {
  if (!life.since.empty() && !reached(life.since, version)) return Status::kUnknownYet;
  if (reached(life.removed, version)) return Status::kRemoved;
  if (reached(life.ignored, version)) return Status::kIgnored;
  if (reached(life.deprecated, version)) return Status::kDeprecated;
  return Status::kCurrent;
}

bool option_available(std::string_view plugin, std::string_view option, const facts::Version& version) {
  const PluginSpec* p = find_plugin(plugin);
  if (p == nullptr) return true;
  const Status plugin_status = status_at(p->life, version);
  if (plugin_status == Status::kUnknownYet || plugin_status == Status::kRemoved || plugin_status == Status::kIgnored)
    return false;
  const OptionSpec* o = find_option(*p, option);
  if (o == nullptr) return true;
  const Status status = status_at(o->life, version);
  return status == Status::kCurrent || status == Status::kDeprecated;
}

}  // namespace netlint::rules::coredns
