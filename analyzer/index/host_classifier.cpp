#include "analyzer/index/host_classifier.h"

#include <libpsl.h>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "analyzer/util/ascii_case.h"
#include "analyzer/util/cidr.h"
#include "analyzer/util/strings.h"

namespace netlint::index {
namespace {

// The Public Suffix List data. Debian's libpsl5 is built with the list compiled in
// (`psl_builtin()`, from the `publicsuffix` package of its build), so it works offline with
// only libpsl5 installed: `publicsuffix` is merely recommended, and tools/setup installs without
// recommends. The built-in list is also what makes results the same on every machine with the
// same libpsl, which `psl_latest()` (the newer of the built-in list and
// /usr/share/publicsuffix) would not. A libpsl built without data falls back to that file.
const psl_ctx_t* public_suffixes() {
  struct Holder {
    const psl_ctx_t* ctx = psl_builtin();
    psl_ctx_t* owned = nullptr;
    Holder() {
      if (ctx == nullptr) ctx = owned = psl_latest(nullptr);
    }
    ~Holder() { psl_free(owned); }
    Holder(const Holder&) = delete;
    Holder& operator=(const Holder&) = delete;
  };
  static const Holder holder;
  return holder.ctx;
}

bool is_public_suffix(const std::string& name, int type) {
  const psl_ctx_t* ctx = public_suffixes();
  return ctx != nullptr && psl_is_public_suffix2(ctx, name.c_str(), type | PSL_TYPE_NO_STAR_RULE) != 0;
}

bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || is_ascii_digit(c);
}

// A host name label of any case: letters, digits, inner hyphens, at most 63 characters.
bool is_host_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  });
}

std::vector<std::string_view> split_labels(std::string_view host) {
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = host.find('.', start);
    labels.push_back(host.substr(start, dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels;
}

std::string join(const std::vector<std::string_view>& labels, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < labels.size(); ++i) {
    if (i > from) out.push_back('.');
    out.append(labels[i]);
  }
  return out;
}

// `web-0`: the host name a StatefulSet gives its pods.
bool is_ordinal_pod_name(std::string_view label) {
  const std::size_t dash = label.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == label.size()) return false;
  const std::string_view ordinal = label.substr(dash + 1);
  return is_dns1035_label(label.substr(0, dash)) && std::all_of(ordinal.begin(), ordinal.end(), is_ascii_digit);
}

// Single words that configuration uses as switches or defaults, never as Service names.
bool is_switch_word(std::string_view word) {
  static constexpr std::array<std::string_view, 18> kWords = {
      "all",   "any", "auto", "default", "disable", "disabled", "enable", "enabled", "false",
      "local", "nil", "no",   "none",    "null",    "off",      "on",     "true",    "yes"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

bool is_localhost(std::string_view lower) {
  return lower == "localhost" || lower == "localhost.localdomain" || lower == "ip6-localhost" ||
         lower == "ip6-loopback" || (lower.size() > 10 && lower.substr(lower.size() - 10) == ".localhost");
}

HostClass cluster(HostKind kind, std::string_view service, std::string_view ns = {}, std::string_view pod = {}) {
  HostClass c;
  c.kind = kind;
  c.service = std::string(service);
  c.namespace_name = std::string(ns);
  c.pod = std::string(pod);
  return c;
}

}  // namespace

std::string_view host_kind_name(HostKind kind) {
  switch (kind) {
    case HostKind::kServiceShort:
      return "service short name";
    case HostKind::kServiceNamespace:
      return "service.namespace";
    case HostKind::kServiceSvc:
      return "service.namespace.svc";
    case HostKind::kServiceFqdn:
      return "service FQDN";
    case HostKind::kPodName:
      return "per-pod name";
    case HostKind::kExternal:
      return "external host";
    case HostKind::kIpLiteral:
      return "IP literal";
    case HostKind::kNotAName:
      return "not a name";
  }
  return "not a name";
}

bool is_cluster_kind(HostKind kind) {
  return kind == HostKind::kServiceShort || kind == HostKind::kServiceNamespace || kind == HostKind::kServiceSvc ||
         kind == HostKind::kServiceFqdn || kind == HostKind::kPodName;
}

bool is_dns1123_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || !is_lower_alnum(label.front()) || !is_lower_alnum(label.back())) {
    return false;
  }
  return std::all_of(label.begin(), label.end(), [](char c) { return is_lower_alnum(c) || c == '-'; });
}

bool is_dns1035_label(std::string_view label) {
  return is_dns1123_label(label) && label.front() >= 'a' && label.front() <= 'z';
}

bool is_ip_literal(std::string_view host) {
  if (host.empty() || host.size() > 64) return false;
  if (host.find(':') != std::string_view::npos) host = host.substr(0, host.find('%'));  // without an IPv6 zone
  return parse_ip(host).has_value();
}

bool under_public_suffix(std::string_view host) {
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == host.size()) return false;
  const std::string lower = ascii_lowercase(host);
  // The whole name being an ICANN suffix (`co.uk`) is no host; a private one (`github.io`) is.
  return is_public_suffix(lower.substr(dot + 1), PSL_TYPE_ANY) && !is_public_suffix(lower, PSL_TYPE_ICANN);
}

std::optional<std::uint16_t> default_port(std::string_view scheme) {
  static constexpr std::array<std::pair<std::string_view, std::uint16_t>, 16> kPorts = {{
      {"http", 80},
      {"https", 443},
      {"grpc", 443},
      {"postgres", 5432},
      {"postgresql", 5432},
      {"mysql", 3306},
      {"redis", 6379},
      {"mongodb", 27017},
      {"amqp", 5672},
      {"nats", 4222},
      {"kafka", 9092},
      // Not in the list; the same defaults their clients use.
      {"ws", 80},
      {"wss", 443},
      {"rediss", 6379},
      {"amqps", 5671},
      {"mariadb", 3306},
  }};
  for (const auto& [name, port] : kPorts) {
    if (name == scheme) return port;
  }
  return std::nullopt;
}

HostClassifier::HostClassifier(NamespacePredicate is_namespace, std::string cluster_domain)
    : is_namespace_(std::move(is_namespace)), cluster_domain_(std::move(cluster_domain)) {}

bool HostClassifier::is_namespace(std::string_view name) const {
  if (name == "default" || name == "kube-system" || name == "kube-public" || name == "kube-node-lease") return true;
  return is_namespace_ && is_namespace_(name);
}

HostClass HostClassifier::classify(std::string_view host) const {
  HostClass not_a_name;
  if (host.empty() || host.size() > 253) return not_a_name;
  if (is_ip_literal(host)) return HostClass{HostKind::kIpLiteral, {}, {}, {}, {}, false};
  const std::vector<std::string_view> labels = split_labels(host);
  // Paths, emails, placeholders, underscores, ports: not host name labels.
  if (!std::all_of(labels.begin(), labels.end(), is_host_label)) return not_a_name;
  const std::string lower = ascii_lowercase(host);
  if (is_localhost(lower)) return not_a_name;
  // Version strings (`1.2.3`, `v1.2`) and partial addresses: no top-level domain is numeric.
  const std::string_view last = labels.back();
  if (std::all_of(last.begin(), last.end(), is_ascii_digit)) return not_a_name;

  const std::size_t n = labels.size();
  if (lower == host) {
    const auto& l = labels;
    if (n == 1) {
      if (is_switch_word(l[0]) || !is_dns1035_label(l[0])) return not_a_name;
      return cluster(HostKind::kServiceShort, l[0]);
    }
    if (n >= 4 && l[2] == "svc") {  // <svc>.<ns>.svc.<domain>
      if (!is_dns1035_label(l[0]) || !is_dns1123_label(l[1])) return not_a_name;
      HostClass c = cluster(HostKind::kServiceFqdn, l[0], l[1]);
      c.domain = join(l, 3);
      c.other_domain = c.domain != cluster_domain_;
      return c;
    }
    if (n >= 5 && l[3] == "svc") {  // <pod>.<svc>.<ns>.svc.<domain>
      if (!is_dns1123_label(l[0]) || !is_dns1035_label(l[1]) || !is_dns1123_label(l[2])) return not_a_name;
      HostClass c = cluster(HostKind::kPodName, l[1], l[2], l[0]);
      c.domain = join(l, 4);
      c.other_domain = c.domain != cluster_domain_;
      return c;
    }
    if (n == 3 && l[2] == "svc") {
      if (!is_dns1035_label(l[0]) || !is_dns1123_label(l[1])) return not_a_name;
      return cluster(HostKind::kServiceSvc, l[0], l[1]);
    }
    if (n == 4 && l[3] == "svc") {
      if (!is_dns1123_label(l[0]) || !is_dns1035_label(l[1]) || !is_dns1123_label(l[2])) return not_a_name;
      return cluster(HostKind::kPodName, l[1], l[2], l[0]);
    }
    if (n == 2 && is_namespace(l[1]) && is_dns1035_label(l[0])) {
      return cluster(HostKind::kServiceNamespace, l[0], l[1]);
    }
    if (n == 3 && is_namespace(l[2]) && is_dns1123_label(l[0]) && is_dns1035_label(l[1])) {
      return cluster(HostKind::kPodName, l[1], l[2], l[0]);
    }
    if (n == 2 && is_ordinal_pod_name(l[0]) && is_dns1035_label(l[1])) {
      // `kafka-0.kafka-headless`; `web-0.app` could as well be a host under `.app`: silence.
      if (under_public_suffix(host)) return not_a_name;
      return cluster(HostKind::kPodName, l[1], {}, l[0]);
    }
  }
  if (n >= 2 && under_public_suffix(host)) return HostClass{HostKind::kExternal, {}, {}, {}, {}, false};
  return not_a_name;
}

}  // namespace netlint::index
