// `netlint facts`: every cluster fact with its state, value and evidence locations, as text for
// people and JSON for scripts (and for the golden tests over the corpus).
#pragma once

#include <ostream>
#include <vector>

#include "analyzer/loader/loader.h"

namespace netlint::report {

// One block per view (a `clusters:` entry, or the whole input), each with its own facts.
void write_facts_text(std::ostream& out, const std::vector<LoadedView>& views);
void write_facts_json(std::ostream& out, const std::vector<LoadedView>& views);

}  // namespace netlint::report
