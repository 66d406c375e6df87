// `netlint facts`: every cluster fact with its state, value and evidence locations, as text for
// people and JSON for scripts (and for the golden tests over the corpus).
#pragma once

#include <ostream>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/model/model.h"

namespace netlint::report {

void write_facts_text(std::ostream& out, const model::Model& model, const facts::ClusterFacts& facts);
void write_facts_json(std::ostream& out, const model::Model& model, const facts::ClusterFacts& facts);

}  // namespace netlint::report
