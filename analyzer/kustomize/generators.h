// configMapGenerator and secretGenerator (RULES.md "Kustomize"; kustomize
// `api/internal/generators`): literals, files and env files become data, each value anchored on
// its literal or its source file; the name gets `-<hash>` at the end of the build (kustomize
// api/hasher) unless `disableNameSuffixHash` is set.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/kustomize/kustomization.h"
#include "analyzer/kustomize/transformers.h"

namespace netlint::kustomize {

// A source file a generator reads: its id and text; nullopt when the input lacks it.
struct SourceText {
  FileId file = kNoFile;
  const std::string* text = nullptr;
};
using ReadSource = std::function<std::optional<SourceText>(const std::string& path)>;

// Adds what `k`'s generators make to `resources` (behavior merge/replace edits the earlier
// object of that name). Returns the sources it could not read (the build is not built).
std::vector<Entry> run_generators(const Kustomization& k, const ReadSource& read, std::vector<Resource>& resources);

// The files `k`'s configMapGenerators read (`files`, as `path` or `key=path`, and `envs`/`env`),
// resolved against its folder, in the order it names them. Secret generators' sources are not
// listed: the loader reads these files only to build the ConfigMap (loader/generator_sources.h),
// and a Secret's text must never reach a report.
std::vector<Entry> config_map_sources(const Kustomization& k);

// kustomize's hash of a ConfigMap or Secret: the first 10 hex digits of the SHA-256 of its JSON
// encoding ({data, kind, name} and, for Secrets, type), with 0,1,3,a,e mapped to g,h,k,m,t.
std::string generated_name_hash(const Doc& object);

}  // namespace netlint::kustomize
