// Helm's rendered output (`helm template ... | netlint -`, or a file of it) names the template
// each document came from in a `# Source: chart/templates/x.yaml` comment at the document's start.
// Splitting the stream there turns each template into an input of its own, reported under the
// template's path with lines counted in its rendered text (close to the template's own lines), so
// findings group by the file a user edits (issue 20).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace netlint {

struct RenderedSource {
  std::string path;  // the `# Source:` path; empty for documents before the first one
  std::string text;  // the documents rendered from it, in stream order
};

// The stream split by `# Source:` comments, documents of one source joined in order; empty when
// the text holds no such comment (not Helm output: read as it is).
std::vector<RenderedSource> split_helm_sources(std::string_view text);

}  // namespace netlint
