#include "rules/coredns/corefile_walk.h"

#include <fmt/format.h>

namespace netlint::rules::coredns {

std::vector<Block> blocks_of(const model::CorefileSource& source) {
  std::vector<Block> out;
  for (const corefile::ServerBlock& b : source.ast.blocks) out.push_back({&b, b.expanded});
  return out;
}

void for_each_corefile(const engine::View& view,
                       const std::function<void(const model::CorefileSource&, const CorefileRuntime&)>& fn) {
  for (const model::CorefileSource& source : view.model().corefiles) fn(source, runtime_of(view, source));
}

bool checkable_name(const corefile::Token& name) {
  if (name.text.empty() || name.env_placeholder || name.installer_placeholder || name.quoted) return false;
  if (name.text.front() == '{' || name.text.front() == '}' || name.text.back() == '{' || name.text.back() == '}')
    return false;
  return name.text != "import";
}

SourceRange range_of(const model::CorefileSource& source, const corefile::Token& token) {
  return source.text.map(token.begin, token.end);
}

std::string root_cause_of(const model::CorefileSource& source, const corefile::Token& name) {
  const SourceRange r = range_of(source, name);
  return fmt::format("corefile:{}:{}:{}", r.file, r.begin, name.text);
}

std::string display_name(std::string_view plugin, std::string_view option) {
  return option.empty() ? fmt::format("plugin {}", plugin) : fmt::format("{} option {}", plugin, option);
}

}  // namespace netlint::rules::coredns

#include "rules/coredns/plugin_table.h"

namespace netlint::rules::coredns {

void for_each_lifecycle_use(const engine::View& view, const std::function<void(const LifecycleUse&)>& fn) {
  for_each_corefile(view, [&](const model::CorefileSource& source, const CorefileRuntime& runtime) {
    for (const Block& b : blocks_of(source)) {
      for (const corefile::Directive& d : b.directives) {
        if (!checkable_name(d.name)) continue;
        const PluginSpec* plugin = find_plugin(d.name.text);
        if (plugin == nullptr) continue;
        fn({source, runtime, d, *plugin, nullptr, plugin->life});
        if (plugin->free_block) continue;
        for (const corefile::Directive& sub : d.block) {
          if (!checkable_name(sub.name)) continue;
          if (const OptionSpec* option = find_option(*plugin, sub.name.text))
            fn({source, runtime, sub, *plugin, option, option->life});
        }
      }
    }
  });
}

std::string version_text(const CorefileRuntime& runtime) {
  return fmt::format("CoreDNS {}.{}.{} ({})", runtime.version.major, runtime.version.minor, runtime.version.patch,
                     runtime.version_origin);
}

}  // namespace netlint::rules::coredns
