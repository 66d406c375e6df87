// Pods' references kept between analyses: reused while what they are read from is unchanged,
// extracted again (as a fresh index would) when any of it changes.
#include <doctest/doctest.h>

#include <sstream>

#include "analyzer/index/kept_references.h"
#include "analyzer/index/reference_index.h"
#include "analyzer/loader/loader.h"

namespace netlint::index {
namespace {

constexpr std::string_view kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
        - name: web
          env:
            - name: ORDERS_URL
              value: http://orders.shop:80
          envFrom:
            - configMapRef: {name: web-config}
)";

std::string config_map(std::string_view url) {
  return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: shop}\ndata:\n  DB_URL: " +
         std::string(url) + "\n";
}

model::Model load(std::string deployment, std::string config) {
  std::vector<InputText> inputs;
  inputs.push_back({"web.yaml", std::move(deployment), true, {}});
  inputs.push_back({"config.yaml", std::move(config), true, {}});
  return load_inputs(std::move(inputs), LoadOptions{}).model;
}

// `host kind begin-end` per reference, for comparing with a fresh index.
std::string describe(const ReferenceIndex& index) {
  std::ostringstream out;
  for (const PodReferences& p : index.by_pod()) {
    for (const Reference& r : p.references) {
      out << r.host << ' ' << host_kind_name(r.kind) << ' ' << r.range.file << ':' << r.range.begin << '-'
          << r.range.end << '\n';
    }
  }
  return out.str();
}

}  // namespace

TEST_SUITE("references: kept between analyses") {
  TEST_CASE("reused while unchanged; extracted again when the pod, its ConfigMap or the namespaces change") {
    KeptReferences kept;
    const model::Model first = load(std::string(kDeployment), config_map("postgres://db.shop:5432"));
    const ReferenceIndex a(first, "cluster.local", nullptr, nullptr, &kept);
    REQUIRE(a.by_pod().size() == 1);
    CHECK(describe(a) == describe(ReferenceIndex(first, "cluster.local")));
    kept.drop_unused();

    const model::Model same = load(std::string(kDeployment), config_map("postgres://db.shop:5432"));
    const ReferenceIndex b(same, "cluster.local", nullptr, nullptr, &kept);
    CHECK(b.by_pod().front().owned == a.by_pod().front().owned);  // reused
    CHECK(b.by_pod().front().pod == &same.pod_sources.front());
    kept.drop_unused();

    const auto check_fresh = [&](const model::Model& changed, const std::string& domain = "cluster.local") {
      const ReferenceIndex kept_index(changed, domain, nullptr, nullptr, &kept);
      CHECK(kept_index.by_pod().front().owned != a.by_pod().front().owned);
      CHECK(describe(kept_index) == describe(ReferenceIndex(changed, domain)));
      kept.drop_unused();
    };
    SUBCASE("the ConfigMap it reads") {
      check_fresh(load(std::string(kDeployment), config_map("postgres://db2.shop:5432")));
    }
    SUBCASE("lines moved above the pod") {
      check_fresh(load("# a comment\n" + std::string(kDeployment), config_map("postgres://db.shop:5432")));
    }
    SUBCASE("the cluster domain") {
      check_fresh(same, "example.internal");
    }
    SUBCASE("the namespaces of the view") {
      check_fresh(load(std::string(kDeployment) + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: billing}\n",
                       config_map("postgres://db.shop:5432")));
    }
  }

  TEST_CASE("content ids: equal while kept, new once dropped unused") {
    KeptReferences kept;
    const std::uint64_t one = kept.content_id("one");
    CHECK(kept.content_id("one") == one);
    CHECK(kept.content_id("two") != one);
    kept.drop_unused();  // both were used
    CHECK(kept.content_id("one") == one);
    kept.drop_unused();  // "two" was not
    kept.drop_unused();  // nor "one" now
    CHECK(kept.content_id("one") != one);
  }
}

}  // namespace netlint::index
