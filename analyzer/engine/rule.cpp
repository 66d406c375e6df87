#include "analyzer/engine/rule.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "analyzer/util/go_values.h"

namespace netlint::engine {

diag::Diagnostic& Sink::report(SourceRange range, std::string message) {
  diag::Diagnostic& d = diagnostics_.emplace_back();
  d.rule = &rule_;
  d.severity = rule_.severity;
  d.range = range;
  d.message = std::move(message);
  return d;
}

std::string_view Sink::option_value(std::string_view name) const {
  const auto declared = std::find_if(rule_.options.begin(), rule_.options.end(),
                                     [&](const diag::RuleOption& o) { return o.name == name; });
  if (declared == rule_.options.end()) {
    throw std::logic_error("rule " + std::string(rule_.code) + " reads undeclared option " + std::string(name));
  }
  if (options_ != nullptr) {
    if (const auto it = options_->find(name); it != options_->end()) return it->second;
  }
  return declared->default_value;
}

bool Sink::option_flag(std::string_view name) const {
  return option_value(name) == "true";
}

std::int64_t Sink::option_integer(std::string_view name) const {
  const std::string_view text = option_value(name);
  const std::optional<std::int64_t> value = go_atoi(text);  // config.cpp admits 1 to 9 digits
  if (!value) {
    throw std::logic_error("option " + std::string(name) + " of rule " + std::string(rule_.code) +
                           " is not an integer");
  }
  return *value;
}

}  // namespace netlint::engine
