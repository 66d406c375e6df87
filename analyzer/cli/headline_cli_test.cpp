// Acceptance (RULES.md "Acceptance", issue 19): the headline checks stay on by default. Each
// case copies a rule fixture that must fire into a fresh repository under a neutral name (a file
// named bad* is a negative fixture, skipped), runs netlint with no configuration and no
// selection flags, and expects the code among the findings. A change of groups or evidence gates
// that turns one of them off by default fails here.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "analyzer/testing/cli_run.h"

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
    {"service-selector-matches-no-pods/namespace-less-app", "NL1002", "a selector matching nothing in a namespace-less app folder"},
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
      const fs::path source = fs::path(NETLINT_SOURCE_DIR) / "testdata/rules" / h.fixture;
      if (fs::is_directory(source)) fs::copy(source, repo.root / "app", fs::copy_options::recursive);
      else fs::copy_file(source, repo.root / "app.yaml");
      const testing::CliRun run = testing::run_netlint_in(repo.root, "--color never .", true);
      CHECK(run.out.find(std::string("[") + h.code + " ") != std::string::npos);
    }
  }
}

}  // namespace netlint
