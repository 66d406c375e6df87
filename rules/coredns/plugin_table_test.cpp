// The CoreDNS plugin table against knowledge/domain.md 1.3, and NL4101 generated from the table:
// every current plugin and option with arguments built from its own spec is accepted, and a
// misspelt option gets a did-you-mean naming it.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "analyzer/engine/view.h"
#include "analyzer/testing/load_texts.h"
#include "rules/coredns/arg_spec.h"
#include "rules/coredns/plugin_table.h"
#include "rules/registry.h"

namespace netlint::rules::coredns {
namespace {

// domain.md 1.3, plugin then its options, verbatim.
constexpr std::string_view kDomainOptions = R"(
kubernetes: endpoint tls kubeconfig apiserver_qps apiserver_burst apiserver_max_inflight namespaces
  namespace_labels labels pods endpoint_pod_names ttl noendpoints fallthrough ignore multicluster zonal
  startup_timeout
forward: except force_tcp prefer_udp expire max_age max_idle_conns read_timeout max_fails max_connect_attempts
  health_check policy max_concurrent doh_method tls tls_servername next failfast_all_unhealthy_upstreams
  failover source_address resolver
cache: success denial prefetch serve_stale serve_stale_policy servfail disable keepttl
health: lameduck
ready: monitor
prometheus: runtime_metrics
errors: stacktrace consolidate
log: class
loadbalance: reload prefer
hosts: ttl no_reverse reload fallthrough fallthrough_unsupported
)";

// The findings of NL4101 on one Corefile file.
std::vector<diag::Diagnostic> lint(const std::string& corefile) {
  const LoadedView m_loaded = testing::load_texts({{"Corefile", corefile}});
  const model::Model& m = m_loaded.model;
  const engine::View view(m, m_loaded.facts);
  const engine::Rule* rule = find_rule("NL4101");
  REQUIRE(rule != nullptr);
  engine::Sink sink(rule->info());
  rule->check(view, sink);
  return std::move(sink.diagnostics());
}

std::string line_of(std::string_view name, const std::vector<std::string>& args) {
  std::string line(name);
  for (const std::string& a : args) line += " " + a;
  return line;
}

std::string messages(const std::vector<diag::Diagnostic>& ds) {
  std::string out;
  for (const diag::Diagnostic& d : ds) out += d.message + "\n";
  return out;
}

// A near miss of `name` that is no option of `plugin`: two letters swapped, else one dropped.
std::string misspell(const PluginSpec& plugin, std::string name) {
  for (std::size_t i = 1; i + 1 < name.size(); ++i) {
    std::string s = name;
    std::swap(s[i], s[i + 1]);
    if (s != name && find_option(plugin, s) == nullptr) return s;
  }
  return name + "x";
}

TEST_SUITE("coredns plugin table") {
  TEST_CASE("plugins are sorted and unique") {
    const auto all = plugins();
    CHECK(std::is_sorted(all.begin(), all.end(),
                         [](const PluginSpec& a, const PluginSpec& b) { return a.name < b.name; }));
    CHECK(std::adjacent_find(all.begin(), all.end(),
                             [](const PluginSpec& a, const PluginSpec& b) { return a.name == b.name; }) == all.end());
  }

  TEST_CASE("every option of domain.md 1.3 is in the table") {
    std::istringstream in{std::string(kDomainOptions)};
    std::string word;
    const PluginSpec* plugin = nullptr;
    std::size_t options = 0;
    while (in >> word) {
      if (word.back() == ':') {
        plugin = find_plugin(word.substr(0, word.size() - 1));
        REQUIRE_MESSAGE(plugin != nullptr, word);
        continue;
      }
      REQUIRE(plugin != nullptr);
      CHECK_MESSAGE(find_option(*plugin, word) != nullptr, plugin->name, " ", word);
      ++options;
    }
    CHECK(options == 59);
  }

  TEST_CASE("once-only plugins are plugin.ErrOnce's list") {
    std::vector<std::string> once;
    for (const PluginSpec& p : plugins()) {
      if (p.once) once.emplace_back(p.name);
    }
    CHECK(once == std::vector<std::string>{"cache", "dnssec", "errors", "grpc", "hosts", "kubernetes", "loop", "nsid",
                                           "pprof", "prometheus", "ready", "shed", "tsig", "view"});
  }

  TEST_CASE("lifecycle at a version") {
    const PluginSpec* proxy = find_plugin("proxy");
    REQUIRE(proxy != nullptr);
    CHECK(status_at(proxy->life, {1, 3, 1}) == Status::kCurrent);
    CHECK(status_at(proxy->life, {1, 4, 0}) == Status::kDeprecated);
    CHECK(status_at(proxy->life, {1, 5, 0}) == Status::kRemoved);
    const OptionSpec* upstream = find_option(*find_plugin("kubernetes"), "upstream");
    REQUIRE(upstream != nullptr);
    CHECK(status_at(upstream->life, {1, 5, 2}) == Status::kIgnored);
    CHECK(status_at(find_plugin("ready")->life, {1, 2, 2}) == Status::kUnknownYet);
  }

  TEST_CASE("durations as Go parses them") {
    CHECK(parse_duration_ms("5s") == 5000);
    CHECK(parse_duration_ms("1m30s") == 90000);
    CHECK(parse_duration_ms("0") == 0);
    CHECK(parse_duration_ms("1.5h") == 5400000);
    CHECK_FALSE(parse_duration_ms("5"));
    CHECK_FALSE(parse_duration_ms("5x"));
    CHECK_FALSE(parse_duration_ms(""));
    CHECK(parse_duration_ms(".5s") == 500);
    CHECK(parse_duration_ms("250\xCE\xBCs") == 0.25);
    CHECK_FALSE(parse_duration_ms("+5s"));  // no sign, not even a plus
    CHECK_FALSE(parse_duration_ms("-0"));
    CHECK_FALSE(parse_duration_ms("1.2.3s"));
    CHECK_FALSE(parse_duration_ms("3000000h"));  // beyond int64 nanoseconds
  }

  TEST_CASE("every current plugin and option is accepted with arguments from its own spec") {
    for (const PluginSpec& p : plugins()) {
      if (status_at(p.life, {1, 14, 7}) == Status::kRemoved) continue;
      const std::string plain = fmt::format(". {{\n    {}\n}}\n", line_of(p.name, sample_args(p.args)));
      CHECK_MESSAGE(lint(plain).empty(), plain, messages(lint(plain)));
      for (const OptionSpec& o : p.options) {
        if (status_at(o.life, {1, 14, 7}) == Status::kRemoved) continue;
        const std::string with_option =
            fmt::format(". {{\n    {} {{\n        {}\n    }}\n}}\n", line_of(p.name, sample_args(p.args)),
                        line_of(o.name, sample_args(o.args)));
        CHECK_MESSAGE(lint(with_option).empty(), with_option, messages(lint(with_option)));
      }
    }
  }

  TEST_CASE("a misspelt option gets a did-you-mean naming it") {
    std::size_t checked = 0;
    for (const PluginSpec& p : plugins()) {
      if (status_at(p.life, {1, 14, 7}) == Status::kRemoved) continue;
      for (const OptionSpec& o : p.options) {
        if (status_at(o.life, {1, 14, 7}) == Status::kRemoved) continue;
        const std::string typo = misspell(p, std::string(o.name));
        const std::string text = fmt::format(". {{\n    {} {{\n        {}\n    }}\n}}\n",
                                             line_of(p.name, sample_args(p.args)), line_of(typo, sample_args(o.args)));
        const auto found = lint(text);
        REQUIRE_MESSAGE(found.size() == 1, text, messages(found));
        CHECK_MESSAGE(found[0].message.find(fmt::format("unknown property '{}'", typo)) != std::string::npos,
                      found[0].message);
        CHECK_MESSAGE(found[0].message.find(fmt::format("'{}'", o.name)) != std::string::npos, found[0].message);
        ++checked;
      }
    }
    CHECK(checked > 60);
  }

  TEST_CASE("a misspelt plugin gets a did-you-mean") {
    const auto found = lint(". {\n    forwrad . 8.8.8.8\n}\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "unknown directive 'forwrad'; did you mean 'forward'?");
  }
}

}  // namespace
}  // namespace netlint::rules::coredns
