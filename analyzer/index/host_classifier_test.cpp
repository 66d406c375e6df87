// Classifying hosts as cluster DNS would resolve them from a pod.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>

#include "analyzer/index/host_classifier.h"

namespace netlint::index {
namespace {

const std::set<std::string, std::less<>> kNamespaces = {"shop", "monitoring", "backend", "app"};

HostClassifier classifier(std::string domain = "cluster.local") {
  return HostClassifier([](std::string_view ns) { return kNamespaces.count(ns) > 0; }, std::move(domain));
}

// `kind [pod/]service[.namespace][ @domain][ other]`
std::string classify(std::string_view host, const HostClassifier& c = classifier()) {
  const HostClass h = c.classify(host);
  std::ostringstream out;
  out << host_kind_name(h.kind);
  if (is_cluster_kind(h.kind)) {
    out << ' ';
    if (!h.pod.empty()) out << h.pod << '/';
    out << h.service;
    if (!h.namespace_name.empty()) out << '.' << h.namespace_name;
    if (!h.domain.empty()) out << " @" << h.domain;
    if (h.other_domain) out << " other";
  }
  return out.str();
}

}  // namespace

TEST_SUITE("references: classifier") {
  TEST_CASE("cluster Service names") {
    CHECK(classify("orders") == "service short name orders");
    CHECK(classify("redis-cart") == "service short name redis-cart");
    CHECK(classify("orders.shop") == "service.namespace orders.shop");
    CHECK(classify("kubernetes.default") == "service.namespace kubernetes.default");  // built-in namespace
    CHECK(classify("kube-dns.kube-system") == "service.namespace kube-dns.kube-system");
    CHECK(classify("orders.shop.svc") == "service.namespace.svc orders.shop");
    CHECK(classify("orders.elsewhere.svc") == "service.namespace.svc orders.elsewhere");  // `.svc` says enough
    CHECK(classify("orders.shop.svc.cluster.local") == "service FQDN orders.shop @cluster.local");
    CHECK(classify("orders.shop.svc.k8s.internal") == "service FQDN orders.shop @k8s.internal other");
    CHECK(classify("orders.shop.svc.k8s.internal", classifier("k8s.internal")) ==
          "service FQDN orders.shop @k8s.internal");
    // `shop` and `app` are also top-level domains: a namespace of the view wins.
    CHECK(classify("web.app") == "service.namespace web.app");
  }

  TEST_CASE("per-pod names") {
    CHECK(classify("web-0.web.shop.svc.cluster.local") == "per-pod name web-0/web.shop @cluster.local");
    CHECK(classify("minio-3.minio.default.svc.cluster.local") == "per-pod name minio-3/minio.default @cluster.local");
    CHECK(classify("web-0.web.shop.svc") == "per-pod name web-0/web.shop");
    CHECK(classify("web-0.web.shop") == "per-pod name web-0/web.shop");
    CHECK(classify("kafka-0.kafka-headless") == "per-pod name kafka-0/kafka-headless");
    // Ambiguous: a StatefulSet pod under a Service named `dev`, or a host under `.dev`.
    CHECK(classify("web-0.dev") == "not a name");
    // Not an ordinal: `<pod>.<svc>` or an unknown domain; silence.
    CHECK(classify("mypod.mysvc") == "not a name");
  }

  TEST_CASE("external hosts: under a public suffix of the PSL") {
    CHECK(classify("api.example.com") == "external host");
    CHECK(classify("github.com") == "external host");
    CHECK(classify("API.Example.COM") == "external host");
    CHECK(classify("www.example.co.uk") == "external host");
    CHECK(classify("acme-staging-v02.api.letsencrypt.org") == "external host");
    CHECK(classify("user.github.io") == "external host");
    CHECK(classify("foo.bar") == "external host");      // .bar is a real top-level domain
    CHECK(classify("orders.prod") == "external host");  // .prod too, and `prod` is no namespace in view
    CHECK(classify("co.uk") == "not a name");           // a suffix itself
    CHECK(under_public_suffix("example.com"));
    CHECK(!under_public_suffix("com"));
    CHECK(!under_public_suffix("cluster.local"));
  }

  TEST_CASE("not names: private suffixes, local names, versions, placeholders, paths, emails") {
    for (std::string_view host : {"metadata.google.internal",
                                  "foo.corp",
                                  "redis.cache",
                                  "cluster.local",
                                  "printer.lan",
                                  "foo.svc",
                                  "foo.cluster.local",
                                  "1-2-3-4.shop.pod.cluster.local",
                                  "localhost",
                                  "LOCALHOST",
                                  "localhost.localdomain",
                                  "app.localhost",
                                  "ip6-localhost",
                                  "1.2.3",
                                  "v1.2",
                                  "1.2.3-rc1",
                                  "10.0.0",
                                  "8080",
                                  "DB",
                                  "Orders",
                                  "${HOST}",
                                  "$(DB_HOST)",
                                  "$HOST",
                                  "{{ .Values.host }}",
                                  "__KUBERNETES_SERVICE_HOST__",
                                  "<ETCD_IP>",
                                  "/var/run/postgresql",
                                  "./data",
                                  "admin@example.com",
                                  "my_host",
                                  "-orders",
                                  "orders-",
                                  "true",
                                  "none",
                                  "default",
                                  "a..b",
                                  ".example.com",
                                  "",
                                  "EXTERNAL-IP"}) {
      CHECK_MESSAGE(classify(host) == "not a name", host);
    }
  }

  TEST_CASE("IP literals") {
    for (std::string_view host :
         {"10.0.0.1", "127.0.0.1", "169.254.20.10", "::1", "fd00::1", "fe80::1%eth0", "2001:db8::"}) {
      CHECK_MESSAGE(classify(host) == "IP literal", host);
    }
    CHECK(!is_ip_literal("10.0.0.256"));
    CHECK(!is_ip_literal("1.2.3"));
    CHECK(!is_ip_literal("00:11:22:33:44:55"));
  }

  TEST_CASE("default ports by scheme") {
    CHECK(default_port("http") == 80);
    CHECK(default_port("https") == 443);
    CHECK(default_port("grpc") == 443);
    CHECK(default_port("postgres") == 5432);
    CHECK(default_port("postgresql") == 5432);
    CHECK(default_port("mysql") == 3306);
    CHECK(default_port("redis") == 6379);
    CHECK(default_port("mongodb") == 27017);
    CHECK(default_port("amqp") == 5672);
    CHECK(default_port("nats") == 4222);
    CHECK(default_port("kafka") == 9092);
    CHECK(!default_port("mongodb+srv"));
    CHECK(!default_port("tcp"));
  }

  TEST_CASE("label syntax") {
    CHECK(is_dns1123_label("0abc"));
    CHECK(!is_dns1035_label("0abc"));
    CHECK(is_dns1035_label("a-b"));
    CHECK(!is_dns1123_label("A"));
    CHECK(!is_dns1123_label(std::string(64, 'a')));
  }
}

}  // namespace netlint::index
