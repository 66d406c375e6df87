// An all-caps word in a field whose valid values have no upper case (`targetPort: HTTP`) is a
// placeholder, unless its lower-case form is a name declared for that field in the view: then
// it is a mistyped name, NL0004 with a did-you-mean (RULES.md "API defaulting and
// placeholders"). Which names are declared is known only once the view is assembled, so this
// runs per view after loading.
#pragma once

#include "analyzer/model/model.h"

namespace netlint::model {

// Adds NL0004 problems for all-caps targetPorts whose lower-case form is a container port name
// in the view, and all-caps namespaces whose lower-case form is a namespace of the view. The
// value stays unknown to the other rules (one root cause, one finding).
void report_all_caps_declared_names(Model& model);

}  // namespace netlint::model
