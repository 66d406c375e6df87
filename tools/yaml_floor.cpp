// netlint_yaml_floor: the YAML parsing floor that netlint is measured against (tools/bench).
//
// It does what netlint cannot avoid doing and nothing else: find the input files, read them,
// split each into documents exactly as netlint does (analyzer/yaml/document_splitter), and
// parse every document with yaml-cpp, threaded over files exactly as netlint is
// (netlint::parallel_for: an atomic index, one file at a time). Two modes:
//
//   --mode load     YAML::Load per document, then walk every node and read its Mark()
//                   (the cost of a YAML::Node tree; the floor named by the project's targets)
//   --mode events   YAML::Parser::HandleNextDocument with a handler that only reads each
//                   event's mark (the cost of yaml-cpp's scanner and parser alone; netlint's
//                   tree_builder sits on this API)
//
// Every mark read is folded into a checksum that is printed, so the compiler cannot drop the
// work. The checksum is a plain sum, independent of thread scheduling; on input without
// aliases both modes print the same checksum, which cross-checks the walk.
//
// Unlike netlint, each worker reads its own file and drops it after parsing: peak memory is
// that of the largest file and its parse, the memory floor. netlint's extra memory (it keeps
// every file's text for its reporters) is therefore part of the measured gap, on purpose.
//
// Usage: netlint_yaml_floor [--mode load|events] [-j N] PATH...
// Directories are walked recursively for *.yaml, *.yml and *.json (sorted, like netlint);
// files named directly are always read. Output, one line:
//   files=F documents=D nodes=N checksum=C errors=E
// Exit status: 0 on success, 1 when a file cannot be read or a document does not parse
// (the benchmark's numbers would not be comparable), 2 on a usage error.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "analyzer/util/parallel.h"
#include "analyzer/yaml/document_splitter.h"

namespace {
namespace fs = std::filesystem;

enum class Mode { kLoad, kEvents };

// What one file contributes. Each file has its own slot, so workers never share counters.
struct Counts {
  std::uint64_t documents = 0;
  std::uint64_t nodes = 0;
  std::uint64_t checksum = 0;
  std::uint64_t errors = 0;
};

// Folds one mark into the checksum (a sum, so the order of files and threads does not matter).
void touch(const YAML::Mark& mark, Counts& counts) {
  ++counts.nodes;
  counts.checksum += static_cast<std::uint64_t>(mark.pos) * 3u + static_cast<std::uint64_t>(mark.line) * 5u +
                     static_cast<std::uint64_t>(mark.column);
}

// An istream over a string_view, so a document is parsed without copying it (as netlint does).
class ViewStreamBuf : public std::streambuf {
 public:
  explicit ViewStreamBuf(std::string_view text) {
    char* first = const_cast<char*>(text.data());  // read-only use: only the get area is set
    setg(first, first, first + text.size());
  }
};

// --mode events: reads the mark of every node event and nothing else.
class MarkHandler final : public YAML::EventHandler {
 public:
  explicit MarkHandler(Counts& counts) : counts_(counts) {}
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { touch(mark, counts_); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { touch(mark, counts_); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
    touch(mark, counts_);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    touch(mark, counts_);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    touch(mark, counts_);
  }
  void OnMapEnd() override {}

 private:
  Counts& counts_;
};

// --mode load: every node of a YAML::Node tree, keys included, in document order.
// (An alias is walked again through its target; the benchmark's inputs have none.)
void walk(const YAML::Node& node, Counts& counts) {
  touch(node.Mark(), counts);
  if (node.IsSequence()) {
    for (const YAML::Node& child : node) walk(child, counts);
  } else if (node.IsMap()) {
    for (const auto& pair : node) {
      walk(pair.first, counts);
      walk(pair.second, counts);
    }
  }
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  in.seekg(0, std::ios::beg);
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), size);
  if (in.gcount() != size) return std::nullopt;
  return text;
}

void parse_file(const fs::path& path, Mode mode, Counts& counts) {
  const std::optional<std::string> text = read_file(path);
  if (!text) {
    std::cerr << "netlint_yaml_floor: cannot read " << path.string() << '\n';
    ++counts.errors;
    return;
  }
  const std::string_view view = *text;
  const std::uint32_t start = view.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // as netlint's loader
  for (const netlint::yaml::DocumentSpan& span : netlint::yaml::split_documents(view.substr(start), start)) {
    ++counts.documents;
    ViewStreamBuf buffer(view.substr(span.begin, span.end - span.begin));
    std::istream stream(&buffer);
    try {
      if (mode == Mode::kLoad) {
        const YAML::Node root = YAML::Load(stream);
        walk(root, counts);
      } else {
        YAML::Parser parser(stream);
        MarkHandler handler(counts);
        parser.HandleNextDocument(handler);
      }
    } catch (const YAML::Exception& e) {
      std::cerr << "netlint_yaml_floor: " << path.string() << ": document at byte " << span.begin << ": " << e.what()
                << '\n';
      ++counts.errors;
    }
  }
}

bool is_input_name(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

int usage(const char* message) {
  std::cerr << "netlint_yaml_floor: " << message << "\nusage: netlint_yaml_floor [--mode load|events] [-j N] PATH...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Mode mode = Mode::kLoad;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if ((arg == "--mode" || arg == "-j") && i + 1 >= argc) return usage("missing value");
    if (arg == "--mode") {
      const std::string_view value = argv[++i];
      if (value == "load")
        mode = Mode::kLoad;
      else if (value == "events")
        mode = Mode::kEvents;
      else
        return usage("--mode is load or events");
    } else if (arg == "-j") {
      const long value = std::strtol(argv[++i], nullptr, 10);
      if (value < 1 || value > 1024) return usage("-j takes 1..1024");
      jobs = static_cast<unsigned>(value);
    } else {
      paths.emplace_back(arg);
    }
  }
  if (paths.empty()) return usage("no paths");

  std::vector<fs::path> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && is_input_name(it->path())) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      files.emplace_back(p);
    } else {
      return usage(("no such file or directory: " + p).c_str());
    }
  }

  std::vector<Counts> per_file(files.size());
  netlint::parallel_for(files.size(), jobs, [&](std::size_t i) { parse_file(files[i], mode, per_file[i]); });

  Counts total;
  for (const Counts& c : per_file) {
    total.documents += c.documents;
    total.nodes += c.nodes;
    total.checksum += c.checksum;
    total.errors += c.errors;
  }
  std::cout << "files=" << files.size() << " documents=" << total.documents << " nodes=" << total.nodes
            << " checksum=" << total.checksum << " errors=" << total.errors << '\n';
  return total.errors == 0 ? 0 : 1;
}
