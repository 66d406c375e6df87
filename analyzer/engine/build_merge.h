// Findings alike in several kustomize builds of one base are reported once, naming the builds
// (RULES.md "Kustomize", Anchoring). A base file read by two overlays is extracted once per build
// (a file copy per later build, SourceFile::build_copy_of), so each build reports its own finding.
#pragma once

#include <string>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"

namespace netlint::engine {

// Two findings are alike when they come from different builds, have the same rule and the same
// anchor (the copied file counted as its original, same begin and end), and the same message once
// each build's own names are masked: the namespace its root (or a component of the root) sets, and their
// namePrefix/nameSuffix on names. Anything else that differs (another port, another object, a
// value an overlay patched) keeps them apart. The first (in finding order) is kept, its message
// gains "[builds A, B]" and each build's root kustomization becomes a related location. A finding
// of one build only keeps its message and gains its root as a related location too (unless it
// anchors in the root itself).
void merge_alike_builds(std::vector<diag::Diagnostic>& diagnostics, const model::Model& model);

// The message with the build's names masked (exposed for tests).
std::string mask_build_names(std::string_view message, const model::KustomizeBuild& build);

}  // namespace netlint::engine
