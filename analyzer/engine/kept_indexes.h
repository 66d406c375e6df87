// What the views of successive analyses share: the language server re-analyses the workspace on
// every edit (issue 22), and what an index computes from one object's text alone is the same as
// long as that text is; keeping it makes an edit cost what it changed. Each entry is keyed by
// what it is computed from, so a view using it finds exactly what it would compute itself.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "analyzer/index/config_file_values.h"
#include "analyzer/index/kept_references.h"
#include "analyzer/netpol/policy_engine.h"
#include "analyzer/util/kept_memo.h"
#include "analyzer/index/reference_scanner.h"

namespace netlint::engine {

struct KeptIndexes {
  // Mounted ConfigMap files' values (the reference index): parsing them was over half of an
  // edit's analysis on the 1,000-object benchmark.
  index::ConfigFileValuesCache config_file_values;
  // Each configuration value's hosts (the reference index): a quarter of an edit's analysis on
  // the 10,000-object benchmark once the files above were kept.
  index::HostScanCache host_scans;
  // Each pod's references, keyed by what extraction reads (the pod, the ConfigMaps it names, the
  // view's namespaces and domain): a quarter of an edit's instructions on the 10,000-object
  // benchmark once the two above were kept.
  index::KeptReferences references;
  // Each view's NetworkPolicy evaluator, keyed by everything it reads
  // (netpol::PolicyEngine::inputs_key): an edit that leaves the pods, policies, namespaces and
  // network facts alone keeps it (an eighth of an edit's instructions at 10,000 objects).
  KeptMemo<std::unordered_map<std::string, KeptEntry<std::shared_ptr<const netpol::PolicyEngine>>>> policy_engines;

  // An analysis ended: what it did not use is dropped, so nothing outlives its files.
  void end_analysis() {
    config_file_values.drop_unused();
    host_scans.drop_unused();
    references.drop_unused();
    policy_engines.drop_unused();
  }
};

}  // namespace netlint::engine
