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

std::string write_file_atomically(const std::string& named, std::string_view content) {
  const std::string path = resolve_links(named);
  if (path.empty()) return "cannot write " + named + ": symlink loop";
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) return "cannot write " + named + ": is a directory";
    // A device or a FIFO (-o /dev/stdout, -o /dev/null, a named pipe): written through, never
    // replaced; renaming over it would turn /dev/null into a regular file.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return "cannot write " + named + ": " + std::strerror(errno);
    std::string error = write_all(fd, content);
    if (::close(fd) != 0 && error.empty()) error = std::strerror(errno);
    return error.empty() ? error : "cannot write " + named + ": " + error;
  }
  std::vector<char> temp(path.begin(), path.end());
  const std::string suffix = ".netlint-XXXXXX";
  temp.insert(temp.end(), suffix.begin(), suffix.end());
  temp.push_back('\0');
  const int fd = mkstemp(temp.data());
  if (fd < 0) return "cannot create a temporary file beside " + path + ": " + std::strerror(errno);
  if (const std::string error = write_all(fd, content); !error.empty()) {
    ::close(fd);
    std::remove(temp.data());
    return "cannot write " + named + ": " + error;
  }
  // The temporary file is created 0600; an output file should be readable like any other.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0 || std::rename(temp.data(), path.c_str()) != 0) {
    const std::string error = std::strerror(errno);
    std::remove(temp.data());
    return "cannot write " + named + ": " + error;
  }
  return {};
}

}  // namespace netlint
