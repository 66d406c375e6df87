// The ingress-nginx controllers of a view as the rules see them: which ConfigMap each reads and
// what it sets, which controller serves an Ingress, and the effective value of a setting
// (annotation, else ConfigMap, else default) for the rules that compare timeouts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine/view.h"
#include "analyzer/facts/version.h"
#include "rules/ingress/ingress_classes.h"

namespace netlint::rules::nginx {

inline constexpr std::string_view kControllerClass = "k8s.io/ingress-nginx";

// One ingress-nginx controller of the view and the ConfigMap it reads.
struct Controller {
  const facts::IngressController* fact = nullptr;
  // Every definition of its --configmap in the view (variants of one identity stay separate).
  std::vector<const model::ConfigMap*> config_maps;
  // Its settings are known: it reads no ConfigMap (defaults apply), or that ConfigMap is in view.
  bool config_known = false;
};

// Every controller of the ingress controllers fact, also when the fact is ambiguous (variants of
// one controller that disagree each stay an entry: what holds for each holds for the view).
std::vector<Controller> controllers(const engine::View& view);

// Who serves an Ingress.
struct Serving {
  enum Kind {
    kIngressNginx,  // a controller of the view serves its class, or its IngressClass names ingress-nginx
    kOther,         // its IngressClass names another controller
    kUnknown,       // no class, or a class neither a controller nor an IngressClass of the view describes
  } kind = kUnknown;
  std::string cls;
  std::vector<const Controller*>
      controllers;    // kIngressNginx: those serving the class (empty: only the IngressClass says so)
  std::string other;  // kOther: the IngressClass's spec.controller
};
Serving serving_of(const model::Ingress& ingress, const std::vector<IngressClassInfo>& classes,
                   const std::vector<Controller>& all);

// A ConfigMap key as a controller reads it.
struct Setting {
  enum State { kUnknown, kDefault, kSet } state = kUnknown;
  const model::ConfigMapEntry* entry = nullptr;  // kSet
};
// kUnknown when the ConfigMap is not in view or its variants disagree on the key.
Setting setting(const Controller& controller, std::string_view key);

// The value the controller uses for an integer key (seconds keys included): an annotation of
// the Ingress that parses (for keys that are also annotations), else the ConfigMap value that
// parses, else the default; nullopt when the settings are unknown.
struct Effective {
  enum Source { kDefault, kConfigMap, kAnnotation };
  std::int64_t value = 0;
  Source source = kDefault;
  SourceRange range;  // the value that decides; invalid for a default
};
std::optional<Effective> effective_integer(std::string_view key, const Controller& controller,
                                           const model::Ingress* ingress = nullptr);
inline std::optional<Effective> effective_seconds(std::string_view key, const Controller& controller,
                                                  const model::Ingress* ingress = nullptr) {
  return effective_integer(key, controller, ingress);
}

// The controller version rules compare with: the known one, else the newest release; nullopt
// when the fact is ambiguous.
std::optional<facts::Version> controller_version(const engine::View& view);
// "v1.12.0", or "of an unknown version, counted as the newest".
std::string describe_version(const engine::View& view);

}  // namespace netlint::rules::nginx
