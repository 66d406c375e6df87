#include "rules/kube_proxy/kube_proxy_config.h"

#include <doctest/doctest.h>

namespace netlint::rules::kube_proxy {

TEST_CASE("kube-proxy durations are read as metav1.Duration reads them (time.ParseDuration)") {
  CHECK(duration_ms("30s") == 30000);
  CHECK(duration_ms("1m30s") == 90000);
  CHECK(duration_ms("0") == 0);
  CHECK(duration_ms("+30s") == 30000);
  CHECK(duration_ms("-1s") == -1000);  // parses; kube_proxy_config_invalid refuses the sign of the value
  CHECK(duration_ms("500\xC2\xB5s") == 0.5);
  CHECK_FALSE(duration_ms("1.2.3s"));  // std::stod read "1.2" and ignored the rest
  CHECK_FALSE(duration_ms("1e3s"));
  CHECK_FALSE(duration_ms("30"));
  CHECK_FALSE(duration_ms(""));
}

}  // namespace netlint::rules::kube_proxy
