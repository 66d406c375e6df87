#include "analyzer/source/input_kinds.h"
#include "analyzer/source/path_parts.h"

namespace netlint {

bool is_corefile_path(std::string_view path) {
  const std::string_view name = path_basename(path);
  return name == "Corefile" || name.starts_with("Corefile.") || name.ends_with(".Corefile");
}

bool is_net_d_cni_path(std::string_view path) {
  const bool in_net_d = path.starts_with("net.d/") || path.find("/net.d/") != std::string_view::npos;
  const std::string_view name = path_basename(path);
  return in_net_d && (name.ends_with(".conflist") || name.ends_with(".conf"));
}

bool is_cni_config_path(std::string_view path) {
  return path_basename(path).ends_with(".conflist") || is_net_d_cni_path(path);
}

}  // namespace netlint
