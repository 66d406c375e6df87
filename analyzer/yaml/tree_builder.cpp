#include "analyzer/yaml/tree_builder.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>
#include <vector>

namespace netlint::yaml {
namespace {

// An istream over a string_view, so a document is parsed without copying it.
class ViewStreamBuf : public std::streambuf {
 public:
  explicit ViewStreamBuf(std::string_view text) {
    char* first = const_cast<char*>(text.data());  // read-only use: only the get area is set
    setg(first, first, first + text.size());
  }
};

ScalarStyle style_at(std::string_view text, std::uint32_t offset) {
  if (offset >= text.size()) return ScalarStyle::kPlain;
  switch (text[offset]) {
    case '\'': return ScalarStyle::kSingleQuoted;
    case '"': return ScalarStyle::kDoubleQuoted;
    case '|': return ScalarStyle::kLiteral;
    case '>': return ScalarStyle::kFolded;
    default: return ScalarStyle::kPlain;
  }
}

// yaml-cpp marks a node where its properties start (`&anchor !!tag value`); we want the value.
std::uint32_t skip_properties(std::string_view text, std::uint32_t offset) {
  while (offset < text.size() && (text[offset] == '&' || text[offset] == '!')) {
    while (offset < text.size() && text[offset] != ' ' && text[offset] != '\t' && text[offset] != '\n') ++offset;
    while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
  }
  return offset;
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(Tree& tree, std::string_view file_text, std::uint32_t base)
      : tree_(tree), text_(file_text), base_(base) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node node;
    node.kind = NodeKind::kNull;
    node.begin = skip_properties(text_, offset(mark));
    node.end = node.begin;
    for (std::string_view word : {"null", "Null", "NULL", "~"}) {
      if (text_.substr(node.begin, word.size()) == word) {
        node.end = node.begin + static_cast<std::uint32_t>(word.size());
        node.value = std::string(word);
        break;
      }
    }
    add(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node node;
    node.kind = NodeKind::kAlias;
    node.begin = offset(mark);
    node.end = node.begin;
    while (node.end < text_.size() && text_[node.end] != ' ' && text_[node.end] != '\n' &&
           text_[node.end] != ',' && text_[node.end] != ']' && text_[node.end] != '}') {
      ++node.end;
    }
    node.alias_target = anchor < anchors_.size() ? anchors_[anchor] : kNoNode;
    add(std::move(node), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node node;
    node.kind = NodeKind::kScalar;
    node.begin = skip_properties(text_, offset(mark));
    node.style = style_at(text_, node.begin);
    node.end = scalar_token_end(text_, node.begin, node.style, value);
    node.value = value;
    set_tag(node, tag);
    add(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(NodeKind::kSequence, mark, tag, anchor, style);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(NodeKind::kMap, mark, tag, anchor, style);
  }
  void OnMapEnd() override { close(); }

 private:
  std::uint32_t offset(const YAML::Mark& mark) const {
    return base_ + static_cast<std::uint32_t>(mark.pos < 0 ? 0 : mark.pos);
  }

  static void set_tag(Node& node, const std::string& tag) {
    // yaml-cpp reports "?" for an untagged plain node and "!" for an untagged quoted one.
    if (!tag.empty() && tag != "?" && tag != "!") {
      node.explicit_tag = true;
      node.tag = tag;
    }
  }

  NodeId add(Node node, YAML::anchor_t anchor) {
    const auto id = static_cast<NodeId>(tree_.nodes.size());
    tree_.nodes.push_back(std::move(node));
    if (anchor != 0) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNoNode);
      anchors_[anchor] = id;
    }
    if (open_.empty()) {
      tree_.root = id;
    } else {
      open_.back().children.push_back(id);
    }
    return id;
  }

  void open(NodeKind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    Node node;
    node.kind = kind;
    node.begin = skip_properties(text_, offset(mark));
    node.end = node.begin;
    node.flow = style == YAML::EmitterStyle::Flow;
    set_tag(node, tag);
    const NodeId id = add(std::move(node), anchor);
    open_.push_back(Frame{id, take_vector()});
  }

  void close() {
    Frame frame = std::move(open_.back());
    open_.pop_back();
    Node& node = tree_.nodes[frame.id];
    node.first_child = static_cast<std::uint32_t>(tree_.children.size());
    node.child_count = static_cast<std::uint32_t>(frame.children.size());
    tree_.children.insert(tree_.children.end(), frame.children.begin(), frame.children.end());
    if (!frame.children.empty()) {
      node.end = std::max(node.end, tree_.nodes[frame.children.back()].end);
    }
    frame.children.clear();
    spare_.push_back(std::move(frame.children));
  }

  std::vector<NodeId> take_vector() {
    if (spare_.empty()) return {};
    auto v = std::move(spare_.back());
    spare_.pop_back();
    return v;
  }

  struct Frame {
    NodeId id;
    std::vector<NodeId> children;
  };

  Tree& tree_;
  std::string_view text_;
  std::uint32_t base_;
  std::vector<Frame> open_;
  std::vector<std::vector<NodeId>> spare_;  // reused child lists: fewer allocations per node
  std::vector<NodeId> anchors_;
};

}  // namespace

std::uint32_t scalar_token_end(std::string_view text, std::uint32_t begin, ScalarStyle style,
                               std::string_view value) {
  const auto size = static_cast<std::uint32_t>(text.size());
  std::uint32_t i = begin;
  switch (style) {
    case ScalarStyle::kDoubleQuoted:
      for (++i; i < size; ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == '"') return i + 1;
      }
      return size;
    case ScalarStyle::kSingleQuoted:
      for (++i; i < size; ++i) {
        if (text[i] == '\'') {
          if (i + 1 < size && text[i + 1] == '\'') ++i;
          else return i + 1;
        }
      }
      return size;
    case ScalarStyle::kLiteral:
    case ScalarStyle::kFolded:
      while (i < size && text[i] != '\n' && text[i] != '\r') ++i;
      return i;
    case ScalarStyle::kPlain:
      if (text.substr(begin, value.size()) == value) return begin + static_cast<std::uint32_t>(value.size());
      // A multi-line plain scalar: its first line is the token's visible extent.
      while (i < size && text[i] != '\n' && text[i] != '\r' &&
             !(text[i] == '#' && i > begin && (text[i - 1] == ' ' || text[i - 1] == '\t'))) {
        ++i;
      }
      while (i > begin && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
      return i;
  }
  return begin;
}

ParseResult parse_document(std::string_view file_text, std::uint32_t begin, std::uint32_t end, FileId file) {
  ParseResult result;
  Tree tree;
  tree.file = file;
  ViewStreamBuf buffer(file_text.substr(begin, end - begin));
  std::istream stream(&buffer);
  try {
    YAML::Parser parser(stream);
    TreeBuilder builder(tree, file_text, begin);
    // A span holds one document; a second one (after `...`) would be a splitter bug, and is
    // still read into the same tree's node list but not made the root.
    parser.HandleNextDocument(builder);
  } catch (const YAML::DeepRecursion& e) {
    result.error = ParseError{begin + static_cast<std::uint32_t>(std::max(0, e.mark.pos)),
                              "document nested too deeply (more than 2000 levels)", true};
    return result;
  } catch (const YAML::Exception& e) {
    const std::uint32_t at = e.mark.is_null() ? begin : begin + static_cast<std::uint32_t>(std::max(0, e.mark.pos));
    result.error = ParseError{std::min(at, end), e.msg, false};
    return result;
  }
  if (tree.root != kNoNode) result.tree = std::move(tree);
  return result;
}

}  // namespace netlint::yaml
