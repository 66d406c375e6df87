// A mutable YAML node for kustomize builds: the parsed trees (yaml::Tree) are read-only and flat,
// while a build copies a base document, merges patches into it and rewrites names, labels and
// namespaces. Every node keeps the range that wrote it last (a base file, a patch file or a
// kustomization key), and the built object goes back to a yaml::Tree whose nodes carry those
// files, so extraction and the rules read a built object like any other and anchor where the
// value was written (RULES.md "Kustomize", Anchoring).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/source/source_file.h"
#include "analyzer/yaml/node_ref.h"
#include "analyzer/yaml/tree.h"

namespace netlint::kustomize {

struct DocEntry;

struct Doc {
  yaml::NodeKind kind = yaml::NodeKind::kNull;
  yaml::ScalarStyle style = yaml::ScalarStyle::kPlain;
  bool flow = false;
  bool explicit_tag = false;
  std::string value;  // scalars
  std::string tag;
  SourceRange range;
  std::vector<DocEntry> entries;  // maps: key, value
  std::vector<Doc> items;         // sequences

  static Doc scalar(std::string text, SourceRange at, yaml::ScalarStyle style = yaml::ScalarStyle::kPlain);
  static Doc map(SourceRange at);
  static Doc sequence(SourceRange at);

  bool is_map() const { return kind == yaml::NodeKind::kMap; }
  bool is_sequence() const { return kind == yaml::NodeKind::kSequence; }
  bool is_scalar() const { return kind == yaml::NodeKind::kScalar; }
  // The scalar text, empty for anything else.
  const std::string& text() const;

  Doc* get(std::string_view key);
  const Doc* get(std::string_view key) const;
  // The map entry of `key` (key and value), nullptr when absent.
  DocEntry* entry(std::string_view key);
  // Sets `key` to `value`; a new entry's key node gets `key_at`. Returns the value.
  Doc& set(std::string_view key, Doc node, SourceRange key_at);
  bool erase(std::string_view key);
  // The node at a dotted path of map keys (`metadata.name`), nullptr when a step is missing.
  const Doc* at(std::initializer_list<std::string_view> path) const;
  Doc* at(std::initializer_list<std::string_view> path);
};

// A map entry. Not std::pair<Doc, Doc>: Doc is incomplete inside its own definition, and
// std::pair's constraint checks need a complete type (clang 14 with libstdc++ 12 rejects it).
struct DocEntry {
  Doc first;   // the key
  Doc second;  // the value
};

// Copies a parsed node: aliases are expanded and `<<` merge keys folded into their map (explicit
// keys win), so a build edits plain data. Copying stops after `budget` nodes (an alias bomb), and
// then returns nullopt: the document is not built.
std::optional<Doc> copy_node(const yaml::NodeRef& node, std::size_t& budget);

// The tree of one built object; nodes written in another file than `file` carry theirs. `as`
// (when given) is the file the tree says it is in: a later build's copy of `file`
// (SourceFile::build_copy_of), so what that build reports anchors in its own copy and the engine
// can tell the builds apart (engine/build_merge).
yaml::Tree to_tree(const Doc& root, FileId file, FileId as = kNoFile);

}  // namespace netlint::kustomize
