// NL3007 ingress-api-removed: Ingress, IngressClass and NetworkPolicy API versions the API
// server no longer serves.
#include <fmt/format.h>

#include <array>

#include "analyzer/facts/version.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL3007",
    .name = "ingress-api-removed",
    .severity = diag::Severity::kError,
    .group = diag::Group::kCorrectness,
    .summary = "an Ingress, IngressClass or NetworkPolicy API version that is no longer served",
    .doc = R"md(## What it finds
Objects written in API versions Kubernetes has removed:
- Ingress `extensions/v1beta1` and `networking.k8s.io/v1beta1`, IngressClass
  `networking.k8s.io/v1beta1`: removed in 1.22;
- NetworkPolicy `extensions/v1beta1`: removed in 1.16.

When the view's Kubernetes version is known and older than the removal, nothing is reported.

## Why is this bad?
The API server answers `no matches for kind "Ingress" in version "extensions/v1beta1"`: the
apply fails and the object never exists.

## How to fix
Use `networking.k8s.io/v1`. For Ingress the backend changes shape: `serviceName`/`servicePort`
become `service: {name, port: {number | name}}`, and every path needs a `pathType`.

## Known limitations
An unknown Kubernetes version counts as the newest release; set `kubernetesVersion` in
`.netlint.yaml` for a cluster older than 1.22.
)md"};

struct Removal {
  std::string_view kind;
  std::string_view api_version;
  facts::Version removed_in;
};

constexpr std::array<Removal, 4> kRemovals = {{
    {"Ingress", "extensions/v1beta1", {1, 22, 0}},
    {"Ingress", "networking.k8s.io/v1beta1", {1, 22, 0}},
    {"IngressClass", "networking.k8s.io/v1beta1", {1, 22, 0}},
    {"NetworkPolicy", "extensions/v1beta1", {1, 16, 0}},
}};

class IngressApiRemoved final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const facts::Version k8s = facts::kubernetes_version(view.facts());
    for (const model::ObjectMeta& object : view.model().objects) {
      for (const Removal& r : kRemovals) {
        if (object.kind.value != r.kind || object.api_version.value != r.api_version || k8s < r.removed_in) continue;
        out.checking(object.object_range);
        out.report(object.api_version.range,
                   fmt::format("{} {} is no longer served (removed in Kubernetes {}.{}): the API server rejects {}",
                               r.kind, r.api_version, r.removed_in.major, r.removed_in.minor, object.display()))
            .help = "use networking.k8s.io/v1";
      }
    }
  }
};

}  // namespace

const engine::Rule* ingress_api_removed() {
  static const IngressApiRemoved rule;
  return &rule;
}

}  // namespace netlint::rules
