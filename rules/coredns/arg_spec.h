// Checks a directive's arguments against a spec of plugin_table.h ("INT [DURATION] [PERCENT]"),
// and builds sample arguments that satisfy a spec (for the table-generated test).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/corefile/corefile.h"

namespace netlint::rules::coredns {

struct ArgProblem {
  // The argument at fault; nullopt when an argument is missing (anchor on the directive).
  std::optional<std::size_t> index;
  std::string message;               // "'5x' is not a duration", "must be in range [0, 3600]: 7200"
  std::vector<std::string> choices;  // for an enum value: the words it may be (did-you-mean)
};

// nullopt when the arguments fit. Placeholders (`{$ENV}`, `__PILLAR__X__`) fit any type.
std::optional<ArgProblem> check_args(std::string_view spec, std::span<const corefile::Token> args);

// Arguments that fit the spec, required and optional elements filled once each.
std::vector<std::string> sample_args(std::string_view spec);

// Go time.ParseDuration in milliseconds ("1m30s" -> 90000, "0" -> 0); nullopt when invalid.
std::optional<double> parse_duration_ms(std::string_view text);

}  // namespace netlint::rules::coredns
