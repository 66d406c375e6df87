// The language server's pieces that need no process: framing, URIs, positions, the dispatch.
// The protocol end to end (a real client over pipes) is tools/lsp_test.py (ctest `lsp`).
#include <doctest/doctest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/lsp/framing.h"
#include "analyzer/lsp/positions.h"
#include "analyzer/lsp/server.h"
#include "analyzer/lsp/uri.h"

namespace netlint::lsp {
namespace {

// Feeds `input` through a pipe (closed after it) and reads every message back.
std::vector<MessageReader::Result> read_all(const std::string& input, std::size_t max_body = 1024) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(input.size() < 60000);  // fits the pipe buffer: written before reading
  REQUIRE(::write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
  ::close(fds[1]);
  MessageReader reader(fds[0], max_body);
  std::vector<MessageReader::Result> out;
  for (;;) {
    MessageReader::Result r = reader.next();
    if (r.status == MessageReader::Status::kEof) break;
    out.push_back(std::move(r));
  }
  ::close(fds[0]);
  return out;
}

std::vector<nlohmann::json> messages(const std::string& written) {
  std::vector<nlohmann::json> out;
  std::size_t at = 0;
  while ((at = written.find("\r\n\r\n", at)) != std::string::npos) {
    const std::size_t header = written.rfind("Content-Length: ", at);
    const std::size_t length = std::stoul(written.substr(header + 16, at - header - 16));
    out.push_back(nlohmann::json::parse(written.substr(at + 4, length)));
    at += 4 + length;
  }
  return out;
}

}  // namespace

TEST_CASE("lsp framing: messages, headers in any case, recovery after garbage") {
  const auto results = read_all(
      "Content-Length: 2\r\n\r\n{}"
      "content-length:3\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[1]"
      "Content-Length: x\r\n\r\n"
      "garbage line\n\n"
      "Content-Length: 2000\r\n\r\n" +
      std::string(2000, 'a') + "Content-Length: 4\r\n\r\nnull");
  REQUIRE(results.size() == 6);
  CHECK(results[0].status == MessageReader::Status::kMessage);
  CHECK(results[0].body == "{}");
  CHECK(results[1].body == "[1]");
  CHECK(results[2].status == MessageReader::Status::kMalformed);
  CHECK(results[3].status == MessageReader::Status::kMalformed);
  CHECK(results[4].status == MessageReader::Status::kTooLarge);
  CHECK(results[5].status == MessageReader::Status::kMessage);
  CHECK(results[5].body == "null");
}

TEST_CASE("lsp framing: a body cut short by the end of input is no message") {
  const auto results = read_all("Content-Length: 10\r\n\r\n{}");
  CHECK(results.empty());
}

TEST_CASE("lsp framing: a watched reader ends its input when the watch says the parent is gone") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const std::string first = "Content-Length: 2\r\n\r\n{}";
  REQUIRE(::write(fds[1], first.data(), first.size()) == static_cast<ssize_t>(first.size()));
  MessageReader reader(fds[0], 1024);
  int asked = 0;
  reader.watch([&asked] { return ++asked < 3; }, 1);
  CHECK(reader.next().status == MessageReader::Status::kMessage);
  // Nothing more arrives and the write end stays open: only the watch can end the wait.
  CHECK(reader.next().status == MessageReader::Status::kEof);
  CHECK(asked == 3);
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST_CASE("lsp uri: file URIs to paths and back") {
  CHECK(uri_to_path("file:///home/u/my%20file.yaml") == "/home/u/my file.yaml");
  CHECK(uri_to_path("file:///c%3A/x.yaml") == "/c:/x.yaml");
  CHECK(uri_to_path("file://localhost/a.yaml") == "/a.yaml");
  CHECK(uri_to_path("FILE:///a.yaml") == "/a.yaml");
  CHECK(!uri_to_path("untitled:Untitled-1"));
  CHECK(!uri_to_path("file://server/share/a.yaml"));
  CHECK(!uri_to_path("file:///bad%2"));
  CHECK(!uri_to_path("file:///nul%00"));
  CHECK(path_to_uri("/a b/é.yaml") == "file:///a%20b/%C3%A9.yaml");
}

TEST_CASE("lsp positions: 0-based lines, UTF-16 characters, clamped") {
  const std::string text = "a: 1\nb: \xF0\x9D\x84\x9E\xC3\xA9x\r\nlast";
  const LineIndex index(text);
  const Position x = to_position(index, text, static_cast<std::uint32_t>(text.find('x')));
  CHECK(x.line == 1);
  CHECK(x.character == 6);  // "b: " 3, U+1D11E 2 units, é 1
  const Position end = to_position(index, text, 1000);
  CHECK(end.line == 2);
  CHECK(end.character == 4);
}

TEST_CASE("lsp server: lifecycle, unknown methods, malformed messages") {
  std::ostringstream out;
  Server server(out);
  server.handle(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}})");
  server.handle(R"({"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}})");
  server.handle(R"({"jsonrpc":"2.0","id":3,"method":"initialize","params":{"capabilities":{}}})");
  server.handle(R"({"jsonrpc":"2.0","id":"s","method":"no/such"})");
  server.handle("{oops");
  server.handle(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":5}})");
  server.handle(R"({"jsonrpc":"2.0","id":4,"method":"shutdown"})");
  server.handle(R"({"jsonrpc":"2.0","id":5,"method":"no/such"})");
  CHECK(!server.exited());
  server.handle(R"({"jsonrpc":"2.0","method":"exit"})");
  CHECK(server.exited());
  CHECK(server.exit_code() == 0);

  std::vector<nlohmann::json> responses;
  for (nlohmann::json& m : messages(out.str())) {
    if (!m.contains("method")) responses.push_back(std::move(m));
  }
  REQUIRE(responses.size() == 7);
  CHECK(responses[0]["error"]["code"] == kServerNotInitialized);
  CHECK(responses[1]["result"]["capabilities"]["textDocumentSync"]["change"] == 1);
  CHECK(responses[2]["error"]["code"] == kInvalidRequest);
  CHECK(responses[3]["id"] == "s");
  CHECK(responses[3]["error"]["code"] == kMethodNotFound);
  CHECK(responses[4]["id"].is_null());
  CHECK(responses[4]["error"]["code"] == kParseError);
  CHECK(responses[5]["result"].is_null());
  CHECK(responses[6]["error"]["code"] == kInvalidRequest);
}

TEST_CASE("lsp server: exit without shutdown is status 1") {
  std::ostringstream out;
  Server server(out);
  server.handle(R"({"jsonrpc":"2.0","method":"exit"})");
  CHECK(server.exited());
  CHECK(server.exit_code() == 1);
}

}  // namespace netlint::lsp
