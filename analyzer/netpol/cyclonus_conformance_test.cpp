// The second oracle (knowledge/oracles.md section 4): mattfenwick/cyclonus's truth tables for its
// simple-example policies on the 9-pod model of the upstream e2e tests. The pods of probe.json
// become Kubernetes objects (namespaces x, y, z labelled ns=<name>; pods a, b, c labelled
// pod=<name> with their IPs and named TCP ports 80 and 81), and every cell of the Ingress,
// Egress and Combined tables for TCP 80, 81 and 82 is compared: `.` allowed, `X` denied, `N`
// the destination does not serve the port (then no container declares it; `?` in the Egress
// table of such a port is cyclonus's "undecided", checked the same way). Cyclonus matches
// ipBlocks against pod IPs, as Calico does, so the evaluator runs with that CNI fact.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/netpol/policy_engine.h"
#include "analyzer/testing/load_texts.h"

namespace netlint::netpol {
namespace {

namespace fs = std::filesystem;
const fs::path kCyclonus = "../shared/corpus/oracles/mattfenwick__cyclonus";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The tables of analyze-probe.txt in order: per probe, Ingress, Egress, Combined; each a 9x9
// grid of cells, rows are sources ("x/a"), columns destinations.
struct Table {
  std::string kind;
  std::vector<std::string> rows;
  std::vector<std::vector<std::string>> cells;
};

std::vector<Table> parse_tables(const std::string& text) {
  std::vector<Table> tables;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line == "Ingress:" || line == "Egress:" || line == "Combined:") {
      tables.push_back({line.substr(0, line.size() - 1), {}, {}});
      continue;
    }
    if (tables.empty() || line.rfind("| ", 0) != 0 || line.rfind("|     |", 0) == 0) continue;
    std::vector<std::string> fields;
    std::istringstream cols(line);
    std::string field;
    while (std::getline(cols, field, '|')) {
      const auto b = field.find_first_not_of(' ');
      if (b == std::string::npos) continue;
      fields.push_back(field.substr(b, field.find_last_not_of(' ') - b + 1));
    }
    if (fields.size() != 10) continue;
    tables.back().rows.push_back(fields[0]);
    tables.back().cells.emplace_back(fields.begin() + 1, fields.end());
  }
  std::erase_if(tables, [](const Table& t) { return t.rows.empty(); });  // the empty artifact at the end
  return tables;
}

TEST_CASE("cyclonus truth tables: every Ingress, Egress and Combined cell of the probe") {
  if (!fs::exists(kCyclonus / "examples/probe.json")) {
    MESSAGE("no cyclonus oracle under " << kCyclonus << "; not checked");
    return;
  }
  const nlohmann::json probe = nlohmann::json::parse(read(kCyclonus / "examples/probe.json"));
  std::string yaml;
  for (const auto& [name, labels] : probe["Resources"]["Namespaces"].items()) {
    yaml += "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: \"" + name + "\"\n  labels:\n";
    for (const auto& [k, v] : labels.items()) yaml += "    \"" + k + "\": \"" + v.get<std::string>() + "\"\n";
  }
  std::vector<std::string> pod_names;
  for (const auto& pod : probe["Resources"]["Pods"]) {
    const std::string ns = pod["Namespace"], name = pod["Name"];
    pod_names.push_back(ns + "/" + name);
    yaml +=
        "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: \"" + name + "\"\n  namespace: \"" + ns + "\"\n  labels:\n";
    for (const auto& [k, v] : pod["Labels"].items()) yaml += "    \"" + k + "\": \"" + v.get<std::string>() + "\"\n";
    yaml += "spec:\n  containers:\n";
    for (const auto& c : pod["Containers"]) {
      std::string protocol = c["Protocol"];
      for (char& ch : protocol) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      yaml += "  - name: " + c["Name"].get<std::string>() + "\n    ports: [{name: " + c["PortName"].get<std::string>() +
              ", containerPort: " + std::to_string(c["Port"].get<int>()) + ", protocol: " + protocol + "}]\n";
    }
    yaml += "status:\n  podIP: \"" + pod["IP"].get<std::string>() + "\"\n";
  }
  std::vector<std::pair<std::string, std::string>> files = {{"model.yaml", yaml}};
  for (const auto& entry : fs::directory_iterator(kCyclonus / "networkpolicies/simple-example")) {
    files.emplace_back(entry.path().string(), read(entry.path()));
  }
  const LoadedView model_loaded = testing::load_texts(files);
  const model::Model& model = model_loaded.model;
  REQUIRE(model.network_policies.size() == 7);
  facts::ClusterFacts facts = model_loaded.facts;
  facts.cni.set(facts::CniFact{{facts::Cni{"calico", facts::Enforcement::kYes, "", {}, ""}}, ""});
  const PolicyEngine engine(model, facts, {});
  // The nine pods, and the synthetic DNS peer the open world adds.
  REQUIRE(std::count_if(engine.workloads().begin(), engine.workloads().end(),
                        [](const Workload& w) { return !w.synthetic; }) == 9);
  auto workload = [&](const std::string& ns_name) {
    for (std::uint32_t w = 0; w < engine.workloads().size(); ++w) {
      const Workload& wl = engine.workloads()[w];
      if (wl.namespace_name + "/" + wl.name == ns_name) return w;
    }
    FAIL("no pod " << ns_name);
    return 0u;
  };
  auto lower = [](std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  const std::vector<Table> tables = parse_tables(read(kCyclonus / "examples/cyclonus-output/analyze-probe.txt"));
  const auto& probes = probe["Probes"];
  REQUIRE(tables.size() == 3 * probes.size());
  int cells = 0;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const auto& p = probes[t / 3];
    Protocol protocol = Protocol::kTcp;
    REQUIRE(parse_protocol(p["Protocol"].get<std::string>(), protocol));
    const auto port = static_cast<std::uint32_t>(p["Port"].get<int>());
    const Table& table = tables[t];
    REQUIRE(table.rows.size() == 9);
    for (std::size_t r = 0; r < 9; ++r) {
      for (std::size_t c = 0; c < 9; ++c) {
        const std::uint32_t src = workload(table.rows[r]);
        const std::uint32_t dst = workload(lower(pod_names[c]));
        const Flow flow = table.kind == "Ingress"  ? engine.ingress_part(src, dst)
                          : table.kind == "Egress" ? engine.egress_part(src, dst)
                                                   : engine.between(src, dst);
        const std::string& cell = table.cells[r][c];
        INFO(table.kind << " " << p.dump() << " " << table.rows[r] << " -> " << pod_names[c] << ": expected " << cell);
        ++cells;
        // `N`: the destination does not serve the port; `?`: cyclonus leaves the egress cell of
        // such a port undecided (its probe has nothing to connect to). Neither carries a policy
        // verdict; both must be ports no container of the destination declares.
        if (cell == "N" || cell == "?") {
          bool served = false;
          for (const auto& container : model.pod_sources[engine.workloads()[dst].pods.front()].containers) {
            for (const auto& cp : container.ports) served = served || cp.number.value == port;
          }
          CHECK_FALSE(served);
        } else if (cell == ".") {
          CHECK(flow.allowed.contains(protocol, port));
        } else {
          REQUIRE(cell == "X");
          CHECK_FALSE(flow.possible.contains(protocol, port));
        }
      }
    }
  }
  CHECK(cells == 729);
}

}  // namespace
}  // namespace netlint::netpol
