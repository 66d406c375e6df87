#include "analyzer/kustomize/field_path.h"

#include "analyzer/util/go_values.h"

namespace netlint::kustomize {
namespace {

PathStep key_step(std::string_view key) {
  PathStep s;
  s.key = std::string(key);
  return s;
}

// A dot-form segment: `[k=v]`, `[key.with.dots]`, `*`, an index, or a key.
PathStep field_path_step(std::string_view segment) {
  if (segment.size() >= 2 && segment.front() == '[' && segment.back() == ']') {
    const std::string_view inner = segment.substr(1, segment.size() - 2);
    const std::size_t eq = inner.find('=');
    if (eq == std::string_view::npos) return key_step(inner);
    PathStep s;
    s.kind = PathStep::Kind::kMatch;
    s.key = std::string(inner.substr(0, eq));
    s.value = std::string(inner.substr(eq + 1));
    return s;
  }
  if (segment == "*") {
    PathStep s;
    s.kind = PathStep::Kind::kAny;
    return s;
  }
  if (const auto index = go_parse_uint(segment, 10, 32)) {
    PathStep s;
    s.kind = PathStep::Kind::kIndex;
    s.index = static_cast<std::size_t>(*index);
    s.key = std::string(segment);  // a map key spelled as a number still matches as a key
    return s;
  }
  return key_step(segment);
}

std::size_t visit_steps(Doc& node, const std::vector<PathStep>& steps, std::size_t at,
                        const std::function<void(Doc&)>& visit, const std::optional<SourceRange>& create) {
  if (at == steps.size()) {
    visit(node);
    return 1;
  }
  const PathStep& step = steps[at];
  std::size_t visited = 0;
  if (node.is_sequence()) {
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      Doc& item = node.items[i];
      switch (step.kind) {
        case PathStep::Kind::kIndex:
          if (i == step.index) visited += visit_steps(item, steps, at + 1, visit, create);
          break;
        case PathStep::Kind::kMatch:
          if (const Doc* field = item.is_map() ? item.get(step.key) : nullptr;
              field != nullptr && field->is_scalar() && field->value == step.value) {
            visited += visit_steps(item, steps, at + 1, visit, create);
          }
          break;
        case PathStep::Kind::kAny:
          visited += visit_steps(item, steps, at + 1, visit, create);
          break;
        case PathStep::Kind::kKey:  // a fieldSpec step goes through every item
          visited += visit_steps(item, steps, at, visit, create);
          break;
      }
    }
    return visited;
  }
  if (step.kind == PathStep::Kind::kAny && node.is_map()) {
    for (DocEntry& e : node.entries) visited += visit_steps(e.second, steps, at + 1, visit, create);
    return visited;
  }
  if (step.kind == PathStep::Kind::kMatch) return 0;
  if (node.kind == yaml::NodeKind::kNull && create) node = Doc::map(*create);
  if (!node.is_map()) return 0;
  Doc* next = node.get(step.key);
  if (next == nullptr) {
    if (!create) return 0;
    next = &node.set(step.key, Doc::map(*create), *create);
  }
  return visit_steps(*next, steps, at + 1, visit, create);
}

}  // namespace

std::vector<PathStep> parse_field_spec_path(std::string_view path) {
  std::vector<PathStep> steps;
  std::size_t at = 0;
  while (at <= path.size()) {
    std::size_t slash = path.find('/', at);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > at) steps.push_back(key_step(path.substr(at, slash - at)));
    at = slash + 1;
  }
  return steps;
}

std::vector<PathStep> parse_field_path(std::string_view path) {
  std::vector<PathStep> steps;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    const char c = i < path.size() ? path[i] : '.';
    if (c == '[') ++depth;
    if (c == ']' && depth > 0) --depth;
    if (c != '.' || depth > 0) continue;
    if (i > start) steps.push_back(field_path_step(path.substr(start, i - start)));
    start = i + 1;
  }
  return steps;
}

std::size_t visit_path(Doc& root, const std::vector<PathStep>& steps, const std::function<void(Doc&)>& visit,
                       std::optional<SourceRange> create) {
  if (steps.empty()) return 0;
  return visit_steps(root, steps, 0, visit, create);
}

}  // namespace netlint::kustomize
