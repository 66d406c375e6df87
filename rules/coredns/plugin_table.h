// The one table of CoreDNS 1.14 plugins and their options (knowledge/domain.md 1.2-1.4) that
// NL4101, NL4102, NL4103 and the table-generated test read: for each plugin whether it may
// appear once per server block, the arguments it takes, its block options with their value
// types, and the versions that introduced, deprecated, made ignored or removed a plugin or an
// option (coredns/corefile-migration's table).
//
// Argument specs are small grammars, one element per space-separated word:
//   INT, DURATION (Go syntax: 5s, 1m30s), PERCENT (10%), IP, CIDR: checked value types;
//   STRING, ZONE, ADDR, FILE, URL: any token (named for the reader and the generated test);
//   a|b|c: one of these words; TYPE(lo..hi): a range, either bound optional (DURATION(..5m));
//   [X]: optional; X...: one or more; [X...]: zero or more.
// `free` options (nullptr spec list with free_block) mean the plugin's block is not checked:
// plugins whose block grammar is open (rewrite, template rules, cloud back ends) or not
// modelled here; unknown options there are never reported.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "analyzer/facts/version.h"

namespace netlint::rules::coredns {

// Versions of a plugin's or option's life; empty when it did not happen.
struct Lifecycle {
  std::string_view since;        // first release that accepts it (older ones: unknown directive)
  std::string_view deprecated;   // works, with a warning
  std::string_view ignored;      // accepted, no effect
  std::string_view removed;      // CoreDNS refuses to start
  std::string_view replacement;  // what to use instead ("forward")
};

struct OptionSpec {
  std::string_view name;
  std::string_view args;  // spec as above
  Lifecycle life{};
};

struct PluginSpec {
  std::string_view name;
  std::string_view args;
  bool once = false;                    // plugin.ErrOnce: once per server block
  std::span<const OptionSpec> options;  // the block's options
  bool free_block = false;              // the block is not checked
  bool inline_hosts = false;            // `hosts`: block lines may be `IP NAME...` entries
  Lifecycle life{};
};

// Every plugin CoreDNS 1.14 compiles in (plugin.cfg), plus removed ones still found in old
// Corefiles (proxy, federation, reverse, startup, shutdown).
std::span<const PluginSpec> plugins();
const PluginSpec* find_plugin(std::string_view name);
const OptionSpec* find_option(const PluginSpec& plugin, std::string_view name);

// Where a plugin or option stands at `version`.
enum class Status { kUnknownYet, kCurrent, kDeprecated, kIgnored, kRemoved };
Status status_at(const Lifecycle& life, const facts::Version& version);

// True when `version` accepts `plugin`'s block option `option` and it has an effect (current or
// deprecated): a rule whose help recommends the option stays silent otherwise (RULES.md NL4105,
// NL4108). Unknown plugins and options are taken as available.
bool option_available(std::string_view plugin, std::string_view option, const facts::Version& version);

}  // namespace netlint::rules::coredns
