// The on-disk cache's entry for what extraction made of one plain YAML file (issue 21): a warm
// run decodes the file's objects (loader/document_objects_codec.h) instead of parsing and
// extracting it. The entry is named by the text (known by its file stamp when unchanged,
// util/disk_cache.h), the codec's schema, the file's path (messages name it) and the extraction
// settings; netlint's version and build are the cache's identity. The FileId is not in it.
#pragma once

#include <string>
#include <string_view>

#include "analyzer/loader/document_objects_codec.h"
#include "analyzer/source/input_text.h"
#include "analyzer/util/disk_cache.h"

namespace netlint {

class FileObjectsEntry {
 public:
  // `cache` may be null: nothing is read or stored.
  FileObjectsEntry(DiskCache* cache, const InputText& input, FileId file, std::string_view default_namespace);

  // The text's key, for the file's parses (loader/document_parses.h).
  const DiskCache::Key& text_key() const { return text_key_; }
  // The objects stored for this file, decoded as objects of `file`; false on a miss or damage.
  bool read(FileObjects& out) const;
  // Stores the file's objects; false when they cannot be encoded (the parses are then kept).
  bool write(const FileObjects& objects) const;

 private:
  DiskCache* cache_;
  FileId file_;
  std::uint32_t text_size_ = 0;
  DiskCache::Key text_key_;
  DiskCache::Key objects_key_;
};

}  // namespace netlint
