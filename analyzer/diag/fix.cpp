#include "analyzer/diag/fix.h"

namespace netlint::diag {

std::string_view applicability_name(Applicability applicability) {
  return applicability == Applicability::kSafe ? "safe" : "unsafe";
}

}  // namespace netlint::diag
