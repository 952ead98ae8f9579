#!/usr/bin/env bash
# Regenerates kina_desktop/gui/forms/ui_*.py from the Qt Designer sources in ui/*.ui.
# The generated files are committed and never edited by hand; tests/gui/test_forms.py
# fails when one of them no longer matches its .ui source.
set -euo pipefail
cd "$(dirname "$0")/.."
UIC=${UIC:-.venv/bin/pyside6-uic}
out=kina_desktop/gui/forms
for ui in ui/*.ui; do
  name=$(basename "$ui" .ui)
  (cd ui && "../$UIC" "$name.ui" -o "../$out/ui_$name.py")
  echo "$ui -> $out/ui_$name.py"
done
