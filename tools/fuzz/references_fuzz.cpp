// libFuzzer target: the reference extractor's host and URL scanning (analyzer/index): the
// input's first line is the name a value is given under (an env variable, a ConfigMap key), the
// rest is the value. Every host found must lie inside the value where it says it is, and the
// classifier must take whatever the scanner finds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzer/index/host_classifier.h"
#include "analyzer/index/reference_scanner.h"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace netlint::index;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view name = newline == std::string_view::npos ? std::string_view{} : input.substr(0, newline);
  const std::string_view value = newline == std::string_view::npos ? input : input.substr(newline + 1);
  static const HostClassifier classifier([](std::string_view ns) { return ns == "shop" || ns == "production"; });
  (void)is_address_name(name);
  (void)is_listen_name(name);
  (void)flag_awaiting_value(value);
  (void)looks_like_file_name(value);
  for (const HostCandidate& c : scan_hosts(value, name)) {
    require(c.host_offset <= value.size());
    (void)classifier.classify(c.host);
    (void)is_ip_literal(c.host);
    (void)under_public_suffix(c.host);
  }
  return 0;
}
