#include "analyzer/lsp/framing.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <optional>

#include "analyzer/util/go_values.h"

namespace netlint::lsp {
namespace {

// Real headers are a few dozen bytes; a "line" longer than this is garbage (or a body sent
// without headers) and is skipped up to its line break.
constexpr std::size_t kMaxHeaderLine = 8192;
constexpr std::size_t kChunk = 64 * 1024;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool MessageReader::fill() {
  if (eof_) return false;
  if (pos_ > 0 && pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  } else if (pos_ > kChunk) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  char chunk[kChunk];
  for (;;) {
    if (alive_) {
      pollfd p{fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, interval_ms_);
      if (ready < 0 && errno == EINTR) continue;
      if (ready == 0) {
        if (alive_()) continue;
        eof_ = true;
        return false;
      }
    }
    const ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    eof_ = true;
    return false;
  }
}

bool MessageReader::pending() {
  if (pos_ < buffer_.size()) return true;
  if (eof_) return false;
  pollfd p{fd_, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

bool MessageReader::read_line(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  for (;;) {
    const std::size_t nl = buffer_.find('\n', pos_);
    if (nl != std::string::npos) {
      if (!too_long) line.append(buffer_, pos_, nl - pos_);
      pos_ = nl + 1;
      if (line.size() > kMaxHeaderLine) too_long = true;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    // No line break buffered yet: keep what we have (up to the cap), then read more.
    if (!too_long) line.append(buffer_, pos_, buffer_.size() - pos_);
    if (line.size() > kMaxHeaderLine) {
      too_long = true;
      line.clear();
    }
    pos_ = buffer_.size();
    if (!fill()) return false;
  }
}

MessageReader::Result MessageReader::next() {
  Result result;
  std::string line;
  bool too_long = false;
  bool any_header = false;
  bool has_length = false;
  bool bad = false;
  std::size_t length = 0;
  std::string error;
  for (;;) {
    if (!read_line(line, too_long)) {
      result.status = Status::kEof;
      return result;
    }
    if (too_long) {
      bad = true;
      error = "header line too long";
      any_header = true;
      continue;
    }
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      bad = true;
      error = "header line without ':'";
      continue;
    }
    const std::string_view name = trim(std::string_view(line).substr(0, colon));
    const std::string_view value = trim(std::string_view(line).substr(colon + 1));
    if (!iequals(name, "Content-Length")) continue;                       // Content-Type and future headers
    const std::optional<std::uint64_t> n = go_parse_uint(value, 10, 64);  // digits only
    if (!n) {
      bad = true;
      error = "invalid Content-Length";
      continue;
    }
    has_length = true;
    length = static_cast<std::size_t>(*n);
  }
  if (!has_length) {
    result.status = Status::kMalformed;
    result.error = bad ? error : "missing Content-Length";
    return result;
  }
  if (length > max_body_) {
    // Drop the body without holding it.
    std::size_t left = length;
    while (left > 0) {
      if (pos_ == buffer_.size() && !fill()) break;
      const std::size_t take = std::min(left, buffer_.size() - pos_);
      pos_ += take;
      left -= take;
    }
    result.status = Status::kTooLarge;
    result.error =
        "message of " + std::to_string(length) + " bytes is larger than the limit of " + std::to_string(max_body_);
    return result;
  }
  // Grown as bytes arrive, not reserved from the header: a lying Content-Length costs nothing.
  result.body.reserve(std::min<std::size_t>(length, kChunk));
  while (result.body.size() < length) {
    if (pos_ == buffer_.size() && !fill()) {
      result.status = Status::kEof;  // truncated at the end of input
      result.body.clear();
      return result;
    }
    const std::size_t take = std::min(length - result.body.size(), buffer_.size() - pos_);
    result.body.append(buffer_, pos_, take);
    pos_ += take;
  }
  result.status = Status::kMessage;
  return result;
}

bool write_message(std::ostream& out, std::string_view body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace netlint::lsp
