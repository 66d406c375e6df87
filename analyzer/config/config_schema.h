// The shape of .netlint.yaml as data: one table drives validation (unknown keys are errors with
// a did-you-mean) and, later, the generated JSON Schema that editors use for completion.
#pragma once

#include <span>
#include <string_view>

namespace netlint::config {

enum class ValueType {
  kString,
  kInteger,
  kBoolean,
  kEnum,  // one of `choices`
  kStringList,
  kCidrList,      // list of IPv4/IPv6 CIDRs
  kIpList,        // list of IPv4/IPv6 addresses, in order (clusterDNS)
  kPortRange,     // "30000-32767"
  kDuration,      // "60s", "5m", or seconds as an integer
  kLabels,        // string -> string map
  kObject,        // `fields`
  kObjectList,    // list of `fields` objects
  kNamedObjects,  // name -> `fields` object (clusters)
  kRules,         // rule code or name -> {severity, options}: validated against the registry
  kGlobLists,     // path glob -> list of strings (per-file-ignores)
};

struct Field {
  std::string_view key;
  ValueType type;
  std::string_view description;
  std::span<const Field> fields = {};              // kObject, kObjectList, kNamedObjects
  std::span<const std::string_view> choices = {};  // kEnum
};

// The top level of .netlint.yaml.
std::span<const Field> config_fields();

}  // namespace netlint::config
