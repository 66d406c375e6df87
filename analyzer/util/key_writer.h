// Writes a key of what a kept result was computed from (the language server keeps results
// between analyses, issue 22): fields are length-prefixed, so no two different inputs write the
// same key. The caller writes every field its computation reads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace netlint {

class KeyWriter {
 public:
  explicit KeyWriter(std::string& out) : out_(out) {}

  void number(std::uint64_t n) { out_.append(reinterpret_cast<const char*>(&n), sizeof n); }
  void bytes(std::string_view s) {
    number(s.size());
    out_.append(s);
  }
  template <class T, class F>
  void list(const std::vector<T>& items, F each) {
    number(items.size());
    for (const T& item : items) each(item);
  }
  std::string& out() { return out_; }

 private:
  std::string& out_;
};

}  // namespace netlint
