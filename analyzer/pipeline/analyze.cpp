#include "analyzer/pipeline/analyze.h"

#include <chrono>

#include "analyzer/engine/engine.h"
#include "analyzer/engine/engine_codes.h"
#include "analyzer/engine/kept_indexes.h"
#include "analyzer/engine/per_file_ignores.h"
#include "analyzer/loader/view_partition.h"
#include "rules/registry.h"

namespace netlint::pipeline {
namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

LoadedViews load(std::vector<InputText> inputs, const config::Config* config, const RunSettings& settings) {
  LoadOptions load_options;
  load_options.apply_namespace = settings.apply_namespace;
  load_options.jobs = settings.jobs;
  load_options.cache = settings.cache;
  load_options.disk_cache = settings.disk_cache;
  if (config != nullptr) load_options.facts.global = config->cluster;
  ViewPartition partition = partition_views(inputs, config);
  LoadedViews out;
  out.views = load_views(std::move(inputs), load_options, partition.views);
  out.warnings = std::move(partition.warnings);
  return out;
}

Analysis analyze(std::vector<InputText> inputs, const config::Config* config, const RuleSelection& selection,
                 const RunSettings& settings) {
  Analysis out;
  const auto started = std::chrono::steady_clock::now();
  LoadedViews loaded = load(std::move(inputs), config, settings);
  out.views = std::move(loaded.views);
  out.warnings = std::move(loaded.warnings);
  out.load_ms = ms_since(started);

  const auto rules_started = std::chrono::steady_clock::now();
  engine::RunOptions run_options;
  run_options.rules = selection.rules;
  run_options.internal_error = &rules::find_rule(engine::kInternalErrorCode)->info();
  run_options.unused_suppression = &rules::find_rule(engine::kUnusedSuppressionCode)->info();
  run_options.precedence = rules::precedence();
  run_options.registry = rules::all_rules();
  run_options.severities = &selection.severities;
  run_options.rule_options = &selection.options;
  const engine::PerFileIgnores per_file_ignores(selection.per_file_ignores_root, selection.per_file_ignores);
  run_options.per_file_ignores = &per_file_ignores;
  run_options.jobs = settings.jobs;
  run_options.kept = settings.kept;
  // Mounted ConfigMap files' values through the on-disk cache: the server's kept ones, else the run's.
  index::ConfigFileValuesCache run_file_values(settings.disk_cache);
  if (settings.kept != nullptr) settings.kept->config_file_values.set_disk_cache(settings.disk_cache);
  run_options.file_values = &run_file_values;
  out.diagnostics = engine::run_views(out.views, run_options);
  out.rules_ms = ms_since(rules_started);
  return out;
}

config::LoadedConfig parse_config(std::string path, std::string text) {
  std::vector<const diag::RuleInfo*> infos;
  for (const engine::Rule* rule : rules::all_rules()) infos.push_back(&rule->info());
  return config::parse_config(path, std::move(text), infos);
}

}  // namespace netlint::pipeline
