// `netlint lsp`: the language server's message dispatch (LSP 3.17 over JSON-RPC 2.0). It owns
// the lifecycle (initialize, shutdown, exit), the open documents, and decides when to analyse
// and what to publish. One thread: edits that arrive together are analysed once (the loop in
// run_stdio analyses only when no message is waiting).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/lsp/document_store.h"
#include "analyzer/lsp/workspace.h"

namespace netlint::lsp {

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
};

class Server {
 public:
  explicit Server(std::ostream& out) : out_(out) {}

  // One message body as read by the framing layer. Never throws.
  void handle(std::string_view body);
  // The framing layer dropped a message it could not read (no usable header, too large).
  void framing_error(const std::string& what);

  // Edits are waiting to be analysed and published.
  bool dirty() const { return dirty_; }
  void analyse_and_publish();

  bool exited() const { return exited_; }
  // LSP: 0 after shutdown then exit, else 1 (also when the input ends without them).
  int exit_code() const { return shutdown_ ? 0 : 1; }
  bool output_failed() const { return output_failed_; }
  // LSP initialize.processId: the server exits when that process is gone, even if its end of
  // the pipe lives on in another process. True when no process is watched.
  bool parent_alive() const;

 private:
  void dispatch(const nlohmann::json& message);
  nlohmann::json request(const std::string& method, const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json initialize(const nlohmann::json& params);
  nlohmann::json pull_diagnostics(const nlohmann::json& params);

  void send(const nlohmann::json& message);
  void respond(const nlohmann::json& id, nlohmann::json result);
  void respond_error(const nlohmann::json& id, int code, const std::string& message);
  void notify(const std::string& method, nlohmann::json params);
  void log(int type, const std::string& message);  // window/logMessage: 1 error ... 4 log
  void publish(const std::string& uri, const nlohmann::json& diagnostics);

  std::ostream& out_;
  DocumentStore documents_;
  Settings settings_;
  AnalysisCaches caches_;  // each file's parse and ConfigMap file's values, kept while its text is unchanged
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  bool dirty_ = false;
  bool output_failed_ = false;
  // Pull mode (initializationOptions.pullDiagnostics and the client's textDocument.diagnostic):
  // the client asks; the server only says when to ask again.
  bool pull_ = false;
  bool refresh_support_ = false;
  int next_request_id_ = 1;
  long parent_pid_ = 0;                              // 0: none watched
  std::map<std::string, nlohmann::json> published_;  // uri -> what the client was last told
  // uri -> the resultId of published_[uri], new whenever it changes: a pull that names it as
  // previousResultId is answered "unchanged".
  std::map<std::string, std::string> result_ids_;
  std::uint64_t next_result_id_ = 1;
  std::vector<std::string> last_notes_, last_errors_;
};

// Serves on `in_fd` / `out` until `exit` or the end of the input; returns the exit status.
int run_stdio(int in_fd, std::ostream& out);

}  // namespace netlint::lsp
