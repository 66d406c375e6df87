// The names a pod uses to reach others (issue 4, item 5), from every place a manifest gives
// them to a container:
//  - env values (after `$(VAR)` expansion), env values from ConfigMap keys (`valueFrom`),
//    envFrom ConfigMaps (only the variables the container ends up with: `env` wins over
//    envFrom, a later envFrom over an earlier one);
//  - command and args (expanded; a `--flag` argument names the next one);
//  - mounted ConfigMap files of types .properties, .env, .yaml/.yml, .json, .conf, .ini
//    (volumeMounts with subPath, configMap volumes with items, projected volumes).
// Each value yields URLs of any scheme, `host:port` words, and bare hosts under address-like
// names (reference_scanner.h), each classified by the HostClassifier (host_classifier.h).
//
// It errs on the side of silence: what is not surely a name is `HostKind::kNotAName`
// (file paths and names, emails, versions, localhost, placeholders, dotted names under neither
// a namespace of the view nor a public suffix), and listen/bind addresses are not references.
// Rules pick the kinds they care about; the extractor reports nothing itself.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/index/config_file_values.h"
#include "analyzer/index/env_expansion.h"
#include "analyzer/index/host_classifier.h"
#include "analyzer/index/reference_scanner.h"
#include "analyzer/model/pod_source.h"

namespace netlint::index {

enum class ReferenceOrigin : std::uint8_t {
  kEnvValue,          // env[].value
  kEnvConfigMapKey,   // env[].valueFrom.configMapKeyRef
  kEnvFromConfigMap,  // envFrom[].configMapRef
  kArg,
  kCommand,
  kConfigMapFile,  // a mounted ConfigMap key read as a configuration file
};

// "env value", "env valueFrom ConfigMap key", "envFrom ConfigMap", "arg", "command",
// "ConfigMap file".
std::string_view reference_origin_name(ReferenceOrigin origin);

struct Reference {
  std::string text;                   // the URL or word the host was found in (expanded)
  std::string scheme;                 // lowercase; empty when none (`jdbc:` dropped)
  std::string host;                   // as written, without URL brackets or trailing dot
  std::optional<std::uint16_t> port;  // explicit, else the scheme's default; none if unknown
  bool port_explicit = false;         // a port was written (`:$(PORT)` is written but unknown)
  bool trailing_dot = false;          // `host.`: absolute, never searched

  // What the host is (HostClassifier::classify).
  HostKind kind = HostKind::kNotAName;
  std::string service;         // cluster kinds
  std::string namespace_name;  // when written in the name
  std::string pod;             // kPodName
  std::string domain;          // FQDN forms: the domain written
  bool other_domain = false;   // that domain is not the classifier's cluster domain

  // Where it came from.
  ReferenceOrigin origin = ReferenceOrigin::kEnvValue;
  std::string name;             // the innermost name it was given under: `--flag`, `-Dkey`,
                                // `KEY=` inside the value, else `variable`; may be empty
  std::string variable;         // the env variable (with its envFrom prefix), or the key
                                // inside a file (`spring.datasource.url`); empty for args
  std::uint32_t container = 0;  // index into PodSource::containers
  std::string config_map;       // ConfigMap origins: the ConfigMap's name
  std::string config_map_key;   // and its key
  std::string file_path;        // kConfigMapFile: the file's path in the container
  // The host's bytes in the user's YAML when the value maps back byte for byte (a single-line
  // plain or quoted scalar without escapes, a literal block's line, and no `$(VAR)` expanded);
  // otherwise the whole scalar (`range_exact` false).
  SourceRange range;
  bool range_exact = false;
};

// The text of a source file, for ranges inside scalars (model::Model::files).
using SourceTextLookup = std::function<std::string_view(FileId)>;

// Every reference of every container of `pod`, containers in order, then per container: env
// (in order), envFrom, command, args, mounted files. Without `source_text`, ranges are whole
// scalars.
// `file_values` (optional) parses each mounted ConfigMap file once across pods; `host_scans`
// (optional) scans each value once.
std::vector<Reference> extract_references(const model::PodSource& pod, const ConfigMapLookup& config_maps,
                                          const HostClassifier& classifier, const SourceTextLookup& source_text = {},
                                          ConfigFileValuesCache* file_values = nullptr,
                                          HostScanCache* host_scans = nullptr);

// Everything extract_references reads of `pod` and of the ConfigMaps it names, written to `out`
// as a key (index/kept_references.h keeps each pod's references under it between analyses): two
// pods with equal keys, under one classifier, have equal references. Each value hosts are found
// in is written with its position and the source bytes its positions map through
// (scalar_source_bytes), names without position (a reference carries none of theirs); the
// ConfigMaps the pod names are written by `config_map_key` (null: none of that name), so a
// caller can write each ConfigMap once (write_config_map_key) and name it by an id.
// Keep it in step with the extractor: a field the extractor reads and the key leaves out would
// let an edit of that field reuse stale references.
using ConfigMapKeyWriter = std::function<void(std::string& out, const model::ConfigMap* cm)>;
void write_extraction_key(std::string& out, const model::PodSource& pod, const ConfigMapLookup& config_maps,
                          const SourceTextLookup& source_text, const ConfigMapKeyWriter& config_map_key);
// What the extractor reads of a ConfigMap: its data entries.
void write_config_map_key(std::string& out, const model::ConfigMap& cm, const SourceTextLookup& source_text);

}  // namespace netlint::index
