// `netlint connectivity [PATH...]`: who may talk to whom under the view's NetworkPolicies.
#include <ostream>

#include "analyzer/cli/analysis.h"
#include "analyzer/cli/commands.h"
#include "analyzer/netpol/connectivity.h"
#include "analyzer/util/atomic_file.h"
#include "analyzer/util/display_text.h"

namespace netlint::cli {

int run_connectivity(const LintOptions& options, bool closed_world, std::ostream& out, std::ostream& err) {
  std::optional<config::Config> config;
  if (!load_config(options.config_path, options.max_file_size, config, err)) return kExitUsage;
  std::vector<LoadedView> views;
  if (const int status = load_views(options, config ? &*config : nullptr, views, err); status != kLoaded) return status;
  if (const int status = check_output_target(options, config ? &*config : nullptr, views.front().model, err); status != kLoaded) {
    return status;
  }
  std::string text;
  for (const LoadedView& loaded : views) {
    const model::Model& view = loaded.model;
    const netpol::ConnectivityList list = netpol::list_connections(view, loaded.facts, netpol::EngineOptions{closed_world});
    if (!list.error.empty()) {
      err << "netlint: connectivity: " << printable(list.error) << '\n';
      return kExitUsage;
    }
    // What the policies say is not what the cluster does when nothing enforces them (NL2015).
    if (const auto& enforced = loaded.facts.network_policy_enforced; enforced.usable() && !enforced.value) {
      err << "netlint: warning: " << (view.cluster.empty() ? "the view" : "cluster " + printable(view.cluster))
          << " has no component that enforces NetworkPolicy (NL2015): every connection is open there; this lists what the "
             "policies say\n";
    }
    if (views.size() > 1 && options.format == "text") text += "# cluster " + printable(view.cluster) + "\n";
    if (options.format == "json") text += netpol::connections_json(list);
    else if (options.format == "dot") text += netpol::connections_dot(list);
    else if (options.format == "mermaid") text += netpol::connections_mermaid(list);
    else text += netpol::connections_text(list);
  }
  if (options.output.empty()) {
    out << text;
  } else if (const std::string error = write_file_atomically(options.output, text); !error.empty()) {
    err << "netlint: " << printable(error) << '\n';
    return kExitUsage;
  }
  return kExitClean;
}

}  // namespace netlint::cli
