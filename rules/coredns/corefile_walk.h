// The walk the CoreDNS rules share: each Corefile of the view with its runtime (which image and
// version run it), and each server block's directives with snippet imports spliced in.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/corefile/corefile.h"
#include "analyzer/engine/view.h"
#include "rules/coredns/corefile_runtime.h"

namespace netlint::rules::coredns {

// A server block and its directives with snippet imports expanded (the parser's one expansion,
// ServerBlock::expanded, shared by every rule: no copy).
struct Block {
  const corefile::ServerBlock* block = nullptr;
  const std::vector<corefile::Directive>& directives;
};

std::vector<Block> blocks_of(const model::CorefileSource& source);

// Calls `fn` for every Corefile of the view (whole ones and `*.override` fragments).
void for_each_corefile(const engine::View& view,
                       const std::function<void(const model::CorefileSource&, const CorefileRuntime&)>& fn);

// A directive or option name that names something: not a placeholder, not a brace glued to a
// word (`}STUBDOMAINS`, a parse error NL0001 reports), not `import`.
bool checkable_name(const corefile::Token& name);

// The user's file range of a token.
SourceRange range_of(const model::CorefileSource& source, const corefile::Token& token);

// The precedence key NL4101 and NL4102 share for a directive or option name.
std::string root_cause_of(const model::CorefileSource& source, const corefile::Token& name);

// "plugin proxy", "kubernetes option upstream".
std::string display_name(std::string_view plugin, std::string_view option);

}  // namespace netlint::rules::coredns

namespace netlint::rules::coredns {

struct PluginSpec;
struct OptionSpec;
struct Lifecycle;

// A plugin or option of the table written in a Corefile, with where it stands at the version
// running that Corefile (NL4102 and NL4103 read the removed, deprecated and ignored ones).
struct LifecycleUse {
  const model::CorefileSource& source;
  const CorefileRuntime& runtime;
  const corefile::Directive& directive;  // the plugin line, or the option line
  const PluginSpec& plugin;
  const OptionSpec* option;  // null for the plugin itself
  const Lifecycle& life;
};
void for_each_lifecycle_use(const engine::View& view, const std::function<void(const LifecycleUse&)>& fn);

// "CoreDNS 1.14.7 (image coredns/coredns:1.14.7)".
std::string version_text(const CorefileRuntime& runtime);

}  // namespace netlint::rules::coredns
