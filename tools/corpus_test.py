#!/usr/bin/env python3
"""The corpus test: netlint on real repositories (ctest `corpus`).

    python3 tools/corpus_test.py --netlint BIN --corpus DIR

For every project folder of the corpus (../shared/corpus, see its SOURCES.md) except oracles/:
  * runs `netlint --no-timing --fail-on never PROJECT` from DIR and checks: exit status 0 (no
    crash), no NL0002, and the summary line's files, documents, objects per kind and skips per
    reason equal the pins below (the truth), adjusted only by the known netlint bugs listed in
    NETLINT_KNOWN_BUGS; NL0001 findings count as parse errors;
  * when PyYAML is importable, recomputes the same numbers independently with
    tools/corpus_counts.py (PyYAML, YAML 1.1, no netlint) and checks they equal the pins too,
    adjusted only by the PyYAML differences listed in PYYAML_DIFFERENCES;
  * proves every listed difference file by file: netlint run on that file alone, and PyYAML's
    count of that file, must give exactly what the entry says for each side.
Then it checks the per-kind numbers of ../shared/corpus/SOURCES.md against the pins, and that
the findings (tools/corpus_findings.py) equal testdata/corpus-findings.txt.

It prints one line per check and ends with `N passed, M failed`. Exit status 1 when a check failed.

Updating the pins: when the corpus or a counting rule changes, run
`python3 tools/corpus_counts.py ../shared/corpus/PROJECT` and the netlint command above, explain
every difference (a netlint bug, a PyYAML difference or a counting rule of corpus_counts.py)
before changing a number here.
"""

import argparse
import difflib
import os
import re
import sys
from collections import Counter

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_findings  # noqa: E402

import shared_material  # tools/: absent ../shared skips loudly (77) or fails in CI

# The truth per project, following RULES.md "Inputs": files read (after file-level skips),
# documents in them, skips per reason, documents that look like manifests and do not parse
# (netlint's NL0001) and objects per kind (List items counted one by one).
PINS = {
    # kustomize/components/without-loadgenerator/delete-loadgenerator.patch.yaml is a patch: skipped.
    # kubernetes-manifests/loadgenerator.yaml sits beside kubernetes-manifests/kustomization.yaml,
    # which does not list it: inert (RULES.md "Kustomize", Inert files).
    "GoogleCloudPlatform__microservices-demo": {
        "files": 49, "documents": 142, "parse_errors": 0,
        "skipped": {"kustomize": 18, "inert": 1},
        "kinds": {"BackendConfig": 1, "ConfigMap": 1, "Deployment": 37, "FrontendConfig": 1, "Gateway": 3,
                  "HTTPRoute": 2, "Ingress": 1, "ManagedCertificate": 1, "NetworkPolicy": 13, "Service": 39,
                  "ServiceAccount": 33, "ServiceEntry": 6, "VirtualService": 4},
    },
    # Markdown only: the policies are in fenced blocks, which a directory walk does not read.
    "ahmetb__kubernetes-network-policy-recipes": {
        "files": 0, "documents": 0, "parse_errors": 0,
        "skipped": {},
        "kinds": {},
    },
    "argoproj__argo-cd": {
        "files": 63, "documents": 244, "parse_errors": 0,
        "skipped": {"kustomize": 12},
        "kinds": {"ClusterRole": 3, "ClusterRoleBinding": 3, "ConfigMap": 32, "CustomResourceDefinition": 3,
                  "Deployment": 27, "NetworkPolicy": 32, "Role": 27, "RoleBinding": 27, "Secret": 8, "Service": 43,
                  "ServiceAccount": 32, "StatefulSet": 7},
    },
    "cilium__cilium-cli": {
        "files": 62, "documents": 66, "parse_errors": 0,
        "skipped": {"kustomize": 1, "template": 8},
        "kinds": {"CiliumClusterwideNetworkPolicy": 2, "CiliumEgressGatewayPolicy": 1, "CiliumLocalRedirectPolicy": 1,
                  "CiliumNetworkPolicy": 42, "ConfigMap": 2, "DaemonSet": 2, "NetworkPolicy": 6, "Service": 1,
                  "ServiceAccount": 1},
    },
    # debian/Corefile (read as a Corefile), docker/dns.yml (docker-compose, skipped) and
    # kubernetes/coredns.yaml.sed, which the walk skips (*.yaml.sed) and the corpus names on the
    # command line (corpus_findings.NAMED): six documents. (Its Corefile is a sed template whose
    # `}STUBDOMAINS` glues the closing brace to a word, which CoreDNS cannot parse as written: an
    # NL0001 finding on the embedded Corefile, not a document that does not parse.)
    "coredns__deployment": {
        "files": 3, "documents": 8, "parse_errors": 0,
        "skipped": {"not-kubernetes": 1},
        "kinds": {"ClusterRole": 1, "ClusterRoleBinding": 1, "ConfigMap": 1, "Deployment": 1, "Service": 1,
                  "ServiceAccount": 1},
    },
    "flannel-io__flannel": {
        "files": 3, "documents": 15, "parse_errors": 0,
        "skipped": {"kustomize": 1},
        "kinds": {"ClusterRole": 2, "ClusterRoleBinding": 2, "ConfigMap": 3, "DaemonSet": 3, "Namespace": 2,
                  "ServiceAccount": 3},
    },
    "istio__istio": {
        "files": 114, "documents": 315, "parse_errors": 0,
        "skipped": {"not-kubernetes": 3},
        "kinds": {"CSIDriver": 1, "Certificate": 1, "ClusterFederatedTrustDomain": 1, "ClusterIssuer": 1,
                  "ClusterRole": 8, "ClusterRoleBinding": 8, "ClusterSPIFFEID": 1, "ConfigMap": 16,
                  "CustomResourceDefinition": 2, "DaemonSet": 2, "Deployment": 69, "DestinationRule": 13,
                  "EnvoyFilter": 3, "Gateway": 13, "HTTPRoute": 12, "Ingress": 1, "IstioOperator": 3, "Namespace": 1,
                  "PodMonitor": 1, "PodSecurityPolicy": 1, "Role": 2, "RoleBinding": 2, "Secret": 2, "Service": 76,
                  "ServiceAccount": 26, "ServiceEntry": 8, "ServiceMonitor": 1, "StatefulSet": 1, "TCPRoute": 2,
                  "Telemetry": 2, "ValidatingWebhookConfiguration": 1, "VirtualService": 31},
    },
    "kubernetes__examples": {
        "files": 260, "documents": 288, "parse_errors": 0,
        "skipped": {"template": 5},
        "kinds": {"APIService": 1, "ClusterRole": 3, "ClusterRoleBinding": 5, "ConfigMap": 1, "DaemonSet": 4,
                  "Deployment": 25, "Endpoints": 2, "HorizontalPodAutoscaler": 2, "Ingress": 1,
                  "InitializerConfiguration": 1, "Namespace": 4, "PersistentVolume": 6, "PersistentVolumeClaim": 21,
                  "Pod": 59, "PodDisruptionBudget": 1, "PodSecurityPolicy": 2, "Policy": 2, "PrometheusRule": 1,
                  "ReplicationController": 36, "Role": 1, "RoleBinding": 2, "Secret": 10, "Service": 60,
                  "ServiceAccount": 3, "ServiceMonitor": 3, "StatefulSet": 4, "StorageClass": 23},
    },
    "kubernetes__ingress-nginx": {
        "files": 45, "documents": 228, "parse_errors": 0,
        "skipped": {"kustomize": 11, "not-kubernetes": 2},
        "kinds": {"ClusterRole": 18, "ClusterRoleBinding": 18, "ConfigMap": 15, "DaemonSet": 1, "Deployment": 19,
                  "Ingress": 18, "IngressClass": 9, "Job": 18, "Namespace": 10, "ReplicationController": 2,
                  "Role": 19, "RoleBinding": 19, "Secret": 1, "Service": 31, "ServiceAccount": 19,
                  "ValidatingWebhookConfiguration": 9},
    },
    "projectcalico__calico": {
        "files": 8, "documents": 180, "parse_errors": 0,
        "skipped": {},
        "kinds": {"APIServer": 1, "APIService": 1, "ClusterRole": 28, "ClusterRoleBinding": 28, "ConfigMap": 5,
                  "CustomResourceDefinition": 69, "DaemonSet": 5, "Deployment": 8, "Goldmane": 1, "Installation": 1,
                  "Job": 1, "Namespace": 2, "NetworkPolicy": 1, "PodDisruptionBudget": 6, "RoleBinding": 1,
                  "Secret": 2, "Service": 2, "ServiceAccount": 17, "Whisker": 1},
    },
    # 3 of the 92 files are 0 bytes upstream (apps/cilium.yaml): files with no document.
    "projectsyn__component-cilium": {
        "files": 92, "documents": 101, "parse_errors": 0,
        "skipped": {},
        "kinds": {"ClusterRole": 15, "ClusterRoleBinding": 6, "ConfigMap": 10, "DaemonSet": 6, "Deployment": 6,
                  "Namespace": 6, "PrometheusRule": 4, "Role": 9, "RoleBinding": 9, "Service": 14,
                  "ServiceAccount": 12, "ServiceMonitor": 4},
    },
    # 85 documents, 121 objects: the Grafana dashboards come as one ConfigMapList.
    "prometheus-operator__kube-prometheus": {
        "files": 85, "documents": 85, "parse_errors": 0,
        "skipped": {},
        "kinds": {"APIService": 1, "Alertmanager": 1, "ClusterRole": 8, "ClusterRoleBinding": 7, "ConfigMap": 36,
                  "DaemonSet": 1, "Deployment": 5, "Namespace": 1, "NetworkPolicy": 8, "PodDisruptionBudget": 3,
                  "Prometheus": 1, "PrometheusRule": 8, "Role": 4, "RoleBinding": 5, "Secret": 3, "Service": 8,
                  "ServiceAccount": 8, "ServiceMonitor": 13},
    },
    # The 13 projects SOURCES.md adds in turn 2 (TURN_TWO below). Their counts were taken from
    # corpus_counts.py (PyYAML) and netlint; they agree but for the PYYAML_DIFFERENCES entries.
    "GoogleCloudPlatform__bank-of-anthos": {
        "files": 73, "documents": 153, "parse_errors": 0,
        "skipped": {"kustomize": 85, "not-kubernetes": 1},
        "kinds": {"AlertmanagerConfig": 1, "BackendConfig": 1, "ClusterRole": 1, "ClusterRoleBinding": 1,
                  "ConfigMap": 26, "Deployment": 30, "FrontendConfig": 2, "Gateway": 1, "HorizontalPodAutoscaler": 4,
                  "Ingress": 6, "Job": 4, "ManagedCertificate": 2, "MultiClusterIngress": 1,
                  "MultiClusterService": 1, "Namespace": 2, "PersistentVolumeClaim": 2, "PodMonitoring": 6,
                  "Probe": 6, "PrometheusRule": 1, "Role": 1, "RoleBinding": 1, "Rules": 1, "Secret": 2,
                  "Service": 39, "ServiceAccount": 3, "StatefulSet": 6, "VirtualService": 1},
    },
    "Azure-Samples__aks-store-demo": {
        "files": 34, "documents": 87, "parse_errors": 0,
        "skipped": {"kustomize": 9},
        "kinds": {"Application": 1, "ConfigMap": 2, "Deployment": 32, "Gateway": 1, "Ingress": 1, "Secret": 4,
                  "Service": 34, "ServiceAccount": 3, "ServiceMonitor": 1, "StatefulSet": 6, "VirtualService": 1,
                  "Workspace": 1},
    },
    "kubernetes__test-infra": {
        "files": 80, "documents": 416, "parse_errors": 0,
        "skipped": {},
        "kinds": {"Alertmanager": 1, "ClusterRole": 5, "ClusterRoleBinding": 6, "ConfigMap": 15,
                  "CustomResourceDefinition": 1, "DaemonSet": 2, "Deployment": 60, "ExternalSecret": 19,
                  "Ingress": 6, "LimitRange": 2, "ManagedCertificate": 4, "Namespace": 11,
                  "PersistentVolumeClaim": 7, "PodMonitor": 9, "PodMonitoring": 9, "Prometheus": 1, "Role": 61,
                  "RoleBinding": 61, "Secret": 17, "Service": 39, "ServiceAccount": 66, "ServiceMonitor": 13,
                  "StorageClass": 1},
    },
    "fluxcd__flux2-kustomize-helm-example": {
        "files": 17, "documents": 20, "parse_errors": 0,
        "skipped": {"kustomize": 9},
        "kinds": {"ArtifactGenerator": 2, "ClusterIssuer": 1, "Gateway": 1, "GatewayClass": 1, "HelmRelease": 3,
                  "HelmRepository": 1, "Kustomization": 6, "Namespace": 3, "OCIRepository": 2},
    },
    # Three files PyYAML reads differently (PYYAML_DIFFERENCES): the pins count what kubectl's
    # reader (YAML 1.2 anchors, `=` as a plain string) and netlint count.
    "onedr0p__home-ops": {
        "files": 320, "documents": 377, "parse_errors": 0,
        "skipped": {"kustomize": 104, "not-kubernetes": 4},
        "kinds": {"Alert": 2, "AlertmanagerConfig": 1, "BackendTrafficPolicy": 1, "Certificate": 1,
                  "CiliumBGPAdvertisement": 1, "CiliumBGPClusterConfig": 1, "CiliumBGPPeerConfig": 1,
                  "CiliumLoadBalancerIPPool": 1, "CiliumNetworkPolicy": 1, "ClientTrafficPolicy": 1,
                  "ClusterIssuer": 1, "ClusterRepository": 1, "ClusterRoleBinding": 2, "ClusterSecretStore": 2,
                  "DNSEndpoint": 1, "EnvoyProxy": 1, "ExternalSecret": 36, "Gateway": 2, "GatewayClass": 1,
                  "Grafana": 1, "GrafanaDashboard": 30, "GrafanaDatasource": 2, "HTTPRoute": 2, "HelmRelease": 69,
                  "HorizontalPodAutoscaler": 1, "KubernetesUpgrade": 1, "Kustomization": 78, "MiroirNodeGroup": 1,
                  "MutatingAdmissionPolicy": 1, "MutatingAdmissionPolicyBinding": 1, "Namespace": 13,
                  "NetworkAttachmentDefinition": 2, "OCIRepository": 69, "PersistentVolumeClaim": 2,
                  "PodDisruptionBudget": 1, "PodMonitor": 2, "Probe": 5, "PrometheusRule": 7, "Provider": 2,
                  "PushSecret": 1, "Receiver": 1, "ResourceClaimTemplate": 1, "Restore": 1, "ScrapeConfig": 4,
                  "Service": 1, "ServiceAccount": 2, "ServiceMonitor": 2, "Silence": 5, "SnapshotPolicy": 1,
                  "SnapshotSchedule": 1, "StorageClass": 2, "TalosUpgrade": 1, "VolumeGroupSnapshotClass": 1,
                  "VolumeSnapshotClass": 1},
    },
    # kustomize's own examples: the kustomizations and the files they name as patches are skipped.
    # examples/validationTransformer/invalid.yaml is a negative fixture (RULES.md v3): a counted skip.
    # examples/transformerconfigs/images/mykind.yaml (a fieldSpec config its kustomization names at
    # another path) is read by no build: inert.
    "kubernetes-sigs__kustomize": {
        "files": 19, "documents": 22, "parse_errors": 0,
        "skipped": {"kustomize": 24, "inert": 1, "negative-fixture": 1},
        "kinds": {"Bee": 1, "ConfigMap": 2, "Deployment": 7, "MyKind": 2, "Pod": 1, "Secret": 3, "Service": 6},
    },
    "kubernetes-sigs__gateway-api": {
        "files": 252, "documents": 616, "parse_errors": 0,
        "skipped": {},
        "kinds": {"BackendTLSPolicy": 27, "ConfigMap": 2, "Deployment": 39, "EndpointSlice": 4, "GRPCRoute": 19,
                  "Gateway": 124, "GatewayClass": 5, "HTTPRoute": 197, "ListenerSet": 26, "Namespace": 23,
                  "ReferenceGrant": 33, "Secret": 2, "Service": 63, "TCPRoute": 14, "TLSRoute": 24, "UDPRoute": 14},
    },
    "envoyproxy__gateway": {
        "files": 39, "documents": 146, "parse_errors": 0,
        "skipped": {},
        "kinds": {"Backend": 2, "BackendTrafficPolicy": 1, "ConfigMap": 6, "Deployment": 26, "EnvoyProxy": 16,
                  "GRPCRoute": 2, "Gateway": 13, "GatewayClass": 22, "HTTPRoute": 18, "Namespace": 1,
                  "PodMonitor": 1, "ReferenceGrant": 1, "SecurityPolicy": 2, "Service": 24, "ServiceAccount": 7,
                  "TCPRoute": 3, "TLSRoute": 1},
    },
    # site-src/user-story-examples/user-story-4-v{1,2}.yaml write `{key: "tenant"; operator: Exists}`:
    # a flow mapping broken by `;`, which no YAML reader accepts (NL0001, both manifests).
    # pkg/crdtest/testdata/invalid/invalid-ingress-action.yaml is a negative fixture (RULES.md v3):
    # a counted skip (one ClusterNetworkPolicy fewer).
    "kubernetes-sigs__network-policy-api": {
        "files": 60, "documents": 74, "parse_errors": 2,
        "parse_error_files": ["site-src/user-story-examples/user-story-4-v1.yaml",
                              "site-src/user-story-examples/user-story-4-v2.yaml"],
        "skipped": {"template": 3, "negative-fixture": 1},
        "kinds": {"AdminNetworkPolicy": 6, "AdminNetworkPolicyList": 1, "BaselineAdminNetworkPolicy": 3,
                  "ClusterNetworkPolicy": 27, "DaemonSet": 1, "Deployment": 2, "Namespace": 5, "NetworkPolicy": 17,
                  "Pod": 2, "ReplicaSet": 1, "Service": 1, "StatefulSet": 5},
    },
    "IBM-Cloud__kube-samples": {
        "files": 259, "documents": 304, "parse_errors": 0,
        "skipped": {"kustomize": 6, "not-kubernetes": 2},
        "kinds": {"APIService": 1, "ClusterRole": 2, "ClusterRoleBinding": 2, "ConfigMap": 3, "Deployment": 23,
                  "GlobalNetworkPolicy": 160, "HostEndpoint": 18, "Ingress": 3, "Namespace": 1, "NetworkPolicy": 56,
                  "PersistentVolumeClaim": 2, "Pod": 2, "PodDisruptionBudget": 1, "Role": 2, "RoleBinding": 3,
                  "Secret": 1, "Service": 20, "ServiceAccount": 2},
    },
    "cloudnativelabs__kube-router": {
        "files": 12, "documents": 47, "parse_errors": 0,
        "skipped": {},
        "kinds": {"ClusterRole": 8, "ClusterRoleBinding": 8, "ConfigMap": 11, "DaemonSet": 12, "ServiceAccount": 8},
    },
    # 14 JSON dumps of EKS's CoreDNS add-on, each one `kind: List` of 6 objects.
    "eksctl-io__eksctl": {
        "files": 14, "documents": 14, "parse_errors": 0,
        "skipped": {},
        "kinds": {"ClusterRole": 14, "ClusterRoleBinding": 14, "ConfigMap": 14, "Deployment": 14, "Service": 14,
                  "ServiceAccount": 14},
    },
    "dapr__quickstarts": {
        "files": 58, "documents": 64, "parse_errors": 0,
        "skipped": {"not-kubernetes": 23},
        "kinds": {"Component": 13, "Configuration": 2, "Deployment": 16, "Service": 6, "Subscription": 4},
    },
}

# The projects SOURCES.md says were added in turn 2 ("The 13 repositories added in turn 2"). Its
# "Coverage notes" per-kind line still counts the first 12 projects only, so check_sources sums
# the pins of the others.
TURN_TWO = {"GoogleCloudPlatform__bank-of-anthos", "Azure-Samples__aks-store-demo", "kubernetes__test-infra",
            "fluxcd__flux2-kustomize-helm-example", "onedr0p__home-ops", "kubernetes-sigs__kustomize",
            "kubernetes-sigs__gateway-api", "envoyproxy__gateway", "kubernetes-sigs__network-policy-api",
            "IBM-Cloud__kube-samples", "cloudnativelabs__kube-router", "eksctl-io__eksctl", "dapr__quickstarts"}

# Where netlint is known to count differently from the truth: each entry is one file, with
# what the truth and netlint count for that file alone ({"kinds": {...}, "skipped": {...},
# "parse_errors": n}; missing keys are empty). When a bug is fixed, the test fails and says
# which entry to delete.
# (Fixed: yaml-cpp accepted `{{cell}}` as a map-keyed map; the tree builder now rejects
# collection keys as kubectl's reader does, so unfilled templates are template skips again.)
NETLINT_KNOWN_BUGS = []

# Where PyYAML (YAML 1.1, its scanner and constructor) reads a file differently from the truth,
# and netlint is right. Same entry format, with "pyyaml" for what corpus_counts.py counts.
PYYAML_DIFFERENCES = [
    {"project": "kubernetes__examples", "file": "_archived/scheduler-policy/scheduler-policy-config-with-extender.json",
     "truth": {"kinds": {"Policy": 1}}, "pyyaml": {"parse_errors": 1},
     "why": "strict JSON (python's json module and kubectl's JSON decoder read it) indented with tabs inside "
            "a flow sequence; PyYAML's scanner refuses a tab that starts a token ('found character \\t that "
            "cannot start any token'), yaml-cpp allows tabs as separation in flow context, as YAML 1.2 does. "
            "(SOURCES.md says this file has comments: it has none, only tabs.)"},
    # kubernetes__ingress-nginx docs/examples/customization/sysctl/patch.json is tab-indented too, but
    # it is a patch without apiVersion/kind: a not-kubernetes skip for both, so no entry is needed.
    {"project": "onedr0p__home-ops", "file": "kubernetes/apps/network/cloudflare-dns/app/helmrelease.yaml",
     "truth": {"kinds": {"HelmRelease": 1}}, "pyyaml": {"parse_errors": 1},
     "why": "the anchor &name is defined twice (two env entries); YAML 1.2 lets a later anchor replace an earlier "
            "one and go-yaml (kubectl) and yaml-cpp accept it, PyYAML refuses 'found duplicate anchor'"},
    {"project": "onedr0p__home-ops", "file": "kubernetes/apps/network/certificates/export/pushsecret.yaml",
     "truth": {"kinds": {"PushSecret": 1}}, "pyyaml": {"skipped": {"template": 1}},
     "why": "the anchor &key is defined twice, as above; PyYAML fails and, since the text holds '{{' in a string "
            "value, corpus_counts.py calls the document a template"},
    {"project": "onedr0p__home-ops", "file": "kubernetes/apps/o11y/kube-prometheus-stack/app/alertmanagerconfig.yaml",
     "truth": {"kinds": {"AlertmanagerConfig": 1}}, "pyyaml": {"skipped": {"template": 1}},
     "why": "`matchType: =` is a plain string to go-yaml and yaml-cpp; PyYAML resolves '=' to YAML 1.1's value "
            "tag and has no constructor for it, then calls the '{{'-holding document a template"},
]

# SOURCES.md's per-kind numbers also count a file netlint rightly leaves out: a kustomize patch
# (a partial object, RULES.md Inputs) that SOURCES.md counts as a Deployment. (coredns.yaml.sed is
# named on the command line and counted in its project's pins.)
SOURCES_EXTRA = {
    "GoogleCloudPlatform__microservices-demo/kustomize/components/without-loadgenerator/delete-loadgenerator.patch.yaml": {
    "Deployment": 1},
    # Inert beside its kustomization (RULES.md "Kustomize", Inert files).
    "GoogleCloudPlatform__microservices-demo/kubernetes-manifests/loadgenerator.yaml": {"Deployment": 1, "ServiceAccount": 1}}

FINDINGS_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                             "testdata", "corpus-findings.txt")
REGENERATE = ("python3 tools/corpus_findings.py --netlint BUILD/netlint --corpus ../shared/corpus "
              "--write testdata/corpus-findings.txt")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def report(self, name, problems, detail=""):
        if problems:
            self.failed += 1
            print(f"FAIL {name}{': ' + detail if detail else ''}")
            for p in problems:
                print(f"     {p}")
        else:
            self.passed += 1
            print(f"ok   {name}{': ' + detail if detail else ''}")



def netlint_alone(args, project, file, problems):
    """What netlint counts for one file of a project linted alone; None (and a problem) if the
    summary cannot be read."""
    single = corpus_findings.run_netlint(args.netlint, args.corpus, project, os.path.join(project, file))
    try:
        return outcome(netlint_counts(single))
    except ValueError as err:
        problems.append(f"{file}: {err}")
        return None

def outcome(counts):
    """Normalises {"kinds", "skipped", "parse_errors"} (missing keys empty, zero counts dropped)."""
    return {"kinds": {k: v for k, v in sorted(counts.get("kinds", {}).items()) if v},
            "skipped": {k: v for k, v in sorted(counts.get("skipped", {}).items()) if v},
            "parse_errors": counts.get("parse_errors", 0)}


def adjusted(pin, entries, side):
    """The pin with each entry's (side - truth) added: what `side` must count for the project."""
    kinds, skipped, parse_errors = Counter(pin["kinds"]), Counter(pin["skipped"]), pin["parse_errors"]
    for e in entries:
        got, truth = outcome(e[side]), outcome(e["truth"])
        kinds.update(got["kinds"])
        kinds.subtract(truth["kinds"])
        skipped.update(got["skipped"])
        skipped.subtract(truth["skipped"])
        parse_errors += got["parse_errors"] - truth["parse_errors"]
    return dict(pin, **outcome({"kinds": kinds, "skipped": skipped, "parse_errors": parse_errors}))


def compare(what, expected, got):
    problems = []
    for key in ("files", "documents", "parse_errors"):
        if expected[key] != got[key]:
            problems.append(f"{what} {key}: expected {expected[key]}, got {got[key]}")
    for key in ("kinds", "skipped"):
        for name in sorted(set(expected[key]) | set(got[key])):
            e, g = expected[key].get(name, 0), got[key].get(name, 0)
            if e != g:
                problems.append(f"{what} {key[:-1] if key == 'kinds' else 'skipped'} {name}: expected {e}, got {g}")
    return problems


def netlint_counts(run):
    """files, documents, kinds, skipped, parse_errors (NL0001 findings) of one netlint run."""
    summary = corpus_findings.parse_summary(run.stdout)
    if summary["context"]:
        raise ValueError(f"netlint read {summary['context']} files as context: the corpus sits in a repository "
                         "or under a .netlint.yaml, so each project is no longer a view of its own")
    # Documents that do not parse. Other NL0001 findings sit in documents that are still objects:
    # an embedded Corefile that does not parse, a key written twice (kubectl rejects it, netlint
    # reads the last value), a file in UTF-16/32 (analyzed decoded).
    still_objects = ("invalid Corefile", "invalid YAML: mapping key ", "the file is UTF-")
    nl0001 = sum(1 for line in corpus_findings.parse_findings("", run.stdout)
                 if line.split("\t")[1] == "NL0001" and not line.split("\t")[3].startswith(still_objects))
    return dict(outcome({"kinds": summary["kinds"], "skipped": summary["skipped"], "parse_errors": nl0001}),
                files=summary["files"], documents=summary["documents"])


def describe(counts):
    objects = sum(counts["kinds"].values())
    skipped = sum(counts["skipped"].values())
    return f"{counts['files']} files, {counts['documents']} documents, {objects} objects, {skipped} skipped"


def check_project(checks, args, project, counter, findings):
    pin = dict(PINS[project], **outcome(PINS[project]))
    bugs = [e for e in NETLINT_KNOWN_BUGS if e["project"] == project]
    pyyaml_diffs = [e for e in PYYAML_DIFFERENCES if e["project"] == project]
    folder = os.path.join(args.corpus, project)

    # netlint on the whole project.
    problems = []
    run = corpus_findings.run_netlint(args.netlint, args.corpus, project)
    if run.returncode != 0:
        problems.append(f"netlint exited {run.returncode} (expected 0 with --fail-on never); stderr: {run.stderr.strip()}")
    if "NL0002" in run.stdout:
        problems.append("NL0002 (internal error) in the output: " +
                        "; ".join(l for l in run.stdout.splitlines() if "NL0002" in l))
    got = None
    try:
        got = netlint_counts(run)
        findings += corpus_findings.parse_findings(project, run.stdout)
    except ValueError as e:
        problems.append(str(e))
    if got is not None:
        expected = adjusted(pin, bugs, "netlint")
        problems += compare("netlint", expected, got)
        if bugs and problems and compare("netlint", pin, got) == []:
            problems.append("netlint now counts exactly the pins: the known bugs of this project seem fixed; "
                            "delete their NETLINT_KNOWN_BUGS entries")
    # Each known bug, file by file: netlint on that file alone, and PyYAML's count of it.
    for e in bugs:
        alone = netlint_alone(args, project, e["file"], problems)
        if alone is not None and alone != outcome(e["netlint"]):
            hint = " (the bug is fixed: delete this NETLINT_KNOWN_BUGS entry)" if alone == outcome(e["truth"]) else ""
            problems.append(f"{e['file']}: netlint alone counts {alone}, the entry says {outcome(e['netlint'])}{hint}")
    detail = describe(got) if got else "no summary"
    if bugs:
        detail += f" ({len(bugs)} file{'s' if len(bugs) != 1 else ''} off the pins: known netlint bug, see NETLINT_KNOWN_BUGS)"
    checks.report(f"netlint  {project}", problems, detail)

    # The independent count.
    if counter is None:
        return
    problems = []
    counted = counter.counts(folder, per_file=True, named=corpus_findings.NAMED.get(project, []))
    py = dict(outcome({"kinds": counted["kinds"], "skipped": counted["skipped"],
                       "parse_errors": len(counted["parse_errors"])}),
              files=counted["files"], documents=counted["documents"])
    problems += compare("pyyaml", adjusted(pin, pyyaml_diffs, "pyyaml"), py)
    # A parse error is explained by a PyYAML difference or by the pin itself (a document no reader accepts).
    documented = {e["file"] for e in pyyaml_diffs if outcome(e["pyyaml"])["parse_errors"]}
    documented |= set(PINS[project].get("parse_error_files", []))
    for at in counted["parse_errors"]:
        if at.rsplit(":", 1)[0] not in documented:
            problems.append(f"PyYAML cannot load {at}, which looks like a manifest, and no PYYAML_DIFFERENCES entry explains it")
    per_file = counted["per_file"]
    for e in bugs + pyyaml_diffs:
        side = "pyyaml" if e in pyyaml_diffs else "truth"
        info = per_file.get(e["file"])
        if info is None:
            problems.append(f"{e['file']}: not read by corpus_counts.py")
        elif outcome(info) != outcome(e[side]):
            problems.append(f"{e['file']}: PyYAML counts {outcome(info)}, the entry says {side} {outcome(e[side])}")
    # A PyYAML difference claims netlint is right: prove it on the file alone.
    for e in pyyaml_diffs:
        alone = netlint_alone(args, project, e["file"], problems)
        if alone is not None and alone != outcome(e["truth"]):
            problems.append(f"{e['file']}: netlint alone counts {alone}, the entry says truth {outcome(e['truth'])}")
    detail = describe(py)
    if pyyaml_diffs:
        detail += f" ({len(pyyaml_diffs)} file{'s' if len(pyyaml_diffs) != 1 else ''} off the pins: PyYAML difference, see PYYAML_DIFFERENCES)"
    checks.report(f"pyyaml   {project}", problems, detail)


def check_sources(checks, corpus):
    """SOURCES.md "Coverage notes": its per-kind numbers equal the pins of the first 12 projects plus SOURCES_EXTRA."""
    path = os.path.join(corpus, "SOURCES.md")
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        checks.report("SOURCES.md per-kind numbers", [f"cannot read {path}"])
        return
    m = re.search(r"YAML documents in the manifest corpus \(not counting oracles\): [\d,]+, including (.*?)\.\n",
                  text, re.S)
    if not m:
        checks.report("SOURCES.md per-kind numbers", ["no 'YAML documents in the manifest corpus' line"])
        return
    listed = {kind: int(n) for kind, n in re.findall(r"([A-Za-z]+) (\d+)", m.group(1))}
    total = Counter()
    for project, pin in PINS.items():
        if project not in TURN_TWO:
            total.update(pin["kinds"])
    for extra in SOURCES_EXTRA.values():
        total.update(extra)
    problems = [f"{kind}: SOURCES.md says {n}, pins plus {', '.join(SOURCES_EXTRA)} give {total[kind]}"
                for kind, n in listed.items() if total[kind] != n]
    # Its document total (1,702) counts whole-file yaml.safe_load_all documents, not split ones;
    # it is not comparable with netlint's and is not checked.
    checks.report("SOURCES.md per-kind numbers", problems, f"{len(listed)} kinds listed")


def check_findings(checks, findings):
    try:
        with open(FINDINGS_FILE, encoding="utf-8") as f:
            committed = f.read().splitlines()
    except OSError:
        committed = None
    current = sorted(findings)
    if committed == current:
        checks.report("findings", [], f"{len(current)} findings, as in testdata/corpus-findings.txt")
        return
    if committed is None:
        problems = [f"{FINDINGS_FILE} is missing"]
    else:
        problems = [line.rstrip("\n") for line in difflib.unified_diff(
            committed, current, "testdata/corpus-findings.txt (committed)", "netlint now", lineterm="")]
    problems.append("if the change is intended (review every line), regenerate the list from the repository root:")
    problems.append("  " + REGENERATE)
    checks.report("findings", problems, "netlint's findings differ from testdata/corpus-findings.txt")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--netlint", required=True)
    parser.add_argument("--corpus", required=True)
    args = parser.parse_args()
    args.netlint = os.path.abspath(args.netlint)
    shared_material.require(args.corpus, "corpus test")
    try:
        import corpus_counts as counter
    except ImportError as e:  # PyYAML missing
        print(f"note: no independent count ({e}); install python3-yaml (tools/setup)")
        counter = None

    checks = Checks()
    findings = []
    present = corpus_findings.projects(args.corpus)
    for project in present:
        if project not in PINS:
            checks.report(f"pins     {project}", [f"no pins for this corpus project: count it, review it, add it to PINS"])
            continue
        check_project(checks, args, project, counter, findings)
    missing = sorted(set(PINS) - set(present))
    if missing:
        checks.report("pins", [f"pinned projects missing from the corpus: {', '.join(missing)}"])
    check_sources(checks, args.corpus)
    check_findings(checks, findings)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
