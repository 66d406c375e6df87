// Acceptance (RULES.md "Acceptance", issue 19): the headline checks stay on by default. Each
// case copies a rule fixture that must fire into a fresh repository under a neutral name (a file
// named bad* is a negative fixture, skipped), runs netlint with no configuration and no
// selection flags, and expects the code among the findings. A change of groups or evidence gates
// that turns one of them off by default fails here.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "analyzer/testing/cli_run.h"
#include "analyzer/testing/source_paths.h"

namespace netlint {
namespace {
namespace fs = std::filesystem;

struct Headline {
  const char* fixture;  // under testdata/rules/
  const char* code;
  const char* what;
};

constexpr Headline kHeadlines[] = {
    {"service-selector-typo/bad.yaml", "NL1001", "a Service selector with a typo"},
    {"service-selector-matches-no-pods/namespace-less-app", "NL1002",
     "a selector matching nothing in a namespace-less app folder"},
    {"networkpolicy-blocks-dns/bad.yaml", "NL2005", "an egress NetworkPolicy that forgot DNS"},
    {"dns-ndots-amplification/bad.yaml", "NL4001", "ndots amplification of an external API host in env"},
    {"networkpolicy-not-enforced/corpus-flannel", "NL2015", "NetworkPolicies on Flannel"},
    {"timeout-lb-idle-exceeds-keepalive/bad.yaml", "NL6005", "a load balancer idle timeout above nginx keep-alive"},
    {"timeout-read-exceeds-lb-idle/bad.yaml", "NL6006", "an nginx read timeout above the load balancer idle timeout"},
};

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("acceptance: the headline checks fire with the default selection") {
    for (const Headline& h : kHeadlines) {
      CAPTURE(h.what);
      testing::TempRepo repo("headline");
      const fs::path source = fs::path(testing::source_dir()) / "testdata/rules" / h.fixture;
      if (fs::is_directory(source))
        fs::copy(source, repo.root / "app", fs::copy_options::recursive);
      else
        fs::copy_file(source, repo.root / "app.yaml");
      const testing::CliRun run = testing::run_netlint_in(repo.root, "--color never .", true);
      CHECK(run.out.find(std::string("[") + h.code + " ") != std::string::npos);
    }
  }
}

}  // namespace netlint

namespace netlint {

TEST_SUITE("cli") {
  // RULES.md NL4001 help: ndots = 1 + the most dots among the pod's in-cluster names (at least 2);
  // an external host with fewer dots than that is still searched, and the help says so.
  TEST_CASE("NL4001 help sizes ndots to the pod's in-cluster names") {
    testing::TempRepo repo("ndots-help");
    const std::string pod =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app, namespace: shop}\nspec:\n"
        "  selector: {matchLabels: {app: app}}\n  template:\n    metadata: {labels: {app: app}}\n    spec:\n"
        "      containers:\n      - name: app\n        image: example/app:1\n        env:\n";
    repo.write("short.yaml", pod +
                                 "        - {name: API_URL, value: \"https://api.stripe.com/v1\"}\n"
                                 "        - {name: DB_HOST, value: db.shop}\n");
    const testing::CliRun short_names = testing::run_netlint_in(repo.root, "--color never short.yaml");
    CHECK(short_names.out.find(
              "dnsConfig.options [{name: ndots, value: \"2\"}] (1 + the 1 dot of its in-cluster name db.shop") !=
          std::string::npos);
    repo.write("deep.yaml", pod +
                                "        - {name: API_URL, value: \"https://api.stripe.com/v1\"}\n"
                                "        - {name: ORDERS, value: \"http://orders.shop.svc:8080\"}\n");
    const testing::CliRun deep = testing::run_netlint_in(repo.root, "--color never deep.yaml");
    CHECK(deep.out.find("value: \"3\"}] (1 + the 2 dots of its in-cluster name orders.shop.svc") != std::string::npos);
    CHECK(deep.out.find("api.stripe.com has fewer dots and is still searched then") != std::string::npos);
  }
}

}  // namespace netlint
