// What the ingress-nginx rules share beyond the tables: the controllers' ConfigMaps once each,
// and the annotations of the Ingresses ingress-nginx serves.
#pragma once

#include <string>
#include <vector>

#include "rules/ingress_nginx/nginx_controllers.h"

namespace netlint::rules::nginx {

// A ConfigMap some ingress-nginx controller of the view reads, with the controllers that read it.
struct ControllerConfigMap {
  const model::ConfigMap* config_map = nullptr;
  std::vector<const Controller*> readers;
};
std::vector<ControllerConfigMap> controller_config_maps(const std::vector<Controller>& all);

// Related locations: where each reader names the ConfigMap (`--configmap=`).
void add_readers(const ControllerConfigMap& cm, std::vector<diag::RelatedLocation>& related);
// Where the view says which controller version runs (the image tag, or the kustomize `images`
// entry that set it), for findings that hold only from some version on.
void add_version_evidence(const engine::View& view, std::vector<diag::RelatedLocation>& related);

// An Ingress whose nginx annotations ingress-nginx would read: its serving controllers (possibly
// none) and the annotation prefix they read. Ingresses of a class another controller serves, or
// whose controllers disagree on the prefix, are left out.
struct NginxIngress {
  const model::Ingress* ingress = nullptr;
  Serving serving;
  std::string prefix;  // "nginx.ingress.kubernetes.io/"
};
std::vector<NginxIngress> nginx_ingresses(const engine::View& view, const std::vector<Controller>& all);

// Each pod source behind an nginx Ingress, with the controller serving it and the Service between
// (NL6007, NL6008 compare nginx's timeouts with the backend's). Ingresses no known controller
// serves are left out; a pod source behind several backends of one Ingress comes once.
struct IngressBackendPod {
  const NginxIngress* ingress = nullptr;
  const Controller* controller = nullptr;
  const model::Service* service = nullptr;
  const model::PodSource* pod = nullptr;
};
std::vector<IngressBackendPod> ingress_backend_pods(const engine::View& view,
                                                    const std::vector<NginxIngress>& ingresses);

// The annotation name after the prefix; empty when `key` does not carry it.
std::string_view annotation_name(std::string_view key, std::string_view prefix);

}  // namespace netlint::rules::nginx
