#include "analyzer/loader/generator_sources.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include "analyzer/kustomize/generators.h"
#include "analyzer/source/input_file.h"

namespace netlint {

std::vector<FileId> add_generator_sources(std::vector<InputText>& inputs, const kustomize::BuildPlan& plan,
                                          std::uint64_t max_size) {
  std::set<std::string> known;
  for (const InputText& input : inputs)
    known.insert(std::filesystem::path(input.path).lexically_normal().generic_string());
  std::vector<FileId> named_by;
  for (const auto& [dir, k] : plan.kustomizations) {
    if (k.file == kNoFile || k.file >= inputs.size()) continue;
    const std::string inside = dir.empty() || dir == "." ? "" : dir + "/";
    for (const kustomize::Entry& source : kustomize::config_map_sources(k)) {
      // Inside the kustomization's folder only, as kustomize loads by default: `../x` and
      // absolute paths stay unread (the build reports them as sources it could not read).
      const std::string_view rest = std::string_view(source.value).substr(std::min(inside.size(), source.value.size()));
      const bool within = source.value.starts_with(inside) && !rest.empty() && rest.front() != '/' &&
                          !rest.starts_with("../") && rest != "..";
      if (!within || !known.insert(source.value).second) continue;
      FileRead read = read_input_file(source.value, max_size, /*allow_streams=*/false);
      if (read.outcome != ReadOutcome::kRead) continue;
      InputText text;
      text.path = source.value;
      text.text = std::move(read.text);
      text.reported = inputs[k.file].reported;
      text.skip = SkipReason::kKustomize;
      inputs.push_back(std::move(text));
      named_by.push_back(k.file);
    }
  }
  return named_by;
}

}  // namespace netlint
