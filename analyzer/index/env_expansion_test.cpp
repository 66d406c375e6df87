// $(VAR) expansion as the kubelet does it.
#include <doctest/doctest.h>

#include "analyzer/index/env_expansion.h"
#include "analyzer/loader/loader.h"

namespace netlint::index {

TEST_CASE("expansion: $(VAR), $$ escapes, undefined and malformed references stay") {
  const Environment env = {{"HOST", "db"}, {"PORT", "5432"}, {"EMPTY", ""}};
  CHECK(expand_references("postgres://$(HOST):$(PORT)/app", env) == "postgres://db:5432/app");
  CHECK(expand_references("$$(HOST)", env) == "$(HOST)");
  CHECK(expand_references("$$$(HOST)", env) == "$db");
  CHECK(expand_references("$(MISSING)-$(HOST)", env) == "$(MISSING)-db");
  CHECK(expand_references("x$(EMPTY)y", env) == "xy");
  CHECK(expand_references("$(HOST", env) == "$(HOST");
  CHECK(expand_references("cost $5 and $HOST", env) == "cost $5 and $HOST");
  CHECK(expand_references("trailing $", env) == "trailing $");
  CHECK(expand_references("$$", env) == "$");
  CHECK(expand_references("", env).empty());
}

namespace {

struct Loaded {
  model::Model model;
  Environment environment(std::size_t pod = 0, std::size_t container = 0) const {
    auto lookup = [this](std::string_view ns, std::string_view name) -> const model::ConfigMap* {
      for (const model::ConfigMap& cm : model.config_maps) {
        if (cm.meta.namespace_name.value == ns && cm.meta.name.value == name) return &cm;
      }
      return nullptr;
    };
    const model::PodSource& p = model.pod_sources.at(pod);
    return container_environment(p, p.containers.at(container), lookup);
  }
};

Loaded load(const std::string& text) {
  std::vector<InputText> inputs;
  inputs.push_back({"pod.yaml", text, true, {}});
  return Loaded{load_inputs(std::move(inputs), LoadOptions{}).model};
}

}  // namespace

TEST_CASE("environment: envFrom first, then env in order; each value expands against what came before") {
  const Loaded l = load(R"yaml(apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {DB_HOST: postgres.data, LOG: info, FROM_CM: cm}
---
apiVersion: v1
kind: Pod
metadata: {name: app, namespace: shop}
spec:
  containers:
    - name: app
      image: app
      envFrom:
        - configMapRef: {name: settings}
        - configMapRef: {name: settings}
          prefix: CFG_
        - secretRef: {name: secret}
        - configMapRef: {name: not-in-view}
      env:
        - {name: LOG, value: debug}
        - {name: URL, value: "http://$(DB_HOST):$(PORT)"}
        - {name: PORT, value: "5432"}
        - {name: URL2, value: "http://$(DB_HOST):$(PORT)"}
        - name: NS
          valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
        - name: POD
          valueFrom: {fieldRef: {fieldPath: metadata.name}}
        - name: KEY
          valueFrom: {configMapKeyRef: {name: settings, key: FROM_CM}}
        - name: PASSWORD
          valueFrom: {secretKeyRef: {name: secret, key: password}}
        - {name: SELF, value: "$(NS)/$(POD)/$(KEY)/$$(NS)"}
)yaml");
  const Environment env = l.environment();
  CHECK(env.at("DB_HOST") == "postgres.data");
  CHECK(env.at("CFG_DB_HOST") == "postgres.data");
  CHECK(env.at("LOG") == "debug");                         // env wins over envFrom
  CHECK(env.at("URL") == "http://postgres.data:$(PORT)");  // PORT is defined later: kept
  CHECK(env.at("URL2") == "http://postgres.data:5432");
  CHECK(env.at("NS") == "shop");  // downward API metadata.namespace
  CHECK(env.count("POD") == 0);   // metadata.name: not in the manifest
  CHECK(env.at("KEY") == "cm");
  CHECK(env.count("PASSWORD") == 0);  // Secrets are never read
  CHECK(env.at("SELF") == "shop/$(POD)/cm/$(NS)");
  CHECK(expand_references("--db=$(DB_HOST) --ns=$(NS)", env) == "--db=postgres.data --ns=shop");
}

}  // namespace netlint::index
