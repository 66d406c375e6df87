#include "analyzer/util/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace netlint {

std::string write_file_atomically(const std::string& path, std::string_view content) {
  std::vector<char> temp(path.begin(), path.end());
  const std::string suffix = ".netlint-XXXXXX";
  temp.insert(temp.end(), suffix.begin(), suffix.end());
  temp.push_back('\0');
  const int fd = mkstemp(temp.data());
  if (fd < 0) return "cannot create a temporary file beside " + path + ": " + std::strerror(errno);
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string error = std::strerror(errno);
      ::close(fd);
      std::remove(temp.data());
      return "cannot write " + path + ": " + error;
    }
    written += static_cast<std::size_t>(n);
  }
  // The temporary file is created 0600; an output file should be readable like any other.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0 || std::rename(temp.data(), path.c_str()) != 0) {
    const std::string error = std::strerror(errno);
    std::remove(temp.data());
    return "cannot write " + path + ": " + error;
  }
  return {};
}

}  // namespace netlint
