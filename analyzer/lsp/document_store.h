// The documents the client has open: their text as last sent (full sync), which replaces the
// file on disk in every analysis.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace netlint::lsp {

struct Document {
  std::string uri;   // exactly as the client sent it (publishDiagnostics must echo it)
  std::string path;  // absolute; empty for a URI that names no file (untitled:, ...)
  std::string text;
  std::int64_t version = 0;
};

class DocumentStore {
 public:
  void open(std::string uri, std::string text, std::int64_t version);
  // Full sync: the new text replaces the old. False when the document is not open.
  bool change(const std::string& uri, std::string text, std::int64_t version);
  void close(const std::string& uri);
  const Document* find(const std::string& uri) const;
  const std::map<std::string, Document>& all() const { return documents_; }

 private:
  std::map<std::string, Document> documents_;
};

}  // namespace netlint::lsp
