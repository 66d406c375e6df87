// NL6103 probe-port-unresolved: a probe on a named port its container does not declare.
#include <fmt/format.h>

#include "analyzer/model/scalar_edit.h"
#include "analyzer/diag/did_you_mean.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL6103",
                               .name = "probe-port-unresolved",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a probe on a named port that its container does not declare",
                               .doc = R"md(## What it finds
A liveness, readiness or startup probe (`httpGet`, `tcpSocket`) whose `port` is a name that the
probed container does not declare in its `ports`. The kubelet resolves a probe's named port in
the container's own ports only, not in the other containers of the pod.

## Why is this bad?
The probe cannot run: a readiness probe never succeeds, so the pod never becomes ready and the
Service has no endpoints; a liveness or startup probe fails and the container restarts forever.

## How to fix
Name the container port as the probe says (`ports: [{name: http, containerPort: 8080}]`), or
probe the port by number.

## Known limitations
Containers of operator-managed pods are not in the manifests and are not checked.
)md"};

class ProbePortUnresolved final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::PodSource& pod : view.model().pod_sources) {
      if (pod.synthetic || !pod.containers_known) continue;
      out.checking(pod.meta.object_range);
      for (const model::Container& c : pod.containers) {
        for (const auto& [kind, probe] : {std::pair{"liveness", &c.liveness}, std::pair{"readiness", &c.readiness},
                                          std::pair{"startup", &c.startup}}) {
          if (*probe) check_probe(view.model(), pod, c, kind, **probe, out);
        }
      }
    }
  }

 private:
  static void check_probe(const model::Model& model, const model::PodSource& pod, const model::Container& c,
                          std::string_view kind, const model::Probe& probe, engine::Sink& out) {
    if (!probe.port_is_name || probe.port.value.empty()) return;
    std::vector<std::string> names;
    for (const model::ContainerPort& p : c.ports) {
      if (p.name.value == probe.port.value) return;
      if (!p.name.value.empty()) names.push_back(p.name.value);
    }
    const auto near = diag::best_near_misses(probe.port.value, names);
    const std::string consequence = kind == "readiness"
                                        ? "the pods never become ready and get no traffic"
                                        : "the probe fails and the container is restarted again and again";
    diag::Diagnostic& d =
        out.report(probe.port.range,
                   fmt::format("{} probe port \"{}\" is not a port name of container \"{}\" of {}{}: {}", kind,
                               probe.port.value, c.name.value, pod.meta.display(),
                               near.empty() ? "" : fmt::format("; did you mean \"{}\"?", diag::join_alternatives(near)),
                               consequence));
    d.help = near.empty() ? fmt::format("declare a port named \"{}\" in container \"{}\", or probe the port by number",
                                        probe.port.value, c.name.value)
                          : fmt::format("set the probe port to \"{}\"", near.front());
    if (!near.empty()) {
      d.fix = model::scalar_fix(model, probe.port, near.front(),
                                near.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                                fmt::format("set the probe port to {}", near.front()));
    }
  }
};

}  // namespace

const engine::Rule* probe_port_unresolved() {
  static const ProbePortUnresolved rule;
  return &rule;
}

}  // namespace netlint::rules
