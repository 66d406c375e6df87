// ingress_targets per backend (NL2014 asks it for one Ingress backend at a time): the Service port
// a backend names maps to its targetPort on the pods, only TCP ports the pods declare count, and
// the per-view union is what the connectivity report reads.
#include <doctest/doctest.h>

#include "analyzer/netpol/ingress_targets.h"
#include "analyzer/testing/load_texts.h"

namespace netlint::netpol {
namespace {

const std::string kView = R"(
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  containers:
  - name: c
    ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9000}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}, {name: admin, port: 90, targetPort: 9000}, {name: gone, port: 70, targetPort: 7000}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  defaultBackend: {service: {name: web, port: {name: admin}}}
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      - {path: /old, pathType: Prefix, backend: {service: {name: web, port: {number: 70}}}}
)";

TEST_CASE("backend_targets: one backend's Service port maps to the pods' declared targetPort") {
  const LoadedView model_loaded = testing::load_texts({{"view.yaml", kView}});
  const model::Model& model = model_loaded.model;
  const PolicyEngine engine(model, model_loaded.facts);
  const model::Ingress& ingress = model.ingresses.at(0);
  REQUIRE(ingress.default_backend);
  const auto admin = backend_targets(model, engine, "shop", *ingress.default_backend);
  REQUIRE(admin.size() == 1);
  CHECK(admin.begin()->second.ports(Protocol::kTcp).str() == "9000");
  const auto& paths = ingress.rules.at(0).paths;
  const auto http = backend_targets(model, engine, "shop", paths.at(0).backend);
  REQUIRE(http.size() == 1);
  CHECK(http.begin()->second.ports(Protocol::kTcp).str() == "8080");
  // targetPort 7000 is declared by no container: no target (netpol-analyzer reads declared ports).
  CHECK(backend_targets(model, engine, "shop", paths.at(1).backend).empty());
  // Another namespace holds no such Service.
  CHECK(backend_targets(model, engine, "other", paths.at(0).backend).empty());
  // The view's union is what connectivity reads.
  const auto all = ingress_targets(model, engine);
  REQUIRE(all.size() == 1);
  CHECK(all.begin()->second.ports(Protocol::kTcp).str() == "8080,9000");
}

}  // namespace
}  // namespace netlint::netpol
