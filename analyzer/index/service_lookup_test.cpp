// ServiceLookup::near_misses goes through a near-miss index once a namespace has many Services
// (rule fixtures hold few, so they only see the scan): it must still answer best_near_misses.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <string>

#include "analyzer/diag/did_you_mean.h"
#include "analyzer/testing/load_texts.h"
#include "analyzer/index/service_lookup.h"

namespace netlint::index {
namespace {

TEST_CASE("ServiceLookup::near_misses equals best_near_misses over the namespace's Service names") {
  std::string text;
  const char* words[] = {"orders", "payment", "checkout", "cart", "search", "user-profile", "web", "api"};
  for (int i = 0; i < 120; ++i) {
    // Both namespaces hold the same names, so a suggestion from the wrong namespace would show.
    for (const char* ns : {"shop", "other"}) {
      const std::string name = i < 8 ? words[i] : fmt::format("{}-{}", words[i % 8], i);
      if (std::string(ns) == "other" && i % 3 == 0) continue;
      text += fmt::format(
          "---\napiVersion: v1\nkind: Service\nmetadata: {{name: {}, namespace: {}}}\nspec: {{ports: [{{port: "
          "80}}]}}\n",
          name, ns);
    }
  }
  const LoadedView model_loaded = testing::load_texts({{"services.yaml", text}});
  const model::Model& model = model_loaded.model;
  const ServiceLookup services(model);
  REQUIRE(services.names_in("shop").size() == 120);
  std::size_t suggested = 0;
  for (const char* written :
       {"order", "ordres", "payments", "chekout", "user_profile", "userprofile", "serach", "web-db", "api-9",
        "cart-17s", "cart-71", "search-12", "srch", "apis", "nothing-like-it"}) {
    for (const char* ns : {"shop", "other", "absent"}) {
      const auto expected = diag::best_near_misses(written, services.names_in(ns));
      INFO(ns, "/", written);
      CHECK(services.near_misses(ns, written) == expected);
      suggested += expected.empty() ? 0u : 1u;
    }
  }
  CHECK(suggested >= 15);
}

}  // namespace
}  // namespace netlint::index
