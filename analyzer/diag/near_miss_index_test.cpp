// The near-miss index must answer exactly what best_near_misses answers (it is only a faster
// way to the same result): compared on hand-picked cases and on many random candidate sets
// built around near misses of every kind the definition knows.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/diag/did_you_mean.h"
#include "analyzer/diag/near_miss_index.h"

namespace netlint::diag {
namespace {

constexpr KnownConfusion kConfusions[] = {
    {"name", "kubernetes.io/metadata.name"},
    {"app", "app.kubernetes.io/name"},
};

// Compares the index (forced on, and with the default small-set scan) with the linear answer.
void check_same(const std::vector<std::string>& candidates, const std::string& written,
                std::span<const KnownConfusion> confusions = kConfusions) {
  const NearMissIndex indexed(candidates, 0);
  const NearMissIndex by_default(candidates);
  const std::vector<std::string> expected = best_near_misses(written, candidates, confusions);
  INFO("written: ", written, ", candidates: ", fmt::format("{}", fmt::join(candidates, " ")));
  CHECK(indexed.indexed());
  CHECK(indexed.best(written, confusions) == expected);
  CHECK(by_default.best(written, confusions) == expected);
}

TEST_CASE("near-miss index: hand-picked cases") {
  const std::vector<std::string> services = {"orders",
                                             "order-service",
                                             "payments",
                                             "payment",
                                             "web-v1",
                                             "web-v2",
                                             "redis",
                                             "redis-master",
                                             "api",
                                             "apis",
                                             "checkout_api",
                                             "checkout",
                                             "frontend",
                                             "frontned",
                                             "backend",
                                             "Backend",
                                             "db",
                                             "db1",
                                             "search",
                                             "serach",
                                             "user.profile",
                                             "users-profile",
                                             "kubernetes.io/metadata.name",
                                             "a",
                                             "ab",
                                             "ba",
                                             "abc",
                                             "cache",
                                             "caches",
                                             "caché",
                                             ""};
  const char* queries[] = {"order",
                           "orders",
                           "ordres",
                           "paymnts",
                           "payments-",
                           "web-v3",
                           "web-v",
                           "webv1",
                           "redis-mastr",
                           "redismaster",
                           "api",
                           "apis",
                           "API",
                           "checkout-api",
                           "checkoutapi",
                           "frotnend",
                           "backnd",
                           "BACKEND",
                           "db2",
                           "db",
                           "d",
                           "saerch",
                           "user-profile",
                           "users.profiles",
                           "name",
                           "app",
                           "ab",
                           "ba",
                           "abd",
                           "bac",
                           "",
                           "x",
                           "cahce",
                           "cach",
                           "caches",
                           "cachés",
                           "frontend-db",
                           "order-servcie",
                           "ordr-srvice",
                           "o"};
  for (const char* q : queries) check_same(services, q);
  // Without confusions, and with a confusion whose meant name is missing.
  for (const char* q : queries) check_same(services, q, {});
  const std::vector<std::string> no_meant = {"nam", "names", "label"};
  check_same(no_meant, "name");
}

TEST_CASE("near-miss index: duplicates and ties") {
  const std::vector<std::string> candidates = {"alpha", "alpah", "alpha", "alphb", "alpxa", "alphas", "alph"};
  for (const char* q : {"alpha", "alhpa", "alph", "alphaa", "aplha", "alpha-s"}) check_same(candidates, q);
  const NearMissIndex index(candidates, 0);
  // A tie of several candidates at distance one, all returned, sorted.
  CHECK(index.best("alphc") == std::vector<std::string>{"alph", "alpha", "alphb"});
}

// A random name from an alphabet rich in the characters the definition treats specially.
std::string random_name(std::mt19937& rng) {
  static constexpr std::string_view kAlphabet = "abcdeso01-_.A";
  std::uniform_int_distribution<std::size_t> length(0, 14);
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::string out;
  for (std::size_t n = length(rng); n > 0; --n) out.push_back(kAlphabet[pick(rng)]);
  return out;
}

// One random edit of a kind the definition scores: transposition, deletion, insertion,
// substitution, plural s, a separator changed, a digit changed, the case changed.
std::string mutate(std::string s, std::mt19937& rng) {
  static constexpr std::string_view kAlphabet = "abcdeso01-_.A";
  std::uniform_int_distribution<int> kind(0, 7);
  auto at = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n)(rng); };
  const char c = kAlphabet[at(kAlphabet.size() - 1)];
  switch (kind(rng)) {
    case 0:
      if (s.size() >= 2) {
        const std::size_t i = at(s.size() - 2);
        std::swap(s[i], s[i + 1]);
      }
      break;
    case 1:
      if (!s.empty()) s.erase(at(s.size() - 1), 1);
      break;
    case 2:
      s.insert(at(s.size()), 1, c);
      break;
    case 3:
      if (!s.empty()) s[at(s.size() - 1)] = c;
      break;
    case 4:
      s += 's';
      break;
    case 5: {
      const std::size_t i = s.find_first_of("-_.");
      if (i != std::string::npos)
        s[i] = "-_."[at(2)];
      else
        s.insert(at(s.size()), 1, '-');
      break;
    }
    case 6: {
      const std::size_t i = s.find_first_of("0123456789");
      if (i != std::string::npos)
        s[i] = static_cast<char>('0' + at(9));
      else
        s += '1';
      break;
    }
    default:
      for (char& ch : s) {
        if (ch >= 'a' && ch <= 'z') {
          ch = static_cast<char>(ch - 'a' + 'A');
          break;
        }
      }
  }
  return s;
}

TEST_CASE("near-miss index: random candidate sets agree with best_near_misses") {
  std::mt19937 rng(20261123);
  std::size_t found = 0;
  std::size_t several = 0;
  for (int set = 0; set < 300; ++set) {
    std::vector<std::string> candidates;
    const std::size_t bases = std::uniform_int_distribution<std::size_t>(1, 40)(rng);
    for (std::size_t b = 0; b < bases; ++b) {
      std::string name = random_name(rng);
      candidates.push_back(name);
      // Near misses of each other inside the set make ties and competing scores.
      for (int m = std::uniform_int_distribution<int>(0, 3)(rng); m > 0; --m) {
        name = mutate(name, rng);
        candidates.push_back(name);
      }
    }
    const NearMissIndex index(candidates, 0);
    for (int q = 0; q < 40; ++q) {
      std::string written = candidates[std::uniform_int_distribution<std::size_t>(0, candidates.size() - 1)(rng)];
      for (int m = std::uniform_int_distribution<int>(0, 3)(rng); m > 0; --m) written = mutate(written, rng);
      if (q % 10 == 0) written = random_name(rng);
      if (q % 13 == 0) written = "name";
      const std::vector<std::string> expected = best_near_misses(written, candidates, kConfusions);
      INFO("set ", set, ", written: ", written);
      REQUIRE(index.best(written, kConfusions) == expected);
      // proposals() misses no candidate that scores (the selector fixes score them all).
      const std::vector<std::string_view> proposed = index.proposals(written, kConfusions);
      REQUIRE(std::is_sorted(proposed.begin(), proposed.end()));
      for (const std::string& c : candidates) {
        if (near_miss_score(written, c, kConfusions)) {
          INFO("candidate: ", c);
          REQUIRE(std::binary_search(proposed.begin(), proposed.end(), std::string_view(c)));
        }
      }
      found += expected.empty() ? 0u : 1u;
      several += expected.size() > 1 ? 1u : 0u;
    }
  }
  // The comparison must be about real near misses, ties included, not mostly empty answers.
  CHECK(found > 5000);
  CHECK(several > 1000);
}

TEST_CASE("near-miss index: small sets are scanned, large ones indexed") {
  std::vector<std::string> names;
  for (int i = 0; i < 100; ++i) names.push_back(fmt::format("app-{:06d}", i));
  CHECK_FALSE(NearMissIndex(std::span(names).first(10)).indexed());
  const NearMissIndex index(names);
  CHECK(index.indexed());
  CHECK(index.best("app-000012-db").empty());
  // Digit siblings are never near misses, even through the index.
  CHECK(index.best("app-000100").empty());
  CHECK(index.best("app-00012") == best_near_misses("app-00012", names));
  CHECK(index.best("ap-000012") == std::vector<std::string>{"app-000012"});
  CHECK(index.best("app-000012s") == std::vector<std::string>{"app-000012"});
}

}  // namespace
}  // namespace netlint::diag
