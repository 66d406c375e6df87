#include "rules/ingress_nginx/nginx_controllers.h"

#include <algorithm>

#include "rules/ingress_nginx/nginx_tables.h"

namespace netlint::rules::nginx {

std::vector<Controller> controllers(const engine::View& view) {
  std::vector<Controller> out;
  const auto& fact = view.facts().ingress_controllers;
  if (fact.state != facts::State::kKnown && fact.state != facts::State::kAmbiguous) return out;
  for (const facts::IngressController& c : fact.value) {
    Controller controller;
    controller.fact = &c;
    if (!c.config_map_known) {
      out.push_back(std::move(controller));
      continue;
    }
    if (c.config_map.empty()) {
      controller.config_known = true;  // no --configmap: the defaults apply
      out.push_back(std::move(controller));
      continue;
    }
    const std::size_t slash = c.config_map.find('/');
    const std::string_view ns = slash == std::string::npos ? std::string_view(c.namespace_name)
                                                           : std::string_view(c.config_map).substr(0, slash);
    const std::string_view name =
        slash == std::string::npos ? std::string_view(c.config_map) : std::string_view(c.config_map).substr(slash + 1);
    for (const model::ConfigMap& cm : view.model().config_maps) {
      if (cm.meta.namespace_name.value == ns && cm.meta.name.value == name) controller.config_maps.push_back(&cm);
    }
    controller.config_known = !controller.config_maps.empty();
    out.push_back(std::move(controller));
  }
  return out;
}

Serving serving_of(const model::Ingress& ingress, const std::vector<IngressClassInfo>& classes,
                   const std::vector<Controller>& all) {
  Serving s;
  s.cls = class_of(ingress, classes);
  if (s.cls.empty()) {
    // RULES.md Clarifications "Ingress class": an Ingress with no class and no default
    // IngressClass belongs to every ingress-nginx controller run with
    // --watch-ingress-without-class, and is checked as that controller's class.
    for (const Controller& c : all) {
      if (c.fact->watches_classless) s.controllers.push_back(&c);
    }
    if (s.controllers.empty()) return s;
    s.kind = Serving::kIngressNginx;
    if (!s.controllers.front()->fact->classes.empty()) s.cls = s.controllers.front()->fact->classes.front();
    return s;
  }
  for (const Controller& c : all) {
    if (std::find(c.fact->classes.begin(), c.fact->classes.end(), s.cls) != c.fact->classes.end())
      s.controllers.push_back(&c);
  }
  if (!s.controllers.empty()) {
    s.kind = Serving::kIngressNginx;
    return s;
  }
  for (const IngressClassInfo& info : classes) {
    if (info.meta->name.value != s.cls || info.controller.empty()) continue;
    const bool nginx = info.controller == kControllerClass ||
                       std::any_of(all.begin(), all.end(),
                                   [&](const Controller& c) { return c.fact->controller_class == info.controller; });
    s.kind = nginx ? Serving::kIngressNginx : Serving::kOther;
    if (!nginx) s.other = info.controller;
    return s;
  }
  return s;
}

Setting setting(const Controller& controller, std::string_view key) {
  Setting s;
  if (!controller.config_known) return s;
  if (controller.config_maps.empty()) {
    s.state = Setting::kDefault;
    return s;
  }
  bool first = true;
  for (const model::ConfigMap* cm : controller.config_maps) {
    const auto it = std::find_if(cm->data.begin(), cm->data.end(),
                                 [&](const model::ConfigMapEntry& e) { return !e.binary && e.key.value == key; });
    const model::ConfigMapEntry* entry = it == cm->data.end() ? nullptr : &*it;
    if (first) {
      s.entry = entry;
      first = false;
      continue;
    }
    const bool same = (entry == nullptr && s.entry == nullptr) ||
                      (entry != nullptr && s.entry != nullptr && entry->value.value == s.entry->value.value);
    if (!same) return Setting{};  // variants disagree
  }
  s.state = s.entry != nullptr ? Setting::kSet : Setting::kDefault;
  return s;
}

std::optional<Effective> effective_integer(std::string_view key, const Controller& controller,
                                           const model::Ingress* ingress) {
  const KeySpec* spec = find_key(key);
  if (spec == nullptr) return std::nullopt;
  if (ingress != nullptr) {
    if (const AnnotationSpec* a = find_annotation(key)) {
      const std::string name = controller.fact->annotations_prefix + "/" + std::string(key);
      if (const model::Label* written = model::find_label(ingress->meta.annotations, name)) {
        const Parsed p = parse_annotation_value(*a, written->value.value);
        if (p.placeholder) return std::nullopt;  // filled in before applying: unknown
        if (p.ok && p.integer) return Effective{*p.integer, Effective::kAnnotation, written->value.range};
      }
    }
  }
  const Setting s = setting(controller, key);
  if (s.state == Setting::kUnknown) return std::nullopt;
  if (s.state == Setting::kSet) {
    const Parsed p = parse_key_value(*spec, s.entry->value.value);
    if (p.placeholder) return std::nullopt;
    if (p.ok && p.integer) return Effective{*p.integer, Effective::kConfigMap, s.entry->value.range};
  }
  const auto fallback = parse_go_int(spec->default_value, 64);
  if (!fallback || spec->default_value.empty()) return std::nullopt;
  return Effective{*fallback, Effective::kDefault, {}};
}

std::optional<facts::Version> controller_version(const engine::View& view) {
  const auto& fact = view.facts().ingress_nginx_version;
  if (fact.state == facts::State::kAmbiguous) return std::nullopt;
  if (fact.usable()) return facts::parse_version(fact.value);
  return facts::parse_version(facts::NewestVersions::ingress_nginx);
}

std::string describe_version(const engine::View& view) {
  const auto& fact = view.facts().ingress_nginx_version;
  return fact.usable() ? "v" + fact.value : "of an unknown version, counted as the newest";
}

}  // namespace netlint::rules::nginx
