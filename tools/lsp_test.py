#!/usr/bin/env python3
"""Protocol tests for `netlint lsp` (issue 22): a scripted LSP client, Python stdlib only.

Each check starts a server, speaks LSP 3.17 to it over pipes and checks what comes back:
diagnostics on the demo at the range `--format sarif` gives (UTF-16 columns), a fix clearing
them, cross-file re-publish, closing clears, parseErrors off, malformed input survived, a big
buffer, and the exit status of every way out. Prints one line per check, exits 1 on a failure.

  tools/lsp_test.py --netlint build/release/netlint --source .
"""
import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

TIMEOUT = 60.0  # seconds for any one answer: a slow CI machine, never a hang


def uri_of(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


class Client:
    """One server process: framed writes, a reader thread that queues every message."""

    def __init__(self, netlint, cwd=None):
        self.proc = subprocess.Popen([netlint, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.messages = queue.Queue()
        self.seen = []  # every message, also those wait() skipped
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(out.read(length))
            self.seen.append(message)
            self.messages.put(message)

    def raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        message = dict(message, jsonrpc="2.0")
        body = json.dumps(message).encode("utf-8")
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        self.send({"method": method, "params": params or {}})

    def request(self, method, params=None, expect_error=False):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params if params is not None else {}})
        reply = self.wait(lambda m: m.get("id") == rid and "method" not in m)
        return reply

    def wait(self, predicate, timeout=TIMEOUT):
        """The first message that satisfies `predicate`; the others (logs, other documents) are dropped."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("timed out waiting for a message")
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                raise AssertionError("timed out waiting for a message")
            if message is None:
                raise AssertionError("the server closed its output (stderr: %r)" % self.stderr_tail())
            if predicate(message):
                return message

    def diagnostics_for(self, uri, predicate=lambda d: True, timeout=TIMEOUT):
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri and predicate(m["params"]["diagnostics"]), timeout)
        return message["params"]["diagnostics"]

    def initialize(self, root, options=None):
        params = {"processId": os.getpid(), "rootUri": uri_of(root) if root else None, "capabilities": {}}
        if options is not None:
            params["initializationOptions"] = options
        reply = self.request("initialize", params)
        self.notify("initialized")
        return reply

    def open(self, path, text=None, version=1):
        if text is None:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        uri = uri_of(path)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": version, "text": text}})
        return uri

    def change(self, uri, text, version):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})

    def finish(self, shutdown=True, exit_notification=True):
        if shutdown:
            reply = self.request("shutdown")
            assert reply.get("result", "missing") is None, reply
        if exit_notification:
            self.notify("exit")
        else:
            self.proc.stdin.close()
        return self.proc.wait(timeout=TIMEOUT)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stderr_tail(self):
        if self.proc.poll() is None:
            return ""
        return self.proc.stderr.read()[-2000:]


def codes(diagnostics):
    return sorted(d["code"] for d in diagnostics)


def sarif_region(netlint, demo, relative, code):
    """The region `--format sarif` reports for `code`, run as a user would from the demo root."""
    out = subprocess.run([netlint, "--format", "sarif", relative], cwd=demo, capture_output=True, text=True).stdout
    for result in json.loads(out)["runs"][0]["results"]:
        if result["ruleId"] == code:
            return result["locations"][0]["physicalLocation"]["region"]
    raise AssertionError("no %s in the CLI's SARIF" % code)


def check_demo(netlint, source):
    demo = os.path.join(source, "testdata", "demo")
    orders = os.path.join(demo, "production", "orders.yaml")
    client = Client(netlint)
    try:
        reply = client.initialize(demo)
        caps = reply["result"]["capabilities"]
        assert caps["textDocumentSync"]["change"] == 1 and caps["textDocumentSync"]["openClose"], caps
        assert reply["result"]["serverInfo"]["name"] == "netlint"
        uri = client.open(orders)
        diagnostics = client.diagnostics_for(uri, lambda ds: any(d["code"] == "NL1001" for d in ds))
        found = [d for d in diagnostics if d["code"] == "NL1001"]
        assert len(found) == 1, diagnostics
        d = found[0]
        assert d["source"] == "netlint", d
        assert d["severity"] in (1, 2, 3), d
        assert d["range"]["start"]["line"] == 35, d["range"]  # line 36, 1-based
        region = sarif_region(netlint, demo, "production/orders.yaml", "NL1001")
        expected = {"start": {"line": region["startLine"] - 1, "character": region["startColumn"] - 1},
                    "end": {"line": region["endLine"] - 1, "character": region["endColumn"] - 1}}
        assert d["range"] == expected, (d["range"], expected)
        assert d["codeDescription"]["href"].endswith("/service-selector-typo.md"), d
        assert "\nhelp: " in d["message"] or "help" not in d, d
        assert "NL0006" not in codes(diagnostics), diagnostics

        with open(orders, encoding="utf-8") as f:
            text = f.read()
        assert "    app: order-service\n  ports:" in text
        fixed = text.replace("    app: order-service\n  ports:", "    app: orders-service\n  ports:")
        client.change(uri, fixed, 2)
        diagnostics = client.diagnostics_for(uri, lambda ds: "NL1001" not in codes(ds))
        assert diagnostics == [], diagnostics

        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        assert client.diagnostics_for(uri) == []
        assert client.finish() == 0
    finally:
        client.kill()


def apply_text_edits(text, edits):
    """The text after LSP TextEdits (UTF-16 positions), applied from the last to the first."""
    lines = text.splitlines(keepends=True)

    def offset(position):
        before = "".join(lines[:position["line"]])
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        units = line.encode("utf-16-le")[:2 * position["character"]].decode("utf-16-le")
        return len(before) + len(units)

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
        lines = text.splitlines(keepends=True)
    return text


def check_code_action(netlint, source):
    """Quick fixes: the NL1001 fix on the demo, applied in the unsaved buffer, clears the finding."""
    demo = os.path.join(source, "testdata", "demo")
    orders = os.path.join(demo, "production", "orders.yaml")
    client = Client(netlint)
    try:
        reply = client.initialize(demo)
        caps = reply["result"]["capabilities"]
        assert caps["codeActionProvider"] == {"codeActionKinds": ["quickfix"]}, caps
        with open(orders, encoding="utf-8") as f:
            text = f.read()
        uri = client.open(orders, text)
        diagnostics = client.diagnostics_for(uri, lambda ds: "NL1001" in codes(ds))
        d = next(d for d in diagnostics if d["code"] == "NL1001")
        params = {"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}
        actions = client.request("textDocument/codeAction", params)["result"]
        assert len(actions) == 1, actions
        action = actions[0]
        assert action["kind"] == "quickfix" and action["isPreferred"] is True, action
        assert action["title"] == "change the selector to app=orders-service", action
        assert [x["code"] for x in action["diagnostics"]] == ["NL1001"], action
        edits = action["edit"]["changes"][uri]
        assert edits == [{"range": d["range"], "newText": "orders-service"}], edits
        # Only quick fixes are offered, and only where a fixable finding is.
        only = dict(params, context={"diagnostics": [], "only": ["refactor"]})
        assert client.request("textDocument/codeAction", only)["result"] == []
        elsewhere = dict(params, range={"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}})
        assert client.request("textDocument/codeAction", elsewhere)["result"] == []

        client.change(uri, apply_text_edits(text, edits), 2)
        diagnostics = client.diagnostics_for(uri, lambda ds: "NL1001" not in codes(ds))
        assert diagnostics == [], diagnostics
        # The fixed buffer offers nothing more.
        assert client.request("textDocument/codeAction", params)["result"] == []
        assert client.finish() == 0
    finally:
        client.kill()


DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: {label}
  template:
    metadata:
      labels:
        app: {label}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.0
          ports:
            - name: http
              containerPort: 8080
"""

SERVICE = """apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  annotations:
    note: "naïve café ☕ 𝄞"
spec:
  selector: {{app: {label}}}
  ports:
    - name: http
      port: 80
      targetPort: http
"""


def workspace(files):
    root = tempfile.mkdtemp(prefix="netlint-lsp-")
    for name, text in files.items():
        with open(os.path.join(root, name), "w", encoding="utf-8") as f:
            f.write(text)
    return root


def check_run_level_notes(netlint, _source):
    """RULES.md: run-level notes (NL0006) reach the client as window/logMessage (Info), never as
    diagnostics. Every run has the `namespaces` note."""
    root = workspace({"service.yaml": SERVICE.format(label="web")})
    client = Client(netlint)
    try:
        client.initialize(root)
        client.open(os.path.join(root, "service.yaml"))
        message = client.wait(lambda m: m.get("method") == "window/logMessage"
                              and "[NL0006 namespaces]" in m["params"]["message"])
        assert message["params"]["type"] == 3, message
        assert client.finish() == 0
    finally:
        client.kill()
        shutil.rmtree(root)


def check_cross_file(netlint, _source):
    root = workspace({"deploy.yaml": DEPLOYMENT.format(label="web"), "service.yaml": SERVICE.format(label="web")})
    client = Client(netlint)
    try:
        client.initialize(root)
        service = client.open(os.path.join(root, "service.yaml"))
        assert "NL1001" not in codes(client.diagnostics_for(service))
        deploy = client.open(os.path.join(root, "deploy.yaml"))
        # Rename the pods' label in the unsaved Deployment buffer: the Service in the other open
        # document now selects nothing, and is re-published without being touched.
        client.change(deploy, DEPLOYMENT.format(label="webb"), 2)
        diagnostics = client.diagnostics_for(service, lambda ds: "NL1001" in codes(ds))
        d = next(d for d in diagnostics if d["code"] == "NL1001")
        # The value `web` on line 9 (0-based 8), after `  selector: {app: `: 18 UTF-16 units.
        assert d["range"]["start"] == {"line": 8, "character": 18}, d["range"]
        assert d["range"]["end"] == {"line": 8, "character": 21}, d["range"]
        for info in d.get("relatedInformation", []):
            assert info["location"]["uri"].startswith("file://"), info
        # Closing the Deployment: the disk file (label `web`) is read again, the Service is clean.
        client.notify("textDocument/didClose", {"textDocument": {"uri": deploy}})
        assert client.diagnostics_for(deploy) == []
        client.diagnostics_for(service, lambda ds: "NL1001" not in codes(ds))
        assert client.finish() == 0
    finally:
        client.kill()
        shutil.rmtree(root)


def check_config_reload(netlint, _source):
    # A saved .netlint.yaml takes effect at the next analysis: the didSave (or a watched-file
    # change) of the config re-publishes with its severities; a broken config is shown, not fatal.
    root = workspace({"deploy.yaml": DEPLOYMENT.format(label="web")})
    client = Client(netlint)
    try:
        client.initialize(root)
        service = client.open(os.path.join(root, "service.yaml"), SERVICE.format(label="webb"))
        client.diagnostics_for(service, lambda ds: "NL1001" in codes(ds))
        config = os.path.join(root, ".netlint.yaml")
        with open(config, "w", encoding="utf-8") as f:
            f.write("rules:\n  NL1001: {severity: off}\n")
        client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri_of(config), "type": 1}]})
        client.diagnostics_for(service, lambda ds: "NL1001" not in codes(ds))
        with open(config, "w", encoding="utf-8") as f:
            f.write("rules:\n  NL1001: {severity: loud}\n")
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(config)}})
        message = client.wait(lambda m: m.get("method") == "window/showMessage")
        assert message["params"]["type"] == 1 and ".netlint.yaml" in message["params"]["message"], message
        # The defaults apply meanwhile: NL1001 is back.
        client.diagnostics_for(service, lambda ds: "NL1001" in codes(ds))
        assert client.finish() == 0
    finally:
        client.kill()
        shutil.rmtree(root)


def check_pull_diagnostics(netlint, _source):
    # initializationOptions.pullDiagnostics with a client that pulls: the server advertises
    # diagnosticProvider, answers textDocument/diagnostic, and pushes nothing.
    root = workspace({"deploy.yaml": DEPLOYMENT.format(label="web")})
    client = Client(netlint)
    try:
        reply = client.request("initialize", {"processId": None, "rootUri": uri_of(root),
                                              "capabilities": {"textDocument": {"diagnostic": {}}},
                                              "initializationOptions": {"pullDiagnostics": True}})
        assert reply["result"]["capabilities"]["diagnosticProvider"]["interFileDependencies"] is True, reply
        client.notify("initialized")
        uri = client.open(os.path.join(root, "service.yaml"), SERVICE.format(label="webb"))
        reply = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        assert reply["result"]["kind"] == "full", reply
        assert "NL1001" in codes(reply["result"]["items"]), reply
        assert client.finish() == 0
        pushed = [m for m in client.seen if m.get("method") == "textDocument/publishDiagnostics"]
        assert not pushed, pushed
    finally:
        client.kill()
        shutil.rmtree(root)


def check_pull_by_capability(netlint, _source):
    # No option: a client that advertises pull diagnostics and the refresh request gets pull
    # (diagnosticProvider, no pushes); resultIds make an unchanged document cheap; an edit in
    # another file that changes this one's findings asks the client to pull again (refresh).
    root = workspace({"deploy.yaml": DEPLOYMENT.format(label="web")})
    client = Client(netlint)
    try:
        reply = client.request("initialize", {"processId": None, "rootUri": uri_of(root), "capabilities": {
            "textDocument": {"diagnostic": {"relatedDocumentSupport": False}},
            "workspace": {"diagnostics": {"refreshSupport": True}}}})
        provider = reply["result"]["capabilities"]["diagnosticProvider"]
        assert provider["interFileDependencies"] is True and provider["workspaceDiagnostics"] is False, provider
        client.notify("initialized")
        service = client.open(os.path.join(root, "service.yaml"), SERVICE.format(label="web"))
        deploy = client.open(os.path.join(root, "deploy.yaml"))
        first = client.request("textDocument/diagnostic", {"textDocument": {"uri": service}})["result"]
        assert first["kind"] == "full" and "NL1001" not in codes(first["items"]), first
        again = client.request("textDocument/diagnostic", {"textDocument": {"uri": service},
                                                           "previousResultId": first["resultId"]})["result"]
        assert again == {"kind": "unchanged", "resultId": first["resultId"]}, again
        stale = client.request("textDocument/diagnostic", {"textDocument": {"uri": service},
                                                           "previousResultId": "no such id"})["result"]
        assert stale["kind"] == "full", stale
        # The Deployment's label renamed in its buffer: the server asks for a refresh (a request,
        # answered here as a client would), and the Service's next pull has NL1001.
        client.change(deploy, DEPLOYMENT.format(label="webb"), 2)
        refresh = client.wait(lambda m: m.get("method") == "workspace/diagnostic/refresh")
        assert "id" in refresh, refresh
        client.send({"id": refresh["id"], "result": None})
        after = client.request("textDocument/diagnostic", {"textDocument": {"uri": service},
                                                           "previousResultId": first["resultId"]})["result"]
        assert after["kind"] == "full" and "NL1001" in codes(after["items"]) and after["resultId"] != first["resultId"], after
        # A document that is not open: an empty full report, not an error.
        other = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri_of(os.path.join(root, "nope.yaml"))}})
        assert other["result"] == {"kind": "full", "items": []}, other
        assert client.finish() == 0
        pushed = [m for m in client.seen if m.get("method") == "textDocument/publishDiagnostics"]
        assert not pushed, pushed
    finally:
        client.kill()
        shutil.rmtree(root)
    # Pushed instead: the client pulls but cannot be asked to pull again (cross-file changes
    # would go unseen), or the user turned pull off.
    for capabilities, options in (({"textDocument": {"diagnostic": {}}}, None),
                                  ({"textDocument": {"diagnostic": {}}, "workspace": {"diagnostics": {"refreshSupport": True}}},
                                   {"pullDiagnostics": False})):
        root = workspace({"deploy.yaml": DEPLOYMENT.format(label="web")})
        client = Client(netlint)
        try:
            params = {"processId": None, "rootUri": uri_of(root), "capabilities": capabilities}
            if options is not None:
                params["initializationOptions"] = options
            reply = client.request("initialize", params)
            assert "diagnosticProvider" not in reply["result"]["capabilities"], (capabilities, options, reply)
            client.notify("initialized")
            uri = client.open(os.path.join(root, "service.yaml"), SERVICE.format(label="webb"))
            client.diagnostics_for(uri, lambda ds: "NL1001" in codes(ds))
            assert client.finish() == 0
        finally:
            client.kill()
            shutil.rmtree(root)


def check_parent_process(netlint, _source):
    # initialize.processId names the editor: when it is gone the server exits (status 1: no
    # shutdown), even though its input stays open (here this script holds the pipe).
    parent = subprocess.Popen(["sleep", "2"])
    client = Client(netlint)
    try:
        client.request("initialize", {"processId": parent.pid, "rootUri": None, "capabilities": {}})
        client.notify("initialized")
        reply = client.request("netlint/unknown", {})
        assert reply["error"]["code"] == -32601, reply
        parent.wait()  # reaped: a zombie would still count as running
        assert client.proc.wait(timeout=TIMEOUT) == 1
    finally:
        client.kill()
        parent.kill()
        parent.wait()
    # A processId that names no visible process (an editor outside the server's container) is
    # not watched: the server keeps serving.
    client = Client(netlint)
    try:
        client.request("initialize", {"processId": 2 ** 22 + 12345, "rootUri": None, "capabilities": {}})
        logged = [m for m in client.seen if m.get("method") == "window/logMessage" and "processId" in m["params"]["message"]]
        assert logged, client.seen
        time.sleep(2.5)  # more than the server's check interval (1 s)
        reply = client.request("netlint/unknown", {})
        assert reply["error"]["code"] == -32601, reply
        assert client.finish() == 0
    finally:
        client.kill()


def analysis_logs(client, since):
    """The server's per-analysis log lines (window/logMessage, Log) among messages seen[since:]."""
    return [m["params"]["message"] for m in client.seen[since:]
            if m.get("method") == "window/logMessage" and m["params"]["message"].startswith("netlint: analysed ")]


def check_parse_cache(netlint, _source):
    # Speed (issue 22): an edit re-parses only the edited buffer; the other files' parses are
    # reused, and a file changed on disk is parsed again (its text hash differs).
    other = SERVICE.replace("name: web\n", "name: other\n", 1).format(label="web")
    root = workspace({"deploy.yaml": DEPLOYMENT.format(label="web"), "other.yaml": other})
    client = Client(netlint)
    try:
        client.initialize(root)
        service = client.open(os.path.join(root, "service.yaml"), SERVICE.format(label="web"))
        client.diagnostics_for(service)
        assert any("(0 parses reused, 3 parsed)" in line for line in analysis_logs(client, 0)), analysis_logs(client, 0)
        since = len(client.seen)
        client.change(service, SERVICE.format(label="webb"), 2)
        client.diagnostics_for(service, lambda ds: "NL1001" in codes(ds))
        assert any("(2 parses reused, 1 parsed)" in line for line in analysis_logs(client, since)), analysis_logs(client, since)
        # The Deployment renamed on disk (not open): parsed again, and the typo is now right.
        with open(os.path.join(root, "deploy.yaml"), "w", encoding="utf-8") as f:
            f.write(DEPLOYMENT.format(label="webb"))
        since = len(client.seen)
        client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri_of(os.path.join(root, "deploy.yaml")), "type": 2}]})
        client.diagnostics_for(service, lambda ds: "NL1001" not in codes(ds))
        assert any("(2 parses reused, 1 parsed)" in line for line in analysis_logs(client, since)), analysis_logs(client, since)
        assert client.finish() == 0
    finally:
        client.kill()
        shutil.rmtree(root)


def check_utf16_columns(netlint, _source):
    # A selector value after astral and accented characters on its own line: columns count
    # UTF-16 code units (𝄞 is two, é and ☕ one each), not bytes or code points.
    service = ('{apiVersion: v1, kind: Service, metadata: {name: web, namespace: shop, annotations: {n: "é☕𝄞"}}, '
               'spec: {selector: {app: webb}, ports: [{name: http, port: 80, targetPort: http}]}}\n')
    root = workspace({"deploy.yaml": DEPLOYMENT.format(label="web")})
    client = Client(netlint)
    try:
        client.initialize(root)
        uri = client.open(os.path.join(root, "service.yaml"), service)
        diagnostics = client.diagnostics_for(uri, lambda ds: "NL1001" in codes(ds))
        d = next(d for d in diagnostics if d["code"] == "NL1001")
        line = service.splitlines()[0]
        before = line[: line.index("webb")]
        start = len(before.encode("utf-16-le")) // 2
        assert start == len(before) + 1, before  # 𝄞 is a surrogate pair
        assert d["range"] == {"start": {"line": 0, "character": start}, "end": {"line": 0, "character": start + 4}}, d["range"]
        assert client.finish() == 0
    finally:
        client.kill()
        shutil.rmtree(root)


def check_parse_errors_option(netlint, _source):
    broken = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels: [unclosed\n"
    root = workspace({})
    for enabled in (True, False):
        client = Client(netlint)
        try:
            client.initialize(root, {"parseErrors": enabled})
            uri = client.open(os.path.join(root, "broken.yaml"), broken)
            diagnostics = client.diagnostics_for(uri)
            assert ("NL0001" in codes(diagnostics)) == enabled, (enabled, diagnostics)
            assert client.finish() == 0
        finally:
            client.kill()
    shutil.rmtree(root)


def check_malformed(netlint, _source):
    root = workspace({"service.yaml": SERVICE.format(label="web")})
    client = Client(netlint)
    try:
        # Before initialize, a request is refused (ServerNotInitialized), not ignored.
        reply = client.request("textDocument/hover", {})
        assert reply["error"]["code"] == -32002, reply
        client.initialize(root)
        client.raw(b"Content-Length: abc\r\n\r\n")                 # unusable length
        client.raw(b"this is no header at all\r\n\r\n")            # no length
        client.raw(b"Content-Length: 9\r\n\r\n{not json")          # framed, not JSON
        client.raw(b"Content-Length: 5\r\n\r\n[1,2]")              # JSON, not an object
        client.raw(b"Content-Length: 14\r\n\r\n{\"id\": {\"x\":1}}")  # an id that cannot be answered
        client.raw(b"X" * 20000 + b"\r\n\r\n")                    # an absurd header line
        client.send({"id": 99, "method": "textDocument/didOpen", "params": 3})  # wrong params type
        client.notify("textDocument/didOpen", {"textDocument": 7})  # a malformed notification
        client.notify("$/someNotification", {})                    # unknown notification: ignored
        client.notify("netlint/someNotification", [1, 2])          # unknown, params an array: ignored
        client.send({"id": 12345, "result": {"x": 1}})             # a response to no request: ignored
        client.send({"id": 12346, "error": {"code": 1, "message": "?"}})
        reply = client.request("netlint/unknown", {})
        assert reply["error"]["code"] == -32601, reply
        reply = client.request("$/someRequest", {})                # `$/` requests: MethodNotFound too
        assert reply["error"]["code"] == -32601, reply
        reply = client.request("initialize", {"capabilities": {}})  # only once
        assert reply["error"]["code"] == -32600, reply
        reply = client.request("textDocument/diagnostic", {"textDocument": 5})  # wrong params: rejected
        assert reply["error"]["code"] == -32602, reply
        client.send({"id": 1.5, "method": "netlint/unknown"})      # an id of the wrong type
        reply = client.wait(lambda m: m.get("id", 0) is None and "error" in m)
        assert reply["error"]["code"] == -32600, reply
        # JSON nested two million deep (a recursive parser or printer would overflow its stack).
        depth = 2_000_000
        deep = b'{"jsonrpc":"2.0","id":77,"method":"netlint/deep","params":' + b"[" * depth + b"]" * depth + b"}"
        client.raw(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
        reply = client.wait(lambda m: m.get("id") == 77)
        assert reply["error"]["code"] == -32601, reply
        deep = b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":' + b'{"a":' * depth + b"1" + b"}" * depth + b"}}"
        client.raw(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
        # A file outside the root, a document that is no file, one that is no manifest: each is
        # answered (the outside file is linted on its own terms), none kills the server.
        outside_root = workspace({})
        outside = client.open(os.path.join(outside_root, "svc.yaml"), SERVICE.format(label="web"))
        client.diagnostics_for(outside)
        shutil.rmtree(outside_root)
        client.notify("textDocument/didOpen", {"textDocument": {"uri": "untitled:Untitled-1", "languageId": "yaml",
                                                                "version": 1, "text": "kind: Service\n"}})
        assert client.diagnostics_for("untitled:Untitled-1") == []
        readme = client.open(os.path.join(root, "README.md"), "# not a manifest: [\n")
        assert client.diagnostics_for(readme) == []
        # Not YAML at all, binary bytes and a NUL, under a YAML name: diagnostics, no crash.
        junk = client.open(os.path.join(root, "junk.yaml"), "\x00\x01{{{ ::: ]]] \ufffd\n" * 100)
        client.diagnostics_for(junk)
        # A big buffer (the issue names 50 MB): answered, the server still alive afterwards.
        big_text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n" + "".join(
            "  k%d: %s\n" % (i, "v" * 80) for i in range(560_000))
        assert len(big_text) > 50_000_000
        big = client.open(os.path.join(root, "big.yaml"), big_text)
        client.diagnostics_for(big, timeout=240)
        reply = client.request("netlint/unknown", {})
        assert reply["error"]["code"] == -32601, reply
        # After shutdown every request is refused; exit then ends with 0.
        reply = client.request("shutdown")
        assert reply["result"] is None
        reply = client.request("textDocument/hover", {})
        assert reply["error"]["code"] == -32600, reply
        client.notify("exit")
        assert client.proc.wait(timeout=TIMEOUT) == 0
    finally:
        client.kill()
        shutil.rmtree(root)


def check_exit_status(netlint, _source):
    # exit without shutdown: 1 (LSP 3.17 "exit").
    client = Client(netlint)
    try:
        client.initialize(None)
        assert client.finish(shutdown=False) == 1
    finally:
        client.kill()
    # The client goes away (its end of stdin closes): the server exits on its own.
    client = Client(netlint)
    try:
        client.initialize(None)
        assert client.finish(shutdown=False, exit_notification=False) == 1
    finally:
        client.kill()
    client = Client(netlint)
    try:
        client.initialize(None)
        assert client.finish(shutdown=True, exit_notification=False) == 0
    finally:
        client.kill()


def latest_published(client):
    """Each document's diagnostics as last published (push), from every message seen so far."""
    latest = {}
    for m in client.seen:
        if m.get("method") == "textDocument/publishDiagnostics":
            latest[m["params"]["uri"]] = m["params"]["diagnostics"]
    return latest


def settle(client, uri):
    """Returns once the server has analysed everything it was sent: it analyses pending edits
    before answering a code action, so every publish of that analysis is seen before the reply."""
    client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "context": {"diagnostics": []},
                                               "range": {"start": {"line": 0, "character": 0},
                                                         "end": {"line": 0, "character": 0}}})


def fresh_diagnostics(netlint, root, buffers):
    """What a server started now publishes for these open buffers (path -> text): the
    from-scratch analysis an edited server must agree with."""
    client = Client(netlint)
    try:
        client.initialize(root)
        uris = [client.open(path, text) for path, text in buffers.items()]
        settle(client, uris[0])
        latest = latest_published(client)
        assert client.finish() == 0
        return {uri: latest.get(uri) for uri in uris}
    finally:
        client.kill()


def check_edits_match_fresh_analysis(netlint, source):
    """Speed must not change findings (issue 22): after each step of a sequence of edits (in one
    buffer, across files, a closed buffer, a broken buffer, .netlint.yaml changed on disk), what the
    long-running server last published for each open document equals what a new server publishes
    for the same buffers. On the demo copy: two `clusters:` views, so views an edit does not touch
    are covered too. Steps also change each input of what the server keeps per pod (its
    references: positions above them, a ConfigMap it reads in another buffer, the view's
    namespaces) and of the NetworkPolicy evaluator it keeps (a policy, a namespace label, a pod
    label), so a stale kept result fails."""
    root = os.path.join(tempfile.mkdtemp(prefix="netlint-lsp-"), "demo")
    shutil.copytree(os.path.join(source, "testdata", "demo"), root)
    path = {name: os.path.join(root, name) for name in (
        "production/orders.yaml", "production/ingress.yaml", "production/storefront.yaml",
        "edge/sensors.yaml", "payments/payments.yaml", "namespaces.yaml")}
    texts = {}
    for name, p in path.items():
        with open(p, encoding="utf-8") as f:
            texts[name] = f.read()
    client = Client(netlint)
    buffers = {}  # path -> the text the client has open

    def step(description, check=None):
        settle(client, uri_of(next(iter(buffers))))
        latest = latest_published(client)
        ours = {uri_of(p): latest.get(uri_of(p)) for p in buffers}
        fresh = fresh_diagnostics(netlint, root, buffers)
        assert ours == fresh, (description, ours, fresh)
        if check is not None:
            assert check(ours), (description, ours)

    def by_name(diagnostics, name):
        return codes(diagnostics[uri_of(path[name])])

    try:
        client.initialize(root)
        for name in path:
            buffers[path[name]] = texts[name]
            client.open(path[name], texts[name])
        step("opened", lambda ds: "NL1001" in by_name(ds, "production/orders.yaml")
             and "NL3001" in by_name(ds, "production/ingress.yaml"))
        version = 2

        def edit(name, text):
            nonlocal version
            buffers[path[name]] = text
            client.change(uri_of(path[name]), text, version)
            version += 1

        orders = texts["production/orders.yaml"]
        assert "    app: order-service\n  ports:" in orders and "  name: order-service\n" in orders
        edit("production/orders.yaml", orders.replace("    app: order-service\n  ports:", "    app: orders-service\n  ports:"))
        step("in-file fix", lambda ds: "NL1001" not in by_name(ds, "production/orders.yaml"))
        # The Service renamed to what the Ingress (another open document) names: its NL3001 goes.
        renamed = buffers[path["production/orders.yaml"]].replace("kind: Service\nmetadata:\n  name: order-service\n",
                                                                   "kind: Service\nmetadata:\n  name: order-servce\n")
        assert renamed != buffers[path["production/orders.yaml"]]
        edit("production/orders.yaml", renamed)
        step("cross-file rename", lambda ds: "NL3001" not in by_name(ds, "production/ingress.yaml")
             and "NL4002" in by_name(ds, "production/storefront.yaml"))
        # Each pod's references are kept between analyses (index/kept_references.h), keyed by what
        # they are read from; each step below changes one of those inputs, so a stale entry fails.
        storefront = buffers[path["production/storefront.yaml"]]
        shifted = storefront.replace("  labels:\n    app: storefront\n", "  labels:\n    app: storefront\n    owner: shop\n", 1)
        assert shifted != storefront
        edit("production/storefront.yaml", shifted)
        step("the lines above a reference moved", lambda ds: "NL4002" in by_name(ds, "production/storefront.yaml"))
        reports = ("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: reports, namespace: production}\n"
                   "spec:\n  selector: {matchLabels: {app: reports}}\n  template:\n    metadata: {labels: {app: reports}}\n"
                   "    spec:\n      containers:\n        - name: reports\n          image: registry.example.com/shop/reports:1.0\n"
                   "          env:\n            - name: SUMMARY_URL\n              value: http://summary.reporting:8080\n"
                   "          envFrom:\n            - configMapRef: {name: reports-config}\n")
        edit("production/storefront.yaml", shifted + reports)
        edit("production/orders.yaml", buffers[path["production/orders.yaml"]] + (
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: reports-config, namespace: production}\n"
            "data:\n  STOREFRONT_URL: http://storefront.production:80\n"))
        step("a pod reads a ConfigMap of another buffer", lambda ds: "NL4002" not in by_name(ds, "production/orders.yaml"))
        edit("production/orders.yaml", buffers[path["production/orders.yaml"]].replace("http://storefront.production:80", "http://storefrnt.production:80"))
        step("the ConfigMap a pod reads changed", lambda ds: "NL4002" in by_name(ds, "production/orders.yaml"))
        # `summary.reporting` names a Service only once `reporting` is a namespace of the view.
        before = by_name(latest_published(client), "production/storefront.yaml").count("NL4002")
        edit("payments/payments.yaml", buffers[path["payments/payments.yaml"]] + (
            "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: reporting}\n"
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker, namespace: reporting}\n"
            "spec:\n  selector: {matchLabels: {app: worker}}\n  template:\n    metadata: {labels: {app: worker}}\n"
            "    spec:\n      containers: [{name: worker, image: registry.example.com/shop/worker:1.0}]\n"))
        step("a namespace added in another buffer", lambda ds: by_name(ds, "production/storefront.yaml").count("NL4002") > before)
        # The NetworkPolicy evaluator is kept while its inputs are unchanged (PolicyEngine::inputs_key):
        # a policy admitting storefront's calls to payments, then each of its inputs changed.
        def blocked(ds):
            return "NL2016" in by_name(ds, "production/storefront.yaml")
        edit("payments/payments.yaml", buffers[path["payments/payments.yaml"]] + (
            "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: from-shop, namespace: payments}\n"
            "spec:\n  podSelector: {matchLabels: {app: payments}}\n  ingress:\n    - from:\n"
            "        - namespaceSelector: {matchLabels: {team: shop}}\n          podSelector: {matchLabels: {tier: web}}\n"
            "      ports: [{port: 8080}]\n"))
        step("a NetworkPolicy admits a reference", lambda ds: not blocked(ds))
        namespaces = buffers[path["namespaces.yaml"]]
        edit("namespaces.yaml", namespaces.replace("team: shop", "team: store"))
        step("a namespace label the policy selects changed", blocked)
        edit("namespaces.yaml", namespaces)
        step("the label restored", lambda ds: not blocked(ds))
        storefront = buffers[path["production/storefront.yaml"]]
        edit("production/storefront.yaml", storefront.replace("tier: web", "tier: frontend"))
        step("a pod label the policy selects changed", blocked)
        edit("production/storefront.yaml", storefront)
        edit("payments/payments.yaml", buffers[path["payments/payments.yaml"]].replace("ports: [{port: 8080}]", "ports: [{port: 8081}]"))
        step("the policy's port changed", blocked)
        edit("edge/sensors.yaml", texts["edge/sensors.yaml"] + "---\napiVersion: v1\nkind: Service\nmetadata: {name: [broken\n")
        step("a broken buffer in the other view", lambda ds: "NL0001" in by_name(ds, "edge/sensors.yaml"))
        # .netlint.yaml changed on disk: NL3001 ignored, then the edge cluster dropped (one view).
        config = os.path.join(root, ".netlint.yaml")
        with open(config, encoding="utf-8") as f:
            original_config = f.read()
        with open(config, "w", encoding="utf-8") as f:
            f.write(original_config + "ignore: [NL1001]\n")
        client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri_of(config), "type": 2}]})
        edit("production/orders.yaml", orders)
        step("config ignores a rule", lambda ds: "NL1001" not in by_name(ds, "production/orders.yaml"))
        with open(config, "w", encoding="utf-8") as f:
            f.write("# one view\n")
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(config)}})
        step("config without clusters", lambda ds: "NL1001" in by_name(ds, "production/orders.yaml"))
        # A closed buffer: its file on disk is read again for the documents still open.
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(path["production/orders.yaml"])}})
        del buffers[path["production/orders.yaml"]]
        step("closed", lambda ds: "NL3001" in by_name(ds, "production/ingress.yaml"))
        assert client.finish() == 0
    finally:
        client.kill()
        shutil.rmtree(os.path.dirname(root))


CHECKS = [check_demo, check_code_action, check_run_level_notes, check_cross_file, check_config_reload, check_pull_diagnostics,
          check_pull_by_capability, check_parent_process, check_parse_cache, check_utf16_columns, check_parse_errors_option,
          check_malformed, check_exit_status, check_edits_match_fresh_analysis]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--netlint", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("checks", nargs="*", help="names of checks to run (default: all)")
    args = parser.parse_args()
    netlint = os.path.abspath(args.netlint)
    failed = 0
    for check in CHECKS:
        if args.checks and check.__name__ not in args.checks:
            continue
        started = time.monotonic()
        try:
            check(netlint, os.path.abspath(args.source))
            print("ok   %s (%.1fs)" % (check.__name__, time.monotonic() - started))
        except Exception as e:  # noqa: BLE001 - every failure is reported, the others still run
            failed += 1
            print("FAIL %s: %s: %s" % (check.__name__, type(e).__name__, e))
    print("%d failed" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
