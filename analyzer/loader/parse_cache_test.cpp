// The parse cache through the loader: a second load of the same texts parses nothing and builds
// the same model; an edited file alone is parsed again; what other files decide (kustomize
// namespaces and labels, skips) still applies to a reused parse; a moved FileId or another
// default namespace is a miss; files gone from the input leave the cache. The on-disk cache
// (loader/document_parses.h) the same way across runs: another FileId is a hit there (its
// parses name no file), a kustomize build's resources use it, a damaged entry is rewritten.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/loader/loader.h"
#include "analyzer/loader/parse_cache.h"
#include "analyzer/util/disk_cache.h"

namespace netlint {
namespace {

InputText input(std::string path, std::string text) {
  InputText in;
  in.path = std::move(path);
  in.text = std::move(text);
  return in;
}

std::string service(const std::string& name, const std::string& app) {
  return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\nspec:\n  selector: {app: " + app +
         "}\n  ports: [{port: 80}]\n";
}

std::vector<InputText> workspace(const std::string& edited_app = "a0") {
  std::vector<InputText> out;
  for (int i = 0; i < 5; ++i) {
    const std::string n = std::to_string(i);
    out.push_back(input("dir/f" + n + ".yaml",
                        service("svc-" + n, i == 0 ? edited_app : "a" + n) + "---\napiVersion: v1\nkind: [broken\n"));
  }
  return out;
}

// Everything a rule could read that the cache could get wrong: names, namespaces, labels,
// selectors, ranges, problems, counts.
std::string describe(const model::Model& m) {
  std::ostringstream os;
  os << "files=" << m.stats.files << " documents=" << m.stats.documents << "\n";
  for (const model::ObjectMeta& o : m.objects) {
    os << o.display() << " file=" << o.file << " at=" << o.name.range.begin << " labels=" << o.labels.size() << "\n";
  }
  for (const model::Service& s : m.services) {
    os << "service " << s.meta.display();
    for (const model::Label& l : s.selector)
      os << " " << l.key.value << "=" << l.value.value << "@" << l.value.range.file;
    os << "\n";
  }
  for (const model::InputProblem& p : m.problems)
    os << model::input_problem_kind_name(p.kind) << " " << p.range.file << ":" << p.range.begin << "\n";
  return os.str();
}

model::Model load(std::vector<InputText> inputs, ParseCache* cache, DiskCache* disk = nullptr) {
  LoadOptions options;
  options.cache = cache;
  options.disk_cache = disk;
  return load_inputs(std::move(inputs), options).model;
}

}  // namespace

TEST_CASE("parse cache: unchanged texts are not parsed again, and the model is the same") {
  ParseCache cache;
  const model::Model first = load(workspace(), &cache);
  CHECK(cache.last_load().misses == 5);
  CHECK(cache.last_load().hits == 0);
  const model::Model second = load(workspace(), &cache);
  CHECK(cache.last_load().misses == 0);
  CHECK(cache.last_load().hits == 5);
  CHECK(describe(second) == describe(first));
  CHECK(describe(second) == describe(load(workspace(), nullptr)));
  CHECK(first.problems.size() == 5);  // the broken document of each file, kept in the cache too
}

TEST_CASE("parse cache: an edited file alone is parsed again") {
  ParseCache cache;
  load(workspace(), &cache);
  const model::Model edited = load(workspace("renamed"), &cache);
  CHECK(cache.last_load().misses == 1);
  CHECK(cache.last_load().hits == 4);
  CHECK(describe(edited) == describe(load(workspace("renamed"), nullptr)));
  CHECK(describe(edited).find("app=renamed@0") != std::string::npos);
}

TEST_CASE("parse cache: a kustomize build bypasses it, and a kept parse carries no trace of a build") {
  ParseCache cache;
  std::vector<InputText> plain = workspace();
  load(std::move(plain), &cache);
  // Same texts, same FileIds (the kustomization comes last), now listed by a kustomization.
  std::vector<InputText> listed = workspace();
  listed.push_back(
      input("dir/kustomization.yaml", "namespace: shop\ncommonLabels: {team: t}\nresources: [f0.yaml, f1.yaml]\n"));
  std::vector<InputText> listed_again = workspace();
  listed_again.push_back(
      input("dir/kustomization.yaml", "namespace: shop\ncommonLabels: {team: t}\nresources: [f0.yaml, f1.yaml]\n"));
  const model::Model reused = load(std::move(listed), &cache);
  // The two listed files are resources of the build, parsed afresh for it (their trees go to the
  // build, never to the cache); the other three are inert beside the kustomization: not parsed.
  CHECK(cache.last_load().hits == 0);
  CHECK(cache.last_load().misses == 0);
  const model::Model fresh = load(std::move(listed_again), nullptr);
  CHECK(describe(reused) == describe(fresh));
  CHECK(describe(reused).find("shop/svc-0") != std::string::npos);
  CHECK(describe(reused).find("team=t") != std::string::npos);
  // And back: the kustomization gone, the reused parse has no trace of it.
  const model::Model unlisted = load(workspace(), &cache);
  CHECK(cache.last_load().misses == 5);  // the load before used none of them: dropped
  CHECK(describe(unlisted) == describe(load(workspace(), nullptr)));
  CHECK(describe(unlisted).find("team=t") == std::string::npos);
}

TEST_CASE("parse cache: another FileId or default namespace is a miss; files gone are dropped") {
  ParseCache cache;
  load(workspace(), &cache);
  CHECK(cache.size() == 5);
  std::vector<InputText> shifted = workspace();
  shifted.insert(shifted.begin(), input("dir/new.yaml", service("new", "n")));
  const model::Model moved = load(std::move(shifted), &cache);
  CHECK(cache.last_load().hits == 0);  // every FileId moved by one: ranges name the file
  std::vector<InputText> shifted_again = workspace();
  shifted_again.insert(shifted_again.begin(), input("dir/new.yaml", service("new", "n")));
  CHECK(describe(moved) == describe(load(std::move(shifted_again), nullptr)));
  std::vector<InputText> fewer = workspace();
  fewer.resize(2);
  fewer.insert(fewer.begin(), input("dir/new.yaml", service("new", "n")));
  load(std::move(fewer), &cache);
  CHECK(cache.last_load().hits == 3);
  CHECK(cache.size() == 3);

  ParseCache other;
  ParseKey key{"a.yaml", 0, "~", content_hash("x"), 1};
  other.store(key, std::make_shared<const ParsedFile>());
  CHECK(other.find(key) != nullptr);
  ParseKey namespaced = key;
  namespaced.default_namespace = "shop";
  CHECK(other.find(namespaced) == nullptr);
  ParseKey longer = key;
  longer.text_size = 2;
  CHECK(other.find(longer) == nullptr);
}

namespace {

struct CacheDir {
  std::filesystem::path path;
  CacheDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() /
           ("netlint-loader-disk-cache-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  }
  ~CacheDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::unique_ptr<DiskCache> open() const { return DiskCache::open(path.string(), "test", 1 << 30, false); }
};

}  // namespace

TEST_CASE("disk cache through the loader: a second run parses nothing and builds the same model") {
  CacheDir dir;
  const std::string uncached = describe(load(workspace(), nullptr));
  auto cold = dir.open();
  REQUIRE(cold != nullptr);
  CHECK(describe(load(workspace(), nullptr, cold.get())) == uncached);
  CHECK(cold->stats().written == 5);
  auto warm = dir.open();
  CHECK(describe(load(workspace(), nullptr, warm.get())) == uncached);
  CHECK(warm->stats().hits == 5);
  CHECK(warm->stats().written == 0);
  // A staged-file run has another file table: the parses are still found (they name no file).
  std::vector<InputText> shifted = workspace("renamed");
  shifted.insert(shifted.begin(), input("dir/new.yaml", service("new", "n")));
  std::vector<InputText> shifted_again = shifted;
  auto staged = dir.open();
  CHECK(describe(load(std::move(shifted), nullptr, staged.get())) == describe(load(std::move(shifted_again), nullptr)));
  CHECK(staged->stats().hits == 4);  // the edited file and the new one are parsed
  CHECK(staged->stats().written == 2);
}

TEST_CASE("disk cache through the loader: a kustomize build's resources and a damaged entry") {
  CacheDir dir;
  auto listed = [] {
    std::vector<InputText> in = workspace();
    in.push_back(
        input("dir/kustomization.yaml", "namespace: shop\ncommonLabels: {team: t}\nresources: [f0.yaml, f1.yaml]\n"));
    return in;
  };
  const std::string uncached = describe(load(listed(), nullptr));
  auto cold = dir.open();
  CHECK(describe(load(listed(), nullptr, cold.get())) == uncached);
  CHECK(cold->stats().written == 2);  // the build's two resources (the others are inert)
  auto warm = dir.open();
  CHECK(describe(load(listed(), nullptr, warm.get())) == uncached);
  CHECK(warm->stats().hits == 2);
  CHECK(uncached.find("team=t") != std::string::npos);

  // Damage one entry's payload and fix its checksum is impossible from here: truncate it instead.
  const std::string entry = warm->entry_path(workspace()[0].text);
  std::filesystem::resize_file(entry, std::filesystem::file_size(entry) - 3);
  auto damaged = dir.open();
  CHECK(describe(load(listed(), nullptr, damaged.get())) == uncached);
  CHECK(damaged->stats().rejected == 1);
  CHECK(damaged->stats().written == 1);  // written again
  auto repaired = dir.open();
  load(listed(), nullptr, repaired.get());
  CHECK(repaired->stats().hits == 2);

  // An entry whole on disk whose documents do not decode (not what this netlint writes): its
  // file is parsed and the entry replaced.
  repaired->store(workspace()[1].text, std::string("\x02\0\0\0junk", 8));
  auto foreign = dir.open();
  CHECK(describe(load(listed(), nullptr, foreign.get())) == uncached);
  CHECK(foreign->stats().hits == 2);
  CHECK(foreign->stats().written == 1);
  auto again = dir.open();
  load(listed(), nullptr, again.get());
  CHECK(again->stats().hits == 2);
  CHECK(again->stats().written == 0);
}

}  // namespace netlint

namespace netlint {

TEST_CASE("disk cache through the loader: a plain file keeps its extracted objects, a Corefile's its parses") {
  CacheDir dir;
  const std::string corefile_map =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns, namespace: kube-system}\ndata:\n"
      "  Corefile: |\n    .:53 {\n        forward . /etc/resolv.conf\n    }\n";
  const auto inputs = [&] {
    std::vector<InputText> in = workspace();
    in.push_back(input("dns/coredns.yaml", corefile_map));
    return in;
  };
  const std::string uncached = describe(load(inputs(), nullptr));
  auto cold = dir.open();
  CHECK(describe(load(inputs(), nullptr, cold.get())) == uncached);
  CHECK(cold->stats().written == 6);
  // The objects are stored in place of the parses (a warm run neither parses nor extracts), but
  // a Corefile (its AST is not encoded) keeps the parse entry.
  for (const InputText& plain : workspace()) CHECK_FALSE(cold->find(plain.text).has_value());
  CHECK(cold->find(corefile_map).has_value());
  auto warm = dir.open();
  CHECK(describe(load(inputs(), nullptr, warm.get())) == uncached);
  CHECK(warm->stats().hits == 6);
  CHECK(warm->stats().written == 0);
}

}  // namespace netlint
