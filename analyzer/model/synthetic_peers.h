// Pods every cluster runs that manifests rarely include. RULES.md Facts: when no workload with
// the DNS pods' labels (default: namespace kube-system, `k8s-app: kube-dns`) is in the view, a
// synthetic DNS peer with these labels stands for it, so a Service or policy selecting the DNS
// pods is not mistaken for one that selects nothing. (The facts layer will make namespace and
// labels configurable through the dns fact.)
#pragma once

#include "analyzer/model/model.h"

namespace netlint::model {

// `ns` and `labels`: the DNS pods as the dns fact describes them (default kube-system,
// `k8s-app: kube-dns`).
void add_synthetic_dns_peer(Model& model, std::string_view ns = "kube-system", const Labels& labels = {});

}  // namespace netlint::model
