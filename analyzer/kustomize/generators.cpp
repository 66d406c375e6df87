#include "analyzer/kustomize/generators.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

#include "analyzer/util/sha256.h"

namespace netlint::kustomize {
namespace {

namespace fs = std::filesystem;

// Go's encoding/json string form (json.Marshal escapes HTML characters too).
void go_json_string(std::string_view s, std::string& out) {
  out.push_back('"');
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
          out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
          i += 2;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

// A map's string values as Go's json.Marshal writes a map[string]interface{} (sorted keys); a
// missing field is the empty string, as kustomize's getNodeValues gives it.
std::string go_json_map(const Doc* map) {
  if (map == nullptr || !map->is_map()) return "\"\"";
  std::map<std::string, std::string> sorted;
  for (const auto& e : map->entries) sorted[e.first.text()] = e.second.text();
  std::string out = "{";
  bool first = true;
  for (const auto& entry : sorted) {
    if (!first) out.push_back(',');
    first = false;
    go_json_string(entry.first, out);
    out.push_back(':');
    go_json_string(entry.second, out);
  }
  return out + "}";
}

std::string base64(std::string_view in) {
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const std::uint32_t n = (std::uint32_t{static_cast<unsigned char>(in[i])} << 16) |
                            (std::uint32_t{static_cast<unsigned char>(in[i + 1])} << 8) |
                            static_cast<unsigned char>(in[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(kChars[(n >> shift) & 63]);
  }
  if (i < in.size()) {
    std::uint32_t n = std::uint32_t{static_cast<unsigned char>(in[i])} << 16;
    if (i + 1 < in.size()) n |= std::uint32_t{static_cast<unsigned char>(in[i + 1])} << 8;
    out.push_back(kChars[(n >> 18) & 63]);
    out.push_back(kChars[(n >> 12) & 63]);
    out.push_back(i + 1 < in.size() ? kChars[(n >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

// kustomize removes one pair of matching quotes around a literal's value.
std::string unquote(std::string v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    return v.substr(1, v.size() - 2);
  return v;
}

struct DataEntry {
  std::string key;
  std::string value;
  SourceRange key_at;
  SourceRange value_at;
};

// A `files` entry: `path` (the key is the file's name) or `key=path`.
std::pair<std::string, std::string> file_entry(const std::string& entry) {
  const auto eq = entry.find('=');
  if (eq == std::string::npos) return {fs::path(entry).filename().string(), entry};
  return {entry.substr(0, eq), entry.substr(eq + 1)};
}

// The env files of a generator: `envs` items and the older single `env`.
std::vector<yaml::NodeRef> env_files(const yaml::NodeRef& g) {
  std::vector<yaml::NodeRef> envs;
  for (std::uint32_t i = 0; i < g.get("envs").size(); ++i) envs.push_back(g.get("envs").item(i));
  if (g.get("env").is_scalar()) envs.push_back(g.get("env"));
  return envs;
}

bool read_data(const Kustomization& k, const yaml::NodeRef& g, const ReadSource& read, std::vector<DataEntry>& data,
               std::vector<Entry>& missing) {
  const yaml::NodeRef literals = g.get("literals");
  for (std::uint32_t i = 0; i < literals.size(); ++i) {
    const yaml::NodeRef lit = literals.item(i);
    const std::string& text = lit.scalar();
    const auto eq = text.find('=');
    if (eq == std::string::npos) continue;
    data.push_back({text.substr(0, eq), unquote(text.substr(eq + 1)), lit.range(), lit.range()});
  }
  const yaml::NodeRef files = g.get("files");
  for (std::uint32_t i = 0; i < files.size(); ++i) {
    const yaml::NodeRef f = files.item(i);
    const auto [key, path] = file_entry(f.scalar());
    const auto source = read(resolve(k, path));
    if (!source) {
      missing.push_back({path, f.range()});
      continue;
    }
    // The value is the whole file: it anchors in its source file (a generated Corefile).
    data.push_back({key, *source->text, f.range(),
                    SourceRange{source->file, 0, static_cast<std::uint32_t>(source->text->size())}});
  }
  for (const yaml::NodeRef& env : env_files(g)) {
    const auto source = read(resolve(k, env.scalar()));
    if (!source) {
      missing.push_back({env.scalar(), env.range()});
      continue;
    }
    const std::string& text = *source->text;
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      std::string_view line(text.data() + at, end - at);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const std::size_t start = line.find_first_not_of(" \t");
      const std::size_t eq = line.find('=');
      if (start != std::string_view::npos && line[start] != '#' && eq != std::string_view::npos && eq > start) {
        const auto value_begin = static_cast<std::uint32_t>(at + eq + 1);
        data.push_back(
            {std::string(line.substr(start, eq - start)), std::string(line.substr(eq + 1)),
             SourceRange{source->file, static_cast<std::uint32_t>(at + start), static_cast<std::uint32_t>(at + eq)},
             SourceRange{source->file, value_begin, static_cast<std::uint32_t>(at + line.size())}});
      }
      at = end + 1;
    }
  }
  return true;
}

bool option_true(const yaml::NodeRef& options, std::string_view key) {
  return options.get(key).scalar() == "true";
}

}  // namespace

std::vector<Entry> config_map_sources(const Kustomization& k) {
  std::vector<Entry> out;
  for (std::uint32_t i = 0; i < k.config_map_generator.size(); ++i) {
    const yaml::NodeRef g = k.config_map_generator.item(i);
    const yaml::NodeRef files = g.get("files");
    for (std::uint32_t j = 0; j < files.size(); ++j) {
      out.push_back({resolve(k, file_entry(files.item(j).scalar()).second), files.item(j).range()});
    }
    for (const yaml::NodeRef& env : env_files(g)) out.push_back({resolve(k, env.scalar()), env.range()});
  }
  return out;
}

std::vector<Entry> run_generators(const Kustomization& k, const ReadSource& read, std::vector<Resource>& resources) {
  std::vector<Entry> missing;
  for (const bool secret : {false, true}) {
    const yaml::NodeRef list = secret ? k.secret_generator : k.config_map_generator;
    for (std::uint32_t i = 0; i < list.size(); ++i) {
      const yaml::NodeRef g = list.item(i);
      const yaml::NodeRef name = g.get("name");
      if (!name.is_scalar() || name.scalar().empty()) continue;
      std::vector<DataEntry> data;
      read_data(k, g, read, data, missing);
      const SourceRange at = name.range();
      const std::string data_key = "data";
      const std::string behavior = g.get("behavior").scalar();
      const std::string kind = secret ? "Secret" : "ConfigMap";
      const auto existing = std::find_if(resources.begin(), resources.end(), [&](const Resource& r) {
        return r.kind() == kind && r.has_name(name.scalar());
      });
      if ((behavior == "merge" || behavior == "replace") && existing != resources.end()) {
        Doc* target = existing->doc.get(data_key);
        if (target == nullptr || !target->is_map() || behavior == "replace")
          target = &existing->doc.set(data_key, Doc::map(at), at);
        for (const DataEntry& d : data) {
          target->set(d.key,
                      Doc::scalar(secret ? base64(d.value) : d.value, d.value_at, yaml::ScalarStyle::kDoubleQuoted),
                      d.key_at);
        }
        continue;
      }
      Resource r;
      r.file = k.file;
      r.document = 0;
      r.doc = Doc::map(at);
      r.doc.set("apiVersion", Doc::scalar("v1", at), at);
      r.doc.set("kind", Doc::scalar(kind, at), at);
      Doc& metadata = r.doc.set("metadata", Doc::map(at), at);
      metadata.set("name", Doc::scalar(name.scalar(), at), at);
      if (g.get("namespace").is_scalar())
        metadata.set("namespace", Doc::scalar(g.get("namespace").scalar(), g.get("namespace").range()), at);
      for (const yaml::NodeRef& options : {k.generator_options, g.get("options")}) {
        for (const char* key : {"labels", "annotations"}) {
          const yaml::NodeRef pairs = options.get(key);
          for (std::uint32_t j = 0; j < pairs.size(); ++j) {
            Doc* m = metadata.get(key);
            if (m == nullptr) m = &metadata.set(key, Doc::map(pairs.key_at(j).range()), pairs.key_at(j).range());
            m->set(pairs.key_at(j).scalar(), Doc::scalar(pairs.value_at(j).scalar(), pairs.value_at(j).range()),
                   pairs.key_at(j).range());
          }
        }
      }
      if (secret) r.doc.set("type", Doc::scalar(g.get("type").is_scalar() ? g.get("type").scalar() : "Opaque", at), at);
      Doc& map = r.doc.set(data_key, Doc::map(at), at);
      for (const DataEntry& d : data) {
        // Values keep their text and the place that wrote it; a file read whole maps byte for byte.
        map.set(d.key, Doc::scalar(secret ? base64(d.value) : d.value, d.value_at, yaml::ScalarStyle::kDoubleQuoted),
                d.key_at);
      }
      const yaml::NodeRef own = g.get("options").get("disableNameSuffixHash");
      r.hash_suffix =
          own.is_scalar() ? own.scalar() != "true" : !option_true(k.generator_options, "disableNameSuffixHash");
      r.original_namespace = r.name_space();
      resources.push_back(std::move(r));
    }
  }
  return missing;
}

std::string generated_name_hash(const Doc& object) {
  const Doc* kind = object.get("kind");
  const Doc* name = object.at({"metadata", "name"});
  std::string encoded = "{\"data\":" + go_json_map(object.get("data"));
  if (kind != nullptr && kind->text() == "Secret") {
    const Doc* string_data = object.get("stringData");
    encoded += ",\"kind\":\"Secret\",\"name\":";
    go_json_string(name == nullptr ? std::string() : name->text(), encoded);
    if (string_data != nullptr && string_data->is_map()) encoded += ",\"stringData\":" + go_json_map(string_data);
    encoded += ",\"type\":";
    const Doc* type = object.get("type");
    go_json_string(type == nullptr ? std::string() : type->text(), encoded);
  } else {
    const Doc* binary = object.get("binaryData");
    if (binary != nullptr && binary->is_map())
      encoded = "{\"binaryData\":" + go_json_map(binary) + "," + encoded.substr(1);
    encoded += ",\"kind\":\"ConfigMap\",\"name\":";
    go_json_string(name == nullptr ? std::string() : name->text(), encoded);
  }
  encoded += "}";
  std::string hash = util::sha256_hex(encoded).substr(0, 10);
  for (char& c : hash) {
    switch (c) {
      case '0':
        c = 'g';
        break;
      case '1':
        c = 'h';
        break;
      case '3':
        c = 'k';
        break;
      case 'a':
        c = 'm';
        break;
      case 'e':
        c = 't';
        break;
      default:
        break;
    }
  }
  return hash;
}

}  // namespace netlint::kustomize
