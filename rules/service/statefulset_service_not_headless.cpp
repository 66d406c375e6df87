// NL1007 statefulset-service-not-headless: a StatefulSet's serviceName names a Service that is
// not headless, in its apply unit and selecting only its pods, when peers are likely to look each
// other up (replicas >= 2 or a per-pod name in view; RULES.md v3: narrowed).
#include <fmt/format.h>

#include <string_view>

#include "rules/applied_together.h"
#include "analyzer/engine/rule.h"
#include "rules/service/service_backends.h"
#include "analyzer/index/service_lookup.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL1007",
                               .name = "statefulset-service-not-headless",
                               .severity = diag::Severity::kNote,
                               .group = diag::Group::kBestPractice,
                               .summary = "a StatefulSet's serviceName names a Service that is not headless",
                               .doc = R"md(## What it finds
A StatefulSet whose `serviceName` (its governing Service) names a Service of its namespace that
has a ClusterIP instead of `clusterIP: None`, when that Service is applied with the StatefulSet
(same kustomize build, else same directory), selects only that StatefulSet's pods, and the pods
are likely to find each other through it: `replicas` is 2 or more, or a per-pod name
`<statefulset>-<n>.<service>` appears in the view (env, args, ConfigMaps).

## Why is this bad?
The governing Service exists so that every pod gets a stable DNS name
(`db-0.db.prod.svc.cluster.local`) and the Service name resolves to the set of pods. With a
ClusterIP, the Service name resolves to one virtual IP that balances across the pods, which
breaks peer discovery through it (database clusters, ZooKeeper, Kafka); per-pod names are then
outside the DNS specification, even though CoreDNS serves them anyway.

## How to fix
Make the governing Service headless (`clusterIP: None`; the field cannot be changed in place, so
delete and recreate the Service), and add a second, ordinary Service for clients that want one
balanced address.

## Known limitations
A governing Service that is missing from the view is not reported here. Applications that never
resolve their peers by DNS (they shard by the pod's ordinal) work with a ClusterIP Service, and
manifests do not show how peers discover each other; hence the conditions above, and the note
severity.
)md"};

// `<sts>-<n>.<svc>` in `text`, as a whole DNS label sequence (not inside a longer name).
bool mentions_pod_name(std::string_view text, std::string_view sts, std::string_view svc) {
  const auto name_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  for (std::size_t at = text.find(sts); at != std::string_view::npos; at = text.find(sts, at + 1)) {
    if (at > 0 && (name_char(text[at - 1]) || text[at - 1] == '.')) continue;
    std::size_t i = at + sts.size();
    if (i >= text.size() || text[i] != '-') continue;
    const std::size_t digits = ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == digits || i >= text.size() || text[i] != '.') continue;
    ++i;
    if (text.substr(i, svc.size()) != svc) continue;
    i += svc.size();
    if (i == text.size() || !name_char(text[i])) return true;
  }
  return false;
}

bool per_pod_name_in_view(const engine::View& view, std::string_view sts, std::string_view svc) {
  for (const model::PodSource& pod : view.model().pod_sources) {
    for (const model::Container& c : pod.containers) {
      for (const model::Text& t : c.command)
        if (mentions_pod_name(t.value, sts, svc)) return true;
      for (const model::Text& t : c.args)
        if (mentions_pod_name(t.value, sts, svc)) return true;
      for (const model::EnvVar& e : c.env)
        if (e.value && mentions_pod_name(e.value->value, sts, svc)) return true;
    }
  }
  for (const model::ConfigMap& cm : view.model().config_maps) {
    for (const model::ConfigMapEntry& e : cm.data) {
      if (!e.binary && mentions_pod_name(e.value.value, sts, svc)) return true;
    }
  }
  return false;
}

class StatefulSetServiceNotHeadless final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const index::ServiceLookup& services = view.services();
    for (const model::PodSource& pod : view.model().pod_sources) {
      if (pod.meta.kind.value != "StatefulSet" || pod.service_name.value.empty()) continue;
      out.checking(pod.meta.object_range);
      const auto& named = services.find(pod.meta.namespace_name.value, pod.service_name.value);
      // Any headless variant of the Service settles it; an absent Service is another rule's.
      if (named.empty()) continue;
      bool headless = false;
      for (const model::Service* s : named) headless = headless || s->headless() || s->type.value == "ExternalName";
      if (headless) continue;
      const model::Service* service = governing_service(view, pod, named);
      if (service == nullptr) continue;
      const std::int64_t replicas = pod.replicas ? pod.replicas->value : 1;  // the API default
      if (replicas < 2 && !per_pod_name_in_view(view, pod.meta.name.value, pod.service_name.value)) continue;
      diag::Diagnostic& d = out.report(
          pod.service_name.range,
          fmt::format(
              "serviceName \"{}\" names {}, which is not headless: the name resolves to one ClusterIP instead of the "
              "StatefulSet's pods, so peers cannot find each other through it",
              pod.service_name.value, service->meta.display()));
      d.help = fmt::format("give {} clusterIP: None (recreate it), and add a separate Service for clients",
                           service->meta.display());
      d.related.push_back({service->cluster_ip.range.valid() ? service->cluster_ip.range : service->meta.name.range,
                           fmt::format("{}", service->meta.display())});
    }
  }

 private:
  // The Service of that name in the StatefulSet's apply unit that selects its pods and no others;
  // nullptr when none does (another unit's Service, or one shared with other workloads).
  static const model::Service* governing_service(const engine::View& view, const model::PodSource& sts,
                                                 const std::vector<const model::Service*>& named) {
    const std::string identity = sts.meta.group() + " " + sts.meta.display();
    for (const model::Service* s : named) {
      if (!same_apply_unit(view, sts.meta.file, s->meta.file)) continue;
      const auto backends = selected_backends(view, *s);
      bool only_this = !backends.empty();
      bool includes_this = false;
      for (const model::PodSource* p : backends) {
        only_this = only_this && p->meta.group() + " " + p->meta.display() == identity;
        includes_this = includes_this || p == &sts;
      }
      if (only_this && includes_this) return s;
    }
    return nullptr;
  }
};

}  // namespace

const engine::Rule* statefulset_service_not_headless() {
  static const StatefulSetServiceNotHeadless rule;
  return &rule;
}

}  // namespace netlint::rules
