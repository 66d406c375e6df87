#!/usr/bin/env python3
"""Independent counts of one corpus project folder: files, documents and objects per kind.

    python3 tools/corpus_counts.py DIR [--per-file]

Walks DIR, selects and skips files, splits each file into YAML documents and parses every
document with PyYAML's yaml.safe_load (YAML 1.1, like kubectl's reader). It follows the input
rules of ../shared/RULES.md ("Inputs") and never runs netlint: tools/corpus_test.py compares
these numbers with netlint's summary line, so the pinned numbers are provably an independent
count.

Rules applied (RULES.md "Inputs"):
  * selected: *.yaml, *.yml, *.json; files named Corefile, Corefile.*, *.Corefile; *.conflist
    and *.conf under a net.d/ folder (relative to DIR). Directories .git and node_modules are
    not entered; directory symlinks are not followed.
  * file-level skips (not counted as files): Helm chart files (Chart.yaml, Chart.yml,
    values.yaml, values.yml, values.schema.json) -> helm-chart; kustomization.yaml,
    kustomization.yml, Kustomization, and the files kustomizations name as patches -> kustomize; files beside a
    kustomization that no kustomization names -> inert; files under <chart>/templates/ where
    <chart>/Chart.yaml is selected -> template; files holding a NUL byte -> binary. Before
    all of these, negative fixtures (RULES.md "Negative fixtures"): a file whose base name or a
    folder below DIR has `invalid`, `malformed` or `bad` as its first `-`/`_`/`.`-delimited token
    (any case) -> negative-fixture, never read.
  * documents: the file (after a UTF-8 byte-order mark) is split at column-0 `---` and `...`
    lines; a chunk is a document when it holds anything besides blank lines, comments, `%`
    directives and the `---` marker itself.
  * objects: a document that is a mapping with a string apiVersion and a string kind. Groups
    kustomize.config.k8s.io, config.kubernetes.io and kpt.dev -> skipped (kustomize).
    `kind: List`, and any `*List` kind with an `items` list, contributes its items that are
    mappings with a string kind (counted under the item's kind), never itself.
  * a document that does not parse: a template skip when its text holds `{{`, a fill-in-template
    skip when the line PyYAML marks (or the one before) holds `key: <...>` or `- <...>`, a parse error
    (netlint reports NL0001) when its text holds both an apiVersion and a kind key, else a
    not-kubernetes skip. A document that parses to anything without a string apiVersion and
    kind is a not-kubernetes skip; an empty (null) document is counted but neither an object
    nor a skip.

Output: one JSON object on stdout (see `counts()` for the keys). Importable: corpus_test.py
calls counts() and file_outcome().
"""

import argparse
import json
import os
import re
import sys
from collections import Counter

import yaml

HELM_FILES = {"Chart.yaml", "Chart.yml", "values.yaml", "values.yml", "values.schema.json"}
KUSTOMIZE_FILES = {"kustomization.yaml", "kustomization.yml", "Kustomization"}
SKIPPED_GROUPS = ("kustomize.config.k8s.io", "config.kubernetes.io", "kpt.dev")
SKIPPED_DIRS = {".git", "node_modules"}


def selected(relative):
    """Whether a file (path relative to the walked folder, '/'-separated) is an input."""
    name = relative.rsplit("/", 1)[-1]
    if name.endswith((".yaml", ".yml", ".json")):
        return True
    if name == "Corefile" or name.startswith("Corefile.") or name.endswith(".Corefile"):
        return True
    in_net_d = relative.startswith("net.d/") or "/net.d/" in relative
    return in_net_d and name.endswith((".conflist", ".conf"))


def walk(root):
    """Selected files under root, as sorted '/'-separated paths relative to root."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            if not os.path.isfile(full):
                continue
            relative = os.path.relpath(full, root).replace(os.sep, "/")
            if selected(relative):
                found.append(relative)
    return sorted(found, key=lambda p: p.split("/"))


def kustomize_patches(root, files):
    """Files that kustomizations name as patches (patchesStrategicMerge, patches[].path,
    patchesJson6902[].path): partial objects that RULES.md keeps out of the model."""
    return kustomize_reads(root, files)[0]


def kustomize_reads(root, files):
    """(patches, inert): the files kustomizations name as patches, and the inert files (RULES.md
    "Kustomize", Inert files): in a folder holding a kustomization, named by no kustomization as
    a resource, base, component, patch or generator source."""
    patches = set()
    named = set()
    folders = set()
    for relative in files:
        if relative.rsplit("/", 1)[-1] not in KUSTOMIZE_FILES:
            continue
        with open(os.path.join(root, relative), "rb") as f:
            try:
                k = yaml.safe_load(f)
            except yaml.YAMLError:
                continue
        if not isinstance(k, dict):
            continue
        folder = relative.rsplit("/", 1)[0] if "/" in relative else ""
        folders.add(folder)
        for key in ("patchesStrategicMerge", "patches", "patchesJson6902"):
            for item in k.get(key) or []:
                path = item if isinstance(item, str) else item.get("path") if isinstance(item, dict) else None
                if isinstance(path, str):
                    patches.add(os.path.normpath(os.path.join(folder, path)))
        for key in ("resources", "bases", "components"):
            for item in k.get(key) or []:
                if isinstance(item, str):
                    named.add(os.path.normpath(os.path.join(folder, item)))
        for key in ("configMapGenerator", "secretGenerator"):
            for generator in k.get(key) or []:
                if not isinstance(generator, dict):
                    continue
                sources = list(generator.get("files") or []) + list(generator.get("envs") or [])
                if isinstance(generator.get("env"), str):
                    sources.append(generator["env"])
                for source in sources:
                    if isinstance(source, str):
                        named.add(os.path.normpath(os.path.join(folder, source.split("=", 1)[-1])))
    inert = set()
    for relative in files:
        folder = relative.rsplit("/", 1)[0] if "/" in relative else ""
        normal = os.path.normpath(relative)
        if folder in folders and relative.rsplit("/", 1)[-1] not in KUSTOMIZE_FILES and normal not in named \
                and normal not in patches:
            inert.add(normal)
    return patches, inert


NEGATIVE_TOKENS = {"invalid", "malformed", "bad"}
FILL_IN = re.compile(r"""^\s*(?:-\s+)?(?:[^#:]+:\s+)?["']?<[^<>/\s][^\n]*>["']?\s*(?:#.*)?$""")


def negative_fixture(relative):
    return any(re.split(r"[-_.]", part, maxsplit=1)[0].lower() in NEGATIVE_TOKENS for part in relative.split("/"))


def fill_in_template(text, mark_line):
    lines = text.splitlines()
    return any(0 <= i < len(lines) and FILL_IN.match(lines[i]) for i in (mark_line, mark_line - 1))


def file_skip(relative, data, chart_dirs, patches=frozenset(), inert=frozenset()):
    if negative_fixture(relative):
        return "negative-fixture"
    name = relative.rsplit("/", 1)[-1]
    if name in HELM_FILES:
        return "helm-chart"
    if name in KUSTOMIZE_FILES or os.path.normpath(relative) in patches:
        return "kustomize"
    if os.path.normpath(relative) in inert:
        return "inert"
    parts = relative.split("/")[:-1]
    for i, part in enumerate(parts):
        if part == "templates" and "/".join(parts[:i]) in chart_dirs:
            return "template"
    if b"\0" in data:
        return "binary"
    return None


def is_marker(line, marker):
    """line: bytes of one line including its b'\\n' if any."""
    return line[:3] == marker and (len(line) == 3 or line[3:4] in (b" ", b"\t", b"\r", b"\n"))


def has_content(lines):
    for line in lines:
        if is_marker(line, b"---"):
            line = line[3:]
        elif line.startswith(b"%"):
            continue
        stripped = line.lstrip(b" \t\r\n")
        if stripped and not stripped.startswith(b"#"):
            return True
    return False


def split_documents(data):
    """The documents of a YAML stream: list of (first line number (1-based), bytes)."""
    lines = data.split(b"\n")
    lines = [l + b"\n" for l in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    docs = []
    chunk, chunk_start = [], 1

    def flush():
        if chunk and has_content(chunk):
            docs.append((chunk_start, b"".join(chunk)))

    for number, line in enumerate(lines, start=1):
        if is_marker(line, b"---"):
            flush()
            chunk, chunk_start = [line], number
        elif is_marker(line, b"..."):
            flush()
            chunk, chunk_start = [], number + 1
        else:
            chunk.append(line)
    flush()
    return docs


KEY_RE = {key: re.compile(r"""(?:^|[\s{,"'])%s["']?[ \t]*:""" % key) for key in ("apiVersion", "kind")}


def looks_like_manifest(text):
    return all(regex.search(text) for regex in KEY_RE.values())


def in_group(api_version, group):
    return api_version == group or api_version.startswith(group + "/")


def classify(doc):
    """(skip reason or None, [kinds of the objects it holds]) for a parsed document."""
    if doc is None:
        return None, []
    if not isinstance(doc, dict):
        return "not-kubernetes", []
    api_version, kind = doc.get("apiVersion"), doc.get("kind")
    if not isinstance(api_version, str) or not isinstance(kind, str):
        return "not-kubernetes", []
    if any(in_group(api_version, g) for g in SKIPPED_GROUPS):
        return "kustomize", []
    items = doc.get("items")
    if kind == "List" or (kind.endswith("List") and isinstance(items, list)):
        kinds = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("kind"), str):
                kinds.append(item["kind"])
        return None, kinds
    return None, [kind]


def file_outcome(relative, data):
    """Documents, objects per kind, skips and parse errors of one selected, unskipped file."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    outcome = {"documents": 0, "kinds": Counter(), "skipped": Counter(), "parse_errors": [], "unparsed": []}
    docs = split_documents(data)
    outcome["documents"] = len(docs)
    for index, (line, raw) in enumerate(docs):
        text = raw.decode("utf-8", errors="replace")
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as e:
            problem = str(e).splitlines()[0] if str(e) else type(e).__name__
            mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
            at = f"{relative}:{line + mark.line if mark else line}"
            outcome["unparsed"].append({"document": index, "at": at, "error": problem})
            if "{{" in text:
                outcome["skipped"]["template"] += 1
            elif mark and fill_in_template(text, mark.line):
                outcome["skipped"]["fill-in-template"] += 1
            elif looks_like_manifest(text):
                outcome["parse_errors"].append(at)
            else:
                outcome["skipped"]["not-kubernetes"] += 1
            continue
        skip, kinds = classify(doc)
        if skip:
            outcome["skipped"][skip] += 1
        outcome["kinds"].update(kinds)
    return outcome


def plain(counter):
    return dict(sorted(counter.items()))


def counts(root, per_file=False, named=()):
    """Counts for the folder root:
    files, documents, objects: totals (files after file-level skips; List items one by one);
    kinds: objects per kind; skipped: file and document skips per reason;
    parse_errors: 'path:line' of documents that look like manifests and do not load;
    unparsed: every document PyYAML could not load, whatever became of it;
    per_file (with per_file=True): for each file read, its documents, kinds, skipped, parse_errors.
    named: files (relative to root) read although the walk does not select them, as netlint reads
    files named on the command line.
    """
    files = walk(root) + [f for f in named if f not in walk(root)]
    chart_dirs = {f.rsplit("/", 1)[0] if "/" in f else "" for f in files if f.rsplit("/", 1)[-1] == "Chart.yaml"}
    patches, inert = kustomize_reads(root, files)
    inert -= {os.path.normpath(f) for f in named}  # a file named on the command line is linted anyway
    total = {"files": 0, "documents": 0, "objects": 0, "kinds": Counter(), "skipped": Counter(),
             "parse_errors": [], "unparsed": []}
    listing = {}
    for relative in files:
        with open(os.path.join(root, relative), "rb") as f:
            data = f.read()
        skip = file_skip(relative, data, chart_dirs, patches, inert)
        if skip:
            total["skipped"][skip] += 1
            continue
        name = relative.rsplit("/", 1)[-1]
        if name == "Corefile" or name.startswith("Corefile.") or name.endswith(".Corefile") or name.endswith(".conflist") \
                or ("net.d/" in "/" + relative and name.endswith(".conf")):
            # Corefiles and CNI configs are not YAML streams: one document each, no objects.
            total["files"] += 1
            total["documents"] += 1
            listing[relative] = {"documents": 1, "kinds": {}, "skipped": {}, "parse_errors": 0}
            continue
        outcome = file_outcome(relative, data)
        total["files"] += 1
        total["documents"] += outcome["documents"]
        total["kinds"].update(outcome["kinds"])
        total["skipped"].update(outcome["skipped"])
        total["parse_errors"] += outcome["parse_errors"]
        total["unparsed"] += [dict(u, file=relative) for u in outcome["unparsed"]]
        listing[relative] = {"documents": outcome["documents"], "kinds": plain(outcome["kinds"]),
                             "skipped": plain(outcome["skipped"]), "parse_errors": len(outcome["parse_errors"])}
    total["objects"] = sum(total["kinds"].values())
    total["kinds"] = plain(total["kinds"])
    total["skipped"] = plain(total["skipped"])
    if per_file:
        total["per_file"] = listing
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="one corpus project folder")
    parser.add_argument("--per-file", action="store_true", help="also list documents and kinds per file")
    args = parser.parse_args()
    if not os.path.isdir(args.folder):
        print(f"corpus_counts: not a directory: {args.folder}", file=sys.stderr)
        return 2
    json.dump(counts(args.folder, args.per_file), sys.stdout, indent=2, sort_keys=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
