#include "analyzer/engine/engine.h"
#include "analyzer/engine/build_merge.h"
#include "analyzer/engine/per_file_ignores.h"
#include "analyzer/engine/suppressions.h"
#include "analyzer/engine/view.h"
#include "analyzer/loader/loader.h"
#include "analyzer/util/parallel.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace netlint::engine {
namespace {

auto order_key(const diag::Diagnostic& d) {
  // Findings without a location come last; then file, offset, code, message.
  return std::make_tuple(!d.range.valid(), d.range.file, d.range.begin, d.range.end, d.rule->code, d.message);
}

}  // namespace

void apply_precedence(std::vector<diag::Diagnostic>& diagnostics, std::span<const Precedence> precedence) {
  std::set<std::pair<std::string_view, std::string_view>> won;  // (code, root cause) that reported
  for (const diag::Diagnostic& d : diagnostics) {
    if (!d.root_cause.empty()) won.emplace(d.rule->code, d.root_cause);
  }
  std::erase_if(diagnostics, [&](const diag::Diagnostic& d) {
    if (d.root_cause.empty()) return false;
    return std::any_of(precedence.begin(), precedence.end(), [&](const Precedence& p) {
      return p.loser == d.rule->code && won.count({p.winner, d.root_cause}) != 0;
    });
  });
}

void sort_and_dedupe(std::vector<diag::Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const diag::Diagnostic& a, const diag::Diagnostic& b) { return order_key(a) < order_key(b); });
  diagnostics.erase(
      std::unique(diagnostics.begin(), diagnostics.end(),
                  [](const diag::Diagnostic& a, const diag::Diagnostic& b) { return order_key(a) == order_key(b); }),
      diagnostics.end());
}

std::vector<diag::Diagnostic> merge_views(std::vector<std::pair<std::string, std::vector<diag::Diagnostic>>> per_view) {
  if (per_view.size() == 1 && per_view.front().first.empty()) return std::move(per_view.front().second);
  std::vector<diag::Diagnostic> all;
  for (auto& [cluster, diagnostics] : per_view) {
    for (diag::Diagnostic& d : diagnostics) {
      if (!cluster.empty()) d.clusters = {cluster};
      all.push_back(std::move(d));
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const diag::Diagnostic& a, const diag::Diagnostic& b) { return order_key(a) < order_key(b); });
  std::vector<diag::Diagnostic> merged;
  for (diag::Diagnostic& d : all) {
    if (!merged.empty() && order_key(merged.back()) == order_key(d)) {
      merged.back().clusters.insert(merged.back().clusters.end(), d.clusters.begin(), d.clusters.end());
      continue;
    }
    merged.push_back(std::move(d));
  }
  return merged;
}

namespace {

// One rule's findings; a rule that throws becomes one NL0002 naming it.
std::vector<diag::Diagnostic> run_rule(const View& view, const Rule& rule, const RunOptions& options) {
  const OptionValues* configured = nullptr;
  if (options.rule_options != nullptr) {
    if (const auto it = options.rule_options->find(std::string(rule.info().code)); it != options.rule_options->end()) {
      configured = &it->second;
    }
  }
  Sink sink(rule.info(), configured);
  try {
    rule.check(view, sink);
    return std::move(sink.diagnostics());
  } catch (const std::exception& e) {
    if (options.internal_error == nullptr) throw;
    Sink failure(*options.internal_error);
    failure
        .report(sink.subject(),
                fmt::format("rule {} {} failed on this input: {}", rule.info().code, rule.info().name, e.what()))
        .help = "this is a bug in netlint; please report it with the input that triggers it";
    return std::move(failure.diagnostics());
  }
}

// Rules, NL0002, unreported files dropped, precedence, then this view's suppressions.
std::vector<diag::Diagnostic> check_view(const View& view, const RunOptions& options, SuppressionLedger& ledger) {
  // Rules are const and stateless, and the view builds its lazy indexes under std::call_once, so
  // rules run on `jobs` threads; each writes its own slot and the slots are joined in registry
  // order, so the output does not depend on scheduling.
  std::vector<std::vector<diag::Diagnostic>> per_rule(options.rules.size());
  parallel_for(options.rules.size(), options.jobs,
               [&](std::size_t i) { per_rule[i] = run_rule(view, *options.rules[i], options); });
  std::vector<diag::Diagnostic> all;
  for (std::vector<diag::Diagnostic>& found : per_rule) {
    all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  const model::Model& m = view.model();
  std::erase_if(all, [&](const diag::Diagnostic& d) { return d.range.valid() && !m.file(d.range.file).reported; });
  // Precedence first, on every finding: a suppressed winner still silences its loser
  // (RULES.md "Precedence with configuration").
  apply_precedence(all, options.precedence);
  ledger.apply(m, all);
  if (options.per_file_ignores != nullptr && !options.per_file_ignores->empty()) {
    std::erase_if(all, [&](const diag::Diagnostic& d) {
      return d.range.valid() && options.per_file_ignores->ignores(m.file(d.range.file).path, d.rule->code);
    });
  }
  // After suppressions: a finding one build's file suppresses is not named as that build's.
  merge_alike_builds(all, m);
  return all;
}

void configure_severities(std::vector<diag::Diagnostic>& diagnostics, const RunOptions& options) {
  if (options.severities == nullptr) return;
  for (diag::Diagnostic& d : diagnostics) {
    if (auto it = options.severities->find(std::string(d.rule->code)); it != options.severities->end())
      d.severity = it->second;
  }
}

// NL0003 for the suppressions the ledger saw, when that rule runs.
void add_suppression_problems(const SuppressionLedger& ledger, const RunOptions& options,
                              std::vector<diag::Diagnostic>& out) {
  if (options.unused_suppression == nullptr) return;
  const std::string_view code = options.unused_suppression->code;
  if (std::none_of(options.rules.begin(), options.rules.end(), [&](const Rule* r) { return r->info().code == code; }))
    return;
  std::vector<diag::Diagnostic> problems = ledger.problems(*options.unused_suppression);
  configure_severities(problems, options);
  out.insert(out.end(), std::make_move_iterator(problems.begin()), std::make_move_iterator(problems.end()));
}

}  // namespace

std::vector<diag::Diagnostic> run_rules(const View& view, const RunOptions& options) {
  SuppressionLedger ledger(options.registry, options.rules);
  std::vector<diag::Diagnostic> all = check_view(view, options, ledger);
  configure_severities(all, options);
  add_suppression_problems(ledger, options, all);
  sort_and_dedupe(all);
  return all;
}

std::vector<diag::Diagnostic> run_views(std::span<const LoadedView> views, const RunOptions& options) {
  SuppressionLedger ledger(options.registry, options.rules);
  std::vector<std::pair<std::string, std::vector<diag::Diagnostic>>> per_view;
  for (const LoadedView& loaded : views) {
    const model::Model& model = loaded.model;
    const View view(model, loaded.facts, options.kept, options.file_values);
    std::vector<diag::Diagnostic> found = check_view(view, options, ledger);
    configure_severities(found, options);
    sort_and_dedupe(found);
    per_view.emplace_back(model.cluster, std::move(found));
  }
  std::vector<diag::Diagnostic> merged = merge_views(std::move(per_view));
  // Suppressions are about files, not clusters: their NL0003 names none.
  const std::size_t before = merged.size();
  add_suppression_problems(ledger, options, merged);
  if (merged.size() != before) sort_and_dedupe(merged);
  return merged;
}

}  // namespace netlint::engine
