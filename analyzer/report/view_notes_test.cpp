// Run-level notes collected once per run: topics in order, evidence from a conflict's anchor and
// related places, a note several views give alike kept once with their names, namespaces kept
// when the notes are ignored.
#include "analyzer/report/view_notes.h"

#include <doctest/doctest.h>

#include "analyzer/loader/loader.h"

namespace netlint::report {
namespace {

std::string flannel(const std::string& network) {
  return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\ndata:\n"
         "  net-conf.json: |\n    {\"Network\": \"" +
         network + "\", \"Backend\": {\"Type\": \"vxlan\"}}\n";
}

LoadedView variants(const std::string& cluster) {
  std::vector<InputText> inputs;
  inputs.push_back({"a/flannel.yaml", flannel("10.244.0.0/16"), true, {}});
  inputs.push_back({"b/flannel.yaml", flannel("10.42.0.0/16"), true, {}});
  LoadedView view = load_inputs(std::move(inputs), LoadOptions{});
  view.model.cluster = cluster;
  return view;
}

}  // namespace

TEST_CASE("view notes: a conflict, then the counted notes, then the namespaces note") {
  std::vector<LoadedView> views;
  views.push_back(variants(""));
  views.front().model.stats.placeholder_documents = 2;
  const ViewReport report = collect_view_report(views, true, {selection_note({"NL6102"})});
  REQUIRE(report.notes.size() == 4);
  CHECK(report.notes[0].topic == "ambiguous-fact");
  REQUIRE(report.notes[0].evidence.size() == 2);  // the later evidence, then the other variant
  CHECK(report.notes[0].evidence[0].range.file == 1);
  CHECK(report.notes[0].evidence[1].range.file == 0);
  CHECK(report.notes[0].clusters.empty());
  CHECK(report.notes[1].topic == "placeholders");
  CHECK(report.notes[1].message.starts_with("2 documents hold placeholders"));
  CHECK(report.notes[2].topic == "selection");
  CHECK(report.notes[2].message.find("1 code of netlint v2 is off: NL6102") != std::string::npos);
  CHECK(report.notes[3].topic == "namespaces");
  CHECK(report.notes[3].message ==
        "1 namespace: 0 complete, 0 open, 1 unknown (`netlint facts` lists each with its reason)");
  REQUIRE(report.namespaces.size() == 1);
  CHECK(report.namespaces[0].name == "kube-flannel");
  CHECK(report.namespaces[0].state == "unknown");
  CHECK(report.namespaces[0].cluster.empty());
}

TEST_CASE("view notes: views that agree share one note with their names; ignoring NL0006 keeps the namespaces") {
  std::vector<LoadedView> views;
  views.push_back(variants("prod"));
  views.push_back(variants("staging"));
  const ViewReport report = collect_view_report(views, true);
  REQUIRE(report.notes.size() == 2);
  CHECK(report.notes[0].clusters == std::vector<std::string>{"prod", "staging"});
  CHECK(report.notes[1].clusters == std::vector<std::string>{"prod", "staging"});
  REQUIRE(report.namespaces.size() == 2);  // one row per view
  CHECK(report.namespaces[1].cluster == "staging");
  const ViewReport hidden = collect_view_report(views, false, {selection_note({"NL6102"})});
  CHECK(hidden.notes.empty());
  CHECK(hidden.namespaces.size() == 2);
  CHECK(collect_view_report({}, true).notes.empty());
}

}  // namespace netlint::report
