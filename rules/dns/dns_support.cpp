#include "rules/dns/dns_support.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "analyzer/util/ascii_case.h"

namespace netlint::rules::dns {
namespace {

bool has_arg(const corefile::Directive& d, std::string_view arg) {
  return std::any_of(d.args.begin(), d.args.end(), [&](const corefile::Token& t) { return t.text == arg; });
}

bool block_has_autopath_verified(const std::vector<corefile::Directive>& directives) {
  bool autopath = false;
  bool verified = false;
  for (const corefile::Directive& d : directives) {
    if (d.name.text == "autopath" && has_arg(d, "@kubernetes")) autopath = true;
    if (d.name.text != "kubernetes") continue;
    for (const corefile::Directive& option : d.block) {
      if (option.name.text == "pods" && has_arg(option, "verified")) verified = true;
    }
  }
  return autopath && verified;
}

std::string normalized(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (const char c : name) {
    out += (c == '.' || c == '-') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// Matched on `_`-separated segments, so `DATABASE_URL` is no `*BASE_URL` and `ORIGINAL_HOST`
// no `*ORIGIN*`.
bool is_own_url_name(std::string_view name) {
  if (name.empty()) return false;
  const std::string n = normalized(name);
  std::vector<std::string_view> segments;
  for (std::size_t begin = 0; begin <= n.size();) {
    const std::size_t end = std::min(n.find('_', begin), n.size());
    if (end > begin) segments.push_back(std::string_view(n).substr(begin, end - begin));
    begin = end + 1;
  }
  const std::size_t k = segments.size();
  if (k >= 2 && segments[k - 1] == "URL") {
    for (std::string_view before : {"ROOT", "PUBLIC", "BASE", "EXTERNAL"}) {
      if (segments[k - 2] == before) return true;
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    if (segments[i].starts_with("ORIGIN") && segments[i] != "ORIGINAL") return true;
    if (segments[i] == "REDIRECT" && i + 1 < k && segments[i + 1].starts_with("URI")) return true;
  }
  return false;
}

}  // namespace

bool autopath_effective(const engine::View& view) {
  if (view.facts().node_local_dns.state == facts::State::kKnown) return false;
  for (const model::CorefileSource& cf : view.model().corefiles) {
    if (cf.fragment) continue;
    for (const corefile::ServerBlock& block : cf.ast.blocks) {
      if (block_has_autopath_verified(block.expanded)) return true;
    }
  }
  return false;
}

bool is_reserved_example(std::string_view host) {
  std::string h = ascii_lowercase(host);
  if (h.ends_with(".")) h.pop_back();
  for (std::string_view domain : {"example.com", "example.net", "example.org"}) {
    if (h == domain || (h.ends_with(domain) && h[h.size() - domain.size() - 1] == '.')) return true;
  }
  for (std::string_view tld : {".example", ".test", ".invalid", ".localhost"}) {
    if (h.ends_with(tld)) return true;
  }
  return false;
}

bool is_nginx_upstream_name(const engine::View& view, const model::PodSource& pod, const index::Reference& reference) {
  if (reference.origin != index::ReferenceOrigin::kConfigMapFile || reference.kind != index::HostKind::kServiceShort)
    return false;
  for (const model::ConfigMap& cm : view.model().config_maps) {
    if (cm.meta.name.value != reference.config_map || cm.meta.namespace_name.value != pod.meta.namespace_name.value)
      continue;
    for (const model::ConfigMapEntry& entry : cm.data) {
      if (entry.binary || entry.key.value != reference.config_map_key) continue;
      const std::string& text = entry.value.value;
      const std::string block = "upstream " + reference.host;
      for (std::size_t at = text.find(block); at != std::string::npos; at = text.find(block, at + 1)) {
        const std::size_t after = at + block.size();
        const bool starts_word = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\t' || text[at - 1] == '\n';
        const bool ends_word = after < text.size() &&
                               (text[after] == ' ' || text[after] == '{' || text[after] == '\t' || text[after] == '\n');
        if (starts_word && ends_word) return true;
      }
    }
  }
  return false;
}

bool names_own_public_url(const index::Reference& reference) {
  return is_own_url_name(reference.variable) || is_own_url_name(reference.name);
}

}  // namespace netlint::rules::dns
