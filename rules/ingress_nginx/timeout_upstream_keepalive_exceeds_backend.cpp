// NL6007 timeout-upstream-keepalive-exceeds-backend: nginx keeps idle upstream connections at
// least as long as the backend does (knowledge/domain.md 2.5).
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "rules/ingress_nginx/backend_timeouts.h"
#include "rules/ingress_nginx/front_load_balancer.h"
#include "rules/ingress_nginx/nginx_rule_support.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL6007",
                               .name = "timeout-upstream-keepalive-exceeds-backend",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "nginx keeps upstream connections idle at least as long as the backend does",
                               .doc = R"md(## What it finds
A workload behind an Ingress that ingress-nginx serves, whose idle keep-alive timeout is stated
explicitly and is not longer than the controller's `upstream-keepalive-timeout` (ConfigMap key,
default 60 seconds):
- gunicorn `--keep-alive N` with a worker that keeps connections alive (`-k gthread`, `gevent`,
  `eventlet`, `uvicorn.workers.UvicornWorker`, or `--threads` above 1), also through
  `GUNICORN_CMD_ARGS`;
- uvicorn `--timeout-keep-alive N`;
- the annotation `netlint.io/idle-timeout` (seconds, or `30s`, `2m`) on the workload or on its
  Service, for any other server.

## Why is this bad?
nginx keeps idle connections to the backend open for `upstream-keepalive-timeout` and reuses
them. A backend that closes an idle connection sooner races with nginx: nginx sends the next
request on a socket the backend is closing, gets `upstream prematurely closed connection` or a
reset, and answers 502. POST and PATCH are not retried (`proxy-next-upstream` leaves out
non-idempotent requests), so users see the errors, a few per minute under light load.

## How to fix
Make the backend's idle timeout longer than nginx's (gunicorn `--keep-alive 65`, uvicorn
`--timeout-keep-alive 65` with the default 60), or lower `upstream-keepalive-timeout` in the
controller's ConfigMap below the backend's.

## Known limitations
Only timeouts written in the manifests are compared; defaults of servers (gunicorn 2 s, uvicorn
5 s, Node.js 5 s) are not assumed, because images and config files change them. Silent when
upstream keep-alive is off (`upstream-keepalive-connections: "0"`) or the controller's settings
are unknown. The gunicorn sync worker closes every connection after its response and is never
reported.
)md"};

class TimeoutUpstreamKeepaliveExceedsBackend final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    const std::vector<nginx::NginxIngress> ingresses = nginx::nginx_ingresses(view, controllers);
    std::set<std::tuple<FileId, std::uint32_t, const nginx::Controller*>> reported;
    for (const nginx::IngressBackendPod& b : nginx::ingress_backend_pods(view, ingresses)) {
      const nginx::BackendTimeouts backend = nginx::backend_timeouts(view.model(), *b.pod, b.service);
      if (!backend.idle) continue;
      const std::optional<nginx::Effective> pool =
          nginx::effective_integer("upstream-keepalive-connections", *b.controller);
      if (!pool || pool->value == 0) continue;  // no upstream keep-alive: nothing is reused
      const std::optional<nginx::Effective> keep =
          nginx::effective_seconds("upstream-keepalive-timeout", *b.controller);
      if (!keep || keep->value < backend.idle->seconds) continue;
      const SourceRange& at = backend.idle->range;
      if (!reported.insert({at.file, at.begin, b.controller}).second) continue;
      out.checking(b.pod->meta.object_range);
      diag::Diagnostic& d =
          out.report(at, fmt::format("the backend's idle timeout {}s ({}, {}) is not longer than nginx "
                                     "upstream-keepalive-timeout {}s ({}): nginx reuses connections "
                                     "the backend has closed (502)",
                                     backend.idle->seconds, backend.idle->what, b.pod->meta.display(), keep->value,
                                     nginx::describe_source(*keep, *b.controller)));
      d.help = fmt::format(
          "raise the backend's idle timeout above {}s (e.g. {}), or set upstream-keepalive-timeout below {} in the "
          "controller's ConfigMap",
          keep->value, keep->value + 5, backend.idle->seconds);
      if (keep->range.valid()) d.related.push_back({keep->range, "upstream-keepalive-timeout"});
      d.related.push_back(
          {b.ingress->ingress->meta.name.range,
           fmt::format("{} routes to {}", b.ingress->ingress->meta.display(), b.service->meta.display())});
    }
  }
};

}  // namespace

const engine::Rule* timeout_upstream_keepalive_exceeds_backend() {
  static const TimeoutUpstreamKeepaliveExceedsBackend rule;
  return &rule;
}

}  // namespace netlint::rules
