#include "analyzer/util/repo_path.h"

#include <filesystem>

namespace netlint {
namespace fs = std::filesystem;

RootRelative relative_to_root(std::string_view path, std::string_view root, Symlinks symlinks) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const auto absolute = [&](fs::path p) {
    if (!p.is_absolute()) p = cwd / p;
    if (symlinks == Symlinks::kResolve) {
      std::error_code error;
      fs::path canonical = fs::weakly_canonical(p, error);
      if (!error) return canonical;
    }
    return p.lexically_normal();
  };
  RootRelative out;
  const fs::path file = absolute(fs::path(path));
  out.absolute = file.generic_string();
  const fs::path relative = file.lexically_relative(absolute(root.empty() ? cwd : fs::path(root)));
  out.relative = relative.generic_string();
  out.inside = !relative.empty() && *relative.begin() != ".." && relative != ".";
  return out;
}

RepoPath repo_path(std::string_view path, std::string_view root) {
  RootRelative p = relative_to_root(path, root, Symlinks::kResolve);
  return p.inside ? RepoPath{std::move(p.relative), true} : RepoPath{std::move(p.absolute), false};
}

}  // namespace netlint
