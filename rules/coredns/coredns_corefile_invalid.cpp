// NL4101 coredns-corefile-invalid: what upstream CoreDNS refuses at startup, short of removals
// (NL4102): unknown plugins and options, wrong arguments and out-of-range values, a once-only
// plugin twice in a block, and two blocks serving one (transport, zone, bind address, port).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "analyzer/model/scalar_edit.h"
#include "analyzer/diag/did_you_mean.h"
#include "rules/coredns/arg_spec.h"
#include "rules/coredns/corefile_walk.h"
#include "rules/coredns/plugin_table.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

using namespace coredns;

constexpr diag::RuleInfo kInfo{.code = "NL4101",
                               .name = "coredns-corefile-invalid",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a Corefile that upstream CoreDNS refuses at startup",
                               .doc = R"md(## What it finds
A Corefile (a file, a ConfigMap key `Corefile` or `*.server`, or the directives of a `*.override`
fragment) that CoreDNS 1.14 would refuse:
- an unknown plugin (`Unknown directive`) or an unknown option in a plugin's block
  (`unknown property`), with a did-you-mean when a known name is a near miss;
- arguments of the wrong type or count, and values out of range (kubernetes `ttl` above 3600,
  more than 15 `forward` upstreams, an unknown `policy`, a `reload` interval under 2 s);
- a plugin that may appear only once per server block (cache, errors, kubernetes, loop,
  prometheus, ready, ...) written twice in one block;
- two server blocks serving the same transport, zone, bind address and port (`cannot serve
  dns://.:53 - it is already defined`); blocks that use `view` are exempt;
- a plugin or option newer than the CoreDNS version running the Corefile (from the image tag of
  the pods that mount it, else the view's CoreDNS version);
- snippet imports that splice more than 100,000 directives into one Corefile: snippets that
  import snippets multiply, so a few lines can stand for millions, far more than any real
  Corefile and enough to exhaust CoreDNS's memory at startup. The finding is on the import that
  crosses the bound; netlint splices no further snippet in that Corefile and checks the rest
  as written.

## Why is this bad?
CoreDNS validates the whole Corefile at startup and exits on the first error: the pods
crash-loop and the cluster has no DNS. With `reload`, a bad edit is rejected and the old
configuration keeps running, so the change silently never takes effect.

## How to fix
Correct the name or value as the message says; merge duplicated plugins into one; give each
server block its own zone or port, or bind the blocks to different addresses; import a snippet
once where it is needed instead of through layers of snippets that repeat it.

## Known limitations
Plugins whose block grammar is open or not modelled (rewrite, template, cloud back ends, tsig,
dnstap, ...) have their blocks unchecked. Unknown plugins are not reported when the Corefile is
run by an image other than upstream CoreDNS (NodeLocal DNSCache, vendor builds), which may
compile in other plugins. Imports of files are not followed.
)md"};

// "; did you mean 'a' or 'b'?" in CoreDNS's quoting.
std::string did_you_mean(const std::vector<std::string>& near) {
  std::vector<std::string> quoted;
  for (const std::string& n : near) quoted.push_back(fmt::format("'{}'", n));
  return fmt::format("; did you mean {}?", diag::join_alternatives(quoted));
}

struct Finder {
  const model::CorefileSource& source;
  const CorefileRuntime& runtime;
  engine::Sink& out;
  const model::Model& model;

  // The fix renaming an unquoted word of the Corefile to the one near miss (safe) or the first
  // of several (unsafe); none where the embedding does not keep the word's bytes.
  std::optional<diag::Fix> rename(const corefile::Token& word, const std::vector<std::string>& near) const {
    if (near.empty() || word.quoted) return std::nullopt;
    return model::verbatim_fix(model, model::Text{word.text, range_of(source, word)}, near.front(),
                               near.size() == 1 ? diag::Applicability::kSafe : diag::Applicability::kUnsafe,
                               fmt::format("write '{}'", near.front()));
  }

  diag::Diagnostic& report(const corefile::Token& at, std::string message) {
    diag::Diagnostic& d = out.report(range_of(source, at), std::move(message));
    d.root_cause = root_cause_of(source, at);
    return d;
  }

  void check_args_of(std::string_view plugin, const corefile::Directive& d, std::string_view spec,
                     std::string_view option) {
    const auto problem = check_args(spec, d.args);
    if (!problem) return;
    const corefile::Token& at = problem->index ? d.args[*problem->index] : (d.args.empty() ? d.name : d.args.back());
    std::string message =
        fmt::format("plugin/{}: {}{}", plugin, option.empty() ? "" : fmt::format("{}: ", option), problem->message);
    if (!problem->index)
      message = fmt::format("plugin/{}: wrong argument count or unexpected line ending after '{}'", plugin, at.text);
    std::string help = fmt::format("write `{}{}{}`", option.empty() ? plugin : option, spec.empty() ? "" : " ", spec);
    if (problem->index && !problem->choices.empty()) {
      const auto near = diag::best_near_misses(d.args[*problem->index].text, problem->choices);
      if (!near.empty()) {
        message += did_you_mean(near);
        help = fmt::format("write '{}'", near.front());
      }
    }
    diag::Diagnostic& f = report(at, std::move(message));
    f.help = std::move(help);
    if (problem->index && !problem->choices.empty()) {
      f.fix = rename(at, diag::best_near_misses(at.text, problem->choices));
    }
  }

  void unknown_yet(const corefile::Token& name, std::string_view what, std::string_view since) {
    report(name, fmt::format("{} is unknown to {}; it arrived in {}", what, version_text(runtime), since)).help =
        "upgrade CoreDNS, or remove the line";
  }

  void check_plugin(const corefile::Directive& d) {
    const PluginSpec* plugin = find_plugin(d.name.text);
    if (plugin == nullptr) {
      if (!runtime.upstream) return;
      std::vector<std::string> names;
      for (const PluginSpec& p : plugins()) {
        if (status_at(p.life, runtime.version) != Status::kRemoved) names.emplace_back(p.name);
      }
      const auto near = diag::best_near_misses(d.name.text, names);
      diag::Diagnostic& f =
          report(d.name, fmt::format("unknown directive '{}'{}", d.name.text, near.empty() ? "" : did_you_mean(near)));
      f.help = near.empty() ? "remove the line, or run a CoreDNS build that includes this plugin"
                            : fmt::format("write '{}'", near.front());
      f.fix = rename(d.name, near);
      return;
    }
    const Status status = status_at(plugin->life, runtime.version);
    if (status == Status::kRemoved) return;  // NL4102
    if (status == Status::kUnknownYet) return unknown_yet(d.name, display_name(plugin->name, ""), plugin->life.since);
    check_args_of(plugin->name, d, plugin->args, "");
    if (plugin->name == "forward" && d.args.size() > 16) {
      report(d.args[16], fmt::format("plugin/forward: more than 15 TOs configured: {}", d.args.size() - 1)).help =
          "forward to at most 15 upstreams";
    }
    if (!d.has_block || plugin->free_block) return;
    std::vector<std::string> option_names;
    for (const OptionSpec& o : plugin->options) {
      if (status_at(o.life, runtime.version) == Status::kCurrent ||
          status_at(o.life, runtime.version) == Status::kDeprecated ||
          status_at(o.life, runtime.version) == Status::kIgnored) {
        option_names.emplace_back(o.name);
      }
    }
    for (const corefile::Directive& sub : d.block) {
      if (!checkable_name(sub.name)) continue;
      if (plugin->inline_hosts && check_args("IP", std::span(&sub.name, 1)) == std::nullopt) continue;  // `IP NAME...`
      const OptionSpec* option = find_option(*plugin, sub.name.text);
      if (option == nullptr) {
        const auto near = diag::best_near_misses(sub.name.text, option_names);
        diag::Diagnostic& f = report(sub.name, fmt::format("plugin/{}: unknown property '{}'{}", plugin->name,
                                                           sub.name.text, near.empty() ? "" : did_you_mean(near)));
        f.help = near.empty() ? fmt::format("the {} plugin takes: {}", plugin->name, fmt::join(option_names, ", "))
                              : fmt::format("write '{}'", near.front());
        f.fix = rename(sub.name, near);
        continue;
      }
      const Status s = status_at(option->life, runtime.version);
      if (s == Status::kRemoved) continue;  // NL4102
      if (s == Status::kUnknownYet) {
        unknown_yet(sub.name, display_name(plugin->name, option->name), option->life.since);
        continue;
      }
      check_args_of(plugin->name, sub, option->args, option->name);
    }
  }

  void check_once(const std::vector<corefile::Directive>& directives) {
    std::map<std::string, const corefile::Directive*> seen;
    for (const corefile::Directive& d : directives) {
      const PluginSpec* plugin = find_plugin(d.name.text);
      if (plugin == nullptr || !plugin->once || !checkable_name(d.name)) continue;
      auto [it, first] = seen.emplace(d.name.text, &d);
      if (first || it->second->begin == d.begin) continue;
      diag::Diagnostic& f =
          report(d.name, fmt::format("plugin/{}: this plugin can only be used once per Server Block", plugin->name));
      f.related.push_back({range_of(source, it->second->name), "first use in this block"});
      f.help = "merge the two into one";
    }
  }
};

// A server block address as CoreDNS keys its listeners: transport, zone, port (bind addresses
// are compared separately).
struct Address {
  std::string transport;
  std::string zone;
  std::string port;
  auto operator<=>(const Address&) const = default;
};

std::optional<Address> address_of(const corefile::Token& key) {
  if (key.env_placeholder || key.installer_placeholder || key.text.empty()) return std::nullopt;
  std::string_view text = key.text;
  Address a{"dns", "", ""};
  if (const auto scheme = text.find("://"); scheme != std::string_view::npos) {
    a.transport = std::string(text.substr(0, scheme));
    text.remove_prefix(scheme + 3);
  }
  if (const auto colon = text.rfind(':'); colon != std::string_view::npos && text.find(':') == colon) {
    a.port = std::string(text.substr(colon + 1));
    text = text.substr(0, colon);
  }
  if (a.port.empty()) {
    static const std::map<std::string, std::string, std::less<>> kDefault = {
        {"dns", "53"}, {"tls", "853"}, {"quic", "853"}, {"grpc", "443"}, {"https", "443"}, {"https3", "443"}};
    const auto it = kDefault.find(a.transport);
    if (it == kDefault.end()) return std::nullopt;
    a.port = it->second;
  }
  for (char c : text) a.zone.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  if (a.zone.empty() || a.zone.back() != '.') a.zone.push_back('.');
  if (a.zone == "..") a.zone = ".";
  return a;
}

class CorefileInvalid final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for_each_corefile(view, [&](const model::CorefileSource& source, const CorefileRuntime& runtime) {
      out.checking(source.text.anchor());
      Finder finder{source, runtime, out, view.model()};
      const std::vector<Block> blocks = blocks_of(source);
      for (const Block& b : blocks) {
        for (const corefile::Directive& d : b.directives) {
          if (checkable_name(d.name)) finder.check_plugin(d);
        }
        finder.check_once(b.directives);
      }
      if (!source.fragment) check_addresses(source, blocks, finder);
      for (const corefile::ExpansionProblem& p : source.ast.expansion_problems) report_expansion(source, p, out);
    });
  }

 private:
  static void report_expansion(const model::CorefileSource& source, const corefile::ExpansionProblem& p,
                               engine::Sink& out) {
    diag::Diagnostic& f = out.report(source.text.map(p.begin, p.end), p.message);
    if (p.outer_begin != p.begin)
      f.related.push_back({source.text.map(p.outer_begin, p.outer_end), "imported into the server block here"});
    f.help = "import each snippet once where it is needed, instead of through snippets that repeat it";
  }

  static void check_addresses(const model::CorefileSource& source, const std::vector<Block>& blocks, Finder& finder) {
    struct Seen {
      const corefile::Token* key;
      std::set<std::string> binds;
    };
    std::map<Address, std::vector<Seen>> seen;
    for (const Block& b : blocks) {
      std::set<std::string> binds;
      bool filtered = false;
      for (const corefile::Directive& d : b.directives) {
        if (d.name.text == "view") filtered = true;
        if (d.name.text != "bind") continue;
        for (const corefile::Token& a : d.args) binds.insert(a.text);
      }
      if (filtered) continue;
      std::set<Address> in_block;
      for (const corefile::Token& key : b.block->keys) {
        const auto address = address_of(key);
        if (!address || !in_block.insert(*address).second) continue;
        std::vector<Seen>& earlier = seen[*address];
        for (const Seen& s : earlier) {
          const bool clash =
              (s.binds.empty() && binds.empty()) ||
              std::any_of(binds.begin(), binds.end(), [&](const std::string& x) { return s.binds.count(x) != 0; });
          if (!clash) continue;
          diag::Diagnostic& f = finder.report(key, fmt::format("cannot serve {}://{}:{} - it is already defined",
                                                               address->transport, address->zone, address->port));
          f.related.push_back({range_of(source, *s.key), "the block that defines it first"});
          f.help = "merge the two blocks, or give them different zones, ports or bind addresses";
          break;
        }
        earlier.push_back({&key, binds});
      }
    }
  }
};

}  // namespace

const engine::Rule* coredns_corefile_invalid() {
  static const CorefileInvalid rule;
  return &rule;
}

}  // namespace netlint::rules
