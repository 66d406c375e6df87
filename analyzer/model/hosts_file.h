// A hosts file as CoreDNS's `hosts` plugin reads it (k3s keeps the nodes' names in the coredns
// ConfigMap key `NodeHosts`): `IP name [alias...]` per line, `#` to the end of the line is a
// comment, and a line whose first field is not an IP address is skipped, as the plugin skips it.
#pragma once

#include "analyzer/model/embedded_text.h"
#include "analyzer/model/settings.h"

namespace netlint::model {

// Appends `hosts[i].address` and `hosts[i].names[j]` settings, positioned in the user's file.
void read_hosts_file(const EmbeddedText& text, Settings& out);

// Exposed for tests: does `token` read as an IPv4 or IPv6 address (an IPv6 zone `%eth0` allowed)?
bool looks_like_ip(std::string_view token);

}  // namespace netlint::model
