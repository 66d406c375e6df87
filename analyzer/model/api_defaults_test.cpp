// API defaulting (api_defaults.h): each default as the API server applies it, on extracted
// documents, and what it leaves alone (values the API rejects stay as written, unknown).
#include <doctest/doctest.h>

#include <string>

#include "analyzer/model/api_defaults.h"
#include "analyzer/model/extract.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::model {
namespace {

DocumentObjects extract(const std::string& text) {
  auto parsed = yaml::parse_document(text, 0, static_cast<std::uint32_t>(text.size()), 0);
  REQUIRE(parsed.tree);
  DocumentObjects out;
  ExtractOptions options;
  options.default_namespace = "default";
  extract_document(yaml::root_of(*parsed.tree), 0, 0, options, out);
  return out;
}

const ServicePort& only_port(const DocumentObjects& d) {
  REQUIRE(d.services.size() == 1);
  REQUIRE(d.services[0].ports.size() == 1);
  return d.services[0].ports[0];
}

std::string service_with_port(const std::string& port_fields) {
  return "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - port: "
         "8080\n" +
         port_fields;
}

}  // namespace

TEST_CASE("api defaults: a Service's targetPort not written, 0 or \"\" is its port (SetDefaults_Service)") {
  for (const char* fields :
       {"", "    targetPort: 0\n", "    targetPort: \"\"\n", "    targetPort: ~\n", "    targetPort: 0x0\n"}) {
    CAPTURE(fields);
    const DocumentObjects d = extract(service_with_port(fields));
    CHECK(d.problems.empty());
    const ServicePort& p = only_port(d);
    REQUIRE(p.target_port);
    CHECK(p.target_port_defaulted);
    CHECK(p.target_port->value == "8080");
    CHECK(p.target_port_number == 8080);
    CHECK_FALSE(p.target_port_is_name);
    CHECK(p.target_port->range.begin == p.item.begin);  // anchored on the port entry
    CHECK(p.protocol.value == "TCP");
    CHECK_FALSE(p.protocol.range.valid());
  }
}

TEST_CASE("api defaults: a written targetPort is kept; one the API rejects is unknown, not defaulted") {
  SUBCASE("a number and a name") {
    // Keep each document alive: only_port() returns a reference into it.
    const DocumentObjects number_doc = extract(service_with_port("    targetPort: 8000\n"));
    const ServicePort& number = only_port(number_doc);
    CHECK_FALSE(number.target_port_defaulted);
    CHECK(number.target_port_number == 8000);
    const DocumentObjects name_doc = extract(service_with_port("    targetPort: http\n"));
    const ServicePort& name = only_port(name_doc);
    CHECK_FALSE(name.target_port_defaulted);
    CHECK(name.target_port_is_name);
    CHECK(name.target_port->value == "http");
  }
  SUBCASE("a whole float reaches the API server as an integer") {
    const DocumentObjects d = extract(service_with_port("    targetPort: 8000.0\n"));
    const ServicePort& p = only_port(d);
    CHECK(p.target_port_number == 8000);
    CHECK_FALSE(p.target_port_is_name);
  }
  for (const char* fields : {"    targetPort: 70000\n", "    targetPort: \"0\"\n", "    targetPort: Http\n",
                             "    targetPort: true\n", "    targetPort: [80]\n", "    targetPort: -1\n"}) {
    CAPTURE(fields);
    const DocumentObjects d = extract(service_with_port(fields));
    CHECK(d.problems.size() == 1);
    const ServicePort& p = only_port(d);
    CHECK_FALSE(p.target_port);
    CHECK_FALSE(p.target_port_number);
    CHECK(p.target_port_unknown);
    CHECK_FALSE(p.target_port_defaulted);
  }
}

TEST_CASE("api defaults: Service type, internalTrafficPolicy and port protocol") {
  SUBCASE("not written") {
    const DocumentObjects d = extract(service_with_port(""));
    CHECK(d.services[0].type.value == "ClusterIP");
    CHECK_FALSE(d.services[0].type.range.valid());
    CHECK(d.services[0].internal_traffic_policy.value == "Cluster");
  }
  SUBCASE("ExternalName has no internalTrafficPolicy") {
    const DocumentObjects d = extract(
        "apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  type: ExternalName\n  externalName: "
        "db.example.com\n");
    CHECK(d.services[0].internal_traffic_policy.value.empty());
  }
  SUBCASE("a wrong-case value is NL0004 and stays as written (unknown to rules)") {
    const DocumentObjects d =
        extract("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: nodePort\n");
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].message == "type nodePort is not valid; type is case-sensitive: write NodePort");
    CHECK(d.services[0].type.value == "nodePort");
  }
  SUBCASE("a wrong-case protocol: the API rejects the Service, no rule pairs through the port") {
    const DocumentObjects d = extract(service_with_port("    protocol: tcp\n"));
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].message == "protocol tcp is not valid; protocols are case-sensitive: write TCP");
    CHECK(d.services[0].ports.empty());
  }
  SUBCASE("protocol \"\" is unset: TCP") {
    const DocumentObjects d = extract(service_with_port("    protocol: \"\"\n"));
    CHECK(d.problems.empty());
    CHECK(only_port(d).protocol.value == "TCP");
  }
}

TEST_CASE("api defaults: pods and pod templates") {
  const std::string pod =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: c:1\n"
      "    ports:\n    - containerPort: 80\n    - containerPort: 53\n      protocol: UDP\n";
  const DocumentObjects d = extract(pod);
  CHECK(d.problems.empty());
  REQUIRE(d.pod_sources.size() == 1);
  const PodSource& p = d.pod_sources[0];
  CHECK(p.dns_policy.value == "ClusterFirst");
  CHECK_FALSE(p.dns_policy.range.valid());
  REQUIRE(p.containers.size() == 1);
  REQUIRE(p.containers[0].ports.size() == 2);
  CHECK(p.containers[0].ports[0].protocol.value == "TCP");
  CHECK(p.containers[0].ports[1].protocol.value == "UDP");

  SUBCASE("a wrong-case dnsPolicy stays as written; a wrong-case container protocol makes the ports unknown") {
    const DocumentObjects bad = extract(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  dnsPolicy: clusterfirst\n  restartPolicy: always\n"
        "  containers:\n  - name: c\n    image: c:1\n    ports:\n    - containerPort: 80\n      protocol: tcp\n");
    REQUIRE(bad.problems.size() == 3);
    CHECK(bad.problems[0].message == "protocol tcp is not valid; protocols are case-sensitive: write TCP");
    CHECK(bad.problems[1].message ==
          "dnsPolicy clusterfirst is not valid; dnsPolicy is case-sensitive: write ClusterFirst");
    CHECK(bad.problems[2].message ==
          "restartPolicy always is not valid; restartPolicy is case-sensitive: write Always");
    CHECK(bad.pod_sources[0].dns_policy.value == "clusterfirst");
    CHECK_FALSE(bad.pod_sources[0].containers_known);
  }
}

TEST_CASE("api defaults: NetworkPolicy port protocol TCP; policyTypes stay as written") {
  const DocumentObjects d = extract(
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n"
      "  egress:\n  - ports:\n    - port: 53\n    - port: 53\n      protocol: udp\n  policyTypes: [Ingress, egress]\n");
  REQUIRE(d.problems.size() == 2);
  CHECK(d.problems[0].message == "policyType egress is not valid; policyType is case-sensitive: write Egress");
  CHECK(d.problems[1].message == "protocol udp is not valid; protocols are case-sensitive: write UDP");
  REQUIRE(d.network_policies.size() == 1);
  const NetworkPolicy& np = d.network_policies[0];
  REQUIRE(np.egress.size() == 1);
  REQUIRE(np.egress[0].ports.size() == 2);
  CHECK(np.egress[0].ports[0].protocol.value == "TCP");
  CHECK(np.egress[0].ports[1].protocol.value == "udp");
  CHECK_FALSE(np.egress[0].ports[1].protocol_valid);
  // The API server rejects the policy: the evaluator reads it as one that may select its pods.
  CHECK_FALSE(np.policy_types_valid);
  CHECK(np.rejected);
}

TEST_CASE("api defaults: enums, unknown values and did-you-mean") {
  const DocumentObjects d = extract(
      "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancr\n  externalTrafficPolicy: "
      "local\n"
      "  internalTrafficPolicy: \"\"\n  sessionAffinity: Sticky\n");
  REQUIRE(d.problems.size() == 4);
  CHECK(d.problems[0].message ==
        "type LoadBalancr is not valid; did you mean LoadBalancer? (valid: ClusterIP, NodePort, LoadBalancer or "
        "ExternalName)");
  CHECK(d.problems[1].message ==
        "externalTrafficPolicy local is not valid; externalTrafficPolicy is case-sensitive: write Local");
  CHECK(d.problems[2].message == "internalTrafficPolicy \"\" is not valid; use Cluster or Local");
  CHECK(d.problems[3].message == "sessionAffinity Sticky is not valid; use None or ClientIP");
}

}  // namespace netlint::model
