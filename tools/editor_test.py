#!/usr/bin/env python3
"""Real editors as clients of `netlint lsp` (issue 22): Neovim headless, Emacs + eglot in batch.

  tools/editor_test.py --editor neovim --netlint build/release/netlint --source .
  tools/editor_test.py --editor eglot  --netlint build/release/netlint --source .

Runs tools/editors/neovim_test.lua or tools/editors/eglot_test.el in the editor Debian 12 ships
(neovim 0.7.2; emacs-nox 28 with elpa-eglot 1.9, installed by `tools/setup --install`), on
testdata/demo, with a private HOME so no user configuration takes part. The script inside the
editor prints `ok`/`FAIL` lines and sets the exit status; this wrapper adds a wall-clock limit.

An editor that is not installed skips loudly with exit 77 (ctest SKIP_RETURN_CODE), unless
NETLINT_REQUIRE_EDITORS=1 (CI, .ci/run), which makes it a failure.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
TIMEOUT = 300  # seconds for the whole editor run; each step inside has its own 60 s limit


def missing(why):
    if os.environ.get("NETLINT_REQUIRE_EDITORS") == "1":
        print("FAILED: %s, and NETLINT_REQUIRE_EDITORS=1 requires it (bash tools/setup --install)" % why)
        return 1
    print("SKIPPED: %s (bash tools/setup --install installs it)" % why)
    return SKIP


def neovim_command(source):
    nvim = shutil.which("nvim")
    if not nvim:
        return None, "nvim (Debian package neovim) is not installed"
    # --clean: no user config or plugins; -n: no swap file; -i NONE: no shada.
    return [nvim, "--headless", "--clean", "-n", "-i", "NONE", "-S",
            os.path.join(source, "tools", "editors", "neovim_test.lua")], None


def eglot_command(source):
    emacs = shutil.which("emacs")
    if not emacs:
        return None, "emacs (Debian package emacs-nox) is not installed"
    # --batch skips the user's init file but loads Debian's site-start, which puts the elpa-*
    # packages on the load path as it does for a user.
    probe = subprocess.run([emacs, "--batch", "--eval", "(kill-emacs (if (locate-library \"eglot\") 0 1))"],
                           capture_output=True, timeout=60)
    if probe.returncode != 0:
        return None, "eglot (Debian package elpa-eglot) is not installed for emacs"
    return [emacs, "--batch", "-l", os.path.join(source, "tools", "editors", "eglot_test.el")], None


EDITORS = {"neovim": neovim_command, "eglot": eglot_command}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editor", required=True, choices=sorted(EDITORS))
    parser.add_argument("--netlint", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    source = os.path.abspath(args.source)
    command, why = EDITORS[args.editor](source)
    if command is None:
        return missing(why)
    home = tempfile.mkdtemp(prefix="netlint-editor-home-")
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local", "share"), XDG_STATE_HOME=os.path.join(home, ".local", "state"),
               NETLINT=os.path.abspath(args.netlint), NETLINT_DEMO=os.path.join(source, "testdata", "demo"))
    try:
        run = subprocess.run(command, env=env, cwd=home, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                             timeout=TIMEOUT)
    except subprocess.TimeoutExpired as e:
        print("FAIL %s: no result within %d s\n%s%s" % (args.editor, TIMEOUT, e.stdout or "", e.stderr or ""))
        return 1
    finally:
        shutil.rmtree(home, ignore_errors=True)
    sys.stdout.write(run.stdout)
    ok_lines = [line for line in run.stdout.splitlines() if line.startswith("ok ")]
    if run.returncode != 0 or not ok_lines:
        print("FAIL %s: the editor exited with %d; its stderr:\n%s" % (args.editor, run.returncode, run.stderr[-4000:]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
