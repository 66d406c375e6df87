#include "analyzer/source/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace netlint {
namespace {

FileRead failed(ReadOutcome outcome, std::string error) {
  FileRead read;
  read.outcome = outcome;
  read.error = std::move(error);
  return read;
}

// A pipe or terminal: chunks until end of file, stopping as soon as the text passes max_size (a
// `/dev/zero` behind `<(...)` ends there instead of in bad_alloc).
FileRead read_stream(int fd, std::uint64_t max_size) {
  FileRead read;
  std::array<char, 64 * 1024> chunk{};
  for (;;) {
    const ssize_t n = ::read(fd, chunk.data(), chunk.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return failed(ReadOutcome::kFailed, describe_errno(errno));
    }
    if (n == 0) break;
    if (read.text.size() + static_cast<std::size_t>(n) > max_size) return failed(ReadOutcome::kTooLarge, "");
    read.text.append(chunk.data(), static_cast<std::size_t>(n));
  }
  read.outcome = ReadOutcome::kRead;
  return read;
}

// A regular file into a string of exactly its size (a growing string would hold up to twice the
// input while reading, and file texts stay in memory for the whole run). A file that grows while
// being read keeps its first `size` bytes; one that shrinks keeps what there was.
FileRead read_regular(int fd, std::uint64_t size, std::uint64_t max_size) {
  if (size > max_size) return failed(ReadOutcome::kTooLarge, "");
  FileRead read;
  read.text.resize(static_cast<std::size_t>(size));
  std::size_t done = 0;
  while (done < read.text.size()) {
    const ssize_t n = ::read(fd, read.text.data() + done, read.text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return failed(ReadOutcome::kFailed, describe_errno(errno));
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  read.text.resize(done);
  read.outcome = ReadOutcome::kRead;
  return read;
}

bool is_stream(mode_t mode) {
  return S_ISFIFO(mode) || S_ISCHR(mode) || S_ISSOCK(mode);
}

}  // namespace

std::string describe_errno(int error) {
  switch (error) {
    case ENOENT:
      return "no such file or directory";
    case EACCES:
    case EPERM:
      return "permission denied";
    case ELOOP:
      return "symlink loop";
    case ENOTDIR:
      return "not a directory on the way";
    case EISDIR:
      return "is a directory";
    case ENAMETOOLONG:
      return "name too long";
    default:
      return std::strerror(error);
  }
}

bool is_stream_path(std::string_view path) {
  return path == "/dev/stdin" || path.starts_with("/dev/fd/") || path.starts_with("/proc/self/fd/");
}

namespace {

// Opens `path` for reading after checking its type; -1 with `failure` set when it is not read.
int open_checked(const std::string& path, bool allow_streams, struct stat& opened, FileRead& failure) {
  if (path == "-") {
    if (!allow_streams) {
      failure = failed(ReadOutcome::kNotRegular, "not a regular file");
      return -1;
    }
    opened = {};
    opened.st_mode = S_IFIFO;
    return STDIN_FILENO;
  }
  // The type first: opening a FIFO waits for a writer, opening a device may do anything.
  struct stat before {};
  if (::stat(path.c_str(), &before) != 0) {
    failure = failed(ReadOutcome::kFailed, describe_errno(errno));
    return -1;
  }
  const bool stream = allow_streams && is_stream_path(path) && is_stream(before.st_mode);
  if (S_ISDIR(before.st_mode) || (!S_ISREG(before.st_mode) && !stream)) {
    failure = failed(ReadOutcome::kNotRegular, S_ISDIR(before.st_mode) ? "is a directory" : "not a regular file");
    return -1;
  }
  // O_NONBLOCK: should the path have been swapped for a FIFO since stat, open still returns.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    failure = failed(ReadOutcome::kFailed, describe_errno(errno));
    return -1;
  }
  if (::fstat(fd, &opened) != 0 || (opened.st_mode & S_IFMT) != (before.st_mode & S_IFMT)) {
    failure = failed(ReadOutcome::kNotRegular, "not a regular file");
    ::close(fd);
    return -1;
  }
  // Reads block again (a pipe's writer may be slower than we are).
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

}  // namespace

FileRead read_input_file(const std::string& path, std::uint64_t max_size, bool allow_streams) {
  struct stat opened {};
  FileRead failure;
  const int fd = open_checked(path, allow_streams, opened, failure);
  if (fd < 0) return failure;
  const std::int64_t read_at = wall_clock_ns();
  FileRead read = S_ISREG(opened.st_mode) ? read_regular(fd, static_cast<std::uint64_t>(opened.st_size), max_size)
                                          : read_stream(fd, max_size);
  // Stamped only when the file is the same after the read as before it: a write during the read
  // may have given us part of either text.
  struct stat after {};
  if (read.outcome == ReadOutcome::kRead && S_ISREG(opened.st_mode) && ::fstat(fd, &after) == 0) {
    const FileStamp stamp = file_stamp(opened, read_at);
    if (stamp.same_state(file_stamp(after, read_at)) && read.text.size() == stamp.size) read.stamp = stamp;
  }
  if (fd != STDIN_FILENO) ::close(fd);
  return read;
}

InputStream::InputStream(const std::string& path, std::uint64_t max_size, bool allow_streams) : left_(max_size) {
  struct stat opened {};
  FileRead failure;
  fd_ = open_checked(path, allow_streams, opened, failure);
  if (fd_ < 0) {
    outcome_ = failure.outcome;
    error_ = failure.error;
  } else if (S_ISREG(opened.st_mode) && static_cast<std::uint64_t>(opened.st_size) > max_size) {
    outcome_ = ReadOutcome::kTooLarge;
  }
}

InputStream::~InputStream() {
  if (fd_ > STDIN_FILENO) ::close(fd_);
}

std::ptrdiff_t InputStream::read(char* buffer, std::size_t size) {
  if (outcome_ != ReadOutcome::kRead) return -1;
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      outcome_ = ReadOutcome::kFailed;
      error_ = describe_errno(errno);
      return -1;
    }
    if (static_cast<std::uint64_t>(n) > left_) {
      outcome_ = ReadOutcome::kTooLarge;
      return -1;
    }
    left_ -= static_cast<std::uint64_t>(n);
    return n;
  }
}

}  // namespace netlint
