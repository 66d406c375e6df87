// What the DNS name rules (NL4001, NL4002, NL4004) share: whether CoreDNS's autopath serves the
// cluster, which hosts are documentation placeholders, and which variables name the app's own
// public address rather than a host it resolves.
#pragma once

#include <string_view>

#include "analyzer/engine/view.h"
#include "analyzer/index/references.h"

namespace netlint::rules::dns {

// True when a Corefile of the view has `autopath @kubernetes` in a server block whose
// `kubernetes` plugin says `pods verified`, and no NodeLocal DNSCache is in the view (its cache
// answers before CoreDNS, so autopath never sees the pod's queries). NL4106's conditions, read
// here from the Corefile parser so the rules stay independent.
bool autopath_effective(const engine::View& view);

// Names reserved for documentation and tests (RFC 2606, RFC 6761): `example.com`, `.net`, `.org`
// and their subdomains, and anything under `.example`, `.test`, `.invalid`, `.localhost`.
bool is_reserved_example(std::string_view host);

// True when the variable or key a reference came under names the app's own public address
// (`GF_SERVER_ROOT_URL`, `server.root_url`, `PUBLIC_URL`, `OIDC_REDIRECT_URI`,
// `CORS_ALLOWED_ORIGINS`): the app prints it, it does not resolve it. Matched case-insensitively
// on `*ROOT_URL`, `*PUBLIC_URL`, `*BASE_URL`, `*EXTERNAL_URL`, `*REDIRECT_URI*`, `*ORIGIN*`
// with `.` and `-` read as `_`, on whole `_`-separated segments (`DATABASE_URL` is not
// `*BASE_URL`).
bool names_own_public_url(const index::Reference& reference);

// True for a short name read from a mounted ConfigMap file that defines it as an nginx
// `upstream NAME { ... }` block: `proxy_pass http://backend` names the block, not a host.
bool is_nginx_upstream_name(const engine::View& view, const model::PodSource& pod, const index::Reference& reference);

}  // namespace netlint::rules::dns
