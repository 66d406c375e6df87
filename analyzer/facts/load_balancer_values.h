// Readers for load-balancer annotation values, each as the controller that reads it parses it
// (Go's strconv and time packages for the cloud controllers). Internal to the classifier.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace netlint::facts::lb {

// A non-negative decimal integer ("60"): Go's strconv.Atoi without a sign; nullopt for anything
// else ("60s", "", "-1", "+1", overflow). Go's bool and duration grammars are in util/go_values.h.
std::optional<std::int64_t> parse_count(std::string_view text);

// `k=v,k2=v2` (AWS attribute annotations); spaces around items are trimmed. nullopt when an item
// has no `=` or an empty key.
std::optional<std::vector<std::pair<std::string, std::string>>> parse_key_values(std::string_view text);

// A set of Service ports written as an annotation value.
struct PortSelection {
  bool all = false;
  std::vector<std::int64_t> numbers;
  std::vector<std::string> names;
  bool selects(std::int64_t port, std::string_view name) const;
};

// AWS `aws-load-balancer-ssl-ports`: empty or `*` selects every port; otherwise comma-separated
// numbers or names, compared with the lower-cased port name (cloud-provider-aws getPortSets and
// buildListener). Never fails.
PortSelection parse_aws_port_set(std::string_view text);

// Scaleway `protocol-http`, `proxy-protocol-v1`, `proxy-protocol-v2`: a Go bool (except `1` and `0`,
// which are port numbers), `*`, empty (none), or comma-separated port numbers (spaces removed);
// nullopt when an item is not a number (scaleway-cloud-controller-manager isPortInRange).
std::optional<PortSelection> parse_scaleway_ports(std::string_view text);

// DigitalOcean `do-loadbalancer-*-ports`: comma-separated port numbers; nullopt otherwise.
std::optional<PortSelection> parse_port_list(std::string_view text);

// A flat JSON object of string (or number/bool/null) values, as Linode's `port-<N>` annotations are
// written: {"protocol": "https", "proxy-protocol": "v2"}. nullopt when it is not one (RFC 8259, by
// nlohmann-json: escapes decoded, no bare words). Numbers: floats as written, integers in decimal.
std::optional<std::vector<std::pair<std::string, std::string>>> parse_flat_json_object(std::string_view text);

}  // namespace netlint::facts::lb
