// The load-balancer classifier: one case per provider and kind decision of
// knowledge/domain-addendum.md sections 1 and 2, the default idle timeouts of domain.md 2.6,
// PROXY on and off, the annotations an NLB ignores, the unknown provider, and the real Services
// of ingress-nginx's provider deploy manifests (../shared/corpus) through the real loader.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/facts/load_balancer.h"
#include "analyzer/facts/load_balancer_values.h"
#include "analyzer/loader/loader.h"
#include "analyzer/testing/source_paths.h"

namespace netlint::facts {
namespace {

constexpr std::string_view kTwoPorts =
    "  ports:\n"
    "  - {name: http, port: 80, targetPort: 8080}\n"
    "  - {name: https, port: 443, targetPort: 8443}\n";

// A Service loaded through the real loader, with the text its ranges point into.
struct Loaded {
  std::string text;
  model::Service service;
  LoadBalancerProfile profile;

  // The text a range covers ("" for an invalid range).
  std::string at(const SourceRange& r) const {
    if (!r.valid()) return "";
    return text.substr(r.begin, r.end - r.begin);
  }
  const LbPort& port(std::int64_t number) const {
    for (const LbPort& p : profile.ports) {
      if (p.port == number) return p;
    }
    FAIL("no port ", number);
    return profile.ports.front();
  }
  std::vector<std::string> ignored() const {
    std::vector<std::string> keys;
    for (const LbIgnoredAnnotation& i : profile.ignored_annotations) keys.push_back(i.key);
    return keys;
  }
  std::vector<LbProblemKind> problem_kinds() const {
    std::vector<LbProblemKind> kinds;
    for (const LbProblem& p : profile.problems) kinds.push_back(p.kind);
    return kinds;
  }
};

model::Model load_text(std::string path, std::string text) {
  std::vector<InputText> inputs;
  inputs.push_back({std::move(path), std::move(text), true, {}});
  return load_inputs(std::move(inputs), LoadOptions{}).model;
}

// `annotations` are YAML lines under `metadata.annotations` (indented four spaces); `spec` lines
// go under `spec:` before the ports.
Loaded classify(std::string_view annotations, std::string_view spec = "", std::string_view ports = kTwoPorts) {
  std::ostringstream text;
  text << "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n";
  if (!annotations.empty()) text << "  annotations:\n" << annotations;
  text << "spec:\n  type: LoadBalancer\n" << spec << "  selector: {app: web}\n" << ports;
  Loaded loaded;
  loaded.text = text.str();
  model::Model m = load_text("svc.yaml", loaded.text);
  REQUIRE(m.services.size() == 1);
  loaded.service = m.services.front();
  loaded.profile = classify_load_balancer(loaded.service);
  return loaded;
}

// The controller Service of ingress-nginx's static deploy manifest for `provider`
// (../shared/corpus/kubernetes__ingress-nginx/deploy/static/provider/<provider>/deploy.yaml,
// kubernetes/ingress-nginx @ dbb11b92ddb7), or nullopt when the corpus is absent (the corpus ctest
// passes with a note then too).
std::optional<Loaded> ingress_nginx_controller(std::string_view provider) {
  const std::filesystem::path path = std::filesystem::path(testing::source_dir()) / ".." / "shared" / "corpus" /
                                     "kubernetes__ingress-nginx" / "deploy" / "static" / "provider" /
                                     std::string(provider) / "deploy.yaml";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    MESSAGE("corpus manifest not found, skipped: ", path.string());
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  Loaded loaded;
  loaded.text = text.str();
  const model::Model m = load_text(path.string(), loaded.text);
  for (const model::Service& service : m.services) {
    if (service.meta.name.value != "ingress-nginx-controller") continue;
    loaded.service = service;
    loaded.profile = classify_load_balancer(service);
    return loaded;
  }
  FAIL("no Service ingress-nginx-controller in ", path.string());
  return std::nullopt;
}

using Strings = std::vector<std::string>;
using Kinds = std::vector<LbProblemKind>;

}  // namespace

TEST_SUITE("load-balancer") {
  // ---- value readers -----------------------------------------------------------------------------

  TEST_CASE("load balancer values: counts, attributes, port lists, JSON") {
    // Go's bools and durations are tested in util/go_values_test.cpp.
    CHECK(lb::parse_count("350") == 350);
    CHECK(!lb::parse_count("60s"));
    CHECK(!lb::parse_count("-1"));
    CHECK(!lb::parse_count("+1"));
    CHECK(!lb::parse_count(""));
    CHECK(!lb::parse_count("9223372036854775808"));

    const auto attributes = lb::parse_key_values("preserve_client_ip.enabled=false, proxy_protocol_v2.enabled=true");
    REQUIRE(attributes);
    REQUIRE(attributes->size() == 2);
    CHECK((*attributes)[1].first == "proxy_protocol_v2.enabled");
    CHECK((*attributes)[1].second == "true");
    CHECK(!lb::parse_key_values("proxy_protocol_v2.enabled"));

    const lb::PortSelection aws = lb::parse_aws_port_set("443,HTTPS-ALT,https");
    CHECK(aws.selects(443, "x"));
    CHECK(aws.selects(8443, "HTTPS"));       // port names are lower-cased before the lookup
    CHECK(!aws.selects(8443, "https-alt"));  // the annotation's own items are not
    CHECK(lb::parse_aws_port_set("*").all);
    CHECK(lb::parse_aws_port_set("").all);

    CHECK(lb::parse_scaleway_ports("true")->all);
    CHECK(lb::parse_scaleway_ports("*")->all);
    CHECK(!lb::parse_scaleway_ports("false")->all);
    CHECK(lb::parse_scaleway_ports("1")->numbers == std::vector<std::int64_t>{1});  // a port, not a bool
    CHECK(lb::parse_scaleway_ports("80, 443")->numbers == std::vector<std::int64_t>{80, 443});
    CHECK(!lb::parse_scaleway_ports("http"));
    CHECK(lb::parse_port_list("80,8080")->numbers == std::vector<std::int64_t>{80, 8080});
    CHECK(!lb::parse_port_list("80;8080"));

    const auto json = lb::parse_flat_json_object(R"({ "protocol": "https", "tls-secret-name": "cert", "port": 443 })");
    REQUIRE(json);
    REQUIRE(json->size() == 3);
    CHECK((*json)[0].second == "https");
    CHECK((*json)[2].second == "443");
    CHECK(lb::parse_flat_json_object("{}")->empty());
    CHECK(!lb::parse_flat_json_object(R"({"protocol": "https")"));
    CHECK(!lb::parse_flat_json_object("protocol: https"));
    // Escapes decoded (the hand-written reader before kept "\n" as "n"), floats as written,
    // a key written twice kept twice; no nesting, no bare words, no trailing text.
    const auto escaped = lb::parse_flat_json_object(R"({"a": "x\ny\u0041", "b": 1.50, "b": true, "c": null})");
    REQUIRE(escaped);
    REQUIRE(escaped->size() == 4);
    CHECK((*escaped)[0].second == "x\nyA");
    CHECK((*escaped)[1].second == "1.50");
    CHECK((*escaped)[2] == std::pair<std::string, std::string>{"b", "true"});
    CHECK((*escaped)[3].second == "null");
    CHECK(!lb::parse_flat_json_object(R"({"a": {"b": 1}})"));
    CHECK(!lb::parse_flat_json_object(R"({"a": [1]})"));
    CHECK(!lb::parse_flat_json_object(R"({"a": https})"));
    CHECK(!lb::parse_flat_json_object(R"({"a": 1.2.3})"));
    CHECK(!lb::parse_flat_json_object(R"({"a": 1} x)"));
    CHECK(!lb::parse_flat_json_object(R"("https")"));
    CHECK(!lb::parse_flat_json_object(R"([])"));
  }

  // ---- no provider -----------------------------------------------------------------------------------

  TEST_CASE(
      "load balancer: a Service without provider annotations has an unknown provider: netlint never guesses the "
      "cloud") {
    const Loaded plain = classify("    prometheus.io/scrape: \"true\"\n");
    CHECK(plain.profile.provider == LbProvider::kUnknown);
    CHECK(!plain.profile.provider_range.valid());
    CHECK(plain.profile.kind == LbKind::kUnknown);
    CHECK(plain.profile.pooling == Tristate::kUnknown);
    CHECK(!plain.profile.idle_timeout.seconds);
    CHECK(plain.profile.proxy_protocol.enabled == Tristate::kUnknown);
    CHECK(plain.profile.ignored_annotations.empty());
    CHECK(plain.profile.problems.empty());
    CHECK(plain.profile.ports.size() == 2);
    CHECK(provider_name(plain.profile.provider) == "unknown");

    // Not a LoadBalancer: nothing is provisioned, whatever the annotations say.
    model::Model m = load_text("np.yaml",
                               "apiVersion: v1\nkind: Service\nmetadata:\n  name: np\n  annotations:\n"
                               "    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n"
                               "spec:\n  type: NodePort\n  ports: [{port: 80}]\n");
    REQUIRE(m.services.size() == 1);
    const LoadBalancerProfile node_port = classify_load_balancer(m.services.front());
    CHECK(node_port.provider == LbProvider::kUnknown);
    CHECK(node_port.ports.empty());
  }

  TEST_CASE(
      "load balancer: another controller's loadBalancerClass makes the provider unknown, even with AWS annotations") {
    const Loaded other = classify("    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n",
                                  "  loadBalancerClass: example.com/internal-lb\n");
    CHECK(other.service.load_balancer_class.value == "example.com/internal-lb");
    CHECK(other.profile.provider == LbProvider::kUnknown);
    CHECK(other.profile.kind == LbKind::kUnknown);
    CHECK(other.profile.ignored_annotations.empty());
  }

  TEST_CASE("load balancer: annotations of two providers leave the provider unknown, with a problem") {
    const Loaded both = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n"
        "    service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol: \"true\"\n");
    CHECK(both.profile.provider == LbProvider::kUnknown);
    CHECK(both.problem_kinds() == Kinds{LbProblemKind::kSeveralProviders});
    CHECK(both.at(both.profile.problems.front().range) ==
          "service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol");
    CHECK(both.profile.problems.front().message.find("aws, digitalocean") != std::string::npos);
  }

  // ---- AWS in-tree / cloud-provider-aws: classic ELB (addendum 1.1) -----------------------------------

  TEST_CASE("load balancer: AWS without a type is a classic ELB: TCP listeners (L4), idle 60 s by default, no PROXY") {
    const Loaded clb = classify("    service.beta.kubernetes.io/aws-load-balancer-internal: \"true\"\n");
    CHECK(clb.profile.provider == LbProvider::kAwsClb);
    CHECK(clb.at(clb.profile.provider_range) == "service.beta.kubernetes.io/aws-load-balancer-internal");
    CHECK(clb.profile.kind == LbKind::kL4);
    CHECK(clb.profile.pooling == Tristate::kFalse);
    CHECK(clb.profile.idle_timeout.seconds == 60);
    CHECK(clb.profile.idle_timeout.is_default);
    CHECK(!clb.profile.idle_timeout.range.valid());
    CHECK(clb.profile.proxy_protocol.enabled == Tristate::kFalse);
    CHECK(clb.profile.problems.empty());
  }

  TEST_CASE(
      "load balancer: AWS CLB backend protocol without a certificate: only http gives L7, https silently stays TCP") {
    const Loaded http = classify("    service.beta.kubernetes.io/aws-load-balancer-backend-protocol: http\n");
    CHECK(http.profile.kind == LbKind::kL7);
    CHECK(http.port(80).kind == LbKind::kL7);
    CHECK(http.port(443).kind == LbKind::kL7);
    CHECK(http.profile.pooling == Tristate::kTrue);
    CHECK(http.profile.idle_timeout.seconds == 60);

    const Loaded https = classify("    service.beta.kubernetes.io/aws-load-balancer-backend-protocol: https\n");
    CHECK(https.profile.kind == LbKind::kL4);
    CHECK(https.profile.problems.empty());
  }

  TEST_CASE(
      "load balancer: AWS CLB with a certificate: the ssl-ports get https (L7) or ssl (L4) listeners by backend "
      "protocol") {
    // No backend protocol: ssl in front, tcp behind, on every port (ssl-ports defaults to all).
    const Loaded ssl =
        classify("    service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:eu-west-1:1:certificate/x\n");
    CHECK(ssl.profile.provider == LbProvider::kAwsClb);
    CHECK(ssl.profile.kind == LbKind::kL4);

    // https on the certificate port only (by name); port 80 has no certificate, and `https`
    // without one is TCP: one L7 listener makes the LB L7.
    const Loaded mixed = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:eu-west-1:1:certificate/x\n"
        "    service.beta.kubernetes.io/aws-load-balancer-ssl-ports: https\n"
        "    service.beta.kubernetes.io/aws-load-balancer-backend-protocol: https\n");
    CHECK(mixed.port(443).kind == LbKind::kL7);
    CHECK(mixed.port(80).kind == LbKind::kL4);
    CHECK(mixed.profile.kind == LbKind::kL7);
    CHECK(mixed.profile.pooling == Tristate::kTrue);

    // ssl or tcp on the certificate port: L4.
    const Loaded tls = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:eu-west-1:1:certificate/x\n"
        "    service.beta.kubernetes.io/aws-load-balancer-ssl-ports: \"443\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-backend-protocol: ssl\n");
    CHECK(tls.profile.kind == LbKind::kL4);

    // Any other backend protocol is an error on a certificate port: unknown, and a problem.
    const Loaded bad = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:eu-west-1:1:certificate/x\n"
        "    service.beta.kubernetes.io/aws-load-balancer-ssl-ports: \"443\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-backend-protocol: h2\n");
    CHECK(bad.port(443).kind == LbKind::kUnknown);
    CHECK(bad.port(80).kind == LbKind::kL4);
    CHECK(bad.profile.kind == LbKind::kUnknown);
    CHECK(bad.problem_kinds() == Kinds{LbProblemKind::kUnknownValue});
    CHECK(bad.at(bad.profile.problems.front().range) == "h2");
  }

  TEST_CASE(
      "load balancer: AWS CLB idle timeout: explicit seconds, 1..3600 verified, 3601..4000 unverified, unparsable") {
    const Loaded explicit_idle =
        classify("    service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout: \"120\"\n");
    CHECK(explicit_idle.profile.idle_timeout.seconds == 120);
    CHECK(!explicit_idle.profile.idle_timeout.is_default);
    CHECK(explicit_idle.at(explicit_idle.profile.idle_timeout.range) == "\"120\"");

    const Loaded unverified =
        classify("    service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout: \"3700\"\n");
    CHECK(!unverified.profile.idle_timeout.seconds);
    CHECK(unverified.problem_kinds() == Kinds{LbProblemKind::kUnverifiedRange});

    const Loaded too_long =
        classify("    service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout: \"5000\"\n");
    CHECK(!too_long.profile.idle_timeout.seconds);
    CHECK(too_long.problem_kinds() == Kinds{LbProblemKind::kOutOfRange});
    CHECK(too_long.profile.problems.front().message == "idle timeout 5000 seconds is outside 1..3600 seconds");

    const Loaded unit = classify("    service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout: 60s\n");
    CHECK(!unit.profile.idle_timeout.seconds);
    CHECK(unit.problem_kinds() == Kinds{LbProblemKind::kUnparsable});
    CHECK(unit.at(unit.profile.problems.front().range) == "60s");
  }

  TEST_CASE("load balancer: AWS CLB PROXY protocol: only \"*\" enables it (v1); another value is an error") {
    const Loaded on = classify("    service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: \"*\"\n");
    CHECK(on.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(on.profile.proxy_protocol.version == 1);
    CHECK(on.at(on.profile.proxy_protocol.range) == "\"*\"");
    CHECK(on.port(80).proxy_protocol == Tristate::kTrue);

    const Loaded bad = classify("    service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: \"true\"\n");
    CHECK(bad.profile.proxy_protocol.enabled == Tristate::kUnknown);
    CHECK(bad.problem_kinds() == Kinds{LbProblemKind::kUnknownValue});
  }

  TEST_CASE("load balancer: an AWS type other than nlb, external or nlb-ip still makes a classic ELB, with a problem") {
    const Loaded alb = classify("    service.beta.kubernetes.io/aws-load-balancer-type: alb\n");
    CHECK(alb.profile.provider == LbProvider::kAwsClb);
    CHECK(alb.at(alb.profile.provider_range) == "alb");
    CHECK(alb.problem_kinds() == Kinds{LbProblemKind::kUnknownValue});
    CHECK(alb.profile.kind == LbKind::kL4);

    // Empty means missing: a CLB without a problem (addendum 1.1).
    const Loaded empty = classify("    service.beta.kubernetes.io/aws-load-balancer-type: \"\"\n");
    CHECK(empty.profile.provider == LbProvider::kAwsClb);
    CHECK(empty.profile.problems.empty());
  }

  TEST_CASE("load balancer: NLB-only annotations are ignored on a classic ELB") {
    const Loaded clb = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: proxy_protocol_v2.enabled=true\n"
        "    service.beta.kubernetes.io/aws-load-balancer-eip-allocations: eipalloc-1,eipalloc-2\n");
    CHECK(clb.profile.provider == LbProvider::kAwsClb);
    CHECK(clb.ignored() == Strings{"service.beta.kubernetes.io/aws-load-balancer-target-group-attributes",
                                   "service.beta.kubernetes.io/aws-load-balancer-eip-allocations"});
    CHECK(clb.profile.proxy_protocol.enabled == Tristate::kFalse);
  }

  // ---- AWS in-tree NLB (addendum 1.1, section 2) ------------------------------------------------------

  TEST_CASE("load balancer: AWS nlb is L4 with the 350 s default idle timeout and no PROXY") {
    const Loaded nlb = classify("    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n");
    CHECK(nlb.profile.provider == LbProvider::kAwsNlb);
    CHECK(provider_name(nlb.profile.provider) == "aws-nlb");
    CHECK(nlb.at(nlb.profile.provider_range) == "nlb");
    CHECK(nlb.profile.kind == LbKind::kL4);
    CHECK(kind_name(nlb.profile.kind) == "l4");
    CHECK(nlb.profile.pooling == Tristate::kFalse);
    CHECK(nlb.profile.idle_timeout.seconds == 350);
    CHECK(nlb.profile.idle_timeout.is_default);
    CHECK(nlb.profile.proxy_protocol.enabled == Tristate::kFalse);
    CHECK(nlb.profile.ignored_annotations.empty());
  }

  TEST_CASE("load balancer: the CLB-only annotations on an in-tree NLB are ignored, each with its range and a reason") {
    // RULES.md NL6009: the NLB reads cross-zone, access-log-enabled and the bucket annotations; a
    // value restating what it does anyway (backend tcp, draining on) asks for nothing.
    const Loaded nlb = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n"
        "    service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout: \"600\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled: \"true\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: \"*\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-access-log-enabled: \"true\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-access-log-emit-interval: \"5\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-access-log-s3-bucket-name: logs\n"
        "    service.beta.kubernetes.io/aws-load-balancer-access-log-s3-bucket-prefix: web\n"
        "    service.beta.kubernetes.io/aws-load-balancer-connection-draining-enabled: \"true\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-connection-draining-timeout: \"30\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-backend-protocol: tcp\n"
        "    service.beta.kubernetes.io/aws-load-balancer-extra-security-groups: sg-1\n"
        "    service.beta.kubernetes.io/aws-load-balancer-healthcheck-path: /healthz\n");
    CHECK(nlb.ignored() == Strings{
                               "service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout",
                               "service.beta.kubernetes.io/aws-load-balancer-proxy-protocol",
                               "service.beta.kubernetes.io/aws-load-balancer-access-log-emit-interval",
                               "service.beta.kubernetes.io/aws-load-balancer-connection-draining-timeout",
                               "service.beta.kubernetes.io/aws-load-balancer-extra-security-groups",
                           });
    const LbIgnoredAnnotation& idle = nlb.profile.ignored_annotations.front();
    CHECK(nlb.at(idle.range) == "service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout");
    CHECK(idle.reason == "classic ELB only: the in-tree NLB keeps its 350 s idle timeout");
    // The ignored annotations change nothing: still 350 s by default and no PROXY.
    CHECK(nlb.profile.idle_timeout.seconds == 350);
    CHECK(nlb.profile.idle_timeout.is_default);
    CHECK(nlb.profile.proxy_protocol.enabled == Tristate::kFalse);
    CHECK(nlb.profile.problems.empty());
  }

  TEST_CASE(
      "load balancer: in-tree NLB PROXY v2 through target-group-attributes (cloud-provider-aws v1.34.0 or later)") {
    const Loaded on = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n"
        "    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: "
        "preserve_client_ip.enabled=true,proxy_protocol_v2.enabled=true\n");
    CHECK(on.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(on.profile.proxy_protocol.version == 2);
    CHECK(on.at(on.profile.proxy_protocol.range) == "preserve_client_ip.enabled=true,proxy_protocol_v2.enabled=true");
    CHECK(on.profile.proxy_protocol.condition.find("v1.34.0") != std::string::npos);

    const Loaded off = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n"
        "    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: proxy_protocol_v2.enabled=false\n");
    CHECK(off.profile.proxy_protocol.enabled == Tristate::kFalse);
    CHECK(off.at(off.profile.proxy_protocol.range) == "proxy_protocol_v2.enabled=false");
    CHECK(off.profile.proxy_protocol.condition.empty());

    // The in-tree controller accepts only its two attributes: with another one PROXY is unknown.
    const Loaded other = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n"
        "    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: "
        "deregistration_delay.timeout_seconds=30,proxy_protocol_v2.enabled=true\n");
    CHECK(other.profile.proxy_protocol.enabled == Tristate::kUnknown);
    CHECK(other.problem_kinds() == Kinds{LbProblemKind::kUnknownValue});
  }

  // ---- AWS Load Balancer Controller (addendum 1.2) ------------------------------------------------------

  TEST_CASE(
      "load balancer: the AWS Load Balancer Controller: external, nlb-ip or its loadBalancerClass; always an L4 NLB") {
    const Loaded external = classify("    service.beta.kubernetes.io/aws-load-balancer-type: external\n");
    CHECK(external.profile.provider == LbProvider::kAwsLbcNlb);
    CHECK(provider_name(external.profile.provider) == "aws-lbc-nlb");
    CHECK(external.at(external.profile.provider_range) == "external");
    CHECK(external.profile.kind == LbKind::kL4);
    CHECK(external.profile.idle_timeout.seconds == 350);
    CHECK(external.profile.idle_timeout.is_default);
    CHECK(external.profile.proxy_protocol.enabled == Tristate::kFalse);

    CHECK(classify("    service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip\n").profile.provider ==
          LbProvider::kAwsLbcNlb);

    const Loaded by_class = classify("", "  loadBalancerClass: service.k8s.aws/nlb\n");
    CHECK(by_class.profile.provider == LbProvider::kAwsLbcNlb);
    CHECK(by_class.at(by_class.profile.provider_range) == "service.k8s.aws/nlb");
    CHECK(by_class.profile.kind == LbKind::kL4);

    // The backend protocol has no HTTP mode here; the CLB idle annotation is not read.
    const Loaded lbc = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: external\n"
        "    service.beta.kubernetes.io/aws-load-balancer-backend-protocol: ssl\n"
        "    service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout: \"600\"\n");
    CHECK(lbc.profile.kind == LbKind::kL4);
    CHECK(lbc.ignored() == Strings{"service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout"});
    CHECK(lbc.profile.idle_timeout.seconds == 350);
  }

  TEST_CASE("load balancer: LBC idle timeout per listener attribute: the shortest listener decides") {
    const Loaded one = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: external\n"
        "    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-80: tcp.idle_timeout.seconds=600\n");
    CHECK(one.profile.idle_timeout.seconds == 350);  // port 443 keeps the default
    CHECK(one.profile.idle_timeout.is_default);

    const Loaded both = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: external\n"
        "    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-80: tcp.idle_timeout.seconds=600\n"
        "    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-443: tcp.idle_timeout.seconds=120\n");
    CHECK(both.profile.idle_timeout.seconds == 120);
    CHECK(!both.profile.idle_timeout.is_default);
    CHECK(both.at(both.profile.idle_timeout.range) == "tcp.idle_timeout.seconds=120");

    const Loaded short_idle = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: external\n"
        "    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-80: tcp.idle_timeout.seconds=30\n");
    CHECK(!short_idle.profile.idle_timeout.seconds);
    CHECK(short_idle.problem_kinds() == Kinds{LbProblemKind::kOutOfRange});

    const Loaded no_port = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: external\n"
        "    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-8080: "
        "tcp.idle_timeout.seconds=600\n");
    CHECK(no_port.ignored() == Strings{"service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-8080"});
    CHECK(no_port.profile.idle_timeout.seconds == 350);
  }

  TEST_CASE("load balancer: LBC PROXY v2: proxy-protocol \"*\" overrides the target-group attribute") {
    const Loaded star = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: external\n"
        "    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: proxy_protocol_v2.enabled=false\n"
        "    service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: \"*\"\n");
    CHECK(star.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(star.profile.proxy_protocol.version == 2);
    CHECK(star.at(star.profile.proxy_protocol.range) == "\"*\"");
    CHECK(star.profile.proxy_protocol.condition.empty());

    const Loaded attributes = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: external\n"
        "    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: "
        "deregistration_delay.timeout_seconds=30,proxy_protocol_v2.enabled=true\n");
    CHECK(attributes.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(attributes.profile.problems.empty());  // the LBC takes any target-group attribute
  }

  // ---- GCP, Azure (addendum 1.3, 1.4) -------------------------------------------------------------

  TEST_CASE("load balancer: GKE Services get passthrough Network LBs: L4, no PROXY, idle timeout unknown") {
    const Loaded internal = classify("    networking.gke.io/load-balancer-type: Internal\n");
    CHECK(internal.profile.provider == LbProvider::kGcp);
    CHECK(internal.profile.kind == LbKind::kL4);
    CHECK(internal.profile.proxy_protocol.enabled == Tristate::kFalse);
    CHECK(!internal.profile.idle_timeout.seconds);

    CHECK(classify("    cloud.google.com/l4-rbs: enabled\n").profile.provider == LbProvider::kGcp);
    CHECK(classify("", "  loadBalancerClass: networking.gke.io/l4-regional-internal\n").profile.provider ==
          LbProvider::kGcp);
    // The legacy annotation is [unverified] in the addendum: no claim.
    CHECK(classify("    cloud.google.com/load-balancer-type: Internal\n").profile.provider == LbProvider::kUnknown);
  }

  TEST_CASE(
      "load balancer: Azure LB: L4, idle timeout in minutes (4 by default), PROXY only through a private link "
      "service") {
    const Loaded plain = classify("    service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"\n");
    CHECK(plain.profile.provider == LbProvider::kAzure);
    CHECK(plain.profile.kind == LbKind::kL4);
    CHECK(plain.profile.idle_timeout.seconds == 240);
    CHECK(plain.profile.idle_timeout.is_default);
    CHECK(plain.profile.proxy_protocol.enabled == Tristate::kFalse);

    const Loaded ten = classify("    service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: \"10\"\n");
    CHECK(ten.profile.idle_timeout.seconds == 600);
    CHECK(ten.at(ten.profile.idle_timeout.range) == "\"10\"");

    const Loaded newer = classify("    service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: \"60\"\n");
    CHECK(!newer.profile.idle_timeout.seconds);
    CHECK(newer.problem_kinds() == Kinds{LbProblemKind::kUnverifiedRange});

    const Loaded seconds = classify("    service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: \"240\"\n");
    CHECK(!seconds.profile.idle_timeout.seconds);
    CHECK(seconds.problem_kinds() == Kinds{LbProblemKind::kOutOfRange});  // seconds written where minutes are read

    const Loaded no_pls = classify("    service.beta.kubernetes.io/azure-pls-proxy-protocol: \"true\"\n");
    CHECK(no_pls.profile.proxy_protocol.enabled == Tristate::kFalse);
    CHECK(no_pls.ignored() == Strings{"service.beta.kubernetes.io/azure-pls-proxy-protocol"});

    const Loaded pls = classify(
        "    service.beta.kubernetes.io/azure-pls-create: \"true\"\n"
        "    service.beta.kubernetes.io/azure-pls-proxy-protocol: \"true\"\n");
    CHECK(pls.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(pls.profile.proxy_protocol.version == 0);  // "likely v2" in the addendum: not claimed
    CHECK(!pls.profile.proxy_protocol.condition.empty());
    CHECK(pls.profile.ignored_annotations.empty());
  }

  // ---- DigitalOcean (addendum 1.5) ----------------------------------------------------------------

  TEST_CASE("load balancer: DigitalOcean: tcp by default (L4), http modes L7, pooling only with backend keepalive") {
    const Loaded tcp = classify("    service.beta.kubernetes.io/do-loadbalancer-size-unit: \"2\"\n");
    CHECK(tcp.profile.provider == LbProvider::kDigitalOcean);
    CHECK(tcp.profile.kind == LbKind::kL4);
    CHECK(!tcp.profile.idle_timeout.seconds);  // whether the HTTP idle timeout applies to tcp is [unverified]
    CHECK(tcp.profile.proxy_protocol.enabled == Tristate::kFalse);

    const Loaded http = classify("    service.beta.kubernetes.io/do-loadbalancer-protocol: http\n");
    CHECK(http.profile.kind == LbKind::kL7);
    CHECK(http.profile.pooling == Tristate::kFalse);
    CHECK(http.profile.idle_timeout.seconds == 60);
    CHECK(http.profile.idle_timeout.is_default);

    const Loaded keepalive = classify(
        "    service.beta.kubernetes.io/do-loadbalancer-protocol: http2\n"
        "    service.beta.kubernetes.io/do-loadbalancer-enable-backend-keepalive: \"true\"\n"
        "    service.beta.kubernetes.io/do-loadbalancer-http-idle-timeout-seconds: \"120\"\n");
    CHECK(keepalive.profile.kind == LbKind::kL7);
    CHECK(keepalive.profile.pooling == Tristate::kTrue);
    CHECK(keepalive.profile.idle_timeout.seconds == 120);
    CHECK(keepalive.at(keepalive.profile.idle_timeout.range) == "\"120\"");

    // 30..600 is [unverified]: a value outside stays unknown.
    const Loaded short_idle = classify(
        "    service.beta.kubernetes.io/do-loadbalancer-protocol: http\n"
        "    service.beta.kubernetes.io/do-loadbalancer-http-idle-timeout-seconds: \"20\"\n");
    CHECK(!short_idle.profile.idle_timeout.seconds);
    CHECK(short_idle.problem_kinds() == Kinds{LbProblemKind::kUnverifiedRange});
  }

  TEST_CASE("load balancer: DigitalOcean per-port protocols, TLS passthrough, REGIONAL_NETWORK, PROXY v1") {
    const Loaded ports = classify("    service.beta.kubernetes.io/do-loadbalancer-http-ports: \"80\"\n");
    CHECK(ports.port(80).kind == LbKind::kL7);
    CHECK(ports.port(443).kind == LbKind::kL4);
    CHECK(ports.profile.kind == LbKind::kL7);

    const Loaded passthrough = classify(
        "    service.beta.kubernetes.io/do-loadbalancer-protocol: https\n"
        "    service.beta.kubernetes.io/do-loadbalancer-tls-passthrough: \"true\"\n");
    CHECK(passthrough.profile.kind == LbKind::kL4);

    const Loaded network = classify(
        "    service.beta.kubernetes.io/do-loadbalancer-type: REGIONAL_NETWORK\n"
        "    service.beta.kubernetes.io/do-loadbalancer-protocol: http\n");
    CHECK(network.profile.provider == LbProvider::kDigitalOcean);
    CHECK(network.at(network.profile.provider_range) == "REGIONAL_NETWORK");
    CHECK(network.profile.kind == LbKind::kL4);
    CHECK(network.profile.proxy_protocol.enabled == Tristate::kUnknown);

    const Loaded proxy = classify("    service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol: \"true\"\n");
    CHECK(proxy.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(proxy.profile.proxy_protocol.version == 1);
    const Loaded proxy_off =
        classify("    service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol: \"false\"\n");
    CHECK(proxy_off.profile.proxy_protocol.enabled == Tristate::kFalse);
    CHECK(proxy_off.at(proxy_off.profile.proxy_protocol.range) == "\"false\"");
  }

  // ---- Hetzner, Scaleway, Linode (addendum 1.6-1.8) -------------------------------------------------

  TEST_CASE(
      "load balancer: Hetzner: protocol tcp (L4) or http/https (L7); http-* keys ignored in tcp mode; "
      "uses-proxyprotocol") {
    const Loaded tcp = classify(
        "    load-balancer.hetzner.cloud/location: fsn1\n"
        "    load-balancer.hetzner.cloud/http-redirect-http: \"true\"\n");
    CHECK(tcp.profile.provider == LbProvider::kHetzner);
    CHECK(tcp.profile.kind == LbKind::kL4);
    CHECK(!tcp.profile.idle_timeout.seconds);
    CHECK(tcp.profile.proxy_protocol.enabled == Tristate::kFalse);
    CHECK(tcp.ignored() == Strings{"load-balancer.hetzner.cloud/http-redirect-http"});

    const Loaded https = classify(
        "    load-balancer.hetzner.cloud/protocol: https\n"
        "    load-balancer.hetzner.cloud/http-redirect-http: \"true\"\n"
        "    load-balancer.hetzner.cloud/uses-proxyprotocol: \"true\"\n");
    CHECK(https.profile.kind == LbKind::kL7);
    CHECK(https.profile.pooling == Tristate::kTrue);
    CHECK(https.profile.ignored_annotations.empty());
    CHECK(https.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(https.profile.proxy_protocol.version == 0);  // version [unverified]

    const Loaded bad = classify("    load-balancer.hetzner.cloud/uses-proxyprotocol: \"yes\"\n");
    CHECK(bad.profile.proxy_protocol.enabled == Tristate::kUnknown);
    CHECK(bad.problem_kinds() == Kinds{LbProblemKind::kUnparsable});
  }

  TEST_CASE("load balancer: Scaleway: protocol-http per port, PROXY v1/v2 per port, timeouts are Go durations") {
    const Loaded all_http = classify("    service.beta.kubernetes.io/scw-loadbalancer-protocol-http: \"true\"\n");
    CHECK(all_http.profile.provider == LbProvider::kScaleway);
    CHECK(all_http.profile.kind == LbKind::kL7);
    CHECK(!all_http.profile.idle_timeout.seconds);  // which timeout is the idle one is not documented

    const Loaded one_port = classify("    service.beta.kubernetes.io/scw-loadbalancer-protocol-http: \"443\"\n");
    CHECK(one_port.port(443).kind == LbKind::kL7);
    CHECK(one_port.port(80).kind == LbKind::kL4);

    const Loaded v1_on_80 = classify("    service.beta.kubernetes.io/scw-loadbalancer-proxy-protocol-v1: \"80\"\n");
    CHECK(v1_on_80.port(80).proxy_protocol == Tristate::kTrue);
    CHECK(v1_on_80.port(443).proxy_protocol == Tristate::kFalse);
    CHECK(v1_on_80.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(v1_on_80.profile.proxy_protocol.version == 1);

    const Loaded both = classify(
        "    service.beta.kubernetes.io/scw-loadbalancer-proxy-protocol-v1: \"*\"\n"
        "    service.beta.kubernetes.io/scw-loadbalancer-proxy-protocol-v2: \"*\"\n");
    CHECK(both.profile.proxy_protocol.enabled == Tristate::kUnknown);

    const Loaded timeouts = classify(
        "    service.beta.kubernetes.io/scw-loadbalancer-timeout-server: \"30\"\n"
        "    service.beta.kubernetes.io/scw-loadbalancer-timeout-client: 10m\n");
    CHECK(timeouts.problem_kinds() == Kinds{LbProblemKind::kUnparsable});
    CHECK(timeouts.at(timeouts.profile.problems.front().range) == "\"30\"");
    CHECK(timeouts.profile.kind == LbKind::kL4);
    CHECK(timeouts.profile.proxy_protocol.enabled == Tristate::kFalse);
  }

  TEST_CASE("load balancer: Linode: default-protocol, per-port JSON, default-proxy-protocol none/v1/v2") {
    const Loaded https = classify(
        "    service.beta.kubernetes.io/linode-loadbalancer-default-protocol: https\n"
        "    service.beta.kubernetes.io/linode-loadbalancer-default-proxy-protocol: v2\n");
    CHECK(https.profile.provider == LbProvider::kLinode);
    CHECK(https.profile.kind == LbKind::kL7);
    CHECK(https.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(https.profile.proxy_protocol.version == 2);
    CHECK(!https.profile.idle_timeout.seconds);

    const Loaded per_port = classify(
        "    service.beta.kubernetes.io/linode-loadbalancer-throttle: \"5\"\n"
        "    service.beta.kubernetes.io/linode-loadbalancer-port-443: '{\"protocol\": \"https\", \"proxy-protocol\": "
        "\"v1\"}'\n");
    CHECK(per_port.port(443).kind == LbKind::kL7);
    CHECK(per_port.port(80).kind == LbKind::kL4);
    CHECK(per_port.port(443).proxy_protocol == Tristate::kTrue);
    CHECK(per_port.port(80).proxy_protocol == Tristate::kFalse);
    CHECK(per_port.profile.proxy_protocol.version == 1);

    const Loaded broken =
        classify("    service.beta.kubernetes.io/linode-loadbalancer-port-443: '{\"protocol\": https}'\n");
    CHECK(broken.port(443).kind == LbKind::kUnknown);
    CHECK(broken.problem_kinds() == Kinds{LbProblemKind::kUnparsable});  // once, though read for kind and PROXY

    // The deprecated annotation may or may not still be read.
    const Loaded deprecated = classify("    service.beta.kubernetes.io/linode-loadbalancer-proxy-protocol: v2\n");
    CHECK(deprecated.profile.proxy_protocol.enabled == Tristate::kUnknown);
  }

  // ---- OCI, Exoscale, MetalLB (addendum 1.9-1.11) ---------------------------------------------------

  TEST_CASE("load balancer: OCI: the LB type decides idle defaults and PROXY; unwritten, only TCP is known to be L4") {
    const Loaded lb = classify(
        "    oci.oraclecloud.com/load-balancer-type: lb\n"
        "    service.beta.kubernetes.io/oci-load-balancer-connection-proxy-protocol-version: \"2\"\n");
    CHECK(lb.profile.provider == LbProvider::kOci);
    CHECK(lb.at(lb.profile.provider_range) == "lb");
    CHECK(lb.profile.kind == LbKind::kL4);
    CHECK(lb.profile.idle_timeout.seconds == 300);
    CHECK(lb.profile.idle_timeout.is_default);
    CHECK(lb.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(lb.profile.proxy_protocol.version == 2);

    const Loaded http = classify(
        "    oci.oraclecloud.com/load-balancer-type: lb\n"
        "    service.beta.kubernetes.io/oci-load-balancer-backend-protocol: HTTP\n");
    CHECK(http.profile.kind == LbKind::kL7);
    CHECK(http.profile.idle_timeout.seconds == 60);
    CHECK(http.profile.proxy_protocol.enabled == Tristate::kFalse);

    const Loaded idle = classify(
        "    oci.oraclecloud.com/load-balancer-type: lb\n"
        "    service.beta.kubernetes.io/oci-load-balancer-connection-idle-timeout: \"100\"\n");
    CHECK(idle.profile.idle_timeout.seconds == 100);

    // `lb` as the default type is [unverified]: with it unwritten only the TCP backend is L4 either way.
    const Loaded unwritten = classify("    service.beta.kubernetes.io/oci-load-balancer-backend-protocol: HTTP\n");
    CHECK(unwritten.profile.provider == LbProvider::kOci);
    CHECK(unwritten.profile.kind == LbKind::kUnknown);
    CHECK(!unwritten.profile.idle_timeout.seconds);
    CHECK(unwritten.profile.proxy_protocol.enabled == Tristate::kUnknown);

    const Loaded nlb = classify("    oci.oraclecloud.com/load-balancer-type: nlb\n");
    CHECK(nlb.profile.provider == LbProvider::kOciNlb);
    CHECK(nlb.profile.kind == LbKind::kL4);
    CHECK(nlb.profile.proxy_protocol.enabled == Tristate::kUnknown);
    CHECK(!nlb.profile.idle_timeout.seconds);
  }

  TEST_CASE("load balancer: Exoscale is only recognised; MetalLB is L4 with PROXY and idle timeout unknown") {
    const Loaded exoscale =
        classify("    service.beta.kubernetes.io/exoscale-loadbalancer-service-strategy: source-hash\n");
    CHECK(exoscale.profile.provider == LbProvider::kExoscale);
    CHECK(exoscale.profile.kind == LbKind::kUnknown);
    CHECK(exoscale.profile.proxy_protocol.enabled == Tristate::kUnknown);
    CHECK(!exoscale.profile.idle_timeout.seconds);

    const Loaded metallb = classify("    metallb.universe.tf/address-pool: public\n");
    CHECK(metallb.profile.provider == LbProvider::kMetalLb);
    CHECK(metallb.profile.kind == LbKind::kL4);
    CHECK(metallb.profile.pooling == Tristate::kFalse);
    CHECK(metallb.profile.proxy_protocol.enabled == Tristate::kUnknown);
    CHECK(!metallb.profile.idle_timeout.seconds);
    CHECK(classify("    metallb.io/loadBalancerIPs: 192.0.2.10\n").profile.provider == LbProvider::kMetalLb);
  }

  TEST_CASE(
      "load balancer: an ignored NLB annotation is listed only when its value asks for something (RULES.md NL6009)") {
    const Loaded restating = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n"
        "    service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout: \" 350 \"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-connection-draining-enabled: \"True\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-connection-draining-timeout: \"300\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-backend-protocol: ssl\n");
    CHECK(restating.profile.ignored_annotations.empty());
    const Loaded asking = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n"
        "    service.beta.kubernetes.io/aws-load-balancer-connection-draining-enabled: \"false\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-backend-protocol: HTTP\n");
    CHECK(asking.ignored() == Strings{"service.beta.kubernetes.io/aws-load-balancer-connection-draining-enabled",
                                      "service.beta.kubernetes.io/aws-load-balancer-backend-protocol"});
    // PROXY asked for with the CLB annotation, but the target group sends it already.
    const Loaded proxied = classify(
        "    service.beta.kubernetes.io/aws-load-balancer-type: nlb\n"
        "    service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: \"*\"\n"
        "    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: proxy_protocol_v2.enabled=true\n");
    CHECK(proxied.profile.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(proxied.profile.ignored_annotations.empty());
  }

  // ---- ingress-nginx's provider deploy manifests (addendum section 2, "Static deploy manifests") ------

  TEST_CASE(
      "load balancer corpus: ingress-nginx aws: an in-tree NLB; backend-protocol tcp and cross-zone are not ignored") {
    const std::optional<Loaded> aws = ingress_nginx_controller("aws");
    if (!aws) return;
    const LoadBalancerProfile& p = aws->profile;
    CHECK(p.provider == LbProvider::kAwsNlb);
    CHECK(aws->at(p.provider_range) == "nlb");
    CHECK(p.kind == LbKind::kL4);
    CHECK(p.pooling == Tristate::kFalse);
    CHECK(p.ports.size() == 2);
    CHECK(p.idle_timeout.seconds == 350);
    CHECK(p.idle_timeout.is_default);
    CHECK(p.proxy_protocol.enabled == Tristate::kFalse);
    CHECK(!p.proxy_protocol.range.valid());
    // backend-protocol: tcp restates the NLB's behaviour; the NLB reads cross-zone (RULES.md NL6009).
    CHECK(p.ignored_annotations.empty());
    CHECK(p.problems.empty());
  }

  TEST_CASE(
      "load balancer corpus: ingress-nginx aws/nlb-with-tls-termination: the CLB idle timeout on an NLB has no "
      "effect") {
    const std::optional<Loaded> tls = ingress_nginx_controller("aws/nlb-with-tls-termination");
    if (!tls) return;
    const LoadBalancerProfile& p = tls->profile;
    CHECK(p.provider == LbProvider::kAwsNlb);
    CHECK(p.kind == LbKind::kL4);
    CHECK(p.idle_timeout.seconds == 350);  // not the "60" it writes
    CHECK(p.idle_timeout.is_default);
    CHECK(p.proxy_protocol.enabled == Tristate::kFalse);
    CHECK(tls->ignored() == Strings{"service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout"});
    CHECK(p.ignored_annotations[0].reason == "classic ELB only: the in-tree NLB keeps its 350 s idle timeout");
    CHECK(p.problems.empty());
  }

  TEST_CASE("load balancer corpus: ingress-nginx do: DigitalOcean in tcp mode sending PROXY v1") {
    const std::optional<Loaded> d = ingress_nginx_controller("do");
    if (!d) return;
    const LoadBalancerProfile& p = d->profile;
    CHECK(p.provider == LbProvider::kDigitalOcean);
    CHECK(d->at(p.provider_range) == "service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol");
    CHECK(p.kind == LbKind::kL4);
    CHECK(!p.idle_timeout.seconds);  // tcp mode: [unverified] whether the HTTP idle timeout applies
    CHECK(p.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(p.proxy_protocol.version == 1);
    CHECK(d->at(p.proxy_protocol.range) == "\"true\"");
    CHECK(p.ignored_annotations.empty());
    CHECK(p.problems.empty());
  }

  TEST_CASE("load balancer corpus: ingress-nginx scw: Scaleway in tcp mode sending PROXY v2 on every port") {
    const std::optional<Loaded> scw = ingress_nginx_controller("scw");
    if (!scw) return;
    const LoadBalancerProfile& p = scw->profile;
    CHECK(p.provider == LbProvider::kScaleway);
    CHECK(p.kind == LbKind::kL4);
    CHECK(!p.idle_timeout.seconds);
    CHECK(p.proxy_protocol.enabled == Tristate::kTrue);
    CHECK(p.proxy_protocol.version == 2);
    CHECK(scw->at(p.proxy_protocol.range) == "\"true\"");
    CHECK(scw->port(80).proxy_protocol == Tristate::kTrue);
    CHECK(scw->port(443).proxy_protocol == Tristate::kTrue);
    CHECK(p.problems.empty());
  }

  TEST_CASE(
      "load balancer corpus: ingress-nginx oracle: OCI with the LB type unwritten: L4, idle timeout and PROXY "
      "unknown") {
    const std::optional<Loaded> oci = ingress_nginx_controller("oracle");
    if (!oci) return;
    const LoadBalancerProfile& p = oci->profile;
    CHECK(p.provider == LbProvider::kOci);
    CHECK(oci->at(p.provider_range) == "service.beta.kubernetes.io/oci-load-balancer-shape");
    CHECK(p.kind == LbKind::kL4);  // TCP backend: L4 on the LB and on the NLB
    CHECK(!p.idle_timeout.seconds);
    CHECK(p.proxy_protocol.enabled == Tristate::kUnknown);
    CHECK(p.problems.empty());
  }

  TEST_CASE("load balancer corpus: ingress-nginx exoscale: recognised, nothing else claimed") {
    const std::optional<Loaded> exo = ingress_nginx_controller("exoscale");
    if (!exo) return;
    const LoadBalancerProfile& p = exo->profile;
    CHECK(p.provider == LbProvider::kExoscale);
    CHECK(exo->at(p.provider_range) == "service.beta.kubernetes.io/exoscale-loadbalancer-description");
    CHECK(p.kind == LbKind::kUnknown);
    CHECK(!p.idle_timeout.seconds);
    CHECK(p.proxy_protocol.enabled == Tristate::kUnknown);
    CHECK(p.problems.empty());
  }

  TEST_CASE("load balancer corpus: ingress-nginx cloud, kind and baremetal: no provider annotations, nothing known") {
    for (const std::string_view provider : {"cloud", "kind", "baremetal"}) {
      CAPTURE(provider);
      const std::optional<Loaded> generic = ingress_nginx_controller(provider);
      if (!generic) continue;
      const LoadBalancerProfile& p = generic->profile;
      CHECK(p.provider == LbProvider::kUnknown);
      CHECK(p.kind == LbKind::kUnknown);
      CHECK(p.pooling == Tristate::kUnknown);
      CHECK(!p.idle_timeout.seconds);
      CHECK(p.proxy_protocol.enabled == Tristate::kUnknown);
      CHECK(p.ignored_annotations.empty());
      CHECK(p.problems.empty());
      // baremetal is a NodePort Service: no LB, no ports in the profile.
      CHECK(p.ports.size() == (provider == "baremetal" ? 0u : 2u));
    }
  }

}  // TEST_SUITE("load-balancer")

}  // namespace netlint::facts
