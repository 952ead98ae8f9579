#!/usr/bin/env bash
# Quick start: install what is missing and open KINA Klachten on its embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/kina-desktop "$@"
