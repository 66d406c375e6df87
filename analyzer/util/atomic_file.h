// Writes a file so that readers never see a half-written one: the content goes to a temporary
// file beside the target, which is then renamed over it (rename is atomic within a filesystem).
// A symlink is followed: its target is replaced and the link stays. A device or FIFO is written
// through directly (no rename, which would replace the device node).
#pragma once

#include <string>
#include <string_view>

namespace netlint {

// Returns an empty string on success, else what went wrong.
std::string write_file_atomically(const std::string& path, std::string_view content);

// The same, for output written piece by piece (too large to hold at once): open(), write() as
// often as needed, then commit(). Destroyed without a successful commit, the target is left as it
// was (a device or FIFO has received what was written).
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Each returns an empty string on success, else what went wrong; after a failed write the
  // later writes do nothing and commit() returns the first error.
  std::string open(const std::string& path);
  void write(std::string_view content);
  std::string commit();

 private:
  std::string named_;  // as given, for messages
  std::string path_;   // the symlink chain's end
  std::string temp_;   // empty when written through (device, FIFO)
  int fd_ = -1;
  std::string error_;
};

}  // namespace netlint
