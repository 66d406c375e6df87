// The load-balancer classifier's value readers.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzer/facts/load_balancer_values.h"

namespace netlint::facts {

TEST_SUITE("load-balancer") {

// ---- value readers -----------------------------------------------------------------------------

TEST_CASE("load balancer values: Go bools, counts, durations, attributes, port lists, JSON") {
  CHECK(lb::parse_go_bool("True") == true);
  CHECK(lb::parse_go_bool("0") == false);
  CHECK(!lb::parse_go_bool("yes"));
  CHECK(lb::parse_count("350") == 350);
  CHECK(!lb::parse_count("60s"));
  CHECK(!lb::parse_count("-1"));
  CHECK(!lb::parse_count(""));
  CHECK(lb::parse_go_duration_seconds("10s") == doctest::Approx(10.0));
  CHECK(lb::parse_go_duration_seconds("1m30s") == doctest::Approx(90.0));
  CHECK(lb::parse_go_duration_seconds("1.5h") == doctest::Approx(5400.0));
  CHECK(lb::parse_go_duration_seconds("250ms") == doctest::Approx(0.25));
  CHECK(lb::parse_go_duration_seconds("0") == doctest::Approx(0.0));
  CHECK(!lb::parse_go_duration_seconds("30"));  // Go wants a unit
  CHECK(!lb::parse_go_duration_seconds("10x"));
  CHECK(!lb::parse_go_duration_seconds(""));

  const auto attributes = lb::parse_key_values("preserve_client_ip.enabled=false, proxy_protocol_v2.enabled=true");
  REQUIRE(attributes);
  REQUIRE(attributes->size() == 2);
  CHECK((*attributes)[1].first == "proxy_protocol_v2.enabled");
  CHECK((*attributes)[1].second == "true");
  CHECK(!lb::parse_key_values("proxy_protocol_v2.enabled"));

  const lb::PortSelection aws = lb::parse_aws_port_set("443,HTTPS-ALT,https");
  CHECK(aws.selects(443, "x"));
  CHECK(aws.selects(8443, "HTTPS"));  // port names are lower-cased before the lookup
  CHECK(!aws.selects(8443, "https-alt"));  // the annotation's own items are not
  CHECK(lb::parse_aws_port_set("*").all);
  CHECK(lb::parse_aws_port_set("").all);

  CHECK(lb::parse_scaleway_ports("true")->all);
  CHECK(lb::parse_scaleway_ports("*")->all);
  CHECK(!lb::parse_scaleway_ports("false")->all);
  CHECK(lb::parse_scaleway_ports("1")->numbers == std::vector<std::int64_t>{1});  // a port, not a bool
  CHECK(lb::parse_scaleway_ports("80, 443")->numbers == std::vector<std::int64_t>{80, 443});
  CHECK(!lb::parse_scaleway_ports("http"));
  CHECK(lb::parse_port_list("80,8080")->numbers == std::vector<std::int64_t>{80, 8080});
  CHECK(!lb::parse_port_list("80;8080"));

  const auto json = lb::parse_flat_json_object(R"({ "protocol": "https", "tls-secret-name": "cert", "port": 443 })");
  REQUIRE(json);
  REQUIRE(json->size() == 3);
  CHECK((*json)[0].second == "https");
  CHECK((*json)[2].second == "443");
  CHECK(lb::parse_flat_json_object("{}")->empty());
  CHECK(!lb::parse_flat_json_object(R"({"protocol": "https")"));
  CHECK(!lb::parse_flat_json_object("protocol: https"));
}

}  // TEST_SUITE("load-balancer")

}  // namespace netlint::facts
