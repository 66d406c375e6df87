#include "rules/service/gateway_pods.h"

namespace netlint::rules {

std::string_view image_base_name(std::string_view image) {
  if (const std::size_t at = image.find('@'); at != std::string_view::npos) image = image.substr(0, at);
  if (const std::size_t slash = image.rfind('/'); slash != std::string_view::npos) image = image.substr(slash + 1);
  // After the last slash a colon can only start the tag (a registry port comes before a slash).
  if (const std::size_t colon = image.find(':'); colon != std::string_view::npos) image = image.substr(0, colon);
  return image;
}

bool is_istio_gateway_proxy(const model::Container& container) {
  if (image_base_name(container.image.value) != "proxyv2") return false;
  for (const model::Text& arg : container.args) {
    if (arg.value == "router") return true;
  }
  return false;
}

namespace {

bool is_envoy_image(std::string_view image) {
  const std::string_view base = image_base_name(image);
  // `envoy` and its variants (envoy-distroless, envoy-alpine, envoy-dev); not envoy-gateway's
  // controller (`envoyproxy/gateway`), whose ports are its own.
  return base == "envoy" || base.starts_with("envoy-");
}

}  // namespace

bool runs_api_driven_proxy(const model::PodSource& pod) {
  for (const model::Container& c : pod.containers) {
    if (c.init && !c.restartable) continue;
    if (is_envoy_image(c.image.value) || is_istio_gateway_proxy(c)) return true;
  }
  return false;
}

}  // namespace netlint::rules
