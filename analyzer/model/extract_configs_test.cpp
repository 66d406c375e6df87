// Configuration texts through the real loader: positions of settings inside every embedded kind
// map back to the exact bytes of the user's YAML file; parse errors inside them are NL0001 at the
// mapped position; placeholders are values, not errors.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <string>

#include "analyzer/loader/loader.h"
#include "analyzer/model/extract_configs.h"
#include "analyzer/model/hosts_file.h"
#include "analyzer/testing/text_offsets.h"

namespace netlint::model {
namespace {

using testing::Span;
using testing::span_of;

Model load_one(std::string path, std::string text) {
  InputText in;
  in.path = std::move(path);
  in.text = std::move(text);
  std::vector<InputText> inputs;
  inputs.push_back(std::move(in));
  return load_inputs(std::move(inputs), {}).model;
}

Span span(SourceRange r) {
  return {r.begin, r.end};
}

const ConfigDocument& only_config(const Model& m) {
  REQUIRE(m.configs.size() == 1);
  return m.configs[0];
}

const Setting& setting(const ConfigDocument& doc, std::string_view path) {
  const Setting* s = doc.settings.find(path);
  REQUIRE_MESSAGE(s != nullptr, "no setting ", std::string(path));
  return *s;
}

TEST_SUITE("embedded-configs") {
  TEST_CASE("kube-proxy config.conf in a literal block maps each value to its column in the file") {
    const std::string text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-proxy\n  namespace: kube-system\ndata:\n"
        "  config.conf: |-\n    apiVersion: kubeproxy.config.k8s.io/v1alpha1\n    kind: KubeProxyConfiguration\n"
        "    clusterCIDR: 10.244.0.0/16\n    mode: \"ipvs\"\n";
    const Model m = load_one("kp.yaml", text);
    const ConfigDocument& doc = only_config(m);
    CHECK(doc.kind == "KubeProxyConfiguration");
    CHECK(doc.key.value == "config.conf");
    CHECK(span(setting(doc, "clusterCIDR").value.range) == span_of(text, "10.244.0.0/16"));
    CHECK(span(setting(doc, "clusterCIDR").key) == span_of(text, "clusterCIDR"));
    CHECK(span(setting(doc, "mode").value.range) == span_of(text, "\"ipvs\""));
    CHECK(setting(doc, "mode").value.range.file == 0);
  }

  TEST_CASE("CRLF line ends and a deeper indentation keep positions exact") {
    const std::string text =
        "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: kube-flannel-cfg\r\ndata:\r\n"
        "  net-conf.json: |\r\n        {\r\n          \"Network\": \"10.244.0.0/16\",\r\n"
        "          \"Backend\": {\"Type\": \"vxlan\"}\r\n        }\r\n";
    const Model m = load_one("flannel.yaml", text);
    const ConfigDocument& doc = only_config(m);
    CHECK(doc.kind == "net-conf.json");
    CHECK(span(setting(doc, "Network").value.range) == span_of(text, "\"10.244.0.0/16\""));
    CHECK(span(setting(doc, "Backend.Type").value.range) == span_of(text, "\"vxlan\""));
  }

  TEST_CASE("a folded or escaped value anchors on its ConfigMap key") {
    const std::string text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n"
        "  net-conf.json: \"{\\n  \\\"Network\\\": \\\"10.1.0.0/16\\\"\\n}\"\n";
    const Model m = load_one("flannel.yaml", text);
    const ConfigDocument& doc = only_config(m);
    CHECK(setting(doc, "Network").value.value == "10.1.0.0/16");
    CHECK(span(setting(doc, "Network").value.range) == span_of(text, "net-conf.json"));
  }

  TEST_CASE("a single-line quoted value maps exactly") {
    const std::string text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n"
        "  net-conf.json: '{\"Network\": \"10.1.0.0/16\"}'\n";
    const Model m = load_one("flannel.yaml", text);
    CHECK(span(setting(only_config(m), "Network").value.range) == span_of(text, "\"10.1.0.0/16\""));
  }

  TEST_CASE("Calico's cni_network_config keeps placeholders as unknown values") {
    const std::string text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: calico-config\n  namespace: kube-system\ndata:\n"
        "  cni_network_config: |-\n    {\n      \"name\": \"k8s-pod-network\",\n      \"plugins\": [\n"
        "        {\"type\": \"calico\", \"mtu\": __CNI_MTU__, \"kubeconfig\": \"__KUBECONFIG_FILEPATH__\"}\n      ]\n  "
        "  }\n";
    const Model m = load_one("calico.yaml", text);
    const ConfigDocument& doc = only_config(m);
    CHECK(doc.kind == "cni");
    CHECK(m.problems.empty());
    CHECK(setting(doc, "plugins[0].type").value.value == "calico");
    CHECK(span(setting(doc, "plugins[0].type").value.range) == span_of(text, "\"calico\""));
    CHECK(setting(doc, "plugins[0].mtu").placeholder);
    CHECK(span(setting(doc, "plugins[0].mtu").value.range) == span_of(text, "__CNI_MTU__"));
    CHECK_FALSE(setting(doc, "name").placeholder);
  }

  TEST_CASE("kubelet and kubeadm configs in ConfigMaps, and as documents") {
    const std::string text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kubelet-config\n  namespace: kube-system\ndata:\n"
        "  kubelet: |\n    apiVersion: kubelet.config.k8s.io/v1beta1\n    kind: KubeletConfiguration\n"
        "    clusterDomain: corp.local\n    clusterDNS:\n    - 10.96.0.10\n---\n"
        "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.32.0.0/12\n";
    const Model m = load_one("k.yaml", text);
    REQUIRE(m.configs.size() == 2);
    CHECK(m.configs[0].kind == "KubeletConfiguration");
    CHECK(span(setting(m.configs[0], "clusterDNS[0]").value.range) == span_of(text, "10.96.0.10"));
    CHECK(span(setting(m.configs[0], "clusterDomain").value.range) == span_of(text, "corp.local"));
    CHECK(m.configs[1].kind == "ClusterConfiguration");
    CHECK_FALSE(m.configs[1].embedded());
    CHECK(span(setting(m.configs[1], "networking.podSubnet").value.range) == span_of(text, "10.32.0.0/12"));
  }

  TEST_CASE("Flannel cni-conf.json and kubeadm's ClusterConfiguration in the kubeadm-config ConfigMap") {
    const std::string text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\ndata:\n"
        "  cni-conf.json: |\n    {\n      \"name\": \"cbr0\",\n      \"cniVersion\": \"0.3.1\",\n"
        "      \"plugins\": [\n        {\"type\": \"flannel\", \"delegate\": {\"hairpinMode\": true}},\n"
        "        {\"type\": \"portmap\", \"capabilities\": {\"portMappings\": true}}\n      ]\n    }\n---\n"
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kubeadm-config\n  namespace: kube-system\ndata:\n"
        "  ClusterConfiguration: |\n    apiVersion: kubeadm.k8s.io/v1beta4\n    kind: ClusterConfiguration\n"
        "    networking:\n      dnsDomain: corp.local\n      serviceSubnet: 10.96.0.0/12\n";
    const Model m = load_one("cfg.yaml", text);
    REQUIRE(m.configs.size() == 2);
    CHECK(m.configs[0].kind == "cni");
    CHECK(m.configs[0].key.value == "cni-conf.json");
    CHECK(span(setting(m.configs[0], "plugins[1].type").value.range) == span_of(text, "\"portmap\""));
    CHECK(span(setting(m.configs[0], "plugins[0].delegate.hairpinMode").value.range) == span_of(text, "true"));
    CHECK(m.configs[1].kind == "ClusterConfiguration");
    CHECK(m.configs[1].embedded());
    CHECK(span(setting(m.configs[1], "networking.dnsDomain").value.range) == span_of(text, "corp.local"));
    CHECK(span(setting(m.configs[1], "networking.serviceSubnet").key) == span_of(text, "serviceSubnet"));
  }

  TEST_CASE("a broken embedded config is NL0001 at the mapped error position") {
    const std::string text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\ndata:\n"
        "  net-conf.json: |\n    {\n      \"Network\": \"10.244.0.0/16\",\n      \"Backend\": {\"Type\": \"vxlan\"\n   "
        " }\n";
    const Model m = load_one("flannel.yaml", text);
    REQUIRE(m.problems.size() == 1);
    CHECK(m.problems[0].kind == InputProblemKind::kParseError);
    CHECK(m.problems[0].message.find("net-conf.json") != std::string::npos);
    // Inside the block, not on the ConfigMap's own lines.
    CHECK(m.problems[0].range.begin > text.find("net-conf.json"));
  }

  TEST_CASE("an unrelated YAML value that fails to parse is not ours to report") {
    const std::string text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n"
        "  app.yaml: |\n    kind: [broken\n";
    const Model m = load_one("app.yaml", text);
    CHECK(m.problems.empty());
    CHECK(m.configs.empty());
  }

  TEST_CASE("Corefiles in ConfigMaps and standalone files, errors mapped") {
    const std::string text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n"
        "  Corefile: |\n    .:53 {\n        kubernetes cluster.local in-addr.arpa {\n          pods insecure\n        "
        "}\n"
        "        forward . /etc/resolv.conf\n    }\n";
    const Model m = load_one("coredns.yaml", text);
    REQUIRE(m.corefiles.size() == 1);
    const CorefileSource& cf = m.corefiles[0];
    CHECK(cf.display() == "ConfigMap kube-system/coredns key Corefile");
    REQUIRE(cf.ast.blocks.size() == 1);
    const corefile::Directive& forward = cf.ast.blocks[0].directives[1];
    CHECK(span(cf.text.map(forward.name.begin, forward.name.end)) == span_of(text, "forward"));
    CHECK(span(cf.text.map(forward.args[1].begin, forward.args[1].end)) == span_of(text, "/etc/resolv.conf"));

    const std::string broken = ".:53 {\n  errors\n  forward . 8.8.8.8 {\n";
    const Model b = load_one("dns/Corefile", broken);
    REQUIRE(b.corefiles.size() == 1);
    REQUIRE_FALSE(b.problems.empty());
    CHECK(b.problems[0].kind == InputProblemKind::kParseError);
    CHECK(b.problems[0].range.file == 0);
  }

  TEST_CASE("`*.override` keys are directive fragments; `NodeHosts` is a hosts file (k3s's coredns ConfigMap)") {
    const std::string text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\ndata:\n"
        "  log.override: |\n    log\n    rewrite name exact db.old db.new.svc.cluster.local\n"
        "  broken.override: |\n    errors\n    }\n"
        "  NodeHosts: |\n    192.168.1.10 node-a node-a.lan   # the first node\n    not-an-ip node-x\n"
        "    fd00::11 node-b\n";
    const Model m = load_one("coredns-custom.yaml", text);
    REQUIRE(m.corefiles.size() == 2);
    const CorefileSource& log = m.corefiles[0];
    CHECK(log.fragment);
    CHECK(log.key.value == "log.override");
    REQUIRE(log.ast.blocks.size() == 1);
    const corefile::ServerBlock& block = log.ast.blocks[0];
    CHECK(block.keys.empty());  // not `log` as a server address
    REQUIRE(block.directives.size() == 2);
    CHECK(block.directives[1].name.text == "rewrite");
    CHECK(span(log.text.map(block.directives[1].args[2].begin, block.directives[1].args[2].end)) ==
          span_of(text, "db.old"));
    // A stray brace in a fragment is CoreDNS's parse error, at its place in the file.
    REQUIRE(m.problems.size() == 1);
    CHECK(m.problems[0].message.find("Unexpected '}'") != std::string::npos);
    CHECK(span(m.problems[0].range) ==
          Span{span_of(text, "}\n  NodeHosts").begin, span_of(text, "}\n  NodeHosts").begin + 1});

    const ConfigDocument& hosts = only_config(m);
    CHECK(hosts.kind == "NodeHosts");
    CHECK(span(setting(hosts, "hosts[0].address").value.range) == span_of(text, "192.168.1.10"));
    CHECK(span(setting(hosts, "hosts[0].names[1]").value.range) == span_of(text, "node-a.lan"));
    CHECK(hosts.settings.find("hosts[0].names[2]") == nullptr);           // the comment is no name
    CHECK(setting(hosts, "hosts[1].address").value.value == "fd00::11");  // `not-an-ip` is skipped
    CHECK(setting(hosts, "hosts[1].names[0]").value.value == "node-b");
  }

  TEST_CASE("hosts file addresses") {
    CHECK(looks_like_ip("10.0.0.1"));
    CHECK(looks_like_ip("::1"));
    CHECK(looks_like_ip("fe80::1%eth0"));
    CHECK(looks_like_ip("::ffff:192.0.2.1"));
    CHECK_FALSE(looks_like_ip("256.1.1.1"));
    CHECK_FALSE(looks_like_ip("10.0.0"));
    CHECK_FALSE(looks_like_ip("node-a"));
    CHECK_FALSE(looks_like_ip("cafe"));
    // Through util/cidr's parse_ip, as glibc's inet_pton reads a hosts file: hex and colons that
    // are no address, and leading zeros, are not an address.
    CHECK_FALSE(looks_like_ip("1:2"));
    CHECK_FALSE(looks_like_ip("010.0.0.1"));
    CHECK_FALSE(looks_like_ip("10.0.0.1%eth0"));
  }

  TEST_CASE("an alias bomb in a config document is cut off, not walked exponentially") {
    std::string text =
        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmaxPods: 110\n"
        "a0: &a0 [[], {}]\n";
    for (int i = 1; i < 40; ++i) text += fmt::format("a{0}: &a{0} [*a{1}, *a{1}]\n", i, i - 1);
    const Model m = load_one("bomb.yaml", text);
    const ConfigDocument& doc = only_config(m);
    CHECK(setting(doc, "maxPods").value.value == "110");
    CHECK(doc.settings.entries.size() <= kMaxSettings);
  }

  TEST_CASE("a conflist under net.d is a CNI config") {
    const std::string text =
        "{\n  \"name\": \"cbr0\",\n  \"plugins\": [{\"type\": \"flannel\"}, {\"type\": \"portmap\"}]\n}\n";
    const Model m = load_one("etc/cni/net.d/10-flannel.conflist", text);
    const ConfigDocument& doc = only_config(m);
    CHECK(doc.kind == "cni");
    CHECK(span(setting(doc, "plugins[0].type").value.range) == span_of(text, "\"flannel\""));
    CHECK(m.stats.skipped() == 0);
  }
}

}  // namespace
}  // namespace netlint::model
