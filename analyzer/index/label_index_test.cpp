// Tests for three-valued label selector matching (label_selector.h) and the namespace/label
// index that keeps matching near-linear (label_index.h). RULES.md, Clarifications: "Selectors
// on unknown labels".
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/testing/test_pods.h"
#include "analyzer/index/label_index.h"
#include "analyzer/index/label_selector.h"

namespace netlint::index {
namespace {

using Op = Requirement::Op;
using testing::KeyValues;
using testing::labels_of;
using testing::pod_in;

Requirement req(std::string key, Op op, std::vector<std::string> values = {}) {
  Requirement r;
  r.key = std::move(key);
  r.op = op;
  r.values = std::move(values);
  return r;
}

LabelSelector selector(std::vector<Requirement> requirements) {
  LabelSelector s;
  s.requirements = std::move(requirements);
  return s;
}

Tri eval(const Requirement& r, const model::PodSource& pod) {
  std::uint64_t comparisons = 0;
  return evaluate(r, pod, comparisons);
}

Tri eval(const LabelSelector& s, const model::PodSource& pod) {
  std::uint64_t comparisons = 0;
  return evaluate(s, pod, comparisons);
}

std::vector<PodId> sorted(std::vector<PodId> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

using Ids = std::vector<PodId>;

}  // namespace

// ----- selector_from_map ---------------------------------------------------------------------

TEST_CASE("selector_from_map: each entry is `key In (value)`, in order, ranged over the entry") {
  model::Labels map = labels_of({{"app", "web"}, {"tier", "backend"}});
  map[0].key.range = {3, 10, 13};
  map[0].value.range = {3, 15, 18};
  const LabelSelector s = selector_from_map(map);
  REQUIRE(s.requirements.size() == 2);
  CHECK(s.requirements[0].key == "app");
  CHECK(s.requirements[0].op == Op::kIn);
  CHECK(s.requirements[0].values == std::vector<std::string>{"web"});
  CHECK(s.requirements[0].range == SourceRange{3, 10, 18});  // from the key to the end of the value
  CHECK(s.requirements[1].key == "tier");
  CHECK(s.requirements[1].values == std::vector<std::string>{"backend"});
  CHECK(selector_from_map({}).requirements.empty());
}

// ----- evaluate on written labels ------------------------------------------------------------

TEST_CASE("evaluate: In / NotIn / Exists / DoesNotExist on a written label") {
  const model::PodSource pod = pod_in("prod", {{"app", "web"}, {"tier", "backend"}});
  CHECK(eval(req("app", Op::kIn, {"web"}), pod) == Tri::kYes);
  CHECK(eval(req("app", Op::kIn, {"api", "web"}), pod) == Tri::kYes);  // any listed value
  CHECK(eval(req("app", Op::kIn, {"api"}), pod) == Tri::kNo);
  CHECK(eval(req("app", Op::kNotIn, {"api"}), pod) == Tri::kYes);
  CHECK(eval(req("app", Op::kNotIn, {"api", "web"}), pod) == Tri::kNo);
  CHECK(eval(req("app", Op::kExists), pod) == Tri::kYes);
  CHECK(eval(req("app", Op::kDoesNotExist), pod) == Tri::kNo);
}

TEST_CASE("evaluate: a label the closed pod does not have") {
  const model::PodSource pod = pod_in("prod", {{"app", "web"}});
  CHECK(eval(req("tier", Op::kIn, {"backend"}), pod) == Tri::kNo);
  CHECK(eval(req("tier", Op::kNotIn, {"backend"}), pod) == Tri::kYes);  // absent is "not in"
  CHECK(eval(req("tier", Op::kExists), pod) == Tri::kNo);
  CHECK(eval(req("tier", Op::kDoesNotExist), pod) == Tri::kYes);
  // Keys are compared exactly: no case folding or near misses.
  CHECK(eval(req("App", Op::kIn, {"web"}), pod) == Tri::kNo);
  CHECK(eval(req("app", Op::kIn, {"Web"}), pod) == Tri::kNo);
}

TEST_CASE("evaluate: controller-added labels exist with an unknown value") {
  model::PodSource pod = pod_in("prod", {{"app", "web"}});
  pod.unknown_label_keys = {"pod-template-hash"};
  CHECK(eval(req("pod-template-hash", Op::kExists), pod) == Tri::kYes);
  CHECK(eval(req("pod-template-hash", Op::kDoesNotExist), pod) == Tri::kNo);
  CHECK(eval(req("pod-template-hash", Op::kIn, {"5d4f8c"}), pod) == Tri::kMaybe);
  CHECK(eval(req("pod-template-hash", Op::kNotIn, {"5d4f8c"}), pod) == Tri::kMaybe);
  // Other keys are decided as usual: the pod is not open.
  CHECK(eval(req("app", Op::kIn, {"web"}), pod) == Tri::kYes);
  CHECK(eval(req("tier", Op::kIn, {"backend"}), pod) == Tri::kNo);
  CHECK(eval(req("tier", Op::kDoesNotExist), pod) == Tri::kYes);
}

TEST_CASE("evaluate: an operator pod (open labels) is unknown on unwritten keys only") {
  model::PodSource pod = pod_in("monitoring", {{"app.kubernetes.io/name", "prometheus"}});
  pod.open_labels = true;
  // Unwritten keys: may or may not exist, with any value.
  CHECK(eval(req("prometheus", Op::kIn, {"k8s"}), pod) == Tri::kMaybe);
  CHECK(eval(req("prometheus", Op::kNotIn, {"k8s"}), pod) == Tri::kMaybe);
  CHECK(eval(req("prometheus", Op::kExists), pod) == Tri::kMaybe);
  CHECK(eval(req("prometheus", Op::kDoesNotExist), pod) == Tri::kMaybe);
  // A written key still decides.
  CHECK(eval(req("app.kubernetes.io/name", Op::kIn, {"prometheus"}), pod) == Tri::kYes);
  CHECK(eval(req("app.kubernetes.io/name", Op::kIn, {"grafana"}), pod) == Tri::kNo);
  CHECK(eval(req("app.kubernetes.io/name", Op::kDoesNotExist), pod) == Tri::kNo);
}

TEST_CASE("evaluate: a selector is the conjunction; No beats Maybe beats Yes") {
  model::PodSource pod = pod_in("prod", {{"app", "web"}});
  pod.unknown_label_keys = {"pod-template-hash"};
  const Requirement yes = req("app", Op::kIn, {"web"});
  const Requirement maybe = req("pod-template-hash", Op::kIn, {"abc"});
  const Requirement no = req("app", Op::kIn, {"api"});
  CHECK(eval(selector({}), pod) == Tri::kYes);  // the empty selector selects everything
  CHECK(eval(selector({yes}), pod) == Tri::kYes);
  CHECK(eval(selector({yes, maybe}), pod) == Tri::kMaybe);
  CHECK(eval(selector({maybe, yes}), pod) == Tri::kMaybe);
  CHECK(eval(selector({maybe, no}), pod) == Tri::kNo);
  CHECK(eval(selector({no, maybe}), pod) == Tri::kNo);
  CHECK(eval(selector({yes, no, yes}), pod) == Tri::kNo);
}

TEST_CASE("evaluate: counts label comparisons") {
  const model::PodSource pod = pod_in("prod", {{"a", "1"}, {"b", "2"}, {"c", "3"}});
  std::uint64_t comparisons = 0;
  CHECK(evaluate(req("a", Op::kExists), pod, comparisons) == Tri::kYes);
  CHECK(comparisons == 1);  // found at the first label
  CHECK(evaluate(req("c", Op::kExists), pod, comparisons) == Tri::kYes);
  CHECK(comparisons == 4);  // three more
  CHECK(evaluate(req("z", Op::kExists), pod, comparisons) == Tri::kNo);
  CHECK(comparisons == 7);  // every label looked at
}

// ----- LabelIndex ----------------------------------------------------------------------------

TEST_CASE("LabelIndex: matchLabels-style map selectors") {
  const std::vector<model::PodSource> pods = {
      pod_in("prod", {{"app", "web"}, {"tier", "frontend"}}),    // 0
      pod_in("prod", {{"app", "api"}, {"tier", "backend"}}),     // 1
      pod_in("prod", {{"app", "worker"}, {"tier", "backend"}}),  // 2
      pod_in("prod", {{"app", "web"}, {"tier", "canary"}}),      // 3
  };
  const LabelIndex index(pods);
  auto match_map = [&](const KeyValues& map) { return index.match("prod", selector_from_map(labels_of(map))); };
  CHECK(match_map({{"app", "web"}}).yes == Ids{0, 3});
  CHECK(match_map({{"app", "web"}, {"tier", "frontend"}}).yes == Ids{0});
  CHECK(match_map({{"tier", "backend"}}).yes == Ids{1, 2});
  CHECK(match_map({{"tier", "backend"}, {"app", "api"}}).yes == Ids{1});  // order does not matter
  CHECK(match_map({{"app", "web"}, {"tier", "backend"}}).none());
  CHECK(match_map({{"app", "nothing"}}).none());
  CHECK(match_map({{"zone", "a"}}).none());  // a key no pod has
  CHECK(match_map({{"app", "web"}}).maybe.empty());
}

TEST_CASE("LabelIndex: set-based requirements") {
  const std::vector<model::PodSource> pods = {
      pod_in("prod", {{"app", "web"}, {"env", "prod"}}),  // 0
      pod_in("prod", {{"app", "api"}, {"env", "qa"}}),    // 1
      pod_in("prod", {{"app", "db"}}),                    // 2
  };
  const LabelIndex index(pods);
  auto yes = [&](std::vector<Requirement> rs) { return sorted(index.match("prod", selector(std::move(rs))).yes); };
  CHECK(yes({req("app", Op::kIn, {"web", "api"})}) == Ids{0, 1});
  CHECK(yes({req("app", Op::kNotIn, {"web"})}) == Ids{1, 2});
  CHECK(yes({req("env", Op::kExists)}) == Ids{0, 1});
  CHECK(yes({req("env", Op::kDoesNotExist)}) == Ids{2});
  CHECK(yes({req("env", Op::kNotIn, {"prod"})}) == Ids{1, 2});  // a missing label is "not in"
  CHECK(yes({req("app", Op::kIn, {"web", "api", "db"}), req("env", Op::kNotIn, {"qa"})}) == Ids{0, 2});
  CHECK(yes({req("env", Op::kExists), req("env", Op::kDoesNotExist)}).empty());
  // Only negative requirements: every pod is a candidate.
  CHECK(yes({req("zone", Op::kDoesNotExist), req("app", Op::kNotIn, {"x"})}) == Ids{0, 1, 2});
}

TEST_CASE("LabelIndex: the empty selector matches every pod of its namespace, and only those") {
  const std::vector<model::PodSource> pods = {
      pod_in("a", {{"app", "web"}}),
      pod_in("b", {{"app", "web"}}),
      pod_in("a", {}),  // no labels at all
      pod_in("a", {{"tier", "db"}}),
  };
  const LabelIndex index(pods);
  const SelectorMatches all_a = index.match("a", LabelSelector{});
  CHECK(sorted(all_a.yes) == Ids{0, 2, 3});
  CHECK(all_a.maybe.empty());
  CHECK(index.match("b", LabelSelector{}).yes == Ids{1});
  CHECK(index.match("c", LabelSelector{}).none());  // a namespace without pods
}

TEST_CASE("LabelIndex: namespaces are separate") {
  const std::vector<model::PodSource> pods = {
      pod_in("shop", {{"app", "web"}}),      // 0
      pod_in("payments", {{"app", "web"}}),  // 1
      pod_in("shop", {{"app", "api"}}),      // 2
  };
  const LabelIndex index(pods);
  const LabelSelector web = selector_from_map(labels_of({{"app", "web"}}));
  CHECK(index.match("shop", web).yes == Ids{0});
  CHECK(index.match("payments", web).yes == Ids{1});
  CHECK(index.match("default", web).none());
  CHECK(index.match("payments", selector_from_map(labels_of({{"app", "api"}}))).none());
  CHECK(index.pods_in("shop") == Ids{0, 2});
  CHECK(index.pods_in("payments") == Ids{1});
  CHECK(index.pods_in("default").empty());
}

TEST_CASE("LabelIndex: three-valued matching through the index") {
  std::vector<model::PodSource> pods = {
      pod_in("prod", {{"app", "web"}}),         // 0: a Deployment's pods, pod-template-hash added
      pod_in("prod", {{"app", "prometheus"}}),  // 1: an operator's pods, open labels
      pod_in("prod", {{"app", "web"}}),         // 2: a bare Pod, closed
  };
  pods[0].unknown_label_keys = {"pod-template-hash"};
  pods[1].open_labels = true;
  const LabelIndex index(pods);

  // Exists on a controller-added key: yes for the Deployment, unknown for the operator pod.
  SelectorMatches m = index.match("prod", selector({req("pod-template-hash", Op::kExists)}));
  CHECK(m.yes == Ids{0});
  CHECK(m.maybe == Ids{1});

  // A value of a controller-added key is unknown.
  m = index.match("prod", selector({req("app", Op::kIn, {"web"}), req("pod-template-hash", Op::kIn, {"abc"})}));
  CHECK(m.yes.empty());
  CHECK(m.maybe == Ids{0});

  // The operator pod is unknown on unwritten keys ...
  m = index.match("prod", selector_from_map(labels_of({{"prometheus", "k8s"}})));
  CHECK(m.yes.empty());
  CHECK(m.maybe == Ids{1});
  // ... but its written key still decides.
  m = index.match("prod", selector_from_map(labels_of({{"app", "prometheus"}, {"prometheus", "k8s"}})));
  CHECK(m.maybe == Ids{1});
  m = index.match("prod", selector_from_map(labels_of({{"app", "grafana"}, {"prometheus", "k8s"}})));
  CHECK(m.none());
  m = index.match("prod", selector_from_map(labels_of({{"app", "web"}})));
  CHECK(sorted(m.yes) == Ids{0, 2});
  CHECK(m.maybe.empty());
}

TEST_CASE("LabelIndex: an open pod that also wrote the key is returned once") {
  std::vector<model::PodSource> pods = {pod_in("prod", {{"app", "web"}})};
  pods[0].open_labels = true;
  pods[0].unknown_label_keys = {"app"};  // contradictory input must not duplicate either
  const LabelIndex index(pods);
  const SelectorMatches m = index.match("prod", selector({req("app", Op::kIn, {"web"})}));
  CHECK(m.yes == Ids{0});
  CHECK(m.maybe.empty());
  CHECK(index.match("prod", selector({req("app", Op::kExists), req("app", Op::kIn, {"web", "web"})})).yes == Ids{0});
}

TEST_CASE("LabelIndex: values_of and keys_in describe the written labels of a namespace") {
  std::vector<model::PodSource> pods = {
      pod_in("prod", {{"tier", "backend"}, {"app", "web"}}),  // 0
      pod_in("prod", {{"app", "web"}}),                       // 1
      pod_in("prod", {{"app", "api"}}),                       // 2
      pod_in("qa", {{"zone", "a"}}),                          // 3
  };
  pods[1].unknown_label_keys = {"pod-template-hash"};  // unknown keys are not "written"
  const LabelIndex index(pods);
  const auto keys = index.keys_in("prod");
  CHECK(keys == std::vector<std::string_view>{"app", "tier"});  // sorted
  CHECK(index.keys_in("qa") == std::vector<std::string_view>{"zone"});
  CHECK(index.keys_in("nowhere").empty());
  const LabelIndex::ValuePods* app = index.values_of("prod", "app");
  REQUIRE(app != nullptr);
  CHECK(app->size() == 2);
  CHECK(app->at("web") == Ids{0, 1});
  CHECK(app->at("api") == Ids{2});
  CHECK(index.values_of("prod", "zone") == nullptr);  // written only in another namespace
  CHECK(index.values_of("prod", "pod-template-hash") == nullptr);
  CHECK(index.values_of("nowhere", "app") == nullptr);
  CHECK(&index.pod(2) == &pods[2]);
}

TEST_CASE("LabelIndex: comparisons accumulate over match() calls") {
  const std::vector<model::PodSource> pods = {pod_in("prod", {{"app", "web"}}), pod_in("prod", {{"app", "api"}})};
  const LabelIndex index(pods);
  CHECK(index.comparisons() == 0);
  (void)index.match("prod", selector_from_map(labels_of({{"app", "web"}})));
  const std::uint64_t after_one = index.comparisons();
  CHECK(after_one >= 1);
  (void)index.match("prod", selector_from_map(labels_of({{"app", "web"}})));
  CHECK(index.comparisons() == 2 * after_one);
}

// The scaling requirement: 50,000 Services against 50,000 workloads must not be
// quadratic (2.5e9 label comparisons). Each selector has one selective requirement (a unique
// `app`) and one that matches a quarter of all pods (`tier: backend`), written in either order,
// so the index must pick the selective one.
TEST_CASE("LabelIndex: 50,000 selectors against 50,000 pod sources stay near-linear") {
  constexpr std::size_t kCount = 50'000;
  const std::vector<std::string> namespaces = {"shop", "payments", "search", "default"};
  std::vector<model::PodSource> pods;
  pods.reserve(kCount);
  for (std::size_t i = 0; i < kCount; ++i) {
    pods.push_back(
        pod_in(namespaces[i % namespaces.size()], {{"app", "svc-" + std::to_string(i)}, {"tier", "backend"}}));
  }
  const LabelIndex index(pods);

  std::size_t exact = 0;
  for (std::size_t i = 0; i < kCount; ++i) {
    const std::string app = "svc-" + std::to_string(i);
    const KeyValues map =
        (i % 2 == 0) ? KeyValues{{"app", app}, {"tier", "backend"}} : KeyValues{{"tier", "backend"}, {"app", app}};
    const SelectorMatches m = index.match(namespaces[i % namespaces.size()], selector_from_map(labels_of(map)));
    if (m.yes.size() == 1 && m.yes[0] == i && m.maybe.empty()) ++exact;
  }
  CHECK(exact == kCount);  // every selector matches exactly its one pod
  INFO("comparisons: " << index.comparisons());
  CHECK(index.comparisons() < 20 * kCount);  // quadratic would be 2.5e9
}

// ----- property test -------------------------------------------------------------------------

namespace {

// Three-valued semantics of one requirement, written from label_selector.h's contract rather
// than from its code: a written label decides; a controller-added label exists with an unknown
// value; an operator pod's unwritten label is unknown altogether; otherwise it is absent.
Tri reference_requirement(const Requirement& r, const model::PodSource& pod) {
  const model::Label* written = nullptr;
  for (const model::Label& l : pod.labels) {
    if (l.key.value == r.key) {
      written = &l;
      break;
    }
  }
  auto tri = [](bool b) { return b ? Tri::kYes : Tri::kNo; };
  if (written != nullptr) {
    const bool listed = std::count(r.values.begin(), r.values.end(), written->value.value) > 0;
    switch (r.op) {
      case Op::kIn:
        return tri(listed);
      case Op::kNotIn:
        return tri(!listed);
      case Op::kExists:
        return Tri::kYes;
      case Op::kDoesNotExist:
        return Tri::kNo;
    }
  }
  const bool present_unknown = std::count(pod.unknown_label_keys.begin(), pod.unknown_label_keys.end(), r.key) > 0;
  if (present_unknown) {
    if (r.op == Op::kExists) return Tri::kYes;
    if (r.op == Op::kDoesNotExist) return Tri::kNo;
    return Tri::kMaybe;
  }
  if (pod.open_labels) return Tri::kMaybe;
  return tri(r.op == Op::kNotIn || r.op == Op::kDoesNotExist);
}

Tri reference_selector(const LabelSelector& s, const model::PodSource& pod) {
  bool any_maybe = false;
  for (const Requirement& r : s.requirements) {
    const Tri t = reference_requirement(r, pod);
    if (t == Tri::kNo) return Tri::kNo;
    any_maybe = any_maybe || t == Tri::kMaybe;
  }
  return any_maybe ? Tri::kMaybe : Tri::kYes;
}

class RandomModel {
 public:
  explicit RandomModel(std::uint32_t seed) : rng_(seed) {}
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
  const std::string& key() { return kKeys[below(kKeys.size())]; }
  const std::string& value() { return kValues[below(kValues.size())]; }
  const std::string& ns() { return kNamespaces[below(kNamespaces.size())]; }

  model::PodSource pod() {
    model::PodSource p;
    p.meta.namespace_name.value = ns();
    const std::size_t label_count = below(4);
    for (std::size_t i = 0; i < label_count; ++i) {
      const std::string& k = key();
      if (model::find_label(p.labels, k) != nullptr) continue;  // keys are unique in a map
      p.labels.push_back(labels_of({{k, value()}})[0]);
    }
    if (below(4) == 0) p.unknown_label_keys.push_back(below(2) == 0 ? "pod-template-hash" : key());
    p.open_labels = below(6) == 0;
    return p;
  }

  Requirement requirement() {
    const Op op = static_cast<Op>(below(4));
    std::vector<std::string> values;
    if (op == Op::kIn || op == Op::kNotIn) {
      const std::size_t n = 1 + below(2);
      for (std::size_t i = 0; i < n; ++i) values.push_back(value());
    }
    return req(below(6) == 0 ? "pod-template-hash" : key(), op, std::move(values));
  }

  LabelSelector any_selector() {
    LabelSelector s;
    const std::size_t n = below(4);
    for (std::size_t i = 0; i < n; ++i) s.requirements.push_back(requirement());
    return s;
  }

 private:
  inline static const std::vector<std::string> kKeys = {"app", "tier", "env"};
  inline static const std::vector<std::string> kValues = {"a", "b", "c"};
  inline static const std::vector<std::string> kNamespaces = {"x", "y"};
  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("property: evaluate() follows the three-valued contract") {
  RandomModel gen(99);
  int maybes = 0;
  for (int i = 0; i < 5000; ++i) {
    const model::PodSource pod = gen.pod();
    const LabelSelector s = gen.any_selector();
    const Tri expected = reference_selector(s, pod);
    REQUIRE(eval(s, pod) == expected);
    for (const Requirement& r : s.requirements) REQUIRE(eval(r, pod) == reference_requirement(r, pod));
    if (expected == Tri::kMaybe) ++maybes;
  }
  CHECK(maybes > 100);
}

TEST_CASE("property: LabelIndex::match equals evaluating every pod of the namespace") {
  RandomModel gen(2024);
  int with_yes = 0, with_maybe = 0;
  for (int round = 0; round < 2000; ++round) {
    std::vector<model::PodSource> pods;
    const std::size_t pod_count = gen.below(9);
    for (std::size_t i = 0; i < pod_count; ++i) pods.push_back(gen.pod());
    const LabelIndex index(pods);
    for (int q = 0; q < 5; ++q) {
      const std::string ns = gen.ns();
      const LabelSelector s = gen.any_selector();
      // Brute force: every pod source of the vector whose namespace is `ns`.
      Ids yes, maybe;
      for (PodId id = 0; id < pods.size(); ++id) {
        if (pods[id].meta.namespace_name.value != ns) continue;
        switch (eval(s, pods[id])) {
          case Tri::kYes:
            yes.push_back(id);
            break;
          case Tri::kMaybe:
            maybe.push_back(id);
            break;
          case Tri::kNo:
            break;
        }
      }
      const SelectorMatches m = index.match(ns, s);
      CAPTURE(round);
      CAPTURE(q);
      REQUIRE(sorted(m.yes) == yes);
      REQUIRE(sorted(m.maybe) == maybe);
      if (!yes.empty()) ++with_yes;
      if (!maybe.empty()) ++with_maybe;
    }
  }
  CHECK(with_yes > 500);
  CHECK(with_maybe > 500);
}

TEST_CASE("LabelIndex: matches_any is !match().none(), maybe-only matches included") {
  std::vector<model::PodSource> pods = {
      pod_in("prod", {{"app", "web"}}),         // 0: pod-template-hash added
      pod_in("prod", {{"app", "prometheus"}}),  // 1: open labels
      pod_in("prod", {{"app", "web"}}),         // 2: closed
      pod_in("dev", {{"app", "api"}}),          // 3
  };
  pods[0].unknown_label_keys = {"pod-template-hash"};
  pods[1].open_labels = true;
  const LabelIndex index(pods);
  const std::vector<LabelSelector> selectors = {
      LabelSelector{},
      selector_from_map(labels_of({{"app", "web"}})),
      selector_from_map(labels_of({{"app", "api"}})),
      selector_from_map(labels_of({{"app", "nothing"}})),
      selector_from_map(labels_of({{"prometheus", "k8s"}})),  // maybe only (the open pod)
      selector({req("app", Op::kIn, {"web"}), req("pod-template-hash", Op::kIn, {"abc"})}),  // maybe only
      selector({req("app", Op::kNotIn, {"web", "prometheus"})}),
      selector({req("zone", Op::kExists)}),
  };
  std::size_t any = 0, maybe_only = 0;
  for (const char* ns : {"prod", "dev", "absent"}) {
    for (const LabelSelector& s : selectors) {
      const SelectorMatches m = index.match(ns, s);
      CHECK(index.matches_any(ns, s) == !m.none());
      any += m.none() ? 0u : 1u;
      maybe_only += (m.yes.empty() && !m.maybe.empty()) ? 1u : 0u;
    }
  }
  CHECK(any >= 5);
  CHECK(maybe_only >= 2);
}

}  // namespace netlint::index
