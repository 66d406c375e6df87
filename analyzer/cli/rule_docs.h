// Rule documentation generated from the rules' metadata and fixtures: one Markdown page per
// rule (its doc, its bad.yaml with netlint's real output on it, its good.yaml) and an index.
#pragma once

#include <filesystem>
#include <map>
#include <ostream>
#include <string>

#include "analyzer/engine/rule.h"

namespace netlint::cli {

// File name -> content, for every page and the index (README.md).
std::map<std::string, std::string> generate_rule_docs(const std::filesystem::path& fixtures_dir);

// The fixture text as shown in docs: expectation comments and test directives removed.
std::string strip_test_markup(const std::string& fixture_text);

// `netlint explain RULE` (code or name): the rule's page, with examples when the fixtures are
// at hand (a source tree), else the page installed with the binary, else the rule's own doc.
int explain_rule(const std::string& code_or_name, const std::filesystem::path& fixtures_dir, std::ostream& out,
                 std::ostream& err);

// Writes the pages into `output_dir` (created; stale *.md pages removed). Returns 0 or an exit code.
int write_rule_docs(const std::filesystem::path& fixtures_dir, const std::filesystem::path& output_dir,
                    std::ostream& err);

}  // namespace netlint::cli
