#include "rules/coredns/corefile_runtime.h"

#include <fmt/format.h>

#include "analyzer/facts/evidence.h"

namespace netlint::rules::coredns {
namespace {}  // namespace

bool container_mounts(const model::PodSource& pod, const model::Container& c, const model::CorefileSource& corefile) {
  if (corefile.owner.kind.value.empty() || pod.meta.namespace_name.value != corefile.owner.namespace_name.value)
    return false;
  for (const model::ConfigMapVolume& volume : pod.config_map_volumes) {
    bool has_key = false;
    for (const model::ConfigMapFiles& files : volume.sources) {
      if (files.name.value != corefile.owner.name.value) continue;
      if (files.items.empty()) has_key = true;
      for (const model::ConfigMapFiles::Item& item : files.items)
        has_key = has_key || item.key.value == corefile.key.value;
    }
    if (!has_key) continue;
    for (const model::VolumeMount& m : c.volume_mounts) {
      if (m.name.value == volume.name.value) return true;
    }
  }
  return false;
}

namespace {

bool is_node_cache_image(std::string_view image) {
  return facts::image_is(image, "k8s-dns-node-cache");
}

}  // namespace

bool is_upstream_coredns_image(std::string_view image) {
  return facts::image_is(image, "coredns") || facts::image_is(image, "mirrored-coredns-coredns");
}

CorefileRuntime runtime_of(const engine::View& view, const model::CorefileSource& corefile) {
  CorefileRuntime r;
  std::string image;
  if (!corefile.owner.kind.value.empty()) {
    for (const model::PodSource& pod : view.model().pod_sources) {
      if (pod.synthetic || pod.meta.namespace_name.value != corefile.owner.namespace_name.value) continue;
      bool mounted = false;
      for (const model::Container& c : pod.containers) {
        if (!container_mounts(pod, c, corefile)) continue;
        mounted = true;
        if (is_node_cache_image(c.image.value)) {
          r.node_local_dns = true;
          if (auto v = facts::parse_version(facts::image_version(c.image.value))) r.node_cache_version = *v;
        }
        if (image.empty() || (!is_upstream_coredns_image(image) && is_upstream_coredns_image(c.image.value)))
          image = c.image.value;
      }
      if (mounted) r.pods.push_back(&pod);
    }
    if (corefile.owner.name.value == "node-local-dns") r.node_local_dns = true;
  }
  r.upstream = image.empty() || is_upstream_coredns_image(image);
  if (!image.empty() && r.upstream) {
    if (auto v = facts::parse_version(facts::image_version(image))) {
      r.version = *v;
      r.version_origin = fmt::format("image {}", image);
      return r;
    }
  }
  const auto& fact = view.facts().coredns_version;
  if (image.empty() && fact.usable()) {
    if (auto v = facts::parse_version(fact.value)) {
      r.version = *v;
      r.version_origin = "the CoreDNS version of the view";
      return r;
    }
  }
  r.version = *facts::parse_version(facts::NewestVersions::coredns);
  r.version_origin = "the newest release: no CoreDNS image gives the version";
  return r;
}

}  // namespace netlint::rules::coredns
