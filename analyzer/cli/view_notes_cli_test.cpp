// Run-level notes (RULES.md "Run-level notes (NL0006)") through the real binary: in every format
// they are no findings (never a result, never in a baseline, no effect on the exit status), carry
// their topic, and only a code-level ignore of NL0006 hides them.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "analyzer/testing/cli_run.h"

namespace netlint {
namespace {
using nlohmann::json;
using testing::TempRepo;
using Run = testing::CliRun;

Run run_in(const TempRepo& repo, const std::string& args) {
  return testing::run_netlint_in(repo.root, args);
}

// Two variants of Flannel's ConfigMap that disagree on the pod network: an ambiguous fact.
std::string flannel(const std::string& network) {
  return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\ndata:\n"
         "  net-conf.json: |\n    {\"Network\": \"" +
         network + "\", \"Backend\": {\"Type\": \"vxlan\"}}\n";
}

void write_variants(const TempRepo& repo) {
  repo.write("a/flannel.yaml", flannel("10.244.0.0/16"));
  repo.write("b/flannel.yaml", flannel("10.42.0.0/16"));
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("view notes in text: after the findings, before the summary, never a finding or a failure") {
    const TempRepo repo("view-notes-text", /*git=*/false);
    write_variants(repo);
    const Run run = run_in(repo, "--no-timing --fail-on note .");
    CHECK(run.status == 0);  // notes never fail the run, even with --fail-on note
    CHECK(run.out.find("view: note: the view mixes evidence of several clusters for the pod CIDRs") == 0);
    CHECK(run.out.find("(b/flannel.yaml:8, a/flannel.yaml:8) [NL0006 ambiguous-fact]\n") != std::string::npos);
    CHECK(run.out.find("[NL0006 namespaces]\n") != std::string::npos);
    CHECK(run.out.find("[NL0006 ambiguous-view]") == std::string::npos);  // no finding any more
    CHECK(run.out.find("0 errors, 0 warnings, 0 notes, 2 view notes\n") != std::string::npos);
  }

  TEST_CASE("view notes: only a code-level ignore of NL0006 hides them; select and groups do not") {
    const TempRepo repo("view-notes-ignore", /*git=*/false);
    write_variants(repo);
    CHECK(count(run_in(repo, "--no-timing --ignore NL0006 .").out, "view: note:") == 0);
    CHECK(count(run_in(repo, "--no-timing --disable ambiguous-view .").out, "view: note:") == 0);
    CHECK(count(run_in(repo, "--no-timing --select NL1 .").out, "view: note:") == 2);
    CHECK(count(run_in(repo, "--no-timing --ignore ALL,suspicious,NL0 .").out, "view: note:") == 2);
    repo.write(".netlint.yaml", "ignore: [NL0006]\n");
    CHECK(count(run_in(repo, "--no-timing --config .netlint.yaml .").out, "view: note:") == 0);
    repo.write(".netlint.yaml", "rules: {ambiguous-view: {severity: off}}\n");
    CHECK(count(run_in(repo, "--no-timing --config .netlint.yaml .").out, "view: note:") == 0);
    repo.write(".netlint.yaml", "rules: {NL0006: {severity: error}}\n");
    const Run configured = run_in(repo, "--no-timing --fail-on note --config .netlint.yaml .");
    CHECK(configured.status == 0);
    // A config without select: the `selection` note names the v2 codes left out.
    CHECK(count(configured.out, "view: note:") == 3);
    CHECK(configured.out.find("of netlint v2 are off: NL1007, NL2007, ") != std::string::npos);
    CHECK(configured.out.find("(add them with extend-select, or set select) [NL0006 selection]\n") !=
          std::string::npos);
    // `netlint rules` still lists it, as the id of run-level notes.
    CHECK(run_in(repo, "rules").out.find("NL0006  -         ambiguous-view") != std::string::npos);
  }

  TEST_CASE("view notes in json: version 2, the view object, summary.viewNotes, never a diagnostic") {
    const TempRepo repo("view-notes-json", /*git=*/false);
    write_variants(repo);
    repo.write("a/.netlint.yaml", "");  // not read: the walk leaves configs out
    const json out = json::parse(run_in(repo, "--format json --no-timing .").out);
    CHECK(out["version"] == 2);
    CHECK(out["diagnostics"] == json::array());
    const json& notes = out["view"]["notes"];
    REQUIRE(notes.size() == 2);
    CHECK(notes[0]["id"] == "NL0006");
    CHECK(notes[0]["topic"] == "ambiguous-fact");
    REQUIRE(notes[0]["evidence"].size() == 2);
    CHECK(notes[0]["evidence"][0]["file"] == "b/flannel.yaml");
    CHECK(notes[0]["evidence"][0]["start"]["line"] == 8);
    CHECK(notes[1]["topic"] == "namespaces");
    CHECK(out["view"]["namespaces"] == json::parse(R"([{"name": "kube-flannel", "state": "unknown",
                                                        "reason": "the view holds no Namespace object for it"}])"));
    CHECK(out["summary"]["viewNotes"] == 2);
    CHECK(out["summary"]["notes"] == 0);
  }

  TEST_CASE("json view: the kustomize builds with their objects and unsupported features, the inert files") {
    const TempRepo repo("view-builds-json", /*git=*/false);
    repo.write("app/kustomization.yaml",
               "resources:\n- web.yaml\n- https://example.com/remote.yaml\nnamespace: shop\n");
    repo.write("app/web.yaml",
               "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n");
    repo.write("app/old-web.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\n");  // built by nothing
    const json out = json::parse(run_in(repo, "--format json --no-timing --ignore NL0006 .").out);
    // Facts about the run, not notes: the code-level ignore of NL0006 keeps them.
    CHECK(out["view"]["notes"] == json::array());
    CHECK(out["view"]["builds"] == json::parse(R"([{"root": "app/kustomization.yaml", "objects": 1,
                           "unsupported": ["the remote resource https://example.com/remote.yaml"]}])"));
    CHECK(out["view"]["inertFiles"] == 1);
    // Without kustomizations: an empty list and zero, always present (the schema requires them).
    const TempRepo plain("view-builds-json-plain", /*git=*/false);
    write_variants(plain);
    const json none = json::parse(run_in(plain, "--format json --no-timing .").out);
    CHECK(none["view"]["builds"] == json::array());
    CHECK(none["view"]["inertFiles"] == 0);
  }

  TEST_CASE("view notes in sarif: invocation notifications, NL0006 out of the rules, no results") {
    const TempRepo repo("view-notes-sarif", /*git=*/false);
    write_variants(repo);
    repo.write(".netlint.yaml", "cluster:\n  cni: calico\n");
    const json log = json::parse(run_in(repo, "--format sarif --config .netlint.yaml .").out);
    const json& run = log["runs"][0];
    CHECK(run["results"] == json::array());
    for (const json& rule : run["tool"]["driver"]["rules"]) CHECK(rule["id"] != "NL0006");
    CHECK(run["tool"]["driver"]["notifications"][0]["id"] == "NL0006");
    const json& invocation = run["invocations"][0];
    CHECK(invocation["executionSuccessful"] == true);
    // The config's cni against the manifests, then the config's selection (it has no select).
    REQUIRE(invocation["toolConfigurationNotifications"].size() == 2);
    CHECK(invocation["toolConfigurationNotifications"][1]["properties"]["topic"] == "selection");
    const json& configured = invocation["toolConfigurationNotifications"][0];
    CHECK(configured["descriptor"] == json::parse(R"({"id": "NL0006", "index": 0})"));
    CHECK(configured["level"] == "note");
    CHECK(configured["properties"]["topic"] == "config-overrides-detection");
    CHECK(configured["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ".netlint.yaml");
    const json& executed = invocation["toolExecutionNotifications"];
    REQUIRE(executed.size() == 2);
    CHECK(executed[0]["properties"]["topic"] == "ambiguous-fact");
    CHECK(executed[0]["message"]["text"].get<std::string>().starts_with("The view mixes evidence"));
    CHECK(executed[1]["properties"]["topic"] == "namespaces");
  }

  TEST_CASE("view notes in github: notices without a file, escaped; never in a baseline") {
    const TempRepo repo("view-notes-github", /*git=*/false);
    write_variants(repo);
    const Run run = run_in(repo, "--format github .");
    CHECK(run.status == 0);
    CHECK(run.out.starts_with("::notice title=NL0006 ambiguous-fact::the view mixes evidence of several clusters"));
    CHECK(run.out.find("file=") == std::string::npos);
    CHECK(count(run.out, "::notice title=NL0006 ") == 2);
    // A baseline records findings only: the notes stay out of it and are still shown after it.
    CHECK(run_in(repo, "--write-baseline base.json .").status == 0);
    std::ifstream in(repo.root / "base.json");
    const std::string baseline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(baseline.find("NL0006") == std::string::npos);
    CHECK(count(run_in(repo, "--no-timing --baseline base.json .").out, "view: note:") == 2);
  }
}

}  // namespace netlint
