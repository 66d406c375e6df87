// Ingresses (networking.k8s.io/v1, and the removed v1beta1 groups whose backends name
// `serviceName`/`servicePort`): their class, backends, rules and TLS secrets, positioned.
#pragma once

#include <optional>
#include <vector>

#include "analyzer/model/object_meta.h"

namespace netlint::model {

struct IngressBackend {
  Text service_name;  // empty for a `resource` backend
  std::optional<Spanned<std::int64_t>> port_number;
  Text port_name;         // empty when the port is a number
  SourceRange key;        // `backend:` / `defaultBackend:`
  bool resource = false;  // a `resource` backend (no Service)
};

struct IngressPath {
  Text path;       // empty when not written
  Text path_type;  // empty when not written (v1beta1)
  IngressBackend backend;
};

struct IngressRule {
  Text host;                  // empty: every host
  bool host_unknown = false;  // a placeholder (`<YOUR_DOMAIN>`): matches no other host
  std::vector<IngressPath> paths;
};

struct IngressTls {
  Text secret_name;
  std::vector<Text> hosts;
};

// An object that makes a Secret exist: the Secret itself, a cert-manager Certificate
// (`spec.secretName`), an ExternalSecret (`spec.target.name`, else its name), a SealedSecret.
struct SecretProducer {
  ObjectMeta meta;
  Text secret_name;
  // Whether it produces a TLS Secret: a `kubernetes.io/tls` Secret or a cert-manager Certificate;
  // a SealedSecret or ExternalSecret may (its type is the template's, often left implicit).
  bool tls = false;
};

struct Ingress {
  ObjectMeta meta;
  Text class_name;        // spec.ingressClassName
  Text class_annotation;  // kubernetes.io/ingress.class
  std::optional<IngressBackend> default_backend;
  std::vector<IngressRule> rules;
  std::vector<IngressTls> tls;

  // Every backend with the path it serves (nullptr for the default backend).
  template <class F>
  void for_each_backend(F&& f) const {
    if (default_backend) f(*default_backend, static_cast<const IngressPath*>(nullptr));
    for (const IngressRule& rule : rules) {
      for (const IngressPath& path : rule.paths) f(path.backend, &path);
    }
  }
};

}  // namespace netlint::model
