#include "analyzer/config/config_json_schema.h"

#include <sstream>

#include "analyzer/config/config_schema.h"
#include "analyzer/util/json_writer.h"

namespace netlint::config {
namespace {

using T = ValueType;

// Patterns mirror config.cpp's checks (which stay the authority: they also check ranges).
constexpr std::string_view kCidrPattern = R"(^[0-9A-Fa-f:.]+/[0-9]{1,3}$)";
constexpr std::string_view kIpPattern = R"(^[0-9A-Fa-f:.]+$)";
constexpr std::string_view kPortRangePattern = R"(^[0-9]{1,5}-[0-9]{1,5}$)";
// Go's time.ParseDuration without a minus sign (config.cpp valid_duration); µ is U+00B5, μ U+03BC.
constexpr std::string_view kDurationPattern =
    "^\\+?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\xC2\xB5s|\xCE\xBCs|ms|s|m|h))+)$";

void string_with_pattern(JsonWriter& json, std::string_view pattern) {
  json.begin_object().key("type").value("string").key("pattern").value(pattern).end_object();
}

void write_fields(JsonWriter& json, std::span<const Field> fields, std::span<const diag::RuleInfo* const> rules);

void write_field(JsonWriter& json, const Field& field, std::span<const diag::RuleInfo* const> rules);

// The members of an object schema, written into the object the caller has open.
void object_members(JsonWriter& json, std::span<const Field> fields, std::span<const diag::RuleInfo* const> rules) {
  json.key("type").value("object").key("properties");
  write_fields(json, fields, rules);
  json.key("additionalProperties").value(false);
}

void write_object(JsonWriter& json, std::span<const Field> fields, std::span<const diag::RuleInfo* const> rules) {
  json.begin_object();
  object_members(json, fields, rules);
  json.end_object();
}

void write_rule_settings(JsonWriter& json, const diag::RuleInfo& rule) {
  json.begin_object().key("type").value("object");
  json.key("description")
      .value(std::string(rule.code) + " " + std::string(rule.name) + ": " + std::string(rule.summary));
  json.key("properties").begin_object();
  json.key("severity").begin_object().key("enum").begin_array();
  for (std::string_view s : {"error", "warning", "note", "off"}) json.value(s);
  json.end_array().key("description").value("error | warning | note | off").end_object();
  for (const diag::RuleOption& option : rule.options) {
    json.key(option.name).begin_object();
    if (option.type == "integer")
      json.key("type").value("integer");
    else if (option.type == "boolean")
      json.key("type").value("boolean");
    else if (option.type == "duration")
      json.key("type").value("string").key("pattern").value(kDurationPattern);
    else
      json.key("type").value("string");
    json.key("description")
        .value(std::string(option.description) + " (default " + std::string(option.default_value) + ")");
    json.end_object();
  }
  json.end_object().key("additionalProperties").value(false).end_object();
}

void write_field(JsonWriter& json, const Field& field, std::span<const diag::RuleInfo* const> rules) {
  switch (field.type) {
    case T::kString:
      json.begin_object().key("type").value("string");
      break;
    case T::kInteger:
      json.begin_object().key("type").value("integer");
      break;
    case T::kBoolean:
      json.begin_object().key("type").value("boolean");
      break;
    case T::kEnum:
      json.begin_object().key("enum").begin_array();
      for (std::string_view choice : field.choices) json.value(choice);
      json.end_array();
      break;
    case T::kStringList:
      json.begin_object()
          .key("type")
          .value("array")
          .key("items")
          .begin_object()
          .key("type")
          .value("string")
          .end_object();
      break;
    case T::kCidrList:
      json.begin_object().key("type").value("array").key("items");
      string_with_pattern(json, kCidrPattern);
      break;
    case T::kIpList:
      json.begin_object().key("type").value("array").key("items");
      string_with_pattern(json, kIpPattern);
      break;
    case T::kPortRange:
      json.begin_object().key("type").value("string").key("pattern").value(kPortRangePattern);
      break;
    case T::kDuration:
      json.begin_object().key("type").value("string").key("pattern").value(kDurationPattern);
      break;
    case T::kLabels:
      json.begin_object()
          .key("type")
          .value("object")
          .key("additionalProperties")
          .begin_object()
          .key("type")
          .value("string")
          .end_object();
      break;
    case T::kGlobLists:
      json.begin_object()
          .key("type")
          .value("object")
          .key("additionalProperties")
          .begin_object()
          .key("type")
          .value("array");
      json.key("items").begin_object().key("type").value("string").end_object().end_object();
      break;
    case T::kObject:
      json.begin_object();
      object_members(json, field.fields, rules);
      break;
    case T::kObjectList:
      json.begin_object().key("type").value("array").key("items");
      write_object(json, field.fields, rules);
      break;
    case T::kNamedObjects:
      json.begin_object().key("type").value("object").key("additionalProperties");
      write_object(json, field.fields, rules);
      break;
    case T::kRules:
      // Codes and names both: users write either (`NL1001` or `service-selector-typo`).
      json.begin_object().key("type").value("object").key("properties").begin_object();
      for (const diag::RuleInfo* rule : rules) {
        json.key(rule->code);
        write_rule_settings(json, *rule);
        json.key(rule->name);
        write_rule_settings(json, *rule);
      }
      json.end_object().key("additionalProperties").value(false);
      break;
  }
  json.key("description").value(field.description).end_object();
}

void write_fields(JsonWriter& json, std::span<const Field> fields, std::span<const diag::RuleInfo* const> rules) {
  json.begin_object();
  for (const Field& field : fields) {
    json.key(field.key);
    write_field(json, field, rules);
  }
  json.end_object();
}

}  // namespace

std::string config_json_schema(std::span<const diag::RuleInfo* const> rules) {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object();
  json.key("$schema").value("http://json-schema.org/draft-07/schema#");
  json.key("$id").value("https://github.com/netlint/netlint/blob/main/schemas/netlint-config.schema.json");
  json.key("title").value(".netlint.yaml");
  json.key("description").value("netlint's configuration; generated by `netlint config-schema`, do not edit");
  object_members(json, config_fields(), rules);
  json.end_object();
  out << '\n';
  return out.str();
}

}  // namespace netlint::config
