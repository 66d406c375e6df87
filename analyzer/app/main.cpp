// netlint's command line. The only translation unit that includes CLI11 (it dominates compile
// time); everything it calls lives in the other cli/ files.
#include <CLI/CLI.hpp>

#include <iostream>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/rule_docs.h"
#include "analyzer/lsp/server.h"

namespace {

constexpr const char* kDescription =
    "netlint finds Kubernetes networking mistakes in manifests before they reach a cluster:\n"
    "Service selectors that match no pods, NetworkPolicies that block DNS, CoreDNS and\n"
    "ingress-nginx misconfigurations. It reads files only; it never contacts a cluster.";

constexpr const char* kFooter =
    "Paths are files or directories (walked recursively for *.yaml, *.yml, *.json, Corefiles and\n"
    "net.d/*.conflist); '-' reads standard input. Without paths, the current directory.\n"
    "\n"
    "Exit status:\n"
    "  0  no finding at or above --fail-on\n"
    "  1  findings at or above --fail-on\n"
    "  2  usage error, or a named path cannot be read (missing, denied, a FIFO or device)\n"
    "  3  internal error (a rule failed: see NL0002 in the output)\n"
    "  --fix: the status of the findings that remain; --diff: 1 if a fix would change a file, else 0\n"
    "\n"
    "Environment:\n"
    "  NO_COLOR           when set and not empty, no colour even on a terminal\n"
    "  NETLINT_NO_CACHE   when set and not empty or 0, no on-disk parse cache (as --no-cache)\n"
    "  NETLINT_CACHE_DIR  where the parse cache lives (as --cache-dir; default: .netlint_cache in the\n"
    "                     git root, else $XDG_CACHE_HOME/netlint or ~/.cache/netlint)\n"
    "\n"
    "Examples:\n"
    "  netlint deploy/                 lint every manifest under deploy/\n"
    "  netlint --fail-on error k8s/    fail only on errors\n"
    "  netlint --fix deploy/           apply the safe fixes (--diff to preview them)\n"
    "  netlint rules                   list every rule\n"
    "  netlint explain NL1001          the documentation of one rule\n"
    "  netlint facts deploy/           what the manifests imply about the cluster (CNI, DNS, ...)\n"
    "  netlint connectivity deploy/    who may talk to whom under the NetworkPolicies\n"
    "  kustomize build . | netlint -   lint rendered output";

// `--namespace` names a namespace: a DNS-1123 label, as the API server requires
// (ValidateNamespaceName). Anything else would put every namespace-less object in a namespace
// that cannot exist.
const CLI::Validator kNamespaceName(
    [](std::string& value) -> std::string {
      const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
      bool ok = !value.empty() && value.size() <= 63 && alnum(value.front()) && alnum(value.back());
      for (char c : value) ok = ok && (alnum(c) || c == '-');
      return ok ? std::string()
                : "is not a namespace name (lower-case letters, digits and '-', at most 63, starting and ending "
                  "alphanumeric)";
    },
    "NAMESPACE");

// RULES.md "Apply units and namespaces": no default; unset, namespace-less objects share one
// unnamed apply-time namespace that may equal any named one.
constexpr const char* kNamespaceHelp =
    "Namespace that objects naming none are applied in, as with kubectl -n (default: cluster.applyNamespace, "
    "else unnamed)";

}  // namespace

int main(int argc, char** argv) {
  using netlint::cli::FailOn;
  CLI::App app{kDescription, "netlint"};
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("netlint ") + NETLINT_VERSION);
  app.get_formatter()->column_width(34);

  netlint::cli::LintOptions options;
  app.add_option("paths", options.paths, "Files or directories to lint ('-' for standard input)");
  app.add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->default_str("text");
  app.add_option("--sarif-category", options.sarif_category,
                 "SARIF: run.automationDetails.id, e.g. netlint/ (GitHub's category)");
  app.add_option("--base-dir", options.base_dir,
                 "sarif, github: paths relative to DIR (default: the git root, else here)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  app.add_option("--help-uri-base", options.help_uri_base, "SARIF: each rule's helpUri is URL/<rule-name>.md")
      ->type_name("URL");
  app.add_option("-o,--output", options.output,
                 "Write the report to FILE (atomically; never over an input) instead of standard output");
  std::string fail_on;
  CLI::Option* fail_on_option =
      app.add_option("--fail-on", fail_on,
                     "Lowest severity that makes the exit status 1 (default: the config's failOn, else warning)")
          ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  app.add_option("--config", options.config_path,
                 "Config file (default: .netlint.yaml found upward from here, up to the repository root)");
  // One value per occurrence (repeat the flag for more), so `--disable NL1001 deploy/` keeps
  // deploy/ as a path instead of reading it as a second rule.
  CLI::Option* select_option =
      app.add_option(
             "--select", options.select,
             "Run exactly these rules: codes, names, groups (correctness, suspicious, perf, best-practice, nursery), "
             "code prefixes (NL2) or ALL; comma-separated")
          ->type_name("LIST")
          ->delimiter(',')
          ->allow_extra_args(false);
  app.add_option("--extend-select", options.extend_select,
                 "Add rules, groups or prefixes to the selection; comma-separated")
      ->type_name("LIST")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--ignore", options.ignore, "Remove rules, groups or prefixes from the selection; comma-separated")
      ->type_name("LIST")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--enable", options.enable, "Same as --extend-select RULE; repeatable")
      ->type_name("RULE")
      ->allow_extra_args(false);
  app.add_option("--disable", options.disable, "Same as --ignore RULE; repeatable")
      ->type_name("RULE")
      ->allow_extra_args(false);
  app.add_option("--stdin-filename", options.stdin_filename,
                 "Analyze standard input as if it were PATH (its folder, its clusters: view, the path reported); "
                 "implies '-' when no path is given")
      ->type_name("PATH");
  app.add_option("--context", options.context_paths,
                 "Read PATH for cross-references without reporting on it; repeatable")
      ->type_name("PATH")
      ->allow_extra_args(false);
  app.add_option("--namespace", options.default_namespace, kNamespaceHelp)->check(kNamespaceName);
  app.add_option("-j,--jobs", options.jobs, "Threads for parsing and for running the rules (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  app.add_option("--color", options.color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  bool no_timing = false;
  app.add_flag("--no-timing", no_timing, "Leave the run time out of the summary line (stable output)");
  app.add_flag("--no-cache", options.no_cache,
               "Parse every file, without the on-disk parse cache (also NETLINT_NO_CACHE=1)");
  app.add_option("--cache-dir", options.cache_dir,
                 "Keep the parse cache in DIR (also NETLINT_CACHE_DIR; default: .netlint_cache in the git root, "
                 "else $XDG_CACHE_HOME/netlint)")
      ->type_name("DIR");
  app.add_option(
         "--max-file-size", options.max_file_size,
         "Most bytes read from any input: larger manifests are skipped, a larger config or baseline is an error")
      ->default_str("268435456");
  app.add_option("--baseline", options.baseline, "Report only findings not recorded in FILE (see --write-baseline)")
      ->type_name("FILE");
  app.add_option("--write-baseline", options.write_baseline,
                 "Record this run's findings in FILE (atomically); they are then not reported")
      ->type_name("FILE");

  app.add_flag("--fix", options.fix,
               "Apply the safe fixes in place (each file atomically), then report the remaining findings");
  app.add_flag("--diff", options.diff,
               "Print the fixes --fix would apply as a unified diff and change nothing (exit 1 if any)");
  app.add_flag("--unsafe-fixes", options.unsafe_fixes,
               "With --fix or --diff, also the unsafe fixes (a plausible edit to review)");

  CLI::App* rules = app.add_subcommand("rules", "List every rule with its code, severity and summary");
  std::string rules_format = "text";
  std::string rules_output;
  std::string fixtures = "testdata/rules";
  rules->add_option("--format", rules_format, "text: a table; markdown: one page per rule (needs --output)")
      ->check(CLI::IsMember({"text", "markdown"}))
      ->default_str("text");
  rules->add_option("--output", rules_output, "Folder for the markdown pages (e.g. docs/rules)");
  rules->add_option("--fixtures", fixtures, "Folder of the rules' fixtures, for the examples")
      ->default_str("testdata/rules");

  CLI::App* explain =
      app.add_subcommand("explain", "Print the documentation of one rule (code or name), with an example");
  std::string explained;
  explain->add_option("rule", explained, "Rule code or name, e.g. NL1001 or service-selector-typo")->required();
  explain->add_option("--fixtures", fixtures, "Folder of the rules' fixtures, for the examples")
      ->default_str("testdata/rules");

  CLI::App* config_schema =
      app.add_subcommand("config-schema", "Print the JSON Schema of .netlint.yaml (for editors' completion)");
  std::string schema_output;
  config_schema->add_option("-o,--output", schema_output, "Write to FILE (atomically) instead of standard output");

  CLI::App* facts = app.add_subcommand(
      "facts", "Print what the manifests imply about the cluster: each fact with its state, value and evidence");
  netlint::cli::LintOptions facts_options;
  facts->add_option("paths", facts_options.paths, "Files or directories to read");
  facts->add_option("--format", facts_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  facts->add_option("-o,--output", facts_options.output, "Write to FILE (atomically) instead of standard output");
  facts->add_option("--config", facts_options.config_path, "Config file (default: .netlint.yaml found upward)");
  facts->add_option("--context", facts_options.context_paths, "Read PATH as context too; repeatable")
      ->type_name("PATH")
      ->allow_extra_args(false);
  facts->add_option("--namespace", facts_options.default_namespace, kNamespaceHelp)->check(kNamespaceName);

  CLI::App* connectivity = app.add_subcommand(
      "connectivity",
      "Print the connections the NetworkPolicies allow between workloads, IP ranges and the ingress controller");
  netlint::cli::LintOptions connectivity_options;
  bool closed_world = false;
  connectivity->add_option("paths", connectivity_options.paths, "Files or directories to read");
  connectivity->add_option("--format", connectivity_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "dot", "mermaid"}))
      ->default_str("text");
  connectivity->add_option("-o,--output", connectivity_options.output,
                           "Write to FILE (atomically) instead of standard output");
  connectivity->add_option("--config", connectivity_options.config_path,
                           "Config file (default: .netlint.yaml found upward)");
  connectivity->add_option("--context", connectivity_options.context_paths, "Read PATH as context too; repeatable")
      ->type_name("PATH")
      ->allow_extra_args(false);
  connectivity->add_option("--namespace", connectivity_options.default_namespace, kNamespaceHelp)
      ->check(kNamespaceName);
  connectivity->add_flag("--closed-world", closed_world,
                         "Assume the view is the whole cluster, as netpol-analyzer does: labels and namespaces exactly "
                         "as written, ipBlocks never match pods, no unknown flows");

  CLI::App* lsp =
      app.add_subcommand("lsp", "Run the language server on standard input and output (LSP 3.17; see docs/lsp.md)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? netlint::cli::kExitClean : netlint::cli::kExitUsage;
  }
  options.has_select = select_option->count() > 0;

  try {
    if (rules->parsed()) {
      if (rules_format == "text") return netlint::cli::run_rules_table(std::cout);
      if (rules_output.empty()) {
        std::cerr << "netlint: rules --format markdown needs --output FOLDER\n";
        return netlint::cli::kExitUsage;
      }
      return netlint::cli::write_rule_docs(fixtures, rules_output, std::cerr);
    }
    if (lsp->parsed()) {
      // LSP messages own standard output: nothing else may write to it.
      std::ios::sync_with_stdio(false);
      return netlint::lsp::run_stdio(0, std::cout);
    }
    if (explain->parsed()) return netlint::cli::explain_rule(explained, fixtures, std::cout, std::cerr);
    if (config_schema->parsed()) return netlint::cli::run_config_schema(schema_output, std::cout, std::cerr);
    if (facts->parsed()) return netlint::cli::run_facts(facts_options, std::cout, std::cerr);
    if (connectivity->parsed())
      return netlint::cli::run_connectivity(connectivity_options, closed_world, std::cout, std::cerr);
    options.timing = !no_timing;
    if (fail_on_option->count() > 0) {
      options.fail_on = fail_on == "error"   ? FailOn::kError
                        : fail_on == "note"  ? FailOn::kNote
                        : fail_on == "never" ? FailOn::kNever
                                             : FailOn::kWarning;
    }
    return netlint::cli::run_lint(options, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "netlint: internal error: " << e.what() << '\n';
    return netlint::cli::kExitInternal;
  }
}
