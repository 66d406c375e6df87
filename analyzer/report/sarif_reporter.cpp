#include "analyzer/report/sarif_reporter.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "analyzer/report/line_hash.h"
#include "analyzer/util/repo_path.h"
#include "analyzer/report/source_locator.h"

namespace netlint::report {
using Json = nlohmann::ordered_json;  // keys in the order written: readable, stable golden files

namespace sarif {

std::string percent_encode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved)
      out += ch;
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string artifact_uri(std::string_view path, std::string_view root) {
  const RepoPath p = repo_path(path, root);
  return p.inside ? percent_encode_path(p.path) : fmt::format("file://{}", percent_encode_path(p.path));
}

std::vector<std::string_view> rule_tags(std::string_view code) {
  std::vector<std::string_view> tags{"kubernetes"};
  const char family = code.size() > 2 ? code[2] : '?';
  switch (family) {
    case '0':
      tags.push_back("input");
      break;
    case '1':
      tags.push_back("service");
      break;
    case '2':
      tags.push_back("networkpolicy");
      break;
    case '3':
      tags.push_back("ingress");
      break;
    case '4':
      tags.push_back("dns");
      break;
    case '5':
      tags.insert(tags.end(), {"kube-proxy", "addressing"});
      break;
    case '6':
      tags.insert(tags.end(), {"ingress-nginx", "load-balancer"});
      break;
    default:
      break;
  }
  return tags;
}

// Input findings (a parse error, a wrong field type) are facts about the text, never guesses.
std::string_view rule_precision(std::string_view code) {
  return code.starts_with("NL0") ? "very-high" : "high";
}

std::string markdown_to_text(std::string_view markdown) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= markdown.size()) {
    std::size_t end = markdown.find('\n', pos);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(pos, end - pos);
    pos = end + 1;
    if (line.starts_with("```")) continue;  // fences go, their content stays
    if (line.starts_with("#")) {
      line.remove_prefix(std::min(line.find_first_not_of('#'), line.size()));
      if (line.starts_with(' ')) line.remove_prefix(1);
    }
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '`') continue;
      if ((c == '*' || c == '_') && i + 1 < line.size() && line[i + 1] == c) {
        ++i;  // ** and __ (bold); single * and _ stay (list bullets, snake_case)
        continue;
      }
      if (c == '[') {
        // [text](url) -> text (url)
        const std::size_t close = line.find("](", i);
        const std::size_t paren = close == std::string_view::npos ? close : line.find(')', close);
        if (paren != std::string_view::npos) {
          out += line.substr(i + 1, close - i - 1);
          out += fmt::format(" ({})", line.substr(close + 2, paren - close - 2));
          i = paren;
          continue;
        }
      }
      out += c;
    }
    if (pos <= markdown.size()) out += '\n';
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string first_paragraph(std::string_view markdown) {
  constexpr std::size_t kMax = 1024;  // GitHub's limit for fullDescription.text
  std::string paragraph;
  std::size_t pos = 0;
  while (pos < markdown.size()) {
    std::size_t end = markdown.find('\n', pos);
    if (end == std::string_view::npos) end = markdown.size();
    const std::string_view line = markdown.substr(pos, end - pos);
    pos = end + 1;
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (line.starts_with("#") || blank) {
      if (!paragraph.empty()) break;
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line;
  }
  std::string text = markdown_to_text(paragraph);
  if (text.size() > kMax) {
    std::size_t cut = kMax - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole code points
    text = fmt::format("{}...", std::string_view(text).substr(0, cut));
  }
  return text;
}

}  // namespace sarif

namespace {

std::string_view level(diag::Severity severity) {
  return diag::severity_name(severity);
}

std::string_view problem_severity(diag::Severity severity) {
  return severity == diag::Severity::kNote ? "recommendation" : diag::severity_name(severity);
}

// A sentence for viewers that show the first one as a title: capitalised, ending with a period
// (the multitool's SARIF2001 wants messages terminated).
std::string sentence(std::string_view text) {
  std::string out(text);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  if (out.empty()) return out;
  if (out.front() >= 'a' && out.front() <= 'z') out.front() = static_cast<char>(out.front() - 'a' + 'A');
  if (out.back() != '.' && out.back() != '!' && out.back() != '?') out += '.';
  return out;
}

Json rule_descriptor(const diag::RuleInfo& rule, const SarifOptions& options) {
  const std::string summary = sentence(rule.summary);
  std::string full = sarif::first_paragraph(rule.doc);
  full = full.empty() ? summary : sentence(full);
  const std::string help_text = rule.doc.empty() ? summary : sarif::markdown_to_text(rule.doc);
  const std::string help_markdown = rule.doc.empty() ? summary : std::string(rule.doc);
  Json tags = Json::array();
  for (const std::string_view tag : sarif::rule_tags(rule.code)) tags.push_back(tag);
  tags.push_back(fmt::format("group:{}", diag::group_name(rule.group)));
  std::string base = options.help_uri_base;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return Json{
      {"id", rule.code},
      {"name", rule.name},
      {"shortDescription", {{"text", summary}}},
      {"fullDescription", {{"text", full}}},
      {"help", {{"text", help_text}, {"markdown", help_markdown}}},
      {"helpUri", fmt::format("{}/{}.md", base, rule.name)},
      // Rules outside the default selection (best-practice, nursery) are listed but not enabled.
      {"defaultConfiguration", {{"level", level(rule.severity)}, {"enabled", diag::default_selected(rule.group)}}},
      {"properties",
       {{"tags", tags},
        {"precision", sarif::rule_precision(rule.code)},
        {"problem.severity", problem_severity(rule.severity)}}},
  };
}

class ResultWriter {
 public:
  ResultWriter(const model::Model& model, const SarifOptions& options)
      : model_(model), options_(options), locator_(model) {}

  // physicalLocation of a valid range; also returns the start line for the fingerprint.
  Json physical_location(const SourceRange& range, std::uint32_t& start_line) {
    const ResolvedRange r = locator_.resolve(range);
    start_line = r.start.line;
    return Json{{"artifactLocation", artifact(range.file)},
                {"region",
                 {{"startLine", r.start.line},
                  {"startColumn", r.start.column_utf16},
                  {"endLine", r.end.line},
                  {"endColumn", r.end.column_utf16}}}};
  }

  // result.fixes[0] (SARIF 3.55): the edits grouped per file, each a deletedRegion (in the
  // same UTF-16 columns as locations) and its insertedContent; the applicability is a property.
  Json fix(const diag::Fix& fix) {
    Json changes = Json::array();
    std::map<FileId, Json> per_file;
    std::vector<FileId> order;
    for (const diag::Edit& e : fix.edits) {
      if (!e.range.valid()) continue;
      const ResolvedRange r = locator_.resolve(e.range);
      Json replacement{{"deletedRegion",
                        {{"startLine", r.start.line},
                         {"startColumn", r.start.column_utf16},
                         {"endLine", r.end.line},
                         {"endColumn", r.end.column_utf16}}},
                       {"insertedContent", {{"text", e.replacement}}}};
      auto [it, inserted] = per_file.try_emplace(e.range.file, Json::array());
      if (inserted) order.push_back(e.range.file);
      it->second.push_back(std::move(replacement));
    }
    for (const FileId file : order) {
      changes.push_back({{"artifactLocation", artifact(file)}, {"replacements", std::move(per_file[file])}});
    }
    return Json{{"description", {{"text", sentence(fix.title)}}},
                {"artifactChanges", std::move(changes)},
                {"properties", {{"applicability", diag::applicability_name(fix.applicability)}}}};
  }

  // A finding without a location (an internal error outside any object) still needs one:
  // GitHub rejects results without (multitool GH1015/GH1017/GH2012). It is anchored at the
  // start of the first reported file, the file the run was about; the message says the rest.
  std::optional<SourceRange> fallback_range() const {
    for (const SourceFile& file : model_.files) {
      if (file.reported && file.path != "-") return SourceRange{file.id, 0, 0};
    }
    return std::nullopt;
  }

  std::string fingerprint(FileId file, std::uint32_t line) {
    auto& hashes = hashes_[file];
    if (!hashes) hashes = std::make_unique<std::vector<std::string>>(line_hashes(model_.file(file).text));
    return line >= 1 && line <= hashes->size() ? (*hashes)[line - 1] : std::string();
  }

 private:
  Json artifact(FileId file) {
    auto [it, inserted] = uris_.try_emplace(file);
    if (inserted) {
      const std::string& path = model_.file(file).path;
      it->second = path == "-" ? std::string("-") : sarif::artifact_uri(path, options_.root);
    }
    Json location{{"uri", it->second}};
    if (!it->second.starts_with("file:")) location["uriBaseId"] = "%SRCROOT%";
    return location;
  }

  const model::Model& model_;
  const SarifOptions& options_;
  SourceLocator locator_;
  std::unordered_map<FileId, std::string> uris_;
  std::unordered_map<FileId, std::unique_ptr<std::vector<std::string>>> hashes_;
};

// tool.driver.notifications[0]: what NL0006 notes are. GitHub wants every reporting descriptor
// to carry shortDescription, fullDescription and help.text (multitool GH2012), rules or not.
Json notification_descriptor(const SarifOptions& options) {
  const diag::RuleInfo fallback{.code = engine::kViewNoteCode,
                                .name = "ambiguous-view",
                                .severity = diag::Severity::kNote,
                                .summary = "run-level notes: statements about the view, never findings",
                                .doc = ""};
  const diag::RuleInfo& info = options.view_note_info != nullptr ? *options.view_note_info : fallback;
  const std::string summary = sentence(info.summary);
  std::string full = sarif::first_paragraph(info.doc);
  full = full.empty() ? summary : sentence(full);
  std::string base = options.help_uri_base;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return Json{
      {"id", engine::kViewNoteCode},
      {"name", info.name},
      {"shortDescription", {{"text", summary}}},
      {"fullDescription", {{"text", full}}},
      {"help",
       {{"text", info.doc.empty() ? summary : sarif::markdown_to_text(info.doc)},
        {"markdown", info.doc.empty() ? summary : std::string(info.doc)}}},
      {"helpUri", fmt::format("{}/{}.md", base, info.name)},
      {"defaultConfiguration", {{"level", "note"}}},
  };
}

bool configuration_topic(std::string_view topic) {
  return topic == "config-overrides-detection" || topic == "selection";
}

}  // namespace

void write_sarif(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                 std::span<const diag::RuleInfo* const> rules, const SarifOptions& options, const ViewReport& view) {
  std::vector<const diag::RuleInfo*> rule_list;
  // NL0006 is no rule (RULES.md: it leaves tool.driver.rules); its notes are notifications.
  for (const diag::RuleInfo* rule : rules) {
    if (!rule->run_level) rule_list.push_back(rule);
  }
  std::map<std::string_view, std::size_t> rule_index;
  for (std::size_t i = 0; i < rule_list.size(); ++i) rule_index.emplace(rule_list[i]->code, i);
  for (const diag::Diagnostic& d : diagnostics) {
    if (rule_index.emplace(d.rule->code, rule_list.size()).second) rule_list.push_back(d.rule);
  }

  Json rules_json = Json::array();
  for (const diag::RuleInfo* rule : rule_list) rules_json.push_back(rule_descriptor(*rule, options));

  ResultWriter writer(model, options);
  Json results = Json::array();
  for (const diag::Diagnostic& d : diagnostics) {
    std::string text = sentence(d.message);
    if (!d.help.empty()) text = fmt::format("{} {}", text, sentence(d.help));
    Json result{{"ruleId", d.rule->code},
                {"ruleIndex", rule_index.at(d.rule->code)},
                {"level", level(d.severity)},
                {"message", {{"text", text}}}};
    const std::optional<SourceRange> range = d.range.valid() ? std::optional(d.range) : writer.fallback_range();
    std::uint32_t start_line = 1;
    if (range) {
      result["locations"] = Json::array({{{"physicalLocation", writer.physical_location(*range, start_line)}}});
    }
    Json related = Json::array();
    for (const diag::RelatedLocation& rel : d.related) {
      if (!rel.range.valid()) continue;
      std::uint32_t ignored = 0;
      related.push_back({{"id", related.size() + 1},
                         {"physicalLocation", writer.physical_location(rel.range, ignored)},
                         {"message", {{"text", sentence(rel.message)}}}});
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    if (range) {
      if (std::string hash = writer.fingerprint(range->file, start_line); !hash.empty()) {
        result["partialFingerprints"] = {{"primaryLocationLineHash", std::move(hash)}};
      }
    }
    if (d.fix && !d.fix->edits.empty()) result["fixes"] = Json::array({writer.fix(*d.fix)});
    if (!d.clusters.empty()) result["properties"] = {{"clusters", d.clusters}};
    results.push_back(std::move(result));
  }

  Json configuration_notes = Json::array();
  Json execution_notes = Json::array();
  for (const ViewNote& note : view.notes) {
    Json notification{{"descriptor", {{"id", engine::kViewNoteCode}, {"index", 0}}},
                      {"level", "note"},
                      {"message", {{"text", sentence(note.message)}}}};
    Json locations = Json::array();
    for (const NoteEvidence& e : note.evidence) {
      if (!e.range.valid()) continue;
      std::uint32_t ignored = 0;
      Json location{{"physicalLocation", writer.physical_location(e.range, ignored)}};
      if (!e.message.empty()) location["message"] = {{"text", sentence(e.message)}};
      locations.push_back(std::move(location));
    }
    if (!locations.empty()) notification["locations"] = std::move(locations);
    notification["properties"] = {{"topic", note.topic}};
    if (!note.clusters.empty()) notification["properties"]["clusters"] = note.clusters;
    (configuration_topic(note.topic) ? configuration_notes : execution_notes).push_back(std::move(notification));
  }
  Json invocation{{"executionSuccessful", options.execution_successful}};
  if (!configuration_notes.empty()) invocation["toolConfigurationNotifications"] = std::move(configuration_notes);
  if (!execution_notes.empty()) invocation["toolExecutionNotifications"] = std::move(execution_notes);

  Json run{{"tool",
            {{"driver",
              {{"name", "netlint"},
               {"semanticVersion", NETLINT_VERSION},
               {"informationUri", kInformationUri},
               {"rules", std::move(rules_json)},
               {"notifications", Json::array({notification_descriptor(options)})}}}}}};
  run["invocations"] = Json::array({std::move(invocation)});
  if (!options.category.empty()) run["automationDetails"] = {{"id", options.category}};
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = std::move(results);

  const Json log{{"$schema", kSarifSchemaUri}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
  // Invalid UTF-8 in a message (quoted from a damaged file) becomes U+FFFD instead of throwing.
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace netlint::report
