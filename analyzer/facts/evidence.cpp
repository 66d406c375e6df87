#include "analyzer/facts/evidence.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "analyzer/model/view_merge.h"
#include "analyzer/util/go_values.h"
#include "analyzer/util/strings.h"

namespace netlint::facts {

std::string_view image_repository(std::string_view image) {
  if (const auto at = image.find('@'); at != std::string_view::npos) image = image.substr(0, at);
  const auto slash = image.find_last_of('/');
  const auto colon = image.find_last_of(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash))
    image = image.substr(0, colon);
  return image;
}

std::string image_version(std::string_view image) {
  if (const auto at = image.find('@'); at != std::string_view::npos) image = image.substr(0, at);
  const auto slash = image.find_last_of('/');
  const auto colon = image.find_last_of(':');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) return {};
  std::string_view tag = image.substr(colon + 1);
  if (!tag.empty() && tag[0] == 'v') tag.remove_prefix(1);
  if (tag.empty() || !std::isdigit(static_cast<unsigned char>(tag[0]))) return {};
  return std::string(tag);
}

bool image_is(std::string_view image, std::string_view suffix) {
  // Most images name none of the components asked about (the detectors ask each container for
  // a dozen): a repository ending in `suffix` holds it, so a search first is enough for them.
  if (image.find(suffix) == std::string_view::npos) return false;
  const std::string_view repo = image_repository(image);
  if (repo.size() < suffix.size() || repo.substr(repo.size() - suffix.size()) != suffix) return false;
  return repo.size() == suffix.size() || repo[repo.size() - suffix.size() - 1] == '/';
}

std::optional<model::Text> flag_value(const model::Container& container, std::string_view flag) {
  for (const auto* list : {&container.command, &container.args}) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const model::Text& word = (*list)[i];
      std::string_view text = word.value;
      // Shell wrappers (`/bin/sh -c "exec nginx --x=y"`) hide flags in one word: look inside.
      for (std::size_t at = text.find(flag); at != std::string_view::npos; at = text.find(flag, at + 1)) {
        const bool starts = at == 0 || text[at - 1] == ' ' || text[at - 1] == '-';
        const std::size_t dashes_before =
            at >= 2 && text.substr(at - 2, 2) == "--" ? 2 : (at >= 1 && text[at - 1] == '-' ? 1 : 0);
        if (!starts || dashes_before == 0) continue;
        std::size_t end = at + flag.size();
        if (end < text.size() && text[end] == '=') {
          const std::size_t stop = text.find(' ', end + 1);
          const std::string value(
              text.substr(end + 1, stop == std::string_view::npos ? std::string_view::npos : stop - end - 1));
          model::Text out{value, word.range};
          // Point at the value inside the scalar when the word is the flag alone and is written
          // as read (plain, or quoted without escapes).
          const std::size_t written = word.range.valid() ? word.range.end - word.range.begin : 0;
          if (at == dashes_before && stop == std::string_view::npos &&
              (written == text.size() || written == text.size() + 2)) {
            const std::uint32_t quote = written == text.size() ? 0u : 1u;
            out.range.begin = word.range.begin + quote + static_cast<std::uint32_t>(end + 1);
            out.range.end = out.range.begin + static_cast<std::uint32_t>(value.size());
          }
          return out;
        }
        if (end == text.size()) {
          if (i + 1 < list->size() && !(*list)[i + 1].value.starts_with("-")) return (*list)[i + 1];
          return model::Text{"true", word.range};
        }
      }
    }
  }
  return std::nullopt;
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string_view piece : split(text, ',')) {
    const std::string_view item = trim(piece, " ");
    if (!item.empty()) out.emplace_back(item);
  }
  return out;
}

const model::ConfigMap* find_config_map(const model::Model& model, std::string_view ns, std::string_view name) {
  for (const model::ConfigMap& cm : model.config_maps) {
    if (cm.meta.name.value == name && cm.meta.namespace_name.value == ns) return &cm;
  }
  return nullptr;
}

const model::ConfigMapEntry* find_entry(const model::ConfigMap& config_map, std::string_view key) {
  for (const model::ConfigMapEntry& e : config_map.data) {
    if (e.key.value == key) return &e;
  }
  return nullptr;
}

std::string identity_of(const model::ObjectMeta& meta) {
  return model::identity_key(meta);
}

void choose(std::vector<Candidate> candidates, Fact<std::string>& fact, FactName name, ClusterFacts& facts) {
  if (candidates.empty()) return;
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.priority < b.priority; });
  for (const Candidate& c : candidates) fact.evidence.push_back(c.evidence);
  const int best = candidates.front().priority;
  // Sources of the same rank that disagree (two definitions of kube-flannel-cfg, two kubelet
  // configs) are alternative installs side by side: the view cannot tell which one is meant.
  std::vector<const Candidate*> disagreeing;
  for (const Candidate& c : candidates) {
    if (c.priority == best && c.value != candidates.front().value) disagreeing.push_back(&c);
  }
  if (disagreeing.empty()) {
    fact.set(candidates.front().value);
    return;
  }
  fact.state = State::kAmbiguous;
  fact.value.clear();
  // Anchor on the later conflicting evidence (file, then offset), the others related.
  std::vector<const Candidate*> involved{&candidates.front()};
  involved.insert(involved.end(), disagreeing.begin(), disagreeing.end());
  std::stable_sort(involved.begin(), involved.end(), [](const Candidate* a, const Candidate* b) {
    return std::pair{a->evidence.range.file, a->evidence.range.begin} <
           std::pair{b->evidence.range.file, b->evidence.range.begin};
  });
  Conflict conflict;
  conflict.fact = std::string(name.key);
  conflict.anchor = involved.back()->evidence.range;
  std::vector<std::string> values;
  for (const Candidate* c : involved) {
    if (std::find(values.begin(), values.end(), c->value) == values.end()) values.push_back(c->value);
    if (c != involved.back()) conflict.related.push_back({c->evidence.range, c->evidence.what});
  }
  fact.value = fmt::format("{}", fmt::join(values, " vs "));  // shown as candidates; rules never use it
  conflict.message = fmt::format(
      "the view mixes evidence of several clusters for {} ({}): rules that depend on it stay silent; "
      "split the view with `clusters:` or set the value in .netlint.yaml",
      name.description, fmt::join(values, " vs "));
  facts.conflicts.push_back(std::move(conflict));
}

Candidate from_setting(const model::ConfigDocument& doc, const model::Setting& s, int priority) {
  return Candidate{s.value.value,
                   {s.value.range, fmt::format("{} {}: {}", doc.display(), s.path, s.value.value)},
                   doc.owner.kind.value.empty() ? doc.display() : identity_of(doc.owner) + " " + doc.key.value,
                   priority};
}

// A flag of a control-plane container (static Pod manifests of kube-apiserver etc.).
void flag_candidates(const model::Model& m, std::string_view binary, std::string_view flag, int priority,
                     std::vector<Candidate>& out) {
  for (const model::PodSource& pod : m.pod_sources) {
    for (const model::Container& c : pod.containers) {
      const bool runs = std::any_of(c.command.begin(), c.command.end(),
                                    [&](const model::Text& w) { return w.value.find(binary) != std::string::npos; }) ||
                        image_repository(c.image.value).ends_with(binary);
      if (!runs) continue;
      if (auto v = flag_value(c, flag)) {
        out.push_back({v->value,
                       {v->range, fmt::format("{} --{}={}", pod.meta.display(), flag, v->value)},
                       identity_of(pod.meta),
                       priority});
      }
    }
  }
}

// kubeadm's extraArgs: a map (v1beta3) or a list of {name, value} (v1beta4).
void kubeadm_arg(const model::ConfigDocument& doc, std::string_view component, std::string_view flag, int priority,
                 std::vector<Candidate>& out) {
  const std::string base = fmt::format("{}.extraArgs", component);
  if (const model::Setting* s = doc.settings.find(base + "." + std::string(flag))) {
    out.push_back(from_setting(doc, *s, priority));
    return;
  }
  for (int i = 0; i < 256; ++i) {
    const model::Setting* name = doc.settings.find(fmt::format("{}[{}].name", base, i));
    if (name == nullptr) break;
    if (name->value.value != flag) continue;
    if (const model::Setting* value = doc.settings.find(fmt::format("{}[{}].value", base, i)))
      out.push_back(from_setting(doc, *value, priority));
  }
}

void choose_int(std::vector<Candidate> candidates, Fact<int>& fact, FactName name, ClusterFacts& facts) {
  Fact<std::string> text;
  choose(std::move(candidates), text, name, facts);
  fact.evidence = std::move(text.evidence);
  fact.state = text.state;
  if (text.usable()) {
    // Decimal within int32 (maxPods, node-cidr-mask-size are int32 in their configs): beyond it
    // the value is unknown rather than wrapped, as strtol's long cast to int did.
    if (const std::optional<std::int64_t> v = go_parse_int(text.value, 10, 32))
      fact.value = static_cast<int>(*v);
    else
      fact.state = State::kUnknown;
  }
}

}  // namespace netlint::facts
