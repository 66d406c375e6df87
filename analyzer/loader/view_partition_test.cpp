// Views (RULES.md "the view and the open world"): `clusters:` globs split the inputs, a file may
// be in several clusters, the rest is `default`; each view has its own definitions, facts and
// DNS peer, while files are parsed and counted once.
#include <doctest/doctest.h>

#include <algorithm>

#include "analyzer/config/config.h"
#include "analyzer/loader/view_partition.h"

namespace netlint {
namespace {

InputText input(std::string path, std::string text) {
  InputText in;
  in.path = std::move(path);
  in.text = std::move(text);
  return in;
}

config::Config config_of(std::string text) {
  config::LoadedConfig loaded = config::parse_config(".netlint.yaml", std::move(text), {});
  REQUIRE(loaded.errors.empty());
  REQUIRE(loaded.config);
  return std::move(*loaded.config);
}

std::vector<std::string> members(const ViewSpec& view, const std::vector<InputText>& inputs) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (view.members.empty() || view.members[i]) out.push_back(inputs[i].path);
  }
  return out;
}

std::string flannel_config(std::string_view network) {
  return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kube-flannel-cfg, namespace: kube-flannel}\n"
         "data:\n  net-conf.json: '{\"Network\": \"" +
         std::string(network) + "\"}'\n";
}

}  // namespace

TEST_CASE("views: no clusters is one unnamed view of everything") {
  const std::vector<InputText> inputs = {input("a.yaml", ""), input("b/c.yaml", "")};
  const ViewPartition p = partition_views(inputs, nullptr);
  REQUIRE(p.views.size() == 1);
  CHECK(p.views[0].name.empty());
  CHECK(members(p.views[0], inputs) == std::vector<std::string>{"a.yaml", "b/c.yaml"});
  const config::Config no_clusters = config_of("cluster: {domain: corp.local}\n");
  CHECK(partition_views(inputs, &no_clusters).views.size() == 1);
}

TEST_CASE("views: globs relative to the config's folder; a file may be in several; the rest is `default`") {
  const config::Config config = config_of(
      "clusters:\n"
      "  prod: {paths: [\"overlays/prod/**\", \"base/**\"], cluster: {domain: prod.local}}\n"
      "  staging: {paths: [\"overlays/staging/**\", \"base/**\"]}\n"
      "  empty: {paths: [\"nowhere/**\"]}\n");
  std::vector<InputText> inputs = {input("base/svc.yaml", ""), input("overlays/prod/a.yaml", ""),
                                   input("overlays/staging/a.yaml", ""), input("tools/x.yaml", ""),
                                   input(".netlint.yaml", "")};
  inputs.back().config = true;
  const ViewPartition p = partition_views(inputs, &config);
  REQUIRE(p.views.size() == 4);  // empty, prod, staging (by name), then default
  CHECK(p.views[0].name == "empty");
  CHECK(members(p.views[0], inputs).empty());
  CHECK(p.warnings == std::vector<std::string>{"cluster empty: its paths match no input file"});
  CHECK(p.views[1].name == "prod");
  CHECK(members(p.views[1], inputs) == std::vector<std::string>{"base/svc.yaml", "overlays/prod/a.yaml"});
  REQUIRE(p.views[1].cluster.domain);
  CHECK(p.views[1].cluster.domain->value == "prod.local");
  CHECK(p.views[2].name == "staging");
  CHECK(members(p.views[2], inputs) == std::vector<std::string>{"base/svc.yaml", "overlays/staging/a.yaml"});
  CHECK(!p.views[2].cluster.domain);
  CHECK(p.views[3].name == "default");
  CHECK(members(p.views[3], inputs) == std::vector<std::string>{"tools/x.yaml"});  // not the config file
}

TEST_CASE("views: a cluster named `default` takes the files in no cluster; no leftover, no default view") {
  const std::vector<InputText> inputs = {input("a/x.yaml", ""), input("b/y.yaml", "")};
  const config::Config named_default =
      config_of("clusters:\n  default: {paths: [\"a/**\"]}\n  other: {paths: [\"zzz/**\"]}\n");
  const ViewPartition p = partition_views(inputs, &named_default);
  REQUIRE(p.views.size() == 2);
  CHECK(p.views[0].name == "default");
  CHECK(members(p.views[0], inputs) == std::vector<std::string>{"a/x.yaml", "b/y.yaml"});
  const config::Config covering = config_of("clusters:\n  all: {paths: [\"**\"]}\n");
  const ViewPartition q = partition_views(inputs, &covering);
  REQUIRE(q.views.size() == 1);
  CHECK(q.views[0].name == "all");
}

TEST_CASE("views: each view merges its own definitions and derives its own facts; files are counted once") {
  const std::string config_text =
      "clusters:\n"
      "  a: {paths: [\"a/**\", \"shared/**\"], cluster: {podCIDRs: [10.44.0.0/16]}}\n"
      "  b: {paths: [\"b/**\", \"shared/**\"]}\n";
  const config::Config config = config_of(config_text);
  std::vector<InputText> inputs = {input("a/flannel.yaml", flannel_config("10.244.0.0/16")),
                                   input("b/flannel.yaml", flannel_config("10.42.0.0/16")),
                                   input("shared/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"),
                                   input(".netlint.yaml", config_text)};
  inputs.back().config = true;  // as the CLI adds it: a place for anchors
  const ViewPartition p = partition_views(inputs, &config);
  LoadOptions options;
  options.facts.global = config.cluster;
  // The same inputs as one view: two definitions of one ConfigMap are variants, the CIDR ambiguous.
  const LoadedView whole_loaded = load_inputs(inputs, options);
  const model::Model& whole = whole_loaded.model;
  CHECK(whole.mixed);
  CHECK(whole_loaded.facts.pod_cidrs.ipv4.state == facts::State::kAmbiguous);

  const std::vector<LoadedView> views = load_views(std::move(inputs), options, p.views);
  REQUIRE(views.size() == 2);
  const model::Model& a = views[0].model;
  const model::Model& b = views[1].model;
  CHECK(a.cluster == "a");
  CHECK(b.cluster == "b");
  for (const model::Model* v : {&a, &b}) {
    CHECK(!v->mixed);
    CHECK(v->files.size() == 4);       // the whole file table, so FileIds agree across views
    CHECK(v->stats.files == 3);        // counted once, not once per view (the config is no input)
    CHECK(v->namespaces.size() == 1);  // the shared file is in both
    CHECK(v->config_maps.size() == 1);
  }
  CHECK(a.config_maps[0].meta.name.range.file == 0);
  CHECK(b.config_maps[0].meta.name.range.file == 1);
  // Cluster a's own `cluster:` wins over its manifests (with a note); b keeps what it detects.
  CHECK(views[0].facts.pod_cidrs.ipv4.state == facts::State::kKnown);
  CHECK(views[0].facts.pod_cidrs.ipv4.value == std::vector<std::string>{"10.44.0.0/16"});
  CHECK(views[0].facts.pod_cidrs.ipv4.config_key.file == 3);
  CHECK(views[1].facts.pod_cidrs.ipv4.state == facts::State::kKnown);
  CHECK(views[1].facts.pod_cidrs.ipv4.value == std::vector<std::string>{"10.42.0.0/16"});
  CHECK(!views[1].facts.pod_cidrs.ipv4.config_key.valid());
  // Each view has its own synthetic DNS peer.
  for (const model::Model* v : {&a, &b}) {
    CHECK(std::count_if(v->pod_sources.begin(), v->pod_sources.end(),
                        [](const model::PodSource& s) { return s.synthetic; }) == 1);
  }
}

}  // namespace netlint
