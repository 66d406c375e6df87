// netlint findings as LSP Diagnostic objects (LSP 3.17 "Diagnostic"): the exact range in UTF-16
// columns, severity error=1 warning=2 note=3 (LSP Information), code, codeDescription.href (the
// rule's page, as SARIF's helpUri), source "netlint", relatedInformation, and the help line
// appended to the message (clients show no separate help field).
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"

namespace netlint::lsp {

// The URI a location in `file` is shown at: the open document's own URI, else file:// of the
// file's absolute path; empty when it has none (standard input).
using UriOf = std::function<std::string(const SourceFile& file)>;

class DiagnosticConverter {
 public:
  DiagnosticConverter(const model::Model& model, UriOf uri_of) : model_(model), uri_of_(std::move(uri_of)) {}
  nlohmann::json range(const SourceRange& range);
  nlohmann::json convert(const diag::Diagnostic& d);

 private:
  const LineIndex& index(FileId file);
  const model::Model& model_;
  UriOf uri_of_;
  std::unordered_map<FileId, std::unique_ptr<LineIndex>> indexes_;
};

// The rule's documentation page (report/sarif_reporter.h's helpUri).
std::string rule_doc_url(const diag::RuleInfo& rule);

// A finding that has no place in a document (a run-level note, an internal error without a
// location) as one line for window/logMessage.
std::string log_line(const diag::Diagnostic& d, const model::Model& model);

}  // namespace netlint::lsp
