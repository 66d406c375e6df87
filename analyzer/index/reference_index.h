// Every pod source's references (index/references.h), extracted once per view and looked up by
// the Service they name: NL1004 asks whether anything reaches a selectorless Service by DNS,
// the DNS rules ask what each pod resolves.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/index/references.h"
#include "analyzer/model/model.h"

namespace netlint::index {

class KeptReferences;  // index/kept_references.h

struct PodReferences {
  const model::PodSource* pod = nullptr;
  std::span<const Reference> references;                // in `owned`
  std::shared_ptr<const std::vector<Reference>> owned;  // shared with a KeptReferences, if any
};

struct ServiceReference {
  const model::PodSource* pod = nullptr;
  const Reference* reference = nullptr;
};

// The namespace of the Service a reference names from `pod` (a short name: the pod's own; an
// FQDN under another domain: none), "" when it names no Service of this cluster.
std::string service_namespace(const Reference& reference, const model::PodSource& pod);

class ReferenceIndex {
 public:
  // `domain`: the cluster domain FQDN references are resolved in. `file_values`, `host_scans`,
  // `kept`: mounted ConfigMap files parsed, values scanned and pods' references extracted by an
  // earlier index (the language server's); null: parsed, scanned and extracted here.
  ReferenceIndex(const model::Model& model, std::string domain, ConfigFileValuesCache* file_values = nullptr,
                 HostScanCache* host_scans = nullptr, KeptReferences* kept = nullptr);

  const std::vector<PodReferences>& by_pod() const noexcept { return pods_; }
  // References that resolve to Service `name` of namespace `ns`: short names from pods of that
  // namespace, `<svc>.<ns>`, `<svc>.<ns>.svc` and FQDNs in the cluster domain from any pod.
  std::vector<ServiceReference> to_service(std::string_view ns, std::string_view name) const;

 private:
  std::vector<PodReferences> pods_;
};

}  // namespace netlint::index
