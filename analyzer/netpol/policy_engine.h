// The NetworkPolicy evaluator: which connections the policies of a view allow between its
// workloads, IP ranges and "external", exactly as the Kubernetes API defines them (RULES.md, the
// NL2xxx preamble; knowledge/oracles.md 2.5 and 3.1).
//
// Scale: flows are not computed pair by pair. Endpoints are grouped into classes that the policies
// cannot tell apart: as a destination by the policies that isolate it (and its named ports), as
// a source by the rule peer groups that match it; the same for the egress side
// (direction_tables.h, held once per direction). A flow is egress(C(src), D(dst)) ∩
// ingress(A(dst), B(src)), each found from what the row's rules admit per peer group and the
// groups matching the column: memory linear in the input, no table of class pairs.
//
// Three-valued: a selector on labels the view does not show, a namespace without Namespace
// object, an ipBlock whose match on pod IPs depends on an unknown CNI, or CNI-specific and admin
// policies that may select a pod make a flow part `possible` but not `allowed`.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/index/label_selector.h"
#include "analyzer/model/model.h"
#include "analyzer/netpol/conn_set.h"

namespace netlint::netpol {

struct EngineOptions {
  // netpol-analyzer's assumptions, for conformance: namespaces and labels exactly as written,
  // ipBlocks never match pods, no synthetic peers, CNI-specific and admin policies ignored,
  // hostNetwork pods treated as ordinary pods. Every flow is then decided.
  bool closed_world = false;
};

// One peer of the report: a pod source, or the live pods of one controlling owner.
struct Workload {
  std::string namespace_name;
  std::string name;
  std::string kind;
  std::vector<std::uint32_t> pods;  // indexes into model.pod_sources, the representative first
  bool host_network = false;
  bool synthetic = false;  // the synthetic DNS peer
  // The folder of its file, when variants of one identity (overlays) are separate workloads.
  std::string variant;
  std::string display() const;  // "ns/name[Kind]", then " (folder)" for a variant
};

// A piece of the IPv4 space cut at every ipBlock boundary of one direction.
struct Ipv4Interval {
  std::uint32_t low = 0, high = 0;
  std::string display() const;  // "10.0.0.0-10.255.255.255[External]"
};

// Why a flow is what it is, for one direction: the policies that isolate the pod and the rules
// that admit the connection (policy index into model.network_policies, rule index within its
// `ingress`/`egress` list, and how surely the rule's peers match).
struct RuleRef {
  std::uint32_t policy = 0;
  std::uint32_t rule = 0;
  index::Tri matched = index::Tri::kNo;
};
struct DirectionWhy {
  std::vector<std::pair<std::uint32_t, index::Tri>> isolating;  // empty: not isolated
  std::vector<RuleRef> admitting;
  bool foreign = false;     // CNI-specific or admin policies may select the pod
  bool unisolated = false;  // hostNetwork (open world): never isolated
};
struct Why {
  DirectionWhy egress;   // the source's side
  DirectionWhy ingress;  // the destination's side
};

class PolicyEngine {
 public:
  PolicyEngine(const model::Model& model, const facts::ClusterFacts& facts, EngineOptions options = {});
  ~PolicyEngine();
  // Everything the constructor reads of `model` and `facts`, as a key: an engine built from a
  // model with an equal key answers every query alike (answers are indexes into the model's pod
  // sources and policies, and strings), so the language server keeps one between analyses
  // (engine/kept_indexes.h; building it was an eighth of an edit at 10,000 objects). The engine
  // reads neither after its constructor. Keep it in step with the constructor.
  static std::string inputs_key(const model::Model& model, const facts::ClusterFacts& facts,
                                EngineOptions options = {});
  PolicyEngine(const PolicyEngine&) = delete;
  PolicyEngine& operator=(const PolicyEngine&) = delete;

  const std::vector<Workload>& workloads() const;
  // External pieces as sources (cut by ingress ipBlocks) and as destinations (egress ipBlocks).
  const std::vector<Ipv4Interval>& external_sources() const;
  const std::vector<Ipv4Interval>& external_destinations() const;
  // The workload of a pod source (model.pod_sources index), if any.
  std::optional<std::uint32_t> workload_of_pod(std::uint32_t pod_source) const;

  Flow between(std::uint32_t src_workload, std::uint32_t dst_workload) const;
  // The two halves of `between`: what the source's egress allows, what the destination's
  // ingress allows (rules name the side that blocks).
  Flow egress_part(std::uint32_t src_workload, std::uint32_t dst_workload) const;
  Flow ingress_part(std::uint32_t src_workload, std::uint32_t dst_workload) const;
  Flow from_external(std::uint32_t src_interval, std::uint32_t dst_workload) const;
  Flow to_external(std::uint32_t src_workload, std::uint32_t dst_interval) const;
  // From an unlabelled pod in a namespace of its own (how netpol-analyzer models the ingress
  // controller behind Ingress and Route objects).
  Flow from_ingress_controller(std::uint32_t dst_workload) const;

  // The classes that decide a workload's flows, numbered densely: as a source its egress row and
  // ingress column, as a destination its egress column and ingress row. between(a, b) equals
  // between(c, d) when a and c share a source class and b and d a destination class (PairFlows).
  std::uint32_t source_class(std::uint32_t workload) const;
  std::uint32_t destination_class(std::uint32_t workload) const;
  std::pair<std::uint32_t, std::uint32_t> pair_class_counts() const;  // (source classes, destination classes)

  // Which policies isolate each side of src -> dst and which of their rules admit `port`.
  Why explain(std::uint32_t src_workload, std::uint32_t dst_workload, Protocol protocol, std::uint32_t port) const;

  // The policies (model.network_policies indexes) that select a workload for a direction, with
  // whether they surely do. Empty: not isolated in that direction.
  const std::vector<std::pair<std::uint32_t, index::Tri>>& isolating(std::uint32_t workload, bool ingress) const;

  // Not empty when the input cannot be evaluated: pods of one owner whose labels differ where a
  // policy selector depends on the difference (which pods a policy selects would be undefined).
  const std::string& error() const;

  struct Stats {
    std::size_t endpoints = 0, ingress_dst_classes = 0, ingress_src_classes = 0, egress_src_classes = 0,
                egress_dst_classes = 0, table_entries = 0;
  };
  Stats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace netlint::netpol
