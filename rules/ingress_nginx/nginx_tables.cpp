// The ingress-nginx tables. Sources (knowledge/domain.md 2.1-2.4, controller v1.15):
// internal/ingress/controller/config/config.go (json tags, Go types, NewDefault),
// internal/ingress/defaults/main.go (Backend), internal/ingress/controller/template/configmap.go
// (keys parsed before mapstructure), docs/user-guide/nginx-configuration/annotations-risk.md and
// internal/ingress/annotations/parser (annotations, validators, risks). Removals: ingress-nginx
// issue #10186 (breaking changes per release): OpenTracing, Zipkin, Jaeger, Datadog and legacy
// GeoIP removed in v1.10.0; third-party Lua plugins (#11821) and the global rate limiter (#11851)
// in v1.12.0.
#include "rules/ingress_nginx/nginx_tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <vector>

#include "analyzer/model/placeholder.h"
#include "analyzer/util/go_values.h"
#include "analyzer/util/strings.h"

namespace netlint::rules::nginx {
namespace {

using T = ValueType;
constexpr Rejection kNginx = Rejection::kNginx;

constexpr KeySpec K(std::string_view name, ValueType type = ValueType::kString, std::string_view default_value = {}) {
  KeySpec k;
  k.name = name;
  k.type = type;
  k.default_value = default_value;
  return k;
}
constexpr KeySpec E(std::string_view name, std::string_view default_value, std::string_view values,
                    bool case_insensitive, Rejection rejection, std::string_view fallback = {}) {
  KeySpec k = K(name, ValueType::kEnumeration, default_value);
  k.values = values;
  k.case_insensitive = case_insensitive;
  k.rejection = rejection;
  k.fallback = fallback;
  return k;
}
constexpr AnnotationSpec A(std::string_view name, ValueType type = ValueType::kString, Risk risk = Risk::kLowOrMedium) {
  AnnotationSpec a;
  a.name = name;
  a.type = type;
  a.risk = risk;
  return a;
}
constexpr AnnotationSpec Alias(std::string_view name, std::string_view of) {
  AnnotationSpec a = A(name);
  a.alias_of = of;
  return a;
}
constexpr AnnotationSpec AE(std::string_view name, std::string_view values) {
  AnnotationSpec a = A(name, ValueType::kEnumeration);
  a.values = values;
  a.case_insensitive = true;
  return a;
}

// Sorted by name (a test checks it, lookups binary-search it).
constexpr std::array kKeys = std::to_array<KeySpec>({
    K("access-log-params"),
    K("access-log-path", T::kString, "/var/log/nginx/access.log"),
    K("add-headers"),
    K("allow-backend-server-header", T::kBoolean, "false"),
    K("allow-cross-namespace-resources", T::kBoolean, "false"),
    K("allow-snippet-annotations", T::kBoolean, "false"),
    K("annotation-value-word-blocklist"),
    E("annotations-risk-level", "High", "Critical|High|Medium|Low", true, Rejection::kController, "Low"),
    K("app-root"),
    K("bind-address"),
    K("bind-address-ipv4"),
    K("bind-address-ipv6"),
    K("block-cidrs"),
    K("block-referers"),
    K("block-user-agents"),
    K("brotli-level", T::kInteger, "4"),
    K("brotli-min-length", T::kInteger, "20"),
    K("brotli-types"),
    K("client-body-buffer-size", T::kNginxSize, "8k"),
    K("client-body-timeout", T::kSeconds, "60"),
    K("client-header-buffer-size", T::kNginxSize, "1k"),
    K("client-header-timeout", T::kSeconds, "60"),
    K("compute-full-forwarded-for", T::kBoolean, "false"),
    K("custom-http-errors", T::kHttpCodes),
    K("debug-connections"),
    K("default-type", T::kString, "text/html"),
    K("denylist-source-range"),
    K("disable-access-log", T::kBoolean, "false"),
    K("disable-http-access-log", T::kBoolean, "false"),
    K("disable-ipv6", T::kBoolean, "false"),
    K("disable-ipv6-dns", T::kBoolean, "false"),
    K("disable-proxy-intercept-errors", T::kBoolean, "false"),
    K("disable-stream-access-log", T::kBoolean, "false"),
    K("enable-access-log-for-default-backend", T::kBoolean, "false"),
    K("enable-aio-write", T::kBoolean, "true"),
    K("enable-auth-access-log", T::kBoolean, "false"),
    K("enable-brotli", T::kBoolean, "false"),
    K("enable-modsecurity", T::kBoolean, "false"),
    K("enable-multi-accept", T::kBoolean, "true"),
    K("enable-ocsp", T::kBoolean, "false"),
    K("enable-opentelemetry", T::kBoolean, "false"),
    K("enable-owasp-modsecurity-crs", T::kBoolean, "false"),
    K("enable-real-ip", T::kBoolean, "false"),
    K("enable-serial-reloads", T::kBoolean, "false"),
    K("enable-syslog", T::kBoolean, "false"),
    K("enable-underscores-in-headers", T::kBoolean, "false"),
    E("error-log-level", "notice", "debug|info|notice|warn|error|crit|alert|emerg", false, kNginx),
    K("error-log-path", T::kString, "/var/log/nginx/error.log"),
    K("force-ssl-redirect", T::kBoolean, "false"),
    K("forwarded-for-header", T::kString, "X-Forwarded-For"),
    K("forwarded-for-proxy-protocol-header", T::kString, "X-Forwarded-For-Proxy-Protocol"),
    K("forwarded-host-header", T::kString, "X-Forwarded-Host"),
    K("generate-request-id", T::kBoolean, "true"),
    K("geoip2-autoreload-in-minutes", T::kInteger, "0"),
    K("global-allowed-response-headers"),
    K("global-auth-always-set-cookie", T::kBoolean, "false"),
    K("global-auth-cache-duration"),
    K("global-auth-cache-key"),
    K("global-auth-method"),
    K("global-auth-request-redirect"),
    K("global-auth-response-headers"),
    K("global-auth-signin", T::kUrl),
    K("global-auth-signin-redirect-param", T::kString, "rd"),
    K("global-auth-snippet"),
    K("global-auth-url", T::kUrl),
    K("grpc-buffer-size-kb", T::kInteger, "0"),
    K("gzip-disable"),
    K("gzip-level", T::kInteger, "1"),
    K("gzip-min-length", T::kInteger, "256"),
    K("gzip-types"),
    K("hide-headers"),
    K("hsts", T::kBoolean, "true"),
    K("hsts-include-subdomains", T::kBoolean, "true"),
    K("hsts-max-age", T::kString, "31536000"),
    K("hsts-preload", T::kBoolean, "false"),
    K("http-access-log-path"),
    K("http-redirect-code", T::kRedirectCode, "308"),
    K("http-snippet"),
    K("http2-max-concurrent-streams", T::kInteger, "128"),
    K("http2-max-field-size"),
    K("http2-max-header-size"),
    K("http2-max-requests", T::kInteger, "0"),
    K("ignore-invalid-headers", T::kBoolean, "true"),
    K("keep-alive", T::kSeconds, "75"),
    K("keep-alive-requests", T::kInteger, "1000"),
    K("large-client-header-buffers", T::kNumberAndSize, "4 8k"),
    K("limit-conn-status-code", T::kInteger, "503"),
    K("limit-conn-zone-variable", T::kString, "$binary_remote_addr"),
    K("limit-rate", T::kInteger, "0"),
    K("limit-rate-after", T::kInteger, "0"),
    K("limit-req-status-code", T::kInteger, "503"),
    K("load-balance", T::kString, "round_robin"),
    K("location-snippet"),
    K("log-format-escape-json", T::kBoolean, "false"),
    K("log-format-escape-none", T::kBoolean, "false"),
    K("log-format-stream"),
    K("log-format-upstream"),
    K("lua-shared-dicts", T::kLuaSharedDicts),
    K("main-snippet"),
    K("map-hash-bucket-size", T::kInteger, "64"),
    K("max-worker-connections", T::kInteger, "16384"),
    K("max-worker-open-files", T::kInteger, "0"),
    K("modsecurity-snippet"),
    K("nginx-status-ipv4-whitelist", T::kString, "127.0.0.1"),
    K("nginx-status-ipv6-whitelist", T::kString, "::1"),
    K("no-auth-locations", T::kString, "/.well-known/acme-challenge"),
    K("no-tls-redirect-locations", T::kString, "/.well-known/acme-challenge"),
    K("opentelemetry-config", T::kString, "/etc/nginx/opentelemetry.toml"),
    K("opentelemetry-operation-name"),
    K("opentelemetry-trust-incoming-span", T::kBoolean, "true"),
    K("otel-max-export-batch-size", T::kInteger32, "512"),
    K("otel-max-queuesize", T::kInteger32, "2048"),
    K("otel-sampler", T::kString, "AlwaysOn"),
    K("otel-sampler-parent-based", T::kBoolean, "true"),
    K("otel-sampler-ratio", T::kFloat32, "0.01"),
    K("otel-schedule-delay-millis", T::kInteger32, "5000"),
    K("otel-service-name", T::kString, "nginx"),
    K("otlp-collector-host"),
    K("otlp-collector-port", T::kString, "4317"),
    K("preserve-trailing-slash", T::kBoolean, "false"),
    K("proxy-add-original-uri-header", T::kBoolean, "false"),
    K("proxy-body-size", T::kNginxSize, "1m"),
    K("proxy-buffer-size", T::kNginxSize, "4k"),
    E("proxy-buffering", "off", "on|off", false, kNginx),
    K("proxy-buffers-number", T::kInteger, "4"),
    K("proxy-busy-buffers-size", T::kNginxSize),
    K("proxy-connect-timeout", T::kSeconds, "5"),
    K("proxy-cookie-domain", T::kString, "off"),
    K("proxy-cookie-path", T::kString, "off"),
    K("proxy-headers-hash-bucket-size", T::kInteger, "64"),
    K("proxy-headers-hash-max-size", T::kInteger, "512"),
    E("proxy-http-version", "1.1", "1.0|1.1", false, kNginx),
    K("proxy-max-temp-file-size", T::kNginxSize, "1024m"),
    K("proxy-next-upstream", T::kNextUpstream, "error timeout"),
    K("proxy-next-upstream-timeout", T::kSeconds, "0"),
    K("proxy-next-upstream-tries", T::kInteger, "3"),
    K("proxy-protocol-header-timeout", T::kGoDuration, "5s"),
    K("proxy-read-timeout", T::kSeconds, "60"),
    K("proxy-real-ip-cidr", T::kString, "0.0.0.0/0"),
    K("proxy-redirect-from", T::kString, "off"),
    K("proxy-redirect-to", T::kString, "off"),
    E("proxy-request-buffering", "on", "on|off", false, kNginx),
    K("proxy-send-timeout", T::kSeconds, "60"),
    K("proxy-set-headers"),
    K("proxy-ssl-location-only", T::kBoolean, "false"),
    K("proxy-stream-next-upstream", T::kBoolean, "true"),
    K("proxy-stream-next-upstream-timeout", T::kNginxTime, "600s"),
    K("proxy-stream-next-upstream-tries", T::kInteger, "3"),
    K("proxy-stream-responses", T::kDecimal, "1"),
    K("proxy-stream-timeout", T::kNginxTime, "600s"),
    K("relative-redirects", T::kBoolean, "false"),
    K("retry-non-idempotent", T::kBoolean, "false"),
    K("reuse-port", T::kBoolean, "true"),
    K("server-name-hash-bucket-size", T::kInteger),
    K("server-name-hash-max-size", T::kInteger, "1024"),
    K("server-snippet"),
    K("server-tokens", T::kBoolean, "false"),
    K("service-upstream", T::kBoolean, "false"),
    K("skip-access-log-urls"),
    K("ssl-buffer-size", T::kNginxSize, "4k"),
    K("ssl-ciphers"),
    K("ssl-dh-param"),
    K("ssl-early-data", T::kBoolean, "false"),
    K("ssl-ecdh-curve", T::kString, "auto"),
    K("ssl-protocols", T::kString, "TLSv1.2 TLSv1.3"),
    K("ssl-redirect", T::kBoolean, "true"),
    K("ssl-reject-handshake", T::kBoolean, "false"),
    K("ssl-session-cache", T::kBoolean, "true"),
    K("ssl-session-cache-size", T::kNginxSize, "10m"),
    K("ssl-session-ticket-key"),
    K("ssl-session-tickets", T::kBoolean, "false"),
    K("ssl-session-timeout", T::kNginxTime, "10m"),
    K("stream-access-log-path"),
    K("stream-snippet"),
    K("strict-validate-path-type", T::kBoolean, "true"),
    K("syslog-host"),
    K("syslog-port", T::kInteger, "514"),
    K("upstream-hash-by"),
    K("upstream-hash-by-subset", T::kBoolean, "false"),
    K("upstream-hash-by-subset-size", T::kInteger, "3"),
    K("upstream-keepalive-connections", T::kInteger, "320"),
    K("upstream-keepalive-requests", T::kInteger, "10000"),
    K("upstream-keepalive-time", T::kNginxTime, "1h"),
    K("upstream-keepalive-timeout", T::kSeconds, "60"),
    K("use-forwarded-headers", T::kBoolean, "false"),
    K("use-geoip2", T::kBoolean, "false"),
    K("use-gzip", T::kBoolean, "false"),
    K("use-http2", T::kBoolean, "true"),
    K("use-port-in-redirects", T::kBoolean, "false"),
    K("use-proxy-protocol", T::kBoolean, "false"),
    K("variables-hash-bucket-size", T::kInteger, "256"),
    K("variables-hash-max-size", T::kInteger, "2048"),
    K("whitelist-source-range"),
    K("worker-cpu-affinity"),
    K("worker-processes", T::kWorkerProcesses),
    K("worker-shutdown-timeout", T::kNginxTime, "240s"),
});

constexpr Risk kHigh = Risk::kHigh;
constexpr Risk kCritical = Risk::kCritical;

// Sorted by name; the two aliases point at the annotation they stand for.
constexpr std::array kAnnotations = std::to_array<AnnotationSpec>({
    A("affinity"),
    A("affinity-canary-behavior"),
    A("affinity-mode"),
    A("allowlist-source-range"),
    A("app-root"),
    A("auth-always-set-cookie", T::kBoolean),
    A("auth-cache-duration"),
    A("auth-cache-key"),
    A("auth-keepalive", T::kDecimal),
    A("auth-keepalive-requests", T::kDecimal),
    A("auth-keepalive-share-vars", T::kBoolean),
    A("auth-keepalive-timeout", T::kDecimalSeconds),
    A("auth-method"),
    A("auth-proxy-set-headers"),
    A("auth-realm"),
    A("auth-request-redirect"),
    A("auth-response-headers"),
    A("auth-secret"),
    A("auth-secret-type"),
    A("auth-signin", T::kString, kHigh),
    A("auth-signin-redirect-param"),
    A("auth-snippet", T::kString, kCritical),
    A("auth-tls-error-page", T::kString, kHigh),
    A("auth-tls-match-cn", T::kString, kHigh),
    A("auth-tls-pass-certificate-to-upstream", T::kBoolean),
    A("auth-tls-secret"),
    A("auth-tls-verify-client"),
    A("auth-tls-verify-depth", T::kDecimal),
    A("auth-type"),
    A("auth-url", T::kString, kHigh),
    AE("backend-protocol", "AUTO_HTTP|HTTP|HTTPS|AJP|GRPC|GRPCS|FCGI"),
    A("canary", T::kBoolean),
    A("canary-by-cookie"),
    A("canary-by-header"),
    A("canary-by-header-pattern"),
    A("canary-by-header-value"),
    A("canary-weight", T::kDecimal),
    A("canary-weight-total", T::kDecimal),
    A("client-body-buffer-size", T::kSizeAnnotation),
    A("configuration-snippet", T::kString, kCritical),
    A("connection-proxy-header"),
    A("cors-allow-credentials", T::kBoolean),
    A("cors-allow-headers"),
    A("cors-allow-methods"),
    A("cors-allow-origin"),
    A("cors-expose-headers"),
    A("cors-max-age", T::kDecimalSeconds),
    A("custom-headers"),
    A("custom-http-errors"),
    A("default-backend"),
    A("denylist-source-range"),
    A("disable-proxy-intercept-errors", T::kBoolean),
    A("enable-access-log", T::kBoolean),
    A("enable-cors", T::kBoolean),
    A("enable-global-auth", T::kBoolean),
    A("enable-modsecurity", T::kBoolean),
    A("enable-opentelemetry", T::kBoolean),
    A("enable-owasp-core-rules", T::kBoolean),
    A("enable-rewrite-log", T::kBoolean),
    A("fastcgi-index"),
    A("fastcgi-params-configmap"),
    A("force-ssl-redirect", T::kBoolean),
    A("from-to-www-redirect", T::kBoolean),
    A("http2-push-preload", T::kBoolean),
    A("limit-allowlist"),
    A("limit-burst-multiplier", T::kDecimal),
    A("limit-connections", T::kDecimal),
    A("limit-rate", T::kDecimal),
    A("limit-rate-after", T::kDecimal),
    A("limit-rpm", T::kDecimal),
    A("limit-rps", T::kDecimal),
    Alias("limit-whitelist", "limit-allowlist"),
    A("load-balance"),
    A("mirror-host", T::kString, kHigh),
    A("mirror-request-body"),
    A("mirror-target", T::kString, kHigh),
    A("modsecurity-snippet", T::kString, kCritical),
    A("modsecurity-transaction-id", T::kString, kHigh),
    A("opentelemetry-operation-name"),
    A("opentelemetry-trust-incoming-span", T::kBoolean),
    A("permanent-redirect"),
    A("permanent-redirect-code", T::kDecimal),
    A("preserve-trailing-slash", T::kBoolean),
    A("proxy-body-size", T::kSizeAnnotation),
    A("proxy-buffer-size", T::kSizeAnnotation),
    A("proxy-buffering"),
    A("proxy-buffers-number", T::kDecimal),
    A("proxy-busy-buffers-size", T::kSizeAnnotation),
    A("proxy-connect-timeout", T::kDecimalSeconds),
    A("proxy-cookie-domain"),
    A("proxy-cookie-path"),
    A("proxy-http-version"),
    A("proxy-max-temp-file-size", T::kSizeAnnotation),
    A("proxy-next-upstream", T::kNextUpstream),
    A("proxy-next-upstream-timeout", T::kDecimalSeconds),
    A("proxy-next-upstream-tries", T::kDecimal),
    A("proxy-read-timeout", T::kDecimalSeconds),
    A("proxy-redirect-from"),
    A("proxy-redirect-to"),
    A("proxy-request-buffering"),
    A("proxy-send-timeout", T::kDecimalSeconds),
    A("proxy-ssl-ciphers"),
    A("proxy-ssl-name", T::kString, kHigh),
    A("proxy-ssl-protocols"),
    A("proxy-ssl-secret"),
    A("proxy-ssl-server-name"),
    A("proxy-ssl-verify"),
    A("proxy-ssl-verify-depth", T::kDecimal),
    A("relative-redirects", T::kBoolean),
    A("rewrite-target"),
    A("satisfy"),
    A("server-alias", T::kString, kHigh),
    A("server-snippet", T::kString, kCritical),
    A("service-upstream", T::kBoolean),
    A("session-cookie-change-on-failure", T::kBoolean),
    A("session-cookie-conditional-samesite-none", T::kBoolean),
    A("session-cookie-domain"),
    A("session-cookie-expires"),
    A("session-cookie-max-age"),
    A("session-cookie-name"),
    A("session-cookie-path"),
    A("session-cookie-samesite"),
    A("session-cookie-secure", T::kBoolean),
    A("ssl-ciphers"),
    A("ssl-passthrough", T::kBoolean),
    A("ssl-prefer-server-ciphers", T::kBoolean),
    A("ssl-redirect", T::kBoolean),
    A("stream-snippet", T::kString, kCritical),
    A("temporal-redirect"),
    A("temporal-redirect-code", T::kDecimal),
    A("upstream-hash-by", T::kString, kHigh),
    A("upstream-hash-by-subset", T::kBoolean),
    A("upstream-hash-by-subset-size", T::kDecimal),
    A("upstream-vhost"),
    A("use-port-in-redirects", T::kBoolean),
    A("use-regex", T::kBoolean),
    Alias("whitelist-source-range", "allowlist-source-range"),
    A("x-forwarded-prefix"),
});

constexpr std::string_view kOpenTracing = "OpenTracing, Zipkin, Jaeger and Datadog support";

constexpr std::array kRemovedKeys = std::to_array<Removed>({
    {"datadog-collector-host", "1.10.0", kOpenTracing},
    {"datadog-collector-port", "1.10.0", kOpenTracing},
    {"datadog-environment", "1.10.0", kOpenTracing},
    {"datadog-operation-name-override", "1.10.0", kOpenTracing},
    {"datadog-priority-sampling", "1.10.0", kOpenTracing},
    {"datadog-sample-rate", "1.10.0", kOpenTracing},
    {"datadog-service-name", "1.10.0", kOpenTracing},
    {"enable-opentracing", "1.10.0", kOpenTracing},
    {"global-rate-limit-memcached-connect-timeout", "1.12.0", "global rate limiting"},
    {"global-rate-limit-memcached-host", "1.12.0", "global rate limiting"},
    {"global-rate-limit-memcached-max-idle-timeout", "1.12.0", "global rate limiting"},
    {"global-rate-limit-memcached-pool-size", "1.12.0", "global rate limiting"},
    {"global-rate-limit-memcached-port", "1.12.0", "global rate limiting"},
    {"global-rate-limit-status-code", "1.12.0", "global rate limiting"},
    {"jaeger-baggage-header", "1.10.0", kOpenTracing},
    {"jaeger-collector-host", "1.10.0", kOpenTracing},
    {"jaeger-collector-port", "1.10.0", kOpenTracing},
    {"jaeger-debug-header", "1.10.0", kOpenTracing},
    {"jaeger-endpoint", "1.10.0", kOpenTracing},
    {"jaeger-propagation-format", "1.10.0", kOpenTracing},
    {"jaeger-sampler-host", "1.10.0", kOpenTracing},
    {"jaeger-sampler-param", "1.10.0", kOpenTracing},
    {"jaeger-sampler-port", "1.10.0", kOpenTracing},
    {"jaeger-sampler-type", "1.10.0", kOpenTracing},
    {"jaeger-service-name", "1.10.0", kOpenTracing},
    {"jaeger-trace-baggage-header-prefix", "1.10.0", kOpenTracing},
    {"jaeger-trace-context-header-name", "1.10.0", kOpenTracing},
    {"opentracing-location-operation-name", "1.10.0", kOpenTracing},
    {"opentracing-operation-name", "1.10.0", kOpenTracing},
    {"opentracing-trust-incoming-span", "1.10.0", kOpenTracing},
    {"plugins", "1.12.0", "third-party Lua plugin support"},
    {"use-geoip", "1.10.0", "legacy GeoIP support (use-geoip2 remains)"},
    {"zipkin-collector-host", "1.10.0", kOpenTracing},
    {"zipkin-collector-port", "1.10.0", kOpenTracing},
    {"zipkin-sample-rate", "1.10.0", kOpenTracing},
    {"zipkin-service-name", "1.10.0", kOpenTracing},
});

constexpr std::array kRemovedAnnotations = std::to_array<Removed>({
    {"enable-opentracing", "1.10.0", kOpenTracing},
    {"global-rate-limit", "1.12.0", "global rate limiting"},
    {"global-rate-limit-ignored-cidrs", "1.12.0", "global rate limiting"},
    {"global-rate-limit-key", "1.12.0", "global rate limiting"},
    {"global-rate-limit-window", "1.12.0", "global rate limiting"},
    {"opentracing-trust-incoming-span", "1.10.0", kOpenTracing},
});

// domain.md 2.4 (issue #12286): names written in the wild for another one.
constexpr std::array kAnnotationConfusions = std::to_array<diag::KnownConfusion>({
    {"proxy-buffers", "proxy-buffers-number"},
    {"proxy-connection-header", "connection-proxy-header"},
    {"proxy-timeout", "proxy-read-timeout"},
});
constexpr std::array kKeyConfusions = std::to_array<diag::KnownConfusion>({
    {"proxy-buffers", "proxy-buffers-number"},
    {"client-max-body-size", "proxy-body-size"},
    {"keepalive-timeout", "keep-alive"},
    {"keepalive", "keep-alive"},
});

template <class Table>
auto find_in(const Table& table, std::string_view name) -> decltype(&table[0]) {
  const auto it =
      std::lower_bound(table.begin(), table.end(), name, [](const auto& e, std::string_view n) { return e.name < n; });
  return it != table.end() && it->name == name ? &*it : nullptr;
}

// nginx's ngx_parse_size: digits with an optional k/K/m/M/g/G.
bool nginx_size(std::string_view s) {
  if (!s.empty() && std::string_view("kKmMgG").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return all_ascii_digits(s);
}

// nginx's ngx_parse_time: number+unit groups (ms s m h d w M y), spaces between, a bare number = seconds.
bool nginx_time(std::string_view s) {
  std::size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i == s.size()) break;
    const std::size_t start = i;
    while (i < s.size() && is_ascii_digit(s[i])) ++i;
    if (i == start) return false;
    any = true;
    if (i == s.size() || s[i] == ' ') continue;
    if (s.substr(i, 2) == "ms") {
      i += 2;
    } else if (std::string_view("smhdwMy").find(s[i]) != std::string_view::npos) {
      ++i;
    } else {
      return false;
    }
  }
  return any;
}

bool url_with_host(std::string_view s) {
  const std::size_t colon = s.find("://");
  if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  std::string_view host = s.substr(colon + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (const std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  return !host.empty() && host.find("..") == std::string_view::npos;
}

bool in_values(std::string_view values, std::string_view v, bool case_insensitive) {
  std::size_t start = 0;
  while (start <= values.size()) {
    const std::size_t bar = values.find('|', start);
    const std::string_view item =
        values.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    const bool equal =
        case_insensitive ? item.size() == v.size() && std::equal(item.begin(), item.end(), v.begin(),
                                                                 [](char a, char b) {
                                                                   return std::tolower(static_cast<unsigned char>(a)) ==
                                                                          std::tolower(static_cast<unsigned char>(b));
                                                                 })
                         : item == v;
    if (equal) return true;
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return false;
}

bool next_upstream(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kTokens = {"error",    "timeout",  "invalid_header", "http_500",
                                                               "http_502", "http_503", "http_504",       "http_403",
                                                               "http_404", "http_429", "non_idempotent", "off"};
  bool any = false;
  for (std::string_view word : split(s, ' ')) {
    if (word.empty()) continue;
    if (std::find(kTokens.begin(), kTokens.end(), word) == kTokens.end()) return false;
    any = true;
  }
  return any;
}

Parsed fail(std::string expected, Rejection rejection = Rejection::kController) {
  Parsed p;
  p.expected = std::move(expected);
  p.rejection = rejection;
  return p;
}

Parsed ok_integer(std::optional<std::int64_t> v) {
  Parsed p;
  p.ok = true;
  p.integer = v;
  return p;
}

Parsed ok_plain() {
  Parsed p;
  p.ok = true;
  return p;
}

Parsed placeholder_value() {
  Parsed p = ok_plain();
  p.placeholder = true;
  return p;
}

// The checks both tables share; `annotation` switches the integer parser (annotations use Atoi).
Parsed parse_typed(ValueType type, std::string_view v, std::string_view values, bool case_insensitive,
                   Rejection enum_rejection) {
  switch (type) {
    case T::kString:
      return ok_plain();
    case T::kSeconds:
    case T::kInteger:
    case T::kInteger32: {
      const auto n = parse_go_int(v, type == T::kInteger32 ? 32 : 64);
      if (n) return ok_integer(n);
      return fail(type == T::kSeconds ? "an integer number of seconds without a unit" : "an integer");
    }
    case T::kDecimal:
    case T::kDecimalSeconds: {
      const auto n = go_atoi(v);
      if (n) return ok_integer(n);
      return fail(type == T::kDecimalSeconds ? "an integer number of seconds without a unit" : "a decimal integer");
    }
    case T::kFloat32:
      return v.empty() || go_parse_float(v, 32) ? ok_plain() : fail("a number");
    case T::kBoolean: {
      if (v.empty()) {
        Parsed p = ok_plain();
        p.boolean = false;
        return p;
      }
      const auto b = go_parse_bool(v);
      if (!b) return fail("a boolean (true or false)");
      Parsed p = ok_plain();
      p.boolean = b;
      return p;
    }
    case T::kGoDuration:
      return go_parse_duration(v) ? ok_plain() : fail("a Go duration such as 5s or 1m30s");
    case T::kNginxTime:
      return nginx_time(v) ? ok_plain() : fail("an nginx time such as 60s, 10m or 1h", Rejection::kNginx);
    case T::kNginxSize:
      return nginx_size(v) ? ok_plain() : fail("an nginx size such as 8k or 1m", Rejection::kNginx);
    case T::kSizeAnnotation: {
      std::string_view s = v;
      if (!s.empty() && std::string_view("bBkKmMgG").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
      return all_ascii_digits(s) ? ok_plain() : fail("a size such as 8k or 1m");
    }
    case T::kNumberAndSize: {
      const std::string_view t = trim(v);
      const std::size_t space = t.find_first_of(" \t");
      const bool good =
          space != std::string_view::npos && all_ascii_digits(t.substr(0, space)) && nginx_size(trim(t.substr(space)));
      return good ? ok_plain() : fail("a number and an nginx size such as \"4 8k\"", Rejection::kNginx);
    }
    case T::kNextUpstream:
      return next_upstream(v)
                 ? ok_plain()
                 : fail(
                       "space-separated proxy_next_upstream conditions (error, timeout, invalid_header, http_500, "
                       "http_502, http_503, http_504, http_403, http_404, http_429, non_idempotent, off)",
                       enum_rejection);
    case T::kEnumeration:
      return in_values(values, v, case_insensitive)
                 ? ok_plain()
                 : fail(fmt::format("one of {}", describe_values(values)), enum_rejection);
    case T::kRedirectCode: {
      const auto n = go_atoi(v);
      if (n && (*n == 301 || *n == 302 || *n == 307 || *n == 308)) return ok_integer(n);
      return fail("301, 302, 307 or 308");
    }
    case T::kHttpCodes:
      for (std::string_view item : split(v, ',')) {
        item = trim(item);
        if (item.empty()) continue;
        const auto n = go_atoi(item);
        if (!n || *n < 300 || *n > 599) return fail("comma-separated HTTP status codes from 300 to 599");
      }
      return ok_plain();
    case T::kWorkerProcesses:
      return v == "auto" || all_ascii_digits(v) ? ok_plain() : fail("auto or a number of processes", Rejection::kNginx);
    case T::kLuaSharedDicts:
      for (std::string_view item : split(v, ',')) {
        std::string compact;
        for (char c : item) {
          if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
        }
        if (compact.empty()) continue;
        const std::size_t colon = compact.find(':');
        if (colon == std::string::npos)
          return fail("comma-separated name: size entries such as \"configuration_data: 20m\"");
        std::string_view size = std::string_view(compact).substr(colon + 1);
        std::int64_t factor = 1024;
        if (!size.empty() && (size.back() == 'k' || size.back() == 'K')) factor = 1;
        if (!size.empty() && std::string_view("kKmM").find(size.back()) != std::string_view::npos)
          size.remove_suffix(1);
        const auto n = all_ascii_digits(size) ? go_atoi(size) : std::nullopt;
        if (!n || *n * factor > 204800)
          return fail("comma-separated name: size entries (size like 20m or 512k, at most 200m)");
      }
      return ok_plain();
    case T::kUrl:
      return url_with_host(v) ? ok_plain() : fail("a URL with scheme and host");
  }
  return ok_plain();
}

}  // namespace

std::span<const KeySpec> config_map_keys() {
  return kKeys;
}
std::span<const AnnotationSpec> annotations() {
  return kAnnotations;
}

const KeySpec* find_key(std::string_view name) {
  return find_in(kKeys, name);
}
const AnnotationSpec* find_annotation(std::string_view name) {
  return find_in(kAnnotations, name);
}
const Removed* find_removed_key(std::string_view name) {
  return find_in(kRemovedKeys, name);
}
const Removed* find_removed_annotation(std::string_view name) {
  return find_in(kRemovedAnnotations, name);
}

std::span<const diag::KnownConfusion> key_confusions() {
  return kKeyConfusions;
}
std::span<const diag::KnownConfusion> annotation_confusions() {
  return kAnnotationConfusions;
}

std::optional<std::int64_t> parse_go_int(std::string_view text, int bits) {
  if (text.empty()) return 0;  // mapstructure's weak typing reads "" as 0
  return go_parse_int(text, 0, bits);
}

Parsed parse_key_value(const KeySpec& key, std::string_view value) {
  // nginx-syntax values hold nginx variables (`$remote_addr`): only installer tokens, `${NAME}`
  // and templates there (RULES.md "API defaulting and placeholders").
  if (model::is_placeholder(value,
                            key.rejection == Rejection::kNginx ? model::FieldKind::kScript : model::FieldKind::kText)) {
    return placeholder_value();
  }
  // Empty nginx-syntax values: the template's handling differs per key; never reported.
  if (value.empty() && key.rejection == Rejection::kNginx) return ok_plain();
  if (value.empty() && (key.type == T::kNginxSize || key.type == T::kNginxTime || key.type == T::kNumberAndSize ||
                        key.type == T::kNextUpstream || key.type == T::kWorkerProcesses || key.type == T::kHttpCodes ||
                        key.type == T::kLuaSharedDicts || key.type == T::kUrl)) {
    return ok_plain();
  }
  const Rejection enum_rejection = key.type == T::kNextUpstream ? Rejection::kNginx : key.rejection;
  return parse_typed(key.type, value, key.values, key.case_insensitive, enum_rejection);
}

Parsed parse_annotation_value(const AnnotationSpec& annotation, std::string_view value) {
  if (model::is_placeholder(value, model::FieldKind::kText)) return placeholder_value();
  // Annotations go through strconv directly, without mapstructure's weak typing: "" is no boolean.
  if (value.empty() && annotation.type == T::kBoolean) return fail("a boolean (true or false)");
  return parse_typed(annotation.type, value, annotation.values, annotation.case_insensitive, Rejection::kController);
}

std::string describe_values(std::string_view values) {
  std::vector<std::string> items;
  for (std::string_view v : split(values, '|')) items.emplace_back(v);
  return diag::join_alternatives(items);
}

}  // namespace netlint::rules::nginx
