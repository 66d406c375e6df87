#include "analyzer/util/disk_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iterator>
#include <vector>

#include "analyzer/util/little_endian.h"
#include "analyzer/util/sha256.h"

namespace netlint {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "NLCACHE1";
constexpr std::string_view kTempMarker = ".tmp.";
constexpr std::time_t kRefreshSeconds = 3600;    // a read entry's time is refreshed at most hourly
constexpr std::time_t kStaleTempSeconds = 3600;  // a temporary file this old lost its writer
constexpr std::uint64_t kMaxEntryBytes = std::uint64_t{1} << 31;
constexpr std::size_t kDigestSize = 64;  // hex SHA-256

void put64(std::string& out, std::uint64_t v) {
  util::append_le(out, v, 8);
}

bool get64(std::string_view& in, std::uint64_t& v) {
  return util::read_le(in, v, 8);
}

std::uint64_t checksum(std::string_view payload) {
  return static_cast<std::uint64_t>(std::hash<std::string_view>{}(payload));
}

// A directory netlint may write in: exists (created here when missing) and is no symlink
// unless followed on purpose.
bool usable_directory(const std::string& path, bool follow_symlink, bool& created) {
  created = false;
  struct stat st {};
  if ((follow_symlink ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0) {
    if (errno != ENOENT) return false;
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec && !fs::is_directory(path, ec)) return false;
    created = true;
    if (::lstat(path.c_str(), &st) != 0) return false;
  }
  return S_ISDIR(st.st_mode);
}

// Writes a small file only when it does not exist (never through a symlink).
void write_new_file(const std::string& path, std::string_view text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return;
  [[maybe_unused]] const auto n = ::write(fd, text.data(), text.size());
  ::close(fd);
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::optional<std::string> read_entry(int fd, std::uint64_t size) {
  std::string data(size, '\0');
  std::size_t at = 0;
  while (at < data.size()) {
    const ssize_t n = ::read(fd, data.data() + at, data.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;
    at += static_cast<std::size_t>(n);
  }
  return data;
}

}  // namespace

DiskCache::DiskCache(std::string directory, std::string identity, std::uint64_t max_bytes)
    : directory_(std::move(directory)), identity_(std::move(identity)), max_bytes_(max_bytes) {
  std::error_code ec;
  working_directory_ = fs::current_path(ec).string();
}

std::unique_ptr<DiskCache> DiskCache::open(const std::string& directory, std::string identity, std::uint64_t max_bytes,
                                           bool implicit) {
  if (directory.empty()) return nullptr;
  bool created = false;
  if (!usable_directory(directory, !implicit, created)) return nullptr;
  if (implicit) {
    // As ruff's cache: the folder ignores itself, and backup tools skip it (bford.info/cachedir).
    write_new_file(directory + "/.gitignore", "# Automatically created by netlint.\n*\n");
    write_new_file(directory + "/CACHEDIR.TAG",
                   "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by "
                   "netlint.\n# For information about cache directory tags see https://bford.info/cachedir/\n");
  }
  return std::unique_ptr<DiskCache>(new DiskCache(directory, std::move(identity), max_bytes));
}

DiskCache::Key DiskCache::key(std::string_view content) {
  return {util::sha256_hex(content), content.size()};
}

DiskCache::Key DiskCache::key(std::string_view content, std::string_view path, const std::optional<FileStamp>& stamp) {
  if (!stamp || path.empty()) return key(content);
  const std::string absolute = path.front() == '/' ? std::string(path) : working_directory_ + '/' + std::string(path);
  {
    const std::lock_guard<std::mutex> lock(stamps_mutex_);
    if (!stamps_) stamps_ = read_stamps();
    const auto it = stamps_->find(absolute);
    if (it != stamps_->end() && it->second.stamp.same_state(*stamp) && it->second.stamp.settled() &&
        stamp->size == content.size()) {
      ++trusted_;
      return {it->second.digest, content.size()};
    }
  }
  Key hashed = key(content);
  const std::lock_guard<std::mutex> lock(stamps_mutex_);
  (*stamps_)[absolute] = Stamped{*stamp, hashed.digest, true};
  stamps_changed_ = true;
  return hashed;
}

std::string DiskCache::path_for(const std::string& name_input) const {
  const std::string name = util::sha256_hex(name_input);
  return directory_ + '/' + name.substr(0, 2) + '/' + name.substr(2);
}

std::string DiskCache::entry_path(const Key& key) const {
  // The content's digest with the identity: the content is hashed once, however many writers.
  return path_for(identity_ + '\0' + key.digest + (key.variant.empty() ? std::string() : '\0' + key.variant));
}

std::string DiskCache::stamps_path() const {
  // No content digest is this string (64 hex digits), so no entry can share the name.
  return path_for(identity_ + '\0' + "file stamps");
}

std::optional<std::string> DiskCache::read_file(const std::string& path, std::uint64_t content_size) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;  // no entry (not counted as rejected)
  std::optional<std::string> payload;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) <= kMaxEntryBytes) {
    if (std::optional<std::string> data = read_entry(fd, static_cast<std::uint64_t>(st.st_size))) {
      std::string_view in = *data;
      std::uint64_t identity_size = 0, stored_size = 0, payload_size = 0, sum = 0;
      if (in.substr(0, kMagic.size()) == kMagic) {
        in.remove_prefix(kMagic.size());
        if (get64(in, identity_size) && identity_size == identity_.size() && in.substr(0, identity_size) == identity_) {
          in.remove_prefix(identity_size);
          if (get64(in, stored_size) && get64(in, payload_size) && get64(in, sum) && stored_size == content_size &&
              payload_size == in.size() && checksum(in) == sum) {
            payload = std::string(in);
          }
        }
      }
    }
    if (payload && std::time(nullptr) - st.st_mtime > kRefreshSeconds) ::futimens(fd, nullptr);
  }
  ::close(fd);
  if (!payload) ++rejected_;
  return payload;
}

std::optional<std::string> DiskCache::find(const Key& key) {
  std::optional<std::string> payload = read_file(entry_path(key), key.size);
  ++(payload ? hits_ : misses_);
  return payload;
}

bool DiskCache::write_file(const std::string& path, std::uint64_t content_size, std::string_view payload) {
  const std::string folder = path.substr(0, path.rfind('/'));
  if (::mkdir(folder.c_str(), 0755) != 0 && errno != EEXIST) return false;
  struct stat st {};
  if (::lstat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  std::string entry;
  entry.reserve(kMagic.size() + identity_.size() + 32 + payload.size());
  entry += kMagic;
  put64(entry, identity_.size());
  entry += identity_;
  put64(entry, content_size);
  put64(entry, payload.size());
  put64(entry, checksum(payload));
  entry += payload;
  // A new name per writer (mkstemp), renamed over the entry: a concurrent reader sees the old
  // entry, the new one or none, never a part; rename replaces a symlink rather than following it.
  std::string temp = path + std::string(kTempMarker) + "XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return false;
  const bool written = write_all(fd, entry);
  if (::close(fd) != 0 || !written || std::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

void DiskCache::store(const Key& key, std::string_view payload) {
  if (write_file(entry_path(key), key.size, payload)) ++written_;
}

// The stamps entry: a count, then per path (sorted) its length and bytes, the stamp's six
// numbers and the content's hex digest. Anything that does not read back whole is no table.
DiskCache::StampTable DiskCache::read_stamps() {
  StampTable table;
  const std::optional<std::string> data = read_file(stamps_path(), 0);
  if (!data) return table;
  std::string_view in = *data;
  std::uint64_t count = 0;
  if (!get64(in, count) || count > kMaxStampedFiles) return {};
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t length = 0, size = 0, mtime = 0, ctime = 0, inode = 0, device = 0, read_at = 0;
    if (!get64(in, length) || length > in.size()) return {};
    std::string path(in.substr(0, length));
    in.remove_prefix(length);
    if (!get64(in, size) || !get64(in, mtime) || !get64(in, ctime) || !get64(in, inode) || !get64(in, device) ||
        !get64(in, read_at) || in.size() < kDigestSize) {
      return {};
    }
    Stamped& entry = table[std::move(path)];
    entry.stamp = {size,   static_cast<std::int64_t>(mtime),  static_cast<std::int64_t>(ctime), inode,
                   device, static_cast<std::int64_t>(read_at)};
    entry.digest = std::string(in.substr(0, kDigestSize));
    in.remove_prefix(kDigestSize);
  }
  if (!in.empty()) return {};
  return table;
}

void DiskCache::write_stamps() {
  StampTable table;
  {
    const std::lock_guard<std::mutex> lock(stamps_mutex_);
    if (!stamps_changed_ || !stamps_) return;
    // What another run wrote meanwhile, under what this run recorded.
    table = read_stamps();
    for (const auto& [path, entry] : *stamps_) {
      if (entry.recorded || table.count(path) == 0) table[path] = entry;
    }
    stamps_changed_ = false;
  }
  std::vector<std::pair<std::string, Stamped>> sorted(std::make_move_iterator(table.begin()),
                                                      std::make_move_iterator(table.end()));
  if (sorted.size() > kMaxStampedFiles) {
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second.stamp.read_at_ns > b.second.stamp.read_at_ns; });
    sorted.resize(kMaxStampedFiles);
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string payload;
  put64(payload, sorted.size());
  for (const auto& [path, entry] : sorted) {
    const FileStamp& st = entry.stamp;
    put64(payload, path.size());
    payload += path;
    for (const std::uint64_t v :
         {st.size, static_cast<std::uint64_t>(st.mtime_ns), static_cast<std::uint64_t>(st.ctime_ns), st.inode,
          st.device, static_cast<std::uint64_t>(st.read_at_ns)}) {
      put64(payload, v);
    }
    payload += entry.digest;
  }
  write_file(stamps_path(), 0, payload);
}

void DiskCache::finish() {
  write_stamps();
  if (written_ == 0) return;
  struct Entry {
    std::string path;
    std::uint64_t size;
    std::time_t mtime;
  };
  std::vector<Entry> entries;
  std::uint64_t total = 0;
  const std::time_t now = std::time(nullptr);
  std::error_code ec;
  for (fs::directory_iterator sub(directory_, ec), end; !ec && sub != end; sub.increment(ec)) {
    if (!sub->is_directory(ec) || sub->is_symlink(ec) || sub->path().filename().string().size() != 2) continue;
    for (fs::directory_iterator it(sub->path(), ec), e; !ec && it != e; it.increment(ec)) {
      struct stat st {};
      const std::string path = it->path().string();
      if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
      if (path.find(kTempMarker) != std::string::npos) {
        if (now - st.st_mtime > kStaleTempSeconds) ::unlink(path.c_str());
        continue;
      }
      total += static_cast<std::uint64_t>(st.st_size);
      entries.push_back({path, static_cast<std::uint64_t>(st.st_size), st.st_mtime});
    }
    ec.clear();
  }
  if (total <= max_bytes_) return;
  // Down to three quarters of the budget, so the next runs do not evict again at once.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.mtime < b.mtime; });
  const std::uint64_t target = max_bytes_ / 4 * 3;
  for (const Entry& entry : entries) {
    if (total <= target) break;
    if (::unlink(entry.path.c_str()) == 0) ++evicted_;
    total -= entry.size;
  }
}

DiskCache::Stats DiskCache::stats() const {
  return {hits_.load(), misses_.load(), rejected_.load(), written_.load(), evicted_.load(), trusted_.load()};
}

}  // namespace netlint
