#include "analyzer/lsp/diagnostics.h"

#include <fmt/format.h>

#include "analyzer/lsp/code_actions.h"
#include "analyzer/lsp/positions.h"
#include "analyzer/report/sarif_reporter.h"

namespace netlint::lsp {
namespace {

int lsp_severity(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::kError:
      return 1;
    case diag::Severity::kWarning:
      return 2;
    case diag::Severity::kNote:
      return 3;
  }
  return 3;
}

std::string full_message(const diag::Diagnostic& d) {
  std::string message = d.message;
  if (!d.clusters.empty()) {
    message += fmt::format(" [cluster{} {}]", d.clusters.size() == 1 ? "" : "s", fmt::join(d.clusters, ", "));
  }
  if (!d.help.empty()) message += "\nhelp: " + d.help;
  return message;
}

}  // namespace

std::string rule_doc_url(const diag::RuleInfo& rule) {
  std::string base(report::kDefaultHelpUriBase);
  return fmt::format("{}/{}.md", base, rule.name);
}

const LineIndex& DiagnosticConverter::index(FileId file) {
  auto& slot = indexes_[file];
  if (!slot) slot = std::make_unique<LineIndex>(model_.file(file).text);
  return *slot;
}

nlohmann::json DiagnosticConverter::range(const SourceRange& range) {
  const std::string& text = model_.file(range.file).text;
  const Position start = to_position(index(range.file), text, range.begin);
  const Position end = to_position(index(range.file), text, std::max(range.begin, range.end));
  return {{"start", {{"line", start.line}, {"character", start.character}}},
          {"end", {{"line", end.line}, {"character", end.character}}}};
}

nlohmann::json DiagnosticConverter::convert(const diag::Diagnostic& d) {
  nlohmann::json out = {
      {"range", range(d.range)},
      {"severity", lsp_severity(d.severity)},
      {"code", std::string(d.rule->code)},
      {"codeDescription", {{"href", rule_doc_url(*d.rule)}}},
      {"source", "netlint"},
      {"message", full_message(d)},
  };
  nlohmann::json related = nlohmann::json::array();
  for (const diag::RelatedLocation& r : d.related) {
    if (!r.range.valid() || r.range.file >= model_.files.size()) continue;
    const std::string uri = uri_of_(model_.file(r.range.file));
    if (uri.empty()) continue;
    related.push_back({{"location", {{"uri", uri}, {"range", range(r.range)}}}, {"message", r.message}});
  }
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  if (d.fix) {
    nlohmann::json fix = fix_data(
        *d.fix, [this](const SourceRange& r) { return range(r); },
        [this](FileId f) { return f < model_.files.size() ? uri_of_(model_.file(f)) : std::string(); });
    if (!fix.is_null()) out["data"] = {{"fix", std::move(fix)}};
  }
  return out;
}

std::string log_line(const diag::Diagnostic& d, const model::Model& model) {
  std::string where;
  if (d.range.valid() && d.range.file < model.files.size()) {
    const SourceFile& file = model.file(d.range.file);
    const LineColumn at = LineIndex(file.text).position(file.text, d.range.begin);
    where = fmt::format("{}:{}:{}: ", file.path, at.line, at.column);
  }
  return fmt::format("{}{}: {} [{}]", where, diag::severity_name(d.severity), full_message(d), d.rule->code);
}

}  // namespace netlint::lsp
