// Fixed-size little-endian integers in byte strings: the on-disk cache's entry header
// (util/disk_cache) and entry body (loader/document_parses) read the same way on every host.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace netlint::util {

inline void append_le(std::string& out, std::uint64_t v, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// False when `in` is shorter than `bytes`; else reads them and advances.
inline bool read_le(std::string_view& in, std::uint64_t& v, std::size_t bytes) {
  if (in.size() < bytes) return false;
  v = 0;
  for (std::size_t i = 0; i < bytes; ++i) v |= std::uint64_t{static_cast<unsigned char>(in[i])} << (8 * i);
  in.remove_prefix(bytes);
  return true;
}

}  // namespace netlint::util
