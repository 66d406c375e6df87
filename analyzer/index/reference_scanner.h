// Finds the hosts one configuration value names, as text: URLs of any scheme (with user info,
// host lists and bracketed IPv6), `host:port` words (comma lists yield each), and bare
// host-like values when the name they are given under looks like an address
// (`*HOST`, `*HOSTNAME`, `*ADDR`, `*ADDRESS`, `*URL`, `*URI`, `*ENDPOINT`, `*SERVER`).
// Inside a value, `--flag=value`, `-Dkey=value` and `KEY=value` words give their own name,
// and so does a `--flag` word to the word after it.
//
// Nothing is found under names containing LISTEN or BIND (they are the pod's own addresses),
// and hosts that are empty, `0.0.0.0` or `::` are dropped. Names containing IMAGE give no
// `host:port` or bare hosts (`redis:7` is an image, not a port). What the hosts are is the
// classifier's job (host_classifier.h); the scanner only finds them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/util/kept_memo.h"

namespace netlint::index {

struct HostCandidate {
  enum class Form : std::uint8_t { kUrl, kHostPort, kBare } form = Form::kBare;
  std::string scheme;                 // lowercase, `jdbc:` dropped; empty without one
  std::string host;                   // as written, without URL brackets or a trailing dot
  std::size_t host_offset = 0;        // where `host` is written in the scanned text
  std::string text;                   // the URL or word it was found in (`jdbc:` included)
  std::optional<std::uint16_t> port;  // explicit, else the scheme's default
  bool port_explicit = false;         // a port was written (it may be unknown: `:$(PORT)`)
  bool trailing_dot = false;          // `host.` (absolute)
  std::string name;                   // the name it was given under (variable, key, flag); may be empty
};

// True for names whose bare values are hosts: they end in HOST, HOSTNAME, ADDR, ADDRESS, URL,
// URI, ENDPOINT or SERVER, case-insensitively (`redisHost`, `db.host`, `SMTP_SERVER`).
bool is_address_name(std::string_view name);
// True for names of the pod's own listening addresses: they contain LISTEN or BIND.
bool is_listen_name(std::string_view name);

// For an argument that is a flag waiting for its value in the next argument (`--db-host`,
// `-Dapp.url=` with nothing after the `=`): the flag's name (`db-host`); empty otherwise.
std::string_view flag_awaiting_value(std::string_view arg);

// True for a bare value that is more likely a file name than a host: `name.<ext>` where the
// extension is a common file type that is also a top-level domain (`main.py`, `run.sh`).
bool looks_like_file_name(std::string_view value);

// The hosts `text` names; `name` is what the value is given under (empty for args).
std::vector<HostCandidate> scan_hosts(std::string_view text, std::string_view name);

// scan_hosts of each (text, name) once: the same env values recur in every pod of a workload
// family (`LOG_LEVEL=info`), and the language server keeps one between analyses (issue 22), so
// an edit scans only the values it changed (scanning was a quarter of an edit's analysis on the
// 10,000-object benchmark). Keyed by the text and the name, so an entry is exactly what
// scan_hosts gives. Thread-safe; returned references stay valid until drop_unused.
class HostScanCache {
 public:
  const std::vector<HostCandidate>& hosts(std::string_view text, std::string_view name);
  // Drops the entries no lookup used since the last call (util/kept_memo.h).
  void drop_unused() { memo_.drop_unused(); }
  std::size_t size() const { return memo_.size(); }

 private:
  // key: the name's length, ':', the name, the text
  KeptMemo<std::unordered_map<std::string, KeptEntry<std::vector<HostCandidate>>>> memo_;
};
}  // namespace netlint::index
