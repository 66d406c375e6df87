// LSP base protocol framing (JSON-RPC over stdio): `Content-Length: N\r\n\r\n` then N bytes.
// The reader never trusts the peer: a header block without a usable Content-Length is reported
// and skipped, an oversized body is read and dropped in chunks (never held), a header line longer
// than any sane header is cut off. After any of them the next header block is read normally.
#pragma once

#include <cstddef>
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

 private:
  bool fill();  // reads more bytes; false at end of input
  // One header line without its line break; false at end of input.
  bool read_line(std::string& line, bool& too_long);

  int fd_;
  std::size_t max_body_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
};

// Writes one framed message; false when the peer is gone.
bool write_message(std::ostream& out, std::string_view body);

}  // namespace netlint::lsp
