#include "analyzer/cli/analysis.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "analyzer/cli/cache_location.h"
#include "analyzer/cli/input_selection.h"
#include "analyzer/source/file_walker.h"
#include "analyzer/source/input_file.h"
#include "analyzer/util/display_text.h"
#include "rules/registry.h"

namespace netlint::cli {
namespace {

namespace fs = std::filesystem;

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// The config file is reported on (NL0006 anchors on its keys) when it lies under a named path.
bool under_named_path(const std::string& config_path, const std::vector<std::string>& paths) {
  std::error_code ec;
  const fs::path config = fs::weakly_canonical(config_path, ec);
  for (const std::string& p : paths) {
    if (p == "-") continue;
    const fs::path named = fs::weakly_canonical(p, ec);
    if (ec) continue;
    const auto mismatch = std::mismatch(named.begin(), named.end(), config.begin(), config.end());
    if (mismatch.first == named.end()) return true;
  }
  return false;
}

}  // namespace

bool load_config(const std::string& config_path, std::uint64_t max_size, std::optional<config::Config>& out,
                 std::ostream& err) {
  const std::string path = !config_path.empty() ? config_path : config::find_config(".");
  if (path.empty()) return true;
  // Never blocks on a FIFO and never reads /dev/zero to exhaustion: a config is a regular file,
  // or a `<(...)` pipe read up to --max-file-size.
  FileRead read = read_input_file(path, max_size, /*allow_streams=*/true);
  if (read.outcome == ReadOutcome::kTooLarge) {
    err << "netlint: cannot read config file " << printable(path) << ": larger than --max-file-size (" << max_size
        << " bytes)\n";
    return false;
  }
  if (read.outcome != ReadOutcome::kRead) {
    err << "netlint: cannot read config file " << printable(path) << ": " << printable(read.error) << '\n';
    return false;
  }
  config::LoadedConfig loaded = pipeline::parse_config(path, std::move(read.text));
  for (const config::ConfigError& e : loaded.errors) {
    err << printable(path) << ':' << e.line << ':' << e.column << ": error: " << printable(e.message) << '\n';
  }
  out = std::move(loaded.config);
  return loaded.errors.empty();
}

unsigned effective_jobs(const LintOptions& options) {
  return options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

int read_inputs(const LintOptions& options, const config::Config* config, std::vector<InputText>& out,
                std::ostream& err, std::vector<InputText> buffers) {
  InputRequest request;
  request.paths = options.paths;
  request.buffers = std::move(buffers);
  if (!options.stdin_filename.empty()) {
    // As ruff and eslint: --stdin-filename alone reads standard input; beside paths, "-" must be
    // among them (else the name would describe nothing).
    if (request.paths.empty()) request.paths.push_back("-");
    if (std::find(request.paths.begin(), request.paths.end(), "-") == request.paths.end()) {
      err << "netlint: --stdin-filename names standard input, but '-' is not among the paths\n";
      return kExitUsage;
    }
  }
  request.context_paths = options.context_paths;
  request.walk.max_file_size = options.max_file_size;
  request.walk.stdin_filename = options.stdin_filename;
  if (config != nullptr) {
    request.config_directory = config->directory;
    request.include = config->include;
    request.walk.include_root = config->directory;
    request.walk.include = config->include;
    request.exclude = config->exclude;
  }
  WalkResult walked = select_inputs(request);
  for (const std::string& error : walked.errors) err << "netlint: " << printable(error) << '\n';
  if (!walked.errors.empty()) return kExitUsage;
  for (const std::string& warning : walked.warnings) err << "netlint: " << printable(warning) << '\n';
  if (config != nullptr) {
    // The config file joins the inputs as a place for anchors (NL0006 on its keys).
    InputText config_text;
    std::error_code ec;
    config_text.path = fs::proximate(config->path, ec).generic_string();
    if (ec) config_text.path = config->path;
    config_text.text = config->source->text;
    config_text.config = true;
    config_text.reported = under_named_path(config->path, options.paths);
    walked.inputs.push_back(std::move(config_text));
  }
  out = std::move(walked.inputs);
  return kLoaded;
}

// The analysis's on-disk cache: the caller's (LintOptions::disk_cache, finished by the caller),
// else one opened here and finished when the analysis is done (evicting if it grew too big).
class AnalysisDiskCache {
 public:
  explicit AnalysisDiskCache(const LintOptions& options)
      : own_(options.disk_cache != nullptr ? nullptr : open_disk_cache(options)),
        used_(options.disk_cache != nullptr ? options.disk_cache : own_.get()) {}
  ~AnalysisDiskCache() {
    if (own_ != nullptr) own_->finish();
  }
  AnalysisDiskCache(const AnalysisDiskCache&) = delete;
  AnalysisDiskCache& operator=(const AnalysisDiskCache&) = delete;
  DiskCache* get() const { return used_; }

 private:
  std::unique_ptr<DiskCache> own_;
  DiskCache* used_;
};

pipeline::RunSettings run_settings(const LintOptions& options) {
  pipeline::RunSettings settings;
  settings.jobs = effective_jobs(options);
  settings.apply_namespace = options.default_namespace;
  settings.cache = options.parse_cache;
  settings.kept = options.kept_indexes;
  return settings;
}

int load_views(const LintOptions& options, const config::Config* config, std::vector<LoadedView>& out,
               std::ostream& err) {
  std::vector<InputText> inputs;
  if (const int status = read_inputs(options, config, inputs, err); status != kLoaded) return status;
  const AnalysisDiskCache disk_cache(options);
  pipeline::RunSettings settings = run_settings(options);
  settings.disk_cache = disk_cache.get();
  pipeline::LoadedViews loaded = pipeline::load(std::move(inputs), config, settings);
  for (const std::string& warning : loaded.warnings) err << "netlint: " << printable(warning) << '\n';
  out = std::move(loaded.views);
  return kLoaded;
}

pipeline::RuleSelection selection_for(const LintOptions& options, const config::Config* config) {
  pipeline::SelectorSource cli;
  if (options.has_select) cli.select = options.select;
  cli.extend_select = options.extend_select;
  cli.extend_select.insert(cli.extend_select.end(), options.enable.begin(), options.enable.end());
  cli.ignore = options.ignore;
  cli.ignore.insert(cli.ignore.end(), options.disable.begin(), options.disable.end());
  return pipeline::select_rules(rules::all_rules(), config, cli);
}

int analyze(const LintOptions& options, const config::Config* config, const pipeline::RuleSelection& selection,
            Analysis& out, std::ostream& err, std::vector<InputText> buffers) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<InputText> inputs;
  if (const int status = read_inputs(options, config, inputs, err, std::move(buffers)); status != kLoaded)
    return status;
  out.times.inputs_ms = ms_since(started);
  const AnalysisDiskCache disk_cache(options);
  pipeline::RunSettings settings = run_settings(options);
  settings.disk_cache = disk_cache.get();
  pipeline::Analysis analysis = pipeline::analyze(std::move(inputs), config, selection, settings);
  for (const std::string& warning : analysis.warnings) err << "netlint: " << printable(warning) << '\n';
  out.views = std::move(analysis.views);
  out.diagnostics = std::move(analysis.diagnostics);
  out.times.load_ms = analysis.load_ms;
  out.times.rules_ms = analysis.rules_ms;
  return kLoaded;
}

int check_output_target(const LintOptions& options, const config::Config* config, const model::Model& model,
                        std::ostream& err) {
  if (options.output.empty()) return kLoaded;
  // Device and inode: every spelling of the path, a symlink to it, a hard link are all caught.
  struct stat target {};
  if (::stat(options.output.c_str(), &target) != 0 || !S_ISREG(target.st_mode)) return kLoaded;
  auto same = [&](const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino;
  };
  std::vector<std::string> inputs;
  for (const SourceFile& file : model.files) {
    if (file.parent == kNoFile && file.path != "-") inputs.push_back(file.path);
  }
  if (config != nullptr) inputs.push_back(config->path);
  if (!options.baseline.empty()) inputs.push_back(options.baseline);
  for (const std::string& input : inputs) {
    if (!same(input)) continue;
    err << "netlint: refusing to write the report to " << printable(options.output) << ": it is the input file "
        << printable(input) << '\n';
    return kExitUsage;
  }
  return kLoaded;
}

// A run that analyzed no file says so on stderr (the exit status stays 0: an empty folder is no
// error); a Helm chart, whose templates are skipped, also says how to lint what it renders.
void warn_if_nothing_linted(const model::LoadStats& stats, std::ostream& err) {
  if (stats.files != 0) return;
  const auto skipped = [&](model::SkipReason r) { return stats.skips[static_cast<int>(r)]; };
  err << "netlint: no manifests found\n";
  if (skipped(model::SkipReason::kHelmChart) + skipped(model::SkipReason::kTemplate) != 0) {
    err << "netlint: Helm chart files and templates are not linted; render the chart and lint the output: "
           "helm template RELEASE CHART | netlint -\n";
  }
}

}  // namespace netlint::cli
