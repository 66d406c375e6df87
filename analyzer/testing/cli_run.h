// Running the real netlint binary from tests, and throwaway folders for it to read: shared by
// the CLI test files (cli_test, sarif_cli_test, suppress_cli_test). Test binary only.
#pragma once

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analyzer/testing/source_paths.h"

namespace netlint::testing {

struct CliRun {
  int status = -1;  // the exit status; -1 when the process did not exit normally
  std::string out;  // what the command wrote to its stdout
};

// Runs a shell command line and captures its standard output and exit status.
inline CliRun run_shell(const std::string& command) {
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// netlint with `args` (a shell fragment), working directory `dir`; stderr merged into the output
// when `merge_stderr`, else dropped.
inline CliRun run_netlint_in(const std::filesystem::path& dir, const std::string& args, bool merge_stderr = false) {
  return run_shell(fmt::format("cd '{}' && '{}' {} {}", dir.string(), testing::netlint_binary(), args,
                               merge_stderr ? "2>&1" : "2>/dev/null"));
}

// A folder under the temp directory, removed again at the end of the test; with `.git` in it,
// it is a repository root (the context netlint reads, the root SARIF paths are relative to).
struct TempRepo {
  std::filesystem::path root;
  explicit TempRepo(const std::string& name, bool git = true) {
    root = std::filesystem::temp_directory_path() / fmt::format("netlint-test-{}-{}", name, ::getpid());
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root);
    if (git) std::filesystem::create_directories(root / ".git");
  }
  ~TempRepo() { std::filesystem::remove_all(root); }
  TempRepo(const TempRepo&) = delete;
  TempRepo& operator=(const TempRepo&) = delete;

  void write(const std::string& relative, const std::string& text) const {
    std::filesystem::create_directories((root / relative).parent_path());
    std::ofstream(root / relative, std::ios::binary) << text;
  }
  std::string read(const std::string& relative) const { return read_path(root / relative); }
  static std::string read_path(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }
};

}  // namespace netlint::testing
