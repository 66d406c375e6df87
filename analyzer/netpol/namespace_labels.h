// A namespace as a namespaceSelector sees it. The API server labels every namespace
// `kubernetes.io/metadata.name: <name>` (Kubernetes 1.22+); the other labels come from its
// Namespace object, and without the object they are unknown (RULES.md "The view and the open
// world"). The evaluator and the rules that reason about namespace selectors (NL2013) share this.
#pragma once

#include <string_view>

#include "analyzer/model/model.h"

namespace netlint::netpol {

inline constexpr std::string_view kNamespaceNameLabel = "kubernetes.io/metadata.name";

// The namespace as a label set to evaluate selectors on: `object`'s labels (none when null) plus
// the name label; open (other labels unknown) when the object is missing and `open_without_object`.
model::PodSource namespace_as_selectable(std::string_view name, const model::Namespace* object,
                                         bool open_without_object = true);

}  // namespace netlint::netpol
