// `--format github`: one workflow command per finding and per run-level note, escaped as GitHub's
// toolkit escapes.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "analyzer/loader/loader.h"
#include "analyzer/report/github_reporter.h"

namespace netlint::report {
namespace {

constexpr diag::RuleInfo kTypo{
    .code = "NL1001", .name = "service-selector-typo", .severity = diag::Severity::kError, .summary = "s", .doc = ""};

TEST_CASE("github: data and property escaping") {
  CHECK(github_escape_data("50% a:b,c\r\nd") == "50%25 a:b,c%0D%0Ad");
  CHECK(github_escape_property("50% a:b,c\r\nd") == "50%25 a%3Ab%2Cc%0D%0Ad");
  CHECK(github_escape_data("%25") == "%2525");  // escaped once, not read back as an escape
}

TEST_CASE("github: one line per finding with positions, title, level and the related notes") {
  std::vector<InputText> inputs;
  inputs.push_back({"my dir/a,b.yaml", "kind: Service\nspec:\n  selector: {app: \xc3\xa9x}\n", true, {}});
  const model::Model model = load_inputs(std::move(inputs), LoadOptions{}).model;
  diag::Diagnostic d;
  d.rule = &kTypo;
  d.severity = diag::Severity::kError;
  d.range = {0, 38, 41};  // "éx": columns count code points
  d.message = "selector app=éx matches no pods: 100%";
  d.help = "change it";
  d.related.push_back({{0, 0, 4}, "the Service"});
  diag::Diagnostic note = d;
  note.severity = diag::Severity::kNote;
  note.related.clear();
  note.help.clear();
  note.clusters = {"prod"};
  diag::Diagnostic warning = note;
  warning.severity = diag::Severity::kWarning;
  warning.range = {};
  warning.clusters.clear();
  std::ostringstream out;
  write_github(out, model, {d, note, warning}, std::filesystem::current_path().string());
  CHECK(out.str() ==
        "::error file=my dir/a%2Cb.yaml,line=3,col=19,endLine=3,endColumn=21,title=NL1001 service-selector-typo::"
        "selector app=\xc3\xa9x matches no pods: 100%25%0Ahelp: change it%0Anote: my dir/a,b.yaml:1:1: the Service\n"
        "::notice file=my dir/a%2Cb.yaml,line=3,col=19,endLine=3,endColumn=21,title=NL1001 service-selector-typo::"
        "selector app=\xc3\xa9x matches no pods: 100%25%0A[cluster prod]\n"
        "::warning title=NL1001 service-selector-typo::selector app=\xc3\xa9x matches no pods: 100%25\n");
}

TEST_CASE("github: run-level notes are notices without a file, after the findings, escaped") {
  const model::Model model = load_inputs({}, LoadOptions{}).model;
  std::vector<ViewNote> notes;
  notes.push_back(
      {"ambiguous-fact", "pod CIDRs disagree: 10.0.0.0/8 vs 100%\nnext", {{{0, 0, 1}, "ignored: no file"}}, {}});
  notes.push_back({"namespaces", "1 namespace: 0 complete", {}, {"prod", "edge"}});
  std::ostringstream out;
  write_github(out, model, {}, std::filesystem::current_path().string(), notes);
  CHECK(out.str() ==
        "::notice title=NL0006 ambiguous-fact::pod CIDRs disagree: 10.0.0.0/8 vs 100%25\\nnext\n"
        "::notice title=NL0006 namespaces::1 namespace: 0 complete%0A[clusters prod, edge]\n");
}

}  // namespace
}  // namespace netlint::report
