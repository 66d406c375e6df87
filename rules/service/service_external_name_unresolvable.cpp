// NL1006 service-external-name-unresolvable: an ExternalName that never resolves for clients.
#include <fmt/format.h>

#include <set>

#include "analyzer/model/hosts_file.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL1006",
                               .name = "service-external-name-unresolvable",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "an ExternalName that clients can never resolve",
                               .doc = R"md(## What it finds
A Service of type ExternalName whose `externalName` is:
- an IP address: the API accepts it, but CoreDNS serves no record for the Service;
- a single label (`db`), a name whose last label is a namespace of the view (`db.prod` with a
  namespace `prod`), or a name ending in `.svc` or `.svc.cluster`: cluster-internal names
  without the cluster domain.

## Why is this bad?
CoreDNS answers the Service's name with a CNAME to `externalName`, and the client's resolver
looks that target up as written: the pod's search list is not applied to a CNAME target. A
cluster-internal name must therefore be complete, `<svc>.<ns>.svc.<domain>`; an IP address gets no
record at all. Clients see `NXDOMAIN` or no answer.

## How to fix
Write the full name (`db.prod.svc.cluster.local`), or, for an IP address, use a Service without
selector and an EndpointSlice that holds the address.

## Known limitations
Names outside the cluster are not resolved: a misspelled public host is not found.
)md"};

std::vector<std::string> labels_of(std::string_view name) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t dot = std::min(name.find('.', start), name.size());
    out.emplace_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  return out;
}

class ServiceExternalNameUnresolvable final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    std::set<std::string, std::less<>> namespaces;
    for (const model::ObjectMeta& o : view.model().objects) {
      if (!o.namespace_name.value.empty()) namespaces.insert(o.namespace_name.value);
      if (o.kind.value == "Namespace") namespaces.insert(o.name.value);
    }
    const std::string domain = view.facts().domain.usable() ? view.facts().domain.value : "cluster.local";
    for (const model::Service& service : view.model().services) {
      out.checking(service.meta.object_range);
      if (service.type.value != "ExternalName" || service.external_name.value.empty()) continue;
      std::string name = service.external_name.value;
      if (name.ends_with(".") && name.size() > 1) name.pop_back();
      const auto labels = labels_of(name);
      std::string why;
      std::string help;
      if (model::looks_like_ip(name)) {
        why = "an IP address: the API server accepts it, but CoreDNS serves no record for this Service";
        help = "use a Service without selector and an EndpointSlice with this address";
      } else if (labels.size() == 1) {
        why = "a single label: the CNAME target is looked up as written, without the pod's search list";
        help = fmt::format("write the full name, e.g. {}.{}.svc.{}", name, service.meta.namespace_name.value, domain);
      } else if (labels.back() == "svc" ||
                 (labels.size() >= 2 && labels[labels.size() - 2] == "svc" && labels.back() == "cluster")) {
        why = "a cluster name without the cluster domain: the CNAME target is not searched";
        const std::string base = name.substr(0, name.find(".svc"));
        help = fmt::format("write {}.svc.{}", base, domain);
      } else if (labels.size() == 2 && namespaces.count(labels.back()) != 0) {
        why = fmt::format(
            "`<service>.<namespace>` (\"{}\" is a namespace here) without \"svc.{}\": the CNAME target is not searched",
            labels.back(), domain);
        help = fmt::format("write {}.svc.{}", name, domain);
      } else {
        continue;
      }
      out.report(service.external_name.range, fmt::format("externalName \"{}\" never resolves for clients: it is {}",
                                                          service.external_name.value, why))
          .help = std::move(help);
    }
  }
};

}  // namespace

const engine::Rule* service_external_name_unresolvable() {
  static const ServiceExternalNameUnresolvable rule;
  return &rule;
}

}  // namespace netlint::rules
