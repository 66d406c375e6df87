// NL3001 ingress-backend-missing: an Ingress backend names a Service that is not in its
// namespace: with a near miss (a typo) anywhere, without one only in a namespace the view knows.
#include <fmt/format.h>

#include "analyzer/model/scalar_edit.h"
#include "analyzer/diag/did_you_mean.h"
#include "analyzer/engine/rule.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/model/namespace_name.h"
#include "analyzer/index/service_lookup.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL3001",
                               .name = "ingress-backend-missing",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "an Ingress backend names a Service that is not in the Ingress's namespace",
                               .doc = R"md(## What it finds
An Ingress rule's backend, or its default backend, names a Service that does not exist in the
Ingress's namespace (an Ingress can only route to Services of its own namespace).

When another Service of that namespace has a near-miss name (`order-servce` for
`order-service`), the finding is reported with the suggestion wherever the namespace is. Without
a near miss, it is reported only for namespaces the view knows completely.

## Why is this bad?
The ingress controller has no endpoints for the path: ingress-nginx answers `503 Service
Temporarily Unavailable` for every request to it (other controllers 404 or 502).

## How to fix
Correct the Service name in the backend, or create the Service in the Ingress's namespace.

## Known limitations
Services created at run time (by an operator, by cert-manager's HTTP-01 solver) are not in the
manifests; in namespaces that hold such objects the view is not complete and the finding without
near miss stays silent.
)md"};

class IngressBackendMissing final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const index::ServiceLookup& services = view.services();
    for (const model::Ingress& ingress : view.model().ingresses) {
      out.checking(ingress.meta.object_range);
      const std::string& ns = ingress.meta.namespace_name.value;
      ingress.for_each_backend([&](const model::IngressBackend& backend, const model::IngressPath*) {
        const model::Text& name = backend.service_name;
        if (name.value.empty() || !services.find(ns, name.value).empty() || services.exists_possibly(ns, name.value))
          return;
        const std::vector<std::string> near = services.near_misses(ns, name.value);
        // By-name absence without a near miss: only where the view holds the namespace whole.
        if (near.empty() && !view.namespaces().complete(ns)) return;
        std::string message =
            fmt::format("backend Service \"{}\" does not exist in {}", name.value, model::namespace_phrase(ns));
        if (!near.empty()) message += fmt::format("; did you mean \"{}\"?", diag::join_alternatives(near));
        diag::Diagnostic& d = out.report(name.range, std::move(message));
        d.help = near.empty() ? fmt::format("create Service {} in {}, or route to an existing Service", name.value,
                                            model::namespace_phrase(ns))
                              : fmt::format("change the backend to \"{}\"", near.front());
        if (!near.empty()) {
          d.fix = model::scalar_fix(view.model(), name, near.front(),
                                    near.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                                    fmt::format("change the backend to {}", near.front()));
        }
        for (const std::string& candidate : near) {
          for (const model::Service* s : services.find(ns, candidate)) {
            d.related.push_back({s->meta.name.range, fmt::format("{}", s->meta.display())});
          }
        }
      });
    }
  }
};

}  // namespace

const engine::Rule* ingress_backend_missing() {
  static const IngressBackendMissing rule;
  return &rule;
}

}  // namespace netlint::rules
