// A cluster fact (RULES.md Facts): a value with the places that show it and one of four states.
// Rules read `usable()` facts only: an unknown or ambiguous fact keeps them silent.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/source/source_file.h"

namespace netlint::facts {

enum class State {
  kKnown,      // detected in the view, or configured in .netlint.yaml
  kDefault,    // not detected; one of the four facts with a documented default
  kUnknown,    // not detected, no default: rules that need it stay silent
  kAmbiguous,  // conflicting evidence (variants of one object, exclusive components)
};
std::string_view state_name(State state);

// A place in the input that shows (part of) a fact, and what is there.
struct Evidence {
  SourceRange range;
  std::string what;  // "DaemonSet kube-flannel/kube-flannel-ds image ghcr.io/flannel-io/flannel:v0.28.9"
};

template <class T>
struct Fact {
  State state = State::kUnknown;
  T value{};
  std::vector<Evidence> evidence;
  SourceRange config_key;  // the .netlint.yaml key that set the value (invalid: not configured)

  bool usable() const noexcept { return state == State::kKnown || state == State::kDefault; }
  bool configured() const noexcept { return config_key.valid(); }
  void set(T v, State s = State::kKnown) {
    value = std::move(v);
    state = s;
  }
};

}  // namespace netlint::facts
