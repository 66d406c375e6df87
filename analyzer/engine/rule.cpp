#include "analyzer/engine/rule.h"

namespace netlint::engine {

diag::Diagnostic& Sink::report(SourceRange range, std::string message) {
  diag::Diagnostic& d = diagnostics_.emplace_back();
  d.rule = &rule_;
  d.severity = rule_.severity;
  d.range = range;
  d.message = std::move(message);
  return d;
}

}  // namespace netlint::engine
