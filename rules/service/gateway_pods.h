// Pods whose proxy takes its listeners from API objects at run time (Envoy-based gateways), so
// their declared containerPorts say nothing about where they listen (RULES.md NL1009), and the
// image-name test that finds them.
#pragma once

#include <string_view>

#include "analyzer/model/pod_source.h"

namespace netlint::rules {

// The last path segment of an image reference, without tag or digest:
// "docker.io/envoyproxy/envoy:v1.31" -> "envoy", "istio/proxyv2@sha256:..." -> "proxyv2".
std::string_view image_base_name(std::string_view image);

// Istio's proxy image (`proxyv2`) run as a gateway: its args hold `router` (a sidecar runs
// `proxy sidecar`).
bool is_istio_gateway_proxy(const model::Container& container);

// An Envoy image (`envoy`, `envoy-distroless`, ...) or an istio gateway proxy: Envoy's listeners
// come from xDS, not from the pod spec.
bool runs_api_driven_proxy(const model::PodSource& pod);

}  // namespace netlint::rules
