#include "analyzer/loader/file_objects_entry.h"

#include "analyzer/loader/document_parses.h"
#include "analyzer/util/field_count.h"

namespace netlint {

// Every extraction setting is part of the entry's name: a new one must join it here.
static_assert(util::field_count<model::ExtractOptions>() == 1, "a new extraction setting: add it to the objects key");

FileObjectsEntry::FileObjectsEntry(DiskCache* cache, const InputText& input, FileId file,
                                   std::string_view default_namespace)
    : cache_(input.text.size() <= DocumentParses::kMaxCachedText ? cache : nullptr), file_(file) {
  if (cache_ == nullptr) return;
  text_size_ = static_cast<std::uint32_t>(input.text.size());
  text_key_ = cache_->key(input.text, input.path, input.stamp);
  objects_key_ = text_key_;
  objects_key_.variant =
      "objects " + std::to_string(kDocumentObjectsSchema) + '\0' + input.path + '\0' + std::string(default_namespace);
}

bool FileObjectsEntry::read(FileObjects& out) const {
  if (cache_ == nullptr) return false;
  const std::optional<std::string> entry = cache_->find(objects_key_);
  if (!entry) return false;
  if (decode_file_objects(*entry, file_, text_size_, out)) return true;
  out = {};
  return false;
}

bool FileObjectsEntry::write(const FileObjects& objects) const {
  if (cache_ == nullptr) return false;
  std::string payload;
  if (!encode_file_objects(objects, file_, payload)) return false;
  cache_->store(objects_key_, payload);
  return true;
}

}  // namespace netlint
