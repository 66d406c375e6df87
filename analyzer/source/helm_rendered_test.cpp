// Helm's rendered stream split by its `# Source:` comments.
#include <doctest/doctest.h>

#include "analyzer/source/helm_rendered.h"

namespace netlint {

TEST_CASE("helm output: documents group by their # Source: template, in stream order") {
  const std::string stream =
      "---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\n"
      "---\n# Source: shop/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n"
      "---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata: {name: b}\n";
  const std::vector<RenderedSource> sources = split_helm_sources(stream);
  REQUIRE(sources.size() == 2);
  CHECK(sources[0].path == "shop/templates/service.yaml");
  CHECK(sources[0].text ==
        "---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\n"
        "---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata: {name: b}\n");
  CHECK(sources[1].path == "shop/templates/deployment.yaml");
  CHECK(sources[1].text == "---\n# Source: shop/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n");
}

TEST_CASE("helm output: text before the first # Source: keeps the stream's own name; CRLF is read") {
  const std::vector<RenderedSource> sources = split_helm_sources(
      "apiVersion: v1\r\nkind: Namespace\r\n---\r\n# Source: c/templates/a.yaml\r\nkind: Service\r\n");
  REQUIRE(sources.size() == 2);
  CHECK(sources[0].path.empty());
  CHECK(sources[0].text == "apiVersion: v1\r\nkind: Namespace\r\n");
  CHECK(sources[1].path == "c/templates/a.yaml");
}

TEST_CASE("not helm output: no # Source: comment at a document start, nothing split") {
  CHECK(split_helm_sources("apiVersion: v1\nkind: Service\n").empty());
  // A `# Source:` comment inside a document (after content) names nothing.
  CHECK(split_helm_sources("---\napiVersion: v1\n# Source: not/a/template.yaml\nkind: Service\n").empty());
  CHECK(split_helm_sources("").empty());
}

}  // namespace netlint
