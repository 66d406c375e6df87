#include "analyzer/lsp/code_actions.h"

#include <tuple>

namespace netlint::lsp {
namespace {

using Json = nlohmann::json;

std::tuple<std::int64_t, std::int64_t> position(const Json& p) {
  return {p.at("line").get<std::int64_t>(), p.at("character").get<std::int64_t>()};
}

// Ranges meet when neither ends before the other starts (a cursor inside or at either end of a
// finding's range asks for its fixes).
bool meets(const Json& a, const Json& b) {
  return !(position(a.at("end")) < position(b.at("start"))) && !(position(b.at("end")) < position(a.at("start")));
}

bool wants_quickfix(const Json& params) {
  const auto context = params.find("context");
  if (context == params.end() || !context->is_object()) return true;
  const auto only = context->find("only");
  if (only == context->end() || !only->is_array()) return true;
  for (const Json& kind : *only) {
    // "quickfix" or a parent kind ("" is the empty kind, which every kind is under).
    if (kind.is_string() && (kind == "quickfix" || kind == "")) return true;
  }
  return false;
}

}  // namespace

Json fix_data(const diag::Fix& fix, const std::function<Json(const SourceRange&)>& range,
              const std::function<std::string(FileId)>& uri) {
  Json changes = Json::object();
  for (const diag::Edit& e : fix.edits) {
    const std::string u = e.range.valid() ? uri(e.range.file) : std::string();
    if (u.empty()) return nullptr;
    changes[u].push_back({{"range", range(e.range)}, {"newText", e.replacement}});
  }
  return {{"title", fix.title},
          {"preferred", fix.applicability == diag::Applicability::kSafe},
          {"changes", std::move(changes)}};
}

Json code_actions(const std::map<std::string, Json>& published, const Json& params) {
  Json actions = Json::array();
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const Json& wanted = params.at("range");
  if (!wants_quickfix(params)) return actions;
  const auto it = published.find(uri);
  if (it == published.end()) return actions;
  for (const Json& d : it->second) {
    const Json* fix =
        d.contains("data") && d["data"].is_object() && d["data"].contains("fix") ? &d["data"]["fix"] : nullptr;
    if (fix == nullptr || !fix->is_object() || !meets(d.at("range"), wanted)) continue;
    Json action = {{"title", (*fix)["title"]},
                   {"kind", "quickfix"},
                   {"diagnostics", Json::array({d})},
                   {"edit", {{"changes", (*fix)["changes"]}}}};
    if ((*fix)["preferred"] == true) action["isPreferred"] = true;
    actions.push_back(std::move(action));
  }
  return actions;
}

}  // namespace netlint::lsp
