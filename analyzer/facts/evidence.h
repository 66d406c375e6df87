// Small helpers every detector uses: reading images and flags of containers, describing where
// evidence is, and choosing a fact's value among candidates (with the ambiguity rule).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/facts/cluster_facts.h"
#include "analyzer/model/model.h"

namespace netlint::facts {

// `registry/org/name:tag@digest` -> "registry/org/name"; "tag" (without a leading `v`).
std::string_view image_repository(std::string_view image);
std::string image_version(std::string_view image);  // "" for digest-only or `latest`
// True when the repository's last path segments end with `suffix` ("flannel-io/flannel").
bool image_is(std::string_view image, std::string_view suffix);

// The value of a command-line flag in a container's command and args: `--flag=value`,
// `-flag=value` or `--flag value`. A bare `--flag` gives "true".
std::optional<model::Text> flag_value(const model::Container& container, std::string_view flag);

// "a, b,,c" -> {"a", "b", "c"}: comma-separated flag and config values, blanks trimmed.
std::vector<std::string> split_commas(std::string_view text);

const model::ConfigMap* find_config_map(const model::Model& model, std::string_view ns, std::string_view name);
const model::ConfigMapEntry* find_entry(const model::ConfigMap& config_map, std::string_view key);

// "apps/DaemonSet kube-system/calico-node" for grouping evidence by object identity.
std::string identity_of(const model::ObjectMeta& meta);

// A value seen somewhere, for a fact with several possible sources.
struct Candidate {
  std::string value;
  Evidence evidence;
  std::string identity;  // the object it comes from (variants share it)
  int priority = 0;      // lower wins: the component's own config before derived ones
};

// Picks a string fact from candidates: the best priority wins; when variants of one identity
// (at that priority) disagree, the fact is ambiguous and one conflict says so. Different objects
// that disagree are one install contradicting itself: the first wins, and the rule that relates
// them reports it.
// `key` names the fact as .netlint.yaml and `netlint facts` do (`podCIDRs`); `description` is
// how a message says it ("the pod CIDRs").
struct FactName {
  std::string_view key;
  std::string_view description;
};
void choose(std::vector<Candidate> candidates, Fact<std::string>& fact, FactName name, ClusterFacts& facts);
// choose() for an integer fact: a value that is not an integer leaves it unknown.
void choose_int(std::vector<Candidate> candidates, Fact<int>& fact, FactName name, ClusterFacts& facts);

// Candidates from where control-plane settings are written: a setting of a config document
// (KubeletConfiguration, kubeadm ClusterConfiguration, ...); a flag of a control-plane
// container (`binary` in its command or image); kubeadm's `<component>.extraArgs`, a map
// (v1beta3) or a list of {name, value} (v1beta4).
Candidate from_setting(const model::ConfigDocument& doc, const model::Setting& s, int priority);
void flag_candidates(const model::Model& m, std::string_view binary, std::string_view flag, int priority,
                     std::vector<Candidate>& out);
void kubeadm_arg(const model::ConfigDocument& doc, std::string_view component, std::string_view flag, int priority,
                 std::vector<Candidate>& out);

}  // namespace netlint::facts
