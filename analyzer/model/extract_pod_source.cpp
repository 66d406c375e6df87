// Pod sources: where a pod spec sits in each workload kind, and which labels the controllers add.
#include <algorithm>
#include <array>

#include "analyzer/model/extract.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/model/field_checks.h"
#include "analyzer/model/selector_spec.h"
#include "analyzer/util/go_values.h"

namespace netlint::model {
namespace {

struct WorkloadShape {
  std::string_view kind;
  bool cron;  // CronJob: spec.jobTemplate.spec.template
  std::initializer_list<std::string_view> added_labels;
};

// Labels the controllers put on the pods they create; their values never appear in manifests.
const std::array<WorkloadShape, 7> kWorkloads = {{
    {"Deployment", false, {"pod-template-hash"}},
    {"ReplicaSet", false, {}},
    {"ReplicationController", false, {}},
    {"StatefulSet",
     false,
     {"controller-revision-hash", "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index"}},
    {"DaemonSet", false, {"controller-revision-hash", "pod-template-generation"}},
    {"Job",
     false,
     {"job-name", "batch.kubernetes.io/job-name", "controller-uid", "batch.kubernetes.io/controller-uid",
      "batch.kubernetes.io/job-completion-index"}},
    {"CronJob",
     true,
     {"job-name", "batch.kubernetes.io/job-name", "controller-uid", "batch.kubernetes.io/controller-uid",
      "batch.kubernetes.io/job-completion-index"}},
}};

// Labels a duck-typed controller (Argo Rollout, OpenKruise CloneSet, ...) may add.
constexpr std::array<std::string_view, 3> kDuckTypedAddedLabels = {"pod-template-hash", "rollouts-pod-template-hash",
                                                                   "controller-revision-hash"};

// Operators that create pods from a resource carrying their labels; the containers and every
// label not written are unknown (monitoring.coreos.com).
constexpr std::array<std::string_view, 3> kOperatorPodKinds = {"Prometheus", "Alertmanager", "ThanosRuler"};

// The first `sleep N` (whole seconds) in a command's words: `sleep 15`, `sh -c "sleep 5 && nginx -s quit"`.
std::optional<std::pair<std::int64_t, SourceRange>> sleep_in(const yaml::NodeRef& command) {
  for (std::uint32_t i = 0; i < command.size(); ++i) {
    const yaml::NodeRef item = command.item(i);
    const std::string& text = item.scalar();
    // `sleep` as its own item followed by the number, or `sleep N` inside one item.
    if (text == "sleep" && i + 1 < command.size()) {
      if (auto n = integer_of(command.item(i + 1))) return std::pair{*n, command.item(i + 1).range()};
      const std::string& next = command.item(i + 1).scalar();
      if (!next.empty() && std::all_of(next.begin(), next.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
          next.size() < 10) {
        return std::pair{go_atoi(next).value_or(0), command.item(i + 1).range()};
      }
    }
    for (std::size_t at = text.find("sleep "); at != std::string::npos; at = text.find("sleep ", at + 1)) {
      if (at > 0 && text[at - 1] != ' ' && text[at - 1] != ';' && text[at - 1] != '&' && text[at - 1] != '(') continue;
      std::size_t d = at + 6;
      while (d < text.size() && text[d] == ' ') ++d;
      std::size_t e = d;
      while (e < text.size() && e - d < 9 && text[e] >= '0' && text[e] <= '9') ++e;
      if (e > d && (e == text.size() || text[e] == ' ' || text[e] == ';' || text[e] == '&' || text[e] == ')' ||
                    text[e] == '"')) {
        return std::pair{go_atoi(std::string_view(text).substr(d, e - d)).value_or(0), item.range()};
      }
    }
  }
  return std::nullopt;
}

std::optional<PreStop> extract_pre_stop(const yaml::NodeRef& container) {
  const yaml::NodeRef::Entry entry = container.get("lifecycle").find("preStop");
  if (!entry.value.is_map()) return std::nullopt;
  PreStop p;
  p.range = entry.key.range();
  if (const yaml::NodeRef sleep = entry.value.get("sleep"); sleep.is_map()) {
    p.kind = PreStop::Kind::kSleepAction;
    const yaml::NodeRef seconds = sleep.get("seconds");
    if (auto n = integer_of(seconds)) {
      p.seconds = *n;
      p.range = seconds.range();
    }
  } else if (const yaml::NodeRef exec = entry.value.get("exec"); exec.is_map()) {
    p.kind = PreStop::Kind::kExec;
    if (auto found = sleep_in(exec.get("command"))) {
      p.seconds = found->first;
      p.range = found->second;
    }
  } else if (entry.value.get("httpGet").is_map()) {
    p.kind = PreStop::Kind::kHttpGet;
  }
  return p;
}

std::optional<Probe> extract_probe(const yaml::NodeRef& container, std::string_view key, Problems& problems) {
  const auto entry = container.find(key);
  if (!entry.value.is_map()) return std::nullopt;
  Probe probe;
  probe.key = entry.key.range();
  struct Handler {
    std::string_view key;
    Probe::Kind kind;
  };
  for (const Handler h : {Handler{"httpGet", Probe::Kind::kHttpGet}, Handler{"tcpSocket", Probe::Kind::kTcpSocket},
                          Handler{"grpc", Probe::Kind::kGrpc}, Handler{"exec", Probe::Kind::kExec}}) {
    const yaml::NodeRef handler = entry.value.get(h.key);
    if (!handler) continue;
    probe.kind = h.kind;
    probe.port = text_of(handler.get("port"));
    // A placeholder port (`$PORT`, `PORT`) is unknown: kept empty (check_port marks it).
    if (is_placeholder(probe.port.value, FieldKind::kLowerCase)) probe.port.value.clear();
    probe.port_is_name = !probe.port.value.empty() && !integer_of(handler.get("port"));
    if (h.kind == Probe::Kind::kHttpGet) probe.path = text_of(handler.get("path"));
    check_port(handler.find("port"), h.kind == Probe::Kind::kGrpc ? PortField::kPort : PortField::kNumberOrName,
               std::string(key) + " port", problems);
    break;
  }
  return probe;
}

EnvVar extract_env_var(const yaml::NodeRef& item, Problems& problems) {
  EnvVar var;
  var.name = text_of(item.get("name"));
  if (const yaml::NodeRef value = item.get("value"); value.is_scalar()) var.value = text_of(value);
  const yaml::NodeRef::Entry name = item.find("name");
  check_string(name.key, name.value, {"env name", "env name", "env names must be strings"}, problems);
  if (const yaml::NodeRef::Entry value = item.find("value")) {
    check_string(value.key, value.value,
                 {"env value", "value of env var " + name.value.scalar(), "env values must be strings"}, problems);
  }
  const yaml::NodeRef from = item.get("valueFrom");
  struct Source {
    std::string_view key;
    EnvVar::SourceKind kind;
    std::string_view name_key;
    std::string_view key_key;
  };
  for (const Source s : {Source{"configMapKeyRef", EnvVar::SourceKind::kConfigMapKey, "name", "key"},
                         Source{"secretKeyRef", EnvVar::SourceKind::kSecretKey, "name", "key"},
                         Source{"fieldRef", EnvVar::SourceKind::kField, "", "fieldPath"},
                         Source{"resourceFieldRef", EnvVar::SourceKind::kResource, "", "resource"}}) {
    const yaml::NodeRef ref = from.get(s.key);
    if (!ref.is_map()) continue;
    var.from = s.kind;
    if (!s.name_key.empty()) var.from_name = text_of(ref.get(s.name_key));
    var.from_key = text_of(ref.get(s.key_key));
    break;
  }
  return var;
}

// A string field of a volume or mount (`mountPath`, `subPath`, an item's `key`/`path`).
void check_volume_string(const yaml::NodeRef& map, std::string_view key, std::string_view what, Problems& problems) {
  if (const yaml::NodeRef::Entry field = map.find(key)) {
    check_string(field.key, field.value,
                 {std::string(what), std::string(what), "volume paths and keys must be strings"}, problems);
  }
}

std::vector<VolumeMount> extract_volume_mounts(const yaml::NodeRef& container, Problems& problems) {
  const yaml::NodeRef mounts = container.get("volumeMounts");
  check_list(container.find("volumeMounts"), problems);
  std::vector<VolumeMount> out;
  out.reserve(mounts.size());
  for (std::uint32_t i = 0; i < mounts.size(); ++i) {
    const yaml::NodeRef m = mounts.item(i);
    if (!m.is_map()) continue;
    check_volume_string(m, "mountPath", "mountPath", problems);
    check_volume_string(m, "subPath", "subPath", problems);
    out.push_back({text_of(m.get("name")), text_of(m.get("mountPath")), text_of(m.get("subPath"))});
  }
  return out;
}

// `configMap: {name, items: [{key, path}]}`, as a volume or as a projected volume's source.
ConfigMapFiles extract_config_map_files(const yaml::NodeRef& source, Problems& problems) {
  ConfigMapFiles files;
  files.name = text_of(source.get("name"));
  const yaml::NodeRef items = source.get("items");
  check_list(source.find("items"), problems);
  files.items.reserve(items.size());
  for (std::uint32_t i = 0; i < items.size(); ++i) {
    const yaml::NodeRef item = items.item(i);
    if (!item.is_map()) continue;
    check_volume_string(item, "key", "configMap item key", problems);
    check_volume_string(item, "path", "configMap item path", problems);
    files.items.push_back({text_of(item.get("key")), text_of(item.get("path"))});
  }
  return files;
}

std::vector<ConfigMapVolume> extract_config_map_volumes(const yaml::NodeRef& spec, Problems& problems) {
  const yaml::NodeRef volumes = spec.get("volumes");
  check_list(spec.find("volumes"), problems);
  std::vector<ConfigMapVolume> out;
  for (std::uint32_t i = 0; i < volumes.size(); ++i) {
    const yaml::NodeRef v = volumes.item(i);
    if (!v.is_map()) continue;
    ConfigMapVolume volume;
    if (const yaml::NodeRef cm = v.get("configMap"); cm.is_map()) {
      volume.sources.push_back(extract_config_map_files(cm, problems));
    } else if (const yaml::NodeRef projected = v.get("projected"); projected.is_map()) {
      const yaml::NodeRef sources = projected.get("sources");
      check_list(projected.find("sources"), problems);
      for (std::uint32_t j = 0; j < sources.size(); ++j) {
        if (const yaml::NodeRef source = sources.item(j).get("configMap"); source.is_map()) {
          volume.sources.push_back(extract_config_map_files(source, problems));
        }
      }
    }
    if (volume.sources.empty()) continue;
    volume.name = text_of(v.get("name"));
    out.push_back(std::move(volume));
  }
  out.shrink_to_fit();
  return out;
}

Container extract_container(const yaml::NodeRef& node, bool init, Problems& problems) {
  Container c;
  c.init = init;
  c.name = text_of(node.get("name"));
  c.image = text_of(node.get("image"));
  c.restartable = init && node.get("restartPolicy").scalar() == "Always";
  const yaml::NodeRef ports = node.get("ports");
  check_list(node.find("ports"), problems);
  c.ports.reserve(ports.size());  // exact capacity: the model is most of netlint's memory
  for (std::uint32_t i = 0; i < ports.size(); ++i) {
    const yaml::NodeRef p = ports.item(i);
    if (!p.is_map()) continue;
    check_port(p.find("containerPort"), PortField::kPort, "containerPort", problems);
    const bool protocol_ok = check_protocol(p.find("protocol"), problems);
    check_port_name(p.find("name"), "container port name", problems);
    ContainerPort port;
    port.item = p.range();
    port.name = text_of(p.get("name"));
    // A placeholder name (`${PORT_NAME}`) is unknown: so is which names the container declares.
    if (is_placeholder(port.name.value, FieldKind::kLowerCase)) c.ports_known = false;
    const yaml::NodeRef number = p.get("containerPort");
    const std::optional<std::int64_t> port_number = integer_of(number);
    // An invalid containerPort is NL0004 and the API rejects the pod: which ports the container
    // declares is then unknown (ports_known), so no rule pairs a Service's targetPort against it.
    // So does a protocol it rejects (`tcp`): the port is neither TCP nor another protocol.
    if (!port_number || *port_number < 1 || *port_number > 65535 || !protocol_ok) {
      c.ports_known = false;
      continue;
    }
    port.number = {*port_number, number.range()};
    port.protocol = text_field(p, "protocol");  // defaulted TCP by api_defaults.h
    c.ports.push_back(std::move(port));
  }
  const yaml::NodeRef env = node.get("env");
  check_list(node.find("env"), problems);
  c.env.reserve(env.size());
  for (std::uint32_t i = 0; i < env.size(); ++i) {
    if (env.item(i).is_map()) c.env.push_back(extract_env_var(env.item(i), problems));
  }
  const yaml::NodeRef env_from = node.get("envFrom");
  for (std::uint32_t i = 0; i < env_from.size(); ++i) {
    const yaml::NodeRef item = env_from.item(i);
    EnvFrom ef;
    ef.prefix = text_of(item.get("prefix"));
    if (const yaml::NodeRef cm = item.get("configMapRef"); cm.is_map()) {
      ef.kind = EnvFrom::SourceKind::kConfigMap;
      ef.name = text_of(cm.get("name"));
    } else if (const yaml::NodeRef secret = item.get("secretRef"); secret.is_map()) {
      ef.kind = EnvFrom::SourceKind::kSecret;
      ef.name = text_of(secret.get("name"));
    } else {
      continue;
    }
    c.env_from.push_back(std::move(ef));
  }
  c.command = string_list(node.get("command"));
  c.args = string_list(node.get("args"));
  check_string_list(node.find("command"), "command item", "command items must be strings", problems);
  check_string_list(node.find("args"), "args item", "args must be strings", problems);
  c.volume_mounts = extract_volume_mounts(node, problems);
  c.liveness = extract_probe(node, "livenessProbe", problems);
  c.readiness = extract_probe(node, "readinessProbe", problems);
  c.startup = extract_probe(node, "startupProbe", problems);
  c.pre_stop = extract_pre_stop(node);
  if (const yaml::NodeRef memory = node.get("resources").get("limits").get("memory"); memory.is_scalar())
    c.memory_limit = text_of(memory);
  return c;
}

// pkg/apis/core/validation: validateDNSPolicy, validateRestartPolicy.
constexpr std::string_view kDnsPolicies[] = {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"};
constexpr std::string_view kRestartPolicies[] = {"Always", "OnFailure", "Never"};

void extract_pod_spec(const yaml::NodeRef& spec, PodSource& out, Problems& problems) {
  out.containers.reserve(spec.get("initContainers").size() + spec.get("containers").size());
  for (const auto& [key, init] : {std::pair{"initContainers", true}, std::pair{"containers", false}}) {
    const yaml::NodeRef list = spec.get(key);
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      if (list.item(i).is_map()) out.containers.push_back(extract_container(list.item(i), init, problems));
    }
  }
  // A pod with an invalid containerPort is rejected by the API (NL0004); what it would declare
  // is unknown, so the rules that pair ports with it stay silent.
  for (const Container& c : out.containers) {
    if (!c.ports_known) out.containers_known = false;
  }
  out.config_map_volumes = extract_config_map_volumes(spec, problems);
  const yaml::NodeRef volumes = spec.get("volumes");
  for (std::uint32_t i = 0; i < volumes.size(); ++i) {
    const yaml::NodeRef v = volumes.item(i);
    if (v.is_map() && v.find("emptyDir") && v.get("name").is_scalar())
      out.empty_dir_volumes.push_back(v.get("name").scalar());
  }
  if (const yaml::NodeRef grace = spec.get("terminationGracePeriodSeconds"); grace.is_scalar()) {
    if (auto n = integer_of(grace)) out.termination_grace = Spanned<std::int64_t>{*n, grace.range()};
  }
  const yaml::NodeRef host_network = spec.get("hostNetwork");
  out.host_network = {boolean_of(host_network).value_or(false), host_network.range()};
  check_boolean(spec.find("hostNetwork"), "hostNetwork", problems);
  // Defaulted ClusterFirst by api_defaults.h; a wrong-case value is NL0004 and stays as
  // written, so rules read the pod's DNS as unknown.
  out.dns_policy = text_field(spec, "dnsPolicy");
  check_enum(spec.find("dnsPolicy"), {"dnsPolicy", kDnsPolicies}, problems);
  check_enum(spec.find("restartPolicy"), {"restartPolicy", kRestartPolicies}, problems);
  const yaml::NodeRef aliases = spec.get("hostAliases");
  for (std::uint32_t i = 0; aliases.is_sequence() && i < aliases.size(); ++i) {
    for (Text& host : string_list(aliases.item(i).get("hostnames"))) out.host_aliases.push_back(std::move(host));
  }
  const auto dns = spec.find("dnsConfig");
  if (dns.value.is_map()) {
    DnsConfig config;
    config.key = dns.key.range();
    config.nameservers = string_list(dns.value.get("nameservers"));
    config.searches = string_list(dns.value.get("searches"));
    check_string_list(dns.value.find("nameservers"), "nameserver", "nameservers must be strings", problems);
    check_string_list(dns.value.find("searches"), "search domain", "search domains must be strings", problems);
    const yaml::NodeRef options = dns.value.get("options");
    check_list(dns.value.find("options"), problems);
    for (std::uint32_t i = 0; i < options.size(); ++i) {
      const yaml::NodeRef option = options.item(i);
      if (!option.is_map()) continue;
      const yaml::NodeRef::Entry option_name = option.find("name");
      check_string(option_name.key, option_name.value,
                   {"dnsConfig option name", "dnsConfig option name", "option names must be strings"}, problems);
      DnsOption item;
      item.name = text_of(option.get("name"));
      if (const yaml::NodeRef::Entry option_value = option.find("value")) {
        const std::size_t before = problems.size();
        check_string(option_value.key, option_value.value,
                     {"dnsConfig option value", "value of dnsConfig option " + option_name.value.scalar(),
                      "option values must be strings"},
                     problems);
        if (problems.size() > before) {
          // NL4003 reports the same value as an invalid dnsConfig and wins (RULES.md precedence).
          problems.back().root_cause = dns_option_value_cause(option_value.value.range());
          item.value_type = std::string(yaml_type_phrase(resolve(option_value.value).type));
        }
        item.value = text_of(option_value.value);
      }
      config.options.push_back(std::move(item));
    }
    out.dns_config = std::move(config);
  }
}

void add_labels_from(const yaml::NodeRef& metadata, PodSource& out, Problems& problems) {
  const auto labels = metadata.find("labels");
  out.labels = string_map(labels.value);
  out.labels_key = labels.key.range();
  check_string_map(labels, "label", problems);
}

}  // namespace

std::optional<PodSource> extract_pod_source(const yaml::NodeRef& object, const ObjectMeta& meta,
                                            std::vector<InputProblem>& problems) {
  const std::string& kind = meta.kind.value;
  const yaml::NodeRef spec = object.get("spec");
  PodSource out;
  out.meta = meta;

  if (kind == "Pod" && meta.api_version.value == "v1") {
    out.labels = meta.labels;
    out.labels_key = object.get("metadata").find("labels").key.range();
    out.template_key = object.find("spec").key.range();
    extract_pod_spec(spec, out, problems);
    // A live pod (`kubectl get -o json`) names its controller; the connectivity report names
    // the pod by it, as the pods of one ReplicaSet or DaemonSet are one workload.
    const yaml::NodeRef owners = object.get("metadata").get("ownerReferences");
    for (std::uint32_t i = 0; i < owners.size(); ++i) {
      const yaml::NodeRef owner = owners.item(i);
      const bool controller = boolean_of(owner.get("controller")).value_or(false);
      if (!out.owner_kind.value.empty() && !controller) continue;
      out.owner_kind = text_of(owner.get("kind"));
      out.owner_name = text_of(owner.get("name"));
      if (controller) break;
    }
    out.pod_ip = text_of(object.get("status").get("podIP"));
    return out;
  }
  for (std::string_view operator_kind : kOperatorPodKinds) {
    if (kind == operator_kind && meta.group() == "monitoring.coreos.com") {
      add_labels_from(spec.get("podMetadata"), out, problems);
      out.open_labels = true;
      out.containers_known = false;
      return out;
    }
  }

  const WorkloadShape* shape = nullptr;
  for (const WorkloadShape& w : kWorkloads) {
    if (w.kind == kind) shape = &w;
  }
  yaml::NodeRef holder = spec;
  if (shape != nullptr && shape->cron) holder = spec.get("jobTemplate").get("spec");
  const auto tmpl = holder.find("template");
  const yaml::NodeRef pod_spec = tmpl.value.get("spec");
  if (shape == nullptr) {
    // Duck typing: any object with a pod template (spec.template.metadata and containers).
    if (!tmpl.value.get("metadata").is_map() || !pod_spec.get("containers").is_sequence()) return std::nullopt;
    for (std::string_view key : kDuckTypedAddedLabels) out.unknown_label_keys.emplace_back(key);
  } else {
    if (!tmpl.value.is_map()) return std::nullopt;
    for (std::string_view key : shape->added_labels) out.unknown_label_keys.emplace_back(key);
    // The workload's own selector is not part of the pod source yet; its values are still checked.
    const yaml::NodeRef::Entry selector = holder.find("selector");
    if (selector.value.is_map()) extract_selector(selector.value, selector.key.range(), &problems);
  }
  out.template_key = tmpl.key.range();
  if (kind == "StatefulSet") {
    out.service_name = text_of(spec.get("serviceName"));
    // A placeholder (`${SERVICE}`) names no Service the view could hold: unknown, kept empty.
    if (unknown_placeholder(out.service_name, FieldKind::kLowerCase, problems)) out.service_name.value.clear();
  }
  const yaml::NodeRef strategy = kind == "Deployment" ? holder.get("strategy") : holder.get("updateStrategy");
  if (strategy.get("type").is_scalar()) out.update_strategy = strategy.get("type").scalar();
  if (const yaml::NodeRef replicas = holder.get("replicas");
      replicas.is_scalar() && (shape == nullptr || !shape->cron)) {
    if (auto n = integer_of(replicas)) out.replicas = Spanned<std::int64_t>{*n, replicas.range()};
  }
  add_labels_from(tmpl.value.get("metadata"), out, problems);
  extract_pod_spec(pod_spec, out, problems);
  return out;
}

}  // namespace netlint::model
