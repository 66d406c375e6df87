#include "analyzer/model/model.h"

namespace netlint::model {

const char* skip_reason_name(SkipReason reason) {
  switch (reason) {
    case SkipReason::kNotKubernetes: return "not-kubernetes";
    case SkipReason::kKustomize: return "kustomize";
    case SkipReason::kHelmChart: return "helm-chart";
    case SkipReason::kTemplate: return "template";
    case SkipReason::kBinary: return "binary";
    case SkipReason::kTooLarge: return "too-large";
    case SkipReason::kUnreadable: return "unreadable";
    case SkipReason::kNotRegularFile: return "not-regular-file";
    case SkipReason::kSymlinkOutsideRoot: return "symlink-outside-root";
    case SkipReason::kBrokenSymlink: return "broken-symlink";
    case SkipReason::kCount: break;
  }
  return "?";
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
