// NL6008 timeout-backend-exceeds-proxy-read: the backend works on a request longer than nginx
// waits for its answer (knowledge/domain.md 2.2, 2.5).
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "rules/ingress_nginx/backend_timeouts.h"
#include "rules/ingress_nginx/front_load_balancer.h"
#include "rules/ingress_nginx/nginx_rule_support.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL6008",
                               .name = "timeout-backend-exceeds-proxy-read",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "the backend's own request timeout is longer than nginx's proxy read timeout",
                               .doc = R"md(## What it finds
A workload behind an Ingress that ingress-nginx serves, whose own request timeout is stated
explicitly and is longer than the effective `proxy-read-timeout` in front of it (the Ingress's
`nginx.ingress.kubernetes.io/proxy-read-timeout` annotation, else the controller's ConfigMap,
else 60 seconds):
- gunicorn `--timeout N` (`-t N`) with the sync worker, where it is the time a worker may spend
  on one request;
- the annotation `netlint.io/request-timeout` (seconds, or `30s`, `2m`) on the workload or on
  its Service, for any other server.

## Why is this bad?
The backend was told a request may take that long, but nginx gives up after
`proxy-read-timeout` of silence and answers 504. The backend keeps working on a request nobody
waits for any more, and the client often retries it, doubling the load just when the backend
is slow.

## How to fix
Raise `proxy-read-timeout` for that Ingress (annotation) or the controller (ConfigMap) to at
least the backend's timeout, or lower the backend's timeout to what nginx waits.

## Known limitations
Only timeouts written in the manifests are compared; server defaults (gunicorn's 30 s) are not
assumed. `--timeout` of gunicorn's other workers is a heartbeat, not a request timeout, and is
not compared. A backend that streams its answer (no silence for that long) is not affected.
)md"};

class TimeoutBackendExceedsProxyRead final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<nginx::Controller> controllers = nginx::controllers(view);
    const std::vector<nginx::NginxIngress> ingresses = nginx::nginx_ingresses(view, controllers);
    std::set<std::tuple<FileId, std::uint32_t, std::int64_t>> reported;
    for (const nginx::IngressBackendPod& b : nginx::ingress_backend_pods(view, ingresses)) {
      const nginx::BackendTimeouts backend = nginx::backend_timeouts(view.model(), *b.pod, b.service);
      if (!backend.request) continue;
      const model::Ingress& ingress = *b.ingress->ingress;
      const std::optional<nginx::Effective> read =
          nginx::effective_seconds("proxy-read-timeout", *b.controller, &ingress);
      if (!read || read->value >= backend.request->seconds) continue;
      const SourceRange& at = backend.request->range;
      if (!reported.insert({at.file, at.begin, read->value}).second) continue;
      out.checking(b.pod->meta.object_range);
      diag::Diagnostic& d = out.report(
          at, fmt::format("the backend's request timeout {}s ({}, {}) is longer than the effective proxy-read-timeout "
                          "{}s ({}) of {}: nginx answers 504 "
                          "while the backend still works",
                          backend.request->seconds, backend.request->what, b.pod->meta.display(), read->value,
                          nginx::describe_source(*read, *b.controller, &ingress), ingress.meta.display()));
      d.help = fmt::format(
          "set nginx.ingress.kubernetes.io/proxy-read-timeout: \"{}\" on the Ingress (or proxy-read-timeout in the "
          "controller's "
          "ConfigMap), or lower the backend's timeout to {}s",
          backend.request->seconds, read->value);
      if (read->range.valid())
        d.related.push_back({read->range, "proxy-read-timeout"});
      else
        d.related.push_back({ingress.meta.name.range,
                             fmt::format("{} routes to {}", ingress.meta.display(), b.service->meta.display())});
    }
  }
};

}  // namespace

const engine::Rule* timeout_backend_exceeds_proxy_read() {
  static const TimeoutBackendExceedsProxyRead rule;
  return &rule;
}

}  // namespace netlint::rules
