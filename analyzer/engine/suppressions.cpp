#include "analyzer/engine/suppressions.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzer/diag/did_you_mean.h"
#include "analyzer/util/strings.h"

namespace netlint::engine {
namespace {

bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

constexpr std::string_view kReasonBlanks = " \t\r\n";  // blank() and newlines

// A quote opens a quoted scalar only where a scalar may start (YAML) or a JSON string does;
// the apostrophe in `it's` does not.
bool may_open_quote(std::string_view line, std::size_t i) {
  if (i == 0) return true;
  const char before = line[i - 1];
  return blank(before) || before == '[' || before == '{' || before == ',' || before == ':' || before == '-';
}

void add_comments(const SourceFile& file, std::vector<Suppression>& out) {
  const std::string_view text = file.text;
  if (text.find(kIgnoreComment) == std::string_view::npos) return;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t eol = text.find('\n', start);
    const std::size_t line_end = eol == std::string_view::npos ? text.size() : eol;
    const std::string_view line = text.substr(start, line_end - start);
    if (line.find(kIgnoreComment) != std::string_view::npos) {
      if (const std::optional<IgnoreComment> comment = find_ignore_comment(line)) {
        // The comment's line and the next one, up to the end of the next line.
        std::size_t scope_end = text.size();
        if (eol != std::string_view::npos) {
          const std::size_t next_eol = text.find('\n', eol + 1);
          scope_end = next_eol == std::string_view::npos ? text.size() : next_eol + 1;
        }
        Suppression s;
        s.source = Suppression::Source::kComment;
        s.anchor = SourceRange{file.id, static_cast<std::uint32_t>(start + comment->begin),
                               static_cast<std::uint32_t>(start + comment->end)};
        s.scopes.push_back(
            SourceRange{file.id, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(scope_end)});
        s.text = parse_suppression_text(comment->text);
        out.push_back(std::move(s));
      }
    }
    if (eol == std::string_view::npos) break;
    start = eol + 1;
  }
}

}  // namespace

SuppressionText parse_suppression_text(std::string_view text) {
  SuppressionText out;
  std::string_view list = text;
  if (const std::size_t dashes = text.find("--"); dashes != std::string_view::npos) {
    list = text.substr(0, dashes);
    out.reason = std::string(trim(text.substr(dashes + 2), kReasonBlanks));
  }
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && (blank(list[i]) || list[i] == ',' || list[i] == '\n')) ++i;
    const std::size_t begin = i;
    while (i < list.size() && !blank(list[i]) && list[i] != ',' && list[i] != '\n') ++i;
    if (i > begin) out.rules.emplace_back(list.substr(begin, i - begin));
  }
  return out;
}

std::optional<IgnoreComment> find_ignore_comment(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote == '\'') {
      if (c == '\'') {
        if (i + 1 < line.size() && line[i + 1] == '\'')
          ++i;  // '' is an escaped quote
        else
          quote = 0;
      }
      continue;
    }
    if (quote == '"') {
      if (c == '\\')
        ++i;
      else if (c == '"')
        quote = 0;
      continue;
    }
    if (c == '#' && (i == 0 || blank(line[i - 1]))) {
      // The line's comment; only a comment that starts with the marker is a suppression.
      std::size_t at = i + 1;
      while (at < line.size() && blank(line[at])) ++at;
      if (line.substr(at, kIgnoreComment.size()) != kIgnoreComment) return std::nullopt;
      at += kIgnoreComment.size();
      if (at < line.size() && !blank(line[at])) return std::nullopt;  // netlint:ignored, netlint:ignore-x
      std::size_t end = line.size();
      while (end > i && blank(line[end - 1])) --end;
      return IgnoreComment{i, end, line.substr(std::min(at, end), end - std::min(at, end))};
    }
    if ((c == '"' || c == '\'') && may_open_quote(line, i)) quote = c;
  }
  return std::nullopt;
}

std::vector<Suppression> collect_suppressions(const model::Model& model) {
  std::vector<Suppression> out;
  for (const model::ObjectMeta& object : model.objects) {
    if (!object.object_range.valid() || !model.file(object.object_range.file).reported) continue;
    const model::Label* annotation = model::find_label(object.annotations, kIgnoreAnnotation);
    if (annotation == nullptr) continue;
    Suppression s;
    s.source = Suppression::Source::kAnnotation;
    s.anchor = annotation->value.range.valid() ? annotation->value.range : annotation->key.range;
    s.scopes.push_back(object.object_range);
    s.scopes.insert(s.scopes.end(), object.copies.begin(), object.copies.end());
    s.object = object.display();
    s.text = parse_suppression_text(annotation->value.value);
    out.push_back(std::move(s));
  }
  for (const SourceFile& file : model.files) {
    if (file.reported) add_comments(file, out);
  }
  return out;
}

SuppressionLedger::SuppressionLedger(std::span<const Rule* const> registry, std::span<const Rule* const> running)
    : registry_(registry.empty() ? running : registry), running_(running) {}

const diag::RuleInfo* SuppressionLedger::resolve(std::string_view written) const {
  for (const Rule* rule : registry_) {
    if (rule->info().code == written || rule->info().name == written) return &rule->info();
  }
  return nullptr;
}

bool SuppressionLedger::ran(const diag::RuleInfo* rule) const {
  return std::any_of(running_.begin(), running_.end(), [&](const Rule* r) { return r->info().code == rule->code; });
}

void SuppressionLedger::apply(const model::Model& model, std::vector<diag::Diagnostic>& findings) {
  struct Scope {
    SourceRange range;
    Entry* entry;
  };
  std::vector<Scope> scopes;
  for (Suppression& s : collect_suppressions(model)) {
    auto [it, inserted] = entries_.try_emplace(Key{s.anchor.file, s.anchor.begin, s.anchor.end});
    Entry& entry = it->second;
    if (inserted) {
      for (const std::string& written : s.text.rules) entry.targets.push_back(Target{written, resolve(written), false});
    }
    for (const SourceRange& range : s.scopes) {
      if (range.valid()) scopes.push_back(Scope{range, &entry});
    }
    if (inserted) entry.suppression = std::move(s);
  }
  if (scopes.empty()) return;
  std::sort(scopes.begin(), scopes.end(), [](const Scope& a, const Scope& b) {
    return std::tie(a.range.file, a.range.begin) < std::tie(b.range.file, b.range.begin);
  });
  std::erase_if(findings, [&](const diag::Diagnostic& d) {
    if (!d.range.valid()) return false;
    bool covered = false;
    auto it = std::lower_bound(scopes.begin(), scopes.end(), d.range.file,
                               [](const Scope& s, FileId file) { return s.range.file < file; });
    for (; it != scopes.end() && it->range.file == d.range.file && it->range.begin <= d.range.begin; ++it) {
      if (d.range.begin >= it->range.end) continue;
      for (Target& target : it->entry->targets) {
        if (target.rule != nullptr && target.rule->code == d.rule->code) covered = target.used = true;
      }
    }
    return covered;
  });
}

std::vector<diag::Diagnostic> SuppressionLedger::problems(const diag::RuleInfo& info) const {
  std::vector<std::string> known;
  std::vector<diag::Diagnostic> out;
  for (const auto& [key, entry] : entries_) {
    const Suppression& s = entry.suppression;
    const bool comment = s.source == Suppression::Source::kComment;
    const std::string_view marker = comment ? kIgnoreComment : kIgnoreAnnotation;
    auto report = [&](std::string message, std::string help) {
      diag::Diagnostic& d = out.emplace_back();
      d.rule = &info;
      d.severity = info.severity;
      d.range = s.anchor;
      d.message = std::move(message);
      d.help = std::move(help);
    };
    if (entry.targets.empty()) {
      report(fmt::format("{} names no rule, so it suppresses nothing", marker),
             comment ? "name the rules it silences: `# netlint:ignore NL1001 -- reason`"
                     : "name the rules it silences: `netlint.io/ignore: \"NL1001 -- reason\"`");
      continue;
    }
    for (const Target& target : entry.targets) {
      if (target.rule == nullptr) {
        if (known.empty()) {
          for (const Rule* rule : registry_) {
            known.emplace_back(rule->info().code);
            known.emplace_back(rule->info().name);
          }
        }
        std::string message = fmt::format("unknown rule '{}' in {}", target.written, marker);
        const std::vector<std::string> best = diag::best_near_misses(target.written, known);
        if (!best.empty()) message += fmt::format("; did you mean '{}'?", diag::join_alternatives(best));
        report(std::move(message), "write a rule's code or name; `netlint rules` lists them");
      } else if (target.rule->code == info.code) {
        report(fmt::format("{} cannot suppress {} {}", marker, info.code, info.name),
               fmt::format("remove the suppression, or turn {} off in .netlint.yaml `rules:` or with --disable",
                           info.code));
      } else if (!target.used && ran(target.rule)) {
        report(comment ? fmt::format("{} {} suppresses nothing on this line or the next", marker, target.written)
                       : fmt::format("{} {} suppresses nothing in {}", marker, target.written, s.object),
               fmt::format("remove {} from the suppression: {} {} reports nothing there", target.written,
                           target.rule->code, target.rule->name));
      }
    }
  }
  return out;
}

}  // namespace netlint::engine
