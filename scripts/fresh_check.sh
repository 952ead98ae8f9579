#!/usr/bin/env bash
# What CI will do, before you stop: clone the committed main into a temporary folder (nothing
# uncommitted, no .venv, no caches), with ../shared beside it as CI has it, install into a brand-new
# virtual environment with pip's cache off, check that `pip freeze` equals the lock, and run the
# README's test command there. Takes as long as install plus the suite (about 15 minutes on a
# 2-core machine). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
work=$(mktemp -d /tmp/kina-fresh.XXXXXX)
trap 'rm -rf "$work"' EXIT
git clone -q --no-hardlinks "$here" "$work/main"
if [ -d "$here/../shared" ]; then cp -r "$here/../shared" "$work/shared"; fi
cd "$work/main"
echo "fresh clone of $(git rev-parse --short HEAD) in $work/main"
export PIP_NO_CACHE_DIR=1
start=$(date +%s)
bash scripts/install.sh
echo "install: $(( $(date +%s) - start )) s"
.venv/bin/python scripts/lock_check.py requirements/dev.txt
start=$(date +%s)
CI=true bash .ci/run "$@" </dev/null
echo "tests: $(( $(date +%s) - start )) s"
