// Splits the inputs into views by the config's `clusters:` (RULES.md "the view and the open
// world"): each cluster is the set of files its `paths` globs match, relative to the config's
// folder (a file may be in several); the files in no cluster form the view `default`.
#pragma once

#include <string>
#include <vector>

#include "analyzer/config/config.h"
#include "analyzer/loader/loader.h"

namespace netlint {

struct ViewPartition {
  std::vector<ViewSpec> views;        // one unnamed view when the config has no `clusters:`
  std::vector<std::string> warnings;  // e.g. a cluster whose paths match no input
};

ViewPartition partition_views(const std::vector<InputText>& inputs, const config::Config* config);

}  // namespace netlint
