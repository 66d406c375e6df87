#include "rules/ingress_nginx/backend_timeouts.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "analyzer/index/scalar_positions.h"
#include "analyzer/util/go_values.h"

namespace netlint::rules::nginx {
namespace {

// One word of a command line and where it is written.
struct Word {
  std::string text;
  SourceRange range;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A scalar split at whitespace (a shell string), each word located in the file when it maps back.
void split_words(const model::Model& model, const model::Text& scalar, std::vector<Word>& out) {
  const std::string& v = scalar.value;
  const std::string_view file_text = scalar.range.file < model.files.size()
                                         ? std::string_view(model.files[scalar.range.file].text)
                                         : std::string_view();
  std::size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && is_space(v[i])) ++i;
    const std::size_t start = i;
    while (i < v.size() && !is_space(v[i])) ++i;
    if (i == start) break;
    std::string word = v.substr(start, i - start);
    // Shell quotes around a word ('--timeout' "120") do not change it.
    if (word.size() >= 2 && (word.front() == '\'' || word.front() == '"') && word.back() == word.front())
      word = word.substr(1, word.size() - 2);
    const std::optional<SourceRange> at = index::scalar_value_range(scalar, file_text, start, i - start);
    out.push_back({std::move(word), at ? *at : scalar.range});
  }
}

std::vector<Word> command_words(const model::Model& model, const model::Container& c) {
  std::vector<Word> words;
  for (const model::Text& t : c.command) split_words(model, t, words);
  for (const model::Text& t : c.args) split_words(model, t, words);
  return words;
}

bool ends_command(std::string_view w) {
  return w == "&&" || w == "||" || w == ";" || w == "|";
}

std::string_view basename(std::string_view w) {
  const std::size_t slash = w.rfind('/');
  return slash == std::string_view::npos ? w : w.substr(slash + 1);
}

// The value of `--name VALUE`, `--name=VALUE` or (for a short option) `-k VALUE`.
struct Option {
  std::string value;
  SourceRange range;
};
std::optional<Option> option(const std::vector<Word>& words, std::size_t from, std::size_t to,
                             std::string_view long_name, std::string_view short_name = {}) {
  std::optional<Option> found;  // the last one wins, as with argparse
  for (std::size_t i = from; i < to; ++i) {
    const std::string& w = words[i].text;
    const bool named = w == long_name || (!short_name.empty() && w == short_name);
    if (named && i + 1 < to) {
      found = Option{words[i + 1].text, words[i + 1].range};
    } else if (w.size() > long_name.size() && w.starts_with(long_name) && w[long_name.size()] == '=') {
      found = Option{w.substr(long_name.size() + 1), words[i].range};
    }
  }
  return found;
}

std::optional<std::int64_t> whole_seconds(std::string_view text) {
  const std::optional<std::int64_t> n = go_atoi(text);
  if (!n || *n < 0) return std::nullopt;
  return n;
}

// gunicorn's worker, when the command line says it: "sync" also when nothing does (its default);
// `--threads` above 1 turns the sync worker into gthread (gunicorn's settings docs).
std::string gunicorn_worker(const std::vector<Word>& words, std::size_t from, std::size_t to) {
  std::string worker = "sync";
  if (const auto k = option(words, from, to, "--worker-class", "-k")) {
    worker = k->value;
    const std::size_t dot = worker.rfind('.');
    if (worker.starts_with("gunicorn.workers.") && dot != std::string::npos)
      worker = worker.substr(dot + 1);  // gunicorn.workers.gthread
  }
  const auto threads = option(words, from, to, "--threads");
  const std::optional<std::int64_t> n = threads ? whole_seconds(threads->value) : std::nullopt;
  if ((worker == "sync" || worker == "SyncWorker") && n && *n > 1) worker = "gthread";
  if (worker == "SyncWorker") worker = "sync";
  return worker;
}

// The gunicorn and uvicorn timeouts of one command line (words [from, to)).
void server_timeouts(const std::vector<Word>& words, std::size_t from, std::size_t to, std::string_view server,
                     BackendTimeouts& out) {
  if (server == "uvicorn") {
    if (const auto ka = option(words, from, to, "--timeout-keep-alive")) {
      if (const auto s = whole_seconds(ka->value))
        out.idle = BackendTimeout{*s, ka->range, "uvicorn --timeout-keep-alive"};
    }
    return;
  }
  const std::string worker = gunicorn_worker(words, from, to);
  const bool sync = worker == "sync";
  // The sync worker closes the connection after each response: no keep-alive to compare.
  if (!sync) {
    if (const auto ka = option(words, from, to, "--keep-alive")) {
      if (const auto s = whole_seconds(ka->value))
        out.idle = BackendTimeout{*s, ka->range, "gunicorn --keep-alive (" + worker + " worker)"};
    }
  }
  // --timeout kills a sync worker busy that long with one request; other workers only use it
  // as a heartbeat, so it is no request timeout there.
  if (sync) {
    if (const auto t = option(words, from, to, "--timeout", "-t")) {
      if (const auto s = whole_seconds(t->value))
        out.request = BackendTimeout{*s, t->range, "gunicorn --timeout (sync worker)"};
    }
  }
}

void command_line_timeouts(const model::Model& model, const model::Container& c, BackendTimeouts& out) {
  const std::vector<Word> words = command_words(model, c);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view name = basename(words[i].text);
    const bool module = i > 0 && words[i - 1].text == "-m";
    if (name != "gunicorn" && name != "uvicorn" &&
        !(module && (words[i].text == "gunicorn" || words[i].text == "uvicorn")))
      continue;
    std::size_t end = i + 1;
    while (end < words.size() && !ends_command(words[end].text)) ++end;
    const std::string server(name == "uvicorn" || words[i].text == "uvicorn" ? "uvicorn" : "gunicorn");
    if (server == "gunicorn") {
      // GUNICORN_CMD_ARGS comes first; the command line overrides it.
      for (const model::EnvVar& e : c.env) {
        if (e.name.value != "GUNICORN_CMD_ARGS" || !e.value) continue;
        std::vector<Word> env_words;
        split_words(model, *e.value, env_words);
        std::vector<Word> merged = env_words;
        merged.insert(merged.end(), words.begin() + static_cast<std::ptrdiff_t>(i + 1),
                      words.begin() + static_cast<std::ptrdiff_t>(end));
        server_timeouts(merged, 0, merged.size(), server, out);
        return;
      }
    }
    server_timeouts(words, i + 1, end, server, out);
    return;
  }
}

std::optional<BackendTimeout> annotated(const model::Labels& annotations, std::string_view key,
                                        std::string_view owner) {
  const model::Label* a = model::find_label(annotations, key);
  if (a == nullptr) return std::nullopt;
  const std::optional<std::int64_t> s = parse_timeout_seconds(a->value.value);
  if (!s) return std::nullopt;
  return BackendTimeout{*s, a->value.range,
                        owner.empty() ? "annotation " + std::string(key)
                                      : "annotation " + std::string(key) + " of " + std::string(owner)};
}

}  // namespace

std::optional<std::int64_t> parse_timeout_seconds(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (const auto plain = whole_seconds(text)) return plain;
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j == i || j == text.size()) return std::nullopt;
    const std::optional<std::int64_t> n = whole_seconds(text.substr(i, j - i));
    if (!n || *n > 1'000'000'000) return std::nullopt;
    const char unit = text[j];
    if (unit == 'h')
      total += *n * 3600;
    else if (unit == 'm')
      total += *n * 60;
    else if (unit == 's')
      total += *n;
    else
      return std::nullopt;
    i = j + 1;
  }
  return total;
}

BackendTimeouts backend_timeouts(const model::Model& model, const model::PodSource& pod,
                                 const model::Service* service) {
  BackendTimeouts out;
  for (const model::Container& c : pod.containers) {
    if (c.init) continue;
    command_line_timeouts(model, c, out);
    if (out.idle || out.request) break;  // the first container that runs a server we know
  }
  if (service != nullptr) {
    const std::string svc = service->meta.display();
    if (auto a = annotated(service->meta.annotations, "netlint.io/idle-timeout", svc)) out.idle = std::move(a);
    if (auto a = annotated(service->meta.annotations, "netlint.io/request-timeout", svc)) out.request = std::move(a);
  }
  if (auto a = annotated(pod.meta.annotations, "netlint.io/idle-timeout", {})) out.idle = std::move(a);
  if (auto a = annotated(pod.meta.annotations, "netlint.io/request-timeout", {})) out.request = std::move(a);
  return out;
}

}  // namespace netlint::rules::nginx
