// Small questions the CoreDNS rules ask of a server block's directives.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/corefile/corefile.h"

namespace netlint::rules::coredns {

// The first directive (or option) named `name` in `directives`; null when absent.
const corefile::Directive* find_directive(const std::vector<corefile::Directive>& directives, std::string_view name);
std::vector<const corefile::Directive*> find_all(const std::vector<corefile::Directive>& directives,
                                                 std::string_view name);

// The port of a listen address (`:8080`, `0.0.0.0:8181`, `[::]:9153`); `fallback` when the
// address has none; nullopt when it is a placeholder or not a number.
std::optional<int> listen_port(const corefile::Token& address, int fallback);

// Lowercase, fully qualified: "Cluster.Local" -> "cluster.local.".
std::string fqdn(std::string_view zone);
// `name` is `zone` or below it (both fully qualified).
bool in_zone(std::string_view name, std::string_view zone);

// A reverse zone written as a name (in-addr.arpa, ip6.arpa and below) or as a CIDR; the
// reverse name of a CIDR is taken at its last whole octet (nibble for IPv6 is not modelled:
// an IPv6 CIDR gives ip6.arpa.).
std::optional<std::string> reverse_zone(std::string_view zone);

// 127.0.0.0/8, ::1 and localhost, with an optional scheme and port.
bool is_loopback_upstream(std::string_view to);

// The value of an INT option's first argument; nullopt when absent or not a number.
std::optional<long> int_option(const corefile::Directive& plugin, std::string_view option);

}  // namespace netlint::rules::coredns
