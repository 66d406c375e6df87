// .netlint.yaml: validated in full, with positions and did-you-mean for every unknown key.
#include <doctest/doctest.h>

#include "analyzer/config/config.h"

namespace netlint::config {
namespace {

constexpr diag::RuleOption kOptions[] = {{"maxSeconds", "integer", "10", "bound"}};
constexpr diag::RuleInfo kTypo{
    .code = "NL1001", .name = "service-selector-typo", .severity = diag::Severity::kError, .summary = "s", .doc = ""};
constexpr diag::RuleInfo kCache{.code = "NL4105",
                                .name = "coredns-negative-cache-long",
                                .severity = diag::Severity::kNote,
                                .summary = "s",
                                .doc = "",
                                .options = kOptions};
const diag::RuleInfo* const kRules[] = {&kTypo, &kCache};

LoadedConfig parse(const std::string& text) {
  return parse_config("dir/.netlint.yaml", text, kRules);
}

std::string errors_of(const LoadedConfig& loaded) {
  std::string out;
  for (const ConfigError& e : loaded.errors)
    out += std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("config: the RULES.md example is valid and read") {
  const LoadedConfig loaded = parse(R"(
clusters:
  prod:
    paths: ["deploy/overlays/prod/**", "platform/**"]
    cluster: {podCIDRs: [10.44.0.0/16]}
cluster:
  domain: cluster.local
  cni: auto
  podCIDRs: [10.244.0.0/16]
  serviceCIDRs: [10.96.0.0/12, "fd00::/108"]
  nodeCIDRs: [192.168.1.0/24]
  nodeMTU: 1500
  nodeSearchDomains: []
  nodePortRange: 30000-32767
  kubernetesVersion: "1.33"
  networkPolicyEnforced: true
  dns: {namespace: kube-system, podLabels: {k8s-app: kube-dns}, port: 53}
  ingressControllers:
    - class: nginx
      namespace: ingress-nginx
      podLabels: {app.kubernetes.io/name: ingress-nginx}
      loadBalancer: {kind: l7, idleTimeout: 60s, proxyProtocol: false}
  scale: {services: 12000}
include: ["deploy/**", "platform/**"]
exclude: ["**/testdata/**"]
rules:
  NL4105: {severity: off, maxSeconds: 30}
  service-selector-typo: {severity: warning}
failOn: warning
)");
  CHECK_MESSAGE(loaded.errors.empty(), errors_of(loaded));
  REQUIRE(loaded.config);
  const Config& c = *loaded.config;
  CHECK(c.directory == "dir");
  CHECK(c.include == std::vector<std::string>{"deploy/**", "platform/**"});
  CHECK(c.exclude == std::vector<std::string>{"**/testdata/**"});
  CHECK(c.fail_on == "warning");
  CHECK(c.rules.at("NL4105").off);
  CHECK(c.rules.at("NL4105").options.at("maxSeconds") == "30");
  CHECK(c.rules.at("NL1001").severity == diag::Severity::kWarning);  // by name, stored by code
  REQUIRE(c.cluster.domain);
  CHECK(c.cluster.domain->value == "cluster.local");
  CHECK(c.clusters.count("prod") == 1);
}

TEST_CASE("config: cluster settings are read once into typed values that keep their key's range") {
  const std::string text =
      "cluster:\n"
      "  applyNamespace: shop\n"
      "  cni: auto\n"
      "  podCIDRs: [10.244.0.0/16, \"fd00::/56\"]\n"
      "  nodeBlockSize: {ipv4: 24}\n"
      "  nodePortRange: 30000-32000\n"
      "  networkPolicyEnforced: false\n"
      "  namespaces:\n"
      "  dns: {port: 5353}\n"
      "  ingressControllers: [{class: nginx, loadBalancer: {idleTimeout: 1m30s}}, {}]\n"
      "clusters:\n"
      "  prod: {paths: [\"overlays/prod/**\"], cluster: {domain: prod.local, scale: {services: 7}}}\n";
  const LoadedConfig loaded = parse(text);
  REQUIRE_MESSAGE(loaded.config, errors_of(loaded));
  const ClusterSettings& c = loaded.config->cluster;
  REQUIRE(c.apply_namespace);
  CHECK(c.apply_namespace->value == "shop");
  CHECK(text.substr(c.apply_namespace->range.begin, 4) == "shop");
  REQUIRE(c.cni);
  CHECK(c.cni->value == "auto");
  CHECK(text.substr(c.cni->key.begin, c.cni->key.end - c.cni->key.begin) == "cni");
  REQUIRE(c.pod_cidrs);
  REQUIRE(c.pod_cidrs->value.size() == 2);
  CHECK(c.pod_cidrs->value[1].value == "fd00::/56");
  REQUIRE(c.node_block_size);
  CHECK(c.node_block_size->value.ipv4->value == 24);
  CHECK(!c.node_block_size->value.ipv6);
  REQUIRE(c.node_port_range);
  CHECK(c.node_port_range->value.low == 30000);
  CHECK(c.node_port_range->value.high == 32000);
  REQUIRE(c.network_policy_enforced);
  CHECK(!c.network_policy_enforced->value);
  // Written without a value: present and empty, so it hides the global one in a cluster.
  REQUIRE(c.namespaces);
  CHECK(c.namespaces->value.open.empty());
  REQUIRE(c.dns);
  CHECK(c.dns->value.port == 5353);
  CHECK(!c.dns->value.namespace_name);
  REQUIRE(c.ingress_controllers);
  REQUIRE(c.ingress_controllers->value.size() == 2);
  CHECK(c.ingress_controllers->value[0].class_name == "nginx");
  CHECK(c.ingress_controllers->value[0].load_balancer->idle_timeout_seconds == 90);
  CHECK(!c.ingress_controllers->value[1].load_balancer);
  CHECK(!c.domain);
  CHECK(!c.kube_proxy);
  REQUIRE(loaded.config->clusters.count("prod") == 1);
  const ClusterView& prod = loaded.config->clusters.at("prod");
  CHECK(prod.paths == std::vector<std::string>{"overlays/prod/**"});
  REQUIRE(prod.cluster.domain);
  CHECK(prod.cluster.domain->value == "prod.local");
  REQUIRE(prod.cluster.scale_services);
  CHECK(prod.cluster.scale_services->value == 7);
}

TEST_CASE("config: nodePortRange is two ports, low before high") {
  CHECK(parse_port_range("1-65535").has_value());
  CHECK(!parse_port_range("0-10"));
  CHECK(!parse_port_range("20-10"));
  CHECK(!parse_port_range("1-65536"));
  CHECK(!parse_port_range("100000-200000"));
  CHECK(!parse_port_range("30000"));
  CHECK(!parse_port_range("+1-2"));
  CHECK(parse_port_range("03000-32767")->written == "03000-32767");
  CHECK(parse_port_range("03000-32767")->low == 3000);
}

TEST_CASE("config: unknown keys at any level are errors with position and did-you-mean") {
  const LoadedConfig loaded = parse(
      "rulse: {}\n"
      "cluster:\n"
      "  domian: cluster.local\n"
      "  dns: {namespce: kube-system}\n"
      "  ingressControllers:\n"
      "    - {clas: nginx}\n"
      "rules:\n"
      "  NL1010: {severity: off}\n"
      "  service-selector-typ: {severity: off}\n"
      "  NL4105: {maxSecond: 3, severity: fatal}\n");
  const std::string errors = errors_of(loaded);
  CHECK(!loaded.config);
  CHECK(errors.find("1:1 unknown key 'rulse' in the top level; did you mean 'rules'?") != std::string::npos);
  CHECK(errors.find("3:3 unknown key 'domian' in cluster; did you mean 'domain'?") != std::string::npos);
  CHECK(errors.find("4:9 unknown key 'namespce' in cluster.dns; did you mean 'namespace'?") != std::string::npos);
  CHECK(errors.find("6:8 unknown key 'clas' in cluster.ingressControllers[0]; did you mean 'class'?") !=
        std::string::npos);
  // Codes that differ only in digits are siblings, never typos: no suggestion.
  CHECK(errors.find("8:3 unknown rule 'NL1010' in rules\n") != std::string::npos);
  CHECK(errors.find("unknown rule 'service-selector-typ' in rules; did you mean 'service-selector-typo'?") !=
        std::string::npos);
  CHECK(errors.find(
            "unknown option 'maxSecond' of rule NL4105 coredns-negative-cache-long; did you mean 'maxSeconds'?") !=
        std::string::npos);
  CHECK(errors.find("rules.NL4105.severity must be one of error, warning, note or off") != std::string::npos);
}

TEST_CASE("config: values are type-checked") {
  const LoadedConfig loaded = parse(
      "cluster:\n"
      "  cni: flanel\n"
      "  podCIDRs: [10.244.0.0/33, banana]\n"
      "  nodeMTU: big\n"
      "  nodePortRange: 32767-30000\n"
      "  kubernetesVersion: 1.30\n"
      "  networkPolicyEnforced: maybe\n"
      "  ingressControllers: {class: nginx}\n"
      "  dns: {podLabels: {k8s-app: [a]}}\n"
      "failOn: sometimes\n"
      "include: deploy/**\n");
  const std::string errors = errors_of(loaded);
  CHECK(errors.find("cluster.cni must be one of") != std::string::npos);
  CHECK(errors.find("did you mean 'flannel'?") != std::string::npos);
  CHECK(errors.find("'10.244.0.0/33' is not a CIDR") != std::string::npos);
  CHECK(errors.find("'banana' is not a CIDR") != std::string::npos);
  CHECK(errors.find("cluster.nodeMTU must be an integer") != std::string::npos);
  CHECK(errors.find("cluster.nodePortRange must be a port range") != std::string::npos);
  CHECK(errors.find("cluster.kubernetesVersion is not a string in YAML; quote it: \"1.30\"") != std::string::npos);
  CHECK(errors.find("cluster.networkPolicyEnforced must be true or false") != std::string::npos);
  CHECK(errors.find("cluster.ingressControllers must be a list") != std::string::npos);
  CHECK(errors.find("label values must be strings") != std::string::npos);
  CHECK(errors.find("failOn must be one of error, warning, note or never") != std::string::npos);
  CHECK(errors.find("include must be a list") != std::string::npos);
}

TEST_CASE("config: the apply-time namespace and namespace states (RULES.md v3)") {
  const LoadedConfig good = parse(
      "cluster:\n"
      "  applyNamespace: shop\n"
      "  namespaces: {complete: [shop, \"~\"], open: [shared]}\n"
      "clusters:\n"
      "  prod: {paths: [\"prod/**\"], cluster: {applyNamespace: prod-shop}}\n");
  CHECK(errors_of(good).empty());
  const LoadedConfig bad = parse(
      "cluster:\n"
      "  applyNamespace: Shop\n"
      "  namespaces: {complete: [a, b], open: [b]}\n"
      "clusters:\n"
      "  prod: {paths: [\"prod/**\"], cluster: {namespaces: {complete: [x], open: [x]}}}\n");
  const std::string errors = errors_of(bad);
  CHECK(errors.find("cluster.applyNamespace 'Shop' is not a namespace name") != std::string::npos);
  CHECK(errors.find("namespace 'b' is listed both complete and open") != std::string::npos);
  CHECK(errors.find("namespace 'x' is listed both complete and open") != std::string::npos);
  CHECK(errors.find("'a'") == std::string::npos);
}

TEST_CASE("config: very long values are validated without a stack overflow") {
  // std::regex recursed once per character and crashed on these (issue 16).
  SUBCASE("a 20 KB duration") {
    const auto with_timeout = [](const std::string& timeout) {
      return "cluster:\n  ingressControllers:\n    - class: nginx\n      loadBalancer: {idleTimeout: " + timeout +
             "}\n";
    };
    std::string valid;
    for (int i = 0; i < 10000; ++i) valid += "1m";
    CHECK(errors_of(parse(with_timeout(valid))).empty());
    const std::string invalid = errors_of(parse(with_timeout(std::string(20000, '1') + "parsecs")));
    CHECK(invalid.find("cluster.ingressControllers[0].loadBalancer.idleTimeout must be a duration") !=
          std::string::npos);
  }
  SUBCASE("a 30,000-digit kubernetesVersion") {
    const std::string digits(30000, '7');
    const std::string plain = errors_of(parse("cluster:\n  kubernetesVersion: " + digits + "\n"));
    CHECK(plain.find("cluster.kubernetesVersion is not a string in YAML; quote it: \"" + digits + "\"") !=
          std::string::npos);
    CHECK(errors_of(parse("cluster:\n  kubernetesVersion: \"" + digits + "\"\n")).empty());
  }
}

TEST_CASE("config: durations are Go durations or whole seconds, never negative") {
  const auto errors_with = [](const std::string& timeout) {
    return errors_of(parse(
        "cluster:\n  ingressControllers:\n    - class: nginx\n      loadBalancer: {idleTimeout: " + timeout + "}\n"));
  };
  for (const std::string good :
       {"60s", "1m30s", "1.5h", ".5s", "1.s", "500ms", "0", "\"0\"", "+5s", "90", "2h45m0.5s"}) {
    CAPTURE(good);
    CHECK(errors_with(good).empty());
  }
  for (const std::string bad : {"-5s", "\"-0\"", "-1", "1e3s", "\"5\"", "5 s", "1d", "9999999h"}) {
    CAPTURE(bad);
    CHECK(errors_with(bad).find("idleTimeout must be a duration") != std::string::npos);
  }
}

TEST_CASE("config: broken YAML, several documents and duplicate keys are errors; empty is fine") {
  CHECK(errors_of(parse("rules: [\n")).find("invalid YAML") != std::string::npos);
  CHECK(errors_of(parse("failOn: error\n---\nfailOn: note\n")).find("one YAML document") != std::string::npos);
  CHECK(
      errors_of(parse("failOn: error\nfailOn: note\n")).find("duplicate key: mapping key \"failOn\" already defined") !=
      std::string::npos);
  const LoadedConfig empty = parse("# nothing configured\n");
  CHECK(empty.errors.empty());
  CHECK(empty.config);
}

TEST_CASE(
    "config: dual-stack keys (RULES.md Facts): one Service CIDR per family, block sizes per family, clusterDNS "
    "addresses") {
  const LoadedConfig ok = parse(
      "cluster:\n"
      "  serviceCIDRs: [10.96.0.0/12, \"fd00:10:96::/112\"]\n"
      "  podCIDRs: [10.244.0.0/16, 10.245.0.0/16, \"fd00:10:244::/56\"]\n"
      "  nodeBlockSize: {ipv4: 24, ipv6: 64}\n"
      "  clusterDNS: [169.254.20.10, 10.96.0.10]\n");
  CHECK(errors_of(ok).empty());
  const LoadedConfig bad = parse(
      "cluster:\n"
      "  serviceCIDRs: [10.96.0.0/12, 10.100.0.0/16]\n"
      "  nodeBlockSize: {ipv4: 33, ipv5: 64}\n"
      "  clusterDNS: [kube-dns]\n");
  const std::string errors = errors_of(bad);
  CHECK(errors.find("cluster.serviceCIDRs has a second IPv4 range '10.100.0.0/16' (after '10.96.0.0/12')") !=
        std::string::npos);
  CHECK(errors.find("cluster.nodeBlockSize.ipv4 must be a prefix length from 0 to 32") != std::string::npos);
  CHECK(errors.find("unknown key 'ipv5'") != std::string::npos);
  CHECK(errors.find("'kube-dns' is not an IP address") != std::string::npos);
}

TEST_CASE("config: rule option values are checked against the option's type") {
  const std::string errors = errors_of(parse("rules:\n  NL4105: {maxSeconds: soon}\n"));
  CHECK(errors.find("2:24 rules.NL4105.maxSeconds must be a non-negative integer") != std::string::npos);
  const LoadedConfig ok = parse("rules:\n  NL4105: {maxSeconds: 30}\n");
  CHECK(ok.errors.empty());
}

}  // namespace netlint::config
