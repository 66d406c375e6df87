// Quick fixes (`textDocument/codeAction`, kind `quickfix`): the fixes findings carry
// (diag/fix.h) as WorkspaceEdits. A published diagnostic keeps its fix in `data.fix` (LSP 3.16
// Diagnostic.data), already in the client's terms (URIs, UTF-16 ranges), so a code action needs
// no new analysis: the server answers from what it last published for the document.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>

#include "analyzer/diag/fix.h"

namespace netlint::lsp {

// `data.fix` of a published diagnostic: {title, preferred, changes: {uri: [TextEdit]}}; null when
// an edit has no URI (standard input). `range` and `uri` are the converter's.
nlohmann::json fix_data(const diag::Fix& fix, const std::function<nlohmann::json(const SourceRange&)>& range,
                        const std::function<std::string(FileId)>& uri);

// The CodeAction[] for a codeAction request's params: one per published diagnostic of the
// document whose range meets the requested range and that carries a fix; `isPreferred` for safe
// fixes; empty when context.only excludes quick fixes.
nlohmann::json code_actions(const std::map<std::string, nlohmann::json>& published, const nlohmann::json& params);

}  // namespace netlint::lsp
