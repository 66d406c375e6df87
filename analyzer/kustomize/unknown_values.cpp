#include "analyzer/kustomize/unknown_values.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "analyzer/kustomize/field_path.h"
#include "analyzer/kustomize/selection.h"

namespace netlint::kustomize {
namespace {

void for_each_scalar(Doc& node, const std::function<void(Doc&)>& visit) {
  if (node.is_scalar()) visit(node);
  for (DocEntry& e : node.entries) for_each_scalar(e.second, visit);
  for (Doc& item : node.items) for_each_scalar(item, visit);
}

// Fields whose unknown value the model cannot hold as a placeholder: identity (who the object
// is) and label matching (who selects whom).
bool is_identity_or_selection(const std::vector<PathStep>& steps) {
  if (steps.empty()) return true;
  if (steps[0].key == "kind" || steps[0].key == "apiVersion") return true;
  if (steps[0].key == "metadata" && steps.size() >= 2 && (steps[1].key == "name" || steps[1].key == "namespace"))
    return true;
  static constexpr std::string_view kSelection[] = {"labels",           "selector",    "matchLabels",
                                                    "matchExpressions", "podSelector", "namespaceSelector",
                                                    "endpointSelector", "nodeSelector"};
  return std::any_of(steps.begin(), steps.end(), [](const PathStep& s) {
    return std::find(std::begin(kSelection), std::end(kSelection), s.key) != std::end(kSelection);
  });
}

}  // namespace

void substitute_vars(std::vector<Resource>& resources, const std::vector<Entry>& vars) {
  if (vars.empty()) return;
  std::set<std::string, std::less<>> declared;
  for (const Entry& var : vars) declared.insert(var.value);
  // One pass over each scalar: every `$(NAME)` looked up once (linear in the text, whatever the
  // number of vars).
  for (Resource& r : resources) {
    for_each_scalar(r.doc, [&](Doc& scalar) {
      if (scalar.value.find("$(") == std::string::npos) return;
      std::string out;
      std::size_t from = 0;
      for (std::size_t at = scalar.value.find("$("); at != std::string::npos; at = scalar.value.find("$(", at + 2)) {
        const std::size_t close = scalar.value.find(')', at + 2);
        if (close == std::string::npos) break;
        if (declared.find(std::string_view(scalar.value).substr(at + 2, close - at - 2)) == declared.end()) continue;
        out.append(scalar.value, from, at - from);
        out.append(kUnknownValue);
        from = close + 1;
        at = close - 1;
      }
      if (from == 0) return;
      out.append(scalar.value, from, std::string::npos);
      scalar.value = std::move(out);
    });
  }
}

std::vector<ReplacementTarget> replacement_targets(const yaml::NodeRef& node) {
  std::vector<ReplacementTarget> out;
  if (node.is_sequence()) {
    for (std::uint32_t i = 0; i < node.size(); ++i) {
      for (ReplacementTarget& t : replacement_targets(node.item(i))) out.push_back(std::move(t));
    }
    return out;
  }
  const yaml::NodeRef targets = node.get("targets");
  for (std::uint32_t i = 0; i < targets.size(); ++i) {
    const yaml::NodeRef t = targets.item(i);
    ReplacementTarget target;
    target.select = target_of(t.get("select"));
    const yaml::NodeRef reject = t.get("reject");
    for (std::uint32_t j = 0; j < reject.size(); ++j) target.reject.push_back(target_of(reject.item(j)));
    const yaml::NodeRef paths = t.get("fieldPaths");
    for (std::uint32_t j = 0; j < paths.size(); ++j) {
      if (paths.item(j).is_scalar()) target.field_paths.push_back(entry_of(paths.item(j)));
    }
    // kustomize's default target field is the source's default, metadata.name.
    if (target.field_paths.empty()) target.field_paths.push_back({"metadata.name", t.range()});
    target.create = t.get("options").get("create").scalar() == "true";
    out.push_back(std::move(target));
  }
  return out;
}

std::map<std::string, std::string> apply_replacement_targets(std::vector<Resource>& resources,
                                                             const std::vector<ReplacementTarget>& targets) {
  std::map<std::string, std::string> open;
  for (const ReplacementTarget& target : targets) {
    for (Resource& r : resources) {
      if (!target_matches(target.select, r)) continue;
      if (std::any_of(target.reject.begin(), target.reject.end(),
                      [&](const Target& t) { return !t.any && target_matches(t, r); }))
        continue;
      for (const Entry& field : target.field_paths) {
        const std::vector<PathStep> steps = parse_field_path(field.value);
        bool placeable = !is_identity_or_selection(steps);
        const std::size_t written = visit_path(r.doc, steps, [&](Doc& node) {
          if (!node.is_scalar()) {
            placeable = false;
            return;
          }
          node = Doc::scalar(std::string(kUnknownValue), field.at);
        });
        if (written == 0 && target.create) placeable = false;
        if (!placeable) {
          open.emplace(r.name_space(),
                       fmt::format("a replacement writes {} of {} {}", field.value, r.kind(), r.name()));
        }
      }
    }
  }
  return open;
}

}  // namespace netlint::kustomize
