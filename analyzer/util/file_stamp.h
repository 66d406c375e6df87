// What a file was when it was read, so a later run can know its content unchanged without reading
// it into a hash again (issue 21): git's index and ruff's cache trust a path whose stat data is
// unchanged; the on-disk cache (util/disk_cache) keeps, per path, the stamp of the read and the
// digest of the text, and takes the digest when the stamp is the same again.
//
// A write that keeps the size and lands in the same timestamp tick as the one recorded leaves the
// modification time unchanged (coarse kernel clocks, 2 s on FAT, 1 s on some network mounts). As
// git does with "racily clean" entries, a stamp is only trusted when the file was last changed
// clearly before it was read (settled()): a write after the read then has a later time.
#pragma once

#include <sys/stat.h>

#include <cstdint>

namespace netlint {

struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;  // changes with every write and with a `touch` that restores the mtime
  std::uint64_t inode = 0;
  std::uint64_t device = 0;
  std::int64_t read_at_ns = 0;  // the wall clock just before the text was read

  // The same state of the same file (when it was read aside).
  bool same_state(const FileStamp& other) const {
    return size == other.size && mtime_ns == other.mtime_ns && ctime_ns == other.ctime_ns && inode == other.inode &&
           device == other.device;
  }
  // Changed at least kSettleNs before it was read: no write in the tick the times record can
  // have come after the read.
  bool settled() const { return mtime_ns <= read_at_ns - kSettleNs && ctime_ns <= read_at_ns - kSettleNs; }

  // Above the coarsest file time granularity met in practice (FAT's 2 s) and the lag of the
  // kernel's coarse clock behind the wall clock.
  static constexpr std::int64_t kSettleNs = std::int64_t{3} * 1000 * 1000 * 1000;
};

// The stamp of `st`, read at `read_at_ns`.
FileStamp file_stamp(const struct stat& st, std::int64_t read_at_ns);

// The wall clock (CLOCK_REALTIME, the clock file times are written with) in nanoseconds.
std::int64_t wall_clock_ns();

}  // namespace netlint
