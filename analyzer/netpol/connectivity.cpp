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
namespace {

// Calls back once per connection, in list order. A source may be walked more than once (the
// graph formats list their nodes before their edges).
using ConnectionVisitor = std::function<void(const std::string& src, const std::string& dst, const Flow& flow)>;
using ConnectionSource = std::function<void(const ConnectionVisitor&)>;

// Every connection of the view, in (src, dst) byte order, without holding the list: sources
// and destinations are sorted once, each source's row is walked in destination order.
void visit_connections(const model::Model& model, const PolicyEngine& engine, const ConnectionVisitor& visit) {
  const auto& workloads = engine.workloads();
  if (workloads.empty()) return;
  enum Kind : std::uint8_t { kWorkload, kExternal, kController };
  struct Node {
    const std::string* name;
    Kind kind;
    std::uint32_t index;
  };
  const auto by_name = [](const Node& a, const Node& b) { return *a.name < *b.name; };
  // Names once per peer, not once per pair.
  std::vector<std::string> names, source_names, destination_names;
  names.reserve(workloads.size());
  for (const Workload& w : workloads) names.push_back(w.display());
  for (const Ipv4Interval& x : engine.external_sources()) source_names.push_back(x.display());
  for (const Ipv4Interval& x : engine.external_destinations()) destination_names.push_back(x.display());
  const std::string controller = "{ingress-controller}";
  const std::map<std::uint32_t, ConnSet> targets = ingress_targets(model, engine);

  std::vector<Node> sources, workload_destinations, all_destinations, controller_destinations;
  for (std::uint32_t w = 0; w < workloads.size(); ++w) {
    sources.push_back({&names[w], kWorkload, w});
    workload_destinations.push_back({&names[w], kWorkload, w});
  }
  for (std::uint32_t x = 0; x < source_names.size(); ++x) sources.push_back({&source_names[x], kExternal, x});
  if (!targets.empty()) sources.push_back({&controller, kController, 0});
  all_destinations = workload_destinations;
  for (std::uint32_t x = 0; x < destination_names.size(); ++x)
    all_destinations.push_back({&destination_names[x], kExternal, x});
  for (const auto& target : targets) controller_destinations.push_back({&names[target.first], kWorkload, target.first});
  for (auto* nodes : {&sources, &workload_destinations, &all_destinations, &controller_destinations}) {
    std::stable_sort(nodes->begin(), nodes->end(), by_name);
  }

  // Workload pairs: each (source class, destination class) evaluated once (pair_flows.h).
  PairFlows flows(engine);
  // One source's row, in destination order.
  const auto row = [&](const Node& s, const auto& emit) {
    if (s.kind == kController) {
      for (const Node& d : controller_destinations) {
        const ConnSet& ports = targets.at(d.index);
        emit(d, engine.from_ingress_controller(d.index).intersect(Flow{ports, ports}));
      }
    } else if (s.kind == kExternal) {
      for (const Node& d : workload_destinations) emit(d, engine.from_external(s.index, d.index));
    } else {
      for (const Node& d : all_destinations) {
        if (d.kind == kExternal)
          emit(d, engine.to_external(s.index, d.index));
        else if (d.index != s.index)
          emit(d, flows.between(s.index, d.index));
      }
    }
  };
  for (std::size_t first = 0; first < sources.size();) {
    std::size_t end = first + 1;
    while (end < sources.size() && *sources[end].name == *sources[first].name) ++end;
    if (end == first + 1) {
      row(sources[first], [&](const Node& d, const Flow& flow) {
        if (!flow.possible.empty()) visit(*sources[first].name, *d.name, flow);
      });
    } else {
      // Sources that print alike (variants in one folder) share the list's (src, dst) order:
      // their rows are merged by destination, which only these few rows hold at once.
      std::vector<std::pair<const std::string*, Flow>> merged;
      for (std::size_t i = first; i < end; ++i) {
        row(sources[i], [&](const Node& d, const Flow& flow) {
          if (!flow.possible.empty()) merged.emplace_back(d.name, flow);
        });
      }
      std::stable_sort(merged.begin(), merged.end(), [](const auto& x, const auto& y) { return *x.first < *y.first; });
      for (const auto& entry : merged) visit(*sources[first].name, *entry.first, entry.second);
    }
    first = end;
  }
}

std::string conns_of(const Flow& flow) {
  const ConnSet unknown = flow.unknown();
  if (unknown.empty()) return flow.allowed.str();
  if (flow.allowed.empty()) return "? " + unknown.str();
  return flow.allowed.str() + " ? " + unknown.str();
}

void write_text(const ConnectionSource& connections, const TextSink& sink) {
  // Names come from manifests: controls are escaped (display_text.h), one connection per line.
  connections([&](const std::string& src, const std::string& dst, const Flow& flow) {
    sink(printable(src) + " => " + printable(dst) + " : " + conns_of(flow) + "\n");
  });
}

void write_json(const ConnectionSource& connections, const TextSink& sink) {
  std::ostringstream out;
  JsonWriter json(out);
  const auto flush = [&] {
    sink(out.str());
    out.str({});
  };
  json.begin_array();
  connections([&](const std::string& src, const std::string& dst, const Flow& flow) {
    json.begin_object();
    json.key("src").value(src);
    json.key("dst").value(dst);
    json.key("conn").value(flow.allowed.empty() ? std::string() : flow.allowed.str());
    if (const ConnSet unknown = flow.unknown(); !unknown.empty()) json.key("unknown").value(unknown.str());
    json.end_object();
    flush();
  });
  json.end_array();
  out << '\n';
  flush();
}

// Nodes grouped by namespace ("" for externals and the ingress controller), in name order.
std::map<std::string, std::set<std::string>> nodes_by_namespace(const ConnectionSource& connections) {
  std::map<std::string, std::set<std::string>> out;
  connections([&](const std::string& src, const std::string& dst, const Flow&) {
    for (const std::string* node : {&src, &dst}) {
      const auto slash = node->find('/');
      out[slash == std::string::npos ? std::string() : node->substr(0, slash)].insert(*node);
    }
  });
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

void write_dot(const ConnectionSource& connections, const TextSink& sink) {
  sink("digraph connectivity {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
  int cluster = 0;
  for (const auto& [ns, nodes] : nodes_by_namespace(connections)) {
    std::string out;
    const std::string indent = ns.empty() ? "  " : "    ";
    if (!ns.empty()) out += fmt::format("  subgraph cluster_{} {{\n    label={};\n", cluster++, dot_quoted(ns));
    for (const std::string& node : nodes) {
      const auto slash = node.find('/');
      const std::string label = slash == std::string::npos ? node : node.substr(slash + 1);
      out += fmt::format("{}{} [label={}{}];\n", indent, dot_quoted(node), dot_quoted(label),
                         ns.empty() ? ", shape=ellipse" : "");
    }
    if (!ns.empty()) out += "  }\n";
    sink(out);
  }
  connections([&](const std::string& src, const std::string& dst, const Flow& flow) {
    const bool undecided = !flow.unknown().empty();
    sink(fmt::format("  {} -> {} [label={}{}];\n", dot_quoted(src), dot_quoted(dst), dot_quoted(conns_of(flow)),
                     undecided ? ", style=dashed" : ""));
  });
  sink("}\n");
}

void write_mermaid(const ConnectionSource& connections, const TextSink& sink) {
  sink("graph LR\n");
  std::map<std::string, std::string> ids;
  auto quoted = [](std::string_view raw) {
    std::string text = printable(raw);  // a newline would end the Mermaid statement
    std::replace(text.begin(), text.end(), '"', '\'');
    return "\"" + text + "\"";
  };
  for (const auto& [ns, nodes] : nodes_by_namespace(connections)) {
    std::string out;
    if (!ns.empty()) out += fmt::format("  subgraph {}[{}]\n", fmt::format("ns{}", ids.size()), quoted(ns));
    for (const std::string& node : nodes) {
      const std::string id = fmt::format("n{}", ids.size());
      ids[node] = id;
      const auto slash = node.find('/');
      out += fmt::format("{}{}[{}]\n", ns.empty() ? "  " : "    ", id,
                         quoted(slash == std::string::npos ? node : node.substr(slash + 1)));
    }
    if (!ns.empty()) out += "  end\n";
    sink(out);
  }
  connections([&](const std::string& src, const std::string& dst, const Flow& flow) {
    const bool undecided = !flow.unknown().empty();
    sink(fmt::format("  {} {}|{}| {}\n", ids[src], undecided ? "-.->" : "-->", quoted(conns_of(flow)), ids[dst]));
  });
}

void write_format(const ConnectionSource& connections, std::string_view format, const TextSink& sink) {
  if (format == "json")
    write_json(connections, sink);
  else if (format == "dot")
    write_dot(connections, sink);
  else if (format == "mermaid")
    write_mermaid(connections, sink);
  else
    write_text(connections, sink);
}

ConnectionSource from_list(const ConnectivityList& list) {
  return [&list](const ConnectionVisitor& visit) {
    for (const Connection& c : list.connections) visit(c.src, c.dst, c.flow);
  };
}

std::string to_string(const ConnectivityList& list, std::string_view format) {
  std::string out;
  write_format(from_list(list), format, [&out](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace

ConnectivityList list_connections(const model::Model& model, const facts::ClusterFacts& facts, EngineOptions options) {
  ConnectivityList list;
  const PolicyEngine engine(model, facts, options);
  if (!engine.error().empty()) {
    list.error = engine.error();
    return list;
  }
  visit_connections(model, engine, [&list](const std::string& src, const std::string& dst, const Flow& flow) {
    list.connections.push_back({src, dst, flow});
  });
  return list;
}

void write_connections(const model::Model& model, const PolicyEngine& engine, std::string_view format,
                       const TextSink& sink) {
  write_format([&](const ConnectionVisitor& visit) { visit_connections(model, engine, visit); }, format, sink);
}

std::string connections_text(const ConnectivityList& list) {
  return to_string(list, "text");
}
std::string connections_json(const ConnectivityList& list) {
  return to_string(list, "json");
}
std::string connections_dot(const ConnectivityList& list) {
  return to_string(list, "dot");
}
std::string connections_mermaid(const ConnectivityList& list) {
  return to_string(list, "mermaid");
}

}  // namespace netlint::netpol
