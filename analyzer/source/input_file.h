// Reading a file a user may have pointed anywhere (issue 16): the file type is checked before the
// file is opened, so a FIFO, socket or device never blocks a run or feeds it forever, and every
// read is bounded by --max-file-size, regular files and streams (stdin, `<(...)`) alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/util/file_stamp.h"

namespace netlint {

// An errno as a user reads it: "permission denied", "no such file or directory", "symlink loop".
std::string describe_errno(int error);

// The paths a user hands netlint a pipe through on purpose: process substitution (`<(cmd)` is
// /dev/fd/63 in bash, /proc/self/fd/N elsewhere) and /dev/stdin. They are read as streams.
bool is_stream_path(std::string_view path);

enum class ReadOutcome {
  kRead,        // `text` holds the content
  kTooLarge,    // more than max_size bytes (regular file by its size, a stream once read past it)
  kNotRegular,  // a FIFO, socket or device (or a directory) that is not read
  kFailed,      // open or read failed: `error` says why
};

struct FileRead {
  ReadOutcome outcome = ReadOutcome::kFailed;
  std::string text;
  std::string error;  // kNotRegular, kFailed: "not a regular file", "is a directory", "permission denied", ...
  // A regular file read whole and unchanged while it was read: what it was (util/file_stamp.h).
  std::optional<FileStamp> stamp = std::nullopt;
};

// Reads `path` ("-": standard input) without ever blocking on a file nobody writes: regular files
// are read; with `allow_streams`, "-" and is_stream_path() pipes are read in chunks up to
// `max_size` bytes; anything else is kNotRegular without being opened.
FileRead read_input_file(const std::string& path, std::uint64_t max_size, bool allow_streams);

// The same checks, for a reader that takes the content in chunks (the baseline): read() returns
// the bytes it put in `buffer`, 0 at the end, -1 on an error or once more than max_size bytes
// came; outcome() then says which.
class InputStream {
 public:
  InputStream(const std::string& path, std::uint64_t max_size, bool allow_streams);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  std::ptrdiff_t read(char* buffer, std::size_t size);
  ReadOutcome outcome() const { return outcome_; }  // kRead while all is well
  const std::string& error() const { return error_; }

 private:
  int fd_ = -1;
  std::uint64_t left_;
  ReadOutcome outcome_ = ReadOutcome::kRead;
  std::string error_;
};

}  // namespace netlint
