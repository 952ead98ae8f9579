"""Generated from ../../../ui/*.ui by scripts/build_forms.sh (pyside6-uic); never edit by hand."""
