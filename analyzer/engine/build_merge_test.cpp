#include <doctest/doctest.h>

#include "analyzer/engine/build_merge.h"

namespace netlint::engine {

TEST_CASE("a build's names are masked only where they are whole names, prefixes or suffixes") {
  model::KustomizeBuild prod;
  prod.namespace_name = "prod";
  prod.name_prefixes = {"prod-"};
  model::KustomizeBuild staging;
  staging.namespace_name = "staging";
  staging.name_prefixes = {"stg-"};
  // Alike: only the build's namespace and prefix differ.
  CHECK(mask_build_names("Service prod/prod-web selects nothing in namespace \"prod\"", prod) ==
        mask_build_names("Service staging/stg-web selects nothing in namespace \"staging\"", staging));
  // Different: another port, and a name that merely contains the namespace.
  CHECK(mask_build_names("Service prod/prod-web port 80", prod) !=
        mask_build_names("Service staging/stg-web port 81", staging));
  CHECK(mask_build_names("Service prod/production-web", prod) != mask_build_names("Service staging/web", staging));
  model::KustomizeBuild suffixed;
  suffixed.name_suffixes = {"-v2"};
  CHECK(mask_build_names("ConfigMap web-v2 and web-v2x", suffixed).find("web-v2x") != std::string::npos);
  CHECK(mask_build_names("ConfigMap web-v2 and web-v2x", suffixed).find("web-v2 ") == std::string::npos);
}

}  // namespace netlint::engine
