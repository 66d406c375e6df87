#!/usr/bin/env python3
"""The layer check (issue 17 item 5): every `#include "analyzer/<layer>/..."` or `"rules/..."`
in a source file must point at its own layer or a lower one, so the layers only point down.
The includes alone miss a forward declaration (`namespace netlint::facts { struct X; }` in the
model) and a name reached through another header, so the code (comments and string literals
stripped) must also not name a higher layer's C++ namespace (`facts::`, `namespace netlint::facts`).
Rule codes belong to the engine and above: a string literal "NL" + 4 digits in code below the
engine (model, loader, ...) fails too; those layers record what they found by kind
(model::InputProblemKind) and rules/ maps kinds to codes. Comments may name codes (they explain
which rule reads a value).
Test files (`*_test.cpp`) sit above everything and are not checked: a test may build whatever
its layer's code is used with, and name the findings it expects. Prints each back-edge with the
file and line; exit 1 when there is one.

The order, lowest first (each layer may include those before it):
  util       strings, CIDRs, UTF-8, JSON writing, threads: no netlint types
  source     files, inputs, positions, the walker
  yaml       the YAML tree and document splitting
  diag       findings and did-you-mean
  corefile   the Corefile grammar
  model      the typed objects extracted from YAML
  config     .netlint.yaml, validated and read once into typed settings (facts apply `cluster:`)
  index      label, reference and namespace indexes over the model
  facts      cluster facts derived from the model and the config's `cluster:` settings
  netpol     the NetworkPolicy evaluator
  kustomize  kustomize builds on YAML trees (resources, patches, transformers)
  loader     inputs -> views (models with facts)
  engine     rules, runs, suppressions, baselines
  report     output formats
  rules      the rule catalog
  pipeline   texts to findings: the rule selection and analyze(), which everything above runs
  testing    the fixture runner and CLI test helpers
  cli        the commands: the config found, the inputs walked, the reports written
  lsp        the language server (the cli layer's analysis on open buffers)
  app        main(): the command line parsed, a command run (top)
"""
import os
import re
import sys

ORDER = ["util", "source", "yaml", "diag", "corefile", "model", "config", "index", "facts", "netpol",
         "kustomize", "loader", "engine", "report", "rules", "pipeline", "testing", "cli", "lsp",
         "app"]
RANK = {layer: i for i, layer in enumerate(ORDER)}
INCLUDE = re.compile(r'^\s*#\s*include\s+"(analyzer/([a-z_]+)/|rules/)')
# The C++ namespace of each layer that has one (source, loader and app use netlint's own).
NAMESPACE_LAYER = {layer: layer for layer in ORDER if layer not in ("source", "loader", "app")}
NAMESPACE_LAYER["utf"] = "util"
# Comments: blanked before looking for rule codes, so prose may say which rule reads a value.
COMMENTS = re.compile(r'//[^\n]*|/\*.*?\*/', re.S)
# Comments, raw strings, string and character literals: blanked (newlines kept) before looking
# for namespace names, so prose and messages may say "rules::" or "facts".
NOT_CODE = re.compile(COMMENTS.pattern + r'|R"([^(]*)\(.*?\)\1"|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
# `facts::x`, `netlint::facts::x` (not `lb::facts::`), or `namespace netlint::facts` / `namespace facts`.
NAMESPACE_USE = re.compile(r'(?<![\w:])(?:netlint::)?([a-z_]+)::|\bnamespace\s+(?:netlint::)?([a-z_]+)\b')


def blanked(pattern, text):
    """`text` with what `pattern` matches removed, newlines kept (so line numbers stay)."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", "", m.group(0)), text)


def namespace_back_edges(path, own, text):
    found = []
    for number, line in enumerate(blanked(NOT_CODE, text).split("\n"), 1):
        for m in NAMESPACE_USE.finditer(line):
            target = NAMESPACE_LAYER.get(m.group(1) or m.group(2))
            if target is not None and RANK[target] > RANK[own]:
                found.append(f"{path}:{number}: {own} names {target}'s namespace, a higher layer: {line.strip()}")
    return found


RULE_CODE = re.compile(r'"NL[0-9]{4}"')


def rule_code_literals(path, own, text):
    if RANK[own] >= RANK["engine"]:
        return []
    # Only comments blanked: a code is a string literal, which is what this looks for.
    code = blanked(COMMENTS, text)
    return [f"{path}:{number}: {own} spells a rule code, which only the engine and above may: {line.strip()}"
            for number, line in enumerate(code.split("\n"), 1) if RULE_CODE.search(line)]


def layer_of(path):
    parts = path.split(os.sep)
    if parts[0] == "rules":
        return "rules"
    if parts[0] == "analyzer" and len(parts) > 2:
        return parts[1]
    return None


def checked_sources():
    """(path, text) of every source file the checks read: analyzer/ and rules/ .h and .cpp files
    below the current folder, tests (`*_test.cpp`) left out."""
    for top in ("analyzer", "rules"):
        for folder, _, files in os.walk(top):
            for name in sorted(files):
                if not name.endswith((".h", ".cpp")) or name.endswith("_test.cpp"):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    yield path, f.read()


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    os.chdir(root)
    problems = []
    unknown = set()
    for path, text in checked_sources():
        own = layer_of(path)
        if own not in RANK:
            unknown.add(own)
            continue
        problems.extend(namespace_back_edges(path, own, text))
        problems.extend(rule_code_literals(path, own, text))
        for number, line in enumerate(text.split("\n"), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = "rules" if m.group(1) == "rules/" else m.group(2)
            if target not in RANK:
                unknown.add(target)
            elif RANK[target] > RANK[own]:
                problems.append(f"{path}:{number}: {own} includes {target}, a higher layer: {line.strip()}")
    for layer in sorted(x for x in unknown if x):
        problems.append(f"layer '{layer}' is not in tools/check_layers.py ORDER: place it")
    for p in problems:
        print(p)
    print(f"layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
