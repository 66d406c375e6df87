#include "analyzer/loader/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "analyzer/kustomize/build.h"
#include "analyzer/loader/generator_sources.h"
#include "analyzer/loader/outside_bases.h"
#include "analyzer/loader/document_parses.h"
#include "analyzer/loader/file_objects_entry.h"
#include "analyzer/loader/kustomize.h"
#include "analyzer/loader/parse_cache.h"
#include "analyzer/loader/text_encoding.h"
#include "analyzer/model/apply_units.h"
#include "analyzer/model/extract.h"
#include "analyzer/model/extract_configs.h"
#include "analyzer/source/input_kinds.h"
#include "analyzer/util/utf8.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/model/placeholder.h"
#include "analyzer/model/all_caps_names.h"
#include "analyzer/model/view_merge.h"
#include "analyzer/model/synthetic_peers.h"
#include "analyzer/util/parallel.h"
#include "analyzer/util/strings.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/tree_builder.h"
#include "analyzer/source/path_parts.h"

namespace netlint {
namespace {

using model::SkipReason;

// Files under `<chart>/templates/` where `<chart>/Chart.yaml` is among the inputs are Helm templates.
bool is_chart_template(std::string_view path, const std::set<std::string, std::less<>>& chart_dirs) {
  for (std::string_view dir = path_dirname(path); !dir.empty(); dir = path_dirname(dir)) {
    if (path_basename(dir) == "templates" && chart_dirs.count(path_dirname(dir)) != 0) return true;
  }
  return false;
}

// A file is binary, and skipped whole, when it does not look like text YAML at all: a NUL byte
// in its first 8 KB and no manifest there (`apiVersion` and `kind` keys). A manifest file with a
// NUL or invalid UTF-8 further on is read document by document instead (load_file), so one
// damaged document does not hide its siblings.
bool looks_binary(std::string_view text) {
  const std::string_view head = text.substr(0, 8192);
  return head.find('\0') != std::string_view::npos && !looks_like_manifest(head);
}

// What every file's loading needs to know about the others.
struct FileContext {
  std::set<std::string, std::less<>> chart_dirs;  // folders holding a Chart.yaml
  KustomizeLayout kustomize;
  kustomize::BuildPlan builds;
  model::ExtractOptions extract;
  DiskCache* disk_cache = nullptr;  // LoadOptions::disk_cache
};

std::string normalised(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
}

std::optional<SkipReason> classify_file(const InputText& input, FileId id, const FileContext& context) {
  if (input.skip) return input.skip;
  if (context.builds.side_files.count(id) != 0) return SkipReason::kKustomize;  // patches are partial objects
  // Beside a kustomization and read by no build: `kubectl apply -k` leaves it out. A file named on
  // the command line is linted anyway, as its own apply unit.
  if (context.builds.inert_files.count(id) != 0 && !input.named) return SkipReason::kInert;
  const std::string_view name = path_basename(input.path);
  if (name == "Chart.yaml" || name == "Chart.yml" || name == "values.yaml" || name == "values.yml" ||
      name == "values.schema.json") {
    return SkipReason::kHelmChart;
  }
  if (is_kustomization_file(input.path) || context.kustomize.patch_files.count(normalised(input.path)) != 0) {
    return SkipReason::kKustomize;  // read for namespace and patches, never linted; patches are partial objects
  }
  if (!input.rendered && is_chart_template(input.path, context.chart_dirs)) return SkipReason::kTemplate;
  if (looks_binary(input.text)) return SkipReason::kBinary;
  return std::nullopt;
}

// The first byte of a document that is not UTF-8 text: a NUL, or a byte that does not belong to
// a well-formed UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF
// included), which kubectl's YAML reader rejects.
struct NonText {
  std::size_t offset = 0;
  bool nul = false;
};

std::optional<NonText> first_non_text_byte(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // ASCII other than NUL, nearly every byte of a manifest, without a call (5% of a run).
    if (const auto b = static_cast<unsigned char>(text[i]); b != 0 && b < 0x80) {
      ++i;
      continue;
    }
    if (text[i] == '\0') return NonText{i, true};
    const utf8::CodePoint c = utf8::decode(text, i);
    if (!c.valid) return NonText{i, false};
    i += c.length;
  }
  return std::nullopt;
}

// NL0001 for a document that looks like a manifest but is not UTF-8 text.
model::InputProblem non_text_problem(std::string_view text, std::uint32_t at, FileId id, const NonText& what) {
  if (what.nul) {
    return {model::InputProblemKind::kParseError, SourceRange{id, at, at + 1},
            "binary content: NUL byte in a YAML document",
            "the file may be corrupted or saved as UTF-16; kubectl reads YAML as UTF-8 text"};
  }
  return {model::InputProblemKind::kParseError, SourceRange{id, at, at + 1},
          fmt::format("invalid UTF-8: byte 0x{:02x} is not part of a valid UTF-8 character",
                      static_cast<unsigned char>(text[at])),
          "kubectl reads YAML as UTF-8; save the file as UTF-8 (it may be Latin-1 or another legacy encoding)"};
}

// The NL0001 problem for a parse error. yaml-cpp reports unclosed constructs at the end of the
// document, often on a blank line: point at the last character written instead.
model::InputProblem parse_problem(std::string_view text, std::uint32_t begin, std::uint32_t end, FileId id,
                                  const yaml::ParseError& error) {
  std::uint32_t at = std::min(error.offset, end);
  const auto last = text.substr(begin, end - begin).find_last_not_of(" \t\r\n");
  if (last != std::string_view::npos && at > begin + last) at = begin + static_cast<std::uint32_t>(last);
  model::InputProblem problem{model::InputProblemKind::kParseError,
                              SourceRange{id, at, at + (at < end ? 1u : 0u)},
                              fmt::format("invalid YAML: {}", error.message),
                              {}};
  const auto line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
  const std::size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
  const std::string_view indent = text.substr(from, text.find_first_not_of(" \t", from) - from);
  if (indent.find('\t') != std::string_view::npos)
    problem.help = "YAML does not allow tabs for indentation; use spaces";
  return problem;
}

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

struct FileResult {
  std::vector<model::DocumentObjects> documents;
  std::uint32_t document_count = 0;
  std::optional<SkipReason> file_skip;
  // A resource file of kustomize builds: its documents parsed and kept for the builds (which
  // extract what they build), with the keys each document writes twice.
  std::vector<std::optional<yaml::Tree>> trees;
  std::vector<std::vector<yaml::ParseError>> duplicate_keys;
  // Its objects per kind as written (List items one by one): the summary counts what files hold,
  // however many builds read them.
  std::map<std::string, std::uint32_t> source_kinds;
};

// What extract_document would say of a resource file's document before a build reads it: a
// skip for documents that are not objects, else the kinds it holds.
void note_source_document(const yaml::NodeRef& root, model::DocumentObjects& out,
                          std::map<std::string, std::uint32_t>& kinds) {
  if (const std::optional<SkipReason> skip = model::non_object_skip(root)) {
    out.skip = skip;
    return;
  }
  const yaml::NodeRef kind = root.get("kind");
  const std::string& k = kind.scalar();
  const yaml::NodeRef items = root.get("items");
  if (k.size() >= 4 && k.compare(k.size() - 4, 4, "List") == 0 && (items.is_sequence() || k == "List")) {
    const std::string item_kind = k.substr(0, k.size() - 4);
    for (std::uint32_t i = 0; i < items.size(); ++i) {
      const yaml::NodeRef item = items.item(i);
      if (!item.is_map()) continue;
      if (item.get("kind").is_scalar())
        ++kinds[item.get("kind").scalar()];
      else if (k != "List" && item.get("metadata").is_map())
        ++kinds[item_kind];
    }
    return;
  }
  ++kinds[k];
}

// The namespace a broken template names is found by hand-written scanning, not std::regex:
// libstdc++'s regex recursed once per character and overflowed the stack on a 40 KB value or
// 50,000 blanks (issue 16). The scanning reads what the regex
//   \n\s*namespace:\s*["']?([a-z0-9][-a-z0-9]*)["']?\s*(\n|#|$)
// read, `\s` being any of " \t\n\v\f\r" (so it crosses lines, as the regex did).
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}
bool is_quote(char c) {
  return c == '"' || c == '\'';
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
  while (at < text.size() && is_ascii_space(text[at])) ++at;
  return at;
}

// Whether the blanks right before `at` include a line break: `namespace:` starts a line.
bool starts_line(std::string_view text, std::size_t at) {
  while (at > 0 && is_ascii_space(text[at - 1])) {
    if (text[--at] == '\n') return true;
  }
  return false;
}

// The name after `namespace:` (which ends at `at`): optionally quoted, then the end of the line,
// a comment or the end of the document.
std::optional<std::string_view> namespace_value(std::string_view text, std::size_t at) {
  at = skip_spaces(text, at);
  if (at < text.size() && is_quote(text[at])) ++at;
  const std::size_t begin = at;
  if (at == text.size() || text[at] == '-' || !is_name_char(text[at])) return std::nullopt;
  while (at < text.size() && is_name_char(text[at])) ++at;
  const std::string_view name = text.substr(begin, at - begin);
  if (at < text.size() && is_quote(text[at])) ++at;
  const std::size_t after = skip_spaces(text, at);
  const bool line_ends = text.substr(at, after - at).find('\n') != std::string_view::npos;
  if (line_ends || after == text.size() || text[after] == '#') return name;
  return std::nullopt;
}

// The first `namespace: NAME` at the start of a line whose value is a plain name.
std::optional<std::string_view> named_namespace(std::string_view document) {
  constexpr std::string_view kKey = "namespace:";
  for (auto at = document.find(kKey); at != std::string_view::npos; at = document.find(kKey, at + 1)) {
    if (!starts_line(document, at)) continue;
    if (const auto name = namespace_value(document, at + kKey.size())) return name;
  }
  return std::nullopt;
}

// A template that did not parse may create workloads in the namespace it names, or in the
// default one: the view cannot see them, so that namespace is not known.
model::OpaqueNamespace template_namespace(std::string_view document, const std::string& fallback,
                                          const std::string& path) {
  const auto named = named_namespace(document);
  return {model::synthesised(named ? std::string(*named) : fallback),
          "the template " + path + " may create workloads in it"};
}

// A document that fails to parse on a line holding an angle-bracket placeholder (`key: <your
// value: here>`) is a fill-in template. yaml-cpp may report the error on the next line, so the
// line before counts too.
bool fill_in_template(std::string_view text, std::uint32_t begin, std::uint32_t end, std::uint32_t error_at) {
  const std::size_t at = std::clamp<std::size_t>(error_at, begin, end);
  std::size_t line_end = text.find('\n', at);
  if (line_end == std::string_view::npos || line_end > end) line_end = end;
  std::size_t line_start = at;
  while (line_start > begin && text[line_start - 1] != '\n') --line_start;
  for (int lines = 0; lines < 2; ++lines) {
    if (model::line_has_angle_bracket_placeholder(text.substr(line_start, line_end - line_start))) return true;
    if (line_start <= begin) break;
    line_end = line_start - 1;
    line_start = line_end;
    while (line_start > begin && text[line_start - 1] != '\n') --line_start;
  }
  return false;
}

// Kustomize sets the namespace of every namespaced resource it applies.
void apply_kustomize_namespace(model::DocumentObjects& out, const std::string& ns) {
  model::for_each_object_meta(out, [&](model::ObjectMeta& meta) {
    if (!model::is_cluster_scoped(meta.kind.value)) meta.namespace_name.value = ns;
  });
}

// Kustomize's commonLabels (and `labels` with includeSelectors) set these on every object's labels,
// pod templates, Service selectors (creating one on a Service that has none) and NetworkPolicy
// `matchLabels` where one is written (builtinpluginconsts/commonlabels.go); each value carries the
// kustomization entry that wrote it.
void apply_kustomize_labels(model::DocumentObjects& out, const model::Labels& labels) {
  const auto set_all = [&](model::Labels& target) {
    for (const model::Label& label : labels) {
      const auto same_key = std::find_if(target.begin(), target.end(),
                                         [&](const model::Label& l) { return l.key.value == label.key.value; });
      if (same_key == target.end())
        target.push_back(label);
      else
        *same_key = label;
    }
  };
  model::for_each_object_meta(out, [&](model::ObjectMeta& meta) { set_all(meta.labels); });
  for (model::PodSource& pod : out.pod_sources) set_all(pod.labels);
  for (model::Service& service : out.services) {
    if (service.type.value == "ExternalName") continue;
    if (!service.selector_key.valid()) service.selector_key = labels.front().key.range;
    set_all(service.selector);
  }
  const auto set_written = [&](model::SelectorSpec& selector) {
    if (!selector.match_labels.empty()) set_all(selector.match_labels);
  };
  for (model::NetworkPolicy& policy : out.network_policies) {
    set_written(policy.pod_selector);
    for (auto* rules : {&policy.ingress, &policy.egress}) {
      for (model::PolicyRule& rule : *rules) {
        for (model::PolicyPeer& peer : rule.peers) {
          if (peer.pod_selector) set_written(*peer.pod_selector);
        }
      }
    }
  }
}

// Extracts one parsed document (or built object) into `out`. `text_of` gives the text of the
// files its nodes were written in (one file, or a base and its patches for a built object).
void extract_parsed(const yaml::NodeRef& root, FileId id, std::uint32_t d, const FileContext& context,
                    const std::vector<yaml::ParseError>& duplicate_keys, model::DocumentObjects& out,
                    const std::function<std::string_view(FileId)>& text_of) {
  model::extract_document(root, id, d, context.extract, out);
  if (!out.objects.empty()) {
    // A manifest with a key written twice: kubectl refuses it, netlint reads the last value.
    for (const yaml::ParseError& dup : duplicate_keys) {
      out.problems.push_back(
          {model::InputProblemKind::kParseError,
           SourceRange{root.range().file, dup.offset, std::max(dup.end, dup.offset + 1)},
           "invalid YAML: " + dup.message + " (kubectl rejects the document; netlint reads the last value)",
           "delete one of the two entries"});
    }
  }
  model::EmbeddedConfigs found;
  for (const model::ConfigMap& cm : out.config_maps) model::extract_embedded_configs(cm, text_of, found);
  append(out.configs, found.configs);
  append(out.corefiles, found.corefiles);
  append(out.problems, found.problems);
}

// Parses and extracts one file on its own into `result`: what depends on the other files (its
// skip, kustomize namespace and labels) is the caller's, so the result can be kept between loads
// (parse_cache.h). A resource of a kustomize build keeps its trees instead: the builds extract them.
void parse_into(const InputText& input, FileId id, const FileContext& context, bool build_resource,
                FileResult& result) {
  const std::string_view text = input.text;
  // Corefiles and CNI configs are not YAML streams: one document each, read by their own parser.
  if (is_corefile_path(input.path) || is_cni_config_path(input.path)) {
    result.document_count = 1;
    result.documents.resize(1);
    model::EmbeddedConfigs found;
    if (is_corefile_path(input.path))
      model::extract_corefile_file(id, text, found);
    else
      model::extract_cni_file(id, text, found);
    model::DocumentObjects& out = result.documents[0];
    out.configs = std::move(found.configs);
    out.corefiles = std::move(found.corefiles);
    out.problems = std::move(found.problems);
    return;
  }
  // A plain file's objects come from the on-disk cache when it has them; a build's resource
  // files keep their parses (the builds extract them).
  const FileObjectsEntry objects_entry(context.disk_cache, input, id, context.extract.default_namespace);
  if (FileObjects cached; !build_resource && objects_entry.read(cached)) {
    result.documents = std::move(cached.documents);
    result.document_count = cached.document_count;
    return;
  }
  const std::uint32_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // UTF-8 byte-order mark
  const auto spans = yaml::split_documents(text.substr(start), start);
  result.document_count = static_cast<std::uint32_t>(spans.size());
  result.documents.resize(spans.size());
  if (build_resource) {
    result.trees.resize(spans.size());
    result.duplicate_keys.resize(spans.size());
  }
  DocumentParses parses(text, id, spans, context.disk_cache, objects_entry.text_key());
  for (std::uint32_t d = 0; d < spans.size(); ++d) {
    model::DocumentObjects& out = result.documents[d];
    const auto [begin, end] = spans[d];
    // A document that is not UTF-8 text (a NUL, invalid UTF-8) is reported when it looks like a
    // manifest and skipped as binary otherwise; its siblings are analyzed either way.
    if (const auto non_text = first_non_text_byte(text.substr(begin, end - begin))) {
      parses.skip(d);
      if (looks_like_manifest(text.substr(begin, end - begin))) {
        out.problems.push_back(
            non_text_problem(text, begin + static_cast<std::uint32_t>(non_text->offset), id, *non_text));
      } else {
        out.skip = SkipReason::kBinary;
      }
      continue;
    }
    yaml::ParseResult parsed = parses.parse(d);
    if (parsed.error) {
      const std::string_view doc_text = text.substr(begin, end - begin);
      if (!parsed.error->too_deep && doc_text.find("{{") != std::string_view::npos) {
        out.skip = SkipReason::kTemplate;
        out.opaque_namespaces.push_back(template_namespace(doc_text, context.extract.default_namespace, input.path));
      } else if (!parsed.error->too_deep && fill_in_template(text, begin, end, parsed.error->offset)) {
        out.skip = SkipReason::kFillInTemplate;
      } else if (parsed.error->too_deep || looks_like_manifest(doc_text)) {
        out.problems.push_back(parse_problem(text, begin, end, id, *parsed.error));
      } else {
        out.skip = SkipReason::kNotKubernetes;
      }
      continue;
    }
    if (!parsed.tree) continue;
    if (build_resource) {
      note_source_document(yaml::root_of(*parsed.tree), out, result.source_kinds);
      result.trees[d] = std::move(parsed.tree);
      result.duplicate_keys[d] = std::move(parsed.duplicate_keys);
      continue;
    }
    extract_parsed(yaml::root_of(*parsed.tree), id, d, context, parsed.duplicate_keys, out,
                   [&](FileId) { return text; });
  }
  // Objects that encode replace the parses in the cache: a warm run needs only them.
  bool objects_stored = false;
  if (!build_resource) {
    FileObjects objects{std::move(result.documents), result.document_count};
    objects_stored = objects_entry.write(objects);
    result.documents = std::move(objects.documents);
  }
  parses.finish(!objects_stored);
}

FileResult load_file(const InputText& input, FileId id, const FileContext& context, ParseCache* cache) {
  FileResult result;
  if (input.config) return result;  // no documents, no stats: only a place for anchors
  result.file_skip = classify_file(input, id, context);
  if (result.file_skip) return result;
  const bool build_resource = context.builds.resource_files.count(id) != 0;
  if (cache == nullptr || build_resource) {
    parse_into(input, id, context, build_resource, result);
    if (build_resource) return result;  // extracted by its builds (extract_builds)
  } else {
    // The kept result from an earlier load when the text is the same (copied: the model takes
    // the objects, the cache keeps its own).
    ParseKey key{input.path, id, context.extract.default_namespace, content_hash(input.text), input.text.size()};
    std::shared_ptr<const ParsedFile> kept = cache->find(key);
    if (kept == nullptr) {
      FileResult fresh;
      parse_into(input, id, context, false, fresh);
      kept = std::make_shared<const ParsedFile>(ParsedFile{std::move(fresh.documents), fresh.document_count});
      cache->store(key, kept);
    }
    result.documents = kept->documents;
    result.document_count = kept->document_count;
  }
  const auto kustomize_namespace = context.kustomize.namespace_of.find(normalised(input.path));
  const auto kustomize_labels = context.kustomize.selector_labels_of.find(normalised(input.path));
  for (model::DocumentObjects& out : result.documents) {
    if (kustomize_namespace != context.kustomize.namespace_of.end()) {
      apply_kustomize_namespace(out, kustomize_namespace->second);
      out.all_caps_namespaces.clear();  // the kustomization's namespace replaces what is written
    }
    if (kustomize_labels != context.kustomize.selector_labels_of.end())
      apply_kustomize_labels(out, kustomize_labels->second);
  }
  return result;
}

// What no build took of a resource file's parsed documents (its builds failed, or it is only
// in an optional Component): read as a plain file, with the kustomizations' namespace and labels
// as the include walk assigns them.
void extract_unbuilt(FileResult& result, const InputText& input, FileId id, const FileContext& context) {
  const auto kustomize_namespace = context.kustomize.namespace_of.find(normalised(input.path));
  const auto kustomize_labels = context.kustomize.selector_labels_of.find(normalised(input.path));
  for (std::uint32_t d = 0; d < result.trees.size(); ++d) {
    if (!result.trees[d]) continue;
    model::DocumentObjects& out = result.documents[d];
    extract_parsed(yaml::root_of(*result.trees[d]), id, d, context, result.duplicate_keys[d], out,
                   [&](FileId) { return std::string_view(input.text); });
    if (kustomize_namespace != context.kustomize.namespace_of.end()) {
      apply_kustomize_namespace(out, kustomize_namespace->second);
      out.all_caps_namespaces.clear();
    }
    if (kustomize_labels != context.kustomize.selector_labels_of.end())
      apply_kustomize_labels(out, kustomize_labels->second);
  }
}

// A resource file that a second (third, ...) build reads: its built objects are a copy of the file
// in the file table, so each build keeps its own apply unit, and objects two sibling overlays
// build from one document are variants, never one file's duplicates (RULES.md "Applied together").
struct BuildCopy {
  FileId source = kNoFile;
  InputText input;
  FileResult result;
};

struct BuiltFiles {
  std::map<FileId, std::string> build_of;  // resource file (or copy) -> the root kustomization building it
  std::vector<BuildCopy> copies;           // file ids from inputs.size() on, in order
  std::vector<FileId> copies_of;           // per copy: its source file
  std::vector<model::LoadNote> notes;
  std::vector<model::OpaqueNamespace> open_namespaces;  // written by builds with unsupported features
  std::vector<model::KustomizeBuild> builds;            // the builds applied, in build order
};

// What the view keeps of a build: its root, its size, and the names it writes on every object.
model::KustomizeBuild describe_build(const kustomize::Build& build) {
  model::KustomizeBuild out;
  out.root = build.root;
  out.root_file = build.root_file;
  out.namespace_name = build.namespace_name;
  out.name_prefixes = build.name_prefixes;
  out.name_suffixes = build.name_suffixes;
  out.objects = build.objects.size();
  out.unsupported = build.unsupported;
  return out;
}

// Runs the kustomize builds over the parsed resource files and extracts what they build: into
// the resource file's own result for the first build that reads it, into a copy for each later
// one. A resource file no build took (a build kustomize refuses) is read as a plain file.
BuiltFiles extract_builds(const std::vector<InputText>& inputs, std::vector<FileResult>& results,
                          const FileContext& context) {
  BuiltFiles out;
  std::vector<kustomize::BuildNote> notes;
  const kustomize::DocumentsOf documents = [&](FileId f) -> const std::vector<std::optional<yaml::Tree>>* {
    return f < results.size() && !results[f].trees.empty() ? &results[f].trees : nullptr;
  };
  std::vector<kustomize::Build> builds = kustomize::run_builds(context.builds, inputs, documents, notes);
  for (kustomize::BuildNote& n : notes) out.notes.push_back({std::move(n.topic), std::move(n.message), n.at});
  const auto text_of = [&](FileId f) {
    return f < inputs.size() ? std::string_view(inputs[f].text) : std::string_view();
  };
  std::set<FileId> claimed;
  for (kustomize::Build& build : builds) {
    if (!build.built) continue;
    out.builds.push_back(describe_build(build));
    std::map<FileId, std::size_t> copy_index;  // source file -> index in out.copies, for this build
    for (FileId f : build.members) {
      if (claimed.insert(f).second) {
        out.build_of.emplace(f, build.root);
        continue;
      }
      BuildCopy copy;
      copy.source = f;
      copy.input.path = inputs[f].path;
      copy.input.text = inputs[f].text;
      copy.input.reported = inputs[f].reported;
      copy.result.documents.resize(results[f].documents.size());
      copy_index.emplace(f, out.copies.size());
      out.build_of.emplace(static_cast<FileId>(inputs.size() + out.copies.size()), build.root);
      out.copies_of.push_back(f);
      out.copies.push_back(std::move(copy));
    }
    for (kustomize::BuiltObject& object : build.objects) {
      if (results[object.file].file_skip && copy_index.count(object.file) == 0) {
        // Generated by a kustomization (a skipped file): its objects sit in a copy of it.
        BuildCopy copy;
        copy.source = object.file;
        copy.input.path = inputs[object.file].path;
        copy.input.text = inputs[object.file].text;
        copy.input.reported = inputs[object.file].reported;
        copy_index.emplace(object.file, out.copies.size());
        out.build_of.emplace(static_cast<FileId>(inputs.size() + out.copies.size()), build.root);
        out.copies_of.push_back(object.file);
        out.copies.push_back(std::move(copy));
      }
      const auto copy = copy_index.find(object.file);
      if (copy != copy_index.end() && out.copies[copy->second].result.documents.size() <= object.document) {
        out.copies[copy->second].result.documents.resize(object.document + 1);
      }
      const FileId id = copy == copy_index.end() ? object.file : static_cast<FileId>(inputs.size() + copy->second);
      FileResult& result = copy == copy_index.end() ? results[object.file] : out.copies[copy->second].result;
      if (object.document >= result.documents.size()) continue;
      const yaml::Tree tree = kustomize::to_tree(object.doc, object.file, id);
      // Keys written twice are the source document's, reported once with its first build.
      static const std::vector<yaml::ParseError> kNone;
      const auto& duplicates = copy == copy_index.end() && object.document < results[object.file].duplicate_keys.size()
                                   ? results[object.file].duplicate_keys[object.document]
                                   : kNone;
      extract_parsed(yaml::root_of(tree), id, object.document, context, duplicates, result.documents[object.document],
                     text_of);
    }
    if (!build.unsupported.empty()) {
      for (const std::string& ns : build.namespaces) {
        out.open_namespaces.push_back(
            {model::Text{ns, {}}, "the build of " + build.root + " uses features netlint does not build"});
      }
    }
    for (const auto& [ns, why] : build.open_namespaces) {
      if (build.unsupported.empty() || build.namespaces.count(ns) == 0)
        out.open_namespaces.push_back({model::Text{ns, {}}, "in the build of " + build.root + ", " + why});
    }
  }
  for (FileId f : context.builds.resource_files) {
    if (claimed.count(f) == 0 && f < results.size()) extract_unbuilt(results[f], inputs[f], f, context);
  }
  return out;
}

bool contains_key(std::string_view text, std::string_view key) {
  for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    std::size_t i = at + key.size();
    if (i < text.size() && (text[i] == '"' || text[i] == '\'')) ++i;  // JSON or quoted YAML key
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < text.size() && text[i] == ':') return true;
  }
  return false;
}

// Appends a file's results to a view: moved when this is the last view that takes them, copied
// otherwise (a file may belong to several clusters).
template <class T>
void take(std::vector<T>& to, std::vector<T>& from, bool move) {
  if (move)
    append(to, from);
  else
    to.insert(to.end(), from.begin(), from.end());
}

// Reserves the view's vectors to exactly what its files produced: growing them by doubling
// left up to half their capacity unused (about 27 MB at 100,000 objects).
void reserve_exactly(model::Model& m, const std::vector<FileResult>& results, const std::vector<bool>& members) {
  std::size_t objects = 0, pods = 0, services = 0, config_maps = 0, namespaces = 0, problems = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!members.empty() && !members[i]) continue;
    for (const model::DocumentObjects& doc : results[i].documents) {
      objects += doc.objects.size();
      pods += doc.pod_sources.size();
      services += doc.services.size();
      config_maps += doc.config_maps.size();
      namespaces += doc.namespaces.size();
      problems += doc.problems.size();
    }
  }
  m.objects.reserve(objects);
  m.pod_sources.reserve(pods + 1);  // + the synthetic DNS peer
  m.services.reserve(services);
  m.config_maps.reserve(config_maps);
  m.namespaces.reserve(namespaces);
  m.problems.reserve(problems);
}

// Counts every file once, whatever views it belongs to: the summary speaks of what is
// reported; context files only lend their objects.
void count_files(const std::vector<InputText>& inputs, const std::vector<FileResult>& results, model::LoadStats& stats,
                 model::LoadStats& context_stats) {
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].config) continue;
    model::LoadStats& st = inputs[i].reported ? stats : context_stats;
    const FileResult& r = results[i];
    if (r.file_skip) {
      ++st.skips[static_cast<int>(*r.file_skip)];
      continue;
    }
    ++st.files;
    st.documents += r.document_count;
    for (const model::DocumentObjects& doc : r.documents) {
      if (doc.skip) ++st.skips[static_cast<int>(*doc.skip)];
      if (doc.placeholders != 0) ++st.placeholder_documents;
      if (r.trees.empty()) {
        for (const model::ObjectMeta& meta : doc.objects) ++st.objects_per_kind[meta.kind.value];
      }
    }
    for (const auto& [kind, count] : r.source_kinds) st.objects_per_kind[kind] += count;
  }
}

bool in_view(const ViewSpec& view, std::size_t file) {
  return view.members.empty() || view.members[file];
}

// The last view that takes file `i`'s objects may move them.
std::vector<std::size_t> last_view_of_each_file(std::size_t files, const std::vector<ViewSpec>& views) {
  std::vector<std::size_t> last(files, views.size());
  for (std::size_t v = 0; v < views.size(); ++v) {
    for (std::size_t i = 0; i < files; ++i) {
      if (in_view(views[v], i)) last[i] = v;
    }
  }
  return last;
}

}  // namespace

bool looks_like_manifest(std::string_view document_text) {
  return contains_key(document_text, "apiVersion") && contains_key(document_text, "kind");
}

LoadedView load_inputs(std::vector<InputText> inputs, const LoadOptions& options) {
  std::vector<LoadedView> views = load_views(std::move(inputs), options, {ViewSpec{}});
  return std::move(views.front());
}

namespace {

// RULES.md "Apply units and namespaces": --namespace, else the view's own
// `cluster.applyNamespace`, else the global one; empty: the namespace stays `~`.
std::string apply_namespace_of(const LoadOptions& options, const ViewSpec& view) {
  if (!options.apply_namespace.empty()) return options.apply_namespace;
  for (const config::ClusterSettings* scope : {&view.cluster, &options.facts.global}) {
    if (scope->apply_namespace && !scope->apply_namespace->value.empty()) return scope->apply_namespace->value;
  }
  return {};
}

}  // namespace

std::vector<LoadedView> load_views(std::vector<InputText> inputs, const LoadOptions& options,
                                   const std::vector<ViewSpec>& views) {
  FileContext context;
  std::vector<model::InputProblem> encoding_problems;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    InputText& input = inputs[i];
    // UTF-16/32 and lone CRs, before anything reads the text. The file is analyzed decoded, and
    // NL0001 says what kubectl does with it: it reads UTF-8 only ("control characters are not
    // allowed"), so the apply fails until the file is saved as UTF-8.
    const SourceEncoding encoding = input.config ? SourceEncoding::kUtf8 : normalise_text(input.text);
    if (encoding != SourceEncoding::kUtf8) {
      const auto id = static_cast<FileId>(i);
      const std::uint32_t end = input.text.empty() ? 0 : 1;
      encoding_problems.push_back(
          {model::InputProblemKind::kParseError, SourceRange{id, 0, end},
           fmt::format("the file is {}: kubectl reads manifests as UTF-8 and rejects it (control "
                       "characters are not allowed); netlint analyzed it decoded",
                       encoding_name(encoding)),
           "save the file as UTF-8 (PowerShell: Out-File -Encoding utf8, or Set-Content)"});
    }
    if (path_basename(input.path) == "Chart.yaml") context.chart_dirs.emplace(path_dirname(input.path));
  }
  context.builds = kustomize::plan_builds(inputs);
  // Bases outside the walk and generator sources the walk did not select join the file table in
  // the views of the kustomization naming them, before any file is read (FileIds are input
  // indexes).
  std::vector<ViewSpec> all_views = views;
  for (const FileId named_by : add_outside_bases(inputs, context.builds, kMaxOutsideBaseFile)) {
    for (ViewSpec& view : all_views) {
      if (!view.members.empty()) view.members.push_back(view.members[named_by]);
    }
  }
  context.kustomize = read_kustomizations(inputs);
  for (const FileId named_by : add_generator_sources(inputs, context.builds, kMaxGeneratorSource)) {
    for (ViewSpec& view : all_views) {
      if (!view.members.empty()) view.members.push_back(view.members[named_by]);
    }
  }
  context.disk_cache = options.disk_cache;
  if (options.cache != nullptr) options.cache->begin_load();

  // Every file is read and parsed once, whatever views it belongs to.
  std::vector<FileResult> results(inputs.size());
  parallel_for(inputs.size(), options.jobs, [&](std::size_t i) {
    results[i] = load_file(inputs[i], static_cast<FileId>(i), context, options.cache);
  });
  if (options.cache != nullptr) options.cache->end_load();
  BuiltFiles built = extract_builds(inputs, results, context);
  model::LoadStats stats, context_stats;
  count_files(inputs, results, stats, context_stats);
  stats.notes = std::move(built.notes);
  std::vector<bool> results_skipped(results.size());  // file-level skips, before results are moved out
  for (std::size_t i = 0; i < results.size(); ++i) results_skipped[i] = results[i].file_skip.has_value();
  // The copies of resource files a second build reads join the file table after the counts.
  const std::size_t real_files = inputs.size();
  for (BuildCopy& copy : built.copies) {
    for (ViewSpec& view : all_views) {
      if (!view.members.empty()) view.members.push_back(view.members[copy.source]);
    }
    inputs.push_back(std::move(copy.input));
    results.push_back(std::move(copy.result));
    results_skipped.push_back(false);
  }
  const std::vector<std::size_t> last_view = last_view_of_each_file(inputs.size(), all_views);

  std::vector<LoadedView> out(views.size());
  for (std::size_t v = 0; v < views.size(); ++v) {
    const ViewSpec& view = all_views[v];
    const bool last = v + 1 == views.size();
    model::Model& m = out[v].model;
    m.cluster = view.name;
    m.stats = stats;
    m.context_stats = context_stats;
    m.builds = built.builds;
    // Every view has the whole file table, so a FileId means one file in every view and
    // findings of several views can be reported together.
    m.files.reserve(inputs.size());
    reserve_exactly(m, results, view.members);
    model::ApplyGroups apply_groups;
    facts::FactsConfig facts_config = options.facts;
    facts_config.view = view.cluster;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      SourceFile file;
      file.id = static_cast<FileId>(i);
      file.path = last ? std::move(inputs[i].path) : inputs[i].path;
      file.text = last ? std::move(inputs[i].text) : inputs[i].text;
      file.reported = inputs[i].reported;
      if (inputs[i].config) facts_config.config_file = file.id;
      if (auto root = built.build_of.find(file.id); root != built.build_of.end()) {
        // Read by a build: the build is the file's apply unit (RULES.md "Apply units").
        apply_groups.emplace(file.id, root->second);
        file.apply_build = root->second;
      } else if (auto apply = context.kustomize.apply_of.find(normalised(file.path));
                 apply != context.kustomize.apply_of.end()) {
        apply_groups.emplace(file.id, apply->second);
        file.apply_build = apply->second;
      }
      if (auto component = context.kustomize.component_of.find(normalised(file.path));
          component != context.kustomize.component_of.end()) {
        file.optional_component = component->second;
      }
      if (i >= real_files) file.build_copy_of = built.copies_of[i - real_files];
      m.files.push_back(std::move(file));
      if (!in_view(view, i) || results[i].file_skip) continue;
      // Moved into the last view that takes them, so the per-document results and the model
      // are never both whole in memory.
      const bool move = last_view[i] == v;
      for (model::DocumentObjects& doc : results[i].documents) {
        take(m.objects, doc.objects, move);
        take(m.pod_sources, doc.pod_sources, move);
        take(m.services, doc.services, move);
        take(m.ingresses, doc.ingresses, move);
        take(m.secret_producers, doc.secret_producers, move);
        take(m.config_maps, doc.config_maps, move);
        take(m.namespaces, doc.namespaces, move);
        take(m.network_policies, doc.network_policies, move);
        take(m.routes, doc.routes, move);
        take(m.configs, doc.configs, move);
        take(m.corefiles, doc.corefiles, move);
        take(m.opaque_namespaces, doc.opaque_namespaces, move);
        take(m.problems, doc.problems, move);
        take(m.all_caps_namespaces, doc.all_caps_namespaces, move);
      }
      if (move) results[i] = {};
    }
    for (const model::OpaqueNamespace& open : built.open_namespaces) m.opaque_namespaces.push_back(open);
    for (const model::InputProblem& cycle : context.kustomize.cycles) {
      if (in_view(view, cycle.range.file)) m.problems.push_back(cycle);
    }
    for (const model::InputProblem& encoding : encoding_problems) {
      const FileId file = encoding.range.file;
      if (in_view(view, file) && !results_skipped[file]) m.problems.push_back(encoding);
    }
    model::assign_apply_time_namespace(m, apply_namespace_of(options, view));
    const model::FileLinks links = model::link_files(m);
    model::assign_apply_units(m, links);
    model::bind_apply_time_namespace(m, links);
    model::merge_definitions(m, apply_groups);
    model::report_all_caps_declared_names(m);
    facts::ClusterFacts& derived = out[v].facts;
    derived = facts::derive_facts(m, facts_config);
    model::add_synthetic_dns_peer(m, derived.dns.value.namespace_name, derived.dns.value.pod_labels);
  }
  return out;
}

}  // namespace netlint
