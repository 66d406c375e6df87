// The kustomize bases a build names outside what was walked (RULES.md "Kustomize": overlays are
// linted as built, as `kubectl kustomize` builds them). `netlint overlays/prod` walks only the
// overlay, but its `resources: [../../base]` is part of the build: without the base the build
// held nothing and the run said "no manifests found".
#pragma once

#include <cstdint>
#include <vector>

#include "analyzer/kustomize/build.h"
#include "analyzer/source/input_text.h"

namespace netlint {

// The walk's default file size limit (source/file_walker.h): a base is read as the walk would.
inline constexpr std::uint64_t kMaxOutsideBaseFile = 256ull << 20;

// Appends, round by round until nothing is new, every kustomization folder a resource or
// component entry names that holds no input at all (the walk never went there; a folder the walk
// covered but filtered stays as the user's excludes left it), and the files inside such folders
// that their kustomizations name (resources, patches, replacements, configurations, transformers).
// Each added file is read from disk (at most `max_size` bytes) and is reported when the
// kustomization naming it is; the plan decides what it is (a kustomization, a resource, a patch),
// and `plan` is rebuilt to include them. Returns, for each appended input, the input of the
// kustomization that named it (so the caller puts it in the same views). At most `max_files`
// files are added.
std::vector<FileId> add_outside_bases(std::vector<InputText>& inputs, kustomize::BuildPlan& plan,
                                      std::uint64_t max_size, std::size_t max_files = 10000);

}  // namespace netlint
