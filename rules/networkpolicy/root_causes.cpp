#include "rules/networkpolicy/root_causes.h"

#include <fmt/format.h>

namespace netlint::rules {
namespace {

std::string key(std::string_view what, const SourceRange& at) {
  return fmt::format("netpol-{}@{}:{}", what, at.file, at.begin);
}

}  // namespace

std::string port_item_cause(const model::PolicyPort& port) {
  return key("port", port.item);
}
std::string ip_block_cause(const model::IpBlock& block) {
  return key("ipblock", block.key);
}
std::string peer_cause(const model::PolicyPeer& peer) {
  return key("peer", peer.item);
}
std::string peer_pod_selector_cause(const model::SelectorSpec& pod_selector) {
  return key("peer-pod-selector", pod_selector.key);
}

}  // namespace netlint::rules
