#include "analyzer/loader/view_partition.h"

#include <filesystem>

#include "analyzer/source/glob.h"

namespace netlint {
namespace {

namespace fs = std::filesystem;

// The input's path relative to the config's folder, as globs see it; empty for standard input
// and for files outside that folder, which no cluster can name.
std::string relative_to(const std::string& path, const fs::path& directory) {
  if (path == "-") return {};
  std::error_code ec;
  const fs::path file = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return {};
  const std::string relative = file.lexically_relative(directory).generic_string();
  if (relative.empty() || relative.starts_with("..")) return {};
  return relative;
}

}  // namespace

ViewPartition partition_views(const std::vector<InputText>& inputs, const config::Config* config) {
  ViewPartition out;
  if (config == nullptr || config->clusters.empty()) {
    out.views.emplace_back();
    return out;
  }
  std::error_code ec;
  const fs::path directory =
      fs::weakly_canonical(fs::absolute(config->directory.empty() ? "." : config->directory, ec), ec);
  std::vector<std::string> relative(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i].config) relative[i] = relative_to(inputs[i].path, directory);
  }
  std::vector<bool> in_some_cluster(inputs.size(), false);
  for (const auto& [name, entry] : config->clusters) {
    ViewSpec view;
    view.name = name;
    view.cluster = entry.cluster;
    const GlobSet globs(entry.paths);
    view.members.assign(inputs.size(), false);
    bool any = false;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      if (relative[i].empty() || !globs.matches(relative[i])) continue;
      view.members[i] = true;
      in_some_cluster[i] = true;
      any = true;
    }
    if (!any) out.warnings.push_back("cluster " + name + ": its paths match no input file");
    out.views.push_back(std::move(view));
  }
  // The files in no cluster are the view `default`, when there are any (a cluster the config
  // itself names `default` takes them).
  std::vector<bool> rest(inputs.size(), false);
  bool any = false;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].config || in_some_cluster[i]) continue;
    rest[i] = true;
    any = true;
  }
  if (!any) return out;
  for (ViewSpec& view : out.views) {
    if (view.name != "default") continue;
    for (std::size_t i = 0; i < inputs.size(); ++i) view.members[i] = view.members[i] || rest[i];
    return out;
  }
  ViewSpec fallback;
  fallback.name = "default";
  fallback.members = std::move(rest);
  out.views.push_back(std::move(fallback));
  return out;
}

}  // namespace netlint
