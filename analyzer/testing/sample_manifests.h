// Small manifests the CLI tests share: a Deployment `shop/web` whose pods carry `app: web` and
// listen on 80, and a Service `shop/web` selecting a given `app` value (a typo when not `web`).
#pragma once

#include <string>

namespace netlint::testing {

inline constexpr const char* kShopWebDeployment =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n"
    "  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
    "    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}\n";

inline std::string shop_web_service(const std::string& app) {
  return "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: " + app +
         "}\n  ports: [{port: 80}]\n";
}

}  // namespace netlint::testing
