// NL2005/NL2006 are built on the evaluator, never on a heuristic of their own (issue 7): every
// workload a finding names has no DNS edge (UDP, resp. TCP, on the DNS port) to the DNS pods in
// the `connectivity` list of the same input.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzer/netpol/connectivity.h"
#include "analyzer/testing/load_texts.h"
#include "rules/registry.h"

namespace netlint::rules {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST_CASE("every workload an NL2005/NL2006 finding names has no DNS edge in the connectivity list") {
  int checked = 0;
  for (const char* folder :
       {"testdata/rules/networkpolicy-blocks-dns", "testdata/rules/networkpolicy-blocks-dns-tcp"}) {
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() != ".yaml") continue;
      const LoadedView model_loaded = testing::load_texts({{entry.path().string(), read(entry.path())}});
      const model::Model& model = model_loaded.model;
      const engine::View view(model, model_loaded.facts);
      const netpol::ConnectivityList list = netpol::list_connections(model, view.facts(), {});
      const auto& dns = view.facts().dns.value;
      const auto port = static_cast<std::uint32_t>(dns.port);
      for (const auto& [code, protocol] :
           {std::pair{"NL2005", netpol::Protocol::kUdp}, std::pair{"NL2006", netpol::Protocol::kTcp}}) {
        const engine::Rule* rule = find_rule(code);
        REQUIRE(rule != nullptr);
        engine::Sink sink(rule->info());
        rule->check(view, sink);
        for (const diag::Diagnostic& d : sink.diagnostics()) {
          // The workloads the message names, "ns/name[Kind]", other than the DNS pods.
          static const RE2 kWorkload(R"(([a-z0-9.-]+/[a-z0-9.-]+\[[A-Za-z]+\]))");
          re2::StringPiece rest(d.message);
          std::string client;
          while (RE2::FindAndConsume(&rest, kWorkload, &client)) {
            if (client.rfind(dns.namespace_name + "/", 0) == 0) continue;
            ++checked;
            for (const netpol::Connection& c : list.connections) {
              if (c.src != client || c.dst.rfind(dns.namespace_name + "/", 0) != 0) continue;
              INFO(entry.path().string() << ": " << client << " => " << c.dst << " : " << c.flow.possible.str());
              CHECK_FALSE(c.flow.possible.contains(protocol, port));
            }
          }
        }
      }
    }
  }
  CHECK(checked >= 3);  // the fixtures' findings name workloads
}

}  // namespace
}  // namespace netlint::rules
