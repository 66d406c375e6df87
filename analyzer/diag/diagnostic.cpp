#include "analyzer/diag/diagnostic.h"

namespace netlint::diag {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kNote: return "note";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
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

}  // namespace netlint::diag
