#include "analyzer/yaml/canonical_hash.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace netlint::yaml {
namespace {

// 64-bit FNV-1a over bytes, then mixed: cheap and stable across runs and platforms.
std::uint64_t fnv(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = 1469598103934665603ull ^ seed;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  a ^= b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2);
  return a * 0xff51afd7ed558ccdull;
}

class Hasher {
 public:
  std::uint64_t hash(const NodeRef& node, std::string_view skip_path) {
    if (!node) return 0x5eed;
    // Subtrees outside the skipped path are memoized by node id (aliases share them).
    const bool memo = skip_path.empty();
    if (memo) {
      if (auto it = memo_.find(node.id()); it != memo_.end()) return it->second;
    }
    std::uint64_t h = 0;
    switch (node.node().kind) {
      case NodeKind::kNull:
        h = 0x6e756c6c;
        break;
      case NodeKind::kScalar:
        h = fnv(node.scalar(), node.quoted() ? 2 : 1);
        break;
      case NodeKind::kSequence:
        h = 0x5e9;
        for (std::uint32_t i = 0; i < node.size(); ++i) h = mix(h, hash(node.item(i), {}));
        break;
      case NodeKind::kMap: {
        const std::string_view head = skip_path.substr(0, skip_path.find('.'));
        const std::string_view rest =
            skip_path.size() > head.size() ? skip_path.substr(head.size() + 1) : std::string_view{};
        std::vector<std::uint64_t> entries;
        entries.reserve(node.size());
        for (std::uint32_t i = 0; i < node.size(); ++i) {
          const NodeRef key = node.key_at(i);
          const bool on_path = !head.empty() && key.is_scalar() && key.scalar() == head;
          if (on_path && rest.empty()) continue;  // the skipped key itself
          entries.push_back(mix(hash(key, {}), hash(node.value_at(i), on_path ? rest : std::string_view{})));
        }
        std::sort(entries.begin(), entries.end());  // key order does not matter
        h = 0x3a9;
        for (std::uint64_t e : entries) h = mix(h, e);
        break;
      }
      case NodeKind::kAlias:
        h = 0;
        break;  // NodeRef resolves aliases; an unresolved one is empty
    }
    if (memo) memo_.emplace(node.id(), h);
    return h;
  }

 private:
  std::unordered_map<NodeId, std::uint64_t> memo_;
};

}  // namespace

std::uint64_t canonical_hash(const NodeRef& node, std::string_view skip_path) {
  Hasher hasher;
  return hasher.hash(node, skip_path);
}

}  // namespace netlint::yaml
