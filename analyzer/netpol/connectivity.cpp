#include "analyzer/netpol/connectivity.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "analyzer/netpol/ingress_targets.h"
#include "analyzer/netpol/pair_flows.h"
#include "analyzer/util/display_text.h"
#include "analyzer/util/json_writer.h"

namespace netlint::netpol {

ConnectivityList list_connections(const model::Model& model, const facts::ClusterFacts& facts, EngineOptions options) {
  ConnectivityList list;
  const PolicyEngine engine(model, facts, options);
  if (!engine.error().empty()) {
    list.error = engine.error();
    return list;
  }
  const auto& workloads = engine.workloads();
  if (workloads.empty()) return list;
  // Names once per workload, not once per pair; a pair's strings are copied only when listed.
  std::vector<std::string> names;
  names.reserve(workloads.size());
  for (const Workload& w : workloads) names.push_back(w.display());
  auto add = [&](const std::string& src, const std::string& dst, const Flow& flow) {
    if (flow.possible.empty()) return;
    list.connections.push_back({src, dst, flow});
  };
  // Workload pairs: each (source class, destination class) evaluated once (pair_flows.h).
  PairFlows flows(engine);
  for (std::uint32_t s = 0; s < workloads.size(); ++s) {
    for (std::uint32_t d = 0; d < workloads.size(); ++d) {
      if (s != d) add(names[s], names[d], flows.between(s, d));
    }
  }
  for (std::uint32_t x = 0; x < engine.external_sources().size(); ++x) {
    for (std::uint32_t d = 0; d < workloads.size(); ++d) {
      add(engine.external_sources()[x].display(), names[d], engine.from_external(x, d));
    }
  }
  for (std::uint32_t s = 0; s < workloads.size(); ++s) {
    for (std::uint32_t x = 0; x < engine.external_destinations().size(); ++x) {
      add(names[s], engine.external_destinations()[x].display(), engine.to_external(s, x));
    }
  }
  for (const auto& [w, ports] : ingress_targets(model, engine)) {
    add("{ingress-controller}", names[w], engine.from_ingress_controller(w).intersect(Flow{ports, ports}));
  }
  std::sort(list.connections.begin(), list.connections.end(),
            [](const Connection& a, const Connection& b) { return std::tie(a.src, a.dst) < std::tie(b.src, b.dst); });
  return list;
}

namespace {
std::string conns_of(const Flow& flow) {
  const ConnSet unknown = flow.unknown();
  if (unknown.empty()) return flow.allowed.str();
  if (flow.allowed.empty()) return "? " + unknown.str();
  return flow.allowed.str() + " ? " + unknown.str();
}
}  // namespace

std::string connections_text(const ConnectivityList& list) {
  std::string out;
  // Names come from manifests: controls are escaped (display_text.h), one connection per line.
  for (const Connection& c : list.connections) out += printable(c.src) + " => " + printable(c.dst) + " : " + conns_of(c.flow) + "\n";
  return out;
}

namespace {
// Nodes grouped by namespace ("" for externals and the ingress controller), in name order.
std::map<std::string, std::set<std::string>> nodes_by_namespace(const ConnectivityList& list) {
  std::map<std::string, std::set<std::string>> out;
  for (const Connection& c : list.connections) {
    for (const std::string* node : {&c.src, &c.dst}) {
      const auto slash = node->find('/');
      out[slash == std::string::npos ? std::string() : node->substr(0, slash)].insert(*node);
    }
  }
  return out;
}

std::string dot_quoted(std::string_view raw) {
  const std::string text = printable(raw);  // a newline or ESC in a name stays visible text
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}
}  // namespace

std::string connections_dot(const ConnectivityList& list) {
  std::string out = "digraph connectivity {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n";
  int cluster = 0;
  for (const auto& [ns, nodes] : nodes_by_namespace(list)) {
    const std::string indent = ns.empty() ? "  " : "    ";
    if (!ns.empty()) out += fmt::format("  subgraph cluster_{} {{\n    label={};\n", cluster++, dot_quoted(ns));
    for (const std::string& node : nodes) {
      const auto slash = node.find('/');
      const std::string label = slash == std::string::npos ? node : node.substr(slash + 1);
      out += fmt::format("{}{} [label={}{}];\n", indent, dot_quoted(node), dot_quoted(label), ns.empty() ? ", shape=ellipse" : "");
    }
    if (!ns.empty()) out += "  }\n";
  }
  for (const Connection& c : list.connections) {
    const bool undecided = !c.flow.unknown().empty();
    out += fmt::format("  {} -> {} [label={}{}];\n", dot_quoted(c.src), dot_quoted(c.dst), dot_quoted(conns_of(c.flow)),
                       undecided ? ", style=dashed" : "");
  }
  return out + "}\n";
}

std::string connections_mermaid(const ConnectivityList& list) {
  std::string out = "graph LR\n";
  std::map<std::string, std::string> ids;
  auto quoted = [](std::string_view raw) {
    std::string text = printable(raw);  // a newline would end the Mermaid statement
    std::replace(text.begin(), text.end(), '"', '\'');
    return "\"" + text + "\"";
  };
  for (const auto& [ns, nodes] : nodes_by_namespace(list)) {
    if (!ns.empty()) out += fmt::format("  subgraph {}[{}]\n", fmt::format("ns{}", ids.size()), quoted(ns));
    for (const std::string& node : nodes) {
      const std::string id = fmt::format("n{}", ids.size());
      ids[node] = id;
      const auto slash = node.find('/');
      out += fmt::format("{}{}[{}]\n", ns.empty() ? "  " : "    ", id, quoted(slash == std::string::npos ? node : node.substr(slash + 1)));
    }
    if (!ns.empty()) out += "  end\n";
  }
  for (const Connection& c : list.connections) {
    const bool undecided = !c.flow.unknown().empty();
    out += fmt::format("  {} {}|{}| {}\n", ids[c.src], undecided ? "-.->" : "-->", quoted(conns_of(c.flow)), ids[c.dst]);
  }
  return out;
}

std::string connections_json(const ConnectivityList& list) {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_array();
  for (const Connection& c : list.connections) {
    json.begin_object();
    json.key("src").value(c.src);
    json.key("dst").value(c.dst);
    json.key("conn").value(c.flow.allowed.empty() ? std::string() : c.flow.allowed.str());
    if (const ConnSet unknown = c.flow.unknown(); !unknown.empty()) json.key("unknown").value(unknown.str());
    json.end_object();
  }
  json.end_array();
  out << '\n';
  return out.str();
}

}  // namespace netlint::netpol
