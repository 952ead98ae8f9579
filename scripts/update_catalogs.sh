#!/usr/bin/env bash
# Refreshes the translations after Dutch texts changed in kina_desktop/ or ui/:
#   1. extracts every message into kina_desktop/locale/kina.pot (babel.cfg says where),
#   2. merges it into kina_desktop/locale/{fr,en}/LC_MESSAGES/kina.po (a changed text becomes
#      "fuzzy" with the old translation as suggestion; removed texts are dropped),
#   3. compiles the .mo files the program reads, and says how many messages still need work.
# Then translate what is missing:
#   .venv/bin/python scripts/catalogs.py todo > /tmp/todo.json   # fill in "fr" and "en"
#   .venv/bin/python scripts/catalogs.py fill /tmp/todo.json     # writes .po and .mo
#   .venv/bin/python scripts/catalogs.py check                   # what tests/test_catalogs.py checks
# Commit the .pot, .po and .mo files together.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
"$PYTHON" scripts/catalogs.py update
