// NL3005 ingress-tls-secret-missing: a TLS secretName nothing in the view produces, where the
// view shows how that namespace's TLS Secrets are made (RULES.md v3: narrowed).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "analyzer/model/scalar_edit.h"
#include "analyzer/diag/did_you_mean.h"

#include "analyzer/engine/rule.h"

namespace netlint::rules {
namespace {

constexpr diag::RuleInfo kInfo{.code = "NL3005",
                               .name = "ingress-tls-secret-missing",
                               .severity = diag::Severity::kNote,
                               .group = diag::Group::kBestPractice,
                               .summary = "an Ingress TLS secretName that nothing in the view produces",
                               .doc = R"md(## What it finds
An Ingress `tls` entry whose `secretName` is produced by nothing in the view: no Secret of that
name in the Ingress's namespace, no cert-manager annotation on the Ingress
(`cert-manager.io/cluster-issuer`, `cert-manager.io/issuer`, `kubernetes.io/tls-acme`), no
cert-manager Certificate with that `spec.secretName`, no ExternalSecret targeting it and no
SealedSecret of that name. Only where the view shows how the namespace's TLS Secrets are made:
the name is a near miss of a TLS Secret produced there (a typo), or the view produces the TLS
Secrets of the namespace's other Ingresses. Repositories that never commit Secrets, and examples
that create them with `kubectl create secret tls`, are the norm, so a missing Secret alone says
nothing.

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

constexpr std::array<std::string_view, 4> kCertManagerAnnotations = {"cert-manager.io/cluster-issuer",
                                                                     "cert-manager.io/issuer", "kubernetes.io/tls-acme",
                                                                     "cert-manager.io/issuer-kind"};

class IngressTlsSecretMissing final : public engine::Rule {
 public:
  const diag::RuleInfo& info() const noexcept override { return kInfo; }

  void check(const engine::View& view, engine::Sink& out) const override {
    const Producers producers = collect(view);
    for (const model::Ingress& ingress : view.model().ingresses) {
      if (ingress.tls.empty() || cert_manager_annotated(ingress)) continue;
      out.checking(ingress.meta.object_range);
      const std::string& ns = ingress.meta.namespace_name.value;
      for (const model::IngressTls& tls : ingress.tls) {
        const std::string& name = tls.secret_name.value;
        if (name.empty() || model::is_installer_placeholder(name) || producers.any.contains({ns, name})) continue;
        const auto tls_names = producers.tls_by_namespace.find(ns);
        std::vector<std::string> near;
        if (tls_names != producers.tls_by_namespace.end()) {
          const std::vector<std::string> candidates(tls_names->second.begin(), tls_names->second.end());
          near = diag::best_near_misses(name, candidates);
        }
        if (near.empty() && !other_ingress_secret_produced(producers, ingress)) continue;
        std::string message = fmt::format(
            "TLS Secret \"{}\" is not produced by anything in the view (no Secret, Certificate, ExternalSecret or "
            "SealedSecret, "
            "no cert-manager annotation){}: unless it is created out of band, {} serves the controller's default "
            "certificate",
            name,
            near.empty() ? std::string(", though the view produces the TLS Secrets of the namespace's other Ingresses")
                         : fmt::format("; did you mean \"{}\"?", diag::join_alternatives(near)),
            ingress.meta.display());
        diag::Diagnostic& d = out.report(tls.secret_name.range, std::move(message));
        d.help =
            near.empty()
                ? "add a cert-manager annotation or Certificate, or make sure the Secret is created before the Ingress"
                : fmt::format("write secretName: {}", near.front());
        // Unsafe: the Secret may be created out of band under the name written.
        if (!near.empty()) {
          d.fix = model::scalar_fix(view.model(), tls.secret_name, near.front(), diag::Applicability::kUnsafe,
                                    fmt::format("write secretName: {}", near.front()));
        }
      }
    }
  }

 private:
  struct Producers {
    std::set<std::pair<std::string, std::string>> any;              // (namespace, Secret name)
    std::map<std::string, std::set<std::string>> tls_by_namespace;  // TLS Secrets produced
    // Per namespace, how many Ingresses name at least one TLS Secret the view produces.
    std::map<std::string, std::uint32_t> ingresses_with_produced_tls;

    bool produces_tls(const std::string& ns, const std::string& name) const {
      const auto it = tls_by_namespace.find(ns);
      return it != tls_by_namespace.end() && it->second.contains(name);
    }
    bool names_produced_tls(const model::Ingress& ingress) const {
      return std::any_of(ingress.tls.begin(), ingress.tls.end(), [&](const model::IngressTls& tls) {
        return produces_tls(ingress.meta.namespace_name.value, tls.secret_name.value);
      });
    }
  };

  static bool cert_manager_annotated(const model::Ingress& ingress) {
    return std::any_of(kCertManagerAnnotations.begin(), kCertManagerAnnotations.end(),
                       [&](std::string_view a) { return model::find_label(ingress.meta.annotations, a) != nullptr; });
  }

  // Secrets produced by objects, plus the TLS Secrets cert-manager makes for annotated Ingresses.
  static Producers collect(const engine::View& view) {
    Producers p;
    for (const model::SecretProducer& producer : view.model().secret_producers) {
      const std::string& ns = producer.meta.namespace_name.value;
      p.any.emplace(ns, producer.secret_name.value);
      if (producer.tls) p.tls_by_namespace[ns].insert(producer.secret_name.value);
    }
    for (const model::Ingress& ingress : view.model().ingresses) {
      if (!cert_manager_annotated(ingress)) continue;
      for (const model::IngressTls& tls : ingress.tls) {
        if (tls.secret_name.value.empty()) continue;
        p.any.emplace(ingress.meta.namespace_name.value, tls.secret_name.value);
        p.tls_by_namespace[ingress.meta.namespace_name.value].insert(tls.secret_name.value);
      }
    }
    for (const model::Ingress& ingress : view.model().ingresses) {
      if (p.names_produced_tls(ingress)) ++p.ingresses_with_produced_tls[ingress.meta.namespace_name.value];
    }
    return p;
  }

  // Another Ingress of the namespace whose TLS Secret the view produces: the repository makes
  // that namespace's TLS Secrets itself, so one it does not make is more likely forgotten.
  static bool other_ingress_secret_produced(const Producers& producers, const model::Ingress& ingress) {
    const auto it = producers.ingresses_with_produced_tls.find(ingress.meta.namespace_name.value);
    const std::uint32_t with = it == producers.ingresses_with_produced_tls.end() ? 0 : it->second;
    return with > (producers.names_produced_tls(ingress) ? 1u : 0u);
  }
};

}  // namespace

const engine::Rule* ingress_tls_secret_missing() {
  static const IngressTlsSecretMissing rule;
  return &rule;
}

}  // namespace netlint::rules
