// The parts of a slash-separated path as netlint's inputs name them ("deploy/base/web.yaml"):
// one definition for the walker, the loader and the rules that compare folders.
#pragma once

#include <string_view>

namespace netlint {

// "web.yaml" for "deploy/base/web.yaml"; the whole path when it has no slash.
inline std::string_view path_basename(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// "deploy/base" for "deploy/base/web.yaml"; empty for a file in the working directory.
inline std::string_view path_dirname(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// True when folder `outer` is `inner` or holds it ("deploy" holds "deploy/base"; "" holds all).
inline bool folder_holds(std::string_view outer, std::string_view inner) {
  return outer.empty() || inner == outer ||
         (inner.starts_with(outer) && inner.size() > outer.size() && inner[outer.size()] == '/');
}

}  // namespace netlint
