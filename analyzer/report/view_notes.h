// Run-level notes (RULES.md "Run-level notes (NL0006)"): statements about the view, not about an
// object to edit. They are never findings: no result, no baseline entry, no `failOn` hit, no
// effect on the exit status. Collected once per run from every view, then written by each
// reporter in its own way (text `view: note:` lines, the JSON `view` object, SARIF
// notifications, GitHub `::notice` commands without a file).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine/engine_codes.h"
#include "analyzer/loader/loader.h"
#include "analyzer/model/model.h"
#include "analyzer/source/source_file.h"

namespace netlint::report {

// A place that supports a note (the conflicting evidence, the config key).
struct NoteEvidence {
  SourceRange range;
  std::string message;
};

struct ViewNote {
  std::string topic;    // "ambiguous-fact", "config-overrides-detection", "placeholders", ...
  std::string message;  // lowercase, no trailing period, like a finding's
  std::vector<NoteEvidence> evidence;
  std::vector<std::string> clusters;  // the `clusters:` views it holds in; empty without clusters
};

// One namespace of a view with its state (RULES.md "Namespace states").
struct NamespaceRow {
  std::string name;   // `~` for the apply-time namespace
  std::string state;  // "complete", "open", "unknown"
  std::string reason;
  std::string cluster;  // the view's `clusters:` name; empty without clusters
};

struct ViewReport {
  std::vector<ViewNote> notes;
  std::vector<NamespaceRow> namespaces;
  // The kustomize builds of the run (each root kustomization, the objects it makes, the features
  // it uses that netlint does not build) and the inert files beside them (RULES.md "Kustomize"):
  // the JSON `view.builds` and `view.inertFiles`. Facts, not notes: kept under `ignore: [NL0006]`.
  std::vector<model::KustomizeBuild> builds;
  std::uint32_t inert_files = 0;
};

// The notes and namespaces of a run over `views` (one per `clusters:` entry, or the only one),
// in this order: each view's fact conflicts (`ambiguous-fact`, `config-overrides-detection`),
// the load's counted notes (`placeholders`, `negative-fixtures`), `run_notes` (the command's own,
// such as `selection`), each view's `namespaces` note. A note several views give alike is kept
// once with all their names. `with_notes` false (the user's `ignore: [NL0006]`) leaves the notes
// out but keeps the namespaces, the builds and the inert-file count.
ViewReport collect_view_report(std::span<const LoadedView> views, bool with_notes,
                               std::vector<ViewNote> run_notes = {});

// The `selection` note: the v2 codes a config without `select` leaves out (not empty).
ViewNote selection_note(const std::vector<std::string>& v2_codes_left_out);

}  // namespace netlint::report
