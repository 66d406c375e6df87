#include "analyzer/config/config.h"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

#include "analyzer/config/config_schema.h"
#include "analyzer/diag/did_you_mean.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::config {
namespace {
namespace fs = std::filesystem;

bool valid_cidr(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  const std::string address = text.substr(0, slash);
  const std::string bits = text.substr(slash + 1);
  if (bits.empty() || bits.size() > 3 || !std::all_of(bits.begin(), bits.end(), ::isdigit)) return false;
  const int prefix = std::stoi(bits);
  unsigned char buffer[16];
  if (inet_pton(AF_INET, address.c_str(), buffer) == 1) return prefix <= 32;
  if (inet_pton(AF_INET6, address.c_str(), buffer) == 1) return prefix <= 128;
  return false;
}

bool valid_duration(const yaml::NodeRef& node) {
  if (model::integer_of(node)) return true;
  static const std::regex kDuration(R"(([0-9]+(\.[0-9]+)?(ms|s|m|h))+)");
  return node.is_scalar() && std::regex_match(node.scalar(), kDuration);
}

bool valid_port_range(const std::string& text) {
  static const std::regex kRange(R"(([0-9]{1,5})-([0-9]{1,5}))");
  std::smatch m;
  if (!std::regex_match(text, m, kRange)) return false;
  const int low = std::stoi(m[1]);
  const int high = std::stoi(m[2]);
  return low >= 1 && low <= high && high <= 65535;
}

// A plain scalar that YAML 1.1 reads as something other than a string (`1.30`, `yes`, `80`).
bool plain_non_string(const yaml::NodeRef& node) {
  if (!node.is_scalar() || node.quoted()) return false;
  static const std::regex kNumber(R"([-+]?([0-9][0-9_]*)?\.?[0-9_]+([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+)");
  return model::boolean_of(node).has_value() || std::regex_match(node.scalar(), kNumber);
}

class Validator {
 public:
  Validator(const SourceFile& file, std::span<const diag::RuleInfo* const> rules, Config& config,
            std::vector<ConfigError>& errors)
      : file_(file), lines_(file.text), rules_(rules), config_(config), errors_(errors) {}

  void object(const yaml::NodeRef& node, std::span<const Field> fields, const std::string& where) {
    if (!node.is_map()) {
      if (!node.is_null()) error(node, fmt::format("{} must be a mapping", where));
      return;
    }
    std::set<std::string> seen;
    for (std::uint32_t i = 0; i < node.size(); ++i) {
      const yaml::NodeRef key = node.key_at(i);
      const std::string& name = key.scalar();
      if (!seen.insert(name).second) {
        error(key, fmt::format("duplicate key '{}' in {}", name, where));
        continue;
      }
      const auto field = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == name; });
      if (field == fields.end()) {
        std::vector<std::string> names;
        for (const Field& f : fields) names.emplace_back(f.key);
        error(key, fmt::format("unknown key '{}' in {}{}", name, where, did_you_mean(name, names)));
        continue;
      }
      value(node.value_at(i), *field, where == "the top level" ? name : where + "." + name);
    }
  }

 private:
  void value(const yaml::NodeRef& node, const Field& field, const std::string& where) {
    using T = ValueType;
    switch (field.type) {
      case T::kString:
        if (!node.is_scalar()) error(node, fmt::format("{} must be a string", where));
        else if (plain_non_string(node)) error(node, fmt::format("{} is not a string in YAML; quote it: \"{}\"", where, node.scalar()));
        break;
      case T::kInteger:
        if (!model::integer_of(node)) error(node, fmt::format("{} must be an integer", where));
        break;
      case T::kBoolean:
        if (!model::boolean_of(node)) error(node, fmt::format("{} must be true or false", where));
        break;
      case T::kEnum: choice(node, field.choices, where); break;
      case T::kStringList:
      case T::kCidrList:
        if (!node.is_sequence()) {
          error(node, fmt::format("{} must be a list", where));
          break;
        }
        for (std::uint32_t i = 0; i < node.size(); ++i) {
          const yaml::NodeRef item = node.item(i);
          if (!item.is_scalar()) error(item, fmt::format("{} items must be strings", where));
          else if (field.type == T::kCidrList && !valid_cidr(item.scalar()))
            error(item, fmt::format("{}: '{}' is not a CIDR such as 10.244.0.0/16", where, item.scalar()));
        }
        break;
      case T::kPortRange:
        if (!node.is_scalar() || !valid_port_range(node.scalar()))
          error(node, fmt::format("{} must be a port range such as 30000-32767", where));
        break;
      case T::kDuration:
        if (!valid_duration(node)) error(node, fmt::format("{} must be a duration such as 60s or 5m", where));
        break;
      case T::kLabels:
        if (!node.is_map()) {
          error(node, fmt::format("{} must be a mapping of label keys to values", where));
          break;
        }
        for (std::uint32_t i = 0; i < node.size(); ++i) {
          if (!node.value_at(i).is_scalar()) error(node.value_at(i), fmt::format("{}: label values must be strings", where));
        }
        break;
      case T::kObject: object(node, field.fields, where); break;
      case T::kObjectList:
        if (!node.is_sequence()) {
          error(node, fmt::format("{} must be a list", where));
          break;
        }
        for (std::uint32_t i = 0; i < node.size(); ++i) object(node.item(i), field.fields, fmt::format("{}[{}]", where, i));
        break;
      case T::kNamedObjects:
        if (!node.is_map()) {
          error(node, fmt::format("{} must be a mapping of names to settings", where));
          break;
        }
        for (std::uint32_t i = 0; i < node.size(); ++i) {
          object(node.value_at(i), field.fields, fmt::format("{}.{}", where, node.key_at(i).scalar()));
        }
        break;
      case T::kRules: rules(node); break;
    }
  }

  void choice(const yaml::NodeRef& node, std::span<const std::string_view> choices, const std::string& where) {
    std::vector<std::string> names(choices.begin(), choices.end());
    if (node.is_scalar() && std::find(names.begin(), names.end(), node.scalar()) != names.end()) return;
    error(node, fmt::format("{} must be one of {}{}", where, diag::join_alternatives(names),
                            node.is_scalar() ? did_you_mean(node.scalar(), names) : ""));
  }

  void rules(const yaml::NodeRef& node) {
    if (!node.is_map()) {
      error(node, "rules must be a mapping of rule codes or names to settings");
      return;
    }
    std::vector<std::string> known;
    for (const diag::RuleInfo* rule : rules_) {
      known.emplace_back(rule->code);
      known.emplace_back(rule->name);
    }
    for (std::uint32_t i = 0; i < node.size(); ++i) {
      const yaml::NodeRef key = node.key_at(i);
      const auto rule = std::find_if(rules_.begin(), rules_.end(), [&](const diag::RuleInfo* r) {
        return r->code == key.scalar() || r->name == key.scalar();
      });
      if (rule == rules_.end()) {
        error(key, fmt::format("unknown rule '{}' in rules{}", key.scalar(), did_you_mean(key.scalar(), known)));
        continue;
      }
      rule_setting(**rule, node.value_at(i));
    }
  }

  void rule_setting(const diag::RuleInfo& rule, const yaml::NodeRef& node) {
    const std::string where = fmt::format("rules.{}", node ? std::string(rule.code) : "");
    RuleSetting& setting = config_.rules[std::string(rule.code)];
    if (!node.is_map()) {
      error(node, fmt::format("{} must be a mapping such as {{severity: off}}", where));
      return;
    }
    std::vector<std::string> keys = {"severity"};
    for (const diag::RuleOption& option : rule.options) keys.emplace_back(option.name);
    for (std::uint32_t i = 0; i < node.size(); ++i) {
      const yaml::NodeRef key = node.key_at(i);
      const yaml::NodeRef value = node.value_at(i);
      if (key.scalar() == "severity") {
        static constexpr std::array<std::string_view, 4> kSeverities = {"error", "warning", "note", "off"};
        choice(value, kSeverities, where + ".severity");
        diag::Severity severity{};
        if (value.scalar() == "off") setting.off = true;
        else if (diag::parse_severity(value.scalar(), severity)) setting.severity = severity;
        continue;
      }
      const auto option = std::find_if(rule.options.begin(), rule.options.end(),
                                       [&](const diag::RuleOption& o) { return o.name == key.scalar(); });
      if (option == rule.options.end()) {
        error(key, fmt::format("unknown option '{}' of rule {} {}{}", key.scalar(), rule.code, rule.name,
                               did_you_mean(key.scalar(), keys)));
        continue;
      }
      if (!value.is_scalar()) {
        error(value, fmt::format("{}.{} must be a single value", where, key.scalar()));
        continue;
      }
      setting.options[key.scalar()] = value.scalar();
    }
  }

  static std::string did_you_mean(const std::string& written, const std::vector<std::string>& candidates) {
    const auto best = diag::best_near_misses(written, candidates);
    if (best.empty()) return "";
    std::vector<std::string> quoted;
    for (const std::string& b : best) quoted.push_back("'" + b + "'");
    return "; did you mean " + diag::join_alternatives(quoted) + "?";
  }

  void error(const yaml::NodeRef& node, std::string message) {
    const std::uint32_t at = node ? node.range().begin : 0;
    const LineColumn position = lines_.position(file_.text, at);
    errors_.push_back({position.line, position.column, std::move(message)});
  }

  const SourceFile& file_;
  LineIndex lines_;
  std::span<const diag::RuleInfo* const> rules_;
  Config& config_;
  std::vector<ConfigError>& errors_;
};

std::vector<std::string> scalars(const yaml::NodeRef& node) {
  std::vector<std::string> out;
  for (const model::Text& t : model::string_list(node)) out.push_back(t.value);
  return out;
}

}  // namespace

LoadedConfig parse_config(const std::string& path, std::string text, std::span<const diag::RuleInfo* const> rules) {
  LoadedConfig result;
  auto source = std::make_shared<SourceFile>();
  source->id = 0;
  source->path = path;
  source->text = std::move(text);
  Config config;
  config.path = path;
  config.directory = fs::path(path).parent_path().string();
  if (config.directory.empty()) config.directory = ".";
  config.source = source;

  const auto spans = yaml::split_documents(source->text);
  if (spans.size() > 1) {
    const LineColumn at = LineIndex(source->text).position(source->text, spans[1].begin);
    result.errors.push_back({at.line, at.column, "a config file holds one YAML document"});
    return result;
  }
  if (!spans.empty()) {
    yaml::ParseResult parsed = yaml::parse_document(source->text, spans[0].begin, spans[0].end, 0);
    if (parsed.error) {
      const LineColumn at = LineIndex(source->text).position(source->text, parsed.error->offset);
      result.errors.push_back({at.line, at.column, "invalid YAML: " + parsed.error->message});
      return result;
    }
    if (parsed.tree) config.tree = std::make_shared<const yaml::Tree>(std::move(*parsed.tree));
  }
  if (config.tree) {
    const yaml::NodeRef root = yaml::root_of(*config.tree);
    Validator(*source, rules, config, result.errors).object(root, config_fields(), "the top level");
    config.include = scalars(root.get("include"));
    config.exclude = scalars(root.get("exclude"));
    if (root.get("failOn").is_scalar()) config.fail_on = root.get("failOn").scalar();
    config.cluster = root.get("cluster");
    const yaml::NodeRef clusters = root.get("clusters");
    for (std::uint32_t i = 0; i < clusters.size(); ++i) config.clusters[clusters.key_at(i).scalar()] = clusters.value_at(i);
  }
  if (result.errors.empty()) result.config = std::move(config);
  return result;
}

std::string find_config(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return {};
  while (true) {
    if (fs::is_regular_file(dir / ".netlint.yaml", ec)) return (dir / ".netlint.yaml").string();
    if (fs::exists(dir / ".git", ec) || !dir.has_parent_path() || dir.parent_path() == dir) return {};
    dir = dir.parent_path();
  }
}

}  // namespace netlint::config
