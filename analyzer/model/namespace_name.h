// The apply-time namespace (RULES.md "Apply units and namespaces"): an object that names no
// namespace gets, when applied, the namespace of the kubectl invocation (`-n NS` or the
// context's). Without `--namespace` or `cluster.applyNamespace` that name is unknown, so the model
// keeps it as `~`, one unnamed namespace per view: `~` equals `~`, and *may equal* every named
// namespace (kubectl rejects `-n X` for an object naming another namespace, so a bundle mixing
// `namespace: shop` with namespace-less objects is applied with `-n shop`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace netlint::model {

// Never a valid namespace (DNS-1123 labels have no `~`), so it cannot collide with a written one.
inline constexpr std::string_view kApplyTimeNamespace = "~";

inline bool is_apply_time(std::string_view namespace_name) {
  return namespace_name == kApplyTimeNamespace;
}

// Two different namespaces that one apply could still make the same: exactly one of them is `~`.
// (Equal namespaces are equal, not "may equal"; cluster-scoped objects have no namespace.)
inline bool may_equal(std::string_view a, std::string_view b) {
  return a != b && !a.empty() && !b.empty() && (is_apply_time(a) || is_apply_time(b));
}

// Equal, or may be equal.
inline bool equal_or_may_equal(std::string_view a, std::string_view b) {
  return a == b || may_equal(a, b);
}

// How messages print a namespace: `~` as "(apply-time)".
inline std::string namespace_display(std::string_view namespace_name) {
  return is_apply_time(namespace_name) ? std::string("(apply-time)") : std::string(namespace_name);
}

// .netlint.yaml's `cluster.namespaces` (RULES.md "Namespace states": config wins over detection;
// "~" names the apply-time namespace). Kept here, below facts and indexes, so that the facts
// carry it and index::NamespaceCatalog reads it without the index layer including the facts.
struct NamespaceStateConfig {
  std::vector<std::string> complete;
  std::vector<std::string> open;
};

// How a message names a namespace: `namespace "shop"`, or `the apply-time namespace`.
inline std::string namespace_phrase(std::string_view namespace_name) {
  return is_apply_time(namespace_name) ? std::string("the apply-time namespace")
                                       : "namespace \"" + std::string(namespace_name) + "\"";
}

}  // namespace netlint::model
