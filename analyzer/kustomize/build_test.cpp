// kustomize builds checked against their expected output, written by hand from the kustomize
// documentation (no kustomize binary is packaged here): each case names the documented behaviour.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "analyzer/kustomize/build.h"
#include "analyzer/kustomize/generators.h"
#include "analyzer/kustomize/patches.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::kustomize {
namespace {

// A compact rendering of a built object: maps as {k: v, ...} in order, lists as [a, b].
std::string render(const Doc& d) {
  if (d.is_scalar()) return d.value;
  std::string out;
  if (d.is_map()) {
    out = "{";
    for (std::size_t i = 0; i < d.entries.size(); ++i) {
      out += (i == 0 ? "" : ", ") + render(d.entries[i].first) + ": " + render(d.entries[i].second);
    }
    return out + "}";
  }
  if (d.is_sequence()) {
    out = "[";
    for (std::size_t i = 0; i < d.items.size(); ++i) out += (i == 0 ? "" : ", ") + render(d.items[i]);
    return out + "]";
  }
  return "null";
}

Doc parse(const std::string& text, std::vector<yaml::Tree>& keep) {
  const auto spans = yaml::split_documents(text);
  keep.push_back(*yaml::parse_document(text, spans[0].begin, spans[0].end, 0).tree);
  std::size_t budget = 100000;
  return *copy_node(yaml::root_of(keep.back()), budget);
}

struct Run {
  std::vector<InputText> inputs;
  std::vector<std::vector<std::optional<yaml::Tree>>> trees;
  std::vector<BuildNote> notes;
  std::vector<Build> builds;
};

Run build(std::vector<std::pair<std::string, std::string>> files) {
  Run run;
  for (auto& [path, text] : files) {
    InputText input;
    input.path = path;
    input.text = text;
    run.inputs.push_back(std::move(input));
  }
  run.trees.resize(run.inputs.size());
  for (std::size_t i = 0; i < run.inputs.size(); ++i) {
    for (const auto& span : yaml::split_documents(run.inputs[i].text)) {
      run.trees[i].push_back(
          yaml::parse_document(run.inputs[i].text, span.begin, span.end, static_cast<FileId>(i)).tree);
    }
  }
  const BuildPlan plan = plan_builds(run.inputs);
  run.builds = run_builds(
      plan, run.inputs, [&](FileId f) { return &run.trees[f]; }, run.notes);
  return run;
}

std::vector<std::string> rendered(const Build& b) {
  std::vector<std::string> out;
  for (const BuiltObject& o : b.objects) out.push_back(render(o.doc));
  return out;
}

}  // namespace

TEST_CASE("strategic merge: containers merge by name, their ports by containerPort, $patch: delete removes an item") {
  std::vector<yaml::Tree> keep;
  Doc base =
      parse("spec: {containers: [{name: a, image: x, ports: [{containerPort: 80}]}, {name: b, image: y}]}", keep);
  const Doc patch = parse(
      "spec: {containers: [{name: a, ports: [{containerPort: 80, name: http}, {containerPort: 90}]}, {name: b, $patch: "
      "delete}]}",
      keep);
  CHECK(strategic_merge(base, patch));
  CHECK(render(base) ==
        "{spec: {containers: [{name: a, image: x, ports: [{containerPort: 80, name: http}, {containerPort: 90}]}]}}");
}

TEST_CASE("strategic merge: maps merge, other lists are replaced, null deletes, $patch: replace replaces a map") {
  std::vector<yaml::Tree> keep;
  Doc base = parse("spec: {selector: {app: a, tier: t}, args: [x, y], keep: 1, drop: 2, tpl: {a: 1, b: 2}}", keep);
  const Doc patch = parse("spec: {selector: {app: b}, args: [z], drop: null, tpl: {$patch: replace, c: 3}}", keep);
  CHECK(strategic_merge(base, patch));
  CHECK(render(base) == "{spec: {selector: {app: b, tier: t}, args: [z], keep: 1, tpl: {c: 3}}}");
}

TEST_CASE("JSON 6902: add, replace and remove apply; a missing path is reported") {
  std::vector<yaml::Tree> keep;
  Doc base = parse("spec: {ports: [{port: 80}], selector: {app: a}}", keep);
  const Doc ops = parse(
      "[{op: add, path: /spec/ports/-, value: {port: 443}}, {op: replace, path: /spec/selector/app, value: b},"
      " {op: remove, path: /spec/ports/0}, {op: move, from: /a, path: /b}, {op: replace, path: /spec/nothing, value: "
      "1}]",
      keep);
  const auto failed = apply_json6902(base, ops);
  CHECK(render(base) == "{spec: {ports: [{port: 443}], selector: {app: b}}}");
  REQUIRE(failed.size() == 2);
  CHECK(failed[0] == "move /b");  // /a is not there
  CHECK(failed[1] == "replace /spec/nothing");
}

TEST_CASE("JSON 6902 (RFC 6902 4.4-4.6): move and copy carry the value, test checks it") {
  std::vector<yaml::Tree> keep;
  Doc base = parse("spec: {selector: {app: a}, ports: [{port: 80}, {port: 81}], template: {labels: {}}}", keep);
  const Doc ops = parse(
      "[{op: test, path: /spec/selector/app, value: a}, {op: copy, from: /spec/selector/app, path: "
      "/spec/template/labels/app},"
      " {op: move, from: /spec/ports/1, path: /spec/ports/0}, {op: test, path: /spec/ports/0, value: {port: 81}}]",
      keep);
  CHECK(apply_json6902(base, ops).empty());
  CHECK(render(base) == "{spec: {selector: {app: a}, ports: [{port: 81}, {port: 80}], template: {labels: {app: a}}}}");
  // The copy reads where its text is: the selector value in the base.
  CHECK(base.at({"spec", "template", "labels"})->get("app")->range == base.at({"spec", "selector", "app"})->range);

  // A failing test, a test of a string against a number, a move into its own child, a missing
  // `from`: kustomize refuses these, so each is reported and nothing is written.
  const Doc refused = parse(
      "[{op: test, path: /spec/selector/app, value: b}, {op: test, path: /spec/ports/0/port, value: '81'},"
      " {op: move, from: /spec/selector, path: /spec/selector/inner}, {op: copy, path: /spec/x}]",
      keep);
  const std::string before = render(base);
  const auto failed = apply_json6902(base, refused);
  CHECK(render(base) == before);
  CHECK(failed == std::vector<std::string>{"test /spec/selector/app", "test /spec/ports/0/port",
                                           "move /spec/selector/inner", "copy /spec/x"});
}

TEST_CASE("a strategic-merge patch with a target: every match patched, none renamed by the patch's own name") {
  // kustomize PatchTransformer: each resource the target selects gets a copy of the patch named
  // as that resource, so the placeholder name in the patch renames nothing.
  const Run run = build({
      {"kustomization.yaml",
       "resources: [app.yaml]\npatches:\n- target: {kind: Deployment, labelSelector: tier=backend}\n"
       "  patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: not-used, namespace: x}\n"
       "    spec: {replicas: 3}\n"},
      {"app.yaml",
       "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, labels: {tier: backend}}\n---\n"
       "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b, labels: {tier: backend}}\n---\n"
       "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c, labels: {tier: frontend}}\n"},
  });
  REQUIRE(run.builds.size() == 1);
  const auto objects = rendered(run.builds[0]);
  REQUIRE(objects.size() == 3);
  CHECK(objects[0] ==
        "{apiVersion: apps/v1, kind: Deployment, metadata: {name: a, labels: {tier: backend}}, spec: {replicas: 3}}");
  CHECK(objects[1] ==
        "{apiVersion: apps/v1, kind: Deployment, metadata: {name: b, labels: {tier: backend}}, spec: {replicas: 3}}");
  CHECK(objects[2] == "{apiVersion: apps/v1, kind: Deployment, metadata: {name: c, labels: {tier: frontend}}}");
}

TEST_CASE("an overlay: namespace, namePrefix with name references, commonLabels on selectors and templates") {
  // kustomize docs (namePrefix, commonLabels): the Service is renamed and the StatefulSet's
  // serviceName follows it; the Ingress class name does not follow the IngressClass.
  const Run run = build({
      {"base/kustomization.yaml", "resources: [app.yaml]\n"},
      {"base/app.yaml",
       "apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {ports: [{port: 5432}]}\n---\n"
       "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {serviceName: db, selector: {matchLabels: "
       "{app: db}},"
       " template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: pg:15}]}}}\n---\n"
       "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\n---\n"
       "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec: {ingressClassName: nginx}\n"},
      {"prod/kustomization.yaml",
       "resources: [../base]\nnamespace: prod\nnamePrefix: p-\ncommonLabels: {team: t}\nimages: [{name: pg, newTag: "
       "'16'}]\n"},
  });
  REQUIRE(run.builds.size() == 1);
  CHECK(run.builds[0].built);
  const auto objects = rendered(run.builds[0]);
  REQUIRE(objects.size() == 4);
  CHECK(objects[0] ==
        "{apiVersion: v1, kind: Service, metadata: {name: p-db, namespace: prod, labels: {team: t}}, "
        "spec: {ports: [{port: 5432}], selector: {team: t}}}");
  CHECK(objects[1] ==
        "{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: p-db, namespace: prod, labels: {team: t}}, "
        "spec: {serviceName: p-db, selector: {matchLabels: {app: db, team: t}}, template: {metadata: {labels: "
        "{app: db, team: t}}, spec: {containers: [{name: db, image: pg:16}]}}}}");
  CHECK(objects[2] ==
        "{apiVersion: networking.k8s.io/v1, kind: IngressClass, metadata: {name: p-nginx, labels: {team: t}}}");
  CHECK(
      objects[3] ==
      "{apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: p-web, namespace: prod, labels: {team: t}}, "
      "spec: {ingressClassName: nginx}}");
  // The label values anchor on the kustomization's commonLabels entry.
  const Doc* team = run.builds[0].objects[0].doc.at({"spec", "selector", "team"});
  REQUIRE(team != nullptr);
  CHECK(team->range.file == 2);
}

TEST_CASE("a missing resource and a patch matching nothing are not built; remote resources are unsupported") {
  const Run missing = build({{"k/kustomization.yaml", "resources: [gone.yaml]\n"}});
  REQUIRE(missing.builds.size() == 1);
  CHECK_FALSE(missing.builds[0].built);
  REQUIRE(missing.notes.size() == 1);
  CHECK(missing.notes[0].topic == "kustomize-not-built");
  const Run unmatched = build({{"k/kustomization.yaml", "resources: [a.yaml]\npatches: [{path: p.yaml}]\n"},
                               {"k/a.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n"},
                               {"k/p.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: b}\n"}});
  CHECK_FALSE(unmatched.builds[0].built);
  const Run remote = build({{"k/kustomization.yaml", "resources: [https://example.com/x.yaml, a.yaml]\n"},
                            {"k/a.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n"}});
  CHECK(remote.builds[0].built);
  CHECK(remote.builds[0].objects.size() == 1);
  REQUIRE(remote.notes.size() == 1);
  CHECK(remote.notes[0].topic == "kustomize-unsupported");
}

TEST_CASE("inert files and side files (patches, replacements, configurations, transformers) are planned apart") {
  std::vector<InputText> inputs(7);
  inputs[0].path = "k/kustomization.yaml";
  inputs[0].text =
      "resources: [a.yaml, t.yaml]\npatchesStrategicMerge: [p.yaml]\nreplacements: [{path: r.yaml}]\n"
      "configurations: [c.yaml]\ntransformers: [t.yaml]\n";
  inputs[1].path = "k/a.yaml";
  inputs[2].path = "k/p.yaml";
  inputs[3].path = "k/old.yaml";
  inputs[4].path = "k/r.yaml";
  inputs[5].path = "k/c.yaml";
  inputs[6].path = "k/t.yaml";  // also listed as a resource: still never an object
  const BuildPlan plan = plan_builds(inputs);
  CHECK(plan.resource_files == std::set<FileId>{1});
  CHECK(plan.side_files == std::set<FileId>{2, 4, 5, 6});
  CHECK(plan.inert_files == std::set<FileId>{3});
}

TEST_CASE("configMapGenerator: names get kustomize's hash; references follow; disableNameSuffixHash keeps the name") {
  // kubernetes.io "Declarative Management of Kubernetes Objects Using Kustomize": a ConfigMap
  // generated from application.properties holding "FOO=Bar" is example-configmap-1-8mbdf7882g,
  // one from the literal FOO=Bar is example-configmap-2-g2hdhfc6tk, and a Deployment's reference
  // to example-configmap-1 is renamed to the hashed name.
  const Run run = build({
      {"k/kustomization.yaml",
       "resources: [deploy.yaml]\nconfigMapGenerator:\n- name: example-configmap-1\n  files: [application.properties]\n"
       "- name: example-configmap-2\n  literals: [FOO=Bar]\n- name: plain\n  literals: [a=b]\n  options: "
       "{disableNameSuffixHash: true}\n"},
      {"k/application.properties", "FOO=Bar\n"},
      {"k/deploy.yaml",
       "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec: {template: {spec: {containers: [{name: c, "
       "envFrom: [{configMapRef: {name: example-configmap-1}}]}], volumes: [{name: v, configMap: {name: "
       "example-configmap-2}}]}}}\n"},
  });
  REQUIRE(run.builds.size() == 1);
  CHECK(run.builds[0].built);
  const auto objects = rendered(run.builds[0]);
  REQUIRE(objects.size() == 4);
  CHECK(objects[1] ==
        "{apiVersion: v1, kind: ConfigMap, metadata: {name: example-configmap-1-8mbdf7882g}, "
        "data: {application.properties: FOO=Bar\n}}");
  CHECK(objects[2] ==
        "{apiVersion: v1, kind: ConfigMap, metadata: {name: example-configmap-2-g2hdhfc6tk}, data: {FOO: Bar}}");
  CHECK(objects[3] == "{apiVersion: v1, kind: ConfigMap, metadata: {name: plain}, data: {a: b}}");
  CHECK(objects[0].find("configMapRef: {name: example-configmap-1-8mbdf7882g}") != std::string::npos);
  CHECK(objects[0].find("configMap: {name: example-configmap-2-g2hdhfc6tk}") != std::string::npos);
  // The file's value anchors in the file itself, whole.
  const Doc* value = run.builds[0].objects[1].doc.at({"data", "application.properties"});
  REQUIRE(value != nullptr);
  CHECK(value->range.file == 1);
  CHECK(value->range.end == 8);
}

TEST_CASE("a component's patch edits a generated ConfigMap before its hash is computed") {
  const Run run = build({
      {"k/kustomization.yaml", "configMapGenerator:\n- name: cfg\n  literals: [FOO=Bar]\ncomponents: [../c]\n"},
      {"c/kustomization.yaml", "kind: Component\npatches:\n- path: p.yaml\n"},
      {"c/p.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {FOO: Baz}\n"},
  });
  REQUIRE(run.builds.size() == 1);
  const auto objects = rendered(run.builds[0]);
  REQUIRE(objects.size() == 1);
  Doc expected = run.builds[0].objects[0].doc;
  expected.at({"metadata", "name"})->value = "cfg";
  CHECK(objects[0] == "{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg-" + generated_name_hash(expected) +
                          "}, data: {FOO: Baz}}");
  CHECK(run.builds[0].objects[0].doc.at({"data", "FOO"})->range.file == 2);  // written last by the patch
}

TEST_CASE("vars: only scalars holding $(NAME) of a declared var become unknown; other $(...) stay") {
  const Run run = build({{"k/kustomization.yaml",
                          "resources: [app.yaml]\nvars:\n- name: HOST\n  objref: {kind: Service, name: web, "
                          "apiVersion: v1}\n"},
                         {"k/app.yaml",
                          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {url: 'http://$(HOST):80', "
                          "other: '$(POD_IP)', plain: web, both: '$(HOST)$(NOPE)$(HOST)', open: '$(HOST'}\n"}});
  REQUIRE(run.builds.size() == 1);
  CHECK(run.builds[0].unsupported.empty());
  CHECK(rendered(run.builds[0]) ==
        std::vector<std::string>{"{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {url: "
                                 "http://__KUSTOMIZE_UNKNOWN__:80, other: $(POD_IP), plain: web, both: "
                                 "__KUSTOMIZE_UNKNOWN__$(NOPE)__KUSTOMIZE_UNKNOWN__, open: $(HOST}}"});
}

TEST_CASE("replacements: a scalar target is unknown; a selector, a created field or a map opens the namespace") {
  const Run run = build({{"k/kustomization.yaml", R"(resources: [app.yaml]
replacements:
- source: {kind: Service, name: web}
  targets:
  - select: {kind: Service}
    reject: [{name: db}]
    fieldPaths: [spec.ports.*.name, spec.selector.app]
  - select: {kind: Service, name: db}
    fieldPaths:
    - spec.externalName
    - spec.ports.[port=5432].appProtocol
    options: {create: true}
  - select: {kind: Service, name: web}
    fieldPaths: [spec.ports]
)"},
                         {"k/app.yaml", R"(apiVersion: v1
kind: Service
metadata: {name: web, namespace: a}
spec: {selector: {app: web}, ports: [{name: http, port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: b}
spec: {externalName: db.example.com, ports: [{port: 5432}]}
)"}});
  REQUIRE(run.builds.size() == 1);
  const Build& b = run.builds[0];
  CHECK(b.unsupported.empty());
  CHECK(rendered(b) == std::vector<std::string>{
                           "{apiVersion: v1, kind: Service, metadata: {name: web, namespace: a}, spec: {selector: "
                           "{app: __KUSTOMIZE_UNKNOWN__}, ports: [{name: __KUSTOMIZE_UNKNOWN__, port: 80}]}}",
                           "{apiVersion: v1, kind: Service, metadata: {name: db, namespace: b}, spec: {externalName: "
                           "__KUSTOMIZE_UNKNOWN__, ports: [{port: 5432}]}}"});
  // a: the selector (and the whole ports list); b: appProtocol does not exist and create is set.
  REQUIRE(b.open_namespaces.size() == 2);
  CHECK(b.open_namespaces.at("a").find("spec.selector.app of Service web") != std::string::npos);
  CHECK(b.open_namespaces.at("b").find("appProtocol") != std::string::npos);
}

TEST_CASE("labels[].fields and a configurations commonLabels table write the pairs where they say") {
  const Run run = build({{"k/kustomization.yaml", R"(resources: [app.yaml]
configurations: [config.yaml]
commonLabels: {team: a}
labels:
- pairs: {tier: web}
  fields:
  - {path: spec/podMetadata/labels, kind: Rollout, create: true}
)"},
                         {"k/config.yaml", "commonLabels:\n- {path: spec/selector/matchLabels, kind: Rollout}\n"},
                         {"k/app.yaml", R"(apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web}
spec: {selector: {matchLabels: {app: web}}}
)"}});
  REQUIRE(run.builds.size() == 1);
  CHECK(run.builds[0].unsupported.empty());
  CHECK(rendered(run.builds[0]) ==
        std::vector<std::string>{"{apiVersion: argoproj.io/v1alpha1, kind: Rollout, metadata: {name: web, labels: "
                                 "{team: a, tier: web}}, spec: {selector: {matchLabels: {app: web, team: a}}, "
                                 "podMetadata: {labels: {tier: web}}}}"});
}

TEST_CASE("configurations: nameReference renames custom references; an unknown table leaves the build unsupported") {
  const Run run =
      build({{"k/kustomization.yaml", "resources: [app.yaml]\nconfigurations: [config.yaml]\nnamePrefix: p-\n"},
             {"k/config.yaml",
              "nameReference:\n- kind: Service\n  fieldSpecs: [{path: spec/svc, kind: "
              "Thing}]\nvarReference:\n- {path: spec/x, kind: Thing}\nfutureTable:\n- "
              "{path: spec/y}\n"},
             {"k/app.yaml",
              "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\napiVersion: "
              "example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec: {svc: web}\n"}});
  REQUIRE(run.builds.size() == 1);
  CHECK(rendered(run.builds[0]) == std::vector<std::string>{"{apiVersion: v1, kind: Service, metadata: {name: p-web}}",
                                                            "{apiVersion: example.com/v1, kind: Thing, metadata: "
                                                            "{name: p-t}, spec: {svc: p-web}}"});
  REQUIRE(run.builds[0].unsupported.size() == 1);
  CHECK(run.builds[0].unsupported[0] == "the futureTable table of the configurations file config.yaml");
}

TEST_CASE("transformers: builtin configs run as the builtin; other fieldSpecs or kinds are not built") {
  const Run run = build({{"k/kustomization.yaml", "resources: [app.yaml]\ntransformers: [t.yaml, odd.yaml]\n"},
                         {"k/t.yaml", R"(apiVersion: builtin
kind: PrefixSuffixTransformer
metadata: {name: p}
prefix: shop-
fieldSpecs: [{path: metadata/name}]
---
apiVersion: builtin
kind: NamespaceTransformer
metadata: {name: n, namespace: shop}
---
apiVersion: builtin
kind: ReplicaCountTransformer
metadata: {name: r}
replica: {name: web, count: 3}
)"},
                         {"k/odd.yaml", R"(apiVersion: builtin
kind: PrefixSuffixTransformer
metadata: {name: p}
prefix: x-
fieldSpecs: [{path: spec/serviceName, kind: StatefulSet}]
)"},
                         {"k/app.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {}\n"}});
  REQUIRE(run.builds.size() == 1);
  CHECK(rendered(run.builds[0]) ==
        std::vector<std::string>{"{apiVersion: apps/v1, kind: Deployment, metadata: {name: shop-web, namespace: shop}, "
                                 "spec: {replicas: 3}}"});
  REQUIRE(run.builds[0].unsupported.size() == 1);
  CHECK(run.builds[0].unsupported[0] == "the PrefixSuffixTransformer transformer odd.yaml");
}

TEST_CASE("openapi/crds: builtin kinds are built as usual; custom resources' namespaces are open") {
  const Run run = build({{"k/kustomization.yaml", "resources: [app.yaml]\ncrds: [crd.json]\n"},
                         {"k/app.yaml",
                          "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: y}\n---\n"
                          "apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t, namespace: x}\n"
                          "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: "
                          "{name: r, namespace: z}\n"}});
  REQUIRE(run.builds.size() == 1);
  CHECK(run.builds[0].unsupported.empty());
  REQUIRE(run.builds[0].open_namespaces.size() == 2);
  CHECK(run.builds[0].open_namespaces.count("x") == 1);
  CHECK(run.builds[0].open_namespaces.count("z") == 1);  // Gateway API is a CRD, though under k8s.io
  CHECK(run.builds[0].open_namespaces.at("x").find("Thing t follows the crds schemas") != std::string::npos);
}

}  // namespace netlint::kustomize
