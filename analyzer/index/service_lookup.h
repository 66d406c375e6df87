// The view's Services by namespace and name (variants of one identity together), built once per
// view (engine::View::services) for every rule that asks: a lookup per reference must not scan
// every Service (20,000 Ingresses, 20,000 Services), and eight rules each built their own (4% of
// an edit's instructions in the language server at 10,000 objects).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/diag/near_miss_index.h"
#include "analyzer/model/model.h"

namespace netlint::index {

class ServiceLookup {
 public:
  explicit ServiceLookup(const model::Model& model);
  // Every definition of Service `name` in `namespace_name`; empty when none.
  const std::vector<const model::Service*>& find(std::string_view namespace_name, std::string_view name) const;
  // True when a Service `name` exists in a namespace that *may equal* `namespace_name` (the
  // apply-time `~` and a named one): the reference's resolution is possible, not absent.
  bool exists_possibly(std::string_view namespace_name, std::string_view name) const;
  // The Service names of a namespace (for did-you-mean).
  const std::vector<std::string>& names_in(std::string_view namespace_name) const;
  // diag::best_near_misses(written, names_in(namespace_name)), through a near-miss index of the
  // namespace built on first use: rules ask once per finding, and a namespace may hold thousands
  // of Services (issue 7's 100k benchmark: quadratic otherwise). Safe to call from several threads.
  std::vector<std::string> near_misses(std::string_view namespace_name, std::string_view written) const;

 private:
  std::unordered_map<std::string, std::vector<const model::Service*>> by_key_;
  std::unordered_map<std::string, std::vector<std::string>> names_;
  std::unordered_map<std::string, std::vector<std::string>> namespaces_of_name_;
  mutable std::mutex near_miss_mutex_;
  mutable std::unordered_map<std::string, std::unique_ptr<const diag::NearMissIndex>> near_miss_;
};

}  // namespace netlint::index
