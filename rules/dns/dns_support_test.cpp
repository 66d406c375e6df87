// The DNS rules' shared predicates: documentation names, the app's own public URL, and when
// CoreDNS's autopath answers for the search list.
#include <doctest/doctest.h>

#include "analyzer/testing/load_texts.h"
#include "rules/dns/dns_support.h"

namespace netlint::rules::dns {

TEST_CASE("dns support: documentation names are reserved, their look-alikes are not") {
  CHECK(is_reserved_example("example.com"));
  CHECK(is_reserved_example("api.example.org"));
  CHECK(is_reserved_example("Shop.EXAMPLE.net."));
  CHECK(is_reserved_example("db.test"));
  CHECK(is_reserved_example("web.localhost"));
  CHECK_FALSE(is_reserved_example("myexample.com"));
  CHECK_FALSE(is_reserved_example("example.com.au"));
  CHECK_FALSE(is_reserved_example("api.stripe.com"));
}

TEST_CASE("dns support: variables that name the app's own public URL") {
  auto ref = [](std::string variable, std::string name = {}) {
    index::Reference r;
    r.variable = std::move(variable);
    r.name = std::move(name);
    return r;
  };
  CHECK(names_own_public_url(ref("GF_SERVER_ROOT_URL")));
  CHECK(names_own_public_url(ref("server.root_url")));
  CHECK(names_own_public_url(ref("NEXT_PUBLIC_URL")));
  CHECK(names_own_public_url(ref("APP_BASE_URL")));
  CHECK(names_own_public_url(ref("external-url")));
  CHECK(names_own_public_url(ref("OIDC_REDIRECT_URIS")));
  CHECK(names_own_public_url(ref("CORS_ALLOWED_ORIGINS")));
  CHECK(names_own_public_url(ref("", "--redirect-uri")));
  CHECK_FALSE(names_own_public_url(ref("STRIPE_API_URL")));
  CHECK_FALSE(names_own_public_url(ref("DATABASE_URL", "--db")));
  CHECK_FALSE(names_own_public_url(ref("ORIGINAL_SERVICE_HOST")));
  CHECK_FALSE(names_own_public_url(ref("")));
}

namespace {

constexpr std::string_view kCorefile = R"(apiVersion: v1
kind: ConfigMap
metadata: {name: coredns, namespace: kube-system}
data:
  Corefile: |
    .:53 {
        kubernetes cluster.local {
            pods PODS
        }
        autopath @kubernetes
        forward . /etc/resolv.conf
    }
)";

constexpr std::string_view kNodeLocalDns = R"(apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-local-dns, namespace: kube-system}
spec:
  selector: {matchLabels: {k8s-app: node-local-dns}}
  template:
    metadata: {labels: {k8s-app: node-local-dns}}
    spec:
      hostNetwork: true
      containers:
      - name: node-cache
        image: registry.k8s.io/dns/k8s-dns-node-cache:1.23.1
        args: ["-localip", "169.254.20.10,10.96.0.10"]
)";

bool effective(std::vector<std::pair<std::string, std::string>> files) {
  const LoadedView m_loaded = testing::load_texts(files);
  const model::Model& m = m_loaded.model;
  const engine::View view(m, m_loaded.facts);
  return autopath_effective(view);
}

std::string corefile_with(std::string_view pods) {
  std::string text(kCorefile);
  text.replace(text.find("PODS"), 4, pods);
  return text;
}

}  // namespace

TEST_CASE("dns support: autopath is effective with pods verified and no NodeLocal DNSCache") {
  CHECK(effective({{"coredns.yaml", corefile_with("verified")}}));
  CHECK_FALSE(effective({{"coredns.yaml", corefile_with("insecure")}}));
  CHECK_FALSE(effective({{"coredns.yaml", corefile_with("verified")}, {"nodelocal.yaml", std::string(kNodeLocalDns)}}));
  CHECK_FALSE(effective({}));
}

}  // namespace netlint::rules::dns
