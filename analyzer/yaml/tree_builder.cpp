#include "analyzer/yaml/tree_builder.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <unordered_map>
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
    case '\'':
      return ScalarStyle::kSingleQuoted;
    case '"':
      return ScalarStyle::kDoubleQuoted;
    case '|':
      return ScalarStyle::kLiteral;
    case '>':
      return ScalarStyle::kFolded;
    default:
      return ScalarStyle::kPlain;
  }
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_break(char c) {
  return c == '\n' || c == '\r';
}
// Anchor and alias names and tags end at white space or a flow indicator.
bool ends_name(char c) {
  return is_blank(c) || is_break(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// Skips blanks, line breaks and comments: from the end of one token to the start of the next.
std::uint32_t skip_to_content(std::string_view text, std::uint32_t offset) {
  while (offset < text.size()) {
    const char c = text[offset];
    if (is_blank(c) || is_break(c)) {
      ++offset;
    } else if (c == '#') {
      while (offset < text.size() && !is_break(text[offset])) ++offset;
    } else {
      break;
    }
  }
  return offset;
}

bool has_properties(std::string_view text, std::uint32_t offset) {
  return offset < text.size() && (text[offset] == '&' || text[offset] == '!');
}

// yaml-cpp marks a node where its properties start (`&anchor !!tag value`); we want the value.
// The value may sit on a later line (`base: &base` then an indented block mapping): with
// `cross_lines`, line breaks, indentation and comments after the properties are skipped too.
// Without it (an empty node), the result is the end of the last property.
std::uint32_t skip_properties(std::string_view text, std::uint32_t offset, bool cross_lines) {
  std::uint32_t after_last = offset;
  while (has_properties(text, offset)) {
    while (offset < text.size() && !ends_name(text[offset])) ++offset;
    after_last = offset;
    while (offset < text.size() && is_blank(text[offset])) ++offset;
  }
  if (offset < text.size() && !is_break(text[offset]) && text[offset] != '#') return offset;  // same line
  return cross_lines ? skip_to_content(text, offset) : after_last;
}

// Thrown from the event handler: yaml-cpp accepted input that is not valid YAML.
struct InvalidInput {
  std::uint32_t offset;
  std::string message;
};

class TreeBuilder final : public YAML::EventHandler {
 public:
  // `text` ends where the document ends, so no scan runs into the next document.
  TreeBuilder(Tree& tree, std::string_view text, std::uint32_t base) : tree_(tree), text_(text), base_(base) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node node;
    node.kind = NodeKind::kNull;
    const std::uint32_t at = offset(mark);
    node.begin = has_properties(text_, at) ? skip_properties(text_, at, false) : at;
    node.end = node.begin;
    if (!set_null_word(node) && !has_properties(text_, at)) {
      // An empty value (`key:`, `- `): yaml-cpp marks the next token, possibly lines below.
      node.begin = node.end = after_indicator(at);
    }
    add(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node node;
    node.kind = NodeKind::kAlias;
    node.begin = offset(mark);
    node.end = node.begin + 1;  // past the `*`
    while (node.end < text_.size() && !ends_name(text_[node.end])) ++node.end;
    node.alias_target = anchor < anchors_.size() ? anchors_[anchor] : kNoNode;
    // `&a {k: *a}`: the alias names a collection that is still open, so the node would contain
    // itself. kubectl's reader rejects that ("anchor 'a' value contains itself"); every walk
    // through it would recurse forever.
    if (node.alias_target != kNoNode && node.alias_target < still_open_.size() && still_open_[node.alias_target]) {
      throw InvalidInput{node.begin, "alias to an anchor whose node is still open: the node would contain itself"};
    }
    add(std::move(node), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node node;
    node.kind = NodeKind::kScalar;
    const std::uint32_t at = offset(mark);
    node.begin = at;
    if (has_properties(text_, at)) {
      // The value follows the properties on their line, or on a later one; but an empty plain
      // scalar with nothing after its properties (`key: !!str`) stays right after them, while
      // the next line belongs to the next node.
      const std::uint32_t on_line = skip_properties(text_, at, false);
      const std::uint32_t later = skip_properties(text_, at, true);
      const ScalarStyle later_style = style_at(text_, later);
      const bool empty_plain =
          value.empty() && later_style != ScalarStyle::kSingleQuoted && later_style != ScalarStyle::kDoubleQuoted;
      node.begin = empty_plain ? on_line : later;
    }
    node.style = style_at(text_, node.begin);
    node.end = scalar_token_end(text_, node.begin, node.style, value);
    if (node.style == ScalarStyle::kSingleQuoted || node.style == ScalarStyle::kDoubleQuoted) {
      // yaml-cpp 0.7 accepts a quoted scalar that runs into the end of the input when a line
      // break precedes it (and a document span always ends with one): reject it as yaml-cpp
      // does without the line break.
      const char quote = text_[node.begin];
      if (node.end <= node.begin + 1 || text_[node.end - 1] != quote || escaped_close(node)) {
        throw InvalidInput{node.begin, "illegal EOF in scalar"};
      }
    }
    node.value = value;
    set_tag(node, tag);
    if (node.tag == "tag:yaml.org,2002:null") {
      // `key: !!null`: yaml-cpp reports a tagged scalar, YAML (and kubectl) a null.
      node.kind = NodeKind::kNull;
      node.style = ScalarStyle::kPlain;
    }
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

  std::vector<ParseError> take_duplicates() { return std::move(duplicates_); }

  // Where the innermost collection still open starts (where nesting got too deep).
  std::optional<std::uint32_t> innermost_open() const {
    if (open_.empty()) return std::nullopt;
    return tree_.nodes[open_.back().id].begin;
  }

 private:
  // Inside the text: yaml-cpp's marks can run past the span on input it mis-reads (a NUL byte in
  // a comment was seen to put a scalar 11 bytes past the end), and every node range must stay in
  // its file.
  std::uint32_t offset(const YAML::Mark& mark) const {
    const std::uint64_t at = std::uint64_t{base_} + static_cast<std::uint64_t>(mark.pos < 0 ? 0 : mark.pos);
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(at, text_.size()));
  }

  static void set_tag(Node& node, const std::string& tag) {
    // yaml-cpp reports "?" for an untagged plain node and "!" for an untagged quoted one.
    if (!tag.empty() && tag != "?" && tag != "!") {
      node.explicit_tag = true;
      node.tag = tag;
    }
  }

  // `null`, `~`, ... at node.begin: the node spans the word.
  bool set_null_word(Node& node) const {
    for (std::string_view word : {"null", "Null", "NULL", "~"}) {
      if (text_.substr(node.begin, word.size()) == word) {
        node.end = node.begin + static_cast<std::uint32_t>(word.size());
        node.value = std::string(word);
        return true;
      }
    }
    return false;
  }

  // A double-quoted scalar whose last quote is escaped (`"abc\"` at the end of the input).
  bool escaped_close(const Node& node) const {
    if (node.style != ScalarStyle::kDoubleQuoted) return false;
    std::uint32_t backslashes = 0;
    for (std::uint32_t i = node.end - 1; i > node.begin + 1 && text_[i - 1] == '\\'; --i) ++backslashes;
    return backslashes % 2 == 1;
  }

  // For an empty node whose mark is the next token: the offset right after the `:`, `-` or `?`
  // indicator that introduced it, found by walking back over blanks, line breaks, blank lines and
  // comments. Falls back to `at` when the previous token is not an indicator.
  std::uint32_t after_indicator(std::uint32_t at) const {
    std::uint32_t p = at;
    while (true) {
      while (p > base_ && is_blank(text_[p - 1])) --p;
      if (p == base_ || !is_break(text_[p - 1])) break;
      std::uint32_t line_end = p - 1;  // the break ending the previous line
      if (text_[line_end] == '\n' && line_end > base_ && text_[line_end - 1] == '\r') --line_end;
      std::uint32_t line_start = line_end;
      while (line_start > base_ && !is_break(text_[line_start - 1])) --line_start;
      std::uint32_t content_end = line_start;
      for (std::uint32_t i = line_start; i < line_end; ++i) {
        if (text_[i] == '#' && (i == line_start || is_blank(text_[i - 1]))) break;  // a comment
        if (!is_blank(text_[i])) content_end = i + 1;
      }
      p = content_end;
      if (content_end != line_start) break;  // a line with content; else blank or comment only
    }
    if (p > base_ && (text_[p - 1] == ':' || text_[p - 1] == '-' || text_[p - 1] == '?')) return p;
    return at;
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
    node.begin = skip_properties(text_, offset(mark), true);
    node.end = node.begin;
    node.flow = style == YAML::EmitterStyle::Flow;
    set_tag(node, tag);
    const NodeId id = add(std::move(node), anchor);
    if (still_open_.size() <= id) still_open_.resize(id + 1, false);
    still_open_[id] = true;
    open_.push_back(Frame{id, take_vector()});
  }

  void close() {
    Frame frame = std::move(open_.back());
    open_.pop_back();
    still_open_[frame.id] = false;
    Node& node = tree_.nodes[frame.id];
    if (node.kind == NodeKind::kMap) {
      reject_collection_keys(frame.children);
      drop_duplicate_keys(frame.children);
    }
    node.first_child = static_cast<std::uint32_t>(tree_.children.size());
    node.child_count = static_cast<std::uint32_t>(frame.children.size());
    tree_.children.insert(tree_.children.end(), frame.children.begin(), frame.children.end());
    if (!frame.children.empty()) {
      node.end = std::max(node.end, tree_.nodes[frame.children.back()].end);
    }
    extend_to_closing_bracket(node);
    frame.children.clear();
    spare_.push_back(std::move(frame.children));
  }

  // YAML allows a mapping or a list as a mapping key; Kubernetes' YAML reader does not
  // ("invalid map key"), and yaml-cpp's acceptance turned `cell: {{cell}}` in templates into a
  // map-keyed map. Treat it as the parse error kubectl reports.
  void reject_collection_keys(const std::vector<NodeId>& children) const {
    for (std::size_t i = 0; i < children.size(); i += 2) {
      NodeId key = children[i];
      for (int hops = 0;
           hops < 64 && tree_.nodes[key].kind == NodeKind::kAlias && tree_.nodes[key].alias_target != kNoNode; ++hops) {
        key = tree_.nodes[key].alias_target;
      }
      const NodeKind kind = tree_.nodes[key].kind;
      if (kind == NodeKind::kMap || kind == NodeKind::kSequence) {
        throw InvalidInput{tree_.nodes[children[i]].begin, "invalid map key: a mapping key must be a string"};
      }
    }
  }

  // yaml-cpp keeps both entries of a key written twice, and lookups would take the first.
  // Lenient readers keep the last; kubectl's rejects the document ("mapping key already
  // defined"). The earlier entry is dropped and the later key recorded for NL0001. Merge keys
  // (`<<`) are exempt: they are not fields. Keys compare by value, as the readers do.
  bool is_field_key(NodeId id) const {
    const Node& key = tree_.nodes[id];
    return key.kind == NodeKind::kScalar && !(key.value == "<<" && key.style == ScalarStyle::kPlain);
  }

  // Most mappings are small and have no duplicate: a pairwise scan answers that without the hash
  // map (this runs for every mapping of every document).
  bool may_have_duplicates(const std::vector<NodeId>& children) const {
    if (children.size() > 32) return true;
    for (std::size_t i = 2; i < children.size(); i += 2) {
      if (!is_field_key(children[i])) continue;
      for (std::size_t j = 0; j < i; j += 2) {
        if (is_field_key(children[j]) && tree_.nodes[children[j]].value == tree_.nodes[children[i]].value) return true;
      }
    }
    return false;
  }

  void drop_duplicate_keys(std::vector<NodeId>& children) {
    if (children.size() < 4 || !may_have_duplicates(children)) return;
    seen_keys_.clear();
    std::vector<bool> dropped;
    for (std::size_t i = 0; i < children.size(); i += 2) {
      if (!is_field_key(children[i])) continue;
      const Node& key = tree_.nodes[children[i]];
      const auto [it, fresh] = seen_keys_.emplace(key.value, i);
      if (fresh) continue;
      if (dropped.empty()) dropped.resize(children.size() / 2, false);
      dropped[it->second / 2] = true;
      it->second = i;
      const std::string shown = key.value.size() > 80 ? key.value.substr(0, 80) + "..." : key.value;
      duplicates_.push_back(
          ParseError{key.begin, fmt::format("mapping key \"{}\" already defined", shown), false, key.end});
    }
    if (dropped.empty()) return;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < children.size(); i += 2) {
      if (dropped[i / 2]) continue;
      children[kept++] = children[i];
      children[kept++] = children[i + 1];
    }
    children.resize(kept);
  }

  // A flow collection written with brackets ends after its `}`/`]` (yaml-cpp gives no end mark).
  // A single-pair mapping inside a flow sequence (`[a: 1]`) is flow style without brackets.
  void extend_to_closing_bracket(Node& node) const {
    if (!node.flow || node.begin >= text_.size()) return;
    const char opener = text_[node.begin];
    if (opener != '{' && opener != '[') return;
    const char closer = opener == '{' ? '}' : ']';
    std::uint32_t i = std::max(node.end, node.begin + 1);
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == '#' && (is_blank(text_[i - 1]) || is_break(text_[i - 1]))) {
        while (i < text_.size() && !is_break(text_[i])) ++i;
        continue;
      }
      if (c == '}' || c == ']') {
        if (c == closer) node.end = i + 1;
        return;
      }
      ++i;
    }
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
  std::vector<bool> still_open_;  // by node: a collection whose end event has not come yet
  std::unordered_map<std::string_view, std::size_t> seen_keys_;  // key -> child index, reused by drop_duplicate_keys
  std::vector<ParseError> duplicates_;
};

}  // namespace

std::uint32_t scalar_token_end(std::string_view text, std::uint32_t begin, ScalarStyle style, std::string_view value) {
  const auto size = static_cast<std::uint32_t>(text.size());
  if (begin >= size) return size;
  std::uint32_t i = begin;
  switch (style) {
    case ScalarStyle::kDoubleQuoted:
      for (++i; i < size; ++i) {
        if (text[i] == '\\')
          ++i;
        else if (text[i] == '"')
          return i + 1;
      }
      return size;
    case ScalarStyle::kSingleQuoted:
      for (++i; i < size; ++i) {
        if (text[i] == '\'') {
          if (i + 1 < size && text[i + 1] == '\'')
            ++i;
          else
            return i + 1;
        }
      }
      return size;
    case ScalarStyle::kLiteral:
    case ScalarStyle::kFolded:
      // The header: the indicator and its indentation/chomping indicators (`|`, `>-`, `|2+`),
      // not a comment after them.
      for (++i; i < size && (text[i] == '+' || text[i] == '-' || (text[i] >= '0' && text[i] <= '9'));) ++i;
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
  end = std::min(end, static_cast<std::uint32_t>(file_text.size()));
  begin = std::min(begin, end);
  // yaml-cpp drops a byte-order mark from its positions: skip it here so marks stay file offsets.
  if (file_text.substr(begin, std::min<std::uint32_t>(3, end - begin)) == "\xEF\xBB\xBF") begin += 3;
  Tree tree;
  tree.file = file;
  ViewStreamBuf buffer(file_text.substr(begin, end - begin));
  std::istream stream(&buffer);
  // The builder sees the file only up to the document's end: offsets stay absolute, and no scan
  // for a closing quote or bracket runs into the next document.
  TreeBuilder builder(tree, file_text.substr(0, end), begin);
  try {
    YAML::Parser parser(stream);
    // A span holds one document; a second one (after `...`) would be a splitter bug, and is
    // still read into the same tree's node list but not made the root.
    parser.HandleNextDocument(builder);
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's mark is where its scanner stopped, usually the end of the input: point at the
    // innermost collection that was opened instead.
    const std::uint32_t at =
        builder.innermost_open().value_or(begin + static_cast<std::uint32_t>(std::max(0, e.mark.pos)));
    result.error =
        ParseError{std::min(at, end), "document nested too deeply (the parser allows at most 500 levels)", true};
    return result;
  } catch (const YAML::Exception& e) {
    const std::uint32_t at = e.mark.is_null() ? begin : begin + static_cast<std::uint32_t>(std::max(0, e.mark.pos));
    result.error = ParseError{std::min(at, end), e.msg, false};
    return result;
  } catch (const InvalidInput& e) {
    result.error = ParseError{e.offset, e.message, false};
    return result;
  }
  result.duplicate_keys = builder.take_duplicates();
  if (tree.root != kNoNode) result.tree = std::move(tree);
  return result;
}

}  // namespace netlint::yaml
