#include "analyzer/engine/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <tuple>

#include "analyzer/util/json_writer.h"
#include "analyzer/yaml/node_ref.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::engine {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kInternalError = "NL0002";

// FNV-1a, 64 bits: stable across platforms and releases, which std::hash is not.
class Fnv {
 public:
  void add(std::string_view text) {
    for (const char c : text) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ull;
    }
    hash_ ^= 0xffu;  // a separator that no text byte sequence can imitate across fields
    hash_ *= 0x100000001b3ull;
  }
  std::string hex() const { return fmt::format("{:016x}", hash_); }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ull;
};

std::string without_blanks(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  }
  return out;
}

auto identity(const BaselineEntry& e) { return std::tie(e.path, e.rule, e.fingerprint, e.occurrence); }

}  // namespace

bool BaselineEntry::same(const BaselineEntry& other) const { return identity(*this) == identity(other); }

std::string repository_path(const std::string& path, const std::string& root) {
  if (path == "-" || path.empty()) return path;
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec || root.empty()) return fs::path(path).lexically_normal().generic_string();
  const fs::path base = fs::absolute(root, ec).lexically_normal();
  const fs::path relative = absolute.lexically_relative(base);
  if (ec || relative.empty()) return absolute.generic_string();
  return relative.generic_string();
}

std::vector<BaselineEntry> baseline_entries(const model::Model& model, std::span<const diag::Diagnostic> findings,
                                            const std::string& root) {
  std::map<FileId, std::unique_ptr<LineIndex>> lines;
  std::map<FileId, std::string> paths;
  std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t> seen;
  std::vector<BaselineEntry> out;
  out.reserve(findings.size());
  for (const diag::Diagnostic& d : findings) {
    BaselineEntry e;
    e.rule = std::string(d.rule->code);
    e.message = d.message;
    std::string line;
    if (d.range.valid()) {
      const SourceFile& file = model.file(d.range.file);
      auto [path, fresh] = paths.try_emplace(file.id);
      if (fresh) path->second = repository_path(file.path, root);
      e.path = path->second;
      std::unique_ptr<LineIndex>& index = lines[file.id];
      if (!index) index = std::make_unique<LineIndex>(file.text);
      line = without_blanks(index->line_text(file.text, index->position(file.text, d.range.begin).line));
    }
    Fnv hash;
    hash.add(e.rule);
    hash.add(e.path);
    hash.add(e.message);
    hash.add(line);
    e.fingerprint = hash.hex();
    e.occurrence = ++seen[{e.rule, e.path, e.fingerprint}];
    out.push_back(std::move(e));
  }
  return out;
}

std::string write_baseline(std::vector<BaselineEntry> entries) {
  std::erase_if(entries, [](const BaselineEntry& e) { return e.rule == kInternalError; });
  std::sort(entries.begin(), entries.end(),
            [](const BaselineEntry& a, const BaselineEntry& b) { return identity(a) < identity(b); });
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object();
  json.key("version").value(static_cast<std::int64_t>(kBaselineVersion));
  json.key("entries").begin_array();
  for (const BaselineEntry& e : entries) {
    json.begin_object();
    json.key("rule").value(e.rule);
    json.key("path").value(e.path);
    json.key("fingerprint").value(e.fingerprint);
    json.key("occurrence").value(e.occurrence);
    json.key("message").value(e.message);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out << '\n';
  return out.str();
}

bool read_baseline(std::string_view text, std::vector<BaselineEntry>& out, std::string& error) {
  // JSON is YAML: netlint's own parser reads it (nlohmann-json stays in the SARIF unit).
  const yaml::ParseResult parsed = yaml::parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
  if (parsed.error || !parsed.tree) {
    error = parsed.error ? "not JSON: " + parsed.error->message : "empty";
    return false;
  }
  const yaml::NodeRef root = yaml::root_of(*parsed.tree);
  if (!root.is_map() || root.get("version").scalar() != std::to_string(kBaselineVersion)) {
    error = fmt::format("not a netlint baseline of version {}", kBaselineVersion);
    return false;
  }
  const yaml::NodeRef entries = root.get("entries");
  if (!entries.is_sequence()) {
    error = "no 'entries' list";
    return false;
  }
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    const yaml::NodeRef item = entries.item(i);
    BaselineEntry e;
    e.rule = item.get("rule").scalar();
    e.path = item.get("path").scalar();
    e.fingerprint = item.get("fingerprint").scalar();
    e.message = item.get("message").scalar();
    const std::string& occurrence = item.get("occurrence").scalar();
    const auto [end, ec] = std::from_chars(occurrence.data(), occurrence.data() + occurrence.size(), e.occurrence);
    if (!item.is_map() || e.rule.empty() || e.fingerprint.empty() || ec != std::errc() ||
        end != occurrence.data() + occurrence.size()) {
      error = fmt::format("entry {} needs rule, path, fingerprint and occurrence", i + 1);
      return false;
    }
    out.push_back(std::move(e));
  }
  return true;
}

std::size_t drop_baselined(const model::Model& model, std::vector<diag::Diagnostic>& findings,
                           std::span<const BaselineEntry> baseline, const std::string& root) {
  if (baseline.empty() || findings.empty()) return 0;
  std::vector<BaselineEntry> known(baseline.begin(), baseline.end());
  std::sort(known.begin(), known.end(), [](const BaselineEntry& a, const BaselineEntry& b) { return identity(a) < identity(b); });
  const std::vector<BaselineEntry> current = baseline_entries(model, findings, root);
  const std::size_t before = findings.size();
  std::vector<diag::Diagnostic> kept;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const bool known_finding =
        findings[i].rule->code != kInternalError &&
        std::binary_search(known.begin(), known.end(), current[i],
                           [](const BaselineEntry& a, const BaselineEntry& b) { return identity(a) < identity(b); });
    if (!known_finding) kept.push_back(std::move(findings[i]));
  }
  findings = std::move(kept);
  return before - findings.size();
}

}  // namespace netlint::engine
