#include "analyzer/index/kept_references.h"

namespace netlint::index {

std::uint64_t KeptReferences::content_id(const std::string& content) {
  return ids_.get(content, [this] { return ++next_id_; });
}

KeptReferences::Kept KeptReferences::references(const std::string& key,
                                                const std::function<std::vector<Reference>()>& extract) {
  return pods_.get(key, [&] { return std::make_shared<const std::vector<Reference>>(extract()); });
}

void KeptReferences::drop_unused() {
  pods_.drop_unused();
  ids_.drop_unused();
}

}  // namespace netlint::index
