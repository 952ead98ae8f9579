#!/usr/bin/env bash
# The gates of the README's test command, on their own (a few seconds): ruff's lint and format
# check, mypy (strict on domain/ and reports/, the baseline in pyproject.toml for the rest) and the
# import-linter contracts. `bash scripts/check.sh --fix` lets ruff repair what it can first.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(kina_desktop tests scripts benchmarks)
if [ "${1:-}" = "--fix" ]; then
  .venv/bin/ruff check --fix -q "${paths[@]}" || true
  .venv/bin/ruff format -q "${paths[@]}"
fi
.venv/bin/ruff check -q "${paths[@]}"
.venv/bin/ruff format --check -q "${paths[@]}"
.venv/bin/mypy
.venv/bin/lint-imports --no-cache >/dev/null || .venv/bin/lint-imports --no-cache
echo "gates passed: ruff, ruff format, mypy, import contracts"
