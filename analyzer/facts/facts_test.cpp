// The facts layer end to end through the loader: CNI detection on real corpus manifests and on
// small cases for each CNI and combination, the four states of a fact, config over detection.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analyzer/config/config.h"
#include "analyzer/engine/view.h"
#include "analyzer/index/pod_dns.h"
#include "analyzer/facts/cluster_facts.h"
#include "analyzer/loader/loader.h"
#include "analyzer/testing/load_texts.h"

namespace netlint::facts {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = "../shared/corpus";

using testing::load_texts;

LoadedView load_corpus_files(const std::vector<std::string>& relative) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& r : relative) {
    std::ifstream in(kCorpus / r, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    files.emplace_back(r, text.str());
  }
  return load_texts(std::move(files));
}

const ClusterFacts& facts_of(const LoadedView& loaded) {
  return loaded.facts;
}

std::string daemonset(std::string_view name, std::string_view ns, std::string_view image, std::string_view extra = "") {
  std::ostringstream out;
  out << "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: " << name << ", namespace: " << ns << "}\n"
      << "spec:\n  selector: {matchLabels: {app: " << name << "}}\n  template:\n    metadata: {labels: {app: " << name
      << "}}\n"
      << "    spec:\n      containers:\n      - name: main\n        image: " << image << "\n"
      << extra;
  return out.str();
}

TEST_SUITE("facts") {
  TEST_CASE("real manifests: Flannel, Calico, Canal and Cilium from the corpus") {
    if (!fs::exists(kCorpus)) {
      MESSAGE("no corpus at ../shared/corpus: skipped");
      return;
    }
    {
      const LoadedView m = load_corpus_files({"flannel-io__flannel/Documentation/kube-flannel.yml"});
      const ClusterFacts& f = facts_of(m);
      REQUIRE(f.cni.state == State::kKnown);
      CHECK(f.cni.value.display() == "flannel");
      CHECK(f.network_policy_enforced.state == State::kKnown);
      CHECK_FALSE(f.network_policy_enforced.value);
      CHECK(f.pod_cidrs.ipv4.value == std::vector<std::string>{"10.244.0.0/16"});
    }
    {
      const LoadedView m = load_corpus_files({"projectcalico__calico/manifests/calico.yaml"});
      const ClusterFacts& f = facts_of(m);
      CHECK(f.cni.value.display() == "calico");
      CHECK(f.network_policy_enforced.value);
    }
    {
      const LoadedView m = load_corpus_files({"projectcalico__calico/manifests/canal.yaml"});
      const ClusterFacts& f = facts_of(m);
      CHECK(f.cni.state == State::kKnown);
      CHECK(f.cni.value.display() == "canal");
      CHECK(f.pod_cidrs.ipv4.value == std::vector<std::string>{"10.244.0.0/16"});
    }
    {
      const std::string base =
          "projectsyn__component-cilium/tests/golden/defaults/cilium/cilium/01_cilium_helmchart/cilium/templates/";
      const LoadedView m = load_corpus_files({base + "cilium-agent/daemonset.yaml", base + "cilium-configmap.yaml"});
      const ClusterFacts& f = facts_of(m);
      CHECK(f.cni.value.display() == "cilium");
      CHECK(f.network_policy_enforced.value);
      CHECK(f.cilium_version.state == State::kKnown);
    }
  }

  TEST_CASE("flannel enforces only with kube-network-policies beside it") {
    const std::string flannel = daemonset("kube-flannel-ds", "kube-flannel", "ghcr.io/flannel-io/flannel:v0.28.9");
    CHECK_FALSE(facts_of(load_texts({{"a.yaml", flannel}})).network_policy_enforced.value);
    const std::string with_policies = daemonset("kube-flannel-ds", "kube-flannel", "ghcr.io/flannel-io/flannel:v0.28.9",
                                                "      - name: kube-network-policies\n        image: "
                                                "registry.k8s.io/networking/kube-network-policies:v0.9.0\n");
    const ClusterFacts f = facts_of(load_texts({{"a.yaml", with_policies}}));
    CHECK(f.network_policy_enforced.state == State::kKnown);
    CHECK(f.network_policy_enforced.value);
  }

  TEST_CASE("Cilium enable-policy never, kube-router --run-firewall, AWS VPC CNI with and without its agent") {
    const std::string cilium_cm =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cilium-config, namespace: kube-system}\ndata:\n  "
        "enable-policy: never\n";
    const ClusterFacts c = facts_of(load_texts({{"c.yaml", cilium_cm}}));
    CHECK(c.cni.value.display() == "cilium");
    CHECK_FALSE(c.network_policy_enforced.value);

    const std::string router = daemonset("kube-router", "kube-system", "docker.io/cloudnativelabs/kube-router:v2.1.0",
                                         "        args: [--run-router=true, --run-firewall=false]\n");
    CHECK_FALSE(facts_of(load_texts({{"r.yaml", router}})).network_policy_enforced.value);
    const std::string router_default =
        daemonset("kube-router", "kube-system", "docker.io/cloudnativelabs/kube-router:v2.1.0");
    CHECK(facts_of(load_texts({{"r.yaml", router_default}})).network_policy_enforced.state == State::kUnknown);

    const std::string aws =
        daemonset("aws-node", "kube-system", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.0");
    CHECK_FALSE(facts_of(load_texts({{"w.yaml", aws}})).network_policy_enforced.value);
    const std::string aws_agent =
        daemonset("aws-node", "kube-system", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.0",
                  "      - name: aws-eks-nodeagent\n        image: x/aws-network-policy-agent:v1.1.0\n"
                  "        args: [--enable-network-policy=true]\n");
    CHECK(facts_of(load_texts({{"w.yaml", aws_agent}})).network_policy_enforced.value);
  }

  TEST_CASE("ipBlocks skip pods wherever Cilium enforces, alone or chained, and nowhere else") {
    const std::string cilium_cm =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cilium-config, namespace: kube-system}\ndata:\n";
    CHECK(facts_of(load_texts({{"c.yaml", cilium_cm + "  enable-policy: default\n"}})).cni.value.ip_blocks_skip_pods());
    const std::string aws =
        daemonset("aws-node", "kube-system", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.0");
    const ClusterFacts chained =
        facts_of(load_texts({{"c.yaml", cilium_cm + "  cni-chaining-mode: aws-cni\n"}, {"w.yaml", aws}}));
    REQUIRE(chained.cni.state == State::kKnown);
    CHECK(chained.cni.value.display() == "cilium chained on aws-vpc");
    CHECK(chained.cni.value.ip_blocks_skip_pods());
    CHECK_FALSE(facts_of(load_texts({{"w.yaml", aws}})).cni.value.ip_blocks_skip_pods());
    const std::string calico = daemonset("calico-node", "kube-system", "docker.io/calico/node:v3.28.0");
    CHECK_FALSE(facts_of(load_texts({{"k.yaml", calico}})).cni.value.ip_blocks_skip_pods());
  }

  TEST_CASE("Weave, Antrea and k3s are detected by presence only, enforcement unknown") {
    const ClusterFacts f =
        facts_of(load_texts({{"w.yaml", daemonset("weave-net", "kube-system", "weaveworks/weave-kube:2.8.1")}}));
    CHECK(f.cni.value.display() == "weave");
    CHECK(f.network_policy_enforced.state == State::kUnknown);
  }

  TEST_CASE("the four states: known, default, unknown, ambiguous") {
    const std::string kubelet =
        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nclusterDomain: corp.local\nclusterDNS: "
        "[10.96.0.10]\n";
    const ClusterFacts known = facts_of(load_texts({{"k.yaml", kubelet}}));
    CHECK(known.domain.state == State::kKnown);
    CHECK(known.domain.value == "corp.local");
    CHECK(known.cluster_dns.value == std::vector<std::string>{"10.96.0.10"});
    const ClusterFacts empty =
        facts_of(load_texts({{"x.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n"}}));
    CHECK(empty.domain.state == State::kDefault);
    CHECK(empty.domain.value == "cluster.local");
    CHECK(empty.dns.state == State::kDefault);
    CHECK(empty.pod_cidrs.ipv4.state == State::kUnknown);
    CHECK(empty.cni.state == State::kUnknown);
    const std::string other =
        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nclusterDomain: other.local\n";
    const LoadedView mixed = load_texts({{"a/k.yaml", kubelet}, {"b/k.yaml", other}});
    CHECK(facts_of(mixed).domain.state == State::kAmbiguous);
    REQUIRE(facts_of(mixed).conflicts.size() == 1);
    CHECK(facts_of(mixed).conflicts[0].anchor.file == 1);  // the later evidence
  }

  TEST_CASE("maxPods comes from the kubelet's config, a file or the kubelet-config ConfigMap") {
    const std::string kubelet = "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmaxPods: 250\n";
    const ClusterFacts file = facts_of(load_texts({{"k.yaml", kubelet}}));
    CHECK(file.max_pods.state == State::kKnown);
    CHECK(file.max_pods.value == 250);
    const std::string config_map =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kubelet-config, namespace: kube-system}\n"
        "data:\n  kubelet: |\n    apiVersion: kubelet.config.k8s.io/v1beta1\n    kind: KubeletConfiguration\n"
        "    maxPods: 64\n";
    const ClusterFacts embedded = facts_of(load_texts({{"cm.yaml", config_map}}));
    CHECK(embedded.max_pods.value == 64);
    REQUIRE(embedded.max_pods.evidence.size() == 1);
    CHECK(embedded.max_pods.evidence[0].range.valid());
    // Not written: unknown, the kubelet's default 110 is not assumed.
    CHECK(facts_of(load_texts({{"k.yaml", "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n"}}))
              .max_pods.state == State::kUnknown);
  }

  TEST_CASE("the DNS fact follows the kube-dns Service, and the synthetic peer follows the fact") {
    const std::string svc =
        "apiVersion: v1\nkind: Service\nmetadata: {name: kube-dns, namespace: dns}\nspec:\n  clusterIP: 10.0.0.10\n"
        "  selector: {app: coredns}\n  ports:\n  - {name: dns, port: 53, protocol: UDP, targetPort: 5353}\n";
    const LoadedView m_loaded = load_texts({{"s.yaml", svc}});
    const model::Model& m = m_loaded.model;
    const ClusterFacts& f = facts_of(m_loaded);
    CHECK(f.dns.state == State::kKnown);
    CHECK(f.dns.value.namespace_name == "dns");
    CHECK(f.dns.value.port == 5353);
    CHECK(f.dns.value.cluster_ip(Family::kIPv4) == "10.0.0.10");
    REQUIRE(m.pod_sources.size() == 1);
    CHECK(m.pod_sources[0].synthetic);
    CHECK(m.pod_sources[0].meta.namespace_name.value == "dns");
    CHECK(m.pod_sources[0].labels[0].key.value == "app");
  }

  TEST_CASE("the pod DNS model reads the view's facts: domain, node search domains, clusterDNS") {
    const std::string kubelet =
        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nclusterDomain: corp.local\n"
        "clusterDNS: [169.254.20.10]\n";
    const std::string pod =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers: [{name: web, image: "
        "nginx}]\n";
    const std::string config_text = "cluster:\n  nodeSearchDomains: [lan.example]\n";
    config::LoadedConfig loaded = config::parse_config(".netlint.yaml", config_text, {});
    REQUIRE(loaded.config);
    LoadOptions options;
    options.facts.global = loaded.config->cluster;
    const LoadedView m_loaded = load_texts({{"kubelet.yaml", kubelet}, {"pod.yaml", pod}}, options);
    const model::Model& m = m_loaded.model;
    const engine::View view(m, m_loaded.facts);
    CHECK(view.dns_facts().domain == "corp.local");
    CHECK(view.dns_facts().cluster_dns == std::vector<std::string>{"169.254.20.10"});
    const model::PodSource* web = nullptr;
    for (const model::PodSource& p : m.pod_sources) {
      if (!p.synthetic) web = &p;
    }
    REQUIRE(web != nullptr);
    const index::PodDns dns = index::pod_dns(*web, view.dns_facts());
    CHECK(dns.nameservers == std::vector<std::string>{"169.254.20.10"});
    CHECK(dns.searches ==
          std::vector<std::string>{"shop.svc.corp.local", "svc.corp.local", "corp.local", "lan.example"});

    // Without a kubelet config: clusterDNS is the kube-dns Service's ClusterIP, the domain its default.
    const std::string svc =
        "apiVersion: v1\nkind: Service\nmetadata: {name: kube-dns, namespace: kube-system}\nspec:\n  clusterIP: "
        "10.96.0.10\n"
        "  selector: {k8s-app: kube-dns}\n  ports: [{name: dns, port: 53, protocol: UDP}]\n";
    const LoadedView plain_loaded = load_texts({{"svc.yaml", svc}, {"pod.yaml", pod}});
    const model::Model& plain = plain_loaded.model;
    const engine::View plain_view(plain, plain_loaded.facts);
    CHECK(plain_view.dns_facts().domain == "cluster.local");
    CHECK(plain_view.dns_facts().cluster_dns == std::vector<std::string>{"10.96.0.10"});
    CHECK(plain_view.dns_facts().node_search_domains.empty());
  }

  TEST_CASE("config overrides detection and says so once, anchored on its key") {
    const std::string config_text = "cluster:\n  cni: cilium\n  domain: cluster.local\n";
    config::LoadedConfig loaded = config::parse_config(".netlint.yaml", config_text, {});
    REQUIRE(loaded.config);
    LoadOptions options;
    options.facts.global = loaded.config->cluster;
    std::vector<InputText> inputs(2);
    inputs[0].path = "f.yaml";
    inputs[0].text = daemonset("kube-flannel-ds", "kube-flannel", "ghcr.io/flannel-io/flannel:v0.28.9");
    inputs[1].path = ".netlint.yaml";
    inputs[1].text = config_text;
    inputs[1].config = true;
    const LoadedView m_loaded = load_inputs(std::move(inputs), options);
    const model::Model& m = m_loaded.model;
    const ClusterFacts& f = facts_of(m_loaded);
    CHECK(f.cni.value.display() == "cilium");
    CHECK(f.cni.configured());
    CHECK(f.network_policy_enforced.value);
    REQUIRE(f.conflicts.size() == 1);  // domain agrees with the default: no note
    CHECK(f.conflicts[0].anchor.file == 1);
    CHECK(f.conflicts[0].anchor.begin == config_text.find("cni"));
    CHECK(f.conflicts[0].message.find("the manifests show flannel") != std::string::npos);
    // Its run-level note's topic comes from the kind, not from the wording.
    CHECK(f.conflicts[0].kind == ConflictKind::kConfigOverridesDetection);
    CHECK(conflict_topic(f.conflicts[0].kind) == "config-overrides-detection");
    CHECK(m.stats.skipped() == 0);  // the config file is no input
  }

  // RULES.md Facts "Dual-stack".
  TEST_CASE("dual-stack: --cluster-cidr with one range per family keeps both, neither ambiguous") {
    const std::string kcm =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: kube-controller-manager, namespace: kube-system}\nspec:\n  "
        "containers:\n"
        "  - name: kcm\n    image: registry.k8s.io/kube-controller-manager:v1.33.0\n"
        "    command: [kube-controller-manager, \"--cluster-cidr=10.244.0.0/16,fd00:10:244::/56\", "
        "--node-cidr-mask-size-ipv4=24,"
        " --node-cidr-mask-size-ipv6=64]\n";
    const LoadedView m = load_texts({{"kcm.yaml", kcm}});
    const ClusterFacts& f = facts_of(m);
    CHECK(f.cluster_pod_cidr.ipv4.state == State::kKnown);
    CHECK(f.cluster_pod_cidr.ipv4.value == "10.244.0.0/16");
    CHECK(f.cluster_pod_cidr.ipv6.state == State::kKnown);
    CHECK(f.cluster_pod_cidr.ipv6.value == "fd00:10:244::/56");
    CHECK(f.pod_cidrs.ipv4.value == std::vector<std::string>{"10.244.0.0/16"});
    CHECK(f.pod_cidrs.ipv6.value == std::vector<std::string>{"fd00:10:244::/56"});
    CHECK(f.node_block_prefix.ipv4.value == 24);
    CHECK(f.node_block_prefix.ipv6.value == 64);
    CHECK(f.conflicts.empty());
  }

  TEST_CASE("dual-stack: a Calico install with an IPv4 and an IPv6 IPPool has two pools, no ambiguity") {
    const std::string pools =
        "apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata: {name: default-ipv4-ippool}\n"
        "spec: {cidr: 192.168.0.0/16, blockSize: 26, natOutgoing: true}\n---\n"
        "apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata: {name: default-ipv6-ippool}\n"
        "spec: {cidr: \"fd00:192:168::/48\", blockSize: 122}\n---\n"
        "apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata: {name: extra-ipv4-ippool}\nspec: {cidr: "
        "10.48.0.0/16}\n";
    const LoadedView m =
        load_texts({{"calico.yaml", daemonset("calico-node", "kube-system", "docker.io/calico/node:v3.30.0")},
                    {"pools.yaml", pools}});
    const ClusterFacts& f = facts_of(m);
    REQUIRE(f.cni_pools.ipv4.state == State::kKnown);
    REQUIRE(f.cni_pools.ipv4.value.size() == 2);  // separate pools of one family never conflict
    CHECK(f.cni_pools.ipv4.value[0].cidr == "192.168.0.0/16");
    CHECK(f.cni_pools.ipv4.value[0].block_size == 26);
    CHECK(f.cni_pools.ipv4.value[1].block_size == 26);  // Calico's IPv4 default
    REQUIRE(f.cni_pools.ipv6.value.size() == 1);
    CHECK(f.cni_pools.ipv6.value[0].block_size == 122);
    CHECK(f.pod_cidrs.ipv4.value == std::vector<std::string>{"192.168.0.0/16", "10.48.0.0/16"});
    CHECK(f.pod_cidrs.ipv6.value == std::vector<std::string>{"fd00:192:168::/48"});
    // Calico's blocks are no per-node block: the node block stays unknown, not ambiguous.
    CHECK(f.node_block_prefix.ipv4.state == State::kUnknown);
    CHECK(f.node_block_prefix.ipv6.state == State::kUnknown);
    CHECK(f.conflicts.empty());
  }

  TEST_CASE("dual-stack: only two values of one family conflict") {
    const std::string kubeadm =
        "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\n"
        "networking: {podSubnet: \"10.244.0.0/16,fd00:10:244::/56\", serviceSubnet: "
        "\"10.96.0.0/12,fd00:10:96::/112\"}\n";
    const std::string kcm =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: kube-controller-manager, namespace: kube-system}\nspec:\n  "
        "containers:\n"
        "  - name: kcm\n    image: registry.k8s.io/kube-controller-manager:v1.33.0\n"
        "    command: [kube-controller-manager, \"--cluster-cidr=10.244.0.0/16,fd00:99::/56\"]\n";
    const LoadedView m = load_texts({{"kubeadm.yaml", kubeadm}, {"kcm.yaml", kcm}});
    const ClusterFacts& f = facts_of(m);
    CHECK(f.cluster_pod_cidr.ipv4.state == State::kKnown);
    CHECK(f.cluster_pod_cidr.ipv6.state == State::kAmbiguous);
    CHECK(f.pod_cidrs.ipv4.usable());
    CHECK(f.pod_cidrs.ipv6.state == State::kAmbiguous);
    CHECK(f.service_cidr.ipv4.value == "10.96.0.0/12");
    CHECK(f.service_cidr.ipv6.value == "fd00:10:96::/112");
    REQUIRE(f.conflicts.size() == 1);
    CHECK(f.conflicts[0].message.find("fd00:10:244::/56 vs fd00:99::/56") != std::string::npos);
  }

  TEST_CASE("dual-stack: clusterDNS is an ordered list; kube-dns has one ClusterIP per family") {
    const std::string kubelet =
        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nclusterDNS: [169.254.20.10, "
        "10.96.0.10, \"fd00:10:96::a\"]\n";
    const std::string svc =
        "apiVersion: v1\nkind: Service\nmetadata: {name: kube-dns, namespace: kube-system}\nspec:\n  clusterIP: "
        "10.96.0.10\n"
        "  clusterIPs: [10.96.0.10, \"fd00:10:96::a\"]\n  ipFamilyPolicy: PreferDualStack\n"
        "  selector: {k8s-app: kube-dns}\n  ports: [{name: dns, port: 53, protocol: UDP}]\n";
    const LoadedView m_loaded = load_texts({{"kubelet.yaml", kubelet}, {"svc.yaml", svc}});
    const model::Model& m = m_loaded.model;
    const ClusterFacts& f = facts_of(m_loaded);
    CHECK(f.cluster_dns.value == std::vector<std::string>{"169.254.20.10", "10.96.0.10", "fd00:10:96::a"});
    CHECK(f.dns.value.cluster_ip(Family::kIPv4) == "10.96.0.10");
    CHECK(f.dns.value.cluster_ip(Family::kIPv6) == "fd00:10:96::a");
    const engine::View view(m, m_loaded.facts);
    CHECK(view.dns_facts().cluster_dns.size() == 3);
    // Without a kubelet config, pods get the Service's primary address (its clusterIP), here IPv6.
    const std::string v6_primary =
        "apiVersion: v1\nkind: Service\nmetadata: {name: kube-dns, namespace: kube-system}\nspec:\n  clusterIP: "
        "\"fd00:10:96::a\"\n"
        "  clusterIPs: [\"fd00:10:96::a\", 10.96.0.10]\n  selector: {k8s-app: kube-dns}\n  ports: [{name: dns, port: "
        "53, protocol: UDP}]\n";
    const LoadedView v6_loaded = load_texts({{"svc.yaml", v6_primary}});
    const model::Model& v6 = v6_loaded.model;
    CHECK(engine::View(v6, v6_loaded.facts).dns_facts().cluster_dns == std::vector<std::string>{"fd00:10:96::a"});
  }

  TEST_CASE(
      "dual-stack config: podCIDRs replaces only the families it names; nodeBlockSize and serviceCIDRs per family") {
    const std::string config_text =
        "cluster:\n  podCIDRs: [10.44.0.0/16, 10.45.0.0/16]\n  serviceCIDRs: [\"fd00:10:96::/112\"]\n"
        "  nodeBlockSize: {ipv4: 24, ipv6: 64}\n  nodeCIDRs: [192.168.1.0/24, \"2001:db8::/64\"]\n  clusterDNS: "
        "[169.254.20.10, 10.96.0.10]\n";
    config::LoadedConfig loaded = config::parse_config(".netlint.yaml", config_text, {});
    REQUIRE(loaded.config);
    REQUIRE(loaded.errors.empty());
    LoadOptions options;
    options.facts.global = loaded.config->cluster;
    const std::string flannel =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kube-flannel-cfg, namespace: kube-flannel}\ndata:\n"
        "  net-conf.json: '{\"Network\": \"10.244.0.0/16\", \"IPv6Network\": \"fd00:10:244::/56\", \"EnableIPv6\": "
        "true}'\n";
    const LoadedView m = load_texts({{"flannel.yaml", flannel}}, options);
    const ClusterFacts& f = facts_of(m);
    CHECK(f.pod_cidrs.ipv4.value == std::vector<std::string>{"10.44.0.0/16", "10.45.0.0/16"});
    CHECK(f.pod_cidrs.ipv6.value == std::vector<std::string>{"fd00:10:244::/56"});  // detected, kept
    CHECK(f.service_cidr.ipv4.state == State::kUnknown);
    CHECK(f.service_cidr.ipv6.value == "fd00:10:96::/112");
    CHECK(f.node_block_prefix.ipv4.value == 24);
    CHECK(f.node_block_prefix.ipv6.value == 64);
    CHECK(f.node_cidrs.ipv4.value == std::vector<std::string>{"192.168.1.0/24"});
    CHECK(f.node_cidrs.ipv6.value == std::vector<std::string>{"2001:db8::/64"});
    CHECK(f.cluster_dns.value == std::vector<std::string>{"169.254.20.10", "10.96.0.10"});
  }
}

}  // namespace
}  // namespace netlint::facts
