#include "analyzer/report/json_reporter.h"

#include "analyzer/report/source_locator.h"
#include "analyzer/util/json_writer.h"

namespace netlint::report {
namespace {

void write_position(JsonWriter& json, const LineColumn& at) {
  json.begin_object().key("line").value(at.line).key("column").value(at.column).end_object();
}

// file, start and end (1-based lines and code-point columns, end exclusive).
void write_location(JsonWriter& json, SourceLocator& locator, const SourceRange& range) {
  const ResolvedRange r = locator.resolve(range);
  json.key("file").value(r.path);
  json.key("start");
  write_position(json, r.start);
  json.key("end");
  write_position(json, r.end);
}

// "fix": {title, applicability, edits: [{file, start, end, replacement}]} (diag/fix.h).
void write_fix(JsonWriter& json, SourceLocator& locator, const diag::Fix& fix) {
  json.key("fix").begin_object();
  json.key("title").value(fix.title);
  json.key("applicability").value(diag::applicability_name(fix.applicability));
  json.key("edits").begin_array();
  for (const diag::Edit& e : fix.edits) {
    if (!e.range.valid()) continue;
    json.begin_object();
    write_location(json, locator, e.range);
    json.key("replacement").value(e.replacement);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

}  // namespace

void write_json(std::ostream& out, const model::Model& model, const std::vector<diag::Diagnostic>& diagnostics,
                const RunSummary& summary, bool timing) {
  SourceLocator locator(model);
  JsonWriter json(out);
  json.begin_object();
  json.key("version").value(static_cast<std::int64_t>(kJsonFormatVersion));
  json.key("tool").begin_object().key("name").value("netlint").key("version").value(NETLINT_VERSION).end_object();
  json.key("diagnostics").begin_array();
  for (const diag::Diagnostic& d : diagnostics) {
    json.begin_object();
    json.key("code").value(d.rule->code);
    json.key("name").value(d.rule->name);
    json.key("severity").value(diag::severity_name(d.severity));
    json.key("message").value(d.message);
    if (d.range.valid()) write_location(json, locator, d.range);
    if (!d.help.empty()) json.key("help").value(d.help);
    if (d.fix && !d.fix->edits.empty()) write_fix(json, locator, *d.fix);
    if (!d.clusters.empty()) {
      json.key("clusters").begin_array();
      for (const std::string& cluster : d.clusters) json.value(cluster);
      json.end_array();
    }
    json.key("related").begin_array();
    for (const diag::RelatedLocation& rel : d.related) {
      if (!rel.range.valid()) continue;
      json.begin_object();
      write_location(json, locator, rel.range);
      json.key("message").value(rel.message);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();

  // Run-level notes are statements about the view, never diagnostics (RULES.md "Run-level notes").
  json.key("view").begin_object();
  json.key("notes").begin_array();
  for (const ViewNote& note : summary.view.notes) {
    json.begin_object();
    json.key("id").value(engine::kViewNoteCode);
    json.key("topic").value(note.topic);
    json.key("message").value(note.message);
    json.key("evidence").begin_array();
    for (const NoteEvidence& e : note.evidence) {
      json.begin_object();
      write_location(json, locator, e.range);
      json.key("message").value(e.message);
      json.end_object();
    }
    json.end_array();
    if (!note.clusters.empty()) {
      json.key("clusters").begin_array();
      for (const std::string& cluster : note.clusters) json.value(cluster);
      json.end_array();
    }
    json.end_object();
  }
  json.end_array();
  json.key("namespaces").begin_array();
  for (const NamespaceRow& row : summary.view.namespaces) {
    json.begin_object().key("name").value(row.name).key("state").value(row.state).key("reason").value(row.reason);
    if (!row.cluster.empty()) json.key("cluster").value(row.cluster);
    json.end_object();
  }
  json.end_array();
  json.key("builds").begin_array();
  for (const model::KustomizeBuild& build : summary.view.builds) {
    json.begin_object();
    // The root kustomization as every other path of the report spells it.
    json.key("root").value(build.root_file != kNoFile ? model.file(build.root_file).path : build.root);
    json.key("objects").value(static_cast<std::int64_t>(build.objects));
    json.key("unsupported").begin_array();
    for (const std::string& feature : build.unsupported) json.value(feature);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("inertFiles").value(summary.view.inert_files);
  json.end_object();

  const model::LoadStats& st = summary.stats;
  json.key("summary").begin_object();
  json.key("files").value(st.files);
  json.key("documents").value(st.documents);
  json.key("objects").value(st.objects());
  json.key("objectsPerKind").begin_object();
  for (const auto& [kind, count] : st.objects_per_kind) json.key(kind).value(count);
  json.end_object();
  json.key("skipped").begin_object();
  for (int r = 0; r < static_cast<int>(model::SkipReason::kCount); ++r) {
    if (st.skips[r] != 0) json.key(model::skip_reason_name(static_cast<model::SkipReason>(r))).value(st.skips[r]);
  }
  json.end_object();
  json.key("errors").value(summary.errors);
  json.key("warnings").value(summary.warnings);
  json.key("notes").value(summary.notes);
  json.key("viewNotes").value(static_cast<std::uint32_t>(summary.view.notes.size()));
  if (timing) json.key("seconds").value(summary.elapsed.count());
  json.end_object();
  json.end_object();
}

}  // namespace netlint::report
