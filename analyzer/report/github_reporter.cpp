#include "analyzer/report/github_reporter.h"

#include <fmt/format.h>

#include "analyzer/util/repo_path.h"
#include "analyzer/report/source_locator.h"
#include "analyzer/util/display_text.h"

namespace netlint::report {
namespace {

std::string_view command(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::kError:
      return "error";
    case diag::Severity::kWarning:
      return "warning";
    case diag::Severity::kNote:
      return "notice";
  }
  return "warning";
}

std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string display_path(std::string_view path, std::string_view root) {
  return path == "-" ? std::string(path) : repo_path(path, root).path;
}

// `path:line:col` of a related location, for the message.
std::string where(SourceLocator& locator, const SourceRange& range, std::string_view root) {
  const ResolvedRange r = locator.resolve(range);
  return fmt::format("{}:{}:{}", display_path(r.path, root), r.start.line, r.start.column);
}

}  // namespace

std::string github_escape_data(std::string_view text) {
  return escape(text, false);
}
std::string github_escape_property(std::string_view text) {
  return escape(text, true);
}

void write_github(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                  std::string_view root, std::span<const ViewNote> notes) {
  SourceLocator locator(model);
  for (const diag::Diagnostic& d : diagnostics) {
    std::string properties;
    if (d.range.valid()) {
      const ResolvedRange r = locator.resolve(d.range);
      properties = fmt::format("file={},line={},col={},endLine={},endColumn={},",
                               github_escape_property(printable(display_path(r.path, root))), r.start.line,
                               r.start.column, r.end.line, r.end.column);
    }
    properties += "title=" + github_escape_property(fmt::format("{} {}", d.rule->code, d.rule->name));
    // The annotation shows the message as written: help and related locations on lines of their own.
    // The pieces come from manifests: their own controls are escaped (display_text.h) before the
    // line breaks between them are added.
    std::string message = printable(d.message);
    if (!d.help.empty()) message += fmt::format("\nhelp: {}", printable(d.help));
    for (const diag::RelatedLocation& rel : d.related) {
      if (rel.range.valid())
        message += fmt::format("\nnote: {}: {}", printable(where(locator, rel.range, root)), printable(rel.message));
    }
    if (!d.clusters.empty()) {
      message += '\n';  // two statements: `"\n" + std::string` trips GCC 12's false -Wrestrict (bug 105329)
      message += printable(
          fmt::format("[{} {}]", d.clusters.size() == 1 ? "cluster" : "clusters", fmt::join(d.clusters, ", ")));
    }
    out << "::" << command(d.severity) << ' ' << properties << "::" << github_escape_data(message) << '\n';
  }
  for (const ViewNote& note : notes) {
    std::string message = printable(note.message);
    if (!note.clusters.empty()) {
      message += '\n';
      message += printable(
          fmt::format("[{} {}]", note.clusters.size() == 1 ? "cluster" : "clusters", fmt::join(note.clusters, ", ")));
    }
    out << "::notice title="
        << github_escape_property(printable(fmt::format("{} {}", engine::kViewNoteCode, note.topic)))
        << "::" << github_escape_data(message) << '\n';
  }
}

}  // namespace netlint::report
