#include "analyzer/loader/document_objects_codec.h"

#include <algorithm>
#include <concepts>
#include <limits>
#include <optional>
#include <type_traits>

#include "analyzer/model/model.h"
#include "analyzer/util/field_count.h"

namespace netlint {

namespace {

using util::field_count;
namespace m = model;

template <class S, class T>
concept Is = std::same_as<std::remove_const_t<S>, T>;

// Every encoded struct, field by field in declaration order. When a model type gains or loses a
// field, its count below fails to compile: add the field here and raise kDocumentObjectsSchema.
#define NETLINT_FIELDS(Type, count, ...)                                                                         \
  static_assert(field_count<Type>() == (count), #Type " changed: update document_objects_codec and its schema"); \
  template <class Io, Is<Type> S>                                                                                \
  void visit(Io& io, S& s) {                                                                                     \
    io(__VA_ARGS__);                                                                                             \
  }

NETLINT_FIELDS(m::Label, 2, s.key, s.value)
NETLINT_FIELDS(m::ObjectMeta, 13, s.api_version, s.kind, s.name, s.namespace_name, s.namespace_written, s.labels,
               s.annotations, s.object_range, s.metadata_key, io.file_id(s.file), s.document, s.content_hash, s.copies)
NETLINT_FIELDS(m::ContainerPort, 4, s.name, s.number, s.protocol, s.item)
NETLINT_FIELDS(m::EnvVar, 5, s.name, s.value, s.from, s.from_name, s.from_key)
NETLINT_FIELDS(m::EnvFrom, 3, s.kind, s.name, s.prefix)
NETLINT_FIELDS(m::Probe, 5, s.kind, s.port, s.port_is_name, s.path, s.key)
NETLINT_FIELDS(m::VolumeMount, 3, s.name, s.mount_path, s.sub_path)
NETLINT_FIELDS(m::PreStop, 3, s.kind, s.seconds, s.range)
NETLINT_FIELDS(m::Container, 16, s.name, s.image, s.init, s.restartable, s.ports, s.ports_known, s.env, s.env_from,
               s.command, s.args, s.volume_mounts, s.liveness, s.readiness, s.startup, s.pre_stop, s.memory_limit)
NETLINT_FIELDS(m::ConfigMapFiles::Item, 2, s.key, s.path)
NETLINT_FIELDS(m::ConfigMapFiles, 2, s.name, s.items)
NETLINT_FIELDS(m::ConfigMapVolume, 2, s.name, s.sources)
NETLINT_FIELDS(m::DnsOption, 3, s.name, s.value, s.value_type)
NETLINT_FIELDS(m::DnsConfig, 4, s.nameservers, s.searches, s.options, s.key)
NETLINT_FIELDS(m::PodSource, 22, s.meta, s.labels, s.labels_key, s.unknown_label_keys, s.open_labels,
               s.containers_known, s.containers, s.config_map_volumes, s.empty_dir_volumes, s.host_network,
               s.dns_policy, s.dns_config, s.host_aliases, s.template_key, s.service_name, s.termination_grace,
               s.replicas, s.update_strategy, s.owner_kind, s.owner_name, s.pod_ip, s.synthetic)
NETLINT_FIELDS(m::ServicePort, 11, s.name, s.port, s.target_port, s.target_port_is_name, s.target_port_number,
               s.target_port_defaulted, s.target_port_unknown, s.target_port_placeholder, s.protocol, s.node_port,
               s.item)
NETLINT_FIELDS(m::Service, 12, s.meta, s.type, s.selector, s.selector_key, s.ports, s.ports_known, s.cluster_ip,
               s.cluster_ips, s.external_name, s.internal_traffic_policy, s.load_balancer_class,
               s.health_check_node_port)
NETLINT_FIELDS(m::IngressBackend, 5, s.service_name, s.port_number, s.port_name, s.key, s.resource)
NETLINT_FIELDS(m::IngressPath, 3, s.path, s.path_type, s.backend)
NETLINT_FIELDS(m::IngressRule, 3, s.host, s.host_unknown, s.paths)
NETLINT_FIELDS(m::IngressTls, 2, s.secret_name, s.hosts)
NETLINT_FIELDS(m::Ingress, 6, s.meta, s.class_name, s.class_annotation, s.default_backend, s.rules, s.tls)
NETLINT_FIELDS(m::SecretProducer, 3, s.meta, s.secret_name, s.tls)
NETLINT_FIELDS(m::ConfigMapEntry, 4, s.key, s.value, s.block_scalar, s.binary)
NETLINT_FIELDS(m::ConfigMap, 2, s.meta, s.data)
NETLINT_FIELDS(m::Namespace, 1, s.meta)
NETLINT_FIELDS(m::SelectorExpression, 4, s.key, s.op, s.values, s.item)
NETLINT_FIELDS(m::SelectorSpec, 3, s.match_labels, s.match_expressions, s.key)
NETLINT_FIELDS(m::PolicyPort, 7, s.protocol, s.protocol_valid, s.port, s.port_number, s.port_is_name, s.end_port,
               s.item)
NETLINT_FIELDS(m::IpBlock, 4, s.cidr, s.except, s.key, s.placeholder)
NETLINT_FIELDS(m::PolicyPeer, 4, s.pod_selector, s.namespace_selector, s.ip_block, s.item)
NETLINT_FIELDS(m::PolicyRule, 8, s.peers, s.peers_written, s.peers_key, s.ports, s.ports_written, s.ports_key, s.item,
               s.null_item)
NETLINT_FIELDS(m::NetworkPolicy, 14, s.meta, s.pod_selector, s.policy_types, s.policy_types_written,
               s.policy_types_valid, s.policy_types_key, s.ingress, s.egress, s.ingress_written, s.egress_written,
               s.ingress_key, s.egress_key, s.spec_key, s.rejected)
NETLINT_FIELDS(m::Route, 5, s.meta, s.services, s.target_port, s.target_port_is_name, s.target_port_number)
NETLINT_FIELDS(m::Setting, 4, s.path, s.value, s.key, s.placeholder)
NETLINT_FIELDS(m::Settings, 1, s.entries)
NETLINT_FIELDS(m::ConfigDocument, 5, s.kind, s.owner, s.key, s.anchor, s.settings)
NETLINT_FIELDS(m::OpaqueNamespace, 2, s.namespace_name, s.reason)
NETLINT_FIELDS(diag::Edit, 2, s.range, s.replacement)
NETLINT_FIELDS(diag::Fix, 3, s.title, s.applicability, s.edits)
NETLINT_FIELDS(m::InputProblem, 7, s.kind, s.range, s.message, s.help, s.related, io.root_cause(s.root_cause), s.fix)
// Corefiles are not encoded (their EmbeddedText and AST): a document with one is not cached.
NETLINT_FIELDS(m::DocumentObjects, 16, s.objects, s.pod_sources, s.services, s.ingresses, s.secret_producers,
               s.config_maps, s.namespaces, s.network_policies, s.routes, s.configs, io.none(s.corefiles),
               s.opaque_namespaces, s.problems, s.skip, s.placeholders, s.all_caps_namespaces)
#undef NETLINT_FIELDS

// The largest value of each encoded enum: a decoded one past it is damage.
template <class E>
constexpr std::uint64_t enum_max() {
  if constexpr (std::is_same_v<E, m::EnvVar::SourceKind>)
    return static_cast<std::uint64_t>(E::kResource);
  else if constexpr (std::is_same_v<E, m::EnvFrom::SourceKind>)
    return static_cast<std::uint64_t>(E::kSecret);
  else if constexpr (std::is_same_v<E, m::Probe::Kind>)
    return static_cast<std::uint64_t>(E::kUnknown);
  else if constexpr (std::is_same_v<E, m::PreStop::Kind>)
    return static_cast<std::uint64_t>(E::kOther);
  else if constexpr (std::is_same_v<E, m::InputProblemKind>)
    return static_cast<std::uint64_t>(E::kPlaceholder);
  else if constexpr (std::is_same_v<E, SkipReason>)
    return static_cast<std::uint64_t>(E::kCount) - 1;
  else {
    static_assert(std::is_same_v<E, diag::Applicability>, "an encoded enum: list its largest value here");
    return static_cast<std::uint64_t>(E::kUnsafe);
  }
}

// The root cause that spells the FileId (model::dns_option_value_cause), written without it.
constexpr std::string_view kFileCausePrefix = "dns-option-value:";

// Markers of special fields, so the visit lists above read as plain field lists.
template <class Id>
struct FileIdField {
  Id* value;
};
template <class Text>
struct RootCauseField {
  Text* value;
};
struct NoneField {
  bool empty;
};

class Writer {
 public:
  Writer(FileId file, std::string& out) : file_(file), out_(out) {}
  bool ok() const { return ok_; }

  template <class... Fields>
  void operator()(const Fields&... fields) {
    (put(fields), ...);
  }
  FileIdField<const FileId> file_id(const FileId& f) const { return {&f}; }
  RootCauseField<const std::string> root_cause(const std::string& cause) const { return {&cause}; }
  template <class V>
  NoneField none(const V& v) const {
    return {v.empty()};
  }

  void number(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }

 private:
  void put(const std::string& s) {
    number(s.size());
    out_.append(s);
  }
  void put(bool b) { number(b ? 1 : 0); }
  template <class T>
  requires std::is_integral_v<T>
  void put(T v) {
    if constexpr (std::is_signed_v<T>) {
      // zigzag: small negative numbers stay short
      const auto u = static_cast<std::uint64_t>(static_cast<std::int64_t>(v));
      number((u << 1) ^ (v < 0 ? ~std::uint64_t{0} : 0));
    } else {
      number(static_cast<std::uint64_t>(v));
    }
  }
  template <class T>
  requires std::is_enum_v<T>
  void put(T v) { number(static_cast<std::uint64_t>(v)); }
  void put(const SourceRange& r) {
    // 0: no file, 1: this file; any other file cannot be written (its FileId is this run's).
    if (r.file != kNoFile && r.file != file_) ok_ = false;
    number(r.file == kNoFile ? 0 : 1);
    number(r.begin);
    number(r.end);
  }
  void put(const FileIdField<const FileId>& f) {
    if (*f.value != file_) ok_ = false;
  }
  void put(const RootCauseField<const std::string>& f) {
    const std::string& cause = *f.value;
    if (cause.starts_with(kFileCausePrefix)) {
      // Only the cause of a value in this file is written, as its offset.
      const std::string ours = m::dns_option_value_cause(SourceRange{file_, 0, 0});
      const std::string_view own_prefix = std::string_view(ours).substr(0, ours.rfind(':') + 1);
      if (!cause.starts_with(own_prefix)) ok_ = false;
      number(1);
      put(cause.substr(std::min(own_prefix.size(), cause.size())));
      return;
    }
    number(0);
    put(cause);
  }
  void put(const NoneField& f) {
    if (!f.empty) ok_ = false;
  }
  template <class T>
  void put(const m::Spanned<T>& s) {
    put(s.value);
    put(s.range);
  }
  template <class T>
  void put(const std::optional<T>& o) {
    number(o ? 1 : 0);
    if (o) put(*o);
  }
  template <class T>
  void put(const std::vector<T>& v) {
    number(v.size());
    for (const T& x : v) put(x);
  }
  template <class T>
  requires std::is_class_v<T>
  void put(const T& s) { visit(*this, s); }

  FileId file_;
  std::string& out_;
  bool ok_ = true;
};

class Reader {
 public:
  Reader(std::string_view in, FileId file, std::uint32_t text_size) : in_(in), file_(file), text_size_(text_size) {}
  bool ok() const { return ok_; }
  bool done() const { return in_.empty(); }

  template <class... Fields>
  void operator()(Fields&&... fields) {
    (get(fields), ...);
  }
  FileIdField<FileId> file_id(FileId& f) const { return {&f}; }
  RootCauseField<std::string> root_cause(std::string& cause) const { return {&cause}; }
  template <class V>
  NoneField none(const V&) const {
    return {true};
  }

  std::uint64_t number() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) break;
      const auto byte = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      v |= std::uint64_t{byte & 0x7Fu} << shift;
      if ((byte & 0x80) == 0) return v;
    }
    ok_ = false;
    return 0;
  }

 private:
  void get(std::string& s) {
    const std::uint64_t n = number();
    if (n > in_.size()) {
      ok_ = false;
      return;
    }
    s.assign(in_.substr(0, n));
    in_.remove_prefix(n);
  }
  void get(bool& b) {
    const std::uint64_t v = number();
    if (v > 1) ok_ = false;
    b = v == 1;
  }
  template <class T>
  requires std::is_integral_v<T>
  void get(T& v) {
    const std::uint64_t u = number();
    if constexpr (std::is_signed_v<T>) {
      const auto s = static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
      if constexpr (sizeof(T) < sizeof(std::int64_t)) {
        if (s < std::numeric_limits<T>::min() || s > std::numeric_limits<T>::max()) ok_ = false;
      }
      v = static_cast<T>(s);
    } else {
      if constexpr (sizeof(T) < sizeof(std::uint64_t)) {
        if (u > std::numeric_limits<T>::max()) ok_ = false;
      }
      v = static_cast<T>(u);
    }
  }
  template <class T>
  requires std::is_enum_v<T>
  void get(T& v) {
    const std::uint64_t u = number();
    if (u > enum_max<T>()) ok_ = false;
    v = static_cast<T>(ok_ ? u : 0);
  }
  void get(SourceRange& r) {
    const std::uint64_t which = number(), begin = number(), end = number();
    if (which > 1 || begin > end || end > text_size_ + std::uint64_t{1}) ok_ = false;
    r = {which == 1 ? file_ : kNoFile, static_cast<std::uint32_t>(ok_ ? begin : 0),
         static_cast<std::uint32_t>(ok_ ? end : 0)};
  }
  // Non-const references: they must win over get(T&) for the marker structs themselves.
  void get(FileIdField<FileId>& f) { *f.value = file_; }
  void get(RootCauseField<std::string>& f) {
    std::string& cause = *f.value;
    const std::uint64_t relative = number();
    get(cause);
    if (relative > 1) ok_ = false;
    if (relative == 1) {
      const std::string ours = m::dns_option_value_cause(SourceRange{file_, 0, 0});
      cause = ours.substr(0, ours.rfind(':') + 1) + cause;
    }
  }
  void get(NoneField&) {}
  template <class T>
  void get(m::Spanned<T>& s) {
    get(s.value);
    get(s.range);
  }
  template <class T>
  void get(std::optional<T>& o) {
    const std::uint64_t present = number();
    if (present > 1) ok_ = false;
    if (present == 1 && ok_) get(o.emplace());
  }
  template <class T>
  void get(std::vector<T>& v) {
    const std::uint64_t n = number();
    // Every element takes at least one byte: a count past the rest is damage, never an allocation.
    if (n > in_.size()) {
      ok_ = false;
      return;
    }
    v.resize(n);
    for (T& x : v) {
      if (!ok_) return;
      get(x);
    }
  }
  template <class T>
  requires std::is_class_v<T>
  void get(T& s) {
    if (ok_) visit(*this, s);
  }

  std::string_view in_;
  FileId file_;
  std::uint32_t text_size_;
  bool ok_ = true;
};

}  // namespace

bool encode_file_objects(const FileObjects& objects, FileId file, std::string& out) {
  const std::size_t start = out.size();
  Writer writer(file, out);
  writer.number(kDocumentObjectsSchema);
  writer.number(objects.document_count);
  writer(objects.documents);
  if (!writer.ok()) out.resize(start);
  return writer.ok();
}

bool decode_file_objects(std::string_view in, FileId file, std::uint32_t text_size, FileObjects& out) {
  Reader reader(in, file, text_size);
  if (reader.number() != kDocumentObjectsSchema || !reader.ok()) return false;
  const std::uint64_t count = reader.number();
  if (count > text_size + std::uint64_t{1}) return false;
  out.document_count = static_cast<std::uint32_t>(count);
  reader(out.documents);
  return reader.ok() && reader.done();
}

}  // namespace netlint
