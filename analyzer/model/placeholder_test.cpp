// The placeholder classifier against RULES.md "API defaulting and placeholders": what counts in
// which kind of field, and the "Not placeholders" list.
#include <doctest/doctest.h>

#include <string_view>

#include "analyzer/model/placeholder.h"

namespace netlint::model {
namespace {

struct Case {
  std::string_view text;
  FieldKind field;
  PlaceholderKind expected;
};

constexpr FieldKind kText = FieldKind::kText;
constexpr FieldKind kLower = FieldKind::kLowerCase;
constexpr FieldKind kScript = FieldKind::kScript;
using K = PlaceholderKind;

TEST_CASE("placeholders: the table") {
  const Case cases[] = {
      // installer tokens, anywhere and in every kind of field
      {"__CNI_MTU__", kText, K::kInstallerToken},
      {"__PILLAR__DNS__SERVER__", kLower, K::kInstallerToken},
      {"x__A1__y", kScript, K::kInstallerToken},
      {"@DNS_DOMAIN@", kLower, K::kInstallerToken},
      {"svc.@CLUSTER_DOMAIN@", kLower, K::kInstallerToken},
      // envsubst
      {"$MINIO_CONSOLE_PORT", kLower, K::kEnvsubst},
      {"${NAMESPACE}", kLower, K::kEnvsubst},
      {"${PORT:-8080}", kLower, K::kEnvsubst},
      {"app.${DOMAIN}", kLower, K::kEnvsubst},
      {"gcr.io/$PROJECT_ID/app:v1", kLower, K::kEnvsubst},
      {"${DOMAIN}", kText, K::kEnvsubst},
      // printf verbs and templates
      {"%s.example.com", kLower, K::kPrintf},
      {"app-%d", kLower, K::kPrintf},
      {"%v", kText, K::kPrintf},
      {"{{ .Values.port }}", kLower, K::kTemplate},
      {"prefix-{{.Release.Name}}", kText, K::kTemplate},
      // a whole scalar in angle brackets
      {"<editme>", kLower, K::kAngleBrackets},
      {"<YOUR_DOMAIN>", kLower, K::kAngleBrackets},
      {"<EDIT: your secret>", kText, K::kAngleBrackets},
      {" <port> ", kLower, K::kAngleBrackets},
      // all caps, only where valid values have no upper case
      {"PORT", kLower, K::kAllCaps},
      {"PROJECT_ID", kLower, K::kAllCaps},
      {"HTTP2", kLower, K::kAllCaps},
      {"PORT", kText, K::kNone},
      // not placeholders
      {"TCP", kText, K::kNone},
      {"UDP", kText, K::kNone},
      {"SCTP", kText, K::kNone},
      {"ClusterIP", kText, K::kNone},
      {"ClusterIP", kLower, K::kNone},
      {"Production", kText, K::kNone},
      {"example.com", kLower, K::kNone},
      {"my-app", kLower, K::kNone},
      {"changeme", kLower, K::kNone},
      {"192.0.2.10", kLower, K::kNone},
      {"2001:db8::1", kLower, K::kNone},
      {"8080", kLower, K::kNone},
      {"*", kLower, K::kNone},
      {"*.example.com", kLower, K::kNone},
      {"$(POD_IP)", kLower, K::kNone},
      {"http://$(SERVICE_HOST):8080", kText, K::kNone},
      {"A", kLower, K::kNone},
      {"", kLower, K::kNone},
      {"__port__", kLower, K::kNone},
      {"a_b", kLower, K::kNone},
      {"foo@bar.com", kText, K::kNone},
      {"$$ESCAPED", kText, K::kNone},
      {"$lower", kText, K::kNone},
      {"$Foo", kText, K::kNone},
      {"100%", kText, K::kNone},
      {"%d3%a0", kText, K::kNone},
      {"{{", kText, K::kNone},
      {"<", kLower, K::kNone},
      {"<>", kLower, K::kNone},
      {"</html>", kText, K::kNone},
      {"a<b>", kLower, K::kNone},
      // nginx and shell text: envsubst-looking variables are data
      {"$HOST", kScript, K::kNone},
      {"proxy_set_header X-Real-IP $REMOTE_ADDR;", kScript, K::kNone},
      {"echo ${HOME}", kScript, K::kNone},
      {"<editme>", kScript, K::kAngleBrackets},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CAPTURE(static_cast<int>(c.field));
    CHECK(static_cast<int>(classify_placeholder(c.text, c.field)) == static_cast<int>(c.expected));
  }
}

TEST_CASE("placeholders: all-caps identifiers") {
  CHECK(is_all_caps_identifier("PORT"));
  CHECK(is_all_caps_identifier("A1"));
  CHECK(is_all_caps_identifier("MY_VAR_2"));
  CHECK_FALSE(is_all_caps_identifier("P"));
  CHECK_FALSE(is_all_caps_identifier("1A"));
  CHECK_FALSE(is_all_caps_identifier("_A"));
  CHECK_FALSE(is_all_caps_identifier("Port"));
  CHECK_FALSE(is_all_caps_identifier("MY-VAR"));
}

TEST_CASE("placeholders: lines of fill-in templates") {
  CHECK(line_has_angle_bracket_placeholder("  secretName: <editme>"));
  CHECK(line_has_angle_bracket_placeholder("  - host: <your host: with colon>"));
  CHECK(line_has_angle_bracket_placeholder("    - <EDIT: ...>  # fill in"));
  CHECK(line_has_angle_bracket_placeholder("  name: \"<name>\""));
  CHECK_FALSE(line_has_angle_bracket_placeholder("  name: web"));
  CHECK_FALSE(line_has_angle_bracket_placeholder("  html: </html>"));
  CHECK_FALSE(line_has_angle_bracket_placeholder("  # <editme>: a comment"));
}

}  // namespace
}  // namespace netlint::model
