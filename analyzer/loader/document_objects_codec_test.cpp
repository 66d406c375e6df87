// The on-disk cache's encoding of extracted objects: on every fixture and the demo, what is
// encoded does not depend on the FileId (the staged run's file table differs from a full run's)
// and decodes to what re-encodes the same; a range in another file or a Corefile is not encoded;
// a truncated or foreign encoding is refused; damaged bytes never crash.
#include "analyzer/loader/document_objects_codec.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzer/model/extract_configs.h"
#include "analyzer/model/model.h"
#include "analyzer/testing/plain_file_objects.h"
#include "analyzer/testing/source_paths.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint {
namespace {
namespace fs = std::filesystem;

FileObjects extract_file(const std::string& text, FileId file) {
  return testing::extract_plain_file(text, file);
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

std::vector<fs::path> yaml_files() {
  std::vector<fs::path> out;
  for (const char* dir : {"testdata/rules", "testdata/demo"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(testing::source_dir()) / dir)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) out.push_back(e.path());
    }
  }
  return out;
}

TEST_CASE("objects codec: every fixture encodes alike under any FileId and decodes to what it was") {
  std::size_t encoded = 0, refused = 0, objects = 0;
  for (const fs::path& path : yaml_files()) {
    CAPTURE(path.string());
    const std::string text = read(path);
    const auto size = static_cast<std::uint32_t>(text.size());
    std::string as3, as11;
    const bool ok3 = encode_file_objects(extract_file(text, 3), 3, as3);
    const bool ok11 = encode_file_objects(extract_file(text, 11), 11, as11);
    CHECK(ok3 == ok11);
    if (!ok3) {
      // Only a Corefile makes a fixture unencodable (every range of a plain file is its own).
      bool corefile = false;
      for (const model::DocumentObjects& doc : extract_file(text, 3).documents) corefile |= !doc.corefiles.empty();
      CHECK(corefile);
      ++refused;
      CHECK(as3.empty());
      continue;
    }
    ++encoded;
    CHECK(as3 == as11);  // nothing of the FileId is left in the bytes
    FileObjects decoded;
    REQUIRE(decode_file_objects(as3, 11, size, decoded));
    std::size_t in_file = 0;
    for (const model::DocumentObjects& doc : decoded.documents) {
      in_file += doc.objects.size() + doc.problems.size();
      model::for_each_object_meta(doc, [](const model::ObjectMeta& meta) { CHECK(meta.file == 11); });
      for (const model::ObjectMeta& meta : doc.objects) CHECK(meta.object_range.file == 11);
    }
    objects += in_file;
    std::string again;
    REQUIRE(encode_file_objects(decoded, 11, again));
    CHECK(again == as3);  // every field read back
    // A prefix is never a whole encoding; another schema is not this codec's.
    for (std::size_t n = 0; n < as3.size(); n += 1 + as3.size() / 50) {
      FileObjects part;
      CHECK_FALSE(decode_file_objects(std::string_view(as3).substr(0, n), 3, size, part));
    }
    std::string other_schema = as3;
    other_schema[0] = static_cast<char>(kDocumentObjectsSchema + 1);
    FileObjects foreign;
    CHECK_FALSE(decode_file_objects(other_schema, 3, size, foreign));
    if (in_file > 0) CHECK_FALSE(decode_file_objects(as3, 3, 0, foreign));  // ranges past the text
  }
  MESSAGE(encoded << " fixture files encoded (" << objects << " objects and problems), " << refused
                  << " not (Corefiles)");
  CHECK(encoded > 300);
  CHECK(objects > 1000);
}

TEST_CASE("objects codec: the dnsConfig root cause, which spells the FileId, is rebuilt for the new file") {
  const std::string text =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  dnsConfig:\n    options:\n"
      "    - {name: ndots, value: 2}\n  containers: [{name: c, image: i}]\n";
  std::string bytes;
  REQUIRE(encode_file_objects(extract_file(text, 4), 4, bytes));
  FileObjects decoded;
  REQUIRE(decode_file_objects(bytes, 9, static_cast<std::uint32_t>(text.size()), decoded));
  const FileObjects fresh = extract_file(text, 9);
  REQUIRE(decoded.documents.size() == 1);
  REQUIRE(decoded.documents[0].problems.size() == fresh.documents[0].problems.size());
  bool found = false;
  for (std::size_t i = 0; i < fresh.documents[0].problems.size(); ++i) {
    CHECK(decoded.documents[0].problems[i].root_cause == fresh.documents[0].problems[i].root_cause);
    found = found || fresh.documents[0].problems[i].root_cause.starts_with("dns-option-value:9:");
  }
  CHECK(found);
}

TEST_CASE("objects codec: another file's range or a Corefile is not encoded; damage never crashes") {
  const std::string text = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n";
  FileObjects objects = extract_file(text, 2);
  std::string bytes;
  REQUIRE(encode_file_objects(objects, 2, bytes));
  FileObjects foreign = objects;
  foreign.documents[0].services[0].meta.name.range.file = 5;
  std::string out = "kept";
  CHECK_FALSE(encode_file_objects(foreign, 2, out));
  CHECK(out == "kept");
  FileObjects with_corefile = objects;
  with_corefile.documents[0].corefiles.emplace_back();
  CHECK_FALSE(encode_file_objects(with_corefile, 2, out));
  CHECK(out == "kept");
  // Any single byte changed: refused, or read as some other valid objects; never a crash.
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (const char bit : {'\x01', '\x80', '\x7f'}) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ bit);
      FileObjects decoded;
      if (decode_file_objects(damaged, 2, static_cast<std::uint32_t>(text.size()), decoded)) {
        std::string again;
        CHECK(encode_file_objects(decoded, 2, again));
      }
    }
  }
}

}  // namespace
}  // namespace netlint
