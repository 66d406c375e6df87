#include "analyzer/lsp/document_store.h"

#include "analyzer/lsp/uri.h"

namespace netlint::lsp {

void DocumentStore::open(std::string uri, std::string text, std::int64_t version) {
  Document doc;
  doc.path = uri_to_path(uri).value_or(std::string());
  doc.uri = uri;
  doc.text = std::move(text);
  doc.version = version;
  documents_[uri] = std::move(doc);
}

bool DocumentStore::change(const std::string& uri, std::string text, std::int64_t version) {
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return false;
  it->second.text = std::move(text);
  it->second.version = version;
  return true;
}

void DocumentStore::close(const std::string& uri) {
  documents_.erase(uri);
}

const Document* DocumentStore::find(const std::string& uri) const {
  const auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

}  // namespace netlint::lsp
