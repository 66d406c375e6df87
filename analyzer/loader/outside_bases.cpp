#include "analyzer/loader/outside_bases.h"

#include <filesystem>
#include <set>
#include <string>

#include "analyzer/source/input_file.h"

namespace netlint {
namespace {

namespace fs = std::filesystem;

std::string normal(const fs::path& p) {
  return p.lexically_normal().generic_string();
}

// The kustomization file of a folder on disk, or "".
std::string kustomization_in(const std::string& dir) {
  std::error_code ec;
  for (const char* name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
    const fs::path candidate = fs::path(dir) / name;
    if (fs::is_regular_file(candidate, ec)) return normal(candidate);
  }
  return {};
}

bool inside(const std::string& path, const std::string& dir) {
  return dir.empty() || dir == "." || (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/');
}

// The files a kustomization names inside its own folder (kustomize's default load restrictor).
std::vector<std::string> own_files(const kustomize::Kustomization& k) {
  std::vector<std::string> out;
  const auto add = [&](const std::string& entry) {
    if (kustomize::is_remote(entry)) return;
    const std::string path = kustomize::resolve(k, entry);
    if (inside(path, k.dir)) out.push_back(path);
  };
  for (const kustomize::Entry& e : k.resources) add(e.value);
  for (const kustomize::Patch& p : k.patches) {
    if (p.path) add(p.path->value);
  }
  for (const kustomize::ReplacementEntry& r : k.replacements) {
    if (r.path) add(r.path->value);
  }
  for (const kustomize::Entry& e : k.configurations) add(e.value);
  for (const kustomize::Entry& e : k.transformers) add(e.value);
  return out;
}

}  // namespace

std::vector<FileId> add_outside_bases(std::vector<InputText>& inputs, kustomize::BuildPlan& plan,
                                      std::uint64_t max_size, std::size_t max_files) {
  std::set<std::string> known;
  for (const InputText& input : inputs) known.insert(normal(input.path));
  const auto walked = [&](const std::string& dir) {
    const auto it = known.lower_bound(dir + "/");
    return it != known.end() && it->starts_with(dir + "/");
  };
  std::set<std::string> outside_dirs;  // base folders added here: their own files may be added too
  std::vector<FileId> named_by;
  const auto add = [&](const std::string& path, FileId by) {
    if (named_by.size() >= max_files || !known.insert(path).second) return false;
    FileRead read = read_input_file(path, max_size, /*allow_streams=*/false);
    if (read.outcome != ReadOutcome::kRead) return false;
    InputText text;
    text.path = path;
    text.text = std::move(read.text);
    text.reported = by < inputs.size() && inputs[by].reported;
    inputs.push_back(std::move(text));
    named_by.push_back(by);
    return true;
  };
  for (bool added = true; added;) {
    added = false;
    for (const auto& entry : plan.kustomizations) {
      // Not a structured binding: clang 14 cannot capture one in the lambda below.
      const std::string& dir = entry.first;
      const kustomize::Kustomization& k = entry.second;
      if (k.file == kNoFile || k.file >= inputs.size()) continue;
      std::vector<kustomize::Entry> folders = k.resources;
      folders.insert(folders.end(), k.components.begin(), k.components.end());
      for (const kustomize::Entry& e : folders) {
        if (kustomize::is_remote(e.value)) continue;
        const std::string path = kustomize::resolve(k, e.value);
        if (plan.kustomizations.count(path) != 0 || known.count(path) != 0 || walked(path)) continue;
        const std::string file = kustomization_in(path);
        if (file.empty()) continue;
        if (add(file, k.file)) {
          outside_dirs.insert(path);
          added = true;
        }
      }
      const bool in_outside_dir = std::any_of(outside_dirs.begin(), outside_dirs.end(),
                                              [&](const std::string& d) { return dir == d || inside(dir, d); });
      if (!in_outside_dir) continue;
      for (const std::string& file : own_files(k)) {
        if (fs::is_regular_file(file) && add(file, k.file)) added = true;
      }
    }
    if (added) plan = kustomize::plan_builds(inputs);
  }
  return named_by;
}

}  // namespace netlint
