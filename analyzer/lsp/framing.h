// LSP base protocol framing (JSON-RPC over stdio): `Content-Length: N\r\n\r\n` then N bytes.
// The reader never trusts the peer: a header block without a usable Content-Length is reported
// and skipped, an oversized body is read and dropped in chunks (never held), a header line longer
// than any sane header is cut off. After any of them the next header block is read normally.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace netlint::lsp {

class MessageReader {
 public:
  enum class Status { kMessage, kEof, kMalformed, kTooLarge };
  struct Result {
    Status status = Status::kEof;
    std::string body;   // kMessage: the JSON text
    std::string error;  // kMalformed, kTooLarge: what was wrong
  };

  MessageReader(int fd, std::size_t max_body) : fd_(fd), max_body_(max_body) {}
  Result next();
  // Bytes are buffered or readable right now: the server coalesces edits before re-analysing.
  bool pending();
  // While waiting for input, `alive` is asked every `interval_ms`; when it answers false the
  // input counts as ended (the server's parent is gone though its end of the pipe is not closed).
  void watch(std::function<bool()> alive, int interval_ms) {
    alive_ = std::move(alive);
    interval_ms_ = interval_ms;
  }

 private:
  bool fill();  // reads more bytes; false at end of input
  // One header line without its line break; false at end of input.
  bool read_line(std::string& line, bool& too_long);

  int fd_;
  std::size_t max_body_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::function<bool()> alive_;
  int interval_ms_ = 1000;
};

// Writes one framed message; false when the peer is gone.
bool write_message(std::ostream& out, std::string_view body);

}  // namespace netlint::lsp
