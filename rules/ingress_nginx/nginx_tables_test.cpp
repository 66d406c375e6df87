// The ingress-nginx tables against knowledge/domain.md 2.3-2.4, the value parser against the Go
// functions the controller uses, and the effective-value API on a loaded view.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "analyzer/engine/view.h"
#include "analyzer/testing/load_texts.h"
#include "rules/ingress_nginx/nginx_controllers.h"
#include "rules/ingress_nginx/nginx_tables.h"

namespace netlint::rules::nginx {
namespace {

// domain.md 2.3, verbatim (v1.15.0).
constexpr std::string_view kDomainKeys = R"(
access-log-params access-log-path add-headers allow-backend-server-header
allow-cross-namespace-resources allow-snippet-annotations annotation-value-word-blocklist
annotations-risk-level app-root bind-address bind-address-ipv4 bind-address-ipv6 block-cidrs
block-referers block-user-agents brotli-level brotli-min-length brotli-types
client-body-buffer-size client-body-timeout client-header-buffer-size client-header-timeout
compute-full-forwarded-for custom-http-errors debug-connections default-type
denylist-source-range disable-access-log disable-http-access-log disable-ipv6 disable-ipv6-dns
disable-proxy-intercept-errors disable-stream-access-log enable-access-log-for-default-backend
enable-aio-write enable-auth-access-log enable-brotli enable-modsecurity enable-multi-accept
enable-ocsp enable-opentelemetry enable-owasp-modsecurity-crs enable-real-ip enable-serial-reloads
enable-syslog enable-underscores-in-headers error-log-level error-log-path force-ssl-redirect
forwarded-for-header forwarded-for-proxy-protocol-header forwarded-host-header
generate-request-id geoip2-autoreload-in-minutes global-allowed-response-headers
global-auth-always-set-cookie global-auth-cache-duration global-auth-cache-key global-auth-method
global-auth-request-redirect global-auth-response-headers global-auth-signin
global-auth-signin-redirect-param global-auth-snippet global-auth-url grpc-buffer-size-kb
gzip-disable gzip-level gzip-min-length gzip-types hide-headers hsts hsts-include-subdomains
hsts-max-age hsts-preload http-access-log-path http-redirect-code http-snippet
http2-max-concurrent-streams http2-max-field-size http2-max-header-size http2-max-requests
ignore-invalid-headers keep-alive keep-alive-requests large-client-header-buffers
limit-conn-status-code limit-conn-zone-variable limit-rate limit-rate-after limit-req-status-code
load-balance location-snippet log-format-escape-json log-format-escape-none log-format-stream
log-format-upstream lua-shared-dicts main-snippet map-hash-bucket-size max-worker-connections
max-worker-open-files modsecurity-snippet nginx-status-ipv4-whitelist nginx-status-ipv6-whitelist
no-auth-locations no-tls-redirect-locations opentelemetry-config opentelemetry-operation-name
opentelemetry-trust-incoming-span otel-max-export-batch-size otel-max-queuesize otel-sampler
otel-sampler-parent-based otel-sampler-ratio otel-schedule-delay-millis otel-service-name
otlp-collector-host otlp-collector-port preserve-trailing-slash proxy-add-original-uri-header
proxy-body-size proxy-buffer-size proxy-buffering proxy-buffers-number proxy-busy-buffers-size
proxy-connect-timeout proxy-cookie-domain proxy-cookie-path proxy-headers-hash-bucket-size
proxy-headers-hash-max-size proxy-http-version proxy-max-temp-file-size proxy-next-upstream
proxy-next-upstream-timeout proxy-next-upstream-tries proxy-protocol-header-timeout
proxy-read-timeout proxy-real-ip-cidr proxy-redirect-from proxy-redirect-to
proxy-request-buffering proxy-send-timeout proxy-set-headers proxy-ssl-location-only
proxy-stream-next-upstream proxy-stream-next-upstream-timeout proxy-stream-next-upstream-tries
proxy-stream-responses proxy-stream-timeout relative-redirects retry-non-idempotent reuse-port
server-name-hash-bucket-size server-name-hash-max-size server-snippet server-tokens
service-upstream skip-access-log-urls ssl-buffer-size ssl-ciphers ssl-dh-param ssl-early-data
ssl-ecdh-curve ssl-protocols ssl-redirect ssl-reject-handshake ssl-session-cache
ssl-session-cache-size ssl-session-ticket-key ssl-session-tickets ssl-session-timeout
stream-access-log-path stream-snippet strict-validate-path-type syslog-host syslog-port
upstream-hash-by upstream-hash-by-subset upstream-hash-by-subset-size
upstream-keepalive-connections upstream-keepalive-requests upstream-keepalive-time
upstream-keepalive-timeout use-forwarded-headers use-geoip2 use-gzip use-http2
use-port-in-redirects use-proxy-protocol variables-hash-bucket-size variables-hash-max-size
whitelist-source-range worker-cpu-affinity worker-processes worker-shutdown-timeout
)";

// domain.md 2.4, verbatim (136 annotations).
constexpr std::string_view kDomainAnnotations = R"(
affinity affinity-canary-behavior affinity-mode allowlist-source-range app-root
auth-always-set-cookie auth-cache-duration auth-cache-key auth-keepalive auth-keepalive-requests
auth-keepalive-share-vars auth-keepalive-timeout auth-method auth-proxy-set-headers auth-realm
auth-request-redirect auth-response-headers auth-secret auth-secret-type auth-signin
auth-signin-redirect-param auth-snippet auth-tls-error-page auth-tls-match-cn
auth-tls-pass-certificate-to-upstream auth-tls-secret auth-tls-verify-client
auth-tls-verify-depth auth-type auth-url backend-protocol canary canary-by-cookie
canary-by-header canary-by-header-pattern canary-by-header-value canary-weight
canary-weight-total client-body-buffer-size configuration-snippet connection-proxy-header
cors-allow-credentials cors-allow-headers cors-allow-methods cors-allow-origin
cors-expose-headers cors-max-age custom-headers custom-http-errors default-backend
denylist-source-range disable-proxy-intercept-errors enable-access-log enable-cors
enable-global-auth enable-modsecurity enable-opentelemetry enable-owasp-core-rules
enable-rewrite-log fastcgi-index fastcgi-params-configmap force-ssl-redirect
from-to-www-redirect http2-push-preload limit-allowlist limit-burst-multiplier limit-connections
limit-rate limit-rate-after limit-rpm limit-rps load-balance mirror-host mirror-request-body
mirror-target modsecurity-snippet modsecurity-transaction-id opentelemetry-operation-name
opentelemetry-trust-incoming-span permanent-redirect permanent-redirect-code
preserve-trailing-slash proxy-body-size proxy-buffer-size proxy-buffering proxy-buffers-number
proxy-busy-buffers-size proxy-connect-timeout proxy-cookie-domain proxy-cookie-path
proxy-http-version proxy-max-temp-file-size proxy-next-upstream proxy-next-upstream-timeout
proxy-next-upstream-tries proxy-read-timeout proxy-redirect-from proxy-redirect-to
proxy-request-buffering proxy-send-timeout proxy-ssl-ciphers proxy-ssl-name proxy-ssl-protocols
proxy-ssl-secret proxy-ssl-server-name proxy-ssl-verify proxy-ssl-verify-depth relative-redirects
rewrite-target satisfy server-alias server-snippet service-upstream
session-cookie-change-on-failure session-cookie-conditional-samesite-none session-cookie-domain
session-cookie-expires session-cookie-max-age session-cookie-name session-cookie-path
session-cookie-samesite session-cookie-secure ssl-ciphers ssl-passthrough
ssl-prefer-server-ciphers ssl-redirect stream-snippet temporal-redirect temporal-redirect-code
upstream-hash-by upstream-hash-by-subset upstream-hash-by-subset-size upstream-vhost use-regex
use-port-in-redirects x-forwarded-prefix
)";

std::set<std::string> words(std::string_view text) {
  std::set<std::string> out;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) out.insert(w);
  return out;
}

TEST_SUITE("ingress-nginx tables") {
  TEST_CASE("the key table is sorted and holds exactly domain.md 2.3's keys") {
    std::set<std::string> table;
    std::string_view previous;
    for (const KeySpec& k : config_map_keys()) {
      CHECK(k.name > previous);
      previous = k.name;
      table.insert(std::string(k.name));
      if (k.type == ValueType::kEnumeration) CHECK(!k.values.empty());
    }
    const std::set<std::string> domain = words(kDomainKeys);
    CHECK(domain.size() == config_map_keys().size());
    CHECK(table == domain);
    for (const KeySpec& k : config_map_keys()) {
      CHECK(find_key(k.name) == &k);
      CHECK(find_removed_key(k.name) == nullptr);  // a key is known or removed, never both
      if (!k.default_value.empty()) {
        CAPTURE(k.name);
        CHECK(parse_key_value(k, k.default_value).ok);  // every default parses for its own type
      }
    }
    CHECK(find_key("proxy-read-timout") == nullptr);
  }

  TEST_CASE("the annotation table is sorted and holds domain.md 2.4's annotations plus the two aliases") {
    std::set<std::string> table;
    std::string_view previous;
    for (const AnnotationSpec& a : annotations()) {
      CHECK(a.name > previous);
      previous = a.name;
      if (a.alias_of.empty())
        table.insert(std::string(a.name));
      else
        CHECK(find_annotation(a.alias_of) != nullptr);
    }
    CHECK(table == words(kDomainAnnotations));
    CHECK(table.size() == 136);
    CHECK(find_annotation("whitelist-source-range") != nullptr);
    CHECK(find_annotation("proxy-buffers") == nullptr);
    int critical = 0;
    for (const AnnotationSpec& a : annotations()) critical += a.risk == Risk::kCritical ? 1 : 0;
    CHECK(critical == 5);
    for (const diag::KnownConfusion& c : annotation_confusions()) CHECK(find_annotation(c.meant) != nullptr);
    for (const diag::KnownConfusion& c : key_confusions()) CHECK(find_key(c.meant) != nullptr);
  }

  TEST_CASE("integers parse as strconv.ParseInt(v, 0, bits) through mapstructure") {
    CHECK(parse_go_int("120", 64) == 120);
    CHECK(parse_go_int("", 64) == 0);  // weak typing: "" is 0
    CHECK(parse_go_int("-5", 64) == -5);
    CHECK(parse_go_int("+7", 64) == 7);
    CHECK(parse_go_int("0x10", 64) == 16);
    CHECK(parse_go_int("075", 64) == 61);  // a leading 0 is octal
    CHECK(parse_go_int("1_000", 64) == 1000);
    CHECK_FALSE(parse_go_int("08", 64));
    CHECK_FALSE(parse_go_int("120s", 64));
    CHECK_FALSE(parse_go_int("1.5", 64));
    CHECK_FALSE(parse_go_int(" 60", 64));
    CHECK_FALSE(parse_go_int("1__0", 64));
    CHECK_FALSE(parse_go_int("_1", 64));
    CHECK(parse_go_int("2147483647", 32) == 2147483647);
    CHECK_FALSE(parse_go_int("2147483648", 32));
    CHECK_FALSE(parse_go_int("9223372036854775808", 64));
  }

  TEST_CASE("ConfigMap values per type, and who rejects them") {
    const KeySpec& read = *find_key("proxy-read-timeout");
    CHECK(parse_key_value(read, "120").integer == 120);
    const Parsed with_unit = parse_key_value(read, "120s");
    CHECK_FALSE(with_unit.ok);
    CHECK(with_unit.rejection == Rejection::kController);
    CHECK(with_unit.expected == "an integer number of seconds without a unit");
    CHECK(parse_key_value(*find_key("use-proxy-protocol"), "").boolean == false);
    CHECK_FALSE(parse_key_value(*find_key("use-proxy-protocol"), "yes").ok);
    const Parsed size = parse_key_value(*find_key("proxy-body-size"), "10mb");
    CHECK_FALSE(size.ok);
    CHECK(size.rejection == Rejection::kNginx);
    CHECK(parse_key_value(*find_key("proxy-body-size"), "0").ok);
    // float32 and Go durations, as strconv.ParseFloat(s, 32) and time.ParseDuration read them
    const KeySpec& ratio = *find_key("otel-sampler-ratio");
    CHECK(parse_key_value(ratio, "0.5").ok);
    CHECK(parse_key_value(ratio, "0x1p-2").ok);
    CHECK_FALSE(parse_key_value(ratio, "1e39").ok);  // beyond float32
    CHECK_FALSE(parse_key_value(ratio, "-nan").ok);
    const KeySpec& header_timeout = *find_key("proxy-protocol-header-timeout");
    CHECK(parse_key_value(header_timeout, "5s").ok);
    CHECK(parse_key_value(header_timeout, ".5s").ok);
    CHECK_FALSE(parse_key_value(header_timeout, "5").ok);
    CHECK_FALSE(parse_key_value(header_timeout, "3000000h").ok);
    CHECK(parse_key_value(*find_key("proxy-body-size"), "512M").ok);
    CHECK(parse_key_value(*find_key("worker-shutdown-timeout"), "1h 30m").ok);
    CHECK(parse_key_value(*find_key("upstream-keepalive-time"), "90").ok);
    CHECK_FALSE(parse_key_value(*find_key("worker-shutdown-timeout"), "4 minutes").ok);
    CHECK(parse_key_value(*find_key("proxy-protocol-header-timeout"), "1m30.5s").ok);
    CHECK_FALSE(parse_key_value(*find_key("proxy-protocol-header-timeout"), "5").ok);  // Go durations need a unit
    CHECK(parse_key_value(*find_key("annotations-risk-level"), "critical").ok);        // case-insensitive
    CHECK_FALSE(parse_key_value(*find_key("annotations-risk-level"), "Critcal").ok);
    CHECK_FALSE(parse_key_value(*find_key("error-log-level"), "Warn").ok);  // nginx compares exactly
    CHECK(parse_key_value(*find_key("http-redirect-code"), "301").ok);
    CHECK_FALSE(parse_key_value(*find_key("http-redirect-code"), "303").ok);
    CHECK_FALSE(parse_key_value(*find_key("http-redirect-code"), "0x12F").ok);  // strconv.Atoi: base 10 only
    CHECK(parse_key_value(*find_key("proxy-next-upstream"), "error timeout http_502").ok);
    CHECK_FALSE(parse_key_value(*find_key("proxy-next-upstream"), "error,timeout").ok);
    CHECK(parse_key_value(*find_key("large-client-header-buffers"), "4 16k").ok);
    CHECK_FALSE(parse_key_value(*find_key("large-client-header-buffers"), "16k").ok);
    CHECK(parse_key_value(*find_key("lua-shared-dicts"), "configuration_data: 100m, certificate_data: 512k").ok);
    CHECK_FALSE(parse_key_value(*find_key("lua-shared-dicts"), "configuration_data: 300m").ok);
    CHECK(parse_key_value(*find_key("custom-http-errors"), "404, 503").ok);
    CHECK_FALSE(parse_key_value(*find_key("custom-http-errors"), "404,200").ok);
    CHECK(parse_key_value(*find_key("worker-processes"), "auto").ok);
    CHECK_FALSE(parse_key_value(*find_key("worker-processes"), "max").ok);
    CHECK(parse_key_value(*find_key("global-auth-url"), "http://auth.auth.svc.cluster.local/check").ok);
    CHECK_FALSE(parse_key_value(*find_key("global-auth-url"), "auth.example.com/check").ok);
    CHECK(parse_key_value(*find_key("otel-sampler-ratio"), "0.5").ok);
    CHECK_FALSE(parse_key_value(*find_key("otel-sampler-ratio"), "50%").ok);
  }

  TEST_CASE("annotation values parse with strconv.Atoi, ParseBool and the size validator") {
    const AnnotationSpec& read = *find_annotation("proxy-read-timeout");
    CHECK(parse_annotation_value(read, "3600").integer == 3600);
    CHECK_FALSE(parse_annotation_value(read, "3600s").ok);
    CHECK_FALSE(parse_annotation_value(read, "0x10").ok);  // Atoi, unlike the ConfigMap's ParseInt
    CHECK_FALSE(parse_annotation_value(*find_annotation("ssl-redirect"), "").ok);
    CHECK(parse_annotation_value(*find_annotation("proxy-body-size"), "8M").ok);
    CHECK(parse_annotation_value(*find_annotation("proxy-body-size"), "100b").ok);
    CHECK_FALSE(parse_annotation_value(*find_annotation("proxy-body-size"), "8MB").ok);
    CHECK(parse_annotation_value(*find_annotation("backend-protocol"), "grpc").ok);
    CHECK_FALSE(parse_annotation_value(*find_annotation("backend-protocol"), "HTTP2").ok);
    CHECK(parse_annotation_value(*find_annotation("configuration-snippet"), "more_set_headers \"A: b\";").ok);
  }

  TEST_CASE("effective values: annotation, else ConfigMap, else default; unknown without the ConfigMap") {
    const std::string controller =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c, namespace: ingress-nginx}\nspec:\n"
        "  selector: {matchLabels: {app: c}}\n  template:\n    metadata: {labels: {app: c}}\n    spec:\n      "
        "containers:\n"
        "      - name: controller\n        image: registry.k8s.io/ingress-nginx/controller:v1.15.1\n"
        "        args: [/nginx-ingress-controller, --configmap=ingress-nginx/c]\n";
    const std::string config_map =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ingress-nginx}\n"
        "data: {proxy-read-timeout: \"300\", proxy-send-timeout: \"90s\"}\n";
    const std::string ingress =
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\n  namespace: shop\n"
        "  annotations: {nginx.ingress.kubernetes.io/proxy-read-timeout: \"3600\", "
        "nginx.ingress.kubernetes.io/proxy-connect-timeout: \"9s\"}\n"
        "spec: {ingressClassName: nginx}\n";
    const LoadedView m_loaded =
        testing::load_texts({{"c.yaml", controller}, {"cm.yaml", config_map}, {"ing.yaml", ingress}});
    const model::Model& m = m_loaded.model;
    const engine::View view(m, m_loaded.facts);
    const std::vector<Controller> all = controllers(view);
    REQUIRE(all.size() == 1);
    REQUIRE(all[0].config_known);
    REQUIRE(m.ingresses.size() == 1);
    const model::Ingress& ing = m.ingresses[0];
    const auto read = effective_seconds("proxy-read-timeout", all[0], &ing);
    REQUIRE(read);
    CHECK(read->value == 3600);
    CHECK(read->source == Effective::kAnnotation);
    const auto read_cm = effective_seconds("proxy-read-timeout", all[0]);
    REQUIRE(read_cm);
    CHECK(read_cm->value == 300);
    CHECK(read_cm->source == Effective::kConfigMap);
    const auto send = effective_seconds("proxy-send-timeout", all[0], &ing);  // "90s" does not parse: the default
    REQUIRE(send);
    CHECK(send->value == 60);
    CHECK(send->source == Effective::kDefault);
    const auto connect = effective_seconds("proxy-connect-timeout", all[0], &ing);  // "9s" annotation does not parse
    REQUIRE(connect);
    CHECK(connect->value == 5);
    CHECK(effective_seconds("keep-alive", all[0])->value == 75);

    const LoadedView without_cm_loaded = testing::load_texts({{"c.yaml", controller}, {"ing.yaml", ingress}});

    const model::Model& without_cm = without_cm_loaded.model;
    const engine::View view2(without_cm, without_cm_loaded.facts);
    const std::vector<Controller> all2 = controllers(view2);
    REQUIRE(all2.size() == 1);
    CHECK_FALSE(all2[0].config_known);
    CHECK_FALSE(effective_seconds("proxy-read-timeout", all2[0]));
  }
}

}  // namespace
}  // namespace netlint::rules::nginx
