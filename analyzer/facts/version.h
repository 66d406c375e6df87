// Release versions as rules compare them ("1.31", "v1.32.4", "1.14.7"): an unknown or ambiguous
// version counts as the newest release this build knows (RULES.md Conventions).
#pragma once

#include <compare>
#include <optional>
#include <string_view>

#include "analyzer/facts/cluster_facts.h"

namespace netlint::facts {

struct Version {
  int major = 0;
  int minor = 0;
  int patch = 0;
  auto operator<=>(const Version&) const = default;
};

// "1.31" -> 1.31.0, "v1.32.4" -> 1.32.4; a suffix after the numbers (`-rc.1`, `+k3s1`) is
// ignored; nullopt when it does not start with major.minor.
std::optional<Version> parse_version(std::string_view text);

// The Kubernetes version of the view: the known one, else the newest release.
Version kubernetes_version(const ClusterFacts& facts);

}  // namespace netlint::facts
