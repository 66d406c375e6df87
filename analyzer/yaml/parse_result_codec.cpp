#include "analyzer/yaml/parse_result_codec.h"

#include <algorithm>
#include <vector>

namespace netlint::yaml {
namespace {

// Unsigned LEB128: most numbers in a tree (offsets, counts, ids) fit in one to three bytes.
void put(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_text(std::string& out, std::string_view s) {
  put(out, s.size());
  out.append(s);
}

void put_error(std::string& out, const ParseError& e) {
  put(out, e.offset);
  put(out, e.end);
  put(out, e.too_deep ? 1 : 0);
  put_text(out, e.message);
}

constexpr std::uint8_t kFlow = 0x40;
constexpr std::uint8_t kExplicitTag = 0x80;

class Reader {
 public:
  explicit Reader(std::string_view& in) : in_(in) {}

  bool number(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return false;
      const auto b = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }
  bool u32(std::uint32_t& v, std::uint64_t limit = 0xFFFFFFFFu) {
    std::uint64_t x = 0;
    if (!number(x) || x > limit) return false;
    v = static_cast<std::uint32_t>(x);
    return true;
  }
  bool byte(std::uint8_t& v) {
    if (in_.empty()) return false;
    v = static_cast<std::uint8_t>(in_.front());
    in_.remove_prefix(1);
    return true;
  }
  // A length is never trusted beyond what is left, so a damaged one cannot ask for gigabytes.
  bool text(std::string& s) {
    std::uint64_t n = 0;
    if (!number(n) || n > in_.size()) return false;
    s.assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }
  bool error(ParseError& e, std::uint32_t text_size) {
    std::uint32_t too_deep = 0;
    return u32(e.offset, text_size) && u32(e.end, text_size) && u32(too_deep, 1) &&
           (e.too_deep = too_deep != 0, true) && text(e.message);
  }
  std::size_t left() const { return in_.size(); }

 private:
  std::string_view& in_;
};

// What makes a tree safe to walk: children come after their parent and have one parent each (so
// no cycle and no shared subtree), ranges lie in the text, maps hold key-value pairs, and an
// alias names an earlier node that does not contain it (as the builder guarantees).
bool well_formed(const Tree& tree, std::uint32_t text_size) {
  const auto n = static_cast<std::uint32_t>(tree.nodes.size());
  if (n == 0 || tree.root != 0) return false;
  std::vector<bool> has_parent(n, false);
  std::vector<NodeId> last(n);  // the highest id in each node's subtree
  for (NodeId id = 0; id < n; ++id) last[id] = id;
  for (NodeId id = n; id-- > 0;) {
    const Node& node = tree.nodes[id];
    if (node.begin > node.end || node.end > text_size) return false;
    const bool collection = node.kind == NodeKind::kMap || node.kind == NodeKind::kSequence;
    if (!collection && node.child_count != 0) return false;
    if (node.kind == NodeKind::kMap && node.child_count % 2 != 0) return false;
    if (node.first_child > tree.children.size() || node.child_count > tree.children.size() - node.first_child)
      return false;
    for (std::uint32_t c = 0; c < node.child_count; ++c) {
      const NodeId child = tree.children[node.first_child + c];
      if (child <= id || child >= n || has_parent[child]) return false;
      has_parent[child] = true;
      last[id] = std::max(last[id], last[child]);
    }
  }
  for (NodeId id = 0; id < n; ++id) {
    const Node& node = tree.nodes[id];
    if (node.kind != NodeKind::kAlias) {
      if (node.alias_target != kNoNode) return false;
      continue;
    }
    const NodeId target = node.alias_target;
    if (target == kNoNode) continue;
    if (target >= id || id <= last[target]) return false;
  }
  return true;
}

bool decode_tree(Reader& r, FileId file, std::uint32_t text_size, Tree& tree) {
  std::uint32_t nodes = 0, children = 0;
  // Each node takes at least 7 bytes and each child id one: counts beyond the input are damage.
  if (!r.u32(nodes, r.left() / 7) || !r.u32(children, r.left())) return false;
  tree.file = file;
  tree.root = 0;
  tree.children.resize(children);
  for (NodeId& child : tree.children) {
    if (!r.u32(child)) return false;
  }
  tree.nodes.resize(nodes);
  for (Node& node : tree.nodes) {
    std::uint8_t flags = 0;
    std::uint32_t length = 0, target = 0;
    if (!r.byte(flags)) return false;
    const std::uint8_t kind = flags & 0x07, style = (flags >> 3) & 0x07;
    if (kind > static_cast<std::uint8_t>(NodeKind::kAlias) || style > static_cast<std::uint8_t>(ScalarStyle::kFolded))
      return false;
    node.kind = static_cast<NodeKind>(kind);
    node.style = static_cast<ScalarStyle>(style);
    node.flow = (flags & kFlow) != 0;
    node.explicit_tag = (flags & kExplicitTag) != 0;
    if (!r.u32(node.begin, text_size) || !r.u32(length, text_size - node.begin)) return false;
    node.end = node.begin + length;
    if (!r.u32(node.first_child) || !r.u32(node.child_count) || !r.u32(target)) return false;
    node.alias_target = target == 0 ? kNoNode : target - 1;
    if (!r.text(node.value)) return false;
    if (node.explicit_tag && !r.text(node.tag)) return false;
  }
  return well_formed(tree, text_size);
}

}  // namespace

bool encode_parse_result(const ParseResult& result, std::string& out) {
  std::string encoded;
  put(encoded, result.tree ? 1 : 0);
  if (result.tree) {
    const Tree& tree = *result.tree;
    if (tree.nodes.empty() || tree.root != 0) return false;
    put(encoded, tree.nodes.size());
    put(encoded, tree.children.size());
    for (NodeId child : tree.children) put(encoded, child);
    for (const Node& node : tree.nodes) {
      if (node.file != kNoFile || node.begin > node.end) return false;
      auto flags = static_cast<std::uint8_t>(static_cast<std::uint8_t>(node.kind) |
                                             (static_cast<std::uint8_t>(node.style) << 3));
      if (node.flow) flags |= kFlow;
      if (node.explicit_tag) flags |= kExplicitTag;
      encoded.push_back(static_cast<char>(flags));
      put(encoded, node.begin);
      put(encoded, node.end - node.begin);
      put(encoded, node.first_child);
      put(encoded, node.child_count);
      put(encoded, node.alias_target == kNoNode ? 0 : std::uint64_t{node.alias_target} + 1);
      put_text(encoded, node.value);
      if (node.explicit_tag) put_text(encoded, node.tag);
    }
  }
  put(encoded, result.error ? 1 : 0);
  if (result.error) put_error(encoded, *result.error);
  put(encoded, result.duplicate_keys.size());
  for (const ParseError& e : result.duplicate_keys) put_error(encoded, e);
  out += encoded;
  return true;
}

bool decode_parse_result(std::string_view& in, FileId file, std::uint32_t text_size, ParseResult& out) {
  Reader r(in);
  out = {};
  std::uint32_t has_tree = 0, has_error = 0, duplicates = 0;
  if (!r.u32(has_tree, 1)) return false;
  if (has_tree != 0 && !decode_tree(r, file, text_size, out.tree.emplace())) return false;
  if (!r.u32(has_error, 1)) return false;
  if (has_error != 0 && !r.error(out.error.emplace(), text_size)) return false;
  if (!r.u32(duplicates, r.left() / 4)) return false;
  out.duplicate_keys.resize(duplicates);
  for (ParseError& e : out.duplicate_keys) {
    if (!r.error(e, text_size)) return false;
  }
  return true;
}

}  // namespace netlint::yaml
