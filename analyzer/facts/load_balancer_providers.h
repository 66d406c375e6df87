// The provider tables behind classify_load_balancer (internal to analyzer/facts). Each provider
// family (found by its annotation prefixes) selects a product by its type annotation; each
// product is one table of annotations and what they mean, plus its documented defaults. The
// classifier (load_balancer.cpp) interprets the tables; the facts and their sources are in
// load_balancer_providers.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "analyzer/facts/load_balancer.h"

namespace netlint::facts::lb {

// A value an annotation may take, and what it means.
struct Value {
  std::string_view text;
  LbKind kind = LbKind::kUnknown;       // protocols: the listener kind
  bool tls = false;                     // protocols: TLS-carrying (DigitalOcean passthrough)
  Tristate proxy = Tristate::kUnknown;  // PROXY values: sends PROXY or not
  int version = 0;                      // PROXY values: 1 or 2, 0 when undocumented
};

enum class Role : std::uint8_t {
  kProtocol,            // the listener protocol of every port (a value of Product::protocols)
  kPortProtocolList,    // the listed ports use `protocol` (DigitalOcean `*-ports`)
  kPortProtocolSelect,  // the selected ports use `protocol` (Scaleway `protocol-http`)
  kPortConfig,          // key is a prefix; `<prefix><port>` holds JSON with "protocol" and
                        // "proxy-protocol" for that port (Linode `port-<N>`)
  kTlsPassthrough,      // bool: TLS ports pass through to the backends (L4)
  kAwsCertificate,      // the AWS CLB listener rule (addendum 1.1): certificate,
  kAwsSslPorts,         //   the ports it applies to,
  kAwsBackendProtocol,  //   and the backend protocol
  kProxy,               // `values` say whether every port gets PROXY
  kGoBoolProxy,         // a Go bool: PROXY `version` on every port when true
  kProxyPorts,          // the selected ports get PROXY `version` (Scaleway)
  kProxyAttributes,     // AWS `k=v` attributes with proxy_protocol_v2.enabled
  kProxyUnknown,        // when present PROXY may be on (a deprecated annotation): unknown
  kBackendKeepalive,    // bool: the LB keeps upstream connections (pooling) in HTTP modes
  kGoDuration,          // a Go duration; checked only (Scaleway timeouts)
};

struct AnnotationSpec {
  std::string_view key;
  Role role = Role::kProtocol;
  std::span<const Value> values = {};
  bool exhaustive = false;                                    // other values are rejected by the controller: a problem
  std::string_view protocol = {};                             // kPortProtocolList/Select: the protocol of those ports
  int version = 0;                                            // kGoBoolProxy, kProxyPorts: the PROXY version
  std::span<const std::string_view> allowed_attributes = {};  // kProxyAttributes: others -> unknown
  std::string_view condition = {};                            // LbProxyProtocol::condition when this enables PROXY
  std::string_view requires_key = {};                         // the annotation has no effect unless this key ...
  std::string_view requires_value = {};                       // ... has this value (then it is listed as ignored)
};

enum class IdleForm : std::uint8_t {
  kNone,               // no annotation: only the documented default, if any
  kSeconds,            // an integer number of seconds
  kMinutes,            // an integer number of minutes
  kListenerAttribute,  // AWS LBC: `<key><PROTOCOL>-<PORT>: <attribute>=<seconds>` per listener
};

struct IdleSpec {
  IdleForm form = IdleForm::kNone;
  std::string_view key = {};
  std::string_view attribute = {};  // kListenerAttribute
  std::int64_t min = 0;             // accepted range, in the annotation's unit
  std::int64_t max = 0;
  bool range_verified = true;                   // false: outside [min, max] may still be valid
  std::int64_t unverified_max = 0;              // (max, unverified_max] may be valid: unknown
  std::optional<std::int64_t> default_l4 = {};  // seconds, by the Service's kind
  std::optional<std::int64_t> default_l7 = {};
  bool l7_only = false;  // the setting is known to apply in HTTP modes only
};

enum class IgnoreWhen : std::uint8_t {
  kAlways,  // this product never reads it
  kNotL7,   // read only when the LB is L7 (ignored when it is known to be L4)
};

struct IgnoredSpec {
  std::string_view key;
  bool prefix = false;
  IgnoreWhen when = IgnoreWhen::kAlways;
  std::string_view reason;
  // RULES.md NL6009: an ignored annotation matters only when its value asks for behaviour the LB
  // does not give. Values (compared ignoring ASCII case and surrounding blanks) that restate what
  // the LB does anyway are not listed as ignored; when `only_values` is set, only those are.
  std::span<const std::string_view> restating_values = {};
  std::span<const std::string_view> only_values = {};
  // Not listed when the product's own PROXY annotation enables PROXY (an NLB's
  // target-group-attributes): the CLB annotation then asks for nothing the LB does not do.
  bool unless_proxy_enabled = false;
};

enum class KindModel : std::uint8_t {
  kFixed,     // every port has Product::kind
  kProtocol,  // per port from Product::protocols, default_protocol and the protocol annotations
  kAwsClb,    // the CLB listener rule (certificate, ssl-ports, backend protocol)
};

enum class PoolingModel : std::uint8_t {
  kL7Pools,           // L7 listeners keep an upstream pool (addendum section 1)
  kBackendKeepalive,  // only with the kBackendKeepalive annotation true (DigitalOcean)
};

struct Product {
  LbProvider provider = LbProvider::kUnknown;
  KindModel kind_model = KindModel::kFixed;
  LbKind kind = LbKind::kUnknown;         // kFixed
  std::span<const Value> protocols = {};  // kProtocol
  std::string_view default_protocol = {};
  PoolingModel pooling = PoolingModel::kL7Pools;
  std::span<const AnnotationSpec> annotations = {};
  IdleSpec idle = {};
  Tristate proxy_default = Tristate::kUnknown;  // when no annotation decides
  std::span<const IgnoredSpec> ignored = {};
};

struct TypeValue {
  std::string_view text;
  const Product* product;
};

// A provider family: which annotations give it away, and which product its type selects.
struct Family {
  std::string_view name;                       // in messages: "aws", "digitalocean"
  LbProvider provider;                         // when the product stays unknown
  std::span<const std::string_view> prefixes;  // key prefixes (or whole keys)
  std::string_view type_key = {};
  std::span<const TypeValue> types = {};
  const Product* unwritten = nullptr;   // no type annotation (or an empty value)
  const Product* other = nullptr;       // a value not in `types` (nullptr: unknown)
  std::string_view other_problem = {};  // fmt pattern ({} = the value) for `other`
};

struct LoadBalancerClass {
  std::string_view name;
  const Product* product;
};

std::span<const Family> families();
std::span<const LoadBalancerClass> load_balancer_classes();

}  // namespace netlint::facts::lb
