#include "analyzer/report/source_locator.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace netlint::report {

const LineIndex& SourceLocator::index(FileId file) {
  auto& slot = indexes_[file];
  if (!slot) slot = std::make_unique<LineIndex>(model_.file(file).text);
  return *slot;
}

ResolvedRange SourceLocator::resolve(const SourceRange& range) {
  const SourceFile& file = model_.file(range.file);
  const LineIndex& lines = index(range.file);
  return ResolvedRange{file.path, lines.position(file.text, range.begin), lines.position(file.text, range.end)};
}

std::string_view SourceLocator::line_text(FileId file, std::uint32_t line) {
  return index(file).line_text(model_.file(file).text, line);
}

namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

// Whether a document's text says `kind: Secret` anywhere, in YAML or JSON spelling, whether or
// not it parses: a Secret that does not parse, or is not UTF-8, must not be shown either.
bool declares_secret(std::string_view doc) {
  for (std::size_t at = doc.find("kind"); at != std::string_view::npos; at = doc.find("kind", at + 4)) {
    if (at > 0 && word_char(doc[at - 1])) continue;
    std::size_t i = at + 4;
    if (i < doc.size() && (doc[i] == '"' || doc[i] == '\'')) ++i;
    while (i < doc.size() && (doc[i] == ' ' || doc[i] == '\t')) ++i;
    if (i >= doc.size() || doc[i] != ':') continue;
    ++i;
    while (i < doc.size() && (doc[i] == ' ' || doc[i] == '\t')) ++i;
    if (i < doc.size() && (doc[i] == '"' || doc[i] == '\'')) ++i;
    if (doc.substr(i, 6) == "Secret" && (i + 6 == doc.size() || !word_char(doc[i + 6]))) return true;
  }
  return false;
}

}  // namespace

bool SourceLocator::in_secret(const SourceRange& range) {
  // Objects are stored in file-then-offset order: the candidate is the last one starting at or
  // before the range.
  const auto& objects = model_.objects;
  auto it = std::upper_bound(objects.begin(), objects.end(), std::pair{range.file, range.begin},
                             [](const std::pair<FileId, std::uint32_t>& at, const model::ObjectMeta& o) {
                               return at < std::pair{o.file, o.object_range.begin};
                             });
  if (it != objects.begin()) {
    --it;
    if (it->file == range.file && range.begin < it->object_range.end) return it->kind.value == "Secret";
  }
  // No object holds the range (a document that did not parse, or that is not text): its text decides.
  const std::string_view text = model_.file(range.file).text;
  auto& spans = documents_[range.file];
  if (!spans) {
    const std::uint32_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // split_documents takes the text after it
    spans = std::make_unique<std::vector<yaml::DocumentSpan>>(yaml::split_documents(text.substr(bom), bom));
  }
  for (const yaml::DocumentSpan& span : *spans) {
    if (range.begin >= span.begin && range.begin < std::max(span.end, span.begin + 1)) {
      return declares_secret(text.substr(span.begin, span.end - span.begin));
    }
  }
  return declares_secret(text);  // outside every span (a BOM, a marker line): judge the whole file
}

}  // namespace netlint::report
