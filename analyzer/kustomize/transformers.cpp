#include "analyzer/kustomize/transformers.h"

#include <algorithm>
#include <functional>

#include "analyzer/kustomize/field_path.h"
#include "analyzer/model/extract.h"

namespace netlint::kustomize {
namespace {

const std::string kNone;

bool is_workload_with_template(std::string_view kind) {
  return kind == "Deployment" || kind == "ReplicaSet" || kind == "DaemonSet" || kind == "StatefulSet" ||
         kind == "ReplicationController" || kind == "Job";
}

// Sets each label on a map node, creating the map (and its parents) when `create` is true.
void set_pairs(Doc& object, std::initializer_list<std::string_view> path, const std::vector<LabelPair>& pairs,
               bool create) {
  Doc* at = &object;
  for (std::string_view step : path) {
    Doc* next = at->is_map() ? at->get(step) : nullptr;
    if (next == nullptr || next->kind == yaml::NodeKind::kNull) {
      if (!create || !(at->is_map())) return;
      next = &at->set(step, Doc::map(pairs.front().key.at), pairs.front().key.at);
    }
    at = next;
  }
  if (!at->is_map()) {
    if (!create || at->kind != yaml::NodeKind::kNull) return;
    *at = Doc::map(pairs.front().key.at);
  }
  for (const LabelPair& pair : pairs) {
    at->set(pair.key.value, Doc::scalar(pair.value.value, pair.value.at), pair.key.at);
  }
}

// Calls `visit` on each node a spec of `specs` names in `r` (its kind matching).
void for_each_spec_node(Resource& r, const std::vector<FieldSpec>& specs, const std::function<void(Doc&)>& visit) {
  for (const FieldSpec& spec : specs) {
    if (!spec.kind.empty() && spec.kind != r.kind()) continue;
    if (!spec.group.empty() && spec.group != r.api_group()) continue;
    visit_path(r.doc, parse_field_spec_path(spec.path.value), visit,
               spec.create ? std::optional(spec.path.at) : std::nullopt);
  }
}

}  // namespace

void add_pairs_at(Resource& r, const FieldSpec& spec, const std::vector<LabelPair>& pairs) {
  if (!spec.kind.empty() && spec.kind != r.kind()) return;
  if (!spec.group.empty() && spec.group != r.api_group()) return;
  const std::optional<SourceRange> create = spec.create ? std::optional(spec.path.at) : std::nullopt;
  visit_path(
      r.doc, parse_field_spec_path(spec.path.value),
      [&](Doc& node) {
        if (node.kind == yaml::NodeKind::kNull && spec.create) node = Doc::map(spec.path.at);
        if (!node.is_map()) return;
        for (const LabelPair& pair : pairs)
          node.set(pair.key.value, Doc::scalar(pair.value.value, pair.value.at), pair.key.at);
      },
      create);
}

namespace {

// The containers and init containers of a pod spec.
void for_each_container(Doc& pod_spec, const std::function<void(Doc&)>& visit) {
  for (const char* key : {"containers", "initContainers"}) {
    if (Doc* list = pod_spec.get(key); list != nullptr && list->is_sequence()) {
      for (Doc& c : list->items) {
        if (c.is_map()) visit(c);
      }
    }
  }
}

void rename_scalar(Doc* node, const std::string& from, const std::string& to) {
  if (node != nullptr && node->is_scalar() && node->value == from) node->value = to;
}

void for_each_item(Doc* list, const std::function<void(Doc&)>& visit) {
  if (list == nullptr || !list->is_sequence()) return;
  for (Doc& item : list->items) {
    if (item.is_map()) visit(item);
  }
}

bool is_affixed_kind(const std::string& kind) {
  return kind != "CustomResourceDefinition" && kind != "APIService" && kind != "Namespace";
}

// The referrer fields of kustomize's nameReference table (builtinpluginconsts/namereference.go)
// for the kinds netlint reads, renamed from `from` to `to` in `referrer`.
void rename_references_in(Resource& referrer, const std::string& kind, const std::string& from, const std::string& to) {
  Doc& d = referrer.doc;
  const std::string rkind = referrer.kind();
  if (kind == "Service") {
    if (rkind == "StatefulSet") rename_scalar(d.at({"spec", "serviceName"}), from, to);
    if (rkind == "Ingress") {
      rename_scalar(d.at({"spec", "defaultBackend", "service", "name"}), from, to);
      rename_scalar(d.at({"spec", "backend", "serviceName"}), from, to);
      for_each_item(d.at({"spec", "rules"}), [&](Doc& rule) {
        for_each_item(rule.at({"http", "paths"}), [&](Doc& path) {
          rename_scalar(path.at({"backend", "service", "name"}), from, to);
          rename_scalar(path.at({"backend", "serviceName"}), from, to);
        });
      });
    }
    if (rkind == "APIService") rename_scalar(d.at({"spec", "service", "name"}), from, to);
    if (rkind == "MutatingWebhookConfiguration" || rkind == "ValidatingWebhookConfiguration") {
      for_each_item(d.get("webhooks"), [&](Doc& hook) {
        rename_scalar(hook.at({"clientConfig", "service", "name"}), from, to);
      });
    }
    return;
  }
  if (kind == "ConfigMap" || kind == "Secret") {
    const bool cm = kind == "ConfigMap";
    if (Doc* spec = pod_spec_of(d)) {
      for_each_item(spec->get("volumes"), [&](Doc& volume) {
        if (cm)
          rename_scalar(volume.at({"configMap", "name"}), from, to);
        else
          rename_scalar(volume.at({"secret", "secretName"}), from, to);
        for_each_item(volume.at({"projected", "sources"}), [&](Doc& source) {
          rename_scalar(source.at({cm ? "configMap" : "secret", "name"}), from, to);
        });
      });
      for_each_container(*spec, [&](Doc& container) {
        for_each_item(container.get("env"), [&](Doc& env) {
          rename_scalar(env.at({"valueFrom", cm ? "configMapKeyRef" : "secretKeyRef", "name"}), from, to);
        });
        for_each_item(container.get("envFrom"), [&](Doc& env) {
          rename_scalar(env.at({cm ? "configMapRef" : "secretRef", "name"}), from, to);
        });
      });
      if (!cm) for_each_item(spec->get("imagePullSecrets"), [&](Doc& s) { rename_scalar(s.get("name"), from, to); });
    }
    if (!cm && rkind == "Ingress") {
      for_each_item(d.at({"spec", "tls"}), [&](Doc& tls) { rename_scalar(tls.get("secretName"), from, to); });
      for (const char* a : {"nginx.ingress.kubernetes.io/auth-secret", "nginx.ingress.kubernetes.io/auth-tls-secret"}) {
        rename_scalar(d.at({"metadata", "annotations", a}), from, to);
      }
    }
    if (!cm && rkind == "ServiceAccount") {
      for_each_item(d.get("secrets"), [&](Doc& s) { rename_scalar(s.get("name"), from, to); });
      for_each_item(d.get("imagePullSecrets"), [&](Doc& s) { rename_scalar(s.get("name"), from, to); });
    }
    return;
  }
  if (rkind == "HorizontalPodAutoscaler") {
    const Doc* target_kind = d.at({"spec", "scaleTargetRef", "kind"});
    if (target_kind != nullptr && target_kind->text() == kind)
      rename_scalar(d.at({"spec", "scaleTargetRef", "name"}), from, to);
  }
}

// The label fields of commonLabels (builtinpluginconsts/commonlabels.go), per kind: the path
// and whether kustomize creates it when missing.
void add_selector_labels(Resource& r, const std::vector<LabelPair>& pairs) {
  const std::string kind = r.kind();
  Doc& d = r.doc;
  if (kind == "Service" && r.api_group().empty()) {
    const Doc* type = d.at({"spec", "type"});
    if (type == nullptr || type->text() != "ExternalName") set_pairs(d, {"spec", "selector"}, pairs, true);
  } else if (kind == "ReplicationController") {
    set_pairs(d, {"spec", "selector"}, pairs, true);
  } else if (kind == "Deployment" || kind == "ReplicaSet" || kind == "DaemonSet" || kind == "StatefulSet") {
    set_pairs(d, {"spec", "selector", "matchLabels"}, pairs, true);
  } else if (kind == "Job") {
    set_pairs(d, {"spec", "selector", "matchLabels"}, pairs, false);
  } else if (kind == "CronJob") {
    set_pairs(d, {"spec", "jobTemplate", "spec", "selector", "matchLabels"}, pairs, false);
  } else if (kind == "PodDisruptionBudget") {
    set_pairs(d, {"spec", "selector", "matchLabels"}, pairs, false);
  } else if (kind == "NetworkPolicy") {
    set_pairs(d, {"spec", "podSelector", "matchLabels"}, pairs, false);
    for (const char* direction : {"ingress", "egress"}) {
      for_each_item(d.at({"spec", direction}), [&](Doc& rule) {
        for_each_item(rule.get(std::string_view(direction) == "ingress" ? "from" : "to"), [&](Doc& peer) {
          set_pairs(peer, {"podSelector", "matchLabels"}, pairs, false);
        });
      });
    }
  }
}

void add_template_labels(Resource& r, const std::vector<LabelPair>& pairs) {
  const std::string kind = r.kind();
  if (is_workload_with_template(kind)) set_pairs(r.doc, {"spec", "template", "metadata", "labels"}, pairs, true);
  if (kind == "CronJob") {
    set_pairs(r.doc, {"spec", "jobTemplate", "metadata", "labels"}, pairs, true);
    set_pairs(r.doc, {"spec", "jobTemplate", "spec", "template", "metadata", "labels"}, pairs, true);
  }
}

// `name[:tag][@digest]` split at the name's end.
std::size_t image_name_end(const std::string& image) {
  std::size_t end = image.find('@');
  if (end == std::string::npos) end = image.size();
  const std::size_t colon = image.rfind(':', end);
  const std::size_t slash = image.rfind('/', end);
  if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) end = colon;
  return end;
}

}  // namespace

std::string Resource::kind() const {
  const Doc* k = doc.get("kind");
  return k == nullptr ? std::string() : k->text();
}

std::string Resource::api_group() const {
  const Doc* v = doc.get("apiVersion");
  if (v == nullptr) return {};
  const std::string& s = v->text();
  const auto slash = s.find('/');
  return slash == std::string::npos ? std::string() : s.substr(0, slash);
}

std::string Resource::name() const {
  const Doc* n = doc.at({"metadata", "name"});
  return n == nullptr ? std::string() : n->text();
}

std::string Resource::name_space() const {
  const Doc* n = doc.at({"metadata", "namespace"});
  return n == nullptr ? std::string() : n->text();
}

bool Resource::has_name(std::string_view n) const {
  return name() == n || std::find(names.begin(), names.end(), n) != names.end();
}

bool is_builtin_api(const Resource& r) {
  static constexpr std::string_view kGroups[] = {"",
                                                 "apps",
                                                 "batch",
                                                 "policy",
                                                 "autoscaling",
                                                 "extensions",
                                                 "networking.k8s.io",
                                                 "rbac.authorization.k8s.io",
                                                 "storage.k8s.io",
                                                 "admissionregistration.k8s.io",
                                                 "apiextensions.k8s.io",
                                                 "apiregistration.k8s.io",
                                                 "scheduling.k8s.io",
                                                 "coordination.k8s.io",
                                                 "discovery.k8s.io",
                                                 "node.k8s.io",
                                                 "certificates.k8s.io",
                                                 "events.k8s.io",
                                                 "flowcontrol.apiserver.k8s.io",
                                                 "resource.k8s.io"};
  const std::string group = r.api_group();
  return std::find(std::begin(kGroups), std::end(kGroups), group) != std::end(kGroups);
}

Doc* pod_spec_of(Doc& object) {
  const Doc* k = object.get("kind");
  const std::string kind = k == nullptr ? std::string() : k->text();
  Doc* spec = nullptr;
  if (kind == "Pod")
    spec = object.get("spec");
  else if (kind == "CronJob")
    spec = object.at({"spec", "jobTemplate", "spec", "template", "spec"});
  else
    spec = object.at({"spec", "template", "spec"});
  return spec != nullptr && spec->is_map() ? spec : nullptr;
}

void set_namespace(std::vector<Resource>& resources, const Entry& ns, const FieldSpecTables& extra) {
  for (Resource& r : resources) {
    const std::string kind = r.kind();
    if (kind == "Namespace") {
      // kustomize renames the build's Namespace objects to its namespace (RULES.md "namespace").
      if (Doc* name = r.doc.at({"metadata", "name"})) {
        if (name->is_scalar() && name->value != ns.value) r.names.push_back(name->value);
        *name = Doc::scalar(ns.value, ns.at);
      }
      continue;
    }
    for_each_spec_node(r, extra.name_space, [&](Doc& node) {
      if (node.is_scalar() || node.is_map()) node = Doc::scalar(ns.value, ns.at);
    });
    if (model::is_cluster_scoped(kind)) continue;
    Doc* metadata = r.doc.get("metadata");
    if (metadata == nullptr || !metadata->is_map()) continue;
    metadata->set("namespace", Doc::scalar(ns.value, ns.at), ns.at);
  }
}

void add_name_affixes(std::vector<Resource>& resources, const std::optional<Entry>& prefix,
                      const std::optional<Entry>& suffix, const FieldSpecTables& extra) {
  struct Renamed {
    std::string kind, name_space, from, to;
  };
  std::vector<Renamed> renamed;
  for (Resource& r : resources) {
    const std::string kind = r.kind();
    if (!is_affixed_kind(kind)) continue;
    Doc* name = r.doc.at({"metadata", "name"});
    if (name == nullptr || !name->is_scalar() || name->value.empty()) continue;
    const std::string from = name->value;
    name->value = (prefix ? prefix->value : kNone) + from + (suffix ? suffix->value : kNone);
    if (name->value == from) continue;
    r.names.push_back(from);
    renamed.push_back({kind, r.name_space(), from, name->value});
  }
  // Further name fields a `configurations` file lists (a custom kind's own names).
  for (Resource& r : resources) {
    if (prefix)
      for_each_spec_node(r, extra.name_prefix, [&](Doc& n) {
        if (n.is_scalar() && !n.value.empty()) n.value = prefix->value + n.value;
      });
    if (suffix)
      for_each_spec_node(r, extra.name_suffix, [&](Doc& n) {
        if (n.is_scalar() && !n.value.empty()) n.value += suffix->value;
      });
  }
  for (const Renamed& n : renamed)
    rename_references(resources, n.kind, n.name_space, n.from, n.to, extra.name_references);
}

void rename_references(std::vector<Resource>& resources, const std::string& kind, const std::string& name_space,
                       const std::string& from, const std::string& to, const std::vector<NameReference>& extra) {
  for (Resource& referrer : resources) {
    if (!name_space.empty() && !referrer.name_space().empty() && referrer.name_space() != name_space) continue;
    rename_references_in(referrer, kind, from, to);
    for (const NameReference& ref : extra) {
      if (ref.kind != kind) continue;
      for_each_spec_node(referrer, ref.referrers, [&](Doc& n) { rename_scalar(&n, from, to); });
    }
  }
}

void add_labels(std::vector<Resource>& resources, const LabelSet& labels, const FieldSpecTables& extra) {
  if (labels.pairs.empty()) return;
  for (Resource& r : resources) {
    set_pairs(r.doc, {"metadata", "labels"}, labels.pairs, true);
    if (labels.include_templates) add_template_labels(r, labels.pairs);
    if (labels.include_selectors) add_selector_labels(r, labels.pairs);
    for (const FieldSpec& spec : labels.fields) add_pairs_at(r, spec, labels.pairs);
    if (labels.include_selectors) {
      for (const FieldSpec& spec : extra.common_labels) add_pairs_at(r, spec, labels.pairs);
    }
    if (labels.include_templates) {
      for (const FieldSpec& spec : extra.template_labels) add_pairs_at(r, spec, labels.pairs);
    }
  }
}

void add_annotations(std::vector<Resource>& resources, const std::vector<LabelPair>& annotations,
                     const FieldSpecTables& extra) {
  if (annotations.empty()) return;
  for (Resource& r : resources) {
    for (const FieldSpec& spec : extra.common_annotations) add_pairs_at(r, spec, annotations);
    set_pairs(r.doc, {"metadata", "annotations"}, annotations, true);
    if (is_workload_with_template(r.kind()))
      set_pairs(r.doc, {"spec", "template", "metadata", "annotations"}, annotations, true);
  }
}

void set_replicas(std::vector<Resource>& resources, const Replica& replica, const FieldSpecTables& extra) {
  for (Resource& r : resources) {
    const std::string kind = r.kind();
    if (r.has_name(replica.name.value)) {
      for_each_spec_node(r, extra.replicas, [&](Doc& n) {
        if (n.is_scalar() || n.is_map()) n = Doc::scalar(replica.count.value, replica.count.at);
      });
    }
    if (kind != "Deployment" && kind != "ReplicaSet" && kind != "StatefulSet" && kind != "ReplicationController")
      continue;
    if (!r.has_name(replica.name.value)) continue;
    Doc* spec = r.doc.get("spec");
    if (spec == nullptr || !spec->is_map()) continue;
    spec->set("replicas", Doc::scalar(replica.count.value, replica.count.at), replica.name.at);
  }
}

namespace {

// An image reference rewritten as an `images` entry says, when its name is the entry's.
void rewrite_image(Doc& node, const Image& image) {
  if (!node.is_scalar()) return;
  const std::string& current = node.value;
  const std::size_t end = image_name_end(current);
  if (current.substr(0, end) != image.name.value) return;
  std::string name = image.new_name ? image.new_name->value : current.substr(0, end);
  std::string rest = current.substr(end);
  if (image.digest)
    rest = "@" + image.digest->value;
  else if (image.new_tag)
    rest = ":" + image.new_tag->value;
  const SourceRange at = image.new_tag    ? image.new_tag->at
                         : image.new_name ? image.new_name->at
                         : image.digest   ? image.digest->at
                                          : image.name.at;
  node = Doc::scalar(name + rest, at);
}

}  // namespace

void set_image(std::vector<Resource>& resources, const Image& image, const FieldSpecTables& extra) {
  for (Resource& r : resources) {
    for_each_spec_node(r, extra.images, [&](Doc& node) { rewrite_image(node, image); });
    Doc* spec = pod_spec_of(r.doc);
    if (spec == nullptr) continue;
    for_each_container(*spec, [&](Doc& container) {
      if (Doc* node = container.get("image")) rewrite_image(*node, image);
    });
  }
}

}  // namespace netlint::kustomize
