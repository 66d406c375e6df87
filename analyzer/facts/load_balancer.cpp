// The classifier: finds the provider family and product (load_balancer_providers.cpp), then
// reads the product's table: listener kinds per port, pooling, idle timeout, PROXY protocol,
// ignored annotations. Values it cannot use become problems and leave the fact unknown.
#include "analyzer/facts/load_balancer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "analyzer/facts/load_balancer_providers.h"
#include "analyzer/facts/load_balancer_values.h"
#include "analyzer/util/go_values.h"

namespace netlint::facts {
namespace {

using lb::AnnotationSpec;
using lb::Product;
using lb::Role;
using lb::Value;

const model::Label* annotation(const model::Service& service, std::string_view key) {
  return model::find_label(service.meta.annotations, key);
}

const Value* find_value(std::span<const Value> values, std::string_view text) {
  const auto it = std::find_if(values.begin(), values.end(), [&](const Value& v) { return v.text == text; });
  return it == values.end() ? nullptr : &*it;
}

std::string list_values(std::span<const Value> values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
    out += values[i].text;
  }
  return out;
}

// Once per annotation and message: per-port readers may meet the same annotation twice.
void add_problem(LoadBalancerProfile& profile, LbProblemKind kind, const model::Label& a, std::string message) {
  const bool known = std::any_of(profile.problems.begin(), profile.problems.end(),
                                 [&](const LbProblem& p) { return p.range == a.value.range && p.message == message; });
  if (!known) profile.problems.push_back({kind, a.key.value, a.value.range, std::move(message)});
}

void add_ignored(LoadBalancerProfile& profile, const model::Label& a, std::string reason) {
  const bool known =
      std::any_of(profile.ignored_annotations.begin(), profile.ignored_annotations.end(),
                  [&](const LbIgnoredAnnotation& i) { return i.range == a.key.range && i.key == a.key.value; });
  if (!known) profile.ignored_annotations.push_back({a.key.value, a.key.range, std::move(reason)});
}

// The product's annotations that are written and in effect. An annotation whose prerequisite
// annotation is missing has no effect and is listed as ignored.
struct Written {
  const AnnotationSpec* spec;
  const model::Label* label;
};

std::vector<Written> written_annotations(const model::Service& service, const Product& product,
                                         LoadBalancerProfile& profile) {
  std::vector<Written> out;
  for (const AnnotationSpec& spec : product.annotations) {
    if (spec.role == Role::kPortConfig) continue;  // a prefix: read per port
    const model::Label* label = annotation(service, spec.key);
    if (label == nullptr) continue;
    if (!spec.requires_key.empty()) {
      const model::Label* required = annotation(service, spec.requires_key);
      if (required == nullptr || required->value.value != spec.requires_value) {
        add_ignored(profile, *label,
                    fmt::format("has no effect without {}: \"{}\"", spec.requires_key, spec.requires_value));
        continue;
      }
    }
    out.push_back({&spec, label});
  }
  return out;
}

const Written* written(const std::vector<Written>& all, Role role) {
  const auto it = std::find_if(all.begin(), all.end(), [&](const Written& w) { return w.spec->role == role; });
  return it == all.end() ? nullptr : &*it;
}

// Linode-style per-port JSON: the annotation `<prefix><port>` parsed, or nullptr when absent.
struct PortConfig {
  const model::Label* label = nullptr;
  std::optional<std::vector<std::pair<std::string, std::string>>> entries;
  const std::string* get(std::string_view key) const {
    if (!entries) return nullptr;
    for (const auto& [k, v] : *entries) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

PortConfig port_config(const model::Service& service, const Product& product, std::int64_t port,
                       LoadBalancerProfile& profile) {
  PortConfig config;
  for (const AnnotationSpec& spec : product.annotations) {
    if (spec.role != Role::kPortConfig) continue;
    config.label = annotation(service, fmt::format("{}{}", spec.key, port));
    if (config.label == nullptr) continue;
    config.entries = lb::parse_flat_json_object(config.label->value.value);
    if (!config.entries) {
      add_problem(profile, LbProblemKind::kUnparsable, *config.label,
                  fmt::format("{} is not a JSON object: \"{}\"", config.label->key.value, config.label->value.value));
    }
    return config;
  }
  return config;
}

const AnnotationSpec* port_config_spec(const Product& product) {
  const auto it = std::find_if(product.annotations.begin(), product.annotations.end(),
                               [](const AnnotationSpec& s) { return s.role == Role::kPortConfig; });
  return it == product.annotations.end() ? nullptr : &*it;
}

// ---- listener kinds --------------------------------------------------------------------------

// Addendum 1.1, cloud-provider-aws buildListener: with a certificate on the port (ssl-ports, all
// ports by default) the backend protocol picks https (L7) or ssl (L4), empty means ssl->tcp (L4);
// without one only `http` gives an HTTP listener (L7), anything else TCP (L4).
void clb_listener_kinds(const std::vector<Written>& all, LoadBalancerProfile& profile) {
  const Written* cert = written(all, Role::kAwsCertificate);
  const Written* ssl_ports = written(all, Role::kAwsSslPorts);
  const Written* backend = written(all, Role::kAwsBackendProtocol);
  const bool has_cert = cert != nullptr && !cert->label->value.value.empty();
  const lb::PortSelection tls_ports = lb::parse_aws_port_set(ssl_ports ? ssl_ports->label->value.value : "");
  const std::string protocol = backend ? backend->label->value.value : "";
  const Value* backend_value = backend ? find_value(backend->spec->values, protocol) : nullptr;
  if (backend != nullptr && !protocol.empty() && backend_value == nullptr) {
    add_problem(profile, LbProblemKind::kUnknownValue, *backend->label,
                fmt::format("backend protocol \"{}\" is not {}", protocol, list_values(backend->spec->values)));
  }
  for (LbPort& port : profile.ports) {
    if (has_cert && tls_ports.selects(port.port, port.name)) {
      if (protocol.empty()) {
        port.kind = LbKind::kL4;  // ssl front, tcp back
      } else {
        port.kind = backend_value ? backend_value->kind : LbKind::kUnknown;  // the controller errors
      }
    } else {
      port.kind = protocol == "http" ? LbKind::kL7 : LbKind::kL4;
    }
  }
}

void protocol_listener_kinds(const model::Service& service, const Product& product, const std::vector<Written>& all,
                             LoadBalancerProfile& profile) {
  const Value* service_protocol = find_value(product.protocols, product.default_protocol);
  if (const Written* w = written(all, Role::kProtocol)) {
    service_protocol = find_value(product.protocols, w->label->value.value);
    if (service_protocol == nullptr && w->spec->exhaustive) {
      add_problem(profile, LbProblemKind::kUnknownValue, *w->label,
                  fmt::format("protocol \"{}\" is not {}", w->label->value.value, list_values(product.protocols)));
    }
  }
  // Per-port protocol lists, parsed once.
  struct PortRule {
    std::optional<lb::PortSelection> selection;
    const Value* protocol;
  };
  std::vector<PortRule> rules;
  bool passthrough = false;
  for (const Written& w : all) {
    const std::string& text = w.label->value.value;
    if (w.spec->role == Role::kPortProtocolList || w.spec->role == Role::kPortProtocolSelect) {
      std::optional<lb::PortSelection> selection =
          w.spec->role == Role::kPortProtocolList ? lb::parse_port_list(text) : lb::parse_scaleway_ports(text);
      if (!selection) {
        add_problem(profile, LbProblemKind::kUnparsable, *w.label, fmt::format("\"{}\" is not a list of ports", text));
      }
      rules.push_back({std::move(selection), find_value(product.protocols, w.spec->protocol)});
    } else if (w.spec->role == Role::kTlsPassthrough) {
      passthrough = go_parse_bool(text).value_or(false);
    }
  }
  for (LbPort& port : profile.ports) {
    const Value* protocol = service_protocol;
    for (const PortRule& rule : rules) {
      if (!rule.selection) {
        protocol = nullptr;  // the controller rejects the annotation: unknown
      } else if (rule.selection->selects(port.port, port.name)) {
        protocol = rule.protocol;
      }
    }
    const PortConfig config = port_config(service, product, port.port, profile);
    if (config.label != nullptr) {
      if (!config.entries) {
        protocol = nullptr;
      } else if (const std::string* p = config.get("protocol")) {
        protocol = find_value(product.protocols, *p);
      }
    }
    port.kind = protocol ? protocol->kind : LbKind::kUnknown;
    if (protocol != nullptr && protocol->tls && passthrough) port.kind = LbKind::kL4;
  }
}

LbKind aggregate_kind(const std::vector<LbPort>& ports) {
  if (ports.empty()) return LbKind::kUnknown;
  if (std::any_of(ports.begin(), ports.end(), [](const LbPort& p) { return p.kind == LbKind::kL7; }))
    return LbKind::kL7;
  if (std::all_of(ports.begin(), ports.end(), [](const LbPort& p) { return p.kind == LbKind::kL4; }))
    return LbKind::kL4;
  return LbKind::kUnknown;
}

Tristate pooling(const Product& product, const std::vector<Written>& all, LbKind kind) {
  if (kind == LbKind::kL4) return Tristate::kFalse;
  if (kind != LbKind::kL7) return Tristate::kUnknown;
  if (product.pooling == lb::PoolingModel::kL7Pools) return Tristate::kTrue;
  const Written* keepalive = written(all, Role::kBackendKeepalive);
  if (keepalive == nullptr) return Tristate::kFalse;  // default false (addendum 1.5)
  const std::optional<bool> on = go_parse_bool(keepalive->label->value.value);
  if (!on) return Tristate::kUnknown;
  return *on ? Tristate::kTrue : Tristate::kFalse;
}

// ---- idle timeout -----------------------------------------------------------------------------

std::optional<std::int64_t> default_idle(const lb::IdleSpec& idle, LbKind kind) {
  if (kind == LbKind::kL4) return idle.default_l4;
  if (kind == LbKind::kL7) return idle.default_l7;
  return idle.default_l4 == idle.default_l7 ? idle.default_l4 : std::nullopt;
}

// Checks a written value against the spec; the value in seconds, or nullopt with a problem.
std::optional<std::int64_t> idle_seconds(const lb::IdleSpec& idle, const model::Label& label, std::string_view text,
                                         LoadBalancerProfile& profile) {
  const bool minutes = idle.form == lb::IdleForm::kMinutes;
  const std::string_view unit = minutes ? "minutes" : "seconds";
  const std::optional<std::int64_t> value = lb::parse_count(text);
  if (!value) {
    add_problem(profile, LbProblemKind::kUnparsable, label,
                fmt::format("idle timeout \"{}\" is not a whole number of {}", text, unit));
    return std::nullopt;
  }
  if (*value >= idle.min && *value <= idle.max) return minutes ? *value * 60 : *value;
  const bool maybe_valid = !idle.range_verified || (*value > idle.max && *value <= idle.unverified_max);
  const std::string range = idle.max == std::numeric_limits<std::int64_t>::max()
                                ? fmt::format("at least {}", idle.min)
                                : fmt::format("{}..{}", idle.min, idle.max);
  add_problem(profile, maybe_valid ? LbProblemKind::kUnverifiedRange : LbProblemKind::kOutOfRange, label,
              fmt::format("idle timeout {} {} is outside {} {}{}", *value, unit, range, unit,
                          maybe_valid ? " (the verified range; it may still be accepted)" : ""));
  return std::nullopt;
}

// AWS LBC: `<prefix><PROTOCOL>-<PORT>` -> the attribute per listener; the shortest wins.
void listener_idle(const model::Service& service, const lb::IdleSpec& idle, LoadBalancerProfile& profile) {
  struct Listener {
    std::optional<std::int64_t> seconds;
    bool is_default = true;
    SourceRange range;
  };
  std::vector<Listener> listeners(profile.ports.size());
  for (std::size_t i = 0; i < profile.ports.size(); ++i) listeners[i].seconds = idle.default_l4;
  for (const model::Label& a : service.meta.annotations) {
    const std::string_view key = a.key.value;
    if (!key.starts_with(idle.key)) continue;
    const std::string_view listener = key.substr(idle.key.size());
    const std::size_t dash = listener.rfind('-');
    // -1 (no port) rather than an optional: GCC 12 -O3 misreads an optional here (-Wmaybe-uninitialized).
    const std::int64_t number =
        dash == std::string_view::npos ? -1 : lb::parse_count(listener.substr(dash + 1)).value_or(-1);
    const auto port = std::find_if(profile.ports.begin(), profile.ports.end(),
                                   [&](const LbPort& p) { return number >= 0 && p.port == number; });
    if (port == profile.ports.end()) {
      add_ignored(profile, a, fmt::format("no Service port matches the listener \"{}\"", listener));
      continue;
    }
    Listener& l = listeners[static_cast<std::size_t>(port - profile.ports.begin())];
    const auto attributes = lb::parse_key_values(a.value.value);
    if (!attributes) {
      add_problem(profile, LbProblemKind::kUnparsable, a,
                  fmt::format("\"{}\" is not a list of key=value attributes", a.value.value));
      l = {std::nullopt, false, a.value.range};
      continue;
    }
    for (const auto& [k, v] : *attributes) {
      if (k == idle.attribute) l = {idle_seconds(idle, a, v, profile), false, a.value.range};
    }
  }
  const auto shortest = std::min_element(listeners.begin(), listeners.end(), [](const Listener& a, const Listener& b) {
    if (!a.seconds || !b.seconds) return !a.seconds && b.seconds;  // unknown first: it decides
    return *a.seconds < *b.seconds;
  });
  if (shortest == listeners.end()) return;
  if (!shortest->seconds) return;  // some listener's timeout is unknown
  profile.idle_timeout = {shortest->seconds, shortest->is_default,
                          shortest->is_default ? SourceRange{} : shortest->range};
}

void classify_idle(const model::Service& service, const Product& product, LoadBalancerProfile& profile) {
  const lb::IdleSpec& idle = product.idle;
  if (idle.form == lb::IdleForm::kListenerAttribute) {
    listener_idle(service, idle, profile);
    return;
  }
  const model::Label* label = idle.form == lb::IdleForm::kNone ? nullptr : annotation(service, idle.key);
  std::optional<std::int64_t> seconds;
  if (label != nullptr) seconds = idle_seconds(idle, *label, label->value.value, profile);
  if (idle.l7_only && profile.kind != LbKind::kL7) return;  // unknown whether it applies
  if (label != nullptr) {
    profile.idle_timeout = {seconds, false, seconds ? label->value.range : SourceRange{}};
  } else if (const std::optional<std::int64_t> fallback = default_idle(idle, profile.kind)) {
    profile.idle_timeout = {fallback, true, {}};
  }
}

// ---- PROXY protocol ------------------------------------------------------------------------------

struct Proxy {
  Tristate enabled = Tristate::kUnknown;
  int version = 0;
  SourceRange range;
  std::string_view condition;
};

// The Service-wide decision: the first written PROXY annotation in table order that decides.
Proxy service_proxy(const Product& product, const std::vector<Written>& all, LoadBalancerProfile& profile) {
  Proxy proxy{product.proxy_default, 0, {}, {}};
  for (const Written& w : all) {
    const AnnotationSpec& spec = *w.spec;
    const model::Label& a = *w.label;
    const std::string& text = a.value.value;
    Proxy decided{Tristate::kUnknown, 0, a.value.range, {}};
    switch (spec.role) {
      case Role::kProxy:
        if (const Value* v = find_value(spec.values, text)) {
          decided.enabled = v->proxy;
          decided.version = v->version;
        } else if (spec.exhaustive) {
          add_problem(profile, LbProblemKind::kUnknownValue, a,
                      fmt::format("proxy protocol value \"{}\" is not {}", text, list_values(spec.values)));
        }
        break;
      case Role::kGoBoolProxy:
        if (const std::optional<bool> on = go_parse_bool(text)) {
          decided.enabled = *on ? Tristate::kTrue : Tristate::kFalse;
          decided.version = *on ? spec.version : 0;
        } else {
          add_problem(profile, LbProblemKind::kUnparsable, a, fmt::format("\"{}\" is not a boolean", text));
        }
        break;
      case Role::kProxyAttributes: {
        const auto attributes = lb::parse_key_values(text);
        if (!attributes) {
          add_problem(profile, LbProblemKind::kUnparsable, a,
                      fmt::format("\"{}\" is not a list of key=value attributes", text));
          break;
        }
        bool rejected = false;
        const std::string* enabled = nullptr;
        for (const auto& [k, v] : *attributes) {
          if (!spec.allowed_attributes.empty() &&
              std::find(spec.allowed_attributes.begin(), spec.allowed_attributes.end(), k) ==
                  spec.allowed_attributes.end()) {
            add_problem(profile, LbProblemKind::kUnknownValue, a,
                        fmt::format("target group attribute \"{}\" is not supported here", k));
            rejected = true;
          }
          if (k == "proxy_protocol_v2.enabled") enabled = &v;
        }
        if (rejected) break;
        if (enabled == nullptr) continue;  // says nothing about PROXY: not decided
        if (*enabled == "true" || *enabled == "false") {
          decided.enabled = *enabled == "true" ? Tristate::kTrue : Tristate::kFalse;
          decided.version = *enabled == "true" ? spec.version : 0;
        } else {
          add_problem(profile, LbProblemKind::kUnknownValue, a,
                      fmt::format("proxy_protocol_v2.enabled \"{}\" is not true or false", *enabled));
        }
        break;
      }
      case Role::kProxyUnknown:
        break;  // may or may not be read: unknown
      default:
        continue;  // not a PROXY annotation
    }
    if (decided.enabled == Tristate::kTrue) decided.condition = spec.condition;
    return decided;
  }
  return proxy;
}

void classify_proxy(const model::Service& service, const Product& product, const std::vector<Written>& all,
                    LoadBalancerProfile& profile) {
  const Proxy wide = service_proxy(product, all, profile);
  // Per-port selections (Scaleway), parsed once.
  struct PortProxy {
    std::optional<lb::PortSelection> selection;
    int version;
    SourceRange range;
  };
  std::vector<PortProxy> selections;
  for (const Written& w : all) {
    if (w.spec->role != Role::kProxyPorts) continue;
    std::optional<lb::PortSelection> selection = lb::parse_scaleway_ports(w.label->value.value);
    if (!selection) {
      add_problem(profile, LbProblemKind::kUnparsable, *w.label,
                  fmt::format("\"{}\" is not a list of ports", w.label->value.value));
    }
    selections.push_back({std::move(selection), w.spec->version, w.label->value.range});
  }
  const AnnotationSpec* config_spec = port_config_spec(product);
  std::vector<Proxy> ports;
  for (LbPort& port : profile.ports) {
    Proxy p = wide;
    int selected = 0;
    for (const PortProxy& s : selections) {
      if (!s.selection) {
        p = {Tristate::kUnknown, 0, s.range, {}};
        selected = 2;
      } else if (s.selection->selects(port.port, port.name)) {
        p = {Tristate::kTrue, s.version, s.range, {}};
        ++selected;
      } else if (!p.range.valid()) {
        p.range = s.range;  // written, and not for this port
      }
    }
    if (selected > 1) p.enabled = Tristate::kUnknown;  // both versions selected, or broken
    if (config_spec != nullptr) {
      const PortConfig config = port_config(service, product, port.port, profile);
      if (config.label != nullptr && !config.entries) {
        p = {Tristate::kUnknown, 0, config.label->value.range, {}};
      } else if (const std::string* v = config.get("proxy-protocol")) {
        const Value* value = find_value(config_spec->values, *v);
        p = {value ? value->proxy : Tristate::kUnknown, value ? value->version : 0, config.label->value.range, {}};
      }
    }
    port.proxy_protocol = p.enabled;
    ports.push_back(p);
  }
  if (ports.empty()) ports.push_back(wide);
  // Service level: on when any port sends PROXY; off when none does; else unknown.
  const auto on = std::find_if(ports.begin(), ports.end(), [](const Proxy& p) { return p.enabled == Tristate::kTrue; });
  Proxy result = wide;
  if (on != ports.end()) {
    result = *on;
    const bool same_version = std::all_of(ports.begin(), ports.end(), [&](const Proxy& p) {
      return p.enabled != Tristate::kTrue || p.version == on->version;
    });
    if (!same_version) result.version = 0;
  } else if (std::all_of(ports.begin(), ports.end(), [](const Proxy& p) { return p.enabled == Tristate::kFalse; })) {
    const auto decided = std::find_if(ports.begin(), ports.end(), [](const Proxy& p) { return p.range.valid(); });
    result = {Tristate::kFalse, 0, decided == ports.end() ? SourceRange{} : decided->range, {}};
  } else {
    result = {Tristate::kUnknown, 0, {}, {}};
    const auto decided = std::find_if(ports.begin(), ports.end(), [](const Proxy& p) { return p.range.valid(); });
    if (decided != ports.end()) result.range = decided->range;
  }
  profile.proxy_protocol = {result.enabled, result.version, result.range, std::string(result.condition)};
}

// ---- ignored annotations, Go durations --------------------------------------------------------

bool same_value(std::string_view written, std::string_view listed) {
  while (!written.empty() && (written.front() == ' ' || written.front() == '\t')) written.remove_prefix(1);
  while (!written.empty() && (written.back() == ' ' || written.back() == '\t')) written.remove_suffix(1);
  if (written.size() != listed.size()) return false;
  for (std::size_t i = 0; i < written.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(written[i]) != lower(listed[i])) return false;
  }
  return true;
}

// RULES.md NL6009: whether an ignored annotation's value asks for behaviour the LB does not give
// (a value restating what it does anyway is harmless).
bool asks_for_something(const lb::IgnoredSpec& spec, std::string_view value, const LoadBalancerProfile& profile) {
  const auto listed = [&](std::span<const std::string_view> values) {
    return std::any_of(values.begin(), values.end(), [&](std::string_view v) { return same_value(value, v); });
  };
  if (!spec.only_values.empty() && !listed(spec.only_values)) return false;
  if (listed(spec.restating_values)) return false;
  if (spec.unless_proxy_enabled && profile.proxy_protocol.enabled == Tristate::kTrue) return false;
  return true;
}

void classify_ignored(const model::Service& service, const Product& product, LoadBalancerProfile& profile) {
  for (const model::Label& a : service.meta.annotations) {
    for (const lb::IgnoredSpec& spec : product.ignored) {
      const bool matches = spec.prefix ? std::string_view(a.key.value).starts_with(spec.key) : a.key.value == spec.key;
      if (!matches) continue;
      if (spec.when == lb::IgnoreWhen::kNotL7 && profile.kind != LbKind::kL4) continue;
      if (!asks_for_something(spec, a.value.value, profile)) continue;
      add_ignored(profile, a, std::string(spec.reason));
    }
  }
}

void check_durations(const std::vector<Written>& all, LoadBalancerProfile& profile) {
  for (const Written& w : all) {
    if (w.spec->role == Role::kGoDuration && !go_parse_duration(w.label->value.value)) {
      add_problem(profile, LbProblemKind::kUnparsable, *w.label,
                  fmt::format("\"{}\" is not a duration (a number with a unit: 10s, 2m)", w.label->value.value));
    }
  }
}

// ---- provider ------------------------------------------------------------------------------------

struct Identified {
  const Product* product = nullptr;
  LbProvider provider = LbProvider::kUnknown;
  SourceRange range;
};

Identified identify(const model::Service& service, LoadBalancerProfile& profile) {
  const model::Text& lb_class = service.load_balancer_class;
  if (!lb_class.value.empty()) {
    // The built-in controller leaves Services with a class alone; only known classes say more.
    for (const lb::LoadBalancerClass& c : lb::load_balancer_classes()) {
      if (c.name == lb_class.value) return {c.product, c.product->provider, lb_class.range};
    }
    return {};
  }
  struct Match {
    const lb::Family* family;
    const model::Label* first;
  };
  std::vector<Match> matches;
  for (const model::Label& a : service.meta.annotations) {
    for (const lb::Family& family : lb::families()) {
      const bool ours = std::any_of(family.prefixes.begin(), family.prefixes.end(), [&](std::string_view prefix) {
        return std::string_view(a.key.value).starts_with(prefix);
      });
      const bool seen =
          std::any_of(matches.begin(), matches.end(), [&](const Match& m) { return m.family == &family; });
      if (ours && !seen) matches.push_back({&family, &a});
    }
  }
  if (matches.empty()) return {};
  if (matches.size() > 1) {
    std::string names;
    for (const Match& m : matches) names += fmt::format("{}{}", names.empty() ? "" : ", ", m.family->name);
    profile.problems.push_back(
        {LbProblemKind::kSeveralProviders, matches[1].first->key.value, matches[1].first->key.range,
         fmt::format("annotations of several load balancer providers ({}): the provider is unknown", names)});
    return {};
  }
  const lb::Family& family = *matches.front().family;
  const model::Label* type = family.type_key.empty() ? nullptr : annotation(service, family.type_key);
  if (type == nullptr || type->value.value.empty()) {
    const Product* product = family.unwritten;
    return {product, product ? product->provider : family.provider, matches.front().first->key.range};
  }
  const auto it = std::find_if(family.types.begin(), family.types.end(),
                               [&](const lb::TypeValue& t) { return t.text == type->value.value; });
  if (it != family.types.end()) return {it->product, it->product->provider, type->value.range};
  if (!family.other_problem.empty()) {
    std::string message(family.other_problem);
    if (const std::size_t at = message.find("{}"); at != std::string::npos) message.replace(at, 2, type->value.value);
    add_problem(profile, LbProblemKind::kUnknownValue, *type, std::move(message));
  }
  return {family.other, family.other ? family.other->provider : family.provider, type->value.range};
}

}  // namespace

std::string_view provider_name(LbProvider provider) {
  static constexpr std::array<std::string_view, 14> kNames = {
      "unknown", "aws-clb",  "aws-nlb", "aws-lbc-nlb", "gcp",     "azure",    "digitalocean",
      "hetzner", "scaleway", "linode",  "oci",         "oci-nlb", "exoscale", "metallb"};
  const auto index = static_cast<std::size_t>(provider);
  return index < kNames.size() ? kNames[index] : "unknown";
}

std::string_view product_name(std::string_view provider) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kNames{{
      {"aws-clb", "AWS CLB"},
      {"aws-nlb", "AWS NLB"},
      {"aws-lbc-nlb", "AWS NLB (Load Balancer Controller)"},
      {"gcp", "GCP passthrough Network LB"},
      {"azure", "Azure LB"},
      {"digitalocean", "DigitalOcean LB"},
      {"hetzner", "Hetzner LB"},
      {"scaleway", "Scaleway LB"},
      {"linode", "Linode NodeBalancer"},
      {"oci", "OCI LB"},
      {"oci-nlb", "OCI NLB"},
      {"exoscale", "Exoscale NLB"},
      {"metallb", "MetalLB"},
      {"configured", "load balancer from .netlint.yaml"},
  }};
  for (const auto& [id, name] : kNames) {
    if (id == provider) return name;
  }
  return "load balancer";
}

std::string_view kind_name(LbKind kind) {
  switch (kind) {
    case LbKind::kL4:
      return "l4";
    case LbKind::kL7:
      return "l7";
    case LbKind::kUnknown:
      break;
  }
  return "unknown";
}

LoadBalancerProfile classify_load_balancer(const model::Service& service) {
  LoadBalancerProfile profile;
  if (service.type.value != "LoadBalancer") return profile;
  for (const model::ServicePort& p : service.ports)
    profile.ports.push_back({p.port.value, p.name.value, LbKind::kUnknown, Tristate::kUnknown});

  const Identified identified = identify(service, profile);
  profile.provider = identified.provider;
  profile.provider_range = identified.range;
  if (identified.product == nullptr) return profile;
  const Product& product = *identified.product;

  const std::vector<Written> all = written_annotations(service, product, profile);
  switch (product.kind_model) {
    case lb::KindModel::kFixed:
      for (LbPort& port : profile.ports) port.kind = product.kind;
      break;
    case lb::KindModel::kProtocol:
      protocol_listener_kinds(service, product, all, profile);
      break;
    case lb::KindModel::kAwsClb:
      clb_listener_kinds(all, profile);
      break;
  }
  profile.kind = aggregate_kind(profile.ports);
  if (profile.ports.empty() && product.kind_model == lb::KindModel::kFixed) profile.kind = product.kind;
  profile.pooling = pooling(product, all, profile.kind);
  classify_idle(service, product, profile);
  classify_proxy(service, product, all, profile);
  classify_ignored(service, product, profile);
  check_durations(all, profile);
  return profile;
}

}  // namespace netlint::facts
