// A baseline (docs/configuration.md "Baseline"): the findings a repository accepts today, so
// that a run reports only new ones. Each finding is fingerprinted without its line number, so
// edits that only shift lines keep it known: the rule's code, the file's path relative to the
// repository, the message, and the text of the finding's line with all blanks removed; equal
// fingerprints are told apart by their order (occurrence 1, 2, ...).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"

namespace netlint::engine {

inline constexpr int kBaselineVersion = 1;

struct BaselineEntry {
  std::string rule;         // the code, "NL1001"
  std::string path;         // relative to the repository root, '/'-separated; empty: no location
  std::string fingerprint;  // 16 hex digits
  std::uint32_t occurrence = 1;
  std::string message;  // for readers of the file; not compared

  // Identity: everything but the message.
  bool same(const BaselineEntry& other) const;
};

// `path` relative to `root` (both as the OS names them; relative ones from the working
// directory), '/'-separated; "-" (standard input) stays as it is.
std::string repository_path(const std::string& path, const std::string& root);

// One entry per finding, in the findings' order. `root`: the repository root for paths.
std::vector<BaselineEntry> baseline_entries(const model::Model& model, std::span<const diag::Diagnostic> findings,
                                            const std::string& root);

// The baseline file: {"version": 1, "entries": [...]} with entries sorted by path, rule,
// fingerprint and occurrence, so the file diffs well. NL0002 (a bug in netlint) is never
// recorded.
std::string write_baseline(std::vector<BaselineEntry> entries);

// Reads a baseline file; false with `error` set when it is not one (a JSON object with
// "version": 1 and "entries"). Streamed: `read` fills a buffer and returns the bytes it put there,
// 0 at the end, -1 on an error; only the entries are kept, never the whole text or a tree.
using BaselineChunks = std::function<std::ptrdiff_t(char* buffer, std::size_t size)>;
bool read_baseline(const BaselineChunks& read, std::vector<BaselineEntry>& out, std::string& error);
bool read_baseline(std::string_view text, std::vector<BaselineEntry>& out, std::string& error);

// Removes the findings the baseline holds; returns how many.
std::size_t drop_baselined(const model::Model& model, std::vector<diag::Diagnostic>& findings,
                           std::vector<BaselineEntry> baseline, const std::string& root);

}  // namespace netlint::engine
