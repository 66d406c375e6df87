// Placeholders (RULES.md "API defaulting and placeholders"): text an installer, envsubst, a
// printf-style generator or a human fills in before applying. Their value is unknown to rules:
// never NL0004, never a dangling reference, while rules on the key still run.
//
// Whether a value is a placeholder depends on the field: an all-caps word (`PORT`, `PROJECT_ID`)
// is a placeholder only where valid values have no upper case (port names, DNS-1123 names,
// hosts, ...), and `$NAME` is data inside nginx and shell text. So every caller names the kind
// of field it reads; one classifier decides for all of them.
#pragma once

#include <cstdint>
#include <string_view>

namespace netlint::model {

enum class FieldKind : std::uint8_t {
  // Upper case is valid here (label values, env values, annotations, enums such as TCP,
  // ClusterIP): only installer tokens, envsubst, printf verbs, `{{ }}` and `<...>` count.
  kText,
  // Valid values have no upper case: port numbers and names, DNS-1123 names and namespaces,
  // hosts, CIDRs, IPs, image references. A whole all-caps identifier counts too.
  kLowerCase,
  // nginx and shell text (ingress-nginx annotation and ConfigMap values, snippets, Corefiles,
  // `sh -c` bodies): `$NAME` and `${NAME}` are variables of that language, not envsubst.
  kScript,
};

enum class PlaceholderKind : std::uint8_t {
  kNone,
  kInstallerToken,  // `__NAME__` anywhere, `__PILLAR__DNS__SERVER__`, `@NAME@`
  kEnvsubst,        // `${NAME}`, `$NAME` (NAME upper case); never the kubelet's `$(NAME)`
  kPrintf,          // `%s`, `%d`, `%v`
  kTemplate,        // `{{ ... }}` inside a string
  kAngleBrackets,   // the whole scalar: `<editme>`, `<YOUR_DOMAIN>`, `<EDIT: ...>`
  kAllCaps,         // the whole scalar `[A-Z][A-Z0-9_]+`, in kLowerCase fields only
};

PlaceholderKind classify_placeholder(std::string_view text, FieldKind field);
inline bool is_placeholder(std::string_view text, FieldKind field) {
  return classify_placeholder(text, field) != PlaceholderKind::kNone;
}

// `[A-Z][A-Z0-9_]*` of two or more characters: the all-caps words that stand for a value.
bool is_all_caps_identifier(std::string_view text);
// The whole scalar in angle brackets (`<editme>`), surrounding blanks aside.
bool is_angle_bracket_placeholder(std::string_view text);
// A line of text holds an angle-bracket placeholder as a YAML value or item: `key: <x>` or
// `- <x>` (for a document that does not parse because of it: a fill-in template).
bool line_has_angle_bracket_placeholder(std::string_view line);

// Extractors record each placeholder they meet as an InputProblem of kind kPlaceholder beside
// the real problems (the field checks are where they are recognised); extract_document moves them
// out before anything reports problems, keeping only the count (the `placeholders` note).

// The mark's root_cause for an all-caps metadata.namespace (`PROD`): kept beside the model, as
// it is NL0004 with a did-you-mean when `prod` is a namespace of the view (model/all_caps_names).
inline constexpr std::string_view kAllCapsNamespace = "all-caps-namespace";

}  // namespace netlint::model
