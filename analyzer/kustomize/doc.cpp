#include "analyzer/kustomize/doc.h"

#include <set>

namespace netlint::kustomize {
namespace {
const std::string kEmpty;
}

Doc Doc::scalar(std::string text, SourceRange at, yaml::ScalarStyle style) {
  Doc d;
  d.kind = yaml::NodeKind::kScalar;
  d.style = style;
  d.value = std::move(text);
  d.range = at;
  return d;
}

Doc Doc::map(SourceRange at) {
  Doc d;
  d.kind = yaml::NodeKind::kMap;
  d.range = at;
  return d;
}

Doc Doc::sequence(SourceRange at) {
  Doc d;
  d.kind = yaml::NodeKind::kSequence;
  d.range = at;
  return d;
}

const std::string& Doc::text() const {
  return is_scalar() ? value : kEmpty;
}

DocEntry* Doc::entry(std::string_view key) {
  if (!is_map()) return nullptr;
  for (auto& e : entries) {
    if (e.first.is_scalar() && e.first.value == key) return &e;
  }
  return nullptr;
}

Doc* Doc::get(std::string_view key) {
  auto* e = entry(key);
  return e == nullptr ? nullptr : &e->second;
}

const Doc* Doc::get(std::string_view key) const {
  return const_cast<Doc*>(this)->get(key);
}

Doc& Doc::set(std::string_view key, Doc node, SourceRange key_at) {
  if (auto* e = entry(key)) {
    e->second = std::move(node);
    return e->second;
  }
  if (!is_map()) {
    *this = map(range);
  }
  entries.push_back(DocEntry{scalar(std::string(key), key_at), std::move(node)});
  return entries.back().second;
}

bool Doc::erase(std::string_view key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->first.is_scalar() && it->first.value == key) {
      entries.erase(it);
      return true;
    }
  }
  return false;
}

const Doc* Doc::at(std::initializer_list<std::string_view> path) const {
  const Doc* d = this;
  for (std::string_view step : path) {
    d = d->get(step);
    if (d == nullptr) return nullptr;
  }
  return d;
}

Doc* Doc::at(std::initializer_list<std::string_view> path) {
  return const_cast<Doc*>(static_cast<const Doc*>(this)->at(path));
}

namespace {

bool copy_into(const yaml::NodeRef& node, std::size_t& budget, Doc& out);

// `<<: *base` and `<<: [*a, *b]`: the merged maps' entries join where the map has no such key.
bool fold_merge(const yaml::NodeRef& merged, std::size_t& budget, Doc& out, std::set<std::string>& keys) {
  if (merged.is_sequence()) {
    for (std::uint32_t i = 0; i < merged.size(); ++i) {
      if (!fold_merge(merged.item(i), budget, out, keys)) return false;
    }
    return true;
  }
  if (!merged.is_map()) return true;
  Doc copy;
  if (!copy_into(merged, budget, copy)) return false;
  for (auto& e : copy.entries) {
    if (keys.insert(e.first.value).second) out.entries.push_back(std::move(e));
  }
  return true;
}

bool copy_into(const yaml::NodeRef& node, std::size_t& budget, Doc& out) {
  if (!node) return true;
  if (budget == 0) return false;
  --budget;
  const yaml::Node& n = node.node();
  out.kind = n.kind == yaml::NodeKind::kAlias ? yaml::NodeKind::kNull : n.kind;
  out.style = n.style;
  out.flow = n.flow;
  out.explicit_tag = n.explicit_tag;
  out.tag = n.tag;
  out.value = n.value;
  out.range = node.range();
  if (node.is_sequence()) {
    out.items.resize(node.size());
    for (std::uint32_t i = 0; i < node.size(); ++i) {
      if (!copy_into(node.item(i), budget, out.items[i])) return false;
    }
  } else if (node.is_map()) {
    std::set<std::string> keys;
    std::vector<yaml::NodeRef> merges;
    for (std::uint32_t i = 0; i < node.size(); ++i) {
      const yaml::NodeRef key = node.key_at(i);
      if (key.is_scalar() && key.scalar() == "<<" && !key.quoted()) {
        merges.push_back(node.value_at(i));
        continue;
      }
      DocEntry e;
      if (!copy_into(key, budget, e.first) || !copy_into(node.value_at(i), budget, e.second)) return false;
      keys.insert(e.first.value);
      out.entries.push_back(std::move(e));
    }
    for (const yaml::NodeRef& merged : merges) {
      if (!fold_merge(merged, budget, out, keys)) return false;
    }
  }
  return true;
}

yaml::NodeId emit(const Doc& d, FileId file, yaml::Tree& tree) {
  const auto id = static_cast<yaml::NodeId>(tree.nodes.size());
  tree.nodes.emplace_back();
  {
    yaml::Node& n = tree.nodes.back();
    n.kind = d.kind;
    n.style = d.style;
    n.flow = d.flow;
    n.explicit_tag = d.explicit_tag;
    n.value = d.value;
    n.tag = d.tag;
    n.begin = d.range.begin;
    n.end = d.range.end;
    n.file = d.range.file == file ? kNoFile : d.range.file;
  }
  std::vector<yaml::NodeId> children;
  if (d.is_map()) {
    for (const auto& e : d.entries) {
      children.push_back(emit(e.first, file, tree));
      children.push_back(emit(e.second, file, tree));
    }
  } else if (d.is_sequence()) {
    for (const Doc& item : d.items) children.push_back(emit(item, file, tree));
  }
  tree.nodes[id].first_child = static_cast<std::uint32_t>(tree.children.size());
  tree.nodes[id].child_count = static_cast<std::uint32_t>(children.size());
  tree.children.insert(tree.children.end(), children.begin(), children.end());
  return id;
}

}  // namespace

std::optional<Doc> copy_node(const yaml::NodeRef& node, std::size_t& budget) {
  Doc out;
  if (!copy_into(node, budget, out)) return std::nullopt;
  return out;
}

yaml::Tree to_tree(const Doc& root, FileId file, FileId as) {
  yaml::Tree tree;
  tree.file = as == kNoFile ? file : as;
  tree.root = emit(root, file, tree);
  return tree;
}

}  // namespace netlint::kustomize
