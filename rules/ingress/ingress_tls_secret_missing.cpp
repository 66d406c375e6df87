// NL3005 ingress-tls-secret-missing: a TLS secretName nothing in the view produces.
#include <fmt/format.h>

#include <array>

#include "rules/rule_factories.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{
    .code = "NL3005",
    .name = "ingress-tls-secret-missing",
    .severity = diag::Severity::kNote,
    .group = diag::Group::kBestPractice,
    .summary = "an Ingress TLS secretName that nothing in the view produces",
    .doc = R"md(## What it finds
An Ingress `tls` entry whose `secretName` is produced by nothing in the view: no Secret of that
name in the Ingress's namespace, no cert-manager annotation on the Ingress
(`cert-manager.io/cluster-issuer`, `cert-manager.io/issuer`, `kubernetes.io/tls-acme`), no
cert-manager Certificate with that `spec.secretName`, no ExternalSecret targeting it and no
SealedSecret of that name.

## Why is this bad?
When the Secret does not exist in the cluster, the controller serves its default certificate
(ingress-nginx: a self-signed "Kubernetes Ingress Controller Fake Certificate"): browsers and
clients refuse the connection.

## How to fix
Make sure the Secret is created: add the cert-manager annotation or a Certificate, an
ExternalSecret or SealedSecret, or create it out of band (`kubectl create secret tls`) before the
Ingress goes live. It is a note because repositories often leave Secrets out on purpose.

## Known limitations
Secrets created by tools the view does not show (a Vault agent, a CI step) cannot be seen.
)md"};

constexpr std::array<std::string_view, 4> kCertManagerAnnotations = {
    "cert-manager.io/cluster-issuer", "cert-manager.io/issuer", "kubernetes.io/tls-acme", "cert-manager.io/issuer-kind"};

class IngressTlsSecretMissing final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    for (const model::Ingress& ingress : view.model().ingresses) {
      if (ingress.tls.empty()) continue;
      out.checking(ingress.meta.object_range);
      bool cert_manager = false;
      for (std::string_view a : kCertManagerAnnotations) cert_manager = cert_manager || model::find_label(ingress.meta.annotations, a) != nullptr;
      if (cert_manager) continue;
      for (const model::IngressTls& tls : ingress.tls) {
        const std::string& name = tls.secret_name.value;
        if (name.empty() || model::is_installer_placeholder(name) || produced(view, ingress.meta.namespace_name.value, name)) continue;
        out.report(tls.secret_name.range,
                   fmt::format("TLS Secret \"{}\" is not produced by anything in the view (no Secret, Certificate, ExternalSecret or "
                               "SealedSecret, no cert-manager annotation): unless it is created out of band, {} serves the "
                               "controller's default certificate",
                               name, ingress.meta.display()))
            .help = "add a cert-manager annotation or Certificate, or make sure the Secret is created before the Ingress";
      }
    }
  }

 private:
  static bool produced(const engine::View& view, const std::string& ns, const std::string& name) {
    for (const model::SecretProducer& p : view.model().secret_producers) {
      if (p.meta.namespace_name.value == ns && p.secret_name.value == name) return true;
    }
    return false;
  }
};

}  // namespace

const engine::Rule* ingress_tls_secret_missing() {
  static const IngressTlsSecretMissing rule;
  return &rule;
}

}  // namespace netlint::rules
