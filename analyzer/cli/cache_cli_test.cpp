// The on-disk parse cache (issue 21) as users run it: a cached run, cold or warm, reports exactly
// what an uncached run reports (demo and every fixture, also after a setting that changes
// extraction); two runs at once share a cache; a damaged cache is ignored and rewritten; another
// netlint build never reads the entries; the git root gets a self-ignoring `.netlint_cache/`,
// and --no-cache / NETLINT_NO_CACHE write nothing.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "analyzer/testing/cli_run.h"
#include "analyzer/testing/source_paths.h"
#include "analyzer/util/file_stamp.h"

namespace netlint {
namespace {
namespace fs = std::filesystem;

using testing::CliRun;
using testing::TempRepo;

// netlint from the source folder with its cache in `cache` ("" : NETLINT_CACHE_DIR unset).
CliRun run_cached(const fs::path& cache, const std::string& args,
                  const std::string& binary = testing::netlint_binary()) {
  const std::string env = cache.empty() ? "env -u NETLINT_CACHE_DIR" : "NETLINT_CACHE_DIR='" + cache.string() + "'";
  return testing::run_shell(fmt::format("cd '{}' && {} '{}' {} 2>/dev/null", testing::source_dir(), env, binary, args));
}

std::vector<fs::path> entries(const fs::path& cache) {
  std::vector<fs::path> out;
  if (!fs::exists(cache)) return out;
  for (const auto& e : fs::recursive_directory_iterator(cache)) {
    if (e.is_regular_file() && e.path().parent_path() != cache) out.push_back(e.path());
  }
  return out;
}

// The demo with its config, and every fixture in one view (an empty config, as the parallel test).
std::vector<std::string> inputs(const TempRepo& scratch) {
  scratch.write("empty.netlint.yaml", "{}\n");
  return {"--config testdata/demo/.netlint.yaml testdata/demo",
          "--config '" + (scratch.root / "empty.netlint.yaml").string() + "' --select ALL,nursery testdata/rules"};
}

constexpr const char* kArgs = "--no-timing --color never --format json ";

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("parse cache: cached runs, cold and warm, report what an uncached run reports") {
    TempRepo scratch("cache-same", false);
    for (const std::string& input : inputs(scratch)) {
      CAPTURE(input);
      const fs::path cache = scratch.root / "cache";
      fs::remove_all(cache);
      const CliRun uncached = run_cached(scratch.root / "unused", std::string(kArgs) + "--no-cache " + input);
      CHECK(uncached.out.size() > 1000);
      CHECK_FALSE(fs::exists(scratch.root / "unused"));  // --no-cache writes nothing
      const CliRun cold = run_cached(cache, kArgs + input);
      const std::size_t stored = entries(cache).size();
      CHECK(stored > 5);
      const CliRun warm = run_cached(cache, kArgs + input);
      CHECK(entries(cache).size() == stored);  // nothing new: every parse was found
      CHECK(cold.status == uncached.status);
      CHECK(warm.status == uncached.status);
      CHECK(cold.out == uncached.out);
      CHECK(warm.out == uncached.out);
      // A setting that changes what is extracted (the apply-time namespace) on a warm cache.
      const std::string other = "--namespace cache-check ";
      const CliRun other_uncached = run_cached(cache, std::string(kArgs) + "--no-cache " + other + input);
      const CliRun other_warm = run_cached(cache, kArgs + other + input);
      if (input.find("testdata/rules") != std::string::npos) CHECK(other_uncached.out != uncached.out);
      CHECK(other_warm.out == other_uncached.out);
      const CliRun env_off = testing::run_shell(fmt::format(
          "cd '{}' && NETLINT_NO_CACHE=1 NETLINT_CACHE_DIR='{}' '{}' {}{} 2>/dev/null", testing::source_dir(),
          (scratch.root / "unused").string(), testing::netlint_binary(), kArgs, input));
      CHECK(env_off.out == uncached.out);
      CHECK_FALSE(fs::exists(scratch.root / "unused"));
    }
  }

  TEST_CASE("parse cache: two runs at once on one empty cache both report what an uncached run reports") {
    TempRepo scratch("cache-concurrent", false);
    const std::string input = inputs(scratch)[1];
    const CliRun uncached = run_cached(scratch.root / "unused", std::string(kArgs) + "--no-cache " + input);
    const fs::path cache = scratch.root / "cache";
    const std::string one =
        fmt::format("NETLINT_CACHE_DIR='{}' '{}' {}{}", cache.string(), testing::netlint_binary(), kArgs, input);
    const CliRun both = testing::run_shell(
        fmt::format("cd '{}' && ({} > '{}' 2>/dev/null & {} > '{}' 2>/dev/null; wait)", testing::source_dir(), one,
                    (scratch.root / "a").string(), one, (scratch.root / "b").string()));
    CHECK(both.status == 0);
    CHECK(scratch.read("a") == uncached.out);
    CHECK(scratch.read("b") == uncached.out);
    const std::size_t stored = entries(cache).size();
    CHECK(stored > 5);
    for (const fs::path& e : entries(cache)) CHECK(e.filename().string().find(".tmp.") == std::string::npos);
    CHECK(run_cached(cache, kArgs + input).out == uncached.out);
    CHECK(entries(cache).size() == stored);
  }

  TEST_CASE("parse cache: damaged entries are ignored and written again") {
    TempRepo scratch("cache-damaged", false);
    const std::string input = inputs(scratch)[1];
    const CliRun uncached = run_cached(scratch.root / "unused", std::string(kArgs) + "--no-cache " + input);
    const fs::path cache = scratch.root / "cache";
    run_cached(cache, kArgs + input);
    const std::vector<fs::path> stored = entries(cache);
    REQUIRE(stored.size() > 5);
    // Every other entry truncated, the rest overwritten with garbage.
    for (std::size_t i = 0; i < stored.size(); ++i) {
      if (i % 2 == 0)
        fs::resize_file(stored[i], fs::file_size(stored[i]) / 2);
      else
        std::ofstream(stored[i], std::ios::binary | std::ios::trunc) << "not a netlint cache entry";
    }
    const CliRun damaged = run_cached(cache, kArgs + input);
    CHECK(damaged.status == uncached.status);
    CHECK(damaged.out == uncached.out);
    for (const fs::path& e : stored) {
      CHECK(TempRepo::read_path(e).rfind("NLCACHE1", 0) == 0);  // whole entries again
    }
    CHECK(run_cached(cache, kArgs + input).out == uncached.out);
  }

  TEST_CASE("parse cache: another netlint build never reads the entries") {
    TempRepo scratch("cache-version", false);
    const std::string input = inputs(scratch)[0];
    const fs::path cache = scratch.root / "cache";
    run_cached(cache, kArgs + input);
    const std::size_t stored = entries(cache).size();
    REQUIRE(stored > 5);
    // A copy of the binary is another build (its size and time are part of the identity).
    const fs::path copy = scratch.root / "netlint-copy";
    fs::copy_file(testing::netlint_binary(), copy);
    fs::last_write_time(copy, fs::last_write_time(testing::netlint_binary()) - std::chrono::hours(1));
    const CliRun other = run_cached(cache, kArgs + input, copy.string());
    CHECK(other.out == run_cached(cache, kArgs + input).out);
    CHECK(entries(cache).size() == 2 * stored);  // its own entries, none of the first build's read
  }

  TEST_CASE("parse cache: in a repository, a self-ignoring .netlint_cache at the git root") {
    TempRepo repo("cache-git-root");
    repo.write("deploy/app.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports: [{port: 80}]\n");
    const auto run = [&](const std::string& env) {
      return testing::run_shell(fmt::format("cd '{}' && env -u NETLINT_CACHE_DIR {} '{}' --no-timing app.yaml",
                                            (repo.root / "deploy").string(), env, testing::netlint_binary()));
    };
    const CliRun off = run("NETLINT_NO_CACHE=1");
    CHECK_FALSE(fs::exists(repo.root / ".netlint_cache"));
    const CliRun on = run("");
    CHECK(on.out == off.out);
    CHECK(repo.read(".netlint_cache/.gitignore").find("\n*\n") != std::string::npos);
    CHECK(fs::exists(repo.root / ".netlint_cache/CACHEDIR.TAG"));
    CHECK(entries(repo.root / ".netlint_cache").size() == 2);  // the file's parses and the file stamps
  }

  TEST_CASE("parse cache: a file known by its stamp is read again after an edit that keeps its size") {
    TempRepo repo("cache-stamps");
    const std::string deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n"
        "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
        "    spec: {containers: [{name: web, image: web:1, ports: [{containerPort: 8080}]}]}\n";
    const std::string service =
        "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n"
        "  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n";
    repo.write("deploy/web.yaml", deployment);
    repo.write("deploy/svc.yaml", service);
    const auto run = [&](const std::string& flags) {
      return testing::run_shell(fmt::format("cd '{}' && env -u NETLINT_CACHE_DIR '{}' --no-timing {} deploy/svc.yaml",
                                            repo.root.string(), testing::netlint_binary(), flags));
    };
    // Stamps are trusted only for files changed clearly before they were read (FileStamp::kSettleNs).
    std::this_thread::sleep_for(std::chrono::nanoseconds(FileStamp::kSettleNs) + std::chrono::milliseconds(200));
    const CliRun first = run("");
    const CliRun trusted = run("");  // both files known by their stamps now
    CHECK(trusted.out == first.out);
    CHECK(trusted.out == run("--no-cache").out);
    CHECK(trusted.out.find("NL1001") == std::string::npos);
    // The pods' label changes, the size and the modification time stay: the selector misses them.
    const auto mtime = fs::last_write_time(repo.root / "deploy/web.yaml");
    std::string edited = deployment;
    edited.replace(edited.find("labels: {app: web}"), 18, "labels: {app: wex}");
    REQUIRE(edited.size() == deployment.size());
    repo.write("deploy/web.yaml", edited);
    fs::last_write_time(repo.root / "deploy/web.yaml", mtime);
    const CliRun after = run("");
    CHECK(after.out.find("NL1001") != std::string::npos);
    CHECK(after.out == run("--no-cache").out);
    // And an edit in the same second, the time left as the write set it.
    repo.write("deploy/web.yaml", deployment);
    CHECK(run("").out == trusted.out);
  }
}

}  // namespace netlint
