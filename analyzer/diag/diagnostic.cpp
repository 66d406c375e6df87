#include "analyzer/diag/diagnostic.h"

namespace netlint::diag {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "?";
}

bool parse_severity(std::string_view text, Severity& out) {
  for (Severity s : {Severity::kNote, Severity::kWarning, Severity::kError}) {
    if (text == severity_name(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

std::string_view group_name(Group group) {
  switch (group) {
    case Group::kCorrectness:
      return "correctness";
    case Group::kSuspicious:
      return "suspicious";
    case Group::kPerf:
      return "perf";
    case Group::kBestPractice:
      return "best-practice";
    case Group::kNursery:
      return "nursery";
  }
  return "suspicious";
}

bool parse_group(std::string_view text, Group& out) {
  for (Group g : {Group::kCorrectness, Group::kSuspicious, Group::kPerf, Group::kBestPractice, Group::kNursery}) {
    if (text == group_name(g)) {
      out = g;
      return true;
    }
  }
  return false;
}

bool default_selected(Group group) {
  return group == Group::kCorrectness || group == Group::kSuspicious || group == Group::kPerf;
}

}  // namespace netlint::diag
