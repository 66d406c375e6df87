// The connectivity report: every pair of peers (workloads, external IPv4 pieces, the ingress
// controller) with what the policies allow between them, in netpol-analyzer's `list` order.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/model/model.h"
#include "analyzer/netpol/conn_set.h"
#include "analyzer/netpol/policy_engine.h"

namespace netlint::netpol {

struct Connection {
  std::string src;
  std::string dst;
  Flow flow;
};

struct ConnectivityList {
  std::vector<Connection> connections;  // sorted by src, then dst (byte-wise)
  std::string error;                    // not empty: the view cannot be evaluated
};

// Pairs with nothing possible are left out, as are a workload paired with itself and
// external-to-external pairs.
ConnectivityList list_connections(const model::Model& model, const facts::ClusterFacts& facts, EngineOptions options);

// Where the formats below put their output: a line or an object at a time.
using TextSink = std::function<void(std::string_view)>;

// The connections of `list_connections`, written in `format` (text, json, dot or mermaid) as they
// are found, never held: memory is bounded by the model, not by the output (hundreds of MB at
// 10,000 objects). The engine must be free of error(). Byte-identical to the functions below.
void write_connections(const model::Model& model, const PolicyEngine& engine, std::string_view format,
                       const TextSink& sink);

// "src => dst : conns" per line; a flow the view cannot decide shows its undecided part after
// `?` ("TCP 80 ? UDP 1-65535", "? All Connections").
std::string connections_text(const ConnectivityList& list);
// [{"src": ..., "dst": ..., "conn": ..., "unknown": ...}] (`unknown` only when something is).
std::string connections_json(const ConnectivityList& list);

// Graphviz: namespaces as clusters, externals and the ingress controller outside them, edges
// labelled with the connections (undecided ones dashed, with `?`).
std::string connections_dot(const ConnectivityList& list);
// Mermaid `graph LR`, the same picture for Markdown viewers.
std::string connections_mermaid(const ConnectivityList& list);

}  // namespace netlint::netpol
