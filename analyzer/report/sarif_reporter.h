// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers, one run per
// file, every rule of the registry in tool.driver.rules (but NL0006, whose run-level notes are
// notifications), UTF-16 columns, repository-relative
// URIs and GitHub's primaryLocationLineHash (shared/knowledge/integrations.md section 1).
// The only translation unit of the analyzer that includes nlohmann-json.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/model/model.h"
#include "analyzer/report/view_notes.h"

namespace netlint::report {

inline constexpr std::string_view kSarifSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
inline constexpr std::string_view kInformationUri = "https://github.com/netlint/netlint";
// Each rule's helpUri is `<base>/<rule-name>.md` (the pages `netlint rules --format markdown` writes).
inline constexpr std::string_view kDefaultHelpUriBase = "https://github.com/netlint/netlint/blob/main/docs/rules";

struct SarifOptions {
  std::string category;  // run.automationDetails.id (`netlint/`); empty: none
  std::string help_uri_base{kDefaultHelpUriBase};
  // The absolute folder URIs are relative to (the repository root, or --base-dir); files outside
  // it get absolute file:/// URIs. Empty: the working directory.
  std::string root;
  // invocations[0].executionSuccessful: false only when the run exits 3 (an internal error).
  bool execution_successful = true;
  // The descriptor of run-level notes (NL0006) in tool.driver.notifications; null: a minimal one.
  const diag::RuleInfo* view_note_info = nullptr;
};

// `rules` is every rule of the registry, in the order of tool.driver.rules; a diagnostic of a
// rule not in it (a test-only rule) appends that rule. Run-level notes (`view.notes`) become
// invocations[0] notifications (RULES.md "Run-level notes"): tool configuration notifications for
// `config-overrides-detection` and `selection`, tool execution notifications for the others,
// each referring to the NL0006 descriptor in tool.driver.notifications; never results.
void write_sarif(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                 std::span<const diag::RuleInfo* const> rules, const SarifOptions& options,
                 const ViewReport& view = {});

// The pieces, for tests.
namespace sarif {
// RFC 3986: every byte but unreserved characters and `/` percent-encoded (`my file` -> `my%20file`).
std::string percent_encode_path(std::string_view path);
// `path` as the user named it (relative to the working directory, or absolute) as a URI: relative
// to `root` with forward slashes when inside it, else `file:///...`.
std::string artifact_uri(std::string_view path, std::string_view root);
// properties.tags: "kubernetes" and the family of the code (NL2xxx: "networkpolicy", ...).
std::vector<std::string_view> rule_tags(std::string_view code);
std::string_view rule_precision(std::string_view code);
// The doc's first paragraph that is not a heading, as plain text, at most 1024 bytes.
std::string first_paragraph(std::string_view markdown);
// Markdown as plain text: heading marks, emphasis, backticks and fences dropped, links as `text (url)`.
std::string markdown_to_text(std::string_view markdown);
}  // namespace sarif

}  // namespace netlint::report
