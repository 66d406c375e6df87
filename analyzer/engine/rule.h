// The rule interface. A rule is const and stateless: check() reads the view and reports into
// the sink; the engine stamps code and severity, catches failures, applies precedence and sorts.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/diag/diagnostic.h"
#include "analyzer/engine/view.h"

namespace netlint::engine {

// One rule's configured options (.netlint.yaml `rules: {CODE: {option: value}}`), as written;
// the config layer has checked names and types against RuleInfo::options.
using OptionValues = std::map<std::string, std::string, std::less<>>;

class Sink {
 public:
  explicit Sink(const diag::RuleInfo& rule, const OptionValues* options = nullptr) : rule_(rule), options_(options) {}

  // An option's value: the configured one, else the default RuleInfo::options declares. Asking
  // for an option the rule does not declare is a bug (std::logic_error, reported as NL0002).
  bool option_flag(std::string_view name) const;
  std::int64_t option_integer(std::string_view name) const;

  // Reports a finding at `range` and returns it, so the rule can add help and related locations.
  diag::Diagnostic& report(SourceRange range, std::string message);
  // Tells the engine which object the rule is looking at, so that a failure (NL0002) can be
  // anchored on it.
  void checking(SourceRange object) { subject_ = object; }

  SourceRange subject() const noexcept { return subject_; }
  std::vector<diag::Diagnostic>& diagnostics() noexcept { return diagnostics_; }

 private:
  std::string_view option_value(std::string_view name) const;

  const diag::RuleInfo& rule_;
  const OptionValues* options_;
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
