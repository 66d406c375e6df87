#include "analyzer/pipeline/rule_selection.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "analyzer/diag/did_you_mean.h"
#include "analyzer/engine/engine_codes.h"

namespace netlint::pipeline {
namespace {

const engine::Rule* find(std::span<const engine::Rule* const> registry, const std::string& code_or_name) {
  for (const engine::Rule* rule : registry) {
    if (rule->info().code == code_or_name || rule->info().name == code_or_name) return rule;
  }
  return nullptr;
}

bool is_prefix(const std::string& text) {
  if (text.size() < 2 || text.size() > 5 || text.compare(0, 2, "NL") != 0) return false;
  return std::all_of(text.begin() + 2, text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

constexpr int kCodeLevel = 100;

// A selector and how specific it is: ALL 0, a group 1, a prefix 2 + its length, a code or name 100.
struct Selector {
  int level = 0;
  std::string text;
  bool add = true;
};

bool matches(const Selector& s, const diag::RuleInfo& info) {
  const bool nursery = info.group == diag::Group::kNursery;
  if (s.level == kCodeLevel) return info.code == s.text || info.name == s.text;
  if (info.run_level) return false;   // run-level notes answer to their own code only
  if (s.level == 0) return !nursery;  // ALL: every group but nursery
  if (s.level == 1) return diag::group_name(info.group) == s.text;
  return !nursery && std::string_view(info.code).starts_with(s.text);  // a prefix never selects nursery
}

// "unknown <what> 'X'; did you mean 'Y'? (netlint rules lists them)", against the rule codes and
// names plus `extra` (group names and ALL for selectors).
std::string unknown_name(std::span<const engine::Rule* const> registry, const std::string& written,
                         std::string_view what, std::vector<std::string> known) {
  for (const engine::Rule* rule : registry) {
    known.emplace_back(rule->info().code);
    known.emplace_back(rule->info().name);
  }
  std::string message = fmt::format("unknown {} '{}'", what, written);
  const auto best = diag::best_near_misses(written, known);
  if (!best.empty()) message += "; did you mean '" + diag::join_alternatives(best) + "'?";
  return message + " (netlint rules lists them)";
}

std::string unknown_selector(std::span<const engine::Rule* const> registry, const std::string& written) {
  return unknown_name(registry, written, "rule, group or prefix",
                      {"ALL", "correctness", "suspicious", "perf", "best-practice", "nursery"});
}

// Classifies `text`; false (and an error) when it names nothing.
bool classify(std::span<const engine::Rule* const> registry, const std::string& text, bool add, Selector& out,
              std::string& error) {
  diag::Group group{};
  out.text = text;
  out.add = add;
  if (find(registry, text) != nullptr)
    out.level = kCodeLevel;
  else if (text == "ALL")
    out.level = 0;
  else if (diag::parse_group(text, group))
    out.level = 1;
  else if (is_prefix(text))
    out.level = 2 + static_cast<int>(text.size());
  else {
    error = unknown_selector(registry, text);
    return false;
  }
  return true;
}

// Applies one source to `selected` (RULES.md resolution order).
bool apply(std::span<const engine::Rule* const> registry, const SelectorSource& source,
           std::set<const engine::Rule*>& selected, std::string& error) {
  std::vector<Selector> selectors;
  const auto add_all = [&](const std::vector<std::string>& texts, bool add) {
    for (const std::string& text : texts) {
      Selector s;
      if (!classify(registry, text, add, s, error)) return false;
      selectors.push_back(std::move(s));
    }
    return true;
  };
  if (source.select && !add_all(*source.select, true)) return false;
  if (!add_all(source.extend_select, true) || !add_all(source.ignore, false)) return false;
  if (source.select) {
    // `select` starts from nothing, but run-level notes ignore it (RULES.md).
    std::erase_if(selected, [](const engine::Rule* rule) { return !rule->info().run_level; });
  }
  // Least specific first; at one level additions before removals.
  std::stable_sort(selectors.begin(), selectors.end(), [](const Selector& a, const Selector& b) {
    return a.level != b.level ? a.level < b.level : (a.add && !b.add);
  });
  for (const Selector& s : selectors) {
    for (const engine::Rule* rule : registry) {
      if (!matches(s, rule->info())) continue;
      if (s.add)
        selected.insert(rule);
      else
        selected.erase(rule);
    }
  }
  return true;
}

}  // namespace

std::string unknown_rule(std::span<const engine::Rule* const> registry, const std::string& written) {
  return unknown_name(registry, written, "rule", {});
}

bool selected_by_default(const diag::RuleInfo& info) {
  return diag::default_selected(info.group);
}

RuleSelection select_rules(std::span<const engine::Rule* const> registry, const config::Config* config,
                           const SelectorSource& cli) {
  RuleSelection selection;
  std::set<const engine::Rule*> selected;
  for (const engine::Rule* rule : registry) {
    if (rule->info().run_level) selected.insert(rule);  // notes are shown unless ignored by code
  }
  SelectorSource defaults;
  defaults.select = std::vector<std::string>{"correctness", "suspicious", "perf"};
  std::vector<SelectorSource> sources = {defaults};
  if (config != nullptr) {
    SelectorSource from_config;
    from_config.select = config->select;
    from_config.extend_select = config->extend_select;
    from_config.ignore = config->ignore;
    for (const auto& [code, setting] : config->rules) {
      if (find(registry, code) == nullptr) continue;  // validated when the config was read
      // `severity: off` ignores the code; any other severity also selects it (Clippy: setting a
      // level enables a lint).
      if (setting.off)
        from_config.ignore.push_back(code);
      else if (setting.severity)
        from_config.extend_select.push_back(code);
      if (setting.severity) selection.severities[code] = *setting.severity;
      if (!setting.options.empty()) selection.options[code].insert(setting.options.begin(), setting.options.end());
    }
    sources.push_back(std::move(from_config));
  }
  sources.push_back(cli);
  for (const SelectorSource& source : sources) {
    if (!apply(registry, source, selected, selection.error)) return selection;
  }
  for (const engine::Rule* rule : registry) {
    if (rule->info().run_level)
      selection.view_notes = selection.view_notes && selected.count(rule) != 0;
    else if (selected.count(rule) != 0)
      selection.rules.push_back(rule);
  }
  if (config != nullptr) {
    selection.per_file_ignores_root = config->directory;
    for (const config::Config::PerFileIgnore& entry : config->per_file_ignores) {
      engine::PerFileIgnores::Entry resolved{entry.glob, {}};
      for (const std::string& text : entry.selectors) {
        Selector s;
        if (!classify(registry, text, false, s, selection.error)) {
          selection.error = "per-file-ignores \"" + entry.glob + "\": " + selection.error;
          return selection;
        }
        for (const engine::Rule* rule : registry) {
          if (matches(s, rule->info()) && rule->info().code != engine::kInternalErrorCode)
            resolved.codes.insert(std::string(rule->info().code));
        }
      }
      selection.per_file_ignores.push_back(std::move(resolved));
    }
  }
  // A v2 config selected every rule implicitly; v3's default leaves some out (RULES.md "Rule
  // groups and selection"): say which, once, for a config that does not choose with `select`.
  if (config != nullptr && !config->select && !cli.select) {
    for (const engine::Rule* rule : registry) {
      const diag::RuleInfo& info = rule->info();
      if (info.run_level || info.group == diag::Group::kNursery || selected.count(rule) != 0) continue;
      selection.v2_codes_left_out.emplace_back(info.code);
    }
  }
  return selection;
}

}  // namespace netlint::pipeline
