#include "analyzer/config/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string_view>
#include <tuple>

#include "analyzer/config/config_schema.h"
#include "analyzer/diag/did_you_mean.h"
#include "analyzer/model/extract_util.h"
#include "analyzer/util/cidr.h"
#include "analyzer/util/go_values.h"
#include "analyzer/util/strings.h"
#include "analyzer/yaml/document_splitter.h"
#include "analyzer/yaml/tree_builder.h"

namespace netlint::config {
namespace {
namespace fs = std::filesystem;

// Port ranges and YAML 1.1 numbers are read by hand-written scanning, not std::regex (durations
// by util/go_values): libstdc++'s regex recursed once per character and overflowed the stack on a
// 20 KB duration or a 30,000-digit kubernetesVersion (issue 16). Each scanner accepts what its
// former regex did.
bool is_digit_or_underscore(char c) {
  return is_ascii_digit(c) || c == '_';
}
bool is_hex_or_underscore(char c) {
  return is_digit_or_underscore(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_octal_or_underscore(char c) {
  return (c >= '0' && c <= '7') || c == '_';
}

// Whether `text` is not empty and every character passes `test`.
template <class Test>
bool nonempty_all(std::string_view text, Test test) {
  return !text.empty() && std::all_of(text.begin(), text.end(), test);
}

// A whole number of seconds, or a Go duration (time.ParseDuration: 60s, 1m30s, 1.5h, .5s, 0), as
// the controllers whose timeouts these describe write them; never negative, and no minus sign
// even on zero. config_json_schema.cpp's kDurationPattern says the same for editors.
bool valid_duration(const yaml::NodeRef& node) {
  if (const std::optional<std::int64_t> seconds = model::integer_of(node)) return *seconds >= 0;
  if (!node.is_scalar() || node.scalar().starts_with('-')) return false;
  const std::optional<std::int64_t> nanoseconds = go_parse_duration(node.scalar());
  return nanoseconds && *nanoseconds >= 0;
}

// [-+]?([0-9][0-9_]*)?\.?[0-9_]+([eE][-+]?[0-9]+)? : 80, -1.5, 1_000, .5, 1.30, 6e3.
bool yaml11_decimal(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  const auto e = text.find_first_of("eE");
  if (e != std::string_view::npos) {
    std::string_view exponent = text.substr(e + 1);
    if (!exponent.empty() && (exponent[0] == '-' || exponent[0] == '+')) exponent.remove_prefix(1);
    if (!nonempty_all(exponent, is_ascii_digit)) return false;
    text = text.substr(0, e);
  }
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) return nonempty_all(text, is_digit_or_underscore);
  const std::string_view whole = text.substr(0, dot);  // empty, or a digit then digits and _
  const bool whole_ok =
      whole.empty() || (is_ascii_digit(whole[0]) && std::all_of(whole.begin(), whole.end(), is_digit_or_underscore));
  return whole_ok && nonempty_all(text.substr(dot + 1), is_digit_or_underscore);
}

// The decimal form, 0x[0-9a-fA-F_]+ or 0o?[0-7_]+.
bool yaml11_number(std::string_view text) {
  if (text.starts_with("0x")) return nonempty_all(text.substr(2), is_hex_or_underscore);
  if (text.starts_with("0o")) return nonempty_all(text.substr(2), is_octal_or_underscore);
  if (text.starts_with("0") && nonempty_all(text.substr(1), is_octal_or_underscore)) return true;
  return yaml11_decimal(text);
}

// A plain scalar that YAML 1.1 reads as something other than a string (`1.30`, `yes`, `80`).
bool plain_non_string(const yaml::NodeRef& node) {
  if (!node.is_scalar() || node.quoted()) return false;
  return model::boolean_of(node).has_value() || yaml11_number(node.scalar());
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
    // A key written twice never gets here: the YAML reader rejects the document (tree_builder).
    for (std::uint32_t i = 0; i < node.size(); ++i) {
      const yaml::NodeRef key = node.key_at(i);
      const std::string& name = key.scalar();
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

  // RULES.md "Namespace states": a namespace listed both complete and open is a config error;
  // applyNamespace names a namespace (a DNS-1123 label, as kubectl -n requires).
  // RULES.md Facts "Dual-stack": a cluster has one Service CIDR per IP family; a block size is a
  // prefix length of its family.
  void cluster_families(const ClusterSettings& cluster, const std::string& where) {
    std::array<const model::Text*, 2> first{};
    const std::vector<model::Text> none;
    for (const model::Text& item : cluster.service_cidrs ? cluster.service_cidrs->value : none) {
      const bool v6 = item.value.find(':') != std::string::npos;
      const model::Text*& seen = first[v6 ? 1 : 0];
      if (seen == nullptr) {
        seen = &item;
        continue;
      }
      error(item.range,
            fmt::format(
                "{}.serviceCIDRs has a second {} range '{}' (after '{}'): a cluster has one Service CIDR per IP family",
                where, v6 ? "IPv6" : "IPv4", item.value, seen->value));
    }
    if (!cluster.node_block_size) return;
    const NodeBlockSettings& blocks = cluster.node_block_size->value;
    for (const auto& [key, size, bits] : {std::tuple{"ipv4", blocks.ipv4, 32}, {"ipv6", blocks.ipv6, 128}}) {
      if (size && (size->value < 0 || size->value > bits))
        error(size->range, fmt::format("{}.nodeBlockSize.{} must be a prefix length from 0 to {}", where, key, bits));
    }
  }

  void cluster_namespaces(const ClusterSettings& cluster, const std::string& where) {
    if (const auto& apply = cluster.apply_namespace; apply && !dns1123_label(apply->value)) {
      error(apply->range,
            fmt::format("{}.applyNamespace '{}' is not a namespace name (lower-case letters, digits and '-', "
                        "at most 63, starting and ending alphanumeric)",
                        where, apply->value));
    }
    if (!cluster.namespaces) return;
    const NamespaceSettings& states = cluster.namespaces->value;
    for (const model::Text& item : states.open) {
      for (const model::Text& listed : states.complete) {
        if (listed.value == item.value) {
          error(item.range,
                fmt::format("namespace '{}' is listed both complete and open in {}.namespaces", item.value, where));
        }
      }
    }
  }

 private:
  static bool dns1123_label(std::string_view v) {
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    bool ok = !v.empty() && v.size() <= 63 && alnum(v.front()) && alnum(v.back());
    for (char c : v) ok = ok && (alnum(c) || c == '-');
    return ok;
  }

  void value(const yaml::NodeRef& node, const Field& field, const std::string& where) {
    using T = ValueType;
    switch (field.type) {
      case T::kString:
        if (!node.is_scalar())
          error(node, fmt::format("{} must be a string", where));
        else if (plain_non_string(node))
          error(node, fmt::format("{} is not a string in YAML; quote it: \"{}\"", where, node.scalar()));
        break;
      case T::kInteger:
        if (!model::integer_of(node)) error(node, fmt::format("{} must be an integer", where));
        break;
      case T::kBoolean:
        if (!model::boolean_of(node)) error(node, fmt::format("{} must be true or false", where));
        break;
      case T::kEnum:
        choice(node, field.choices, where);
        break;
      case T::kStringList:
      case T::kCidrList:
      case T::kIpList:
        if (!node.is_sequence()) {
          error(node, fmt::format("{} must be a list", where));
          break;
        }
        for (std::uint32_t i = 0; i < node.size(); ++i) {
          const yaml::NodeRef item = node.item(i);
          if (!item.is_scalar())
            error(item, fmt::format("{} items must be strings", where));
          else if (field.type == T::kCidrList && !parse_cidr(item.scalar()))
            error(item, fmt::format("{}: '{}' is not a CIDR such as 10.244.0.0/16", where, item.scalar()));
          else if (field.type == T::kIpList && !parse_ip(item.scalar()))
            error(item, fmt::format("{}: '{}' is not an IP address such as 10.96.0.10", where, item.scalar()));
        }
        break;
      case T::kPortRange:
        if (!node.is_scalar() || !parse_port_range(node.scalar()))
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
          if (!node.value_at(i).is_scalar())
            error(node.value_at(i), fmt::format("{}: label values must be strings", where));
        }
        break;
      case T::kObject:
        object(node, field.fields, where);
        break;
      case T::kObjectList:
        if (!node.is_sequence()) {
          error(node, fmt::format("{} must be a list", where));
          break;
        }
        for (std::uint32_t i = 0; i < node.size(); ++i)
          object(node.item(i), field.fields, fmt::format("{}[{}]", where, i));
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
      case T::kRules:
        rules(node);
        break;
      case T::kGlobLists:
        if (!node.is_map()) {
          error(node, fmt::format("{} must be a mapping of path globs to lists", where));
          break;
        }
        for (std::uint32_t i = 0; i < node.size(); ++i) {
          const yaml::NodeRef list = node.value_at(i);
          const std::string item_where = fmt::format("{}.\"{}\"", where, node.key_at(i).scalar());
          if (!list.is_sequence()) {
            error(list, fmt::format("{} must be a list of rules, groups or prefixes", item_where));
            continue;
          }
          for (std::uint32_t j = 0; j < list.size(); ++j) {
            if (!list.item(j).is_scalar()) error(list.item(j), fmt::format("{} items must be strings", item_where));
          }
        }
        break;
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
        if (value.scalar() == "off")
          setting.off = true;
        else if (diag::parse_severity(value.scalar(), severity))
          setting.severity = severity;
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
      if (!option_value_valid(*option, value.scalar())) {
        error(value, fmt::format("{}.{} must be {}", where, key.scalar(),
                                 option->type == "boolean" ? "true or false" : "a non-negative integer"));
        continue;
      }
      setting.options[key.scalar()] = value.scalar();
    }
  }

  // The types rules read (engine::Sink::option_flag, option_integer).
  static bool option_value_valid(const diag::RuleOption& option, const std::string& value) {
    if (option.type == "boolean") return value == "true" || value == "false";
    if (option.type == "integer") {
      return !value.empty() && value.size() <= 9 &&
             std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
    return true;
  }

  static std::string did_you_mean(const std::string& written, const std::vector<std::string>& candidates) {
    const auto best = diag::best_near_misses(written, candidates);
    if (best.empty()) return "";
    std::vector<std::string> quoted;
    for (const std::string& b : best) quoted.push_back("'" + b + "'");
    return "; did you mean " + diag::join_alternatives(quoted) + "?";
  }

  void error(const yaml::NodeRef& node, std::string message) {
    error(node ? node.range() : SourceRange{}, std::move(message));
  }

  void error(const SourceRange& range, std::string message) {
    const LineColumn position = lines_.position(file_.text, range.begin);
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
  // A std::string, not '= "."': GCC 12 inlines that into a false -Wrestrict error (GCC bug 105329).
  if (config.directory.empty()) config.directory = std::string(".");
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
    for (const yaml::ParseError& dup : parsed.duplicate_keys) {
      const LineColumn at = LineIndex(source->text).position(source->text, dup.offset);
      result.errors.push_back({at.line, at.column, "duplicate key: " + dup.message});
    }
    if (!parsed.duplicate_keys.empty()) return result;
    if (parsed.tree) config.tree = std::make_shared<const yaml::Tree>(std::move(*parsed.tree));
  }
  if (config.tree) {
    const yaml::NodeRef root = yaml::root_of(*config.tree);
    Validator validator(*source, rules, config, result.errors);
    validator.object(root, config_fields(), "the top level");
    // `cluster:` and each `clusters:` entry are read once into typed settings; the checks across
    // their fields run on those, and so does everything after config (loader, facts).
    config.cluster = read_cluster_settings(root.get("cluster"));
    validator.cluster_namespaces(config.cluster, "cluster");
    validator.cluster_families(config.cluster, "cluster");
    const yaml::NodeRef views = root.get("clusters");
    for (std::uint32_t i = 0; i < views.size(); ++i) {
      const std::string where = "clusters." + views.key_at(i).scalar() + ".cluster";
      ClusterView view = read_cluster_view(views.value_at(i));
      validator.cluster_namespaces(view.cluster, where);
      validator.cluster_families(view.cluster, where);
      config.clusters[views.key_at(i).scalar()] = std::move(view);
    }
    config.include = scalars(root.get("include"));
    if (root.get("select")) config.select = scalars(root.get("select"));
    config.extend_select = scalars(root.get("extend-select"));
    config.ignore = scalars(root.get("ignore"));
    const yaml::NodeRef per_file = root.get("per-file-ignores");
    for (std::uint32_t i = 0; per_file.is_map() && i < per_file.size(); ++i) {
      config.per_file_ignores.push_back({per_file.key_at(i).scalar(), scalars(per_file.value_at(i))});
    }
    config.exclude = scalars(root.get("exclude"));
    if (root.get("failOn").is_scalar()) config.fail_on = root.get("failOn").scalar();
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
