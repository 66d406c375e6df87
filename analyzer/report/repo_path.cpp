#include "analyzer/report/repo_path.h"

#include <filesystem>

namespace netlint::report {
namespace fs = std::filesystem;

RepoPath repo_path(std::string_view path, std::string_view root) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const auto resolve = [&](fs::path p) {
    if (!p.is_absolute()) p = cwd / p;
    std::error_code error;
    fs::path canonical = fs::weakly_canonical(p, error);
    return error ? p.lexically_normal() : canonical;
  };
  const fs::path absolute = resolve(fs::path(path));
  const fs::path relative = absolute.lexically_relative(resolve(root.empty() ? cwd : fs::path(root)));
  if (!relative.empty() && *relative.begin() != ".." && relative != ".") return {relative.generic_string(), true};
  return {absolute.generic_string(), false};
}

}  // namespace netlint::report
