#include "rules/registry.h"

#include <array>

namespace netlint::rules {

// The factories, declared from the one list (rules/rules.def). Each is defined in its rule's own
// file, which includes no shared declaration of it: a shared header of every factory made every
// rule file recompile when one rule was added.
#define NETLINT_RULE(code, factory) const engine::Rule* factory();
#include "rules/rules.def"
#undef NETLINT_RULE

std::span<const engine::Rule* const> all_rules() {
  // In rules.def order, sorted by code; the registry test checks both.
  static const auto kRules = std::to_array<const engine::Rule*>({
#define NETLINT_RULE(code, factory) factory(),
#include "rules/rules.def"
#undef NETLINT_RULE
  });
  return kRules;
}

const engine::Rule* find_rule(std::string_view code_or_name) {
  for (const engine::Rule* rule : all_rules()) {
    if (rule->info().code == code_or_name || rule->info().name == code_or_name) return rule;
  }
  return nullptr;
}

std::span<const engine::Precedence> precedence() {
  // Filled as the rule families arrive (NL4102 over NL4101, NL2018 over NL2005, ...).
  static const auto kPrecedence = std::to_array<engine::Precedence>({
      {.winner = "NL2003", .loser = "NL2005"},  // the DNS rule's peer is a near miss
      {.winner = "NL2003", .loser = "NL2006"},
      {.winner = "NL2010", .loser = "NL2005"},  // the only DNS rule is an ipBlock of the kube-dns ClusterIP
      {.winner = "NL2010", .loser = "NL2006"},
      {.winner = "NL2018", .loser = "NL2005"},  // the DNS rule names the Service port, not the pods'
      {.winner = "NL2018", .loser = "NL2006"},
      {.winner = "NL4003", .loser = "NL0004"},  // a dnsConfig option value that is not a string
      {.winner = "NL4102", .loser = "NL4101"},  // a removed plugin is NL4102, not an unknown directive
      {.winner = "NL2013",
       .loser = "NL2004"},  // a peer podSelector that only matches in the sibling namespaceSelector's namespaces
  });
  return kPrecedence;
}

}  // namespace netlint::rules
