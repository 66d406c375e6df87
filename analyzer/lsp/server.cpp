#include "analyzer/lsp/server.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <exception>

#include "analyzer/lsp/code_actions.h"
#include "analyzer/lsp/framing.h"
#include "analyzer/lsp/uri.h"

namespace netlint::lsp {
namespace {

using Json = nlohmann::json;

// A request the server answers with an error response rather than a result.
struct RpcError {
  int code;
  std::string message;
};

// A 50 MB buffer must get through (issue 22), escaped as JSON; --max-file-size's default
// (256 MiB) is the most the analysis reads of one file anyway.
constexpr std::size_t kMaxMessage = 288ull << 20;
// How often an idle server checks that the process named by initialize.processId still runs.
constexpr int kParentCheckMs = 1000;

// The root the client names, newest field first (workspaceFolders, rootUri, then the
// deprecated rootPath); empty when it names none (a single file opened alone).
std::string root_path(const Json& params) {
  if (const auto it = params.find("workspaceFolders"); it != params.end() && it->is_array() && !it->empty()) {
    const Json& first = it->front();
    if (first.is_object() && first.contains("uri") && first["uri"].is_string()) {
      if (auto path = uri_to_path(first["uri"].get<std::string>())) return *path;
    }
  }
  if (const auto it = params.find("rootUri"); it != params.end() && it->is_string()) {
    if (auto path = uri_to_path(it->get<std::string>())) return *path;
  }
  if (const auto it = params.find("rootPath"); it != params.end() && it->is_string()) return it->get<std::string>();
  return {};
}

const Json* find_path(const Json& j, std::initializer_list<const char*> keys) {
  const Json* at = &j;
  for (const char* key : keys) {
    if (!at->is_object()) return nullptr;
    const auto it = at->find(key);
    if (it == at->end()) return nullptr;
    at = &*it;
  }
  return at;
}

}  // namespace

void Server::send(const Json& message) {
  // Replace, never throw, on invalid UTF-8: a finding may quote bytes of a file that is not UTF-8.
  const std::string body = message.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (!write_message(out_, body)) output_failed_ = true;
}

void Server::respond(const Json& id, Json result) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::respond_error(const Json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::notify(const std::string& method, Json params) {
  send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Server::log(int type, const std::string& message) {
  notify("window/logMessage", {{"type", type}, {"message", message}});
}

void Server::publish(const std::string& uri, const Json& diagnostics) {
  Json params = {{"uri", uri}, {"diagnostics", diagnostics}};
  if (const Document* doc = documents_.find(uri)) params["version"] = doc->version;
  notify("textDocument/publishDiagnostics", std::move(params));
}

void Server::framing_error(const std::string& what) {
  log(1, "netlint: dropped an unreadable message: " + what);
}

void Server::handle(std::string_view body) {
  Json message = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    log(1, "netlint: dropped a message that is not JSON");
    respond_error(nullptr, kParseError, "message is not JSON");
    return;
  }
  if (!message.is_object()) {
    respond_error(nullptr, kInvalidRequest, "message is not a JSON object");
    return;
  }
  dispatch(message);
}

void Server::dispatch(const Json& message) {
  const auto method_it = message.find("method");
  const auto id_it = message.find("id");
  const bool has_id = id_it != message.end() && (id_it->is_number_integer() || id_it->is_string());
  if (method_it == message.end() || !method_it->is_string()) {
    // A response to one of our requests (workspace/diagnostic/refresh): nothing waits on it.
    if (has_id && (message.contains("result") || message.contains("error"))) return;
    respond_error(has_id ? *id_it : Json(nullptr), kInvalidRequest, "no method");
    return;
  }
  const std::string method = method_it->get<std::string>();
  static const Json kNoParams = Json::object();
  const auto params_it = message.find("params");
  const Json& params = params_it != message.end() ? *params_it : kNoParams;

  if (!has_id) {
    if (id_it != message.end() && !id_it->is_null()) {
      // An id that is neither a number nor a string cannot be answered by it.
      respond_error(nullptr, kInvalidRequest, "invalid id");
      return;
    }
    try {
      notification(method, params);
    } catch (const std::exception& e) {
      // A notification gets no response: a malformed one is logged and dropped.
      log(1, "netlint: ignored " + method + ": " + e.what());
    }
    return;
  }
  const Json id = *id_it;
  if (!initialized_ && method != "initialize") {
    respond_error(id, kServerNotInitialized, "initialize first");
    return;
  }
  if (shutdown_) {
    respond_error(id, kInvalidRequest, "the server is shutting down");
    return;
  }
  try {
    respond(id, request(method, params));
  } catch (const RpcError& e) {
    respond_error(id, e.code, e.message);
  } catch (const Json::exception& e) {
    respond_error(id, kInvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception& e) {
    respond_error(id, kInternalError, std::string("internal error: ") + e.what());
  }
}

Json Server::request(const std::string& method, const Json& params) {
  if (method == "initialize") {
    if (initialized_) throw RpcError{kInvalidRequest, "initialize was already sent"};
    return initialize(params);
  }
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/diagnostic") return pull_diagnostics(params);
  if (method == "textDocument/codeAction") {
    if (dirty_) analyse_and_publish();  // fixes for the text the client has now
    return code_actions(published_, params);
  }
  throw RpcError{kMethodNotFound, "method not supported: " + method};
}

Json Server::initialize(const Json& params) {
  if (!params.is_object()) throw RpcError{kInvalidParams, "initialize needs params"};
  initialized_ = true;
  const std::string root = root_path(params);
  if (!root.empty()) {
    // The CLI reads its working directory (git root, .netlint.yaml upward, relative paths):
    // the server reads the workspace root the same way by standing in it.
    if (::chdir(root.c_str()) == 0) {
      settings_.root_is_context = true;
    } else {
      log(1, "netlint: cannot enter the workspace root " + root);
    }
  }
  if (const Json* o = find_path(params, {"initializationOptions", "parseErrors"}); o && o->is_boolean()) {
    settings_.parse_errors = o->get<bool>();
  }
  if (const Json* pid = find_path(params, {"processId"}); pid && pid->is_number_integer() && pid->get<long>() > 0) {
    // Watched only when visible now: a server in a container gets the editor's pid from
    // another pid namespace, which must not read as a dead parent.
    const long candidate = pid->get<long>();
    if (::kill(static_cast<pid_t>(candidate), 0) == 0 || errno == EPERM) {
      parent_pid_ = candidate;
    } else {
      log(4, "netlint: process " + std::to_string(candidate) + " (processId) is not visible here; not watched");
    }
  }
  // Pull (textDocument/diagnostic) when the client advertises it and can be told to pull again
  // when another file's edit changes a document's findings (workspace/diagnostic/refresh);
  // initializationOptions.pullDiagnostics forces it on (any pulling client) or off (push).
  const bool client_pulls = find_path(params, {"capabilities", "textDocument", "diagnostic"}) != nullptr;
  if (const Json* r = find_path(params, {"capabilities", "workspace", "diagnostics", "refreshSupport"});
      r && r->is_boolean()) {
    refresh_support_ = r->get<bool>();
  }
  const Json* wants_pull = find_path(params, {"initializationOptions", "pullDiagnostics"});
  if (wants_pull && wants_pull->is_boolean()) {
    pull_ = client_pulls && wants_pull->get<bool>();
  } else {
    pull_ = client_pulls && refresh_support_;
  }
  Json capabilities = {
      {"positionEncoding", "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
  };
  if (pull_) {
    capabilities["diagnosticProvider"] = {
        {"identifier", "netlint"}, {"interFileDependencies", true}, {"workspaceDiagnostics", false}};
  }
  return {{"capabilities", capabilities}, {"serverInfo", {{"name", "netlint"}, {"version", NETLINT_VERSION}}}};
}

Json Server::pull_diagnostics(const Json& params) {
  if (dirty_) analyse_and_publish();
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const auto it = published_.find(uri);
  // A document not open (or not analysed) has no findings to show: an empty full report.
  if (it == published_.end()) return {{"kind", "full"}, {"items", Json::array()}};
  const std::string& result_id = result_ids_[uri];
  if (const auto previous = params.find("previousResultId");
      previous != params.end() && previous->is_string() && *previous == result_id) {
    return {{"kind", "unchanged"}, {"resultId", result_id}};
  }
  return {{"kind", "full"}, {"resultId", result_id}, {"items", it->second}};
}

bool Server::parent_alive() const {
  if (parent_pid_ <= 0) return true;
  return ::kill(static_cast<pid_t>(parent_pid_), 0) == 0 || errno == EPERM;
}

void Server::notification(const std::string& method, const Json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // LSP: notifications before initialize are dropped
  if (method == "textDocument/didOpen") {
    const Json& doc = params.at("textDocument");
    documents_.open(doc.at("uri").get<std::string>(), doc.at("text").get<std::string>(),
                    doc.value("version", std::int64_t{0}));
    dirty_ = true;
  } else if (method == "textDocument/didChange") {
    const Json& doc = params.at("textDocument");
    const std::string uri = doc.at("uri").get<std::string>();
    // Full sync: each change carries the whole text; the last one is the document now.
    const Json& changes = params.at("contentChanges");
    if (!changes.is_array() || changes.empty()) return;
    const Json& last = changes.back();
    if (last.contains("range")) {
      log(1, "netlint: ignored an incremental change (the server asked for full sync)");
      return;
    }
    if (documents_.change(uri, last.at("text").get<std::string>(), doc.value("version", std::int64_t{0})))
      dirty_ = true;
  } else if (method == "textDocument/didClose") {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    documents_.close(uri);
    if (!pull_) publish(uri, Json::array());
    published_.erase(uri);
    result_ids_.erase(uri);
    dirty_ = true;  // the file on disk replaces the buffer for the documents still open
  } else if (method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles") {
    dirty_ = true;  // a saved .netlint.yaml or manifest: the next analysis reads it
  }
  // initialized, $/cancelRequest, $/setTrace, workspace/didChangeConfiguration, anything else: ignored.
}

void Server::analyse_and_publish() {
  dirty_ = false;
  Published result;
  try {
    result = analyze_workspace(documents_, settings_, caches_);
  } catch (const std::exception& e) {
    log(1, std::string("netlint: internal error: ") + e.what());
    return;
  }
  if (result.errors != last_errors_) {
    for (const std::string& error : result.errors) notify("window/showMessage", {{"type", 1}, {"message", error}});
    last_errors_ = result.errors;
  }
  if (result.notes != last_notes_) {
    for (const std::string& note : result.notes) log(3, note);
    last_notes_ = result.notes;
  }
  if (!result.ran) return;
  if (!result.timing.empty()) log(4, result.timing);
  bool changed = false;
  for (auto& [uri, diagnostics] : result.diagnostics) {
    const auto it = published_.find(uri);
    if (it != published_.end() && it->second == diagnostics) continue;
    changed = true;
    if (!pull_) publish(uri, diagnostics);
    published_[uri] = std::move(diagnostics);
    result_ids_[uri] = std::to_string(next_result_id_++);
  }
  if (pull_ && changed && refresh_support_) {
    send({{"jsonrpc", "2.0"}, {"id", next_request_id_++}, {"method", "workspace/diagnostic/refresh"}});
  }
}

int run_stdio(int in_fd, std::ostream& out) {
  // A client that dies mid-write must not kill the server with SIGPIPE: the write fails instead.
  std::signal(SIGPIPE, SIG_IGN);
  Server server(out);
  MessageReader reader(in_fd, kMaxMessage);
  reader.watch([&server] { return server.parent_alive(); }, kParentCheckMs);
  while (!server.exited() && !server.output_failed()) {
    if (server.dirty() && !reader.pending()) server.analyse_and_publish();
    MessageReader::Result next = reader.next();
    switch (next.status) {
      case MessageReader::Status::kMessage:
        server.handle(next.body);
        break;
      case MessageReader::Status::kMalformed:
      case MessageReader::Status::kTooLarge:
        server.framing_error(next.error);
        break;
      case MessageReader::Status::kEof:
        return server.exit_code();
    }
  }
  return server.exit_code();
}

}  // namespace netlint::lsp
