#include "analyzer/yaml/node_ref.h"

namespace netlint::yaml {
namespace {
const std::string kEmpty;
}

NodeRef::NodeRef(const Tree* tree, NodeId id) : tree_(tree), id_(id) {
  // Resolve aliases up front so every accessor sees the anchored node.
  for (int hops = 0; tree_ != nullptr && id_ != kNoNode && tree_->nodes[id_].kind == NodeKind::kAlias; ++hops) {
    if (hops == kMaxAliasHops) {
      id_ = kNoNode;
      break;
    }
    id_ = tree_->nodes[id_].alias_target;
  }
}

const std::string& NodeRef::scalar() const {
  return is_scalar() ? node().value : kEmpty;
}

SourceRange NodeRef::range() const {
  if (!*this) return {};
  return SourceRange{node().file != kNoFile ? node().file : tree_->file, node().begin, node().end};
}

std::uint32_t NodeRef::size() const {
  if (!*this) return 0;
  const Node& n = node();
  if (n.kind == NodeKind::kMap) return n.child_count / 2;
  if (n.kind == NodeKind::kSequence) return n.child_count;
  return 0;
}

NodeRef NodeRef::child(std::uint32_t i) const {
  return NodeRef(tree_, tree_->children[node().first_child + i]);
}

NodeRef NodeRef::item(std::uint32_t i) const {
  return is_sequence() && i < size() ? child(i) : NodeRef();
}
NodeRef NodeRef::key_at(std::uint32_t i) const {
  return is_map() && i < size() ? child(2 * i) : NodeRef();
}
NodeRef NodeRef::value_at(std::uint32_t i) const {
  return is_map() && i < size() ? child(2 * i + 1) : NodeRef();
}

NodeRef::Entry NodeRef::find(std::string_view key) const {
  int budget = kMaxAliasHops;
  return find_bounded(key, budget);
}

NodeRef NodeRef::get(std::string_view key) const {
  return find(key).value;
}

NodeRef::Entry NodeRef::find_bounded(std::string_view key, int& budget) const {
  if (!is_map() || --budget < 0) return {};
  const std::uint32_t n = size();
  for (std::uint32_t i = 0; i < n; ++i) {
    NodeRef k = key_at(i);
    if (k.is_scalar() && k.scalar() == key) return {k, value_at(i)};
  }
  // YAML merge keys: `<<: *base` or `<<: [*a, *b]`; explicit keys above win.
  for (std::uint32_t i = 0; i < n; ++i) {
    NodeRef k = key_at(i);
    if (!k.is_scalar() || k.scalar() != "<<" || k.quoted()) continue;
    NodeRef v = value_at(i);
    if (v.is_map()) {
      if (Entry e = v.find_bounded(key, budget)) return e;
    } else if (v.is_sequence()) {
      for (std::uint32_t j = 0; j < v.size(); ++j) {
        if (Entry e = v.item(j).find_bounded(key, budget)) return e;
      }
    }
  }
  return {};
}

}  // namespace netlint::yaml
