// Key/value pairs of mounted configuration files.
#include <doctest/doctest.h>

#include <sstream>

#include "analyzer/index/config_file_values.h"

namespace netlint::index {
namespace {

// `key=value` per pair, `;`-separated; `~` after pairs whose value is not written as is.
std::string values(std::string_view text, ConfigFileType type) {
  std::ostringstream out;
  for (const ConfigValue& v : config_file_values(text, type)) {
    if (out.tellp() > 0) out << "; ";
    out << v.key << '=' << v.value << (v.exact ? "" : "~");
    if (v.exact) CHECK_MESSAGE(text.substr(v.offset, v.value.size()) == v.value, v.key);
  }
  return out.str();
}

}  // namespace

TEST_SUITE("references: config files") {
  TEST_CASE("file types by extension") {
    CHECK(config_file_type("/etc/app/application.properties") == ConfigFileType::kProperties);
    CHECK(config_file_type("/app/.env") == ConfigFileType::kEnv);
    CHECK(config_file_type("datasources.yaml") == ConfigFileType::kYaml);
    CHECK(config_file_type("prometheus.YML") == ConfigFileType::kYaml);
    CHECK(config_file_type("custom_bootstrap.json") == ConfigFileType::kJson);
    CHECK(config_file_type("/etc/nginx/conf.d/nginx.conf") == ConfigFileType::kIni);
    CHECK(config_file_type("grafana.ini") == ConfigFileType::kIni);
    CHECK(config_file_type("Corefile") == ConfigFileType::kNone);
    CHECK(config_file_type("haproxy.cfg") == ConfigFileType::kNone);
    CHECK(config_file_type("/etc/conf.d/run") == ConfigFileType::kNone);
  }

  TEST_CASE(".properties: separators, comments, escapes, continuation lines") {
    CHECK(values("# comment\n! also\nspring.datasource.url=jdbc:postgresql://db:5432/x\n"
                 "spring.redis.host : redis\nkafka.bootstrap.servers kafka:9092\n  empty=\n",
                 ConfigFileType::kProperties) ==
          "spring.datasource.url=jdbc:postgresql://db:5432/x; spring.redis.host=redis; "
          "kafka.bootstrap.servers=kafka:9092; empty=");
    CHECK(values("a\\:b=c\\=d\r\nlist=one,\\\n    two\n", ConfigFileType::kProperties) == "a:b=c=d~; list=one,two~");
  }

  TEST_CASE(".env: export, quotes, inline comments") {
    CHECK(values("# x\nexport DB_HOST=postgres\nREDIS_URL=\"redis://redis:6379/0\"\nNAME='a # b'\nAPI=api.example.com "
                 "# prod\n"
                 "ESC=\"a\\nb\"\nnot a pair\n",
                 ConfigFileType::kEnv) ==
          "DB_HOST=postgres; REDIS_URL=redis://redis:6379/0; NAME=a # b; API=api.example.com; ESC=a\nb~");
  }

  TEST_CASE(".conf/.ini: INI sections, HCL, nginx and redis directives") {
    // istio__istio/samples/security/spire/spire-quickstart.yaml, ConfigMap spire-agent, agent.conf
    CHECK(
        values(
            "agent {\n  data_dir = \"/run/spire\"\n  server_address = \"spire-server\"\n  server_port = \"8081\"\n}\n\n"
            "plugins {\n  NodeAttestor \"k8s_psat\" {\n    plugin_data {\n      # NOTE: Change this\n"
            "      cluster = \"demo-cluster\"\n    }\n  }\n}\n",
            ConfigFileType::kIni) ==
        "data_dir=/run/spire; server_address=spire-server; server_port=8081; NodeAttestor=k8s_psat; "
        "cluster=demo-cluster");
    // istio__istio/samples/addons/grafana.yaml, ConfigMap grafana, grafana.ini
    CHECK(values("[analytics]\ncheck_for_updates = true\n[paths]\nprovisioning = "
                 "/etc/grafana/provisioning\n[server]\ndomain = ''\n",
                 ConfigFileType::kIni) == "check_for_updates=true; provisioning=/etc/grafana/provisioning; domain=");
    // argoproj__argo-cd/manifests/ha/namespace-install.yaml, ConfigMap argocd-redis-ha-configmap, sentinel.conf
    CHECK(values("dir \"/data\"\nport 26379\nbind 0.0.0.0\nsentinel down-after-milliseconds argocd 10000\n",
                 ConfigFileType::kIni) ==
          "dir=/data; port=26379; bind=0.0.0.0; sentinel=down-after-milliseconds argocd 10000");
    CHECK(values("upstream backend {\n    server backend1.example.com:8080 weight=5;  # primary\n}\n"
                 "location / { proxy_pass http://orders:8080; }\n; ini comment\nhttp://a.example.com/x\n",
                 ConfigFileType::kIni) ==
          "upstream=backend; server=backend1.example.com:8080 weight=5; location=/ { proxy_pass http://orders:8080; }; "
          "=http://a.example.com/x");
  }

  TEST_CASE(".yaml and .json: scalars under their key paths") {
    // istio__istio/samples/addons/grafana.yaml, ConfigMap grafana, datasources.yaml
    CHECK(
        values("apiVersion: 1\ndatasources:\n- access: proxy\n  name: Prometheus\n  url: http://prometheus:9090\n"
               "- name: Loki\n  url: 'http://loki:3100'\n  jsonData: {timeInterval: 5s}\n",
               ConfigFileType::kYaml) ==
        "apiVersion=1; datasources.access=proxy; datasources.name=Prometheus; datasources.url=http://prometheus:9090; "
        "datasources.name=Loki; datasources.url=http://loki:3100; datasources.jsonData.timeInterval=5s");
    CHECK(values("a: &x {host: db}\nb: *x\nc: |\n  line\nd: \"esc\\taped\"\n---\ne: [f, \"g\"]\n",
                 ConfigFileType::kYaml) == "a.host=db; c=line\n~; d=esc\taped~; e=f; e=g");
    CHECK(values("{\"admin\": {\"address\": {\"socket_address\": {\"address\": \"127.0.0.1\", \"port_value\": 9901}}}}",
                 ConfigFileType::kJson) ==
          "admin.address.socket_address.address=127.0.0.1; admin.address.socket_address.port_value=9901");
    CHECK(values("{not json", ConfigFileType::kJson).empty());
  }
}

}  // namespace netlint::index

namespace netlint::index {

TEST_CASE("config file values: the cache parses each text once per type and returns the same values") {
  const std::string text = "spring.datasource.url=jdbc:postgresql://db.shop:5432/app\n";
  ConfigFileValuesCache cache;
  const std::vector<ConfigValue>& first = cache.values(text, ConfigFileType::kProperties);
  const std::vector<ConfigValue>& again = cache.values(text, ConfigFileType::kProperties);
  CHECK(&first == &again);  // parsed once: the second call returns the stored result
  const std::vector<ConfigValue> direct = config_file_values(text, ConfigFileType::kProperties);
  REQUIRE(first.size() == direct.size());
  REQUIRE(!first.empty());
  CHECK(first.front().key == direct.front().key);
  CHECK(first.front().value == direct.front().value);
  // Another type of the same text is another entry.
  CHECK(&cache.values(text, ConfigFileType::kEnv) != &first);
  // Keyed by content, not by address: the same text in another model (the next analysis of the
  // language server) is found, not parsed again.
  const std::string copy = text;
  CHECK(&cache.values(copy, ConfigFileType::kProperties) == &first);
}

TEST_CASE("config file values: drop_unused keeps what the latest analysis used") {
  ConfigFileValuesCache cache;
  const std::string kept = "a=http://kept.shop:80\n";
  const std::string dropped = "b=http://dropped.shop:80\n";
  cache.values(kept, ConfigFileType::kProperties);
  cache.values(dropped, ConfigFileType::kProperties);
  cache.drop_unused();  // both used since the cache began
  CHECK(cache.size() == 2);
  const std::vector<ConfigValue>* before = &cache.values(kept, ConfigFileType::kProperties);
  cache.drop_unused();  // `dropped` was not asked for since the last call
  CHECK(cache.size() == 1);
  CHECK(&cache.values(kept, ConfigFileType::kProperties) == before);
  REQUIRE(cache.values(dropped, ConfigFileType::kProperties).size() == 1);
  CHECK(cache.values(dropped, ConfigFileType::kProperties).front().value == "http://dropped.shop:80");
}

}  // namespace netlint::index
