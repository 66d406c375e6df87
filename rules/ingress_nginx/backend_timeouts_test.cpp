// The backend timeout reader: which gunicorn/uvicorn command lines state which timeout, and
// what wins when several places state one.
#include <doctest/doctest.h>

#include "analyzer/testing/load_texts.h"
#include "rules/ingress_nginx/backend_timeouts.h"

namespace netlint::rules::nginx {
namespace {

// A Deployment running `container_yaml` (the container's lines after `name:`).
BackendTimeouts timeouts_of(const std::string& container_yaml, const std::string& annotations = "{}") {
  const std::string text =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop, annotations: " + annotations +
      "}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n"
      "      containers:\n      - name: api\n        image: example.com/api:1\n" +
      container_yaml;
  const LoadedView m_loaded = testing::load_texts({{"a.yaml", text}});
  const model::Model& m = m_loaded.model;
  for (const model::PodSource& pod : m.pod_sources) {
    if (!pod.synthetic) return backend_timeouts(m, pod, nullptr);  // not the synthetic DNS pods
  }
  FAIL("no Deployment loaded");
  return {};
}

TEST_CASE("timeouts: durations") {
  CHECK(parse_timeout_seconds("30") == 30);
  CHECK(parse_timeout_seconds("30s") == 30);
  CHECK(parse_timeout_seconds("2m") == 120);
  CHECK(parse_timeout_seconds("1h30m") == 5400);
  CHECK_FALSE(parse_timeout_seconds(""));
  CHECK_FALSE(parse_timeout_seconds("30x"));
  CHECK_FALSE(parse_timeout_seconds("-5"));
  CHECK_FALSE(parse_timeout_seconds("m"));
}

TEST_CASE("timeouts: gunicorn workers decide which timeout is stated") {
  // sync (the default): --timeout is a request timeout, --keep-alive is not used.
  BackendTimeouts t = timeouts_of("        command: [gunicorn, app, --keep-alive, '5', --timeout, '120']\n");
  CHECK_FALSE(t.idle);
  REQUIRE(t.request);
  CHECK(t.request->seconds == 120);
  // --threads above 1 makes it gthread: keep-alive is used, --timeout is a heartbeat.
  t = timeouts_of("        command: [gunicorn, app, --threads=4, --keep-alive=5, -t, '120']\n");
  REQUIRE(t.idle);
  CHECK(t.idle->seconds == 5);
  CHECK(t.idle->what == "gunicorn --keep-alive (gthread worker)");
  CHECK_FALSE(t.request);
  // python -m gunicorn, with the uvicorn worker class.
  t = timeouts_of(
      "        command: [python, -m, gunicorn, app, -k, uvicorn.workers.UvicornWorker, --keep-alive, '7']\n");
  REQUIRE(t.idle);
  CHECK(t.idle->seconds == 7);
  // A command after the server's (`&&`) is not the server's.
  t = timeouts_of("        command: [sh, -c, 'gunicorn app -k gevent && sleep --keep-alive 3']\n");
  CHECK_FALSE(t.idle);
}

TEST_CASE("timeouts: GUNICORN_CMD_ARGS, overridden by the command line") {
  BackendTimeouts t = timeouts_of(
      "        command: [gunicorn, app]\n        env: [{name: GUNICORN_CMD_ARGS, value: '-k gthread --keep-alive "
      "15'}]\n");
  REQUIRE(t.idle);
  CHECK(t.idle->seconds == 15);
  t = timeouts_of(
      "        command: [gunicorn, app, --keep-alive, '40']\n        env: [{name: GUNICORN_CMD_ARGS, value: '-k "
      "gthread --keep-alive 15'}]\n");
  REQUIRE(t.idle);
  CHECK(t.idle->seconds == 40);
}

TEST_CASE("timeouts: the workload's annotation wins over the command line") {
  const BackendTimeouts t =
      timeouts_of("        args: [uvicorn, app, --timeout-keep-alive, '5']\n", "{netlint.io/idle-timeout: '90'}");
  REQUIRE(t.idle);
  CHECK(t.idle->seconds == 90);
  CHECK(t.idle->what == "annotation netlint.io/idle-timeout");
}

}  // namespace
}  // namespace netlint::rules::nginx
