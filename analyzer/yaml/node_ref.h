// Read-only navigation over a Tree. Aliases are followed transparently, and `<<` merge keys
// (which kubectl's YAML reader honours) are searched on lookup; both walks are bounded, so an
// alias bomb costs at most kMaxAliasHops steps per lookup.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "analyzer/source/source_file.h"
#include "analyzer/yaml/tree.h"

namespace netlint::yaml {

class NodeRef {
 public:
  static constexpr int kMaxAliasHops = 64;

  NodeRef() = default;
  NodeRef(const Tree* tree, NodeId id);

  explicit operator bool() const noexcept { return tree_ != nullptr && id_ != kNoNode; }
  bool is_map() const noexcept { return *this && node().kind == NodeKind::kMap; }
  bool is_sequence() const noexcept { return *this && node().kind == NodeKind::kSequence; }
  bool is_scalar() const noexcept { return *this && node().kind == NodeKind::kScalar; }
  bool is_null() const noexcept { return *this && node().kind == NodeKind::kNull; }

  const Node& node() const { return tree_->nodes[id_]; }
  NodeId id() const noexcept { return id_; }
  const Tree* tree() const noexcept { return tree_; }

  // The scalar text; empty for anything else.
  const std::string& scalar() const;
  ScalarStyle style() const { return node().style; }
  bool quoted() const { return is_scalar() && style() != ScalarStyle::kPlain; }
  SourceRange range() const;

  // Map lookup by key text (first match wins, then `<<` merges); invalid NodeRef if absent.
  NodeRef get(std::string_view key) const;
  // Like get(), but also returns the key node (for anchoring on keys).
  struct Entry;
  Entry find(std::string_view key) const;

  // Children of maps and sequences.
  std::uint32_t size() const;               // map: number of entries; sequence: items
  NodeRef item(std::uint32_t i) const;      // sequence item
  NodeRef key_at(std::uint32_t i) const;    // map entry key
  NodeRef value_at(std::uint32_t i) const;  // map entry value

 private:
  Entry find_bounded(std::string_view key, int& budget) const;
  NodeRef child(std::uint32_t i) const;

  const Tree* tree_ = nullptr;
  NodeId id_ = kNoNode;
};

struct NodeRef::Entry {
  NodeRef key;
  NodeRef value;
  explicit operator bool() const noexcept { return static_cast<bool>(key); }
};

// The root of a tree as a NodeRef.
inline NodeRef root_of(const Tree& tree) {
  return NodeRef(&tree, tree.root);
}

}  // namespace netlint::yaml
