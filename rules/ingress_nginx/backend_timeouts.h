// The timeouts a backend states explicitly, for the rules that compare them with nginx (NL6007,
// NL6008; knowledge/domain.md 2.5): gunicorn and uvicorn command lines (command, args, also a
// shell string after `sh -c`, and gunicorn's GUNICORN_CMD_ARGS), and the annotations
// `netlint.io/idle-timeout` / `netlint.io/request-timeout` on the workload or its Service.
// Defaults are never assumed: a server that does not state a timeout has none here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/model/model.h"

namespace netlint::rules::nginx {

struct BackendTimeout {
  std::int64_t seconds = 0;
  SourceRange range;  // the value as written (part of a shell string when it maps back)
  std::string what;   // "gunicorn --keep-alive (gthread worker)", "annotation netlint.io/idle-timeout"
};

struct BackendTimeouts {
  // How long the server keeps an idle keep-alive connection before closing it.
  std::optional<BackendTimeout> idle;
  // How long the server works on one request before giving up on it.
  std::optional<BackendTimeout> request;
};

// `service` may be null. The workload's annotations win over the Service's, which win over the
// command line (they are the user's statement to netlint about what the server really does).
BackendTimeouts backend_timeouts(const model::Model& model, const model::PodSource& pod, const model::Service* service);

// "30", "30s", "2m", "1h30m" -> seconds; nullopt otherwise.
std::optional<std::int64_t> parse_timeout_seconds(std::string_view text);

}  // namespace netlint::rules::nginx
