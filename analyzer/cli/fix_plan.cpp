#include "analyzer/cli/fix_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace netlint::cli {
namespace {

bool overlaps(const diag::Edit& a, const diag::Edit& b) {
  if (a.range.file != b.range.file) return false;
  // Two insertions at one point conflict too: their order would be a guess.
  if (a.range.begin == b.range.begin) return true;
  return a.range.begin < b.range.end && b.range.begin < a.range.end;
}

bool same_edit(const diag::Edit& a, const diag::Edit& b) {
  return a.range == b.range && a.replacement == b.replacement;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

}  // namespace

std::size_t FixPlan::applied_count() const {
  std::size_t n = 0;
  for (const FileFixes& f : files) n += f.applied.size();
  return n;
}

FixPlan plan_fixes(const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics, bool unsafe,
                   const std::vector<bool>& writable) {
  FixPlan plan;
  std::vector<diag::Edit> taken;
  std::map<FileId, std::vector<const diag::Diagnostic*>> applied;
  for (const diag::Diagnostic& d : diagnostics) {
    if (!d.fix || d.fix->edits.empty()) continue;
    if (!d.fix->applies(unsafe)) {
      ++plan.unsafe_left;
      continue;
    }
    bool usable = true;
    for (const diag::Edit& e : d.fix->edits) {
      const FileId f = e.range.file;
      usable = usable && f < model.files.size() && writable[f] && e.range.begin <= e.range.end &&
               e.range.end <= model.files[f].text.size();
    }
    if (!usable) continue;
    const bool repeated = std::all_of(d.fix->edits.begin(), d.fix->edits.end(), [&](const diag::Edit& e) {
      return std::any_of(taken.begin(), taken.end(), [&](const diag::Edit& t) { return same_edit(e, t); });
    });
    if (repeated) continue;
    const bool conflict = std::any_of(d.fix->edits.begin(), d.fix->edits.end(), [&](const diag::Edit& e) {
      return std::any_of(taken.begin(), taken.end(), [&](const diag::Edit& t) { return overlaps(e, t); });
    });
    if (conflict) {
      plan.skipped.push_back(&d);
      continue;
    }
    taken.insert(taken.end(), d.fix->edits.begin(), d.fix->edits.end());
    applied[d.fix->edits.front().range.file].push_back(&d);
  }

  std::map<FileId, std::vector<const diag::Edit*>> per_file;
  for (const diag::Edit& e : taken) per_file[e.range.file].push_back(&e);
  for (auto& entry : per_file) {
    std::vector<const diag::Edit*>& edits = entry.second;
    std::sort(edits.begin(), edits.end(),
              [](const diag::Edit* a, const diag::Edit* b) { return a->range.begin < b->range.begin; });
    const SourceFile& file = model.files[entry.first];
    FileFixes out;
    out.file = entry.first;
    out.path = file.path;
    out.before = file.text;
    std::size_t at = 0;
    for (const diag::Edit* e : edits) {
      out.after.append(file.text, at, e->range.begin - at);
      out.after += e->replacement;
      at = e->range.end;
    }
    out.after.append(file.text, at, std::string::npos);
    out.applied = std::move(applied[entry.first]);
    if (out.after != out.before) plan.files.push_back(std::move(out));
  }
  std::sort(plan.files.begin(), plan.files.end(),
            [](const FileFixes& a, const FileFixes& b) { return a.path < b.path; });
  return plan;
}

std::string unified_diff(const std::string& path, const std::string& before, const std::string& after) {
  if (before == after) return {};
  const std::vector<std::string> a = split_lines(before);
  const std::vector<std::string> b = split_lines(after);
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  constexpr std::size_t kContext = 3;
  // Hunks as pairs of [a_begin, a_end) / [b_begin, b_end) changed line spans, found greedily:
  // lines equal at the same distance from the last synchronised point are unchanged.
  struct Change {
    std::size_t a0, a1, b0, b1;
  };
  std::vector<Change> changes;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i;
      ++j;
      continue;
    }
    // Find the nearest resynchronisation point: the smallest k + l with a[i + k] == b[j + l]
    // followed by equal lines to the end of a short window.
    std::size_t best_k = a.size() - i;
    std::size_t best_l = b.size() - j;
    for (std::size_t sum = 1; sum < best_k + best_l; ++sum) {
      bool found = false;
      for (std::size_t k = 0; k <= sum; ++k) {
        const std::size_t l = sum - k;
        if (i + k >= a.size() || j + l >= b.size()) continue;
        if (a[i + k] == b[j + l]) {
          best_k = k;
          best_l = l;
          found = true;
          break;
        }
      }
      if (found) break;
    }
    changes.push_back({i, i + best_k, j, j + best_l});
    i += best_k;
    j += best_l;
  }
  // Group changes whose context windows touch into hunks.
  std::size_t c = 0;
  while (c < changes.size()) {
    std::size_t last = c;
    while (last + 1 < changes.size() && changes[last + 1].a0 <= changes[last].a1 + 2 * kContext) ++last;
    const std::size_t a_start = changes[c].a0 >= kContext ? changes[c].a0 - kContext : 0;
    const std::size_t a_stop = std::min(a.size(), changes[last].a1 + kContext);
    const std::size_t b_start = changes[c].b0 - (changes[c].a0 - a_start);
    const std::size_t b_stop = changes[last].b1 + (a_stop - changes[last].a1);
    std::string body;
    auto emit = [&](char sign, const std::string& line) {
      body += sign;
      body += line;
      if (line.empty() || line.back() != '\n') body += "\n\\ No newline at end of file\n";
    };
    std::size_t x = a_start;
    for (std::size_t k = c; k <= last; ++k) {
      for (; x < changes[k].a0; ++x) emit(' ', a[x]);
      for (std::size_t y = changes[k].a0; y < changes[k].a1; ++y) emit('-', a[y]);
      for (std::size_t y = changes[k].b0; y < changes[k].b1; ++y) emit('+', b[y]);
      x = changes[k].a1;
    }
    for (; x < a_stop; ++x) emit(' ', a[x]);
    // `-l,0` names the line before an empty range, as diff does.
    auto range = [](std::size_t start, std::size_t count) {
      return fmt::format("{},{}", count == 0 ? start : start + 1, count);
    };
    out += fmt::format("@@ -{} +{} @@\n", range(a_start, a_stop - a_start), range(b_start, b_stop - b_start));
    out += body;
    c = last + 1;
  }
  return out;
}

}  // namespace netlint::cli
