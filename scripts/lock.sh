#!/usr/bin/env bash
# Refreshes the lock files from the ranges in pyproject.toml (and requirements/build.in):
#   requirements/runtime.txt  what the program needs (the installed program, the PyInstaller bundle)
#   requirements/dev.txt      the same versions plus the test, build and packaging tools
# Both are universal (Linux, Windows, macOS; Python 3.11 and newer: platform markers where a
# package is needed on one system only) and carry the sha256 of every file, so plain pip installs
# them with --require-hashes on any PC. uv computes them; it is not needed to install them.
#
#   bash scripts/lock.sh                    newest versions the ranges allow
#   bash scripts/lock.sh --upgrade-package babel   only that package moves
#
# Check an upgrade before committing it:
#   1. bash scripts/test.sh        the whole suite, SQLite and PostgreSQL (reinstalls from the lock)
#   2. the bundle test runs in it (tests/packaging); it rebuilds when the lock changed
#   3. .venv/bin/python scripts/window_gallery.py, then look at the pictures (Qt upgrades move
#      widgets and fonts)
#   4. git diff requirements/ and say in the commit which packages moved and why
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.10
tools=$(mktemp -d /tmp/kina-lock.XXXXXX)
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools/venv"
"$tools/venv/bin/python" -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
uv=("$tools/venv/bin/uv" pip compile --universal --python-version 3.11 --generate-hashes -q)
"${uv[@]}" "$@" pyproject.toml -o requirements/runtime.txt
# dev: constrained by runtime.txt, so the program gets the same versions with and without the tools
"${uv[@]}" "$@" pyproject.toml requirements/build.in --extra dev -c requirements/runtime.txt \
  -o requirements/dev.txt
echo "requirements/runtime.txt: $(grep -c '==' requirements/runtime.txt) pins;" \
  "requirements/dev.txt: $(grep -c '==' requirements/dev.txt) pins"
git --no-pager diff --stat -- requirements/ || true
