#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/corefile/corefile.h"

namespace netlint::corefile {
namespace {

std::uint32_t at(const std::string& text, const std::string& needle, std::size_t from = 0) {
  const auto p = text.find(needle, from);
  REQUIRE(p != std::string::npos);
  return static_cast<std::uint32_t>(p);
}

std::string texts(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out.append(" ");
    out.append(t.text);
  }
  return out;
}

std::string names(const std::vector<Directive>& dirs) {
  std::string out;
  for (const Directive& d : dirs) {
    if (!out.empty()) out.append(",");
    out.append(d.name.text);
  }
  return out;
}

std::string problems_of(const Corefile& cf) {
  std::ostringstream out;
  for (const ParseProblem& p : cf.problems) out << p.offset << ": " << p.message << "\n";
  return out.str();
}

// kubeadm's Corefile (knowledge/domain.md 1.4), one directive per line as in the real file,
// dnsDomain cluster.local; the `cache 30` line as shipped before kubeadm v1.32.
const std::string kKubeadm =
    ".:53 {\n"
    "    errors\n"
    "    health {\n"
    "       lameduck 5s\n"
    "    }\n"
    "    ready\n"
    "    kubernetes cluster.local in-addr.arpa ip6.arpa {\n"
    "       pods insecure\n"
    "       fallthrough in-addr.arpa ip6.arpa\n"
    "       ttl 30\n"
    "    }\n"
    "    prometheus :9153\n"
    "    forward . /etc/resolv.conf {\n"
    "       max_concurrent 1000\n"
    "    }\n"
    "    cache 30\n"
    "    loop\n"
    "    reload\n"
    "    loadbalance\n"
    "}\n";

TEST_CASE("corefile: kubeadm's default Corefile parses with the expected structure and offsets") {
  const Corefile cf = parse_corefile(kKubeadm);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 1);
  CHECK(cf.snippets.empty());
  const ServerBlock& b = cf.blocks[0];
  REQUIRE(b.keys.size() == 1);
  CHECK(b.keys[0].text == ".:53");
  CHECK(b.keys[0].begin == 0);
  CHECK(b.keys[0].end == 4);
  CHECK(b.has_braces);
  CHECK(b.begin == 0);
  CHECK(b.block_begin == 5);
  CHECK(b.block_end == kKubeadm.size() - 1);
  CHECK(b.end == kKubeadm.size() - 1);
  CHECK(names(b.directives) == "errors,health,ready,kubernetes,prometheus,forward,cache,loop,reload,loadbalance");
  REQUIRE(b.directives.size() == 10);

  const Directive& errors = b.directives[0];
  CHECK(errors.begin == at(kKubeadm, "errors"));
  CHECK(errors.end == errors.begin + 6);
  CHECK_FALSE(errors.has_block);

  const Directive& health = b.directives[1];
  CHECK(health.args.empty());
  CHECK(health.has_block);
  CHECK(health.block_begin == at(kKubeadm, "{", health.begin));
  CHECK(health.block_end == at(kKubeadm, "}", health.begin) + 1);
  CHECK(health.end == health.block_end);
  REQUIRE(health.block.size() == 1);
  CHECK(health.block[0].name.text == "lameduck");
  CHECK(texts(health.block[0].args) == "5s");
  CHECK(health.block[0].args[0].begin == at(kKubeadm, "5s"));
  CHECK(health.block[0].args[0].end == at(kKubeadm, "5s") + 2);

  const Directive& k8s = b.directives[3];
  CHECK(texts(k8s.args) == "cluster.local in-addr.arpa ip6.arpa");
  CHECK(k8s.args[0].begin == at(kKubeadm, "cluster.local"));
  REQUIRE(k8s.block.size() == 3);
  CHECK(k8s.block[0].name.text == "pods");
  CHECK(texts(k8s.block[0].args) == "insecure");
  CHECK(k8s.block[1].name.text == "fallthrough");
  CHECK(texts(k8s.block[1].args) == "in-addr.arpa ip6.arpa");
  CHECK(k8s.block[2].name.text == "ttl");
  CHECK(texts(k8s.block[2].args) == "30");
  CHECK(k8s.block[2].begin == at(kKubeadm, "ttl 30"));

  CHECK(texts(b.directives[4].args) == ":9153");
  const Directive& fwd = b.directives[5];
  CHECK(texts(fwd.args) == ". /etc/resolv.conf");
  REQUIRE(fwd.block.size() == 1);
  CHECK(fwd.block[0].name.text == "max_concurrent");
  CHECK(texts(fwd.block[0].args) == "1000");
  CHECK(texts(b.directives[6].args) == "30");
  CHECK_FALSE(b.directives[6].has_block);
  CHECK(b.directives[9].end == at(kKubeadm, "loadbalance") + 11);
}

TEST_CASE("corefile: the current kubeadm cache block and the one-line block form") {
  const std::string text =
      ".:53 {\n"
      "    health { lameduck 5s }\n"
      "    cache 30 {\n"
      "       disable success cluster.local\n"
      "       disable denial cluster.local\n"
      "    }\n"
      "}\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 1);
  REQUIRE(cf.blocks[0].directives.size() == 2);
  const Directive& health = cf.blocks[0].directives[0];
  REQUIRE(health.block.size() == 1);
  CHECK(health.block[0].name.text == "lameduck");
  CHECK(texts(health.block[0].args) == "5s");
  CHECK(health.block_end == at(text, "}") + 1);
  const Directive& cache = cf.blocks[0].directives[1];
  REQUIRE(cache.block.size() == 2);
  CHECK(texts(cache.block[1].args) == "denial cluster.local");
}

TEST_CASE("corefile: several server keys, schemes, and trailing commas across lines") {
  const std::string text =
      "example.org dns://.:53 tls://example.com:853,\n"
      "   grpc://b.org {\n"
      "  whoami\n"
      "}\n"
      "a.org, b.org,\n"
      "c.org\n"
      "{\n"
      "  log\n"
      "}\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 2);
  const ServerBlock& b0 = cf.blocks[0];
  CHECK(texts(b0.keys) == "example.org dns://.:53 tls://example.com:853 grpc://b.org");
  CHECK(b0.keys[2].begin == at(text, "tls://"));
  CHECK(b0.keys[2].end == at(text, ",\n"));  // the comma is not part of the key
  CHECK(b0.keys[3].begin == at(text, "grpc://"));
  CHECK(names(b0.directives) == "whoami");
  const ServerBlock& b1 = cf.blocks[1];
  CHECK(texts(b1.keys) == "a.org b.org c.org");  // `{` on its own line opens the block
  CHECK(b1.block_begin == at(text, "{\n  log"));
  CHECK(names(b1.directives) == "log");
  CHECK(b1.keys[0].end == at(text, "a.org") + 5);
}

TEST_CASE("corefile: a comma directly before '{' and a comma at the end are errors") {
  const std::string text = "a.org, {\n  log\n}\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) ==
        "7: "
        "Expected another address but had '{' - check for extra comma"
        "\n");
  REQUIRE(cf.blocks.size() == 1);
  CHECK(texts(cf.blocks[0].keys) == "a.org");

  const Corefile eof = parse_corefile("a.org,");
  CHECK(problems_of(eof) ==
        "6: "
        "Unexpected EOF"
        "\n");
}

TEST_CASE("corefile: `example.org{` glued to its brace is reported and parsed as a block") {
  const std::string text = "example.org{\n  whoami\n}\n";
  const Corefile cf = parse_corefile(text);
  REQUIRE(cf.problems.size() == 1);
  CHECK(cf.problems[0].offset == 11);
  CHECK(cf.problems[0].message.find("'example.org{' is one token") == 0);
  REQUIRE(cf.blocks.size() == 1);
  const ServerBlock& b = cf.blocks[0];
  REQUIRE(b.keys.size() == 1);
  CHECK(b.keys[0].text == "example.org");
  CHECK(b.keys[0].end == 11);
  CHECK(b.has_braces);
  CHECK(b.block_begin == 11);
  CHECK(b.block_end == text.size() - 1);
  CHECK(names(b.directives) == "whoami");
}

TEST_CASE("corefile: nested blocks and a '{' on the next line") {
  const std::string text =
      ". {\n"
      "  a x {\n"
      "    b y {\n"
      "      c z\n"
      "    }\n"
      "    d\n"
      "  }\n"
      "  forward . 1.1.1.1\n"
      "  {\n"
      "    max_fails 2\n"
      "  }\n"
      "}\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 1);
  const auto& dirs = cf.blocks[0].directives;
  CHECK(names(dirs) == "a,forward");
  REQUIRE(dirs.size() == 2);
  CHECK(names(dirs[0].block) == "b,d");
  REQUIRE(dirs[0].block.size() == 2);
  const Directive& b = dirs[0].block[0];
  CHECK(b.block_begin == at(text, "{", at(text, "b y")));
  REQUIRE(b.block.size() == 1);
  CHECK(b.block[0].name.text == "c");
  CHECK(b.block[0].name.begin == at(text, "c z"));
  CHECK(texts(b.block[0].args) == "z");
  CHECK(dirs[1].has_block);
  CHECK(dirs[1].block_begin == at(text, "{\n    max_fails"));
  CHECK(names(dirs[1].block) == "max_fails");
}

TEST_CASE("corefile: quoted tokens keep the opening quote's position; `\\\"` is the only escape") {
  const std::string text = ". {\n  template IN A \"a b\" \"say \\\"hi\\\" \\d\" \"\" \"x#y\"\n}\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 1);
  REQUIRE(cf.blocks[0].directives.size() == 1);
  const auto& args = cf.blocks[0].directives[0].args;
  REQUIRE(args.size() == 6);
  CHECK(args[2].text == "a b");
  CHECK(args[2].quoted);
  CHECK(args[2].begin == at(text, "\"a b\""));
  CHECK(args[2].end == at(text, "\"a b\"") + 5);
  CHECK(args[3].text == "say \"hi\" \\d");
  CHECK(args[4].text.empty());
  CHECK(args[4].quoted);
  CHECK(args[5].text == "x#y");  // `#` inside quotes is literal

  // A quote in the middle of a word is literal; a quoted token ends at its closing quote.
  const Corefile mid = parse_corefile(". {\n  a b\"c \"d\"e\n}\n");
  REQUIRE(mid.blocks.size() == 1);
  REQUIRE(mid.blocks[0].directives.size() == 1);
  CHECK(texts(mid.blocks[0].directives[0].args) == "b\"c d e");
}

TEST_CASE("corefile: a quoted token may span lines; the next line still starts a directive") {
  const std::string text = ". {\n  a \"x\ny\"\n  b\n}\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 1);
  CHECK(names(cf.blocks[0].directives) == "a,b");
  CHECK(cf.blocks[0].directives[0].args[0].text == "x\ny");
}

TEST_CASE("corefile: `#` starts a comment anywhere outside quotes, even inside a word") {
  const std::string text =
      "# header\n"
      ".:53 { # trailing\n"
      "  forward . 8.8.8.8#53 9.9.9.9\n"
      "  log#no space\n"
      "  #errors\n"
      "}\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 1);
  CHECK(cf.blocks[0].begin == at(text, ".:53"));
  const auto& dirs = cf.blocks[0].directives;
  CHECK(names(dirs) == "forward,log");
  REQUIRE(dirs.size() == 2);
  CHECK(texts(dirs[0].args) == ". 8.8.8.8");  // domain.md 1.1: `foo#bar` lexes as `foo`
  CHECK(dirs[0].args[1].end == at(text, "#53"));
  CHECK(dirs[1].args.empty());
  CHECK(dirs[1].end == at(text, "log") + 3);
}

TEST_CASE("corefile: environment and installer placeholders are ordinary tokens, flagged") {
  const std::string text =
      "{$ZONE}:53 {\n"
      "  bind __PILLAR__LOCAL__DNS__ {%IP%}\n"
      "  forward . __PILLAR__CLUSTER__DNS__ a{$X}b plain\n"
      "}\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 1);
  const ServerBlock& b = cf.blocks[0];
  REQUIRE(b.keys.size() == 1);
  CHECK(b.keys[0].text == "{$ZONE}:53");
  CHECK(b.keys[0].env_placeholder);
  REQUIRE(b.directives.size() == 2);
  const auto& bind = b.directives[0].args;
  REQUIRE(bind.size() == 2);
  CHECK(bind[0].installer_placeholder);
  CHECK_FALSE(bind[0].env_placeholder);
  CHECK(bind[0].begin == at(text, "__PILLAR__LOCAL"));
  CHECK(bind[1].text == "{%IP%}");
  CHECK(bind[1].env_placeholder);
  const auto& fwd = b.directives[1].args;
  REQUIRE(fwd.size() == 4);
  CHECK(fwd[1].installer_placeholder);
  CHECK(fwd[2].env_placeholder);
  CHECK_FALSE(fwd[3].env_placeholder);
  CHECK_FALSE(fwd[3].installer_placeholder);
}

TEST_CASE("corefile: snippets and import; the expansion splices earlier snippets") {
  const std::string text =
      "(common) {\n"
      "  errors\n"
      "  import inner\n"
      "}\n"
      "(inner) {\n"
      "  log\n"
      "}\n"
      "(loop1) {\n"
      "  import loop2\n"
      "}\n"
      "(loop2) {\n"
      "  import loop1\n"
      "}\n"
      ".:53 {\n"
      "  import common\n"
      "  import /etc/coredns/custom/*.server\n"
      "  import loop1\n"
      "  import later\n"
      "  cache 30\n"
      "}\n"
      "(later) {\n"
      "  whoami\n"
      "}\n"
      "import common\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.snippets.size() == 5);
  CHECK(cf.snippets[0].name == "common");
  CHECK(cf.snippets[0].key.text == "(common)");
  CHECK(cf.snippets[0].begin == 0);
  CHECK(cf.snippets[0].block_begin == 9);
  CHECK(cf.snippets[0].block_end == at(text, "}\n(inner)") + 1);
  CHECK(names(cf.snippets[0].directives) == "errors,import");
  REQUIRE(cf.blocks.size() == 1);
  const ServerBlock& b = cf.blocks[0];
  CHECK(names(b.directives) == "import,import,import,import,cache");
  REQUIRE(b.directives.size() == 5);
  CHECK(texts(b.directives[0].args) == "common");
  REQUIRE(cf.imports.size() == 1);
  CHECK(cf.imports[0].begin == at(text, "import common\n", at(text, "(later)")));

  const std::vector<Directive>& expanded = b.expanded;
  CHECK(names(expanded) == "errors,log,import,import,import,cache");
  REQUIRE(expanded.size() == 6);                   // loop1 -> loop2 -> loop1 stops at the cycle
  CHECK(expanded[0].begin == at(text, "errors"));  // positions stay those of the snippet
  CHECK(texts(expanded[2].args) == "/etc/coredns/custom/*.server");
  CHECK(texts(expanded[3].args) == "loop1");  // a cycle stays unexpanded
  CHECK(expanded[3].begin == at(text, "import loop1", at(text, "(loop2)")));
  CHECK(texts(expanded[4].args) == "later");  // defined after the import
}

TEST_CASE("corefile: imports inside plugin blocks are expanded; a self-import is reported") {
  const std::string text =
      "(opts) {\n  max_concurrent 1000\n  expire 10s\n}\n"
      "(self) {\n  import self\n}\n"
      ". {\n  forward . 1.1.1.1 {\n    import opts\n    max_fails 2\n  }\n}\n";
  const Corefile cf = parse_corefile(text);
  REQUIRE(cf.problems.size() == 1);
  CHECK(cf.problems[0].offset == at(text, "import self"));
  CHECK(cf.problems[0].message == "maximum snippet import depth (1000) exceeded (snippet 'self' imports itself)");
  REQUIRE(cf.blocks.size() == 1);
  const std::vector<Directive>& expanded = cf.blocks[0].expanded;
  REQUIRE(expanded.size() == 1);
  CHECK(expanded[0].has_block);
  CHECK(names(expanded[0].block) == "max_concurrent,expire,max_fails");
  CHECK(expanded[0].block[0].begin == at(text, "max_concurrent"));
  CHECK(names(cf.blocks[0].directives[0].block) == "import,max_fails");  // the AST is unchanged
}

// Issue 16 item 4: `(s0)` of 10,000 directives, `(s1)` of 9,999 `import s0`: 200 KB of text
// that splices 10^8 directives (the old expansion took minutes and gigabytes, then bad_alloc).
std::string snippet_bomb() {
  std::string text = "(s0) {\n";
  for (int i = 0; i < 10000; ++i) text += "  log\n";
  text += "}\n(s1) {\n";
  for (int i = 0; i < 9999; ++i) text += "  import s0\n";
  text += "}\n";
  return text;
}

TEST_CASE("corefile: snippet imports stop splicing past 100,000 directives and say where") {
  const std::string text = snippet_bomb() + ".:53 {\n  import s1\n  cache 30\n}\n.:54 {\n  import s0\n  whoami\n}\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 2);
  // Ten imports of s0 fill the budget exactly; the eleventh crosses it and stays as written.
  std::uint32_t eleventh = at(text, "(s1)");
  for (int i = 0; i < 11; ++i) eleventh = at(text, "import s0", eleventh + 1);
  REQUIRE(cf.expansion_problems.size() == 1);
  const ExpansionProblem& p = cf.expansion_problems[0];
  CHECK(p.begin == eleventh);
  CHECK(p.end == eleventh + 9);
  CHECK(p.outer_begin == at(text, "import s1\n  cache"));
  CHECK(p.outer_end == p.outer_begin + 9);
  CHECK(p.message ==
        "import s0 expands past 100000 directives spliced from snippets (through import s1); no further snippet is "
        "spliced in this Corefile, so what it would bring in is not checked");
  const std::vector<Directive>& first = cf.blocks[0].expanded;
  REQUIRE(first.size() == kMaxSplicedDirectives + 2);
  CHECK(first[kMaxSplicedDirectives - 1].name.text == "log");
  CHECK(first[kMaxSplicedDirectives].name.text == "import");  // the crossing import
  CHECK(first[kMaxSplicedDirectives].begin == eleventh);
  CHECK(first.back().name.text == "cache");  // the rest of the block is still read
  // The budget is the Corefile's: the next block keeps its import and its own directives.
  CHECK(names(cf.blocks[1].expanded) == "import,whoami");
}

TEST_CASE("corefile: a few lines of nested snippets reach the bound at the innermost import") {
  // s0 has twenty directives and each next snippet imports the one before ten times: s4 would
  // be 200,000 (in 11,111 imports, past Caddy's 10,000 expansions, but the directive bound
  // comes first). Its sixth `import s3` runs past 100,000 at the first `import s0` of s1.
  std::string text = "(s0) {\n";
  for (int i = 0; i < 20; ++i) text += "  log\n";
  text += "}\n";
  for (int level = 1; level <= 4; ++level) {
    text += "(s" + std::to_string(level) + ") {\n";
    for (int i = 0; i < 10; ++i) text += "  import s" + std::to_string(level - 1) + "\n";
    text += "}\n";
  }
  text += ". {\n  forward . 10.0.0.1 {\n    import s4\n  }\n  errors\n}\n";
  const Corefile cf = parse_corefile(text);
  REQUIRE(cf.expansion_problems.size() == 1);
  const ExpansionProblem& p = cf.expansion_problems[0];
  CHECK(p.begin == at(text, "import s0"));  // the first line of s1
  CHECK(p.outer_begin == at(text, "import s4"));
  CHECK(p.message.starts_with("import s0 expands past 100000 directives spliced from snippets (through import s4);"));
  REQUIRE(cf.blocks.size() == 1);
  const std::vector<Directive>& expanded = cf.blocks[0].expanded;
  CHECK(names(expanded) == "forward,errors");
  REQUIRE(expanded[0].block.size() == kMaxSplicedDirectives + 1);  // spliced inside the plugin block
  CHECK(expanded[0].block.back().name.text == "import");
}

TEST_CASE("corefile: long lines of arguments reach the byte bound") {
  // Few directives, but each carries 2,000 arguments: the directive count alone would let
  // 10,000 copies (20 million tokens) through.
  std::string text = "(wide) {\n  log";
  for (int i = 0; i < 2000; ++i) text += " x";
  text += "\n}\n(many) {\n";
  for (int i = 0; i < 10000; ++i) text += "  import wide\n";
  text += "}\n. {\n  import many\n}\n";
  const Corefile cf = parse_corefile(text);
  REQUIRE(cf.expansion_problems.size() == 1);
  CHECK(cf.expansion_problems[0].message.starts_with(
      "import wide expands past 32 MiB of names and arguments spliced from snippets (through import many);"));
  REQUIRE(cf.blocks.size() == 1);
  std::size_t tokens = 0;
  for (const Directive& d : cf.blocks[0].expanded) tokens += 1 + d.args.size();
  CHECK(tokens * sizeof(Token) <= kMaxSplicedBytes + 2002 * sizeof(Token));
}

TEST_CASE("corefile: import arity, snippet redeclaration and a snippet without braces") {
  const std::string text =
      "(s) {\n  log\n}\n"
      "(s) {\n  errors\n}\n"
      ". {\n  import\n  import a b\n  import \"\"\n}\n";
  const Corefile cf = parse_corefile(text);
  REQUIRE(cf.problems.size() == 4);
  CHECK(cf.problems[0].offset == at(text, "(s)", 1));
  CHECK(cf.problems[0].message == "redeclaration of previously declared snippet s");
  CHECK(cf.problems[1].offset == at(text, "import\n"));
  CHECK(cf.problems[1].message == "Wrong argument count or unexpected line ending after 'import'");
  CHECK(cf.problems[2].offset == at(text, "b\n"));
  CHECK(cf.problems[2].message == "Import takes only one argument (glob pattern or file)");
  CHECK(cf.problems[3].offset == at(text, "\"\""));
  CHECK(cf.problems[3].message == "Import requires a non-empty filepath");
  CHECK(cf.snippets.size() == 1);

  const Corefile nobrace = parse_corefile("(s)\nlog\n");
  CHECK(problems_of(nobrace) ==
        "4: "
        "Syntax error: Unexpected token 'log', expecting '{'"
        "\n");
}

TEST_CASE("corefile: CRLF line endings and a BOM") {
  const std::string text = "\xEF\xBB\xBF.:53 {\r\n  errors\r\n  cache 30\r\n}\r\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 1);
  const ServerBlock& b = cf.blocks[0];
  REQUIRE(b.keys.size() == 1);
  CHECK(b.keys[0].text == ".:53");
  CHECK(b.keys[0].begin == 3);
  CHECK(names(b.directives) == "errors,cache");
  REQUIRE(b.directives.size() == 2);
  CHECK(b.directives[0].end == at(text, "errors") + 6);  // the `\r` is not part of the token
  CHECK(texts(b.directives[1].args) == "30");
  CHECK(b.directives[1].args[0].end == at(text, "30") + 2);
}

TEST_CASE("corefile: the single-server form lists directives without braces") {
  const std::string text = ".:1053\nwhoami\nlog\n";
  const Corefile cf = parse_corefile(text);
  CHECK(problems_of(cf) == "");
  REQUIRE(cf.blocks.size() == 1);
  CHECK_FALSE(cf.blocks[0].has_braces);
  CHECK(names(cf.blocks[0].directives) == "whoami,log");
  CHECK(cf.blocks[0].end == text.size() - 1);
}

TEST_CASE("corefile: an unclosed '{' is Unexpected EOF at the brace") {
  const std::string text = ".:53 {\n  errors\n  health {\n    lameduck 5s\n";
  const Corefile cf = parse_corefile(text);
  REQUIRE(cf.problems.size() == 2);
  CHECK(cf.problems[0].offset == at(text, "{\n    lameduck"));
  CHECK(cf.problems[0].message == "Unexpected EOF: no '}' closes this '{'");
  CHECK(cf.problems[1].offset == 5);
  REQUIRE(cf.blocks.size() == 1);
  const ServerBlock& b = cf.blocks[0];
  CHECK(b.block_end == text.size());
  REQUIRE(b.directives.size() == 2);
  CHECK(b.directives[1].block_end == text.size());
  CHECK(names(b.directives[1].block) == "lameduck");
}

TEST_CASE("corefile: a stray '}' is reported where it stands") {
  const std::string text = ".:53 {\n  errors\n}\n}\nb.org {\n  log }\n}\n";
  const Corefile cf = parse_corefile(text);
  REQUIRE(cf.problems.size() == 3);
  CHECK(cf.problems[0].offset == 18);
  CHECK(cf.problems[0].message == "Unexpected '}' because no matching opening brace");
  CHECK(cf.problems[1].offset == at(text, "log }") + 4);  // `}` after a directive on its line
  CHECK(cf.problems[1].message == "Unexpected '}' because no matching opening brace");
  // That `}` closes b.org's block, so the last one is stray too.
  CHECK(cf.problems[2].offset == text.size() - 2);
  REQUIRE(cf.blocks.size() == 2);
  CHECK(names(cf.blocks[1].directives) == "log");
}

TEST_CASE("corefile: an unterminated quote is reported at the opening quote") {
  const std::string text = ". {\n  template \"abc\n}\n";
  const Corefile cf = parse_corefile(text);
  REQUIRE(cf.problems.size() >= 1);
  CHECK(cf.problems[0].offset == at(text, "\""));
  CHECK(cf.problems[0].message == "Unexpected EOF: unterminated quoted string");
  REQUIRE(cf.blocks.size() == 1);
  REQUIRE(cf.blocks[0].directives.size() == 1);
  CHECK(cf.blocks[0].directives[0].args[0].end == text.size());
}

TEST_CASE("corefile: a line outside any block after the first server block") {
  const std::string text = ".:53 {\n  errors\n}\nlog\nb.org {\n}\n";
  const Corefile cf = parse_corefile(text);
  REQUIRE(cf.problems.size() == 1);
  CHECK(cf.problems[0].offset == at(text, "log"));
  CHECK(cf.problems[0].message == "Directive 'log' outside a server block (expecting '{' after server addresses)");
  CHECK(cf.blocks.size() == 2);
}

TEST_CASE("corefile: deep nesting is bounded") {
  std::string text = ". {\n";
  for (int i = 0; i < 5000; ++i) text.append("a {\n");
  const Corefile cf = parse_corefile(text);
  CHECK_FALSE(cf.problems.empty());
  REQUIRE(cf.blocks.size() == 1);
}

TEST_CASE("corefile: every prefix and seeded random mutations parse without crashing, as files and as fragments") {
  std::string base = kKubeadm;
  base.append("(snip) {\n  log \"q\\\"x\"\n}\nexample.org{\n  import snip\n  # c\r\n}\n{$E}:53 {\n}\n");
  std::size_t parsed = 0;
  for (std::size_t n = 0; n <= base.size(); ++n) {
    const Corefile cf = parse_corefile(std::string_view(base).substr(0, n));
    CHECK(cf.expansion_problems.empty());
    const Corefile fragment = parse_corefile_fragment(std::string_view(base).substr(0, n));
    CHECK(fragment.blocks.size() == 1);
    ++parsed;
  }
  std::mt19937 rng(20261123);
  const std::string alphabet = "{}\"\\#\n\r ,()$%_a.:\t";
  for (int round = 0; round < 3000; ++round) {
    std::string text = base;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e) {
      const std::size_t pos = rng() % (text.size() + 1);
      const auto kind = static_cast<unsigned>(rng() % 3);
      const char c = (rng() % 2 == 0) ? alphabet[rng() % alphabet.size()] : static_cast<char>(rng() % 256);
      if (kind == 0 && pos < text.size()) {
        text[pos] = c;
      } else if (kind == 1) {
        text.insert(pos, 1, c);
      } else if (pos < text.size()) {
        text.erase(pos, 1);
      }
    }
    const Corefile cf = parse_corefile(text);
    CHECK(cf.expansion_problems.empty());
    for (const ParseProblem& p : cf.problems) CHECK(p.offset <= text.size());
    const Corefile fragment = parse_corefile_fragment(text);
    for (const ParseProblem& p : fragment.problems) CHECK(p.offset <= text.size());
    ++parsed;
  }
  CHECK(parsed == base.size() + 1 + 3000);
}

TEST_CASE("corefile: a sed template's insertion point after the closing brace") {
  // coredns/deployment's coredns.yaml.sed: deploy.sh replaces STUBDOMAINS with more server
  // blocks (or nothing); the template itself must parse.
  const Corefile c = parse_corefile(
      ".:53 {\n    kubernetes CLUSTER_DOMAIN REVERSE_CIDRS\n    forward . UPSTREAMNAMESERVER\n}STUBDOMAINS\n");
  CHECK(c.problems.empty());
  REQUIRE(c.blocks.size() == 1);
  CHECK(c.blocks[0].directives.size() == 2);
  // Lower case after the brace is no placeholder: CoreDNS's own reading stands.
  CHECK_FALSE(parse_corefile(".:53 {\n    errors\n}stubs\n").problems.empty());
}

}  // namespace
TEST_CASE("corefile: a fragment is directives only, as an import splices them") {
  const std::string text = "log\nforward . 10.0.0.10 {\n  max_fails 2\n}\ncache 30\n";
  const Corefile cf = parse_corefile_fragment(text);
  CHECK(cf.problems.empty());
  REQUIRE(cf.blocks.size() == 1);
  CHECK(cf.blocks[0].keys.empty());
  CHECK_FALSE(cf.blocks[0].has_braces);
  REQUIRE(cf.blocks[0].directives.size() == 3);
  CHECK(cf.blocks[0].directives[1].block.size() == 1);
  CHECK(cf.blocks[0].directives[2].name.text == "cache");
  // As a whole Corefile the same text reads `log` as a server address.
  CHECK(parse_corefile(text).blocks[0].keys.size() == 1);
  CHECK(parse_corefile_fragment("").blocks[0].directives.empty());
  const Corefile stray = parse_corefile_fragment("errors\n}\nlog\n");
  REQUIRE(stray.problems.size() == 1);
  CHECK(stray.blocks[0].directives.size() == 2);  // the rest is still read
}

}  // namespace netlint::corefile
