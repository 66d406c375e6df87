#include "rules/service/service_backends.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzer/index/label_index.h"
#include "analyzer/model/namespace_name.h"
#include "analyzer/netpol/conn_set.h"
#include "analyzer/source/path_parts.h"

namespace netlint::rules {
namespace {

// A Service without a namespace binds in the nearest scope that has a match: its own file, then
// its apply unit, then the view (RULES.md "Label selectors"): labels such as `app: nginx` coincide
// across unrelated examples of one folder, and a sample's Service means the pods shipped with it.
void narrow_to_nearest_scope(const model::Model& model, FileId service_file,
                             std::vector<const model::PodSource*>& pods) {
  if (service_file >= model.files.size()) return;
  const std::string& unit = model.file(service_file).apply_unit;
  auto keep_if_any = [&](auto&& in_scope) {
    if (std::none_of(pods.begin(), pods.end(), in_scope)) return false;
    std::erase_if(pods, [&](const model::PodSource* pod) { return !in_scope(pod); });
    return true;
  };
  if (keep_if_any([&](const model::PodSource* pod) { return pod->meta.file == service_file; })) return;
  if (unit.empty()) return;
  keep_if_any([&](const model::PodSource* pod) {
    return pod->meta.file < model.files.size() && model.file(pod->meta.file).apply_unit == unit;
  });
}

}  // namespace

std::vector<const model::PodSource*> selected_backends(const engine::View& view, const model::Service& service) {
  std::vector<const model::PodSource*> out;
  if (!service.has_selector() || service.type.value == "ExternalName") return out;
  const index::SelectorMatches matches =
      view.labels().match(service.meta.namespace_name.value, index::selector_from_map(service.selector));
  for (index::PodId id : matches.yes) {
    const model::PodSource& pod = view.labels().pod(id);
    if (!pod.synthetic && pod.containers_known) out.push_back(&pod);
  }
  if (model::is_apply_time(service.meta.namespace_name.value))
    narrow_to_nearest_scope(view.model(), service.meta.file, out);
  return out;
}

std::vector<const model::Container*> serving_containers(const model::PodSource& pod, bool with_sidecars) {
  std::vector<const model::Container*> out;
  for (const model::Container& c : pod.containers) {
    if (!c.init || (with_sidecars && c.restartable)) out.push_back(&c);
  }
  return out;
}

namespace {

bool mentions_number(std::string_view text, std::string_view number) {
  for (std::size_t at = text.find(number); at != std::string_view::npos; at = text.find(number, at + 1)) {
    const bool digit_before = at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9';
    const std::size_t end = at + number.size();
    const bool digit_after = end < text.size() && text[end] >= '0' && text[end] <= '9';
    if (!digit_before && !digit_after) return true;
  }
  return false;
}

}  // namespace

std::vector<Backend> backend_groups(const engine::View& view, const model::Service& service) {
  std::vector<Backend> out;
  std::vector<std::string> identities;
  const std::string_view service_dir = path_dirname(view.model().file(service.meta.file).path);
  for (const model::PodSource* pod : selected_backends(view, service)) {
    const std::string identity = pod->meta.group() + " " + pod->meta.display();
    std::size_t i = 0;
    while (i < identities.size() && identities[i] != identity) ++i;
    if (i == identities.size()) {
      identities.push_back(identity);
      out.emplace_back();
    }
    out[i].variants.push_back(pod);
    out[i].colocated = out[i].colocated || path_dirname(view.model().file(pod->meta.file).path) == service_dir;
  }
  return out;
}

std::vector<const Backend*> reportable_failures(const std::vector<const Backend*>& failing,
                                                bool colocated_backend_passes) {
  if (!colocated_backend_passes) return failing;
  std::vector<const Backend*> out;
  for (const Backend* b : failing) {
    if (b->colocated) out.push_back(b);
  }
  return out;
}

bool pod_configures_number(const engine::View& view, const model::PodSource& pod, std::int64_t number) {
  const std::string text = std::to_string(number);
  std::vector<std::string_view> config_maps;
  for (const model::Container& c : pod.containers) {
    for (const model::Text& t : c.command)
      if (mentions_number(t.value, text)) return true;
    for (const model::Text& t : c.args)
      if (mentions_number(t.value, text)) return true;
    for (const model::EnvVar& e : c.env) {
      if (e.value && mentions_number(e.value->value, text)) return true;
      if (e.from == model::EnvVar::SourceKind::kConfigMapKey) config_maps.push_back(e.from_name.value);
    }
    for (const model::EnvFrom& e : c.env_from) {
      if (e.kind == model::EnvFrom::SourceKind::kConfigMap) config_maps.push_back(e.name.value);
    }
  }
  for (const model::ConfigMapVolume& v : pod.config_map_volumes) {
    for (const model::ConfigMapFiles& f : v.sources) config_maps.push_back(f.name.value);
  }
  for (const model::ConfigMap& cm : view.model().config_maps) {
    if (cm.meta.namespace_name.value != pod.meta.namespace_name.value) continue;
    if (std::find(config_maps.begin(), config_maps.end(), cm.meta.name.value) == config_maps.end()) continue;
    for (const model::ConfigMapEntry& entry : cm.data) {
      if (!entry.binary && mentions_number(entry.value.value, text)) return true;
    }
  }
  return false;
}

std::optional<std::uint32_t> target_port_on(const model::ServicePort& sp, const model::PodSource& pod) {
  if (!sp.target_port) return std::nullopt;  // unknown (the API rejects it)
  std::int64_t port = 0;
  if (!sp.target_port_is_name) {
    if (!sp.target_port_number) return std::nullopt;
    port = *sp.target_port_number;  // as written, or defaulted to the port
  } else {
    const model::ContainerPort* named = nullptr;
    for (const model::Container* c : serving_containers(pod, true)) {
      for (const model::ContainerPort& cp : c->ports) {
        if (named == nullptr && cp.name.value == sp.target_port->value && cp.protocol.value == sp.protocol.value)
          named = &cp;
      }
    }
    if (named == nullptr) return std::nullopt;
    port = named->number.value;
  }
  if (port < netpol::kMinPort || port > netpol::kMaxPort) return std::nullopt;
  return static_cast<std::uint32_t>(port);
}

std::string service_port_display(const model::Service& service, const model::ServicePort& port) {
  return fmt::format("{} port {}{}", service.meta.display(), port.port.value,
                     port.name.value.empty() ? "" : " (" + port.name.value + ")");
}

}  // namespace netlint::rules
