#include "rules/coredns/coredns_pods.h"

#include <cstdint>

#include "analyzer/util/go_values.h"
#include "rules/coredns/corefile_query.h"
#include "rules/coredns/corefile_walk.h"

namespace netlint::rules::coredns {
namespace {

void add(PluginPorts& ports, const model::CorefileSource& source, const corefile::Directive& d, int fallback) {
  ports.where.push_back(range_of(source, d.name));
  if (d.args.empty()) {
    ports.ports.push_back(fallback);
    return;
  }
  const auto port = listen_port(d.args[0], fallback);
  if (!port)
    ports.unknown = true;
  else
    ports.ports.push_back(*port);
}

}  // namespace

std::vector<CorednsContainer> coredns_containers(const engine::View& view) {
  std::vector<CorednsContainer> out;
  for (const model::PodSource& pod : view.model().pod_sources) {
    if (pod.synthetic || !pod.containers_known) continue;
    for (const model::Container& c : pod.containers) {
      CorednsContainer cc{&pod, &c, {}, {}, {}};
      bool any = false;
      for (const model::CorefileSource& source : view.model().corefiles) {
        if (!container_mounts(pod, c, source)) continue;
        any = true;
        for (const Block& b : blocks_of(source)) {
          for (const corefile::Directive& d : b.directives) {
            if (d.name.text == "health")
              add(cc.health, source, d, 8080);
            else if (d.name.text == "ready")
              add(cc.ready, source, d, 8181);
            else if (d.name.text == "prometheus")
              add(cc.prometheus, source, d, 9153);
            else if (d.name.text == "import")
              cc.health.unknown = cc.ready.unknown = cc.prometheus.unknown = true;  // a file import may add them
          }
        }
      }
      if (any) out.push_back(std::move(cc));
    }
  }
  return out;
}

std::optional<int> resolve_container_port(const model::Container& c, const model::Text& port, bool is_name) {
  if (is_name) {
    for (const model::ContainerPort& p : c.ports) {
      if (p.name.value == port.value) return static_cast<int>(p.number.value);
    }
    return std::nullopt;
  }
  const std::optional<std::int64_t> value = go_parse_int(port.value, 10, 32);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

}  // namespace netlint::rules::coredns
