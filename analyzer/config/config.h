// .netlint.yaml: loaded, validated in full (unknown keys are errors with a did-you-mean), and
// kept with positions so later layers (cluster facts) can point at the key a value came from.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyzer/config/cluster_config.h"
#include "analyzer/diag/diagnostic.h"
#include "analyzer/source/source_file.h"
#include "analyzer/yaml/node_ref.h"
#include "analyzer/yaml/tree.h"

namespace netlint::config {

struct RuleSetting {
  bool off = false;
  std::optional<diag::Severity> severity;
  std::map<std::string, std::string> options;  // option name -> value as written
};

struct ConfigError {
  std::uint32_t line = 0;  // 1-based; 0 when the file could not be read at all
  std::uint32_t column = 0;
  std::string message;
};

struct Config {
  std::string path;       // the file, as found
  std::string directory;  // its folder: include/exclude and cluster paths are relative to it
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::optional<std::string> fail_on;        // error | warning | note | never
  std::map<std::string, RuleSetting> rules;  // by rule code
  // Rule selection (RULES.md "Rule groups and selection"): codes, names, groups, prefixes, ALL.
  std::optional<std::vector<std::string>> select;  // absent: adjust the default selection
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  // per-file-ignores: a glob (relative to `directory`) on the finding's anchor file -> the codes,
  // names, groups or prefixes suppressed there (RULES.md "Rule groups and selection").
  struct PerFileIgnore {
    std::string glob;
    std::vector<std::string> selectors;
  };
  std::vector<PerFileIgnore> per_file_ignores;
  std::shared_ptr<const SourceFile> source;
  std::shared_ptr<const yaml::Tree> tree;
  // `cluster:` and `clusters:`, read once (config/cluster_config.h); ranges are in `source`.
  ClusterSettings cluster;
  std::map<std::string, ClusterView> clusters;  // by name
};

struct LoadedConfig {
  std::optional<Config> config;
  std::vector<ConfigError> errors;  // any error means exit status 2
};

// Parses and validates a config text. `rules` is the registry's metadata, so rule codes, names
// and options are checked against what exists.
LoadedConfig parse_config(const std::string& path, std::string text, std::span<const diag::RuleInfo* const> rules);

// Finds .netlint.yaml upward from `start`, stopping after the first folder holding `.git`, or
// at the root; empty when there is none.
std::string find_config(const std::string& start);

}  // namespace netlint::config
