// `netlint connectivity [PATH...]`: who may talk to whom under the view's NetworkPolicies.
#include <memory>
#include <ostream>

#include "analyzer/cli/analysis.h"
#include "analyzer/cli/commands.h"
#include "analyzer/netpol/connectivity.h"
#include "analyzer/netpol/policy_engine.h"
#include "analyzer/util/atomic_file.h"
#include "analyzer/util/display_text.h"

namespace netlint::cli {

int run_connectivity(const LintOptions& options, bool closed_world, std::ostream& out, std::ostream& err) {
  std::optional<config::Config> config;
  if (!load_config(options.config_path, options.max_file_size, config, err)) return kExitUsage;
  std::vector<LoadedView> views;
  if (const int status = load_views(options, config ? &*config : nullptr, views, err); status != kLoaded) return status;
  if (const int status = check_output_target(options, config ? &*config : nullptr, views.front().model, err);
      status != kLoaded) {
    return status;
  }
  // Every view is evaluated before anything is written, so that a view that cannot be evaluated
  // leaves no partial output.
  std::vector<std::unique_ptr<const netpol::PolicyEngine>> engines;
  for (const LoadedView& loaded : views) {
    const model::Model& view = loaded.model;
    engines.push_back(
        std::make_unique<const netpol::PolicyEngine>(view, loaded.facts, netpol::EngineOptions{closed_world}));
    if (!engines.back()->error().empty()) {
      err << "netlint: connectivity: " << printable(engines.back()->error()) << '\n';
      return kExitUsage;
    }
    // What the policies say is not what the cluster does when nothing enforces them (NL2015).
    if (const auto& enforced = loaded.facts.network_policy_enforced; enforced.usable() && !enforced.value) {
      err << "netlint: warning: " << (view.cluster.empty() ? "the view" : "cluster " + printable(view.cluster))
          << " has no component that enforces NetworkPolicy (NL2015): every connection is open there; this lists what "
             "the "
             "policies say\n";
    }
  }
  // The output is streamed (hundreds of MB at 10,000 objects): to the stream, or through a
  // buffer of about a megabyte into the file, which replaces the target only when complete.
  AtomicFile file;
  if (!options.output.empty()) {
    if (const std::string error = file.open(options.output); !error.empty()) {
      err << "netlint: " << printable(error) << '\n';
      return kExitUsage;
    }
  }
  std::string buffer;
  const auto drain = [&] {
    file.write(buffer);
    buffer.clear();
  };
  const netpol::TextSink sink = [&](std::string_view piece) {
    if (options.output.empty()) {
      out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return;
    }
    buffer += piece;
    if (buffer.size() >= (std::size_t{1} << 20)) drain();
  };
  for (std::size_t v = 0; v < views.size(); ++v) {
    if (views.size() > 1 && options.format == "text") sink("# cluster " + printable(views[v].model.cluster) + "\n");
    netpol::write_connections(views[v].model, *engines[v], options.format, sink);
  }
  if (!options.output.empty()) {
    drain();
    if (const std::string error = file.commit(); !error.empty()) {
      err << "netlint: " << printable(error) << '\n';
      return kExitUsage;
    }
  }
  return kExitClean;
}

}  // namespace netlint::cli
