// NL3003 ingress-route-conflict: two Ingresses of one class claim the same host, path and
// pathType.
#include <fmt/format.h>

#include <map>
#include <tuple>

#include "rules/ingress/ingress_classes.h"
#include "analyzer/engine/rule.h"
#include "rules/applied_together.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL3003",
                               .name = "ingress-route-conflict",
                               .severity = diag::Severity::kWarning,
                               .group = diag::Group::kSuspicious,
                               .summary = "two Ingresses of one class claim the same host, path and pathType",
                               .doc = R"md(## What it finds
Two different Ingresses of the same class with a rule for the same exact host and the same
path of the same `pathType`. For `Prefix`, a trailing `/` is ignored (`/api` and `/api/` are one
prefix); for ingress-nginx, `ImplementationSpecific` counts as `Prefix`. Hosts are compared as
written: `*.example.com` and `shop.example.com` are different rules (the exact host wins).
Canary Ingresses (`nginx.ingress.kubernetes.io/canary: "true"`) are meant to share a route and
are exempt, and so are hosts that are installer placeholders (`__INGRESS_HOST__`).

Two Ingresses are taken to be applied together when they are in one apply unit (one kustomize
build, or files of one folder that reference each other's objects), when both namespaces are
complete, or when `.netlint.yaml` puts them in one of its `clusters:`. Self-contained examples
side by side, and folders per environment, may be alternatives applied one at a time and are not
compared; declare the clusters to have every pair of a cluster compared.

## Why is this bad?
The controller merges all Ingresses of its class into one routing table and keeps only one
backend for a route: ingress-nginx keeps the oldest Ingress's, others the first they read. Which
Service gets the traffic depends on creation order, and the other Ingress silently receives
nothing.

## How to fix
Give each route one owner: remove the duplicate rule, or change its host or path. For a
gradual rollout, mark the second Ingress as a canary.

## Known limitations
Regular-expression paths (`use-regex`) are compared as text.
)md"};

bool is_canary(const model::Ingress& ingress) {
  const model::Label* c = model::find_label(ingress.meta.annotations, "nginx.ingress.kubernetes.io/canary");
  return c != nullptr && c->value.value == "true";
}

struct Claim {
  const model::Ingress* ingress;
  const model::IngressPath* path;
  std::string path_type;
};

class IngressRouteConflict final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const std::vector<IngressClassInfo> classes = ingress_classes(view);
    // (class, host, path, pathType) -> claims in file order.
    std::map<std::tuple<std::string, std::string, std::string, std::string>, std::vector<Claim>> routes;
    for (const model::Ingress& ingress : view.model().ingresses) {
      if (is_canary(ingress)) continue;
      const std::string cls = class_of(ingress, classes);
      const bool nginx = is_nginx_class(cls, classes);
      for (const model::IngressRule& rule : ingress.rules) {
        if (rule.host_unknown || model::is_installer_placeholder(rule.host.value)) continue;
        for (const model::IngressPath& path : rule.paths) {
          std::string type = path.path_type.value.empty() ? "ImplementationSpecific" : path.path_type.value;
          if (nginx && type == "ImplementationSpecific") type = "Prefix";
          std::string p = path.path.value.empty() ? "/" : path.path.value;
          if (type == "Prefix" && p.size() > 1 && p.back() == '/') p.pop_back();
          routes[{cls, rule.host.value, p, type}].push_back({&ingress, &path, type});
        }
      }
    }
    for (const auto& [route, claims] : routes) {
      for (std::size_t i = 1; i < claims.size(); ++i) {
        const Claim* first = nullptr;
        for (std::size_t j = 0; j < i && first == nullptr; ++j) {
          // Variants of one Ingress (overlays, other files) are one Ingress.
          if (claims[j].ingress->meta.display() == claims[i].ingress->meta.display()) continue;
          if (objects_applied_together(view, claims[j].ingress->meta, claims[i].ingress->meta)) first = &claims[j];
        }
        if (first == nullptr) continue;
        const auto& [cls, host, path, type] = route;
        out.checking(claims[i].ingress->meta.object_range);
        const model::Text& anchor =
            claims[i].path->path.range.valid() ? claims[i].path->path : claims[i].path->path_type;
        diag::Diagnostic& d = out.report(
            anchor.range.valid() ? anchor.range : claims[i].path->backend.key,
            fmt::format(
                "{} claims host {} path {} ({}), which {} of the same class{} claims too: the controller sends it to "
                "only one of them",
                claims[i].ingress->meta.display(), host.empty() ? "*" : host, path, type,
                first->ingress->meta.display(), cls.empty() ? "" : " (" + cls + ")"));
        d.help = "give the route one owner: remove one rule, or change its host or path (or mark a canary)";
        d.related.push_back({first->path->path.range.valid() ? first->path->path.range : first->path->backend.key,
                             fmt::format("the same route in {}", first->ingress->meta.display())});
      }
    }
  }

 private:
  static bool is_nginx_class(const std::string& cls, const std::vector<IngressClassInfo>& classes) {
    for (const IngressClassInfo& c : classes) {
      if (c.meta->name.value == cls) return c.controller == "k8s.io/ingress-nginx";
    }
    return cls == "nginx";  // the class ingress-nginx serves by default
  }
};

}  // namespace

const engine::Rule* ingress_route_conflict() {
  static const IngressRouteConflict rule;
  return &rule;
}

}  // namespace netlint::rules
