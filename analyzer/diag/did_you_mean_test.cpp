// Unit and property tests for the shared did-you-mean engine (RULES.md, Conventions:
// "Did-you-mean", and Clarifications: "Did-you-mean details").
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/diag/did_you_mean.h"

namespace netlint::diag {
namespace {

// ---------------------------------------------------------------------------------------------
// An independent reference, written straight from the RULES.md definition and deliberately
// structured differently from the production code (recursion over suffixes with a memo table
// instead of rolling rows; split-then-join normalisation; no length short-cut).
// ---------------------------------------------------------------------------------------------
namespace ref {

// Optimal string alignment distance: insert, delete, substitute, or swap two adjacent
// characters, each costing one, where no character is edited again after a swap.
int osa(std::string_view a, std::string_view b) {
  std::map<std::pair<std::size_t, std::size_t>, int> memo;
  // d(i, j) = distance between the suffixes a[i..] and b[j..].
  auto d = [&](auto&& self, std::size_t i, std::size_t j) -> int {
    if (i == a.size()) return static_cast<int>(b.size() - j);
    if (j == b.size()) return static_cast<int>(a.size() - i);
    if (const auto it = memo.find({i, j}); it != memo.end()) return it->second;
    int best = std::min(self(self, i + 1, j) + 1,                              // delete a[i]
                        self(self, i, j + 1) + 1);                             // insert b[j]
    best = std::min(best, self(self, i + 1, j + 1) + (a[i] == b[j] ? 0 : 1));  // keep or substitute
    if (i + 1 < a.size() && j + 1 < b.size() && a[i] == b[j + 1] && a[i + 1] == b[j]) {
      best = std::min(best, self(self, i + 2, j + 2) + 1);  // adjacent transposition
    }
    memo[{i, j}] = best;
    return best;
  };
  return d(d, 0, 0);
}

bool is_separator(char c) {
  return c == '-' || c == '_' || c == '.';
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Lowercase, split on `-` `_` `.`, drop a plural `s` from the end of each segment, join.
// A segment that is just "s" is kept: a lone `s` is not the plural of anything (the reading
// the production code takes; RULES.md does not say, see the test "normalise_name" below).
std::string normalise(std::string_view s) {
  std::vector<std::string> segments(1);
  for (char c : s) {
    if (is_separator(c)) {
      segments.emplace_back();
    } else {
      segments.back().push_back(ascii_lower(c));
    }
  }
  std::string joined;
  for (std::string& segment : segments) {
    const bool plural = segment.size() >= 2 && segment.back() == 's';
    joined += plural ? segment.substr(0, segment.size() - 1) : segment;
  }
  return joined;
}

std::string without_digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c < '0' || c > '9') out.push_back(c);
  }
  return out;
}

// The near-miss predicate with its score, or nullopt.
std::optional<int> near_miss(std::string_view written, std::string_view candidate,
                             const std::vector<KnownConfusion>& confusions) {
  if (written == candidate) return std::nullopt;  // not a miss at all
  // An explicitly listed confusion is a near miss whatever it looks like.
  for (const KnownConfusion& c : confusions) {
    if (c.written == written && c.meant == candidate) return 0;
  }
  // Version siblings are never typos.
  if (without_digits(written) == without_digits(candidate)) return std::nullopt;
  if (normalise(written) == normalise(candidate)) return 0;
  const int limit = std::min(written.size(), candidate.size()) <= 5 ? 1 : 2;
  const int distance = osa(written, candidate);
  if (distance <= limit) return distance;
  return std::nullopt;
}

// The best-scoring candidates, deduplicated and sorted.
std::vector<std::string> best(std::string_view written, const std::vector<std::string>& candidates,
                              const std::vector<KnownConfusion>& confusions) {
  std::map<int, std::set<std::string>> by_score;
  for (const std::string& candidate : candidates) {
    if (const auto score = near_miss(written, candidate, confusions)) by_score[*score].insert(candidate);
  }
  if (by_score.empty()) return {};
  const std::set<std::string>& winners = by_score.begin()->second;
  return {winners.begin(), winners.end()};
}

}  // namespace ref

// ---------------------------------------------------------------------------------------------
// Random strings for the property tests. The alphabet is small and contains separators, `s`,
// digits and an upper-case letter, so normalisation, plural and digit-sibling cases are common.
// std::mt19937's output sequence is fixed by the standard, so the runs are reproducible.
// ---------------------------------------------------------------------------------------------
class Strings {
 public:
  explicit Strings(std::uint32_t seed) : rng_(seed) {}

  std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
  char letter() { return kAlphabet[below(kAlphabet.size())]; }

  std::string random(std::size_t max_length) {
    std::string s(below(max_length + 1), 'a');
    for (char& c : s) c = letter();
    return s;
  }

  // One to three random edits of `s`, biased towards the edits a near miss is made of.
  std::string mutate(std::string s) {
    const std::size_t edits = 1 + below(3);
    for (std::size_t e = 0; e < edits; ++e) {
      const std::size_t at = below(s.size() + 1);
      switch (below(7)) {
        case 0:
          s.insert(at, 1, letter());
          break;
        case 1:
          if (at < s.size()) s.erase(at, 1);
          break;
        case 2:
          if (at < s.size()) s[at] = letter();
          break;
        case 3:
          if (at + 1 < s.size()) std::swap(s[at], s[at + 1]);
          break;
        case 4:
          if (at < s.size() && s[at] >= 'a' && s[at] <= 'z') s[at] = static_cast<char>(s[at] - 'a' + 'A');
          break;
        case 5:
          s.insert(at, 1, "-_."[below(3)]);
          break;
        default:
          s.push_back('s');
          break;
      }
    }
    return s;
  }

  // A candidate for `written`: an unrelated string, a mutation, or a copy.
  std::string candidate_for(const std::string& written) {
    switch (below(5)) {
      case 0:
        return random(9);
      case 1:
        return written;
      default:
        return mutate(written);
    }
  }

 private:
  static constexpr std::string_view kAlphabet = "ab-_s1.2A";
  std::mt19937 rng_;
};

std::string show(const std::optional<int>& score) {
  return score ? std::to_string(*score) : "none";
}

}  // namespace

// ----- osa_distance --------------------------------------------------------------------------

TEST_CASE("osa_distance: identity, empty strings, and plain edits") {
  CHECK(osa_distance("", "") == 0);
  CHECK(osa_distance("", "abc") == 3);  // three insertions
  CHECK(osa_distance("abc", "") == 3);  // three deletions
  CHECK(osa_distance("web", "web") == 0);
  CHECK(osa_distance("web", "wen") == 1);   // substitution
  CHECK(osa_distance("web", "webb") == 1);  // insertion
  CHECK(osa_distance("webb", "web") == 1);  // deletion
  CHECK(osa_distance("kitten", "sitting") == 3);
}

TEST_CASE("osa_distance: an adjacent transposition is one edit") {
  CHECK(osa_distance("wbe", "web") == 1);
  CHECK(osa_distance("cahce", "cache") == 1);
  CHECK(osa_distance("ab", "ba") == 1);
  // Three separate swaps.
  CHECK(osa_distance("abcdef", "badcfe") == 3);
  // A swap plus a substitution elsewhere.
  CHECK(osa_distance("frontend", "rfontenb") == 2);
}

TEST_CASE("osa_distance: optimal string alignment, not unrestricted Damerau") {
  // True Damerau-Levenshtein gives 2 (ca -> ac -> abc), but OSA may not edit the swapped
  // pair again, so it needs 3 edits.
  CHECK(osa_distance("ca", "abc") == 3);
  CHECK(osa_distance("abc", "ca") == 3);
}

TEST_CASE("osa_distance: symmetric and bounded by the lengths") {
  Strings gen(7);
  for (int i = 0; i < 500; ++i) {
    const std::string a = gen.random(8);
    const std::string b = gen.random(8);
    const int ab = osa_distance(a, b);
    CAPTURE(a);
    CAPTURE(b);
    CHECK(ab == osa_distance(b, a));
    CHECK(ab >= static_cast<int>(std::max(a.size(), b.size()) - std::min(a.size(), b.size())));
    CHECK(ab <= static_cast<int>(std::max(a.size(), b.size())));
  }
}

// ----- normalise_name and differ_only_in_digits ----------------------------------------------

TEST_CASE("normalise_name: lowercase, delete - _ ., strip one trailing s per segment") {
  CHECK(normalise_name("order-services") == "orderservice");
  CHECK(normalise_name("order_service") == "orderservice");
  CHECK(normalise_name("Order.Services") == "orderservice");
  CHECK(normalise_name("ORDERS-SERVICES") == "orderservice");  // an upper-case S is a plural too
  CHECK(normalise_name("orders-service") == normalise_name("order-service"));
  CHECK(normalise_name("ss") == "s");        // only one s per segment
  CHECK(normalise_name("class") == "clas");  // mechanically, any trailing s
  CHECK(normalise_name("web") == "web");
  CHECK(normalise_name("") == "");
  CHECK(normalise_name("-_.") == "");
  // Only `-` `_` `.` separate segments: `/` and digits do not ("kubernetes" is a segment and
  // loses its s; "io/names" is one segment).
  CHECK(normalise_name("app.kubernetes.io/names") == "appkuberneteio/name");
  CHECK(normalise_name("pods2") == "pods2");
  // A segment that is only "s" is kept: it is not the plural of anything. RULES.md does not
  // rule on this; the code and the reference below both read it so.
  CHECK(normalise_name("a-s") == "as");
  CHECK(normalise_name("s") == "s");
}

TEST_CASE("differ_only_in_digits: version siblings") {
  CHECK(differ_only_in_digits("v1", "v2"));
  CHECK(differ_only_in_digits("v3", "v4"));
  CHECK(differ_only_in_digits("reviews-v1", "reviews-v2"));
  CHECK(differ_only_in_digits("v1", "v10"));  // digits may be added or removed too
  CHECK(differ_only_in_digits("v1", "v"));
  CHECK_FALSE(differ_only_in_digits("web", "web"));  // equal strings are not siblings
  CHECK_FALSE(differ_only_in_digits("v1", "v1"));
  CHECK_FALSE(differ_only_in_digits("web", "wbe"));
  CHECK_FALSE(differ_only_in_digits("v1", "V2"));  // case is not ignored here
  CHECK_FALSE(differ_only_in_digits("reviews-v1", "review-v2"));
}

// ----- near_miss_score -----------------------------------------------------------------------

TEST_CASE("near_miss_score: one edit allowed when the shorter string has up to 5 characters") {
  CHECK(near_miss_score("wbe", "web") == 1);
  CHECK(near_miss_score("cahce", "cache") == 1);
  CHECK(near_miss_score("web", "webb") == 1);
  CHECK(near_miss_score("web", "wxbe") == std::nullopt);       // 2 edits, shorter has 3 characters
  CHECK(near_miss_score("abcde", "abcdxy") == std::nullopt);   // 2 edits, shorter has exactly 5
  CHECK(near_miss_score("cache", "cachexy") == std::nullopt);  // longer side is 7, shorter is 5
}

TEST_CASE("near_miss_score: two edits allowed when the shorter string has 6 or more") {
  CHECK(near_miss_score("abcdef", "abcdxy") == 2);      // shorter has exactly 6
  CHECK(near_miss_score("frontend", "frnotedn") == 2);  // two transpositions
  CHECK(near_miss_score("order-servce", "order-service") == 1);
  CHECK(near_miss_score("frontend", "frontendxyz") == std::nullopt);  // 3 edits
  CHECK(near_miss_score("frontend", "fxxxtend") == std::nullopt);
}

TEST_CASE("near_miss_score: exact equality is not a near miss") {
  CHECK(near_miss_score("web", "web") == std::nullopt);
  CHECK(near_miss_score("", "") == std::nullopt);
  const KnownConfusion self[] = {{"web", "web"}};
  CHECK(near_miss_score("web", "web", self) == std::nullopt);
}

TEST_CASE("near_miss_score: normalised equality scores 0, even beyond the edit limit") {
  CHECK(near_miss_score("order-services", "order_service") == 0);
  CHECK(near_miss_score("Web", "web") == 0);                        // 1 edit, but normalisation wins with 0
  CHECK(near_miss_score("ORDERS.SERVICES", "order-service") == 0);  // many edits
  CHECK(near_miss_score("order-service", "orders-service") == 0);
}

TEST_CASE("near_miss_score: version siblings are never typos") {
  CHECK(near_miss_score("v1", "v2") == std::nullopt);  // 1 edit, but siblings
  CHECK(near_miss_score("v3", "v4") == std::nullopt);
  CHECK(near_miss_score("reviews-v1", "reviews-v2") == std::nullopt);
  CHECK(near_miss_score("v1", "v10") == std::nullopt);
  // A non-digit difference makes them ordinary candidates again.
  CHECK(near_miss_score("reviews-v1", "review-v1") == 0);
  // The sibling test compares the strings as written (Clarifications: "equal after deleting
  // all digits"), not normalised: a different separator plus a different digit is two edits,
  // which a string this long allows.
  CHECK(near_miss_score("reviews_v1", "reviews-v2") == 2);
}

TEST_CASE("near_miss_score: known confusions score 0, in the listed direction only") {
  const KnownConfusion confusions[] = {{"name", "kubernetes.io/metadata.name"},
                                       {"proxy-buffers", "proxy-buffers-number"}};
  CHECK(near_miss_score("name", "kubernetes.io/metadata.name", confusions) == 0);
  CHECK(near_miss_score("proxy-buffers", "proxy-buffers-number", confusions) == 0);
  // Far beyond the edit limit without the list.
  CHECK(near_miss_score("name", "kubernetes.io/metadata.name") == std::nullopt);
  CHECK(near_miss_score("proxy-buffers", "proxy-buffers-number") == std::nullopt);
  // A confusion is written -> meant, not the reverse.
  CHECK(near_miss_score("kubernetes.io/metadata.name", "name", confusions) == std::nullopt);
  // Unrelated pairs are unaffected by the list.
  CHECK(near_miss_score("wbe", "web", confusions) == 1);
}

// ----- best_near_misses and join_alternatives ------------------------------------------------

TEST_CASE("best_near_misses: the best score wins") {
  const std::vector<std::string> candidates = {"order-servce", "orders-service", "payments"};
  // Normalised equality (0) beats one edit (1).
  CHECK(best_near_misses("order-service", candidates) == std::vector<std::string>{"orders-service"});
  const std::vector<std::string> by_edits = {"webxy", "wbe", "wxyz"};
  CHECK(best_near_misses("web", by_edits) == std::vector<std::string>{"wbe"});
}

TEST_CASE("best_near_misses: ties are all returned, sorted and deduplicated") {
  const std::vector<std::string> candidates = {"webb", "web", "wbe", "api", "webb", "eb"};
  // "webb", "wbe" and "eb" are all one edit away; "web" itself is not a miss.
  CHECK(best_near_misses("web", candidates) == std::vector<std::string>{"eb", "wbe", "webb"});
}

TEST_CASE("best_near_misses: nothing when no candidate is a near miss") {
  const std::vector<std::string> none;
  CHECK(best_near_misses("web", none).empty());
  const std::vector<std::string> far = {"api", "web", "v2"};
  CHECK(best_near_misses("web", far).empty());
  const std::vector<std::string> siblings = {"v2", "v3"};
  CHECK(best_near_misses("v1", siblings).empty());
}

TEST_CASE("best_near_misses: known confusions take part") {
  const KnownConfusion confusions[] = {{"name", "kubernetes.io/metadata.name"}};
  const std::vector<std::string> candidates = {"kubernetes.io/metadata.name", "nam"};
  CHECK(best_near_misses("name", candidates, confusions) == std::vector<std::string>{"kubernetes.io/metadata.name"});
  CHECK(best_near_misses("name", candidates) == std::vector<std::string>{"nam"});
}

TEST_CASE("join_alternatives: a / a or b / a, b or c") {
  CHECK(join_alternatives(std::vector<std::string>{}) == "");
  CHECK(join_alternatives(std::vector<std::string>{"a"}) == "a");
  CHECK(join_alternatives(std::vector<std::string>{"a", "b"}) == "a or b");
  CHECK(join_alternatives(std::vector<std::string>{"a", "b", "c"}) == "a, b or c");
  CHECK(join_alternatives(std::vector<std::string>{"app=a", "app=b", "app=c", "app=d"}) ==
        "app=a, app=b, app=c or app=d");
}

// ----- property tests against the reference ---------------------------------------------------

TEST_CASE("property: osa_distance equals the recursive reference") {
  Strings gen(20240611);
  CHECK(ref::osa("ca", "abc") == 3);  // the reference is OSA too
  for (int i = 0; i < 3000; ++i) {
    const std::string a = gen.random(9);
    const std::string b = (i % 2 == 0) ? gen.mutate(a) : gen.random(9);
    CAPTURE(a);
    CAPTURE(b);
    REQUIRE(osa_distance(a, b) == ref::osa(a, b));
  }
}

TEST_CASE("property: near_miss_score agrees with the RULES.md reference") {
  Strings gen(42);
  // How often each branch of the definition was hit, to prove the generator reaches them.
  int normalised = 0, siblings = 0, one_edit = 0, two_edits = 0, misses = 0, confused = 0;
  for (int i = 0; i < 5000; ++i) {
    const std::string written = gen.random(9);
    const std::string candidate = gen.candidate_for(written);
    // Now and then list the pair (or an unrelated pair) as a known confusion.
    std::vector<std::string> storage;
    std::vector<KnownConfusion> confusions;
    if (gen.below(8) == 0) {
      storage = {written, candidate, gen.random(4), gen.random(4)};
      confusions = {{storage[2], storage[3]}, {storage[0], storage[1]}};
    }
    const auto expected = ref::near_miss(written, candidate, confusions);
    const auto actual = near_miss_score(written, candidate, confusions);
    CAPTURE(written);
    CAPTURE(candidate);
    CAPTURE(confusions.size());
    INFO("expected " << show(expected) << ", got " << show(actual));
    REQUIRE(actual == expected);

    if (written == candidate) continue;
    if (!confusions.empty()) ++confused;
    if (!expected) {
      if (ref::without_digits(written) == ref::without_digits(candidate))
        ++siblings;
      else
        ++misses;
    } else if (*expected == 0 && confusions.empty()) {
      ++normalised;
    } else if (*expected == 1) {
      ++one_edit;
    } else if (*expected == 2) {
      ++two_edits;
    }
  }
  CHECK(normalised > 100);
  CHECK(siblings > 50);
  CHECK(one_edit > 100);
  CHECK(two_edits > 100);
  CHECK(misses > 100);
  CHECK(confused > 100);
}

TEST_CASE("property: best_near_misses returns exactly the reference's best set") {
  Strings gen(1234567);
  int ties = 0, empty = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string written = gen.random(8);
    std::vector<std::string> candidates;
    const std::size_t count = gen.below(9);
    for (std::size_t c = 0; c < count; ++c) {
      // Sometimes repeat an earlier candidate: duplicates must be ignored.
      if (!candidates.empty() && gen.below(6) == 0) {
        candidates.push_back(candidates[gen.below(candidates.size())]);
      } else {
        candidates.push_back(gen.candidate_for(written));
      }
    }
    std::vector<KnownConfusion> confusions;
    if (!candidates.empty() && gen.below(5) == 0)
      confusions.push_back({written, candidates[gen.below(candidates.size())]});

    const auto expected = ref::best(written, candidates, confusions);
    const auto actual = best_near_misses(written, candidates, confusions);
    CAPTURE(written);
    INFO("candidates: " << join_alternatives(candidates));
    INFO("expected: " << join_alternatives(expected) << "; got: " << join_alternatives(actual));
    REQUIRE(actual == expected);
    if (expected.size() > 1) ++ties;
    if (expected.empty()) ++empty;
  }
  CHECK(ties > 100);
  CHECK(empty > 100);
}

}  // namespace netlint::diag
