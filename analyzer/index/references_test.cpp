// The reference extractor over whole pod sources, loaded as the loader loads manifests.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "analyzer/index/references.h"
#include "analyzer/loader/loader.h"

namespace netlint::index {
namespace {

struct Loaded {
  model::Model model;

  const model::ConfigMap* config_map(std::string_view ns, std::string_view name) const {
    for (const model::ConfigMap& cm : model.config_maps) {
      if (cm.meta.namespace_name.value == ns && cm.meta.name.value == name) return &cm;
    }
    return nullptr;
  }

  std::vector<Reference> references(std::size_t pod = 0, bool with_text = true) const {
    std::set<std::string, std::less<>> namespaces;
    for (const model::PodSource& p : model.pod_sources) namespaces.insert(p.meta.namespace_name.value);
    const HostClassifier classifier([namespaces](std::string_view ns) { return namespaces.count(ns) > 0; });
    const ConfigMapLookup lookup = [this](std::string_view ns, std::string_view name) { return config_map(ns, name); };
    const SourceTextLookup text = [this](FileId id) { return std::string_view(model.file(id).text); };
    return extract_references(model.pod_sources.at(pod), lookup, classifier, with_text ? text : SourceTextLookup{});
  }

  // What the range covers in the file, `=` before it when exact, `~` when the whole scalar.
  std::string anchored(const Reference& r) const {
    const std::string& text = model.file(r.range.file).text;
    std::ostringstream out;
    out << (r.range_exact ? '=' : '~') << text.substr(r.range.begin, r.range.end - r.range.begin);
    return out.str();
  }

  // `origin name: host port kind anchor`, one per line.
  std::string describe(std::size_t pod = 0) const {
    std::ostringstream out;
    for (const Reference& r : references(pod)) {
      out << reference_origin_name(r.origin) << ' ' << (r.name.empty() ? "-" : r.name) << ": " << r.host << ' ';
      if (r.port)
        out << *r.port << (r.port_explicit ? "!" : "");
      else
        out << (r.port_explicit ? "?" : "-");
      out << ' ' << host_kind_name(r.kind) << ' ' << anchored(r) << '\n';
    }
    return out.str();
  }
};

Loaded load(std::string text) {
  std::vector<InputText> inputs;
  inputs.push_back({"refs.yaml", std::move(text), true, {}});
  return Loaded{load_inputs(std::move(inputs), LoadOptions{}).model};
}

}  // namespace

TEST_SUITE("references") {
  TEST_CASE("env: values, valueFrom ConfigMap keys, envFrom; the last definition wins") {
    const Loaded l = load(R"yaml(apiVersion: v1
kind: ConfigMap
metadata: {name: endpoints, namespace: shop}
data:
  CATALOG_ADDR: catalog-service
  DB_HOST: "shadowed-by-env"
  CACHE_URL: redis://cache.shop.svc:6380/0
---
apiVersion: v1
kind: ConfigMap
metadata: {name: more, namespace: shop}
data:
  CACHE_URL: "redis://cache-2:6379"
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web
          envFrom:
            - configMapRef: {name: endpoints}
            - configMapRef: {name: more}
            - configMapRef: {name: endpoints}
              prefix: OLD_
          env:
            - {name: DB_HOST, value: postgres}
            - {name: ORDERS_URL, value: "http://orders.shop.svc.cluster.local:8080/api"}
            - {name: ORDERS_URL, value: "http://orders:8080/api"}
            - {name: PAYMENTS_ADDR, value: "payments:$(PORT)"}
            - {name: PORT, value: "50051"}
            - {name: STRIPE, value: 'https://api.stripe.com/v1'}
            - name: CATALOG_HOST
              valueFrom: {configMapKeyRef: {name: endpoints, key: CATALOG_ADDR}}
            - name: SECRET_URL
              valueFrom: {secretKeyRef: {name: s, key: url}}
            - {name: LISTEN_ADDR, value: "0.0.0.0:8080"}
)yaml");
    CHECK(l.describe() ==
          "env value DB_HOST: postgres - service short name =postgres\n"
          "env value ORDERS_URL: orders 8080! service short name =orders\n"
          "env value PAYMENTS_ADDR: payments ? service short name =payments\n"  // $(PORT) defined later: unexpanded
          "env value STRIPE: api.stripe.com 443 external host =api.stripe.com\n"
          "env valueFrom ConfigMap key CATALOG_HOST: catalog-service - service short name =catalog-service\n"
          "envFrom ConfigMap CATALOG_ADDR: catalog-service - service short name =catalog-service\n"
          "envFrom ConfigMap CACHE_URL: cache-2 6379! service short name =cache-2\n"
          "envFrom ConfigMap OLD_CATALOG_ADDR: catalog-service - service short name =catalog-service\n"
          "envFrom ConfigMap OLD_DB_HOST: shadowed-by-env - service short name =shadowed-by-env\n"
          "envFrom ConfigMap OLD_CACHE_URL: cache.shop.svc 6380! service.namespace.svc =cache.shop.svc\n");
    const std::vector<Reference> refs = l.references();
    REQUIRE(refs.size() == 10);
    CHECK(refs[4].config_map == "endpoints");
    CHECK(refs[4].config_map_key == "CATALOG_ADDR");
    CHECK(refs[4].variable == "CATALOG_HOST");
    CHECK(refs[9].service == "cache");
    CHECK(refs[9].namespace_name == "shop");
    CHECK(refs[9].text == "redis://cache.shop.svc:6380/0");
    CHECK(refs[9].scheme == "redis");
  }

  TEST_CASE("command and args: expanded, a --flag names the next argument") {
    // oracles/np-guard__netpol-analyzer/tests/acs-security-demos-added-workloads/backend/recommendation/
    // deployment.yaml and configmap.yaml (the Service is recommendation-service in backend)
    const Loaded l = load(R"yaml(apiVersion: v1
data:
  CATALOG_ADDR: catalog-service
  CATALOG_PORT: "8080"
kind: ConfigMap
metadata:
  name: recommendation-endpoint-config
  namespace: backend
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: recommendation
  namespace: backend
spec:
  template:
    metadata:
      labels:
        app: recommendation
    spec:
      containers:
        - image: quay.io/vuln/rce-webapp:latest
          command: ["/bin/entrypoint", "--upstream"]
          args:
            [
              "http://upstream.backend:9000",
              "-listen",
              ":8080",
              "-connect",
              "$(CATALOG_ADDR):$(CATALOG_PORT)",
              "--db-host",
              "db.backend",
              "--sidecar-image=redis:7",
            ]
          name: recommendation
          envFrom:
            - configMapRef:
                name: recommendation-endpoint-config
)yaml");
    CHECK(l.describe() ==
          "envFrom ConfigMap CATALOG_ADDR: catalog-service - service short name =catalog-service\n"
          "arg upstream: upstream.backend 9000! service.namespace =upstream.backend\n"
          "arg connect: catalog-service 8080! service short name ~\"$(CATALOG_ADDR):$(CATALOG_PORT)\"\n"
          "arg db-host: db.backend - service.namespace =db.backend\n");
    const std::vector<Reference> refs = l.references();
    REQUIRE(refs.size() == 4);
    CHECK(refs[1].origin == ReferenceOrigin::kArg);
    CHECK(refs[1].variable.empty());
    CHECK(refs[2].text == "catalog-service:8080");
    // Without the source texts, every range is the whole scalar.
    for (const Reference& r : l.references(0, false)) CHECK_FALSE(r.range_exact);
  }

  TEST_CASE("mounted ConfigMap files: items, subPath, projected volumes, literal blocks mapped") {
    // After istio__istio/samples/addons/grafana.yaml (datasources.yaml mounted with subPath) and
    // istio__istio/samples/security/spire/spire-quickstart.yaml (agent.conf).
    const Loaded l = load(R"yaml(apiVersion: v1
kind: ConfigMap
metadata: {name: grafana, namespace: istio-system}
data:
  grafana.ini: |
    [server]
    domain = ''
  datasources.yaml: |
    apiVersion: 1
    datasources:
    - access: proxy
      name: Prometheus
      url: http://prometheus:9090
    - name: Loki
      url: http://loki.istio-system:3100
  Corefile: |
    forward . 8.8.8.8:53
  dashboards.json: "{\"url\": \"http://quoted:80\"}"
---
apiVersion: v1
kind: ConfigMap
metadata: {name: spire-agent, namespace: istio-system}
data:
  agent.conf: |
    agent {
      server_address = "spire-server"
      server_port = "8081"
      # server_address = "commented-out"
    }
  app.properties: |
    spring.datasource.url=jdbc:postgresql://db.istio-system.svc.cluster.local:5432/x
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: grafana, namespace: istio-system}
spec:
  template:
    metadata: {labels: {app: grafana}}
    spec:
      containers:
        - name: grafana
          image: grafana/grafana
          volumeMounts:
            - name: config
              mountPath: "/etc/grafana/provisioning/datasources/datasources.yaml"
              subPath: "datasources.yaml"
            - name: config
              mountPath: /etc/grafana
            - name: agent
              mountPath: /run/spire/config/
        - name: sidecar
          image: sidecar
          volumeMounts:
            - {name: agent, mountPath: /conf, subPath: app}
            - {name: nothing, mountPath: /x}
      volumes:
        - name: config
          configMap:
            name: grafana
        - name: agent
          projected:
            sources:
              - configMap:
                  name: spire-agent
                  items:
                    - {key: agent.conf, path: agent.conf}
                    - {key: app.properties, path: app/application.properties}
              - secret: {name: s}
        - name: nothing
          emptyDir: {}
)yaml");
    CHECK(l.describe() ==
          "ConfigMap file datasources.url: prometheus 9090! service short name =prometheus\n"
          "ConfigMap file datasources.url: loki.istio-system 3100! service.namespace =loki.istio-system\n"
          "ConfigMap file url: quoted 80! service short name ~\"{\\\"url\\\": \\\"http://quoted:80\\\"}\"\n"
          "ConfigMap file server_address: spire-server - service short name =spire-server\n"
          "ConfigMap file spring.datasource.url: db.istio-system.svc.cluster.local 5432! service FQDN "
          "=db.istio-system.svc.cluster.local\n"
          "ConfigMap file spring.datasource.url: db.istio-system.svc.cluster.local 5432! service FQDN "
          "=db.istio-system.svc.cluster.local\n");
    const std::vector<Reference> refs = l.references();
    REQUIRE(refs.size() == 6);
    CHECK(refs[0].file_path == "/etc/grafana/provisioning/datasources/datasources.yaml");
    CHECK(refs[0].config_map == "grafana");
    CHECK(refs[0].config_map_key == "datasources.yaml");
    CHECK(refs[0].container == 0);
    CHECK(refs[2].file_path == "/etc/grafana/dashboards.json");
    CHECK(refs[3].file_path == "/run/spire/config/agent.conf");
    CHECK(refs[4].file_path == "/run/spire/config/app/application.properties");
    CHECK(refs[5].file_path == "/conf/application.properties");
    CHECK(refs[5].container == 1);
    CHECK(refs[4].domain == "cluster.local");
    CHECK_FALSE(refs[4].other_domain);
  }

  TEST_CASE("real manifest: Online Boutique frontend") {
    // GoogleCloudPlatform__microservices-demo/kubernetes-manifests/frontend.yaml (env, shortened)
    const Loaded l = load(R"yaml(apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  labels:
    app: frontend
spec:
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
        - name: server
          image: us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend:v0.10.4
          ports:
          - containerPort: 8080
          env:
          - name: PORT
            value: "8080"
          - name: PRODUCT_CATALOG_SERVICE_ADDR
            value: "productcatalogservice:3550"
          - name: CURRENCY_SERVICE_ADDR
            value: "currencyservice:7000"
          - name: ENV_PLATFORM
            value: "local"
          - name: ENABLE_PROFILER
            value: "0"
          - name: SHOPPING_ASSISTANT_SERVICE_ADDR
            value: "shoppingassistantservice:80"
)yaml");
    CHECK(l.describe() ==
          "env value PRODUCT_CATALOG_SERVICE_ADDR: productcatalogservice 3550! service short name "
          "=productcatalogservice\n"
          "env value CURRENCY_SERVICE_ADDR: currencyservice 7000! service short name =currencyservice\n"
          "env value SHOPPING_ASSISTANT_SERVICE_ADDR: shoppingassistantservice 80! service short name "
          "=shoppingassistantservice\n");
  }

  TEST_CASE("real manifest: a per-pod name list in args") {
    // kubernetes__examples/_archived/storage/minio/minio-distributed-statefulset.yaml
    const Loaded l = load(R"yaml(apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: minio
spec:
  serviceName: minio
  replicas: 4
  template:
    metadata:
      labels:
        app: minio
    spec:
      containers:
      - name: minio
        env:
        - name: MINIO_ACCESS_KEY
          value: "minio"
        image: minio/minio
        args:
        - server
        - http://minio-0.minio.default.svc.cluster.local/data
        - http://minio-1.minio.default.svc.cluster.local/data
)yaml");
    CHECK(l.describe() ==
          "arg -: minio-0.minio.default.svc.cluster.local 80 per-pod name =minio-0.minio.default.svc.cluster.local\n"
          "arg -: minio-1.minio.default.svc.cluster.local 80 per-pod name =minio-1.minio.default.svc.cluster.local\n");
    const std::vector<Reference> refs = l.references();
    REQUIRE(refs.size() == 2);
    CHECK(refs[0].pod == "minio-0");
    CHECK(refs[0].service == "minio");
    CHECK(refs[0].namespace_name == "default");
  }

  TEST_CASE("model: ConfigMap volumes and volume mounts, with their field types checked") {
    const Loaded l = load(R"yaml(apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      image: c
      volumeMounts:
        - {name: cfg, mountPath: /etc/cfg, subPath: 5}
  volumes:
    - name: cfg
      configMap:
        name: settings
        items: {key: a, path: b}
    - name: data
      emptyDir: {}
)yaml");
    const model::PodSource& pod = l.model.pod_sources.at(0);
    REQUIRE(pod.config_map_volumes.size() == 1);
    CHECK(pod.config_map_volumes[0].name.value == "cfg");
    CHECK(pod.config_map_volumes[0].sources.at(0).name.value == "settings");
    CHECK(pod.config_map_volumes[0].sources.at(0).items.empty());
    REQUIRE(pod.containers.at(0).volume_mounts.size() == 1);
    CHECK(pod.containers[0].volume_mounts[0].mount_path.value == "/etc/cfg");
    std::vector<std::string> problems;
    for (const model::InputProblem& p : l.model.problems)
      problems.push_back(std::string(model::input_problem_kind_name(p.kind)) + " " + p.message);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("subPath 5 is a number") != std::string::npos);
    CHECK(problems[1].find("items is a map, but it must be a list") != std::string::npos);
  }
}

}  // namespace netlint::index
