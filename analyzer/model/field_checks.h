// NL0004 (invalid-field) checks, run by the extractors on the fields they read: values the API
// server would reject because of their YAML type (a number where it wants a string), their range
// (port 70000) or their syntax (a port name that is not an IANA_SVC_NAME). The extractors read
// such values exactly as before; these checks only record problems beside them.
//
// Types follow the YAML 1.1 resolution kubectl uses (RULES.md Clarifications, "Field types"):
// kubectl reads YAML with go-yaml v2 (through sigs.k8s.io/yaml) into untyped values and sends the
// JSON to the API server, so `1.10`, `yes`, `on` and `080` arrive as numbers and booleans.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/model/model.h"
#include "analyzer/model/placeholder.h"
#include "analyzer/yaml/node_ref.h"

namespace netlint::model {

using Problems = std::vector<InputProblem>;

// What kubectl's YAML reader makes of a node.
enum class YamlType : std::uint8_t { kAbsent, kNull, kBool, kInt, kFloat, kString, kMap, kSequence };

struct Resolved {
  YamlType type = YamlType::kAbsent;
  double number = 0;     // kInt, kFloat
  bool boolean = false;  // kBool
};

// A node as kubectl types it: quoted and block scalars and `!!str` are strings, plain scalars
// are resolved as go-yaml v2 does.
Resolved resolve(const yaml::NodeRef& node);
// go-yaml v2's resolution of a plain scalar: the YAML 1.1 booleans (`y`, `yes`, `on`, ...),
// nulls, integers as Go's ParseInt reads them after dropping `_` (`0x1F`, `0o17`, `017`, `0b1`),
// floats of the form `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` (so `080` and `1e3`
// are numbers), `.inf`/`.nan`; everything else (timestamps included) is a string.
Resolved resolve_plain(std::string_view text);
// "a number", "a boolean", "a string", "a map", "a list", "empty" (for messages).
std::string_view yaml_type_phrase(YamlType type);

// True for a placeholder in a field where upper case is valid (model/placeholder.h): an
// installer token (`__CNI_MTU__`), envsubst, a printf verb, `{{ }}` or `<...>`. Its value is
// unknown, never invalid. The port checks below also take all-caps words (`PORT`) and record
// each placeholder they skip as an InputProblemKind::kPlaceholder.
bool has_placeholder(std::string_view text);

// True when `value` is a placeholder for a field of kind `field` (model/placeholder.h): it is
// marked for the `placeholders` note and the caller reads the value as unknown.
bool unknown_placeholder(const Text& value, FieldKind field, Problems& out);

// Why `name` is not an IANA_SVC_NAME (what the API server requires of port names), as a
// lowercase clause ("must contain at least one letter"); empty when it is one.
std::string port_name_problem(std::string_view name);

// A field that must be a string (names, env values, args items, ...). Messages:
//   `<subject> <value> is a number in YAML, but <requirement>; quote it: "<value>"`
//   `<collection_subject> is a map, but <requirement>`
struct StringField {
  std::string subject;             // "label value", "metadata.name"
  std::string collection_subject;  // "value of label app"
  std::string_view requirement;    // "label values must be strings"
};
void check_string(const yaml::NodeRef& key, const yaml::NodeRef& value, const StringField& field, Problems& out);

// A map of strings (labels, annotations, selectors, ConfigMap data): the field must be a map,
// and each value a string. `noun` is "label", "annotation", "selector", "ConfigMap data".
void check_string_map(const yaml::NodeRef::Entry& field, std::string_view noun, Problems& out);
// A list of strings (args, command, dnsConfig nameservers): `item` names one item in messages
// ("arg", "command item"), `requirement` states the rule ("args must be strings").
void check_string_list(const yaml::NodeRef::Entry& field, std::string_view item, std::string_view requirement,
                       Problems& out);
// A field that must be a list (ports, env, dnsConfig options).
void check_list(const yaml::NodeRef::Entry& field, Problems& out);

enum class PortField : std::uint8_t {
  kPort,          // an integer 1-65535 (containerPort, Service port, grpc probe port)
  kNodePort,      // an integer 1-65535, or 0 (allocate one)
  kNumberOrName,  // an integer 1-65535 or an IANA_SVC_NAME (httpGet/tcpSocket probe port)
  kTargetPort,    // kNumberOrName, or 0 or "": the API server defaults those to the Service port (api_defaults.h)
};
// `field` is the key as written ("containerPort"); `what` the subject of messages, usually the same.
void check_port(const yaml::NodeRef::Entry& field, PortField kind, std::string_view what, Problems& out);
// A port's `name` that must be an IANA_SVC_NAME (container ports); `what` is "container port name".
void check_port_name(const yaml::NodeRef::Entry& field, std::string_view what, Problems& out);
// `protocol`: TCP, UDP or SCTP (or "", which the API defaults to TCP). True when rules may read
// the value (absent, valid or a placeholder).
bool check_protocol(const yaml::NodeRef::Entry& field, Problems& out);

// An enum field (Service `type`, `dnsPolicy`, a `policyTypes` item, ...): the API server takes
// exactly its members, case-sensitively. Messages:
//   `<what> <value> is not valid; <what> is case-sensitive: write <Member>`   (wrong case)
//   `<what> <value> is not valid; did you mean <Member>? (valid: A, B or C)`  (a near miss)
//   `<what> <value> is not valid; use A, B or C`
// An empty string is the API's "not set" (it applies the default) when `empty_is_unset`.
struct EnumField {
  std::string_view what;  // "type", "dnsPolicy", "policyTypes item"
  std::span<const std::string_view> members;
  bool empty_is_unset = true;
};
// True when the value is absent, null, a member or a placeholder (the value rules may read).
bool check_enum(const yaml::NodeRef::Entry& field, const EnumField& spec, Problems& out);
// The same for one list item (no key: the item itself is the anchor).
bool check_enum_item(const yaml::NodeRef& item, const EnumField& spec, Problems& out);
// A boolean field (hostNetwork).
void check_boolean(const yaml::NodeRef::Entry& field, std::string_view what, Problems& out);

}  // namespace netlint::model
