// Apply units (RULES.md "Apply units and namespaces"): what one `kubectl apply` sends together.
// A kustomize build is one unit. Other files form *file groups*: the files of one directory (not
// its subdirectories: `-f` recurses only with `-R`) linked transitively, file A linking to file B
// when a reference in A has no match in A and one in B. A folder split by kind (deployment.yaml,
// service.yaml) is one unit; a folder of self-contained examples is many.
#pragma once

#include <utility>
#include <vector>

#include "analyzer/model/model.h"

namespace netlint::model {

// The links between files of one directory outside builds: (A, B) when a reference in A (a
// Service selector, an Ingress backend, a StatefulSet's serviceName) has no match in A and one
// in B, in a namespace equal or maybe equal.
struct FileLinks {
  std::vector<std::pair<FileId, FileId>> edges;
};
FileLinks link_files(const Model& model);

// Sets SourceFile::apply_unit of every file: "build:<kustomization>", or "group:<first file of
// the group>" for the files linked transitively.
void assign_apply_units(Model& model, const FileLinks& links);

// A file applied with others that name exactly one namespace N is applied with `-n N` or from a
// context in N (kubectl rejects `-n X` for an object that names another namespace), so its
// namespace-less objects are in N: they move from `~` to N (RULES.md: a `~` object counts as found
// in N when both are in one apply unit naming no namespace but N). "Applied with" is the build for
// files of a kustomize build, else the file and the files it links to or is linked from: the
// pair's neighbourhood rather than the whole group, so one example in a folder that names another
// namespace does not unbind all the others.
void bind_apply_time_namespace(Model& model, const FileLinks& links);

}  // namespace netlint::model
