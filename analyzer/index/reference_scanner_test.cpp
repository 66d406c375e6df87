// Finding hosts in values, mostly with real values from ../shared/corpus (file named above each).
#include <doctest/doctest.h>

#include <sstream>

#include "analyzer/index/reference_scanner.h"

namespace netlint::index {
namespace {

// `host port scheme name` per candidate, `;`-separated: `-` for no port, `?` for a written but
// unknown one, `!` after an explicit port.
std::string found(std::string_view text, std::string_view name = {}) {
  std::ostringstream out;
  for (const HostCandidate& c : scan_hosts(text, name)) {
    if (out.tellp() > 0) out << "; ";
    out << c.host << (c.trailing_dot ? "." : "") << ' ';
    if (c.port)
      out << *c.port << (c.port_explicit ? "!" : "");
    else
      out << (c.port_explicit ? "?" : "-");
    out << ' ' << (c.scheme.empty() ? "-" : c.scheme) << ' ' << (c.name.empty() ? "-" : c.name);
  }
  return out.str();
}

}  // namespace

TEST_SUITE("references: scanner") {
  TEST_CASE("real env values: host:port, URLs, bare hosts under address names") {
    // GoogleCloudPlatform__microservices-demo/kubernetes-manifests/frontend.yaml
    CHECK(found("adservice:9555", "AD_SERVICE_ADDR") == "adservice 9555! - AD_SERVICE_ADDR");
    // GoogleCloudPlatform__microservices-demo/kubernetes-manifests/cartservice.yaml
    CHECK(found("redis-cart:6379", "REDIS_ADDR") == "redis-cart 6379! - REDIS_ADDR");
    // kubernetes__examples/_archived/openshift-origin/etcd-controller.yaml
    CHECK(found("http://etcd-discovery:2379", "ETCD_DISCOVERY_URL") == "etcd-discovery 2379! http ETCD_DISCOVERY_URL");
    // istio__istio/samples/bookinfo/platform/kube/bookinfo-ratings-v2.yaml
    CHECK(found("mongodb://mongodb:27017/test", "MONGO_DB_URL") == "mongodb 27017! mongodb MONGO_DB_URL");
    // istio__istio/samples/bookinfo/platform/kube/bookinfo-ratings-v2-mysql-vm.yaml
    CHECK(found("mysqldb.vm.svc.cluster.local", "MYSQL_DB_HOST") == "mysqldb.vm.svc.cluster.local - - MYSQL_DB_HOST");
    // istio__istio/samples/addons/extras/skywalking.yaml
    CHECK(found("http://skywalking-oap:12800", "SW_OAP_ADDRESS") == "skywalking-oap 12800! http SW_OAP_ADDRESS");
    // kubernetes__examples/_archived/selenium/selenium-node-chrome-deployment.yaml
    CHECK(found("selenium-hub", "SE_EVENT_BUS_HOST") == "selenium-hub - - SE_EVENT_BUS_HOST");
    // istio__istio/samples/ratelimit/rate-limit-service.yaml: a URL variable without scheme
    CHECK(found("redis:6379", "REDIS_URL") == "redis 6379! - REDIS_URL");
  }

  TEST_CASE("real values that name no host") {
    // istio__istio/samples/ratelimit/rate-limit-service.yaml: `::` and `0.0.0.0` are listen-alls
    CHECK(found("::", "GRPC_HOST").empty());
    // kubernetes__ingress-nginx/docs/examples/docker-registry/deployment.yaml: an empty host
    CHECK(found(":5000", "REGISTRY_HTTP_ADDR").empty());
    // kubernetes__ingress-nginx/docs/examples/auth/oauth-external-auth/vouch-proxy.yaml
    CHECK(found("0.0.0.0", "VOUCH_LISTEN").empty());
    // kubernetes__examples/_archived/storage/mysql-galera/pxc-node1.yaml: `gcomm://` lists no node
    CHECK(found("gcomm://", "WSREP_CLUSTER_ADDRESS").empty());
    // istio__istio/samples/addons/kiali.yaml: a time layout, not host:port
    CHECK(found("2006-01-02T15:04:05Z07:00", "LOG_TIME_FIELD_FORMAT").empty());
    // prometheus-operator__kube-prometheus/manifests/prometheusOperator-deployment.yaml
    CHECK(found("--kubelet-endpoints=true").empty());
    // kubernetes__examples/databases/cassandra/cassandra-statefulset.yaml: SEEDS is no address
    // name, so a bare per-pod name there is not found (silence over guessing)
    CHECK(found("cassandra-0.cassandra.default.svc.cluster.local", "CASSANDRA_SEEDS").empty());
    // cilium__cilium-cli/.github/node-local-dns/node-local-dns.yaml: `-localip` is no address name
    CHECK(found("169.254.20.10,__PILLAR__DNS__SERVER__", "localip").empty());
    // kubernetes__examples/_archived/storage/mysql-galera: a plain configuration value
    CHECK(found("/var/log/nrsysmond.log", "NRSYSMOND_logfile").empty());
  }

  TEST_CASE("real args: --flag=value, listen and bind flags, placeholders") {
    // prometheus-operator__kube-prometheus/manifests/prometheusAdapter-deployment.yaml
    CHECK(found("--prometheus-url=http://prometheus-k8s.monitoring.svc:9090/") ==
          "prometheus-k8s.monitoring.svc 9090! http prometheus-url");
    // istio__istio/samples/addons/prometheus.yaml
    CHECK(found("--reload-url=http://127.0.0.1:9090/-/reload") == "127.0.0.1 9090! http reload-url");
    // prometheus-operator__kube-prometheus/manifests/blackboxExporter-deployment.yaml
    CHECK(found("--upstream=file:///dev/null").empty());
    CHECK(found("--web.listen-address=:19115").empty());
    // prometheus-operator__kube-prometheus/manifests/nodeExporter-daemonset.yaml
    CHECK(found("--secure-listen-address=[$(IP)]:9100").empty());
    CHECK(found("--web.listen-address=127.0.0.1:9101").empty());
    // kubernetes__ingress-nginx/deploy/static/provider/cloud/deploy.yaml (after $(POD_NAMESPACE))
    CHECK(found("--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.ingress-nginx.svc") ==
          "ingress-nginx-controller-admission - - host; ingress-nginx-controller-admission.ingress-nginx.svc - - host");
    // kubernetes__ingress-nginx/deploy/static/provider/kind/deploy.yaml
    CHECK(found("--publish-status-address=localhost") == "localhost - - publish-status-address");
    // istio__istio/samples/grpc-echo/grpc-echo.yaml: found; the classifier says it is no name
    CHECK(found("--xds-grpc-server=17070") == "17070 - - xds-grpc-server");
    // kubernetes__examples/_archived/spark/spark-ui-proxy-controller.yaml
    CHECK(found("spark-master:8080") == "spark-master 8080! - -");
    // projectcalico__calico/manifests/canal-etcd.yaml: installer placeholders, port unknown
    CHECK(found("http://<ETCD_IP>:<ETCD_PORT>", "ETCD_ENDPOINTS") == "<ETCD_IP> ? http ETCD_ENDPOINTS");
    CHECK(found("https://__KUBERNETES_SERVICE_HOST__:__KUBERNETES_SERVICE_PORT__") ==
          "__KUBERNETES_SERVICE_HOST__ ? https -");
  }

  TEST_CASE("real shell scripts in command and args") {
    // kubernetes__examples/_archived/nodesjs-mongodb/web-controller-demo.yaml
    CHECK(found("cd /home && git clone https://github.com/ijason/NodeJS-Sample-App.git demo && cd demo/EmployeeDB/ "
                "&& npm install && sed -i -- 's/localhost/mongo/g' app.js && node app.js") == "github.com 443 https -");
    // GoogleCloudPlatform__microservices-demo/kubernetes-manifests/loadgenerator.yaml (init script)
    CHECK(found("for i in $(seq 1 $MAX_RETRIES); do\n  echo \"Attempt $i: Pinging frontend: ${FRONTEND_ADDR}...\"\n"
                "  STATUSCODE=$(wget --server-response http://${FRONTEND_ADDR} 2>&1 | awk '/^  HTTP/{print $2}')\n") ==
          "${FRONTEND_ADDR} 80 http server-response");
    // kubernetes__examples/_archived/storage/vitess/vtctld-controller-template.yaml
    CHECK(found("-topo_implementation etcd -tablet_protocol grpc -etcd_global_addrs "
                "http://$ETCD_GLOBAL_SERVICE_HOST:$ETCD_GLOBAL_SERVICE_PORT {{backup_flags}}") ==
          "$ETCD_GLOBAL_SERVICE_HOST ? http etcd_global_addrs");
    // kubernetes__examples/_archived/cockroachdb/cockroachdb-statefulset.yaml: comment lines are
    // skipped (the issue URL), `--http-host 0.0.0.0` is dropped, `--join` is no address name
    CHECK(found("# The use of qualified `hostname -f` is crucial:\n"
                "CRARGS=(\"start\" \"--logtostderr\" \"--insecure\" \"--http-host\" \"0.0.0.0\")\n"
                "  # (https://github.com/cockroachdb/cockroach/issues/9625).\n"
                "  CRARGS+=(\"--join\" \"cockroachdb-public\")\n")
              .empty());
    // GoogleCloudPlatform__microservices-demo/kustomize/components/google-cloud-operations/otel-collector.yaml
    CHECK(found("sed \"s/{{PROJECT_ID}}/$(curl -H 'Metadata-Flavor: Google' "
                "http://metadata.google.internal/computeMetadata/v1/project/project-id)/\" /template/x.yaml") ==
          "metadata.google.internal 80 http -");
    // kubernetes__ingress-nginx/docs/examples/auth/oauth-external-auth/vouch-proxy.yaml: a URL in
    // another URL's query is a parameter, not a host
    CHECK(found("https://$host/oauth2/login?url=$scheme://$http_host$request_uri") == "$host 443 https -");
  }

  TEST_CASE("connection strings") {
    CHECK(found("jdbc:postgresql://db:5432/x", "SPRING_DATASOURCE_URL") == "db 5432! postgresql SPRING_DATASOURCE_URL");
    CHECK(found("jdbc:mysql://mysql.data.svc/app?useSSL=false") == "mysql.data.svc 3306 mysql -");
    CHECK(found("jdbc:sqlserver://mssql:1433;databaseName=app") == "mssql 1433! sqlserver -");
    CHECK(found("jdbc:oracle:thin:@oracle-db:1521:ORCL") == "oracle-db 1521! oracle -");
    CHECK(found("jdbc:oracle:thin:@//oracle-db:1521/service") == "oracle-db 1521! oracle -");
    CHECK(found("redis://:password@redis-master:6379/0") == "redis-master 6379! redis -");
    CHECK(found("amqp://guest:p@ss@rabbitmq/") == "rabbitmq 5672 amqp -");
    CHECK(found("mongodb://a:27017,b:27017/db?replicaSet=rs") == "a 27017! mongodb -; b 27017! mongodb -");
    CHECK(found("mongodb+srv://cluster0.abcde.mongodb.net/db") == "cluster0.abcde.mongodb.net - mongodb+srv -");
    CHECK(found("postgres://app@db.shop.svc.cluster.local./app") == "db.shop.svc.cluster.local. 5432 postgres -");
    CHECK(found("http://[fd00::1]:8080/x") == "fd00::1 8080! http -");
    CHECK(found("grpc://orders") == "orders 443 grpc -");
    CHECK(found("nats://nats:4222,nats://nats-2:4222") == "nats 4222! nats -; nats-2 4222! nats -");
    CHECK(found("http://orders:99999/").empty());
    CHECK(found("http://orders:$(PORT)/") == "orders ? http -");
    CHECK(found("docker-pullable://gcr.io/x@sha256:abc").empty());
    CHECK(found("spiffe://example.org/ns/default/sa/x").empty());
  }

  TEST_CASE("lists, Java properties, flags given in the next argument") {
    CHECK(found("kafka-0.kafka-headless:9092,kafka-1.kafka-headless:9092", "KAFKA_BOOTSTRAP_SERVERS") ==
          "kafka-0.kafka-headless 9092! - KAFKA_BOOTSTRAP_SERVERS; kafka-1.kafka-headless 9092! - "
          "KAFKA_BOOTSTRAP_SERVERS");
    CHECK(found("zk-0.zk:2181,zk-1.zk:2181/kafka", "zookeeper.connect") ==
          "zk-0.zk 2181! - zookeeper.connect; zk-1.zk 2181! - zookeeper.connect");
    CHECK(found("-Xmx512m -Dspring.redis.host=redis -Dserver.port=8080 -Dapp.url=https://api.example.com",
                "JAVA_OPTS") == "redis - - spring.redis.host; api.example.com 443 https app.url");
    CHECK(found("--db-host db --verbose") == "db - - db-host");
    CHECK(found("--db-host=\"db\"") == "db - - db-host");
    CHECK(flag_awaiting_value("--db-host") == "db-host");
    CHECK(flag_awaiting_value("--db-host=") == "db-host");
    CHECK(flag_awaiting_value("--db-host=db").empty());
    CHECK(flag_awaiting_value("postgres").empty());
    // A bare host needs the value to be one word, or a name of its own.
    CHECK(found("a b", "DB_HOST").empty());
    CHECK(found("primary,replica", "DB_HOST") == "primary - - DB_HOST; replica - - DB_HOST");
    // Images are not host:port; `~` (PromQL `url=~"..."`) is no host.
    CHECK(found("--sidecar-image=redis:7").empty());
    CHECK(found("redis:7", "BUSYBOX_IMAGE").empty());
    CHECK(found("url=~").empty());
  }

  TEST_CASE("address names") {
    for (std::string_view name :
         {"DB_HOST", "HOSTNAME", "REDIS_ADDR", "SW_OAP_ADDRESS", "ETCD_DISCOVERY_URL", "REDIRECT_URI",
          "OTEL_EXPORTER_OTLP_ENDPOINT", "SMTP_SERVER", "redisHost", "spring.redis.host", "server_address"}) {
      CHECK_MESSAGE(is_address_name(name), name);
    }
    for (std::string_view name : {"DB_HOSTS", "CASSANDRA_SEEDS", "DB_PORT", "HOST_IP", "URL_PREFIX", "SERVERS"}) {
      CHECK_MESSAGE(!is_address_name(name), name);
    }
    CHECK(is_listen_name("VOUCH_LISTEN"));
    CHECK(is_listen_name("web.listen-address"));
    CHECK(is_listen_name("BIND_ADDRESS"));
    CHECK(!is_listen_name("DB_HOST"));
    CHECK(looks_like_file_name("main.py"));
    CHECK(looks_like_file_name("application.properties"));
    CHECK(!looks_like_file_name("api.example.com"));
    CHECK(!looks_like_file_name("myapp.dev"));
  }
}

TEST_CASE("host scan cache: each (text, name) scanned once, exactly as scan_hosts") {
  HostScanCache cache;
  const std::string_view url = "postgres://db.shop:5432/app";
  const std::vector<HostCandidate>& first = cache.hosts(url, "DATABASE_URL");
  const std::vector<HostCandidate> direct = scan_hosts(url, "DATABASE_URL");
  REQUIRE(first.size() == 1);
  REQUIRE(direct.size() == 1);
  CHECK(first.front().host == direct.front().host);
  CHECK(first.front().host_offset == direct.front().host_offset);
  CHECK(first.front().port == direct.front().port);
  CHECK(&cache.hosts(std::string(url), "DATABASE_URL") == &first);  // by content
  // The name decides too: a bare host counts under an address name only, and nothing under a
  // listen name; the key keeps name and text apart (`A` + `B:c` is not `AB` + `:c`).
  CHECK(cache.hosts("db.shop", "DB_HOST").size() == 1);
  CHECK(cache.hosts("db.shop", "LOG_LEVEL").empty());
  CHECK(cache.hosts("db.shop:80", "LISTEN").empty());
  CHECK(cache.hosts("B:c", "A").size() == scan_hosts("B:c", "A").size());
  CHECK(cache.hosts(":c", "AB").size() == scan_hosts(":c", "AB").size());
  cache.drop_unused();
  const std::size_t all = cache.size();
  cache.hosts(url, "DATABASE_URL");
  cache.drop_unused();  // only the URL was asked for since the last call
  CHECK(cache.size() == 1);
  CHECK(all > 1);
}

}  // namespace netlint::index
