// The rule interface. A rule is const and stateless: check() reads the view and reports into
// the sink; the engine stamps code and severity, catches failures, applies precedence and sorts.
#pragma once

#include <string>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/engine/view.h"

namespace netlint::engine {

class Sink {
 public:
  explicit Sink(const diag::RuleInfo& rule) : rule_(rule) {}

  // Reports a finding at `range` and returns it, so the rule can add help and related locations.
  diag::Diagnostic& report(SourceRange range, std::string message);
  // Tells the engine which object the rule is looking at, so that a failure (NL0002) can be
  // anchored on it.
  void checking(SourceRange object) { subject_ = object; }

  SourceRange subject() const noexcept { return subject_; }
  std::vector<diag::Diagnostic>& diagnostics() noexcept { return diagnostics_; }

 private:
  const diag::RuleInfo& rule_;
  SourceRange subject_;
  std::vector<diag::Diagnostic> diagnostics_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const diag::RuleInfo& info() const noexcept = 0;
  virtual void check(const View& view, Sink& out) const = 0;
};

}  // namespace netlint::engine
