// libFuzzer target: the YAML document splitter. The spans it returns must lie inside the text,
// in order, without overlap.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzer/yaml/document_splitter.h"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::uint32_t previous_end = 0;
  for (const netlint::yaml::DocumentSpan& span : netlint::yaml::split_documents(text)) {
    require(span.begin <= span.end && span.end <= size);
    require(span.begin >= previous_end);
    previous_end = span.end;
  }
  return 0;
}
