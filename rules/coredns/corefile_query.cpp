#include "rules/coredns/corefile_query.h"

#include <cstdint>

#include "analyzer/util/cidr.h"
#include "analyzer/util/go_values.h"

namespace netlint::rules::coredns {

const corefile::Directive* find_directive(const std::vector<corefile::Directive>& directives, std::string_view name) {
  for (const corefile::Directive& d : directives) {
    if (d.name.text == name) return &d;
  }
  return nullptr;
}

std::vector<const corefile::Directive*> find_all(const std::vector<corefile::Directive>& directives,
                                                 std::string_view name) {
  std::vector<const corefile::Directive*> out;
  for (const corefile::Directive& d : directives) {
    if (d.name.text == name) out.push_back(&d);
  }
  return out;
}

std::optional<int> listen_port(const corefile::Token& address, int fallback) {
  const std::string_view text = address.text;
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return address.env_placeholder ? std::nullopt : std::optional<int>(fallback);
  const std::string_view port = text.substr(colon + 1);
  const std::optional<std::int64_t> value = go_parse_int(port, 10, 32);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

std::string fqdn(std::string_view zone) {
  std::string out;
  for (char c : zone) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  if (out.empty() || out.back() != '.') out.push_back('.');
  return out;
}

bool in_zone(std::string_view name, std::string_view zone) {
  if (zone == ".") return true;
  return name == zone ||
         (name.size() > zone.size() && name.ends_with(zone) && name[name.size() - zone.size() - 1] == '.');
}

std::optional<std::string> reverse_zone(std::string_view zone) {
  if (zone.find('/') != std::string_view::npos) {
    const auto cidr = parse_cidr(zone);
    if (!cidr) return std::nullopt;
    if (cidr->v6) return std::string("ip6.arpa.");
    std::string out;
    for (int i = cidr->prefix / 8 - 1; i >= 0; --i)
      out += std::to_string(cidr->address[static_cast<std::size_t>(i)]) + ".";
    return out + "in-addr.arpa.";
  }
  const std::string name = fqdn(zone);
  if (in_zone(name, "in-addr.arpa.") || in_zone(name, "ip6.arpa.")) return name;
  return std::nullopt;
}

bool is_loopback_upstream(std::string_view to) {
  if (const auto scheme = to.find("://"); scheme != std::string_view::npos) to.remove_prefix(scheme + 3);
  if (to.starts_with("[")) {
    const auto close = to.find(']');
    to = to.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
  } else if (to.find(':') == to.rfind(':') && to.find(':') != std::string_view::npos) {
    to = to.substr(0, to.find(':'));  // host:port (one colon: not IPv6)
  }
  if (to == "localhost" || to == "::1") return true;
  const auto ip = parse_cidr(std::string(to) + "/32");
  return ip && ip->address[0] == 127;
}

std::optional<long> int_option(const corefile::Directive& plugin, std::string_view option) {
  const corefile::Directive* d = find_directive(plugin.block, option);
  if (d == nullptr || d->args.empty()) return std::nullopt;
  const std::optional<std::int64_t> value = go_atoi(d->args[0].text);
  if (!value) return std::nullopt;
  return static_cast<long>(*value);
}

}  // namespace netlint::rules::coredns
