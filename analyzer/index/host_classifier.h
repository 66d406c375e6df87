// What a host name in a pod's configuration refers to, as cluster DNS would resolve it from the
// pod (knowledge/domain.md section 5): a Service by short name, `<svc>.<ns>`, `<svc>.<ns>.svc`,
// a cluster FQDN, a per-pod name under a headless Service, an external host (a name under a
// public suffix of the Public Suffix List), an IP literal, or not a name at all.
//
// It errs on the side of silence: anything that could be a file name, a path, an email, a
// version string, a placeholder (`${X}`, `{{ x }}`, `__X__`, `<x>`, `$(X)`), `localhost`, or a
// dotted name under neither a namespace of the view nor a public suffix is `kNotAName`.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace netlint::index {

enum class HostKind : std::uint8_t {
  kServiceShort,      // `orders`: a Service of the pod's own namespace
  kServiceNamespace,  // `orders.shop`: only when `shop` is a namespace of the view
  kServiceSvc,        // `orders.shop.svc`
  kServiceFqdn,       // `orders.shop.svc.cluster.local` (any domain; see HostClass::other_domain)
  kPodName,           // `web-0.web.shop.svc[.cluster.local]`, `web-0.web.shop`, `web-0.web`
  kExternal,          // `api.example.com`: under a public suffix
  kIpLiteral,         // `10.0.0.1`, `::1`
  kNotAName,
};

// "service short name", "external host", ...: for test output and messages.
std::string_view host_kind_name(HostKind kind);
// True for the kinds that cluster DNS answers (Services and per-pod names).
bool is_cluster_kind(HostKind kind);

struct HostClass {
  HostKind kind = HostKind::kNotAName;
  std::string service;         // cluster kinds
  std::string namespace_name;  // when the name says it (empty for short names and `<pod>.<svc>`)
  std::string pod;             // kPodName
  std::string domain;          // kServiceFqdn and FQDN pod names: the domain as written
  bool other_domain = false;   // that domain is not the classifier's cluster domain
};

// True when a name is a namespace of the view.
using NamespacePredicate = std::function<bool(std::string_view)>;

class HostClassifier {
 public:
  // The namespaces `default`, `kube-system`, `kube-public` and `kube-node-lease` exist in every
  // cluster and count as namespaces whatever `is_namespace` says.
  explicit HostClassifier(NamespacePredicate is_namespace = {}, std::string cluster_domain = "cluster.local");

  // `host` as written, without port, URL brackets or trailing dot. Case matters: cluster forms
  // are lowercase (Service and namespace names are), external names may have any case.
  HostClass classify(std::string_view host) const;

  bool is_namespace(std::string_view name) const;
  const std::string& cluster_domain() const noexcept { return cluster_domain_; }

 private:
  NamespacePredicate is_namespace_;
  std::string cluster_domain_;
};

// The port a scheme's clients use when none is written: http 80, https 443, grpc 443,
// postgres(ql) 5432, mysql 3306, redis 6379, mongodb 27017, amqp 5672, nats 4222, kafka 9092,
// and ws 80, wss 443, rediss 6379, amqps 5671, mariadb 3306. `scheme` is lowercase.
std::optional<std::uint16_t> default_port(std::string_view scheme);

// True for IPv4 dotted quads and IPv6 addresses (an IPv6 zone `%eth0` is allowed).
bool is_ip_literal(std::string_view host);

// True when the last label of a dotted name is a public suffix of the Public Suffix List (the
// PSL's implicit `*` rule is not applied, so `.local` or `.internal` are not) and the whole
// name is not itself a public suffix. Case-insensitive.
bool under_public_suffix(std::string_view host);

// RFC 1123 label (namespaces, pod host names) and RFC 1035 label (Service names), lowercase.
bool is_dns1123_label(std::string_view label);
bool is_dns1035_label(std::string_view label);

}  // namespace netlint::index
