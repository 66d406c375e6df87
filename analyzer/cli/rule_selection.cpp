#include "analyzer/cli/rule_selection.h"

#include <set>

#include "analyzer/diag/did_you_mean.h"

namespace netlint::cli {
namespace {

const engine::Rule* find(std::span<const engine::Rule* const> registry, const std::string& code_or_name) {
  for (const engine::Rule* rule : registry) {
    if (rule->info().code == code_or_name || rule->info().name == code_or_name) return rule;
  }
  return nullptr;
}

}  // namespace

std::string unknown_rule(std::span<const engine::Rule* const> registry, const std::string& written) {
  std::vector<std::string> known;
  for (const engine::Rule* rule : registry) {
    known.emplace_back(rule->info().code);
    known.emplace_back(rule->info().name);
  }
  std::string message = "unknown rule '" + written + "'";
  const auto best = diag::best_near_misses(written, known);
  if (!best.empty()) message += "; did you mean '" + diag::join_alternatives(best) + "'?";
  return message + " (netlint rules lists them)";
}

RuleSelection select_rules(std::span<const engine::Rule* const> registry, const config::Config* config,
                           const std::vector<std::string>& enable, const std::vector<std::string>& disable) {
  RuleSelection selection;
  std::set<const engine::Rule*> off;
  if (config != nullptr) {
    for (const auto& [code, setting] : config->rules) {
      const engine::Rule* rule = find(registry, code);
      if (rule == nullptr) continue;  // validated when the config was read
      if (setting.off) off.insert(rule);
      if (setting.severity) selection.severities[code] = *setting.severity;
    }
  }
  // --disable first, then --enable: enabling wins when a rule is named in both.
  for (const auto& [names, enable_it] : {std::pair{&disable, false}, std::pair{&enable, true}}) {
    for (const std::string& name : *names) {
      const engine::Rule* rule = find(registry, name);
      if (rule == nullptr) {
        selection.error = unknown_rule(registry, name);
        return selection;
      }
      if (enable_it) off.erase(rule);
      else off.insert(rule);
    }
  }
  for (const engine::Rule* rule : registry) {
    if (off.count(rule) == 0) selection.rules.push_back(rule);
  }
  return selection;
}

}  // namespace netlint::cli
