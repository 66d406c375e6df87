// NL0004 invalid-field: the extractors record fields the API server would reject (wrong YAML
// type, out of range, invalid port name or protocol); this rule reports them.
#include "rules/input/input_problem_rule.h"
#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL0004",
                               .name = "invalid-field",
                               .severity = diag::Severity::kError,
                               .group = diag::Group::kCorrectness,
                               .summary = "a field netlint reads that the API server would reject",
                               .doc = R"md(## What it finds
A field that netlint reads and that the API server would reject, because of:

- its **type**, as YAML 1.1 reads it (the way `kubectl` does): an unquoted `1.10`, `080`,
  `true`, `yes` or `on` is a number or a boolean, not a string. This matters for label,
  annotation and selector values, `metadata.name` and `namespace`, env `value`s, `args` and
  `command` items, `dnsConfig` option values and ConfigMap `data` values, which must all be
  strings; a map or a list where a string belongs (`app: {name: web}` in a selector); a port
  written as a string (`containerPort: "8080"`, `port: 80x`); `hostNetwork: "true"`.
- its **range**: ports (`containerPort`, `port`, `targetPort`, `nodePort`, probe ports) are
  integers from 1 to 65535. A `targetPort` of `0` or `""` is no error: the API server
  defaults it to the Service `port`, as it does when `targetPort` is not written.
- its **syntax**: container port names and named `targetPort`s must be IANA service names
  (at most 15 characters, lowercase letters, digits and `-`, at least one letter), so a quoted
  number such as `targetPort: "8080"` is rejected; a `nodePort` is not allowed on a Service of
  type ClusterIP (the default).
- its **enum members**, which are case-sensitive: `protocol` (Service, container and
  NetworkPolicy ports) is exactly `TCP`, `UDP` or `SCTP`; Service `type`,
  `externalTrafficPolicy`, `internalTrafficPolicy` and `sessionAffinity`; pod `dnsPolicy` and
  `restartPolicy`; NetworkPolicy `policyTypes` items. `protocol: tcp` says "write TCP"; a near
  miss (`NodePorts`) says "did you mean NodePort?". An empty string is the API's "not set"
  where it applies a default (not for `internalTrafficPolicy` or `policyTypes` items).

The finding points at the offending value (at its key when the value is a map or a list).
Other rules read such a value as unknown, never as the default: the API server rejects the
object (a port with an invalid `protocol` or `targetPort` is paired with nothing).

## Why is this bad?
`kubectl apply` sends the manifest as JSON, with the types YAML gave the values, and the API
server rejects the object (`json: cannot unmarshal number into Go struct field
ObjectMeta.metadata.labels of type string`, `Invalid value: 70000: must be between 1 and
65535, inclusive`). The object never reaches the cluster, and with it whatever depends on it.
The same value may look fine to a reader and to other tools that read YAML 1.2.

## How to fix
Quote values that must be strings (`version: "1.10"`, `value: "8080"`, `enabled: "true"`);
remove the quotes from numbers and booleans (`containerPort: 8080`, `hostNetwork: true`);
keep ports within 1-65535; write enum values exactly as the API spells them (`TCP`,
`ClusterFirst`, `LoadBalancer`).

## Known limitations
Only the fields netlint reads are checked: metadata names, namespaces, labels and annotations;
Service selectors, ports and the enums above; workload selectors; container ports, env, args,
command and probe ports; `hostNetwork`, `dnsPolicy`, `restartPolicy` and `dnsConfig`;
NetworkPolicy port protocols and `policyTypes`; ConfigMap data. A missing required field (a port
without `containerPort`) is not reported, nor is the node-port range the cluster allows.
Placeholders are unknown and never reported: installer tokens (`__UPPER_SNAKE__`, `@NAME@`),
envsubst (`${NAME}`, `$NAME`; not the kubelet's `$(NAME)`), printf verbs (`%s`), `{{ ... }}`,
a whole value in angle brackets (`<editme>`), and an all-caps word (`PORT`) where valid values
have no upper case (ports, port names). An all-caps `targetPort` whose lower-case form a
container in the view declares is reported with a did-you-mean instead (`HTTP` for `http`).
A quoted number (`"8080"`) is never a placeholder.
)md"};

class InvalidField final : public InputProblemRule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

 protected:
  model::InputProblemKind kind() const override { return model::InputProblemKind::kInvalidField; }
};

}  // namespace

const engine::Rule* invalid_field() {
  static const InvalidField rule;
  return &rule;
}

}  // namespace netlint::rules
