#include "analyzer/report/text_reporter.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analyzer/report/source_locator.h"

namespace netlint::report {
namespace {

struct Palette {
  std::string_view bold, red, yellow, cyan, green, reset;
};
constexpr Palette kColor{"\033[1m", "\033[1;31m", "\033[1;35m", "\033[1;36m", "\033[1;32m", "\033[0m"};
constexpr Palette kPlain{"", "", "", "", "", ""};

std::string_view severity_color(diag::Severity s, const Palette& p) {
  switch (s) {
    case diag::Severity::kError: return p.red;
    case diag::Severity::kWarning: return p.yellow;
    case diag::Severity::kNote: return p.cyan;
  }
  return p.reset;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The source line and a caret line under [start, end) (clipped to the line), indented like
// clang: " 12 | text" / "    |   ^~~~".
void write_excerpt(std::ostream& out, SourceLocator& locator, const SourceRange& range, const Palette& p) {
  if (locator.in_secret(range)) {
    out << "      | (source of a Secret is not shown)\n";
    return;
  }
  const ResolvedRange r = locator.resolve(range);
  const std::string_view line = locator.line_text(range.file, r.start.line);
  const std::string number = std::to_string(r.start.line);
  const std::string gutter(number.size() + 1, ' ');
  out << fmt::format(" {} | {}\n", number, line);
  // Keep tabs as tabs so the caret lines up however the terminal renders them.
  std::string pad;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < line.size() && column < r.start.column; ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if ((byte & 0xC0) == 0x80) continue;
    pad += line[i] == '\t' ? '\t' : ' ';
    ++column;
  }
  std::size_t width = 1;
  if (r.end.line == r.start.line && r.end.column > r.start.column) {
    width = r.end.column - r.start.column;
  } else if (r.end.line > r.start.line) {
    const std::size_t length = code_points(line);
    width = length >= r.start.column ? length - r.start.column + 1 : 1;
  }
  out << fmt::format("{} | {}{}^{}{}\n", gutter, pad, p.green, std::string(width - 1, '~'), p.reset);
}

}  // namespace

void write_text(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                const RunSummary& summary, const TextOptions& options) {
  const Palette& p = options.color ? kColor : kPlain;
  SourceLocator locator(model);
  for (const diag::Diagnostic& d : diagnostics) {
    std::string tag = fmt::format("[{} {}]", d.rule->code, d.rule->name);
    if (!d.clusters.empty()) tag += fmt::format(" [cluster{} {}]", d.clusters.size() == 1 ? "" : "s", fmt::join(d.clusters, ", "));
    const std::string_view severity = diag::severity_name(d.severity);
    if (d.range.valid()) {
      const ResolvedRange r = locator.resolve(d.range);
      out << fmt::format("{}{}:{}:{}:{} {}{}:{} {} {}\n", p.bold, r.path, r.start.line, r.start.column, p.reset,
                         severity_color(d.severity, p), severity, p.reset, d.message, tag);
      write_excerpt(out, locator, d.range, p);
    } else {
      out << fmt::format("netlint: {}{}:{} {} {}\n", severity_color(d.severity, p), severity, p.reset, d.message, tag);
    }
    if (!d.help.empty()) out << fmt::format("  {}help:{} {}\n", p.bold, p.reset, d.help);
    for (const diag::RelatedLocation& rel : d.related) {
      if (!rel.range.valid()) continue;
      const ResolvedRange r = locator.resolve(rel.range);
      out << fmt::format("{}{}:{}:{}:{} {}note:{} {}\n", p.bold, r.path, r.start.line, r.start.column, p.reset, p.cyan,
                         p.reset, rel.message);
      write_excerpt(out, locator, rel.range, p);
    }
  }
  out << summary_line(summary, options.timing) << '\n';
}

}  // namespace netlint::report
