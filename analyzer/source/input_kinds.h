// Files that are not YAML streams, recognised by name (RULES.md Inputs): Corefiles and CNI
// configs. The walker selects them and the loader hands them to their own parsers; both ask here.
#pragma once

#include <string_view>

namespace netlint {

// `Corefile`, `Corefile.*`, `*.Corefile`.
bool is_corefile_path(std::string_view path);
// `*.conflist` and `*.conf` under a `net.d/` folder (the walker's selection).
bool is_net_d_cni_path(std::string_view path);
// The loader's reading: also a `*.conflist` named anywhere (on the command line).
bool is_cni_config_path(std::string_view path);

}  // namespace netlint
