// Namespace states (RULES.md "Namespace states"): complete needs the Namespace object and a pod
// source; open and unknown carry the reason `netlint facts` prints; config wins over detection.
#include <doctest/doctest.h>

#include "analyzer/index/namespace_catalog.h"
#include "analyzer/loader/loader.h"

namespace netlint::index {
namespace {

model::Model load_files(std::vector<std::pair<std::string, std::string>> files) {
  std::vector<InputText> inputs;
  for (auto& [path, text] : files) inputs.push_back({path, std::move(text), true, {}});
  return load_inputs(std::move(inputs), LoadOptions{}).model;
}

model::Model load(const std::string& text) {
  return load_files({{"view.yaml", text}});
}

std::string namespace_object(const std::string& ns) {
  return "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n---\n";
}

std::string deployment_in(const std::string& ns) {
  const std::string metadata = ns.empty() ? "{name: web}" : "{name: web, namespace: " + ns + "}";
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: " + metadata +
         "\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c}]}\n---\n";
}

std::string service_in(const std::string& ns) {
  const std::string metadata = ns.empty() ? "{name: web}" : "{name: web, namespace: " + ns + "}";
  return "apiVersion: v1\nkind: Service\nmetadata: " + metadata +
         "\nspec: {selector: {app: web}, ports: [{port: 80}]}\n";
}

}  // namespace

TEST_CASE("complete: the Namespace object, a pod source, and only built-in or inert custom kinds") {
  const model::Model m = load(
      namespace_object("shop") + deployment_in("shop") + service_in("shop") +
      "---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: web, namespace: shop}\n---\n"
      "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: shop}\n---\n"
      "apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: web, namespace: shop}\n---\n"
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\n");
  const NamespaceCatalog catalog(m);
  CHECK(catalog.complete("shop"));
  CHECK(catalog.status("shop").reason.find("Namespace object and 1 workload") != std::string::npos);
}

TEST_CASE("v3: a pod source alone, or a Namespace object alone, leaves a namespace unknown") {
  const model::Model m =
      load(deployment_in("shop") + namespace_object("tenant") +
           "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: tenant}\n");
  const NamespaceCatalog catalog(m);
  CHECK(catalog.status("shop").state == NamespaceState::kUnknown);
  CHECK(catalog.status("shop").reason.find("no Namespace object") != std::string::npos);
  CHECK(catalog.status("tenant").state == NamespaceState::kUnknown);
  CHECK(catalog.status("tenant").reason.find("no workload") != std::string::npos);
  CHECK(catalog.status("never-mentioned").state == NamespaceState::kUnknown);
}

TEST_CASE("open: an operator's custom resource, a GitOps target, the system namespaces") {
  const model::Model m =
      load(namespace_object("kafka") + deployment_in("kafka") +
           "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata: {name: events, namespace: kafka}\n---\n" +
           namespace_object("shop") + deployment_in("shop") +
           "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: shop, namespace: argocd}\n"
           "spec: {destination: {namespace: shop}}\n---\n" +
           namespace_object("kube-system") + deployment_in("kube-system"));
  const NamespaceCatalog catalog(m);
  CHECK(catalog.open("kafka"));
  CHECK(catalog.status("kafka").reason.find("Kafka kafka/events") != std::string::npos);
  CHECK(catalog.open("shop"));
  CHECK(catalog.status("shop").reason.find("Application argocd/shop deploys workloads into it") != std::string::npos);
  CHECK(catalog.open("kube-system"));
  CHECK(catalog.open("kube-public"));
  CHECK(catalog.status("kube-system").reason.find("add-ons") != std::string::npos);
}

TEST_CASE("a Gateway API Gateway keeps its namespace from complete without opening it; an Istio Gateway does not") {
  const model::Model m =
      load(namespace_object("edge") + deployment_in("edge") +
           "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: public, namespace: edge}\n---\n" +
           namespace_object("mesh") + deployment_in("mesh") +
           "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: public, namespace: mesh}\n");
  const NamespaceCatalog catalog(m);
  CHECK(catalog.status("edge").state == NamespaceState::kUnknown);
  CHECK(catalog.status("edge").reason.find("Gateway edge/public") != std::string::npos);
  CHECK(catalog.complete("mesh"));
}

TEST_CASE("pod-creating custom resources the model reads (Prometheus, a Rollout) do not open a namespace") {
  const model::Model m =
      load(namespace_object("monitoring") +
           "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: monitoring}\n"
           "spec: {podMetadata: {labels: {team: x}}}\n---\n" +
           namespace_object("web") +
           "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: shop, namespace: web}\n"
           "spec:\n  template:\n    metadata: {labels: {app: shop}}\n    spec: {containers: [{name: c}]}\n");
  const NamespaceCatalog catalog(m);
  CHECK(catalog.complete("monitoring"));
  CHECK(catalog.complete("web"));
}

TEST_CASE("config wins over detection; \"~\" names the apply-time namespace") {
  const model::Model m = load_files({{"shop/all.yaml", namespace_object("shop") + deployment_in("shop")},
                                     {"bare/deployment.yaml", deployment_in("")}});
  model::NamespaceStateConfig states;
  states.open = {"shop"};
  states.complete = {"~", "payments"};
  const NamespaceCatalog configured(m, states);
  CHECK(configured.open("shop"));
  CHECK(configured.status("shop").reason == "listed in cluster.namespaces.open");
  CHECK(configured.complete("~"));
  CHECK(configured.complete("payments"));
  const NamespaceCatalog detected(m);
  CHECK(detected.complete("shop"));
  CHECK(detected.status("~").state == NamespaceState::kUnknown);
  // `~` is listed first, then the names.
  const auto all = detected.all();
  REQUIRE(all.size() == 2);
  CHECK(all[0].first == "~");
  CHECK(all[1].first == "shop");
}

TEST_CASE("selector absence counts beside the pods shipped in the same directory, in equal or may-equal namespaces") {
  const model::Model m = load_files({{"app/deployment.yaml", deployment_in("")},
                                     {"app/service.yaml", service_in("")},
                                     {"other/service.yaml", service_in("")},
                                     {"named/deployment.yaml", deployment_in("shop")},
                                     {"named/service.yaml", service_in("")},
                                     {"system/deployment.yaml", deployment_in("kube-system")},
                                     {"system/service.yaml", service_in("kube-system")}});
  const NamespaceCatalog catalog(m);
  auto file_of = [&](std::string_view path) {
    for (FileId id = 0; id < m.files.size(); ++id) {
      if (m.file(id).path == path) return id;
    }
    FAIL("no file " << path);
    return kNoFile;
  };
  CHECK(catalog.selector_absence_counts("~", file_of("app/service.yaml")));
  CHECK_FALSE(catalog.selector_absence_counts("~", file_of("other/service.yaml")));             // no pods beside it
  CHECK(catalog.selector_absence_counts("~", file_of("named/service.yaml")));                   // shop may equal ~
  CHECK_FALSE(catalog.selector_absence_counts("kube-system", file_of("system/service.yaml")));  // open
  CHECK_FALSE(catalog.selector_absence_counts("~", kNoFile));
}

}  // namespace netlint::index
