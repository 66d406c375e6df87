#include "analyzer/report/source_locator.h"

#include <algorithm>
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

bool SourceLocator::in_secret(const SourceRange& range) const {
  // Objects are stored in file-then-offset order: the candidate is the last one starting at or
  // before the range.
  const auto& objects = model_.objects;
  auto it = std::upper_bound(objects.begin(), objects.end(), std::pair{range.file, range.begin},
                             [](const std::pair<FileId, std::uint32_t>& at, const model::ObjectMeta& o) {
                               return at < std::pair{o.file, o.object_range.begin};
                             });
  if (it == objects.begin()) return false;
  --it;
  return it->file == range.file && range.begin < it->object_range.end && it->kind.value == "Secret";
}

}  // namespace netlint::report
