// The Services an Ingress backend names, looked up in the Ingress's namespace (every variant of
// one identity), shared by NL3001 (the Service is missing) and NL3002 (its port is).
#pragma once

#include <vector>

#include "analyzer/engine/view.h"

namespace netlint::rules {

// Every Service definition named `name` in `namespace_name` (variants of one identity included).
std::vector<const model::Service*> services_named(const engine::View& view, std::string_view namespace_name,
                                                  std::string_view name);

}  // namespace netlint::rules
