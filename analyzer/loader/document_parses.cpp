#include "analyzer/loader/document_parses.h"

#include "analyzer/util/little_endian.h"
#include "analyzer/yaml/parse_result_codec.h"

namespace netlint {
namespace {

// An entry: the number of documents (4 bytes, little-endian), then each document's parse
// (yaml/parse_result_codec), an empty one for a document that is not text.
void put_count(std::string& out, std::uint32_t n) {
  util::append_le(out, n, 4);
}

bool get_count(std::string_view& in, std::uint32_t& n) {
  std::uint64_t v = 0;
  if (!util::read_le(in, v, 4)) return false;
  n = static_cast<std::uint32_t>(v);
  return true;
}

}  // namespace

DocumentParses::DocumentParses(std::string_view text, FileId file, const std::vector<yaml::DocumentSpan>& spans,
                               DiskCache* cache, DiskCache::Key key)
    : text_(text),
      file_(file),
      spans_(spans),
      cache_(text.size() <= kMaxCachedText ? cache : nullptr),
      key_(std::move(key)) {
  if (cache_ == nullptr) return;
  entry_ = cache_->find(key_);
  std::uint32_t count = 0;
  if (entry_) {
    unread_ = *entry_;
    if (get_count(unread_, count) && count == spans_.size()) return;
    damaged();
    return;
  }
  writing_ = true;
  put_count(written_, static_cast<std::uint32_t>(spans_.size()));
}

void DocumentParses::damaged() {
  entry_.reset();
  unread_ = {};
  rewrite_ = true;
}

bool DocumentParses::read_next(yaml::ParseResult& out) {
  if (!entry_) return false;
  if (yaml::decode_parse_result(unread_, file_, static_cast<std::uint32_t>(text_.size()), out)) return true;
  damaged();
  return false;
}

yaml::ParseResult DocumentParses::fresh(std::uint32_t d) const {
  return yaml::parse_document(text_, spans_[d].begin, spans_[d].end, file_);
}

void DocumentParses::encode(const yaml::ParseResult& parsed) {
  if (writing_ && !yaml::encode_parse_result(parsed, written_)) writing_ = false;
}

yaml::ParseResult DocumentParses::parse(std::uint32_t d) {
  skipped_.resize(d + 1, false);
  yaml::ParseResult parsed;
  if (read_next(parsed)) return parsed;
  parsed = fresh(d);
  encode(parsed);
  return parsed;
}

void DocumentParses::skip(std::uint32_t d) {
  skipped_.resize(d + 1, false);
  skipped_[d] = true;
  yaml::ParseResult empty;
  if (read_next(empty)) {
    if (empty.tree || empty.error || !empty.duplicate_keys.empty()) damaged();
    return;
  }
  encode(empty);
}

void DocumentParses::finish(bool store) {
  if (cache_ == nullptr || !store || skipped_.size() != spans_.size()) return;
  if (entry_) {
    if (!unread_.empty()) damaged();  // bytes after the last document: not an entry we wrote
    if (!rewrite_) return;
  }
  if (rewrite_) {
    // Rare (a damaged entry whose checksum held): parse the whole file again to replace it.
    written_.clear();
    put_count(written_, static_cast<std::uint32_t>(spans_.size()));
    writing_ = true;
    for (std::uint32_t d = 0; d < spans_.size() && writing_; ++d) encode(skipped_[d] ? yaml::ParseResult{} : fresh(d));
  }
  if (writing_) cache_->store(key_, written_);
}

}  // namespace netlint
