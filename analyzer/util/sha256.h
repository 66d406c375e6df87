// SHA-256 (FIPS 180-4), for the name suffix kustomize gives generated ConfigMaps and Secrets
// (kustomize api/hasher): the hex digest of a byte string.
#pragma once

#include <string>
#include <string_view>

namespace netlint::util {

std::string sha256_hex(std::string_view data);

}  // namespace netlint::util
