// The files configMapGenerators read that the walk did not pick up (RULES.md "Kustomize":
// generated ConfigMaps are linted at their source file): an env file (`controller.env`), a
// properties or JSON file. The walk selects manifests by name, so without this the build could
// not read them and left the generated ConfigMap unknown.
#pragma once

#include <cstdint>
#include <vector>

#include "analyzer/kustomize/build.h"
#include "analyzer/source/input_text.h"

namespace netlint {

// A ConfigMap holds at most 1 MiB (the API server rejects larger objects), so a larger source
// cannot build one: it is left unread and the build reports it.
inline constexpr std::uint64_t kMaxGeneratorSource = 1u << 20;

// Reads each source `plan`'s kustomizations name that is not among `inputs` and appends it, as
// kustomize reads it: only a regular file inside the kustomization's own folder (kustomize's
// default load restrictor, LoadRestrictionsRootOnly), at most `max_size` bytes. It is skipped as
// a kustomize input (never linted on its own; the build reads it) and reported when its
// kustomization is. Returns, for each appended input, the kustomization file that named it (so
// the caller can put the source in the same views).
std::vector<FileId> add_generator_sources(std::vector<InputText>& inputs, const kustomize::BuildPlan& plan,
                                          std::uint64_t max_size);

}  // namespace netlint
