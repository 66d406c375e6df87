// NL6012 ingress-nginx-keepalive-disabled: `keep-alive: "0"` in an ingress-nginx controller's
// ConfigMap (knowledge/domain.md 2.2).
#include <fmt/format.h>

#include "rules/ingress_nginx/nginx_rule_support.h"
#include "rules/ingress_nginx/nginx_tables.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL6012",
                               .name = "ingress-nginx-keepalive-disabled",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "keep-alive \"0\" in an ingress-nginx ConfigMap disables client keep-alive",
                               .doc = R"md(## What it finds
`keep-alive` set to 0 in the ConfigMap an ingress-nginx controller of the view reads (any value
the controller reads as 0: `"0"`, `"00"`, and `""`, which Go's weak decoding turns into 0).

## Why is this bad?
`keep-alive` is nginx's client `keepalive_timeout`; 0 disables keep-alive: nginx closes every
client connection after one response. Every request pays a new TCP (and TLS) handshake, and
HTTP/2 clients lose the concurrent streams of one connection. A load balancer that pools
connections to nginx reconnects for every request.

## How to fix
Remove the key (the default is 75 seconds) or set a number of seconds, longer than the idle
timeout of a load balancer in front.

## Known limitations
Only ConfigMaps named by a controller's `--configmap` are checked. A value that does not parse
(`"75s"`) is NL6002, and the default 75 applies.
)md"};

class IngressNginxKeepaliveDisabled final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    const nginx::KeySpec* spec = nginx::find_key("keep-alive");
    for (const nginx::ControllerConfigMap& cm : nginx::controller_config_maps(controllers)) {
      out.checking(cm.config_map->meta.object_range);
      for (const model::ConfigMapEntry& e : cm.config_map->data) {
        if (e.binary || e.key.value != "keep-alive") continue;
        const nginx::Parsed parsed = nginx::parse_key_value(*spec, e.value.value);
        if (!parsed.ok || parsed.integer != 0) continue;
        diag::Diagnostic& d =
            out.report(e.value.range, fmt::format("keep-alive \"{}\" disables client keep-alive: nginx closes every "
                                                  "connection after one response, and HTTP/2 "
                                                  "clients lose their concurrent streams",
                                                  e.value.value));
        d.help =
            "remove the key (default 75 seconds) or set a number of seconds above the idle timeout of the load "
            "balancer in front";
        nginx::add_readers(cm, d.related);
      }
    }
  }
};

}  // namespace

const engine::Rule* ingress_nginx_keepalive_disabled() {
  static const IngressNginxKeepaliveDisabled rule;
  return &rule;
}

}  // namespace netlint::rules
