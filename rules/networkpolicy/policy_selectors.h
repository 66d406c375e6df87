// What a NetworkPolicy's pod selectors select, shared by the absence and typo rules (NL2001-NL2004):
// the namespaces a selector looks in, whether it matches nothing there, and the near misses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/engine/view.h"
#include "analyzer/index/selector_near_miss.h"
#include "analyzer/model/network_policy.h"

namespace netlint::rules {

// The namespaces a peer's pods are looked for in: the policy's own without a namespaceSelector;
// the names a namespaceSelector lists by `kubernetes.io/metadata.name` (matchLabels, or one
// `In` expression); nullopt when the namespaceSelector selects by any other label (namespaces
// outside the view may carry any label).
std::optional<std::vector<std::string>> peer_namespaces(const model::NetworkPolicy& policy,
                                                        const model::PolicyPeer& peer);

struct PodSelectorOutcome {
  bool selects_nothing = false;           // in every namespace looked at, not even possibly
  std::vector<index::SelectorFix> fixes;  // near misses (matchLabels-only selectors), when it selects nothing
  std::string fix_namespace;              // the namespace the fixes are in
};

PodSelectorOutcome analyse_pod_selector(const engine::View& view, const model::SelectorSpec& selector,
                                        const std::vector<std::string>& namespaces);

// `namespaceSelector: {matchLabels: {name: prod}}` where Namespace prod is in the view without a
// `name` label and no namespace carries name=prod: the Namespace meant (namespaces carry
// kubernetes.io/metadata.name), else nullptr.
const model::Namespace* namespace_name_confusion(const engine::View& view, const model::PolicyPeer& peer);

// Whether NL2003 reports the peer: its namespaceSelector is the `name:` confusion, or its
// podSelector matches nothing and has a near miss.
bool peer_is_typo(const engine::View& view, const model::NetworkPolicy& policy, const model::PolicyPeer& peer);

// "app=web,tier in (a,b)"
std::string format_selector(const model::SelectorSpec& selector);

// "policy shop/deny-all" style display of the namespaces looked in: "namespace \"shop\"",
// "namespaces \"a\", \"b\"".
std::string format_namespaces(const std::vector<std::string>& namespaces);

}  // namespace netlint::rules
