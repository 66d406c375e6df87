#include "analyzer/util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace netlint {
namespace {

std::string write_all(int fd, std::string_view content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::strerror(errno);
    }
    written += static_cast<std::size_t>(n);
  }
  return {};
}

// The file a symlink chain ends at (the chain's last name, which need not exist yet), so that
// the rename replaces the target and the link stays a link. Empty after too many links.
std::string resolve_links(std::string path) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
    std::vector<char> target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 4096) + 1);
    const ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0 || static_cast<std::size_t>(n) >= target.size()) return path;
    std::string next(target.data(), static_cast<std::size_t>(n));
    if (next.empty() || next.front() != '/') {
      const std::size_t slash = path.rfind('/');
      if (slash != std::string::npos) next = path.substr(0, slash + 1) + next;
    }
    path = std::move(next);
  }
  return {};
}

}  // namespace

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) std::remove(temp_.c_str());
}

std::string AtomicFile::open(const std::string& named) {
  named_ = named;
  path_ = resolve_links(named);
  if (path_.empty()) return "cannot write " + named + ": symlink loop";
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) return "cannot write " + named + ": is a directory";
    // A device or a FIFO (-o /dev/stdout, -o /dev/null, a named pipe): written through, never
    // replaced; renaming over it would turn /dev/null into a regular file.
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) return "cannot write " + named + ": " + std::strerror(errno);
    return {};
  }
  std::vector<char> temp(path_.begin(), path_.end());
  const std::string suffix = ".netlint-XXXXXX";
  temp.insert(temp.end(), suffix.begin(), suffix.end());
  temp.push_back('\0');
  fd_ = mkstemp(temp.data());
  if (fd_ < 0) return "cannot create a temporary file beside " + path_ + ": " + std::strerror(errno);
  temp_ = temp.data();
  return {};
}

void AtomicFile::write(std::string_view content) {
  if (fd_ < 0 || !error_.empty()) return;
  error_ = write_all(fd_, content);
}

std::string AtomicFile::commit() {
  if (fd_ < 0) return "cannot write " + named_ + ": not open";
  const int fd = fd_;
  fd_ = -1;
  if (temp_.empty()) {
    if (::close(fd) != 0 && error_.empty()) error_ = std::strerror(errno);
    return error_.empty() ? error_ : "cannot write " + named_ + ": " + error_;
  }
  if (!error_.empty()) {
    ::close(fd);
    return "cannot write " + named_ + ": " + error_;  // the destructor removes the temporary file
  }
  // The temporary file is created 0600; an output file should be readable like any other.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0 || std::rename(temp_.c_str(), path_.c_str()) != 0)
    return "cannot write " + named_ + ": " + std::strerror(errno);
  temp_.clear();
  return {};
}

std::string write_file_atomically(const std::string& named, std::string_view content) {
  AtomicFile file;
  if (std::string error = file.open(named); !error.empty()) return error;
  file.write(content);
  return file.commit();
}

}  // namespace netlint
