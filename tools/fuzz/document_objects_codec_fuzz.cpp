// libFuzzer target: the on-disk cache's encodings of extracted objects
// (loader/document_objects_codec) and of mounted ConfigMap files' values
// (index/config_file_values_codec). Cache entries are bytes on disk that another run, another
// version or a damaged disk may have written: decoding must never crash, and what it accepts must
// encode again and read back to the same bytes. The input is read three ways:
//   - as YAML: its extracted objects encode, decode and re-encode to the same bytes;
//   - those bytes damaged at a few places the input picks, decoded (near-valid entries);
//   - the input itself as a damaged objects entry and as a damaged values entry.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/index/config_file_values_codec.h"
#include "analyzer/loader/document_objects_codec.h"
#include "analyzer/testing/plain_file_objects.h"

namespace {

using netlint::FileObjects;

void require(bool ok) {
  if (!ok) std::abort();
}

// Decodes an objects entry; when accepted, its re-encoding must decode to the same bytes.
void check_objects_entry(std::string_view entry, std::uint32_t text_size) {
  FileObjects decoded;
  if (!netlint::decode_file_objects(entry, 0, text_size, decoded)) return;
  std::string again;
  if (!netlint::encode_file_objects(decoded, 0, again)) return;
  FileObjects twice;
  require(netlint::decode_file_objects(again, 0, text_size, twice));
  std::string third;
  require(netlint::encode_file_objects(twice, 0, third));
  require(third == again);
}

void check_values_entry(std::string_view entry, std::size_t text_size) {
  std::vector<netlint::index::ConfigValue> decoded;
  if (!netlint::index::decode_config_values(entry, text_size, decoded)) return;
  std::string again;
  netlint::index::encode_config_values(decoded, again);
  std::vector<netlint::index::ConfigValue> twice;
  require(netlint::index::decode_config_values(again, text_size, twice));
  std::string third;
  netlint::index::encode_config_values(twice, third);
  require(third == again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto text_size = static_cast<std::uint32_t>(size);
  const FileObjects objects = netlint::testing::extract_plain_file(text, 0);
  std::string bytes;
  if (netlint::encode_file_objects(objects, 0, bytes)) {
    FileObjects decoded;
    require(netlint::decode_file_objects(bytes, 0, text_size, decoded));
    std::string again;
    require(netlint::encode_file_objects(decoded, 0, again));
    require(again == bytes);
    for (std::size_t k = 0; k < 8 && !bytes.empty() && size > 0; ++k) {
      std::string damaged = bytes;
      const std::size_t at = (static_cast<std::size_t>(data[k % size]) * 131 + k * 977) % damaged.size();
      damaged[at] = static_cast<char>(damaged[at] ^ static_cast<char>(data[(k + 1) % size] | 1));
      check_objects_entry(damaged, text_size);
    }
  }
  check_objects_entry(text, text_size);
  check_values_entry(text, size);
  return 0;
}
