#include "analyzer/model/model.h"

#include "analyzer/model/namespace_name.h"

namespace netlint::model {

const char* input_problem_kind_name(InputProblemKind kind) {
  switch (kind) {
    case InputProblemKind::kParseError:
      return "parse-error";
    case InputProblemKind::kInvalidField:
      return "invalid-field";
    case InputProblemKind::kDuplicateResource:
      return "duplicate-resource";
    case InputProblemKind::kPlaceholder:
      return "placeholder";
  }
  return "unknown";
}

const char* skip_reason_name(SkipReason reason) {
  switch (reason) {
    case SkipReason::kNotKubernetes:
      return "not-kubernetes";
    case SkipReason::kKustomize:
      return "kustomize";
    case SkipReason::kHelmChart:
      return "helm-chart";
    case SkipReason::kTemplate:
      return "template";
    case SkipReason::kBinary:
      return "binary";
    case SkipReason::kTooLarge:
      return "too-large";
    case SkipReason::kUnreadable:
      return "unreadable";
    case SkipReason::kNotRegularFile:
      return "not-regular-file";
    case SkipReason::kSymlinkOutsideRoot:
      return "symlink-outside-root";
    case SkipReason::kBrokenSymlink:
      return "broken-symlink";
    case SkipReason::kNegativeFixture:
      return "negative-fixture";
    case SkipReason::kFillInTemplate:
      return "fill-in-template";
    case SkipReason::kInert:
      return "inert";
    case SkipReason::kCount:
      break;
  }
  return "?";
}

void assign_apply_time_namespace(Model& model, const std::string& name) {
  if (name.empty() || is_apply_time(name)) return;
  for_each_object_meta(model, [&](ObjectMeta& meta) {
    if (is_apply_time(meta.namespace_name.value)) meta.namespace_name.value = name;
  });
  for (OpaqueNamespace& o : model.opaque_namespaces) {
    if (is_apply_time(o.namespace_name.value)) o.namespace_name.value = name;
  }
}

std::uint32_t LoadStats::objects() const {
  std::uint32_t total = 0;
  for (const auto& [kind, count] : objects_per_kind) total += count;
  return total;
}

std::uint32_t LoadStats::skipped() const {
  std::uint32_t total = 0;
  for (std::uint32_t count : skips) total += count;
  return total;
}

}  // namespace netlint::model
