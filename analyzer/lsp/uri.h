// file:// URIs (RFC 8089 as editors write them) <-> absolute paths. Editors differ in what they
// percent-encode (VS Code encodes ':', Neovim does not), so the server keeps each document's
// URI exactly as the client sent it and converts only to find the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace netlint::lsp {

// The absolute path of a `file:` URI (percent-decoded, `file://host/` accepted with an empty or
// `localhost` host); nullopt for any other scheme or a malformed escape.
std::optional<std::string> uri_to_path(std::string_view uri);

// `file:///abs/path` with every byte but unreserved characters and '/' percent-encoded.
std::string path_to_uri(std::string_view absolute_path);

}  // namespace netlint::lsp
