#include "analyzer/report/text_reporter.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyzer/report/source_locator.h"
#include "analyzer/util/display_text.h"

namespace netlint::report {
namespace {

struct Palette {
  std::string_view bold, red, yellow, cyan, green, reset;
};
constexpr Palette kColor{"\033[1m", "\033[1;31m", "\033[1;35m", "\033[1;36m", "\033[1;32m", "\033[0m"};
constexpr Palette kPlain{"", "", "", "", "", ""};

std::string_view severity_color(diag::Severity s, const Palette& p) {
  switch (s) {
    case diag::Severity::kError:
      return p.red;
    case diag::Severity::kWarning:
      return p.yellow;
    case diag::Severity::kNote:
      return p.cyan;
  }
  return p.reset;
}

// One column of a source line, as the locator counts columns: a lead byte and the continuation
// bytes after it. Shown as the code point, or escaped (display_text.h) when it is a control or
// not valid UTF-8, so a damaged or hostile line cannot drive the terminal.
struct Column {
  std::string shown;
  std::size_t width = 1;  // columns the shown text takes (escapes are ASCII, one per byte)
  bool tab = false;
};

std::vector<Column> columns_of(std::string_view line, std::size_t from, std::size_t to) {
  std::vector<Column> out;
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size() && column < to;) {
    std::size_t next = i + 1;
    while (next < line.size() && (static_cast<unsigned char>(line[next]) & 0xC0) == 0x80) ++next;
    if (column >= from) {
      const std::string_view unit = line.substr(i, next - i);
      const utf8::CodePoint c = utf8::decode(unit, 0);
      Column col;
      if (c.valid && c.length == unit.size()) {
        col.shown = printable_code_point(c, unit);
      } else {
        for (char b : unit) col.shown += fmt::format("\\x{:02x}", static_cast<unsigned>(static_cast<unsigned char>(b)));
      }
      col.tab = unit == "\t";
      col.width = col.shown.size() == unit.size() && c.valid ? 1 : col.shown.size();
      out.push_back(std::move(col));
    }
    ++column;
    i = next;
  }
  return out;
}

std::size_t column_count(std::string_view line) {
  std::size_t n = 0;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// A line longer than kClipAbove columns is shown as kExcerptColumns columns around the range: a
// minified 50 MB line would otherwise be printed whole for every finding on it. Ordinary lines
// (a trailing comment makes them long) are shown whole.
constexpr std::size_t kClipAbove = 512;
constexpr std::size_t kExcerptColumns = 240;
constexpr std::size_t kExcerptLeadIn = 80;  // columns shown before the range when clipping

// The source line and a caret line under [start, end) (clipped to the line), indented like
// clang: " 12 | text" / "    |   ^~~~".
void write_excerpt(std::ostream& out, SourceLocator& locator, const SourceRange& range, const Palette& p) {
  if (locator.in_secret(range)) {
    out << "      | (source of a Secret is not shown)\n";
    return;
  }
  const ResolvedRange r = locator.resolve(range);
  const std::string_view line = locator.line_text(range.file, r.start.line);
  const std::size_t length = column_count(line);
  const std::size_t start = r.start.column > 0 ? r.start.column - 1 : 0;  // 0-based
  std::size_t end = start + 1;
  if (r.end.line == r.start.line && r.end.column > r.start.column)
    end = r.end.column - 1;
  else if (r.end.line > r.start.line)
    end = std::max(length, start + 1);
  std::size_t from = 0, to = length;
  if (length > kClipAbove) {
    from = start > kExcerptLeadIn ? start - kExcerptLeadIn : 0;
    to = std::min(length, from + kExcerptColumns);
  }
  const std::vector<Column> shown = columns_of(line, from, to);
  std::string text = from > 0 ? "\u2026" : "";
  std::string pad = from > 0 ? " " : "";
  std::size_t width = 0;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const Column& c = shown[i];
    text += c.shown;
    const std::size_t column = from + i;
    // Keep tabs as tabs so the caret lines up however the terminal renders them.
    if (column < start)
      pad += c.tab ? std::string("\t") : std::string(c.width, ' ');
    else if (column < end)
      width += c.width;
  }
  if (to < length) text += "\u2026";
  width = std::max<std::size_t>(width, 1);
  const std::string number = std::to_string(r.start.line);
  const std::string gutter(number.size() + 1, ' ');
  out << fmt::format(" {} | {}\n", number, text);
  out << fmt::format("{} | {}{}^{}{}\n", gutter, pad, p.green, std::string(width - 1, '~'), p.reset);
}

bool fixable(const diag::Diagnostic& d, const TextOptions& options) {
  return d.fix && d.fix->applies(options.unsafe_fixes);
}

std::string fixes(std::size_t n) {
  return n == 1 ? "1 hidden fix" : fmt::format("{} hidden fixes", n);
}

// ruff's fix count: "[*] 2 fixable with --fix (1 hidden fix can be enabled with
// --unsafe-fixes)"; nothing when no finding has a fix.
void write_fixable_line(std::ostream& out, const std::vector<diag::Diagnostic>& diagnostics,
                        const TextOptions& options) {
  std::size_t fixable_count = 0, hidden = 0;
  for (const diag::Diagnostic& d : diagnostics) {
    if (fixable(d, options))
      ++fixable_count;
    else if (d.fix)
      ++hidden;
  }
  const std::string hint = hidden == 0 ? "" : fixes(hidden) + " can be enabled with --unsafe-fixes";
  if (fixable_count != 0)
    out << fmt::format("[*] {} fixable with --fix{}\n", fixable_count, hint.empty() ? "" : " (" + hint + ")");
  else if (!hint.empty())
    out << fmt::format("no fixes available ({})\n", hint);
}

}  // namespace

void write_text(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                const RunSummary& summary, const TextOptions& options) {
  const Palette& p = options.color ? kColor : kPlain;
  SourceLocator locator(model);
  for (const diag::Diagnostic& d : diagnostics) {
    std::string tag = fmt::format("[{} {}]", d.rule->code, d.rule->name);
    if (!d.clusters.empty())
      tag += printable(fmt::format(" [cluster{} {}]", d.clusters.size() == 1 ? "" : "s", fmt::join(d.clusters, ", ")));
    const std::string_view severity = diag::severity_name(d.severity);
    // `[*]` goes before the message, not after the tag: the documented problem matcher
    // (docs/integrations.md) anchors the tag at the end of the line.
    const std::string message = (fixable(d, options) ? "[*] " : "") + printable(d.message);
    if (d.range.valid()) {
      const ResolvedRange r = locator.resolve(d.range);
      out << fmt::format("{}{}:{}:{}:{} {}{}:{} {} {}\n", p.bold, printable(r.path), r.start.line, r.start.column,
                         p.reset, severity_color(d.severity, p), severity, p.reset, message, tag);
      write_excerpt(out, locator, d.range, p);
    } else {
      out << fmt::format("netlint: {}{}:{} {} {}\n", severity_color(d.severity, p), severity, p.reset, message, tag);
    }
    if (!d.help.empty()) out << fmt::format("  {}help:{} {}\n", p.bold, p.reset, printable(d.help));
    for (const diag::RelatedLocation& rel : d.related) {
      if (!rel.range.valid()) continue;
      const ResolvedRange r = locator.resolve(rel.range);
      out << fmt::format("{}{}:{}:{}:{} {}note:{} {}\n", p.bold, printable(r.path), r.start.line, r.start.column,
                         p.reset, p.cyan, p.reset, printable(rel.message));
      write_excerpt(out, locator, rel.range, p);
    }
  }
  // Run-level notes: no `path:line:col:` prefix, so problem matchers skip them; the views a note
  // holds in come before the id, so every note line ends with `[NL0006 <topic>]`.
  // The evidence's places follow the message (text has no other channel for them).
  for (const ViewNote& note : summary.view.notes) {
    std::string places;
    for (const NoteEvidence& e : note.evidence) {
      const ResolvedRange r = locator.resolve(e.range);
      places += fmt::format("{}{}:{}", places.empty() ? "" : ", ", printable(r.path), r.start.line);
    }
    if (!places.empty()) places = " (" + places + ")";
    std::string clusters;
    if (!note.clusters.empty()) {
      clusters = printable(
          fmt::format(" [cluster{} {}]", note.clusters.size() == 1 ? "" : "s", fmt::join(note.clusters, ", ")));
    }
    out << fmt::format("view: {}note:{} {}{}{} [{} {}]\n", p.cyan, p.reset, printable(note.message), places, clusters,
                       engine::kViewNoteCode, printable(note.topic));
  }
  // Before the summary, which stays the last line (scripts read it there).
  write_fixable_line(out, diagnostics, options);
  out << summary_line(summary, options.timing) << '\n';
}

}  // namespace netlint::report
