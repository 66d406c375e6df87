// API defaulting (RULES.md "API defaulting and placeholders"): the values the API server fills
// in when an object is created, applied to the model right after extraction, before any rule
// reads it. Extraction reads objects as written; these functions are the one place that fills in
// what is not written, each default citing the kubernetes source it follows.
//
// A defaulted value has no position of its own: its range is invalid, except a defaulted
// targetPort, which carries the range of its port entry (the parent rules anchor on, saying
// "(default N)"). A written value the API server rejects (NL0004: `protocol: tcp`,
// `dnsPolicy: clusterFirst`) is never defaulted: it stays as written, matches no member, and
// rules read it as unknown.
//
// Defaults the model computes where it reads them, not here: a NetworkPolicy's effective
// policyTypes (NetworkPolicy::affects_ingress/affects_egress), a Deployment's replicas
// (PodSource::replicas stays as written; rules say "(default 1)").
#pragma once

#include "analyzer/model/network_policy.h"
#include "analyzer/model/pod_source.h"
#include "analyzer/model/service.h"

namespace netlint::model {

void apply_api_defaults(Service& service);
void apply_api_defaults(NetworkPolicy& policy);
// Pods and pod templates alike. (SetDefaults_Pod's hostPort = containerPort for hostNetwork
// Pods is not applied: the model keeps no hostPort.)
void apply_api_defaults(PodSource& pod);

}  // namespace netlint::model
