#include "analyzer/engine/build_merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace netlint::engine {
namespace {

// Characters of a Kubernetes name or namespace (and of the words around one in a message).
bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

enum class Side { kWhole, kStart, kEnd };

// Replaces `word` where it is a whole token (kWhole), starts one (kStart) or ends one (kEnd).
std::string mask(std::string text, std::string_view word, std::string_view marker, Side side) {
  if (word.empty()) return text;
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    if (at < from) continue;
    const bool starts = at == 0 || !name_char(text[at - 1]);
    const bool ends = at + word.size() == text.size() || !name_char(text[at + word.size()]);
    const bool fits = side == Side::kWhole ? starts && ends : side == Side::kStart ? starts : ends;
    if (!fits) continue;
    out.append(text, from, at - from);
    out.append(marker);
    from = at + word.size();
  }
  out.append(text, from, std::string::npos);
  return out;
}

// The build a finding comes from: the one reading its anchor file, else a related location's.
const model::KustomizeBuild* build_of(const diag::Diagnostic& d, const model::Model& model,
                                      const std::map<std::string, const model::KustomizeBuild*>& builds) {
  const auto of = [&](const SourceRange& r) -> const model::KustomizeBuild* {
    if (!r.valid() || r.file >= model.files.size()) return nullptr;
    const auto it = builds.find(model.file(r.file).apply_build);
    return it == builds.end() ? nullptr : it->second;
  };
  if (const model::KustomizeBuild* b = of(d.range)) return b;
  for (const diag::RelatedLocation& r : d.related) {
    if (const model::KustomizeBuild* b = of(r.range)) return b;
  }
  return nullptr;
}

FileId original(const model::Model& model, FileId f) {
  const FileId copied = model.file(f).build_copy_of;
  return copied == kNoFile ? f : copied;
}

// The first line of a file, as the related location naming a build.
SourceRange first_line(const model::Model& model, FileId f) {
  const std::string& text = model.file(f).text;
  const std::size_t end = std::min(text.find('\n'), text.size());
  return {f, 0, static_cast<std::uint32_t>(end)};
}

}  // namespace

std::string mask_build_names(std::string_view message, const model::KustomizeBuild& build) {
  std::string out(message);
  out = mask(std::move(out), build.namespace_name, "\x01ns", Side::kWhole);
  for (const std::string& prefix : build.name_prefixes) out = mask(std::move(out), prefix, "\x01prefix", Side::kStart);
  for (const std::string& suffix : build.name_suffixes) out = mask(std::move(out), suffix, "\x01suffix", Side::kEnd);
  return out;
}

void merge_alike_builds(std::vector<diag::Diagnostic>& diagnostics, const model::Model& model) {
  if (model.builds.empty()) return;
  std::map<std::string, const model::KustomizeBuild*> builds;
  for (const model::KustomizeBuild& b : model.builds) builds.emplace(b.root, &b);
  using Key = std::tuple<std::string_view, FileId, std::uint32_t, std::uint32_t, std::string>;
  std::map<Key, std::size_t> first;                                        // key -> index of the finding kept
  std::map<std::size_t, std::vector<const model::KustomizeBuild*>> named;  // kept -> its builds
  std::vector<bool> drop(diagnostics.size(), false);
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const diag::Diagnostic& d = diagnostics[i];
    if (!d.range.valid()) continue;
    const model::KustomizeBuild* build = build_of(d, model, builds);
    if (build == nullptr) continue;
    Key key{d.rule->code, original(model, d.range.file), d.range.begin, d.range.end,
            mask_build_names(d.message, *build)};
    const auto [it, added] = first.emplace(std::move(key), i);
    std::vector<const model::KustomizeBuild*>& list = named[it->second];
    if (added) {
      list.push_back(build);
      continue;
    }
    // The same build twice (two objects of one build) is not "several builds": both stay.
    if (std::find(list.begin(), list.end(), build) != list.end()) continue;
    list.push_back(build);
    drop[i] = true;
  }
  for (auto& [kept, list] : named) {
    diag::Diagnostic& d = diagnostics[kept];
    std::vector<std::string> roots;
    for (const model::KustomizeBuild* b : list) {
      roots.push_back(b->root);
      // The root kustomization is related to every finding of its build (RULES.md "Kustomize",
      // Anchoring), unless the finding already anchors in it.
      const bool anchored_there = original(model, d.range.file) == b->root_file;
      if (b->root_file != kNoFile && b->root_file < model.files.size() && !anchored_there) {
        d.related.push_back({first_line(model, b->root_file), "built by " + b->root});
      }
    }
    if (list.size() >= 2) d.message += fmt::format(" [builds {}]", fmt::join(roots, ", "));
  }
  std::vector<diag::Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (std::size_t j = 0; j < diagnostics.size(); ++j) {
    if (!drop[j]) kept.push_back(std::move(diagnostics[j]));
  }
  diagnostics = std::move(kept);
}

}  // namespace netlint::engine
