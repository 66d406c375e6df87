// The load balancer in front of a `type: LoadBalancer` Service, read from its annotations and
// spec alone (RULES.md Facts: "the load balancer in front: kind, idle timeout, PROXY protocol";
// knowledge/domain-addendum.md sections 1 and 2, domain.md section 2.6). No cluster access:
// a Service without provider-specific annotations or a known loadBalancerClass has an unknown
// provider, because netlint never guesses the cloud. Facts the addendum marks [unverified] are
// left unknown. The classifier reports nothing itself; rules (NL6005, NL6006, NL6009, NL6010)
// read the profile, including its ignored annotations and problems.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model/service.h"

namespace netlint::facts {

// Which controller provisions the LB, and which product it makes.
enum class LbProvider : std::uint8_t {
  kUnknown,
  kAwsClb,     // AWS Classic ELB (in-tree / cloud-provider-aws, no or another `aws-load-balancer-type`)
  kAwsNlb,     // AWS NLB by the in-tree / cloud-provider-aws controller (`aws-load-balancer-type: nlb`)
  kAwsLbcNlb,  // AWS NLB by the AWS Load Balancer Controller (`external`, `nlb-ip`, or its class)
  kGcp,        // GKE passthrough Network LB
  kAzure,      // Azure Load Balancer
  kDigitalOcean,
  kHetzner,
  kScaleway,
  kLinode,
  kOci,     // Oracle OCI flexible LB, or a Service whose OCI LB type is not written
  kOciNlb,  // Oracle OCI Network LB (`oci.oraclecloud.com/load-balancer-type: nlb`)
  kExoscale,
  kMetalLb,
};

enum class LbKind : std::uint8_t {
  kUnknown,
  kL4,  // forwards TCP/UDP streams, no HTTP pool towards the backends (pass-through or TCP proxy)
  kL7,  // ends HTTP (addendum section 1)
};

enum class Tristate : std::uint8_t { kUnknown, kFalse, kTrue };

// "aws-clb", "aws-nlb", "aws-lbc-nlb", "gcp", ..., "unknown".
std::string_view provider_name(LbProvider provider);
// The product as users know it ("AWS CLB", "Azure LB") for a provider_name() identifier, or
// "load balancer from .netlint.yaml" for "configured"; "load balancer" otherwise.
std::string_view product_name(std::string_view provider);
// "l4", "l7", "unknown".
std::string_view kind_name(LbKind kind);

// One Service port as the LB serves it. Providers with per-port protocols (AWS CLB listeners,
// DigitalOcean port lists, Scaleway and Linode per-port settings) may differ between ports.
struct LbPort {
  std::int64_t port = 0;
  std::string name;
  LbKind kind = LbKind::kUnknown;
  Tristate proxy_protocol = Tristate::kUnknown;
};

struct LbIdleTimeout {
  std::optional<std::int64_t> seconds;  // unknown when empty
  bool is_default = false;              // the provider's documented default: no annotation set it
  SourceRange range;                    // the annotation value that set it; invalid otherwise
};

struct LbProxyProtocol {
  Tristate enabled = Tristate::kUnknown;  // the LB sends a PROXY header to the backends
  int version = 0;                        // 1 or 2 when enabled and documented; else 0
  SourceRange range;                      // the annotation value that decided; invalid otherwise
  std::string condition;                  // when the claim needs more than the manifest shows
};

// An annotation the identified LB does not read (NL6009).
struct LbIgnoredAnnotation {
  std::string key;
  SourceRange range;   // the annotation's key
  std::string reason;  // short, lowercase: "classic ELB only: the NLB keeps its 350 s idle timeout"
};

enum class LbProblemKind : std::uint8_t {
  kUnparsable,        // not of the annotation's type ("60s" where seconds are an integer)
  kOutOfRange,        // parsed, outside the documented range
  kUnverifiedRange,   // parsed, outside the verified range but possibly valid: kept unknown
  kUnknownValue,      // not one of the values the controller accepts (an exhaustive list)
  kSeveralProviders,  // annotations of more than one provider: the provider is left unknown
};

// A value the classifier could not use. The fact it would have set stays unknown.
struct LbProblem {
  LbProblemKind kind = LbProblemKind::kUnparsable;
  std::string key;
  SourceRange range;    // the annotation's value
  std::string message;  // lowercase, with the value: "idle timeout \"5000\" is outside 1..3600 seconds"
};

struct LoadBalancerProfile {
  LbProvider provider = LbProvider::kUnknown;
  // What gave the provider away: the type annotation's value when one decided the product, the
  // loadBalancerClass value, else the key of the first provider-specific annotation. Invalid when
  // the provider is unknown.
  SourceRange provider_range;
  // L7 when any port is L7 (the LB pools HTTP connections on that listener); L4 when all are;
  // otherwise unknown.
  LbKind kind = LbKind::kUnknown;
  // The LB keeps idle upstream connections to the backends (RULES.md: "L4 or L7, pooling or not").
  Tristate pooling = Tristate::kUnknown;
  std::vector<LbPort> ports;
  // The shortest idle timeout among the listeners (the one that cuts silent connections first).
  LbIdleTimeout idle_timeout;
  // True when the LB sends PROXY on any port (then every port's entry says which); false when the
  // provider documents how PROXY is enabled and nothing enables it.
  LbProxyProtocol proxy_protocol;
  std::vector<LbIgnoredAnnotation> ignored_annotations;
  std::vector<LbProblem> problems;
};

// The profile of the LB in front of `service`. Services of another type get an all-unknown
// profile. Pure: reads only the Service.
LoadBalancerProfile classify_load_balancer(const model::Service& service);

}  // namespace netlint::facts
