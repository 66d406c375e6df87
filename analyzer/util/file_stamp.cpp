#include "analyzer/util/file_stamp.h"

#include <time.h>

namespace netlint {
namespace {

std::int64_t nanoseconds(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1000 * 1000 * 1000 + t.tv_nsec;
}

}  // namespace

FileStamp file_stamp(const struct stat& st, std::int64_t read_at_ns) {
  FileStamp stamp;
  stamp.size = static_cast<std::uint64_t>(st.st_size);
  stamp.mtime_ns = nanoseconds(st.st_mtim);
  stamp.ctime_ns = nanoseconds(st.st_ctim);
  stamp.inode = static_cast<std::uint64_t>(st.st_ino);
  stamp.device = static_cast<std::uint64_t>(st.st_dev);
  stamp.read_at_ns = read_at_ns;
  return stamp;
}

std::int64_t wall_clock_ns() {
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return nanoseconds(now);
}

}  // namespace netlint
