// What extraction made of one file's documents, as bytes, so the on-disk cache (issue 21) can
// give a warm run the objects without parsing or extracting the file again.
//
// Extraction depends on the text, the file's path (messages name it), its FileId and the
// extraction settings; the caller keys the entry by all but the FileId, which is written as
// "this file": every SourceRange must be in the file itself or nowhere, and the one string that
// spells a FileId (the dnsConfig root cause, model::dns_option_value_cause) is rebuilt on
// decoding. A file whose objects hold anything else (another file's range, a Corefile with its
// parsed AST) is not encoded: the caller keeps its parses instead.
//
// The layout is this codec's own (kSchema): a change to a model type must change the codec and
// the schema, which a compile-time check of every encoded type's field count enforces. Decoding
// checks every length, count, enum and range against the input and the text; anything that does
// not read back whole is a miss, never an error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model/extract.h"

namespace netlint {

struct FileObjects {
  std::vector<model::DocumentObjects> documents;
  std::uint32_t document_count = 0;
};

inline constexpr std::uint32_t kDocumentObjectsSchema = 1;

// Appends the encoding of `objects` of file `file` to `out`; false (out unchanged) when they
// cannot be encoded (see above).
bool encode_file_objects(const FileObjects& objects, FileId file, std::string& out);

// Reads what encode_file_objects wrote, as objects of `file`, whose text is `text_size` bytes.
bool decode_file_objects(std::string_view in, FileId file, std::uint32_t text_size, FileObjects& out);

}  // namespace netlint
