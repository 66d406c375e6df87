// Apply units and the namespace binding of namespace-less objects (RULES.md "Apply units and
// namespaces"), through the loader as a user's files reach them.
#include <doctest/doctest.h>

#include "analyzer/loader/loader.h"
#include "analyzer/model/apply_units.h"

namespace netlint::model {
namespace {

Model load_files(std::vector<std::pair<std::string, std::string>> files) {
  std::vector<InputText> inputs;
  for (auto& [path, text] : files) inputs.push_back({path, std::move(text), true, {}});
  return load_inputs(std::move(inputs), LoadOptions{}).model;
}

std::string metadata(const std::string& name, const std::string& ns) {
  return ns.empty() ? "{name: " + name + "}" : "{name: " + name + ", namespace: " + ns + "}";
}

std::string deployment(const std::string& app, const std::string& ns = "") {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: " + metadata(app, ns) +
         "\nspec:\n  template:\n    metadata: {labels: {app: " + app + "}}\n    spec: {containers: [{name: c}]}\n---\n";
}

std::string service(const std::string& app, const std::string& ns = "") {
  return "apiVersion: v1\nkind: Service\nmetadata: " + metadata(app, ns) + "\nspec: {selector: {app: " + app +
         "}, ports: [{port: 80}]}\n---\n";
}

std::string ingress(const std::string& backend, const std::string& ns = "") {
  return "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: " + metadata("web", ns) +
         "\nspec: {defaultBackend: {service: {name: " + backend + ", port: {number: 80}}}}\n---\n";
}

const SourceFile& file(const Model& m, std::string_view path) {
  for (const SourceFile& f : m.files) {
    if (f.path == path) return f;
  }
  FAIL("no file " << path);
  return m.files.front();
}

const std::string& namespace_of(const Model& m, std::string_view kind, std::string_view name) {
  for (const ObjectMeta& o : m.objects) {
    if (o.kind.value == kind && o.name.value == name) return o.namespace_name.value;
  }
  FAIL("no " << kind << " " << name);
  static const std::string none;
  return none;
}

}  // namespace

TEST_CASE("a folder split by kind is one apply unit; self-contained examples are units alone") {
  const Model m = load_files({{"app/deployment.yaml", deployment("web")},
                              {"app/service.yaml", service("web")},
                              {"app/ingress.yaml", ingress("web")},
                              {"examples/one.yaml", deployment("nginx") + service("nginx")},
                              {"examples/two.yaml", deployment("nginx")},
                              {"other/service.yaml", service("web")}});
  CHECK(file(m, "app/service.yaml").apply_unit == file(m, "app/deployment.yaml").apply_unit);
  CHECK(file(m, "app/ingress.yaml").apply_unit == file(m, "app/deployment.yaml").apply_unit);
  CHECK(file(m, "app/deployment.yaml").apply_unit == "group:app/deployment.yaml");
  // one.yaml's Service has its pods in its own file: no link to two.yaml.
  CHECK(file(m, "examples/one.yaml").apply_unit != file(m, "examples/two.yaml").apply_unit);
  // Files link within one directory only (`kubectl apply -f DIR` does not recurse).
  CHECK(file(m, "other/service.yaml").apply_unit != file(m, "app/deployment.yaml").apply_unit);
}

TEST_CASE("namespace-less objects applied with files naming exactly one namespace are in it") {
  const Model m = load_files({{"shop/deployment.yaml", deployment("web")},
                              {"shop/service.yaml", service("web", "shop")},
                              {"mixed/deployment.yaml", deployment("api")},
                              {"mixed/a.yaml", service("api", "team-a")},
                              {"mixed/b.yaml", service("api", "team-b")},
                              {"bare/deployment.yaml", deployment("db")},
                              {"bare/service.yaml", service("db")},
                              {"one/all.yaml", deployment("cache") + ingress("cache", "shop") + service("cache")}});
  CHECK(namespace_of(m, "Deployment", "web") == "shop");
  // Linked to files naming two namespaces: it stays in the apply-time namespace.
  CHECK(namespace_of(m, "Deployment", "api") == "~");
  CHECK(namespace_of(m, "Deployment", "db") == "~");
  CHECK(namespace_of(m, "Service", "db") == "~");
  // One file naming one namespace: its bare objects are applied there with it.
  CHECK(namespace_of(m, "Deployment", "cache") == "shop");
  CHECK(namespace_of(m, "Service", "cache") == "shop");
}

TEST_CASE("a reference that many files would satisfy links to none of them") {
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 20; ++i) files.emplace_back("many/deploy-" + std::to_string(i) + ".yaml", deployment("web"));
  files.emplace_back("many/service.yaml", service("web", "shop"));
  const Model m = load_files(std::move(files));
  CHECK(file(m, "many/service.yaml").apply_unit == "group:many/service.yaml");
  CHECK(namespace_of(m, "Service", "web") == "shop");
  for (const ObjectMeta& o : m.objects) {
    if (o.kind.value == "Deployment") CHECK(o.namespace_name.value == "~");
  }
}

}  // namespace netlint::model
