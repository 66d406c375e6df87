// kustomize builds computed natively (RULES.md "Kustomize"): each root kustomization's resources
// (files and included kustomizations, recursively), its components, and its transformers in
// kustomize's order, on the YAML trees before model extraction. A built object keeps the source
// document it came from (file and document index) and, node by node, the range that wrote each
// value last; extraction and the rules then read it like any other object.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzer/kustomize/doc.h"
#include "analyzer/kustomize/kustomization.h"
#include "analyzer/source/input_text.h"
#include "analyzer/yaml/tree.h"

namespace netlint::kustomize {

struct BuiltObject {
  Doc doc;
  FileId file = kNoFile;       // the source document's file
  std::uint32_t document = 0;  // its index in the file
};

// A run-level note (RULES.md "Run-level notes"): `kustomize-unsupported` or `kustomize-not-built`.
struct BuildNote {
  std::string topic;
  std::string message;
  SourceRange at;
};

struct Build {
  std::string root;  // the root kustomization's path
  FileId root_file = kNoFile;
  bool built = false;  // false: kustomize would refuse it (a note says why)
  std::vector<BuiltObject> objects;
  std::set<FileId> members;              // resource files the build reads
  std::vector<std::string> unsupported;  // features it uses that netlint does not build
  std::set<std::string> namespaces;      // the namespaces its objects land in
  // Namespaces a value netlint does not compute may add objects to or relabel objects in (a
  // replacement writing a name, namespace or labels; kustomize/unknown_values.h), with why.
  std::map<std::string, std::string> open_namespaces;
  // What the root and its components write on every object (the build's own names, which two
  // builds of one base differ by): the namespace that wins, and each namePrefix/nameSuffix.
  std::string namespace_name;
  std::vector<std::string> name_prefixes, name_suffixes;
};

// What the loader needs before it parses the resource files: which files builds read.
struct BuildPlan {
  std::map<std::string, Kustomization> kustomizations;  // by folder
  std::vector<std::string> roots;                       // folders of root kustomizations
  std::set<FileId> resource_files;                      // documents builds read as resources
  // Read by builds as patches, replacements, `configurations` or transformer configs: never
  // objects, never inert.
  std::set<FileId> side_files;
  std::set<FileId> inert_files;  // beside a kustomization, built by nothing
};

// `inputs` are the run's texts; FileIds are their indexes.
BuildPlan plan_builds(const std::vector<InputText>& inputs);

// The parsed documents of a resource file, by index (nullopt: not parsed, e.g. a parse error).
using DocumentsOf = std::function<const std::vector<std::optional<yaml::Tree>>*(FileId)>;

// Builds every root of the plan.
std::vector<Build> run_builds(const BuildPlan& plan, const std::vector<InputText>& inputs, const DocumentsOf& documents,
                              std::vector<BuildNote>& notes);

}  // namespace netlint::kustomize
