// netlint's own compact YAML tree, built from yaml-cpp parser events. We do not keep
// YAML::Node trees: they cost several hundred bytes per node, carry no end positions and
// expand nothing lazily. Our nodes hold absolute byte ranges into the source file, the scalar
// text, its style (quoted or plain matters for YAML 1.1 typing), and aliases as references, so
// that an alias bomb stays small and every walk through aliases can be bounded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/source/source_file.h"

namespace netlint::yaml {

enum class NodeKind : std::uint8_t { kNull, kScalar, kSequence, kMap, kAlias };
enum class ScalarStyle : std::uint8_t { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

struct Node {
  NodeKind kind = NodeKind::kNull;
  ScalarStyle style = ScalarStyle::kPlain;
  bool flow = false;          // collections: written in flow style ({...} / [...])
  bool explicit_tag = false;  // a tag such as !!str was written
  std::uint32_t begin = 0;    // absolute byte offsets in the file
  std::uint32_t end = 0;
  std::uint32_t first_child = 0;  // index into Tree::children; maps store key, value, key, value...
  std::uint32_t child_count = 0;
  NodeId alias_target = kNoNode;  // kAlias: the anchored node
  // The file the node was written in when it is not the tree's: a kustomize build assembles one
  // object from a base document, patches and kustomization keys, and each value keeps the place
  // that wrote it last (RULES.md "Kustomize", Anchoring). kNoFile: the tree's file.
  FileId file = kNoFile;
  std::string value;  // kScalar: the scalar's text after YAML processing; kNull: raw token
  std::string tag;    // explicit tag as yaml-cpp resolved it, when explicit_tag
};

// One YAML document.
struct Tree {
  FileId file = kNoFile;
  NodeId root = kNoNode;
  std::vector<Node> nodes;
  std::vector<NodeId> children;

  const Node& node(NodeId id) const { return nodes[id]; }
};

}  // namespace netlint::yaml
