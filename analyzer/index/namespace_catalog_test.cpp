// The known-namespace gate: a pod source, and nothing that may create pods unseen.
#include <doctest/doctest.h>

#include "analyzer/index/namespace_catalog.h"
#include "analyzer/loader/loader.h"

namespace netlint::index {
namespace {

model::Model load(const std::string& text) {
  std::vector<InputText> inputs;
  inputs.push_back({"view.yaml", text, true, {}});
  return load_inputs(std::move(inputs), LoadOptions{});
}

std::string deployment_in(const std::string& ns) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: " + ns +
         "}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c}]}\n---\n";
}

}  // namespace

TEST_CASE("a namespace with a pod source and only built-in or inert custom kinds is known") {
  const model::Model m = load(deployment_in("shop") +
                              "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n---\n"
                              "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: web, namespace: shop}\n---\n"
                              "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: shop}\n---\n"
                              "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\n");
  const NamespaceCatalog catalog(m);
  CHECK(catalog.known("shop"));
  CHECK(catalog.why_unknown("shop").empty());
}

TEST_CASE("no pod source, an operator's custom resource, or a GitOps target: unknown") {
  const model::Model m = load(
      deployment_in("kafka") +
      "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata: {name: events, namespace: kafka}\n---\n" +
      deployment_in("shop") +
      "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: shop, namespace: argocd}\n"
      "spec: {destination: {namespace: shop}}\n---\n" +
      "apiVersion: v1\nkind: Service\nmetadata: {name: lonely, namespace: empty}\n");
  const NamespaceCatalog catalog(m);
  CHECK(!catalog.known("kafka"));
  CHECK(catalog.why_unknown("kafka").find("Kafka kafka/events") != std::string::npos);
  CHECK(!catalog.known("shop"));
  CHECK(catalog.why_unknown("shop").find("Application argocd/shop deploys workloads into it") != std::string::npos);
  CHECK(!catalog.known("empty"));
  CHECK(!catalog.known("argocd"));  // holds no pod source
  // The synthetic DNS peer does not make kube-system known.
  CHECK(!catalog.known("kube-system"));
}

TEST_CASE("pod-creating custom resources the model reads (Prometheus, a Rollout) keep a namespace known") {
  const model::Model m = load(
      "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: monitoring}\n"
      "spec: {podMetadata: {labels: {team: x}}}\n---\n"
      "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: shop, namespace: web}\n"
      "spec:\n  template:\n    metadata: {labels: {app: shop}}\n    spec: {containers: [{name: c}]}\n");
  const NamespaceCatalog catalog(m);
  CHECK(catalog.known("monitoring"));
  CHECK(catalog.known("web"));
}

}  // namespace netlint::index

namespace netlint::index {

TEST_CASE("the system namespaces are never known: every cluster runs add-ons there the view does not hold") {
  const model::Model m = load(deployment_in("kube-system") + deployment_in("kube-public") + deployment_in("shop"));
  const NamespaceCatalog catalog(m);
  CHECK(catalog.known("shop"));
  CHECK_FALSE(catalog.known("kube-system"));
  CHECK_FALSE(catalog.known("kube-public"));
  CHECK(catalog.why_unknown("kube-system").find("add-ons") != std::string::npos);
}

}  // namespace netlint::index
