// What runs a Corefile: the pods that mount its ConfigMap key, the CoreDNS image among their
// containers, and so the version whose plugin set applies (RULES.md NL4101/NL4102: the version
// from the image tag, else the view's CoreDNS version fact, else the newest release; an image
// that is not upstream CoreDNS, such as NodeLocal DNSCache's k8s-dns-node-cache, keeps NL4101
// silent on unknown plugins).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/engine/view.h"
#include "analyzer/facts/version.h"
#include "analyzer/model/corefile_source.h"

namespace netlint::rules::coredns {

struct CorefileRuntime {
  facts::Version version;
  std::string version_origin;   // "image coredns/coredns:1.2.2", "the newest release"
  bool upstream = true;         // an unknown image counts as upstream
  bool node_local_dns = false;  // run by NodeLocal DNSCache (k8s-dns-node-cache) or its ConfigMap
  // The k8s-dns-node-cache image's version when its tag gives one: node-cache embeds its own,
  // older CoreDNS (1.15.x embeds CoreDNS 1.6.4; kubernetes/dns#359, #416).
  std::optional<facts::Version> node_cache_version;
  std::vector<const model::PodSource*> pods;  // the pod sources mounting the Corefile
};

// True when `pod` puts the Corefile's ConfigMap key into a file through a volume `c` mounts.
bool container_mounts(const model::PodSource& pod, const model::Container& c, const model::CorefileSource& corefile);

CorefileRuntime runtime_of(const engine::View& view, const model::CorefileSource& corefile);

// True for upstream CoreDNS images and their plain mirrors (coredns/coredns,
// registry.k8s.io/coredns/coredns, rancher/mirrored-coredns-coredns, .../coredns).
bool is_upstream_coredns_image(std::string_view image);

}  // namespace netlint::rules::coredns
