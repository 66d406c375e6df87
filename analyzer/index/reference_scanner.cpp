#include "analyzer/index/reference_scanner.h"

#include <algorithm>
#include <array>

#include "analyzer/index/host_classifier.h"
#include "analyzer/util/ascii_case.h"
#include "analyzer/util/strings.h"

namespace netlint::index {
namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_scheme_char(char c) {
  return is_alpha(c) || is_ascii_digit(c) || c == '+' || c == '-' || c == '.';
}
bool is_name_char(char c) {
  return is_alpha(c) || is_ascii_digit(c) || c == '_' || c == '.' || c == '-';
}

// Words of a value: shell-like pieces between blanks, quotes and command separators.
bool is_word_break(char c) {
  return is_ascii_space(c) || c == '"' || c == '\'' || c == '`' || c == ';' || c == '|' || c == '&';
}

// Schemes whose authority is not a host the pod connects to: container runtimes and images,
// files and sockets, object-store buckets, SPIFFE trust domains, secret references.
bool is_non_network_scheme(std::string_view scheme) {
  static constexpr std::array<std::string_view, 27> kSchemes = {
      "abfs", "abfss", "classpath", "containerd", "cri-o",  "data",   "dir",    "docker", "docker-pullable",
      "env",  "file",  "gcs",       "gs",         "jar",    "k8s",    "memory", "npipe",  "oci",
      "s3",   "s3a",   "s3n",       "secret",     "spiffe", "sqlite", "unix",   "vault",  "wasbs"};
  return std::find(kSchemes.begin(), kSchemes.end(), scheme) != kSchemes.end();
}

bool is_unspecified(std::string_view host) {
  return host == "0.0.0.0" || host == "::";
}

// Bracket depth of placeholders (`${a:-b}`, `$(X)`, `{{ .x }}`, `<host>`) and IPv6 literals,
// so that their `:` and `,` are not taken for separators.
struct Depth {
  int level = 0;
  void see(char c) {
    if (c == '(' || c == '{' || c == '[' || c == '<')
      ++level;
    else if ((c == ')' || c == '}' || c == ']' || c == '>') && level > 0)
      --level;
  }
};

// Splits [begin, end) at `,` outside brackets.
std::vector<std::pair<std::size_t, std::size_t>> split_list(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<std::pair<std::size_t, std::size_t>> items;
  Depth depth;
  std::size_t start = begin;
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] == ',' && depth.level == 0) {
      items.emplace_back(start, i);
      start = i + 1;
    }
    depth.see(text[i]);
  }
  items.emplace_back(start, end);
  return items;
}

// `host`, `host:port`, `[v6]`, `[v6]:port` in [begin, end).
struct HostPort {
  std::size_t host_begin = 0;
  std::size_t host_end = 0;
  bool has_port = false;  // a `:` after the host
  std::size_t port_begin = 0;
  std::size_t port_end = 0;
};

HostPort split_host_port(std::string_view text, std::size_t begin, std::size_t end) {
  HostPort hp{begin, end, false, end, end};
  if (begin < end && text[begin] == '[') {
    const std::size_t close = text.substr(0, end).find(']', begin);
    if (close != std::string_view::npos) {
      hp.host_begin = begin + 1;
      hp.host_end = close;
      if (close + 1 < end && text[close + 1] == ':') {
        hp.has_port = true;
        hp.port_begin = close + 2;
      }
      return hp;
    }
  }
  // The last `:` outside brackets; a host with more (an unbracketed IPv6) has no port.
  Depth depth;
  std::size_t colon = std::string_view::npos;
  int colons = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] == ':' && depth.level == 0) {
      colon = i;
      ++colons;
    }
    depth.see(text[i]);
  }
  if (colons == 1) {
    hp.host_end = colon;
    hp.has_port = true;
    hp.port_begin = colon + 1;
  }
  return hp;
}

enum class PortText : std::uint8_t { kNone, kNumber, kUnknown, kInvalid };

PortText read_port(std::string_view port, std::optional<std::uint16_t>& out) {
  if (port.empty()) return PortText::kNone;
  if (!std::all_of(port.begin(), port.end(), is_ascii_digit)) return PortText::kUnknown;
  if (port.size() > 5) return PortText::kInvalid;
  unsigned value = 0;
  for (char c : port) value = value * 10 + static_cast<unsigned>(c - '0');
  if (value == 0 || value > 65535) return PortText::kInvalid;
  out = static_cast<std::uint16_t>(value);
  return PortText::kNumber;
}

// Sets host, host_offset and trailing_dot from [begin, end); false for hosts to drop.
bool set_host(HostCandidate& c, std::string_view text, std::size_t begin, std::size_t end) {
  if (end > begin + 1 && text[end - 1] == '.') {
    c.trailing_dot = true;
    --end;
  }
  c.host = std::string(text.substr(begin, end - begin));
  c.host_offset = begin;
  return !c.host.empty() && !is_unspecified(c.host);
}

// A whole placeholder standing for a host: `$(X)`, `${X}`, `$X`, `{{ x }}`, `<x>`.
bool is_placeholder(std::string_view host) {
  if (host.size() >= 3 && host[0] == '$' &&
      ((host[1] == '(' && host.back() == ')') || (host[1] == '{' && host.back() == '}'))) {
    return true;
  }
  if (host.size() >= 2 && host[0] == '$') {
    return std::all_of(host.begin() + 1, host.end(),
                       [](char c) { return is_alpha(c) || is_ascii_digit(c) || c == '_'; });
  }
  if (host.size() >= 4 && host.substr(0, 2) == "{{" && host.substr(host.size() - 2) == "}}") return true;
  return host.size() >= 3 && host.front() == '<' && host.back() == '>';
}

// A word's host before `:port`: a host name (possibly a placeholder or an underscore name, which
// the classifier silences), an IPv4 address, or a whole placeholder.
bool is_host_word(std::string_view host) {
  if (host.empty()) return false;
  if (is_placeholder(host)) return true;
  if (!std::all_of(host.begin(), host.end(), [](char c) { return is_name_char(c); })) return false;
  return std::any_of(host.begin(), host.end(), is_alpha) || is_ip_literal(host);
}

struct Scanner {
  std::string_view text;
  std::vector<HostCandidate> out;

  // URLs inside [begin, end); returns true when at least one URL (of any scheme) was there.
  bool scan_urls(std::size_t begin, std::size_t end, const std::string& name) {
    bool found = false;
    const std::string_view part = text.substr(0, end);
    std::size_t from = begin;
    for (std::size_t sep = part.find("://", from); sep != std::string_view::npos; sep = part.find("://", from)) {
      from = sep + 3;
      std::size_t s = sep;
      while (s > begin && is_scheme_char(text[s - 1])) --s;
      while (s < sep && !is_alpha(text[s])) ++s;
      if (s == sep) continue;
      found = true;
      std::size_t url_begin = s;
      if (s >= begin + 5 && ascii_lowercase(text.substr(s - 5, 5)) == "jdbc:") url_begin = s - 5;
      const std::string scheme = ascii_lowercase(text.substr(s, sep - s));
      // The authority: up to a path, query or fragment, or a `,` that starts another URL.
      const std::size_t a = sep + 3;
      std::size_t a_end = a;
      Depth depth;
      for (; a_end < end; ++a_end) {
        const char c = text[a_end];
        if (depth.level == 0 && (c == '/' || c == '?' || c == '#' || c == '\\' || c == ')' || c == '}' || c == ']'))
          break;
        if (c == ',' && depth.level == 0 && starts_url(a_end + 1, end)) break;
        depth.see(c);
      }
      // The URL runs to the end of the word or to a `,` before another URL; URLs inside it
      // (`?redirect=https://...`) are its parameters, not hosts the pod connects to.
      std::size_t url_end = a_end;
      while (url_end < end && !(text[url_end] == ',' && starts_url(url_end + 1, end))) ++url_end;
      from = url_end;
      while (url_end > a_end && (text[url_end - 1] == '.' || text[url_end - 1] == ',')) --url_end;
      if (is_non_network_scheme(scheme)) continue;
      add_authority(scheme, text.substr(url_begin, url_end - url_begin), a, a_end, name);
    }
    return found;
  }

  bool starts_url(std::size_t at, std::size_t end) const {
    std::size_t i = at;
    if (i >= end || !is_alpha(text[i])) return false;
    while (i < end && is_scheme_char(text[i])) ++i;
    return text.substr(i, 3) == "://" && i + 3 <= end;
  }

  // user info, then a list of hosts with optional ports.
  void add_authority(const std::string& scheme, std::string_view url, std::size_t a, std::size_t a_end,
                     const std::string& name) {
    Depth depth;
    std::size_t hosts_begin = a;
    for (std::size_t i = a; i < a_end; ++i) {
      if (text[i] == '@' && depth.level == 0) hosts_begin = i + 1;
      depth.see(text[i]);
    }
    for (const auto& [ib, ie] : split_list(text, hosts_begin, a_end)) {
      const HostPort hp = split_host_port(text, ib, ie);
      HostCandidate c;
      c.form = HostCandidate::Form::kUrl;
      c.scheme = scheme;
      c.text = std::string(url);
      c.name = name;
      if (!set_host(c, text, hp.host_begin, hp.host_end)) continue;
      std::optional<std::uint16_t> port;
      switch (hp.has_port ? read_port(text.substr(hp.port_begin, hp.port_end - hp.port_begin), port)
                          : PortText::kNone) {
        case PortText::kInvalid:
          continue;
        case PortText::kNumber:
          c.port = port;
          c.port_explicit = true;
          break;
        case PortText::kUnknown:
          c.port_explicit = true;
          break;
        case PortText::kNone:
          c.port = default_port(scheme);
          break;
      }
      out.push_back(std::move(c));
    }
  }

  // `jdbc:oracle:thin:@host:1521:SID` and `jdbc:oracle:thin:@//host:1521/service`.
  void scan_oracle(std::size_t begin, std::size_t end, const std::string& name) {
    static constexpr std::string_view kPrefix = "jdbc:oracle:thin:@";
    const std::size_t at = text.substr(0, end).find(kPrefix, begin);
    if (at == std::string_view::npos) return;
    std::size_t h = at + kPrefix.size();
    if (text.substr(h, 2) == "//") h += 2;
    std::size_t h_end = h;
    while (h_end < end && text[h_end] != ':' && text[h_end] != '/' && text[h_end] != '?') ++h_end;
    HostCandidate c;
    c.form = HostCandidate::Form::kUrl;
    c.scheme = "oracle";
    c.text = std::string(text.substr(at, end - at));
    c.name = name;
    if (!set_host(c, text, h, h_end) || !is_host_word(c.host)) return;
    if (h_end < end && text[h_end] == ':') {
      std::size_t p_end = h_end + 1;
      while (p_end < end && is_ascii_digit(text[p_end])) ++p_end;
      std::optional<std::uint16_t> port;
      if (read_port(text.substr(h_end + 1, p_end - h_end - 1), port) == PortText::kInvalid) return;
      c.port = port;
      c.port_explicit = port.has_value();
    }
    out.push_back(std::move(c));
  }

  // One word's value: URLs, else `host:port` items, else (under an address name) bare hosts.
  void scan_value(std::size_t begin, std::size_t end, const std::string& name, bool bare_allowed) {
    if (is_listen_name(name)) return;
    if (scan_urls(begin, end, name)) return;
    const std::size_t before = out.size();
    scan_oracle(begin, end, name);
    if (out.size() != before) return;
    if (ascii_uppercase(name).find("IMAGE") != std::string::npos) return;
    const bool bare = bare_allowed && is_address_name(name);
    for (const auto& [ib, ie] : split_list(text, begin, end)) {
      if (ib == ie) continue;
      if (add_host_port(ib, ie, name)) continue;
      const std::string_view item = text.substr(ib, ie - ib);
      if (!bare || !std::any_of(item.begin(), item.end(), [](char ch) { return is_alpha(ch) || is_ascii_digit(ch); }))
        continue;
      HostCandidate c;
      c.form = HostCandidate::Form::kBare;
      c.text = std::string(text.substr(ib, ie - ib));
      c.name = name;
      std::size_t hb = ib;
      std::size_t he = ie;
      if (ie - ib >= 2 && text[ib] == '[' && text[ie - 1] == ']') ++hb, --he;  // `[::1]`
      if (set_host(c, text, hb, he)) out.push_back(std::move(c));
    }
  }

  // `host:port`, optionally followed by a path (`zk-0:2181/kafka`); the port may be a placeholder
  // (`payments:$(PORT)` with PORT unknown): written, but unknown.
  bool add_host_port(std::size_t begin, std::size_t end, const std::string& name) {
    const std::size_t slash = text.substr(0, end).find('/', begin);
    const std::size_t item_end = slash == std::string_view::npos ? end : slash;
    const HostPort hp = split_host_port(text, begin, item_end);
    if (!hp.has_port) return false;
    std::optional<std::uint16_t> port;
    const std::string_view port_text = text.substr(hp.port_begin, item_end - hp.port_begin);
    const std::string_view host = text.substr(hp.host_begin, hp.host_end - hp.host_begin);
    if (read_port(port_text, port) != PortText::kNumber && (!is_placeholder(port_text) || is_placeholder(host))) {
      return false;
    }
    if (host.empty()) return true;  // `:8080`: the pod's own port, no host
    const bool bracketed = hp.host_begin > begin;
    if (!(bracketed ? (is_ip_literal(host) || is_placeholder(host)) : is_host_word(host))) return false;
    HostCandidate c;
    c.form = HostCandidate::Form::kHostPort;
    c.text = std::string(text.substr(begin, end - begin));
    c.name = name;
    c.port = port;
    c.port_explicit = true;
    if (set_host(c, text, hp.host_begin, hp.host_end)) out.push_back(std::move(c));
    return true;
  }
};

// `--flag`, `-flag` or `-Dkey` before any `=`: the name it gives; empty when the word is none.
std::string_view flag_name(std::string_view word) {
  std::size_t i = 0;
  while (i < word.size() && i < 2 && word[i] == '-') ++i;
  if (i == 0) return {};
  if (i == 1 && word.size() > 2 && word[1] == 'D' && is_name_char(word[2])) i = 2;  // -Dkey
  const std::string_view name = word.substr(i);
  if (name.empty() || !is_alpha(name[0]) || !std::all_of(name.begin(), name.end(), is_name_char)) return {};
  return name;
}

}  // namespace

std::string_view flag_awaiting_value(std::string_view arg) {
  if (std::any_of(arg.begin(), arg.end(), is_word_break)) return {};
  const std::size_t eq = arg.find('=');
  if (eq != std::string_view::npos && eq + 1 != arg.size()) return {};
  return flag_name(arg.substr(0, eq));
}

bool looks_like_file_name(std::string_view value) {
  // Extensions that are also top-level domains, but far more often file types. Domains in
  // common use (.app, .dev, .io, .me, .ca, .in, ...) are not listed.
  static constexpr std::array<std::string_view, 17> kExtensions = {"cc",  "inc", "java", "md",         "mk", "ml",
                                                                   "mov", "pid", "pl",   "properties", "ps", "py",
                                                                   "rs",  "sh",  "so",   "tf",         "zip"};
  const std::size_t dot = value.rfind('.');
  if (dot == std::string_view::npos || value.find('.') != dot) return false;  // exactly `name.ext`
  const std::string ext = ascii_lowercase(value.substr(dot + 1));
  return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

bool is_address_name(std::string_view name) {
  static constexpr std::array<std::string_view, 8> kSuffixes = {"HOST", "HOSTNAME", "ADDR",     "ADDRESS",
                                                                "URL",  "URI",      "ENDPOINT", "SERVER"};
  const std::string upper = ascii_uppercase(name);
  return std::any_of(kSuffixes.begin(), kSuffixes.end(), [&](std::string_view s) { return upper.ends_with(s); });
}

bool is_listen_name(std::string_view name) {
  const std::string upper = ascii_uppercase(name);
  return upper.find("LISTEN") != std::string::npos || upper.find("BIND") != std::string::npos;
}

std::vector<HostCandidate> scan_hosts(std::string_view text, std::string_view name) {
  Scanner scanner{text, {}};
  if (is_listen_name(name)) return {};
  // Words, leaving out comment lines (`# ...` in scripts and configuration).
  std::vector<std::pair<std::size_t, std::size_t>> words;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && is_word_break(text[i])) {
      if (text[i] == '\n') line_start = true;
      ++i;
    }
    if (line_start && i < text.size() && text[i] == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    line_start = false;
    const std::size_t start = i;
    while (i < text.size() && !is_word_break(text[i])) ++i;
    if (i > start) words.emplace_back(start, i);
  }
  const std::string outer(name);
  std::string pending;  // the name a `--flag` word gives the next word
  for (const auto& [wb, we] : words) {
    const std::string_view word = text.substr(wb, we - wb);
    const std::size_t eq = word.find('=');
    const std::string_view flag = flag_name(word.substr(0, eq));
    if (!flag.empty() && (eq == std::string_view::npos || eq + 1 == word.size())) {
      pending = std::string(flag);  // `--host db`, `--host="db"`
      continue;
    }
    std::string own;
    std::size_t value_begin = wb;
    if (eq != std::string_view::npos && eq > 0) {
      const std::string_view key = word.substr(0, eq);
      if (!flag.empty()) {
        own = std::string(flag);
      } else if (is_alpha(key[0]) || key[0] == '_') {
        if (std::all_of(key.begin(), key.end(), is_name_char)) own = std::string(key);  // KEY=value
      }
      if (!own.empty()) value_begin = wb + eq + 1;
    }
    if (own.empty() && !pending.empty()) own = pending;
    pending.clear();
    const bool bare_allowed = !own.empty() || words.size() == 1;
    scanner.scan_value(value_begin, we, own.empty() ? outer : own, bare_allowed);
  }
  return std::move(scanner.out);
}

const std::vector<HostCandidate>& HostScanCache::hosts(std::string_view text, std::string_view name) {
  std::string key = std::to_string(name.size());
  key += ':';
  key += name;
  key += text;
  return memo_.get(key, [&] { return scan_hosts(text, name); });
}

}  // namespace netlint::index
