// The on-disk cache's store: found again only for the same content and the same writer
// identity; a damaged, truncated or foreign entry is a miss that the next store replaces;
// concurrent writers leave whole entries; the size stays within its budget, oldest out first;
// a repository cannot redirect it through a symlink.
#include "analyzer/util/disk_cache.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

namespace netlint {
namespace {
namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("netlint-disk-cache-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

TEST_CASE("disk cache: an entry is found for its content and its writer only") {
  TempDir dir;
  auto cache = DiskCache::open(dir / "c", "netlint 1.0", 1 << 20, true);
  REQUIRE(cache != nullptr);
  CHECK(fs::exists(dir / "c/.gitignore"));
  CHECK(fs::exists(dir / "c/CACHEDIR.TAG"));
  CHECK_FALSE(cache->find("text one").has_value());
  cache->store("text one", "payload one");
  CHECK(cache->find("text one") == std::optional<std::string>("payload one"));
  CHECK_FALSE(cache->find("text one ").has_value());  // content
  auto other = DiskCache::open(dir / "c", "netlint 1.1", 1 << 20, true);
  CHECK_FALSE(other->find("text one").has_value());  // another version never reads it
  other->store("text one", "payload of 1.1");
  CHECK(cache->find("text one") == std::optional<std::string>("payload one"));
  CHECK(other->find("text one") == std::optional<std::string>("payload of 1.1"));
  CHECK(cache->stats().hits == 2);
  CHECK(cache->stats().written == 1);
}

TEST_CASE("disk cache: a damaged, truncated or foreign entry is a miss and is written again") {
  TempDir dir;
  auto cache = DiskCache::open(dir / "c", "netlint 1.0", 1 << 20, false);
  REQUIRE(cache != nullptr);
  const std::string content = "apiVersion: v1\n";
  const std::string path = cache->entry_path(content);
  const std::vector<std::string> damages = {"", "NLCACHE1", "garbage that is no entry"};
  cache->store(content, "the payload");
  const std::string whole = read(path);
  std::vector<std::string> variants = damages;
  for (std::size_t n = 1; n < whole.size(); n += 3) variants.push_back(whole.substr(0, n));  // truncated
  for (std::size_t i = 0; i < whole.size(); ++i) {
    std::string flipped = whole;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x20);
    variants.push_back(flipped);  // one byte changed anywhere: header, identity, sizes, checksum, payload
  }
  for (const std::string& bad : variants) {
    write(path, bad);
    const std::size_t rejected = cache->stats().rejected;
    CHECK_FALSE(cache->find(content).has_value());
    CHECK(cache->stats().rejected == rejected + 1);
    cache->store(content, "the payload");
    CHECK(cache->find(content) == std::optional<std::string>("the payload"));
  }
  fs::remove(path);
  fs::create_directory(path);  // not a file at all
  CHECK_FALSE(cache->find(content).has_value());
}

TEST_CASE("disk cache: writers at once leave whole entries") {
  TempDir dir;
  auto a = DiskCache::open(dir / "c", "netlint 1.0", 64 << 20, false);
  auto b = DiskCache::open(dir / "c", "netlint 1.0", 64 << 20, false);
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  const std::string big(200000, 'x');
  std::vector<std::thread> threads;
  for (DiskCache* cache : {a.get(), b.get(), a.get(), b.get()}) {
    threads.emplace_back([cache, &big] {
      for (int i = 0; i < 40; ++i) {
        const std::string content = "file " + std::to_string(i % 10);
        if (auto found = cache->find(content)) CHECK(*found == content + big);  // never a part
        cache->store(content, content + big);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < 10; ++i) {
    const std::string content = "file " + std::to_string(i);
    CHECK(a->find(content) == std::optional<std::string>(content + big));
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir.path)) {
    CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);  // no temporary left
  }
}

TEST_CASE("disk cache: over its budget, the entries used longest ago go first") {
  TempDir dir;
  auto cache = DiskCache::open(dir / "c", "id", 10000, false);
  REQUIRE(cache != nullptr);
  const std::string payload(1000, 'p');
  for (int i = 0; i < 9; ++i) cache->store("old " + std::to_string(i), payload);
  // Make the first ones old, then use one of them (a read refreshes an entry older than an hour).
  for (int i = 0; i < 9; ++i) {
    const std::string path = cache->entry_path("old " + std::to_string(i));
    const struct timespec times[2] = {{0, UTIME_OMIT}, {1000000 + i, 0}};
    REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
  }
  CHECK(cache->find("old 0").has_value());
  cache->finish();
  CHECK(cache->stats().evicted == 0);  // 9 entries of about 1 KB: within 10,000 bytes
  for (int i = 0; i < 4; ++i) cache->store("new " + std::to_string(i), payload);
  cache->finish();
  CHECK(cache->stats().evicted > 0);
  CHECK(cache->find("old 0").has_value());  // used recently
  CHECK_FALSE(cache->find("old 1").has_value());
  for (int i = 0; i < 4; ++i) CHECK(cache->find("new " + std::to_string(i)).has_value());
  std::uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir / "c")) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  CHECK(total <= 10000);
}

// A stamp of a file last changed at `mtime` seconds and read `read_after` seconds later.
FileStamp stamp_at(std::int64_t mtime, std::int64_t read_after, std::uint64_t size, std::uint64_t inode = 7) {
  constexpr std::int64_t kSecond = 1000 * 1000 * 1000;
  FileStamp stamp;
  stamp.size = size;
  stamp.mtime_ns = stamp.ctime_ns = mtime * kSecond;
  stamp.inode = inode;
  stamp.device = 3;
  stamp.read_at_ns = (mtime + read_after) * kSecond;
  return stamp;
}

TEST_CASE("disk cache: an unchanged, settled file stamp stands for its text; any change is hashed") {
  TempDir dir;
  auto cache = DiskCache::open(dir / "c", "netlint 1.0", 1 << 20, false);
  REQUIRE(cache != nullptr);
  const std::string text = "kind: Service\n";
  const std::string same_size = "kind: Servicf\n";
  const DiskCache::Key hashed = DiskCache::key(text);
  const FileStamp settled = stamp_at(1000, 60, text.size());
  CHECK(cache->key(text, "/repo/a.yaml", settled).digest == hashed.digest);
  CHECK(cache->stats().trusted == 0);  // first seen: hashed and recorded
  CHECK(cache->key(text, "/repo/a.yaml", settled).digest == hashed.digest);
  CHECK(cache->stats().trusted == 1);
  // The stamp is the file's state, not the path alone: another time, inode or size is hashed.
  FileStamp touched = settled;
  touched.mtime_ns += 1;
  CHECK(cache->key(same_size, "/repo/a.yaml", touched).digest == DiskCache::key(same_size).digest);
  FileStamp changed = settled;
  changed.ctime_ns += 1;  // a write that restored the modification time (touch -r, rsync -t)
  CHECK(cache->key(same_size, "/repo/a.yaml", changed).digest == DiskCache::key(same_size).digest);
  CHECK(cache->key(text, "/repo/a.yaml", stamp_at(1000, 60, text.size(), 8)).digest == hashed.digest);
  CHECK(cache->stats().trusted == 1);
  CHECK(cache->key(text, "/repo/b.yaml", settled).digest == hashed.digest);  // another path
  CHECK(cache->stats().trusted == 1);
  // A file read in the tick of its last change (racily clean, as git calls it) is never trusted:
  // a same-size write in that tick would keep every number of the stamp.
  const FileStamp racy = stamp_at(2000, 1, text.size());
  CHECK_FALSE(racy.settled());
  CHECK(cache->key(text, "/repo/c.yaml", racy).digest == hashed.digest);
  CHECK(cache->key(same_size, "/repo/c.yaml", racy).digest == DiskCache::key(same_size).digest);
  CHECK(cache->key(text, "/repo/c.yaml", racy).digest == hashed.digest);
  CHECK(cache->stats().trusted == 1);
  // Without a stamp (standard input, an editor's buffer) or a path: hashed.
  CHECK(cache->key(same_size, "/repo/b.yaml", std::nullopt).digest == DiskCache::key(same_size).digest);
  CHECK(cache->key(same_size, "", settled).digest == DiskCache::key(same_size).digest);
  CHECK(cache->stats().trusted == 1);
}

TEST_CASE("disk cache: file stamps outlive the run, merge across runs and survive damage") {
  TempDir dir;
  const std::string text = "kind: Service\n";
  const FileStamp settled = stamp_at(1000, 60, text.size());
  {
    auto a = DiskCache::open(dir / "c", "netlint 1.0", 1 << 20, false);
    auto b = DiskCache::open(dir / "c", "netlint 1.0", 1 << 20, false);
    a->key(text, "/repo/a.yaml", settled);
    b->key(text, "/repo/b.yaml", settled);
    a->finish();
    b->finish();  // merges what a wrote
  }
  auto next = DiskCache::open(dir / "c", "netlint 1.0", 1 << 20, false);
  CHECK(next->key(text, "/repo/a.yaml", settled).digest == DiskCache::key(text).digest);
  CHECK(next->key(text, "/repo/b.yaml", settled).digest == DiskCache::key(text).digest);
  CHECK(next->stats().trusted == 2);
  auto other = DiskCache::open(dir / "c", "netlint 1.1", 1 << 20, false);  // another netlint: its own table
  other->key(text, "/repo/a.yaml", settled);
  CHECK(other->stats().trusted == 0);
  // A damaged table is no table: every file is hashed again, and the table is written whole.
  const std::string table = next->stamps_path();
  const std::string whole = read(table);
  for (const std::string& bad : {whole.substr(0, whole.size() - 1), std::string("garbage"), whole + "x"}) {
    write(table, bad);
    auto damaged = DiskCache::open(dir / "c", "netlint 1.0", 1 << 20, false);
    CHECK(damaged->key(text, "/repo/a.yaml", settled).digest == DiskCache::key(text).digest);
    CHECK(damaged->stats().trusted == 0);
    damaged->finish();
    auto again = DiskCache::open(dir / "c", "netlint 1.0", 1 << 20, false);
    again->key(text, "/repo/a.yaml", settled);
    CHECK(again->stats().trusted == 1);
  }
  // A stamp that claims another digest than the text's size allows is not taken either.
  CHECK(next->key(text + "x", "/repo/a.yaml", settled).digest == DiskCache::key(text + "x").digest);
}

TEST_CASE("disk cache: a repository's cache folder that is a symlink is not used; a folder named on purpose is") {
  TempDir dir;
  fs::create_directories(dir / "elsewhere");
  fs::create_directory_symlink(dir / "elsewhere", dir / "link");
  CHECK(DiskCache::open(dir / "link", "id", 1 << 20, true) == nullptr);
  CHECK_FALSE(fs::exists(dir / "elsewhere/.gitignore"));
  CHECK(DiskCache::open(dir / "link", "id", 1 << 20, false) != nullptr);
  write(dir / "file", "x");
  CHECK(DiskCache::open(dir / "file", "id", 1 << 20, false) == nullptr);
}

}  // namespace
}  // namespace netlint
