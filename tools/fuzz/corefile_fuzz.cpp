// libFuzzer target: the Corefile parser (whole files and `*.override` fragments), snippet
// expansion, and NL4101's argument checker on every directive the parser finds. Beyond the
// sanitizers, it checks that every position lies inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzer/corefile/corefile.h"
#include "rules/coredns/arg_spec.h"
#include "rules/coredns/plugin_table.h"

namespace {

using namespace netlint;

void require(bool ok) {
  if (!ok) std::abort();
}

void check_token(const corefile::Token& t, std::size_t size) {
  require(t.begin <= t.end && t.end <= size);
}

void check_directive(const corefile::Directive& d, std::size_t size, int depth) {
  require(depth < 10000);
  check_token(d.name, size);
  for (const corefile::Token& a : d.args) check_token(a, size);
  require(d.end <= size);
  if (const rules::coredns::PluginSpec* plugin = rules::coredns::find_plugin(d.name.text)) {
    (void)rules::coredns::check_args(plugin->args, d.args);
    for (const corefile::Directive& sub : d.block) {
      if (const rules::coredns::OptionSpec* option = rules::coredns::find_option(*plugin, sub.name.text)) {
        (void)rules::coredns::check_args(option->args, sub.args);
      }
    }
  }
  for (const corefile::Directive& sub : d.block) check_directive(sub, size, depth + 1);
}

void check(const corefile::Corefile& c, std::size_t size) {
  for (const corefile::ParseProblem& p : c.problems) require(p.offset <= size);
  for (const corefile::ExpansionProblem& p : c.expansion_problems) {
    require(p.begin <= p.end && p.end <= size && p.outer_begin <= p.outer_end && p.outer_end <= size);
  }
  for (const corefile::ServerBlock& b : c.blocks) {
    for (const corefile::Token& k : b.keys) check_token(k, size);
    require(b.begin <= b.end && b.end <= size);
    for (const corefile::Directive& d : b.directives) check_directive(d, size, 0);
    for (const corefile::Directive& d : b.expanded) check_directive(d, size, 0);
  }
  for (const corefile::Snippet& s : c.snippets) {
    for (const corefile::Directive& d : s.directives) check_directive(d, size, 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(corefile::parse_corefile(text), size);
  check(corefile::parse_corefile_fragment(text), size);
  return 0;
}
