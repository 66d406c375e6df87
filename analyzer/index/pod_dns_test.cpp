// The pod DNS model: policies, search lists, options merged over the defaults.
#include <doctest/doctest.h>

#include "analyzer/index/pod_dns.h"
#include "analyzer/loader/loader.h"

namespace netlint::index {
namespace {

model::PodSource pod_from(const std::string& spec) {
  std::vector<InputText> inputs;
  inputs.push_back(
      {"pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n" + spec, true, {}});
  model::Model m = load_inputs(std::move(inputs), LoadOptions{}).model;
  REQUIRE(!m.pod_sources.empty());
  return m.pod_sources.front();
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("pod DNS: ClusterFirst by default: cluster search list, node domains, ndots 5") {
  DnsFacts facts;
  facts.node_search_domains = {"corp.example.com"};
  facts.cluster_dns = {"10.96.0.10"};
  const PodDns dns = pod_dns(pod_from("  containers: [{name: c}]\n"), facts);
  CHECK(dns.effective_policy == "ClusterFirst");
  CHECK(dns.cluster_dns);
  CHECK(dns.nameservers == Strings{"10.96.0.10"});
  CHECK(dns.searches == Strings{"shop.svc.cluster.local", "svc.cluster.local", "cluster.local", "corp.example.com"});
  CHECK(dns.ndots == 5);
}

TEST_CASE("pod DNS: dnsConfig searches append, options override by name, ndots is read as the resolver does") {
  const PodDns defaults = pod_dns(pod_from("  containers: [{name: c}]\n"), DnsFacts{});
  const PodDns merged = pod_dns(pod_from("  containers: [{name: c}]\n"
                                         "  dnsConfig:\n"
                                         "    searches: [svc.cluster.local, extra.example]\n"
                                         "    options: [{name: ndots, value: \"2\"}, {name: edns0}]\n"),
                                DnsFacts{});
  CHECK(merged.searches == Strings{"shop.svc.cluster.local", "svc.cluster.local", "cluster.local", "extra.example"});
  CHECK(merged.ndots == 2);
  REQUIRE(merged.options.size() == 2);
  CHECK(merged.options[1].name == "edns0");
  CHECK(!merged.options[1].value);
  CHECK(defaults.nameservers.empty());  // the cluster DNS address is unknown without facts
  CHECK(resolver_ndots("20") == 15);
  CHECK(resolver_ndots("two") == 0);
  CHECK(resolver_ndots(std::nullopt) == 0);
  // `{name: ndots}` without a value replaces the kubelet's ndots:5 with a bare `ndots`, which the
  // resolver ignores: its default of 1 applies.
  const PodDns bare =
      pod_dns(pod_from("  containers: [{name: c}]\n  dnsConfig:\n    options: [{name: ndots}]\n"), DnsFacts{});
  CHECK(bare.ndots == 1);
}

TEST_CASE("pod DNS: hostNetwork with ClusterFirst uses the node; ClusterFirstWithHostNet and None") {
  const PodDns host = pod_dns(pod_from("  hostNetwork: true\n  containers: [{name: c}]\n"), DnsFacts{});
  CHECK(host.effective_policy == "Default");
  CHECK(!host.cluster_dns);
  CHECK(host.node_resolver);
  CHECK(host.ndots == 1);
  const PodDns with_net = pod_dns(
      pod_from("  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n  containers: [{name: c}]\n"), DnsFacts{});
  CHECK(with_net.cluster_dns);
  CHECK(with_net.ndots == 5);
  DnsFacts facts;
  facts.cluster_dns = {"10.96.0.10"};
  CHECK(pod_dns(pod_from("  dnsPolicy: None\n  dnsConfig: {nameservers: [10.96.0.10]}\n  containers: [{name: c}]\n"),
                facts)
            .cluster_dns);
  CHECK(
      !pod_dns(pod_from("  dnsPolicy: None\n  dnsConfig: {nameservers: [1.1.1.1]}\n  containers: [{name: c}]\n"), facts)
           .cluster_dns);
  CHECK(!pod_dns(pod_from("  dnsPolicy: Default\n  containers: [{name: c}]\n"), facts).cluster_dns);
}

}  // namespace netlint::index
