#include "analyzer/report/view_notes.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/index/namespace_catalog.h"
#include "analyzer/report/run_summary.h"

namespace netlint::report {
namespace {

bool same_note(const ViewNote& a, const ViewNote& b) {
  if (a.topic != b.topic || a.message != b.message || a.evidence.size() != b.evidence.size()) return false;
  for (std::size_t i = 0; i < a.evidence.size(); ++i) {
    const SourceRange& x = a.evidence[i].range;
    const SourceRange& y = b.evidence[i].range;
    if (x.file != y.file || x.begin != y.begin || x.end != y.end || a.evidence[i].message != b.evidence[i].message)
      return false;
  }
  return true;
}

// Adds `note` from the view named `cluster`, or names that view on an equal note already there.
void add(std::vector<ViewNote>& notes, ViewNote note, const std::string& cluster) {
  for (ViewNote& existing : notes) {
    if (!same_note(existing, note)) continue;
    if (!cluster.empty()) existing.clusters.push_back(cluster);
    return;
  }
  if (!cluster.empty()) note.clusters.push_back(cluster);
  notes.push_back(std::move(note));
}

ViewNote conflict_note(const facts::Conflict& c) {
  ViewNote note;
  note.topic = std::string(facts::conflict_topic(c.kind));
  note.message = c.message;
  const bool configured = c.kind == facts::ConflictKind::kConfigOverridesDetection;
  if (c.anchor.valid()) {
    note.evidence.push_back({c.anchor, configured ? fmt::format("{} set in .netlint.yaml", c.fact)
                                                  : fmt::format("{}: the later conflicting evidence", c.fact)});
  }
  for (const diag::RelatedLocation& rel : c.related) {
    if (rel.range.valid()) note.evidence.push_back({rel.range, rel.message});
  }
  return note;
}

// "5 namespaces: 1 complete, 1 open, 3 unknown (...)": one per view, from the same catalog the
// absence rules ask (absence is reported only where the state lets it).
ViewNote namespaces_note(const std::vector<std::pair<std::string, index::NamespaceStatus>>& all) {
  std::size_t complete = 0, open = 0, unknown = 0;
  for (const auto& [name, status] : all) {
    switch (status.state) {
      case index::NamespaceState::kComplete:
        ++complete;
        break;
      case index::NamespaceState::kOpen:
        ++open;
        break;
      case index::NamespaceState::kUnknown:
        ++unknown;
        break;
    }
  }
  ViewNote note;
  note.topic = "namespaces";
  note.message = fmt::format("{} {}: {} complete, {} open, {} unknown (`netlint facts` lists each with its reason)",
                             all.size(), all.size() == 1 ? "namespace" : "namespaces", complete, open, unknown);
  return note;
}

}  // namespace

ViewNote selection_note(const std::vector<std::string>& v2_codes_left_out) {
  ViewNote note;
  note.topic = "selection";
  std::string codes;
  for (const std::string& code : v2_codes_left_out) codes += (codes.empty() ? "" : ", ") + code;
  note.message = fmt::format(
      "the config has no select, so the default groups (correctness, suspicious, perf) run; {} {} of netlint v2 "
      "{} off: {} (add them with extend-select, or set select)",
      v2_codes_left_out.size(), v2_codes_left_out.size() == 1 ? "code" : "codes",
      v2_codes_left_out.size() == 1 ? "is" : "are", codes);
  return note;
}

ViewReport collect_view_report(std::span<const LoadedView> views, bool with_notes, std::vector<ViewNote> run_notes) {
  ViewReport report;
  std::vector<ViewNote> namespace_notes;
  for (const LoadedView& loaded : views) {
    const model::Model& view = loaded.model;
    for (const facts::Conflict& c : loaded.facts.conflicts) add(report.notes, conflict_note(c), view.cluster);
    const auto all = index::NamespaceCatalog(view, loaded.facts.namespace_states).all();
    for (const auto& [name, status] : all) {
      report.namespaces.push_back({name, index::namespace_state_name(status.state), status.reason, view.cluster});
    }
    if (!all.empty()) add(namespace_notes, namespaces_note(all), view.cluster);
  }
  // Every view holds the same load counts: these notes are the run's, once.
  if (!views.empty()) {
    for (CountedNote& counted : counted_notes(views.front().model.stats)) {
      report.notes.push_back({std::string(counted.topic), std::move(counted.message), {}, {}});
    }
    // kustomize builds are the run's too (`kustomize-unsupported`, `kustomize-not-built`).
    for (const model::LoadNote& load : views.front().model.stats.notes) {
      report.notes.push_back({load.topic, load.message, {{load.at, "kustomization entry"}}, {}});
    }
    report.builds = views.front().model.builds;
    report.inert_files = views.front().model.stats.skips[static_cast<int>(model::SkipReason::kInert)];
  }
  for (ViewNote& note : run_notes) report.notes.push_back(std::move(note));
  for (ViewNote& note : namespace_notes) report.notes.push_back(std::move(note));
  if (!with_notes) report.notes.clear();
  return report;
}

}  // namespace netlint::report
