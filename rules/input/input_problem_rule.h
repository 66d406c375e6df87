// The NL0xxx input rules report what the loader recorded (parse errors, invalid fields,
// duplicate definitions) rather than searching the model: one shared check for all of them.
// The model records a problem's kind (model::InputProblemKind); each rule here names the kind it
// reports, so the mapping kind -> code and docs lives with the rules, above the layers that
// read the input.
#pragma once

#include "analyzer/engine/rule.h"

namespace netlint::rules {

class InputProblemRule : public engine::Rule {
 public:
  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::InputProblem& problem : view.model().problems) {
      if (problem.kind != kind()) continue;
      diag::Diagnostic& d = out.report(problem.range, problem.message);
      d.help = problem.help;
      d.root_cause = problem.root_cause;
      d.fix = problem.fix;
      if (problem.related.valid()) d.related.push_back({problem.related, related_message()});
    }
  }

 protected:
  // The kind of recorded problem this rule reports.
  virtual model::InputProblemKind kind() const = 0;
  // What a related location of this rule's findings is (e.g. "the earlier definition").
  virtual std::string related_message() const { return "related"; }
};

}  // namespace netlint::rules
