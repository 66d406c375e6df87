// Editor buffers in the input selection (issue 22): the language server's open documents come
// first, so the file on disk at the same path is deduplicated away, and the rest of the
// repository is read as context only.
#include <doctest/doctest.h>

#include <string>

#include "analyzer/cli/input_selection.h"
#include "analyzer/testing/cli_run.h"

namespace netlint {

TEST_CASE("select_inputs: a buffer replaces its file on disk; the repository is context") {
  testing::TempRepo repo("buffers", /*git=*/false);
  repo.write("deploy.yaml", "kind: Deployment\n");
  repo.write("app/svc.yaml", "on disk\n");
  cli::InputRequest request;
  request.config_directory = repo.root.string();  // the repository: the config's folder
  InputText buffer;
  // Spelled differently from the walk's path (absolute, with a `.` step): one file all the same.
  buffer.path = (repo.root / "app" / "." / "svc.yaml").string();
  buffer.text = "in the editor\n";
  request.buffers.push_back(buffer);
  const WalkResult result = cli::select_inputs(request);
  REQUIRE(result.inputs.size() == 2);
  CHECK(result.inputs[0].text == "in the editor\n");
  CHECK(result.inputs[0].reported);
  CHECK(result.inputs[1].path.ends_with("deploy.yaml"));
  CHECK(!result.inputs[1].reported);
}

}  // namespace netlint
