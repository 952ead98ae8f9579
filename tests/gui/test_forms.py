"""The Designer forms: generated code matches its .ui source, and every field of Art. 5 is on a form
with the domain's own label."""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from kina_desktop.domain.complaint import Closure, Description, Handling
from kina_desktop.domain.labels import field_label
from kina_desktop.gui.case.closure_page import ClosurePage
from kina_desktop.gui.case.description_form import DescriptionForm
from kina_desktop.gui.case.handling_page import HandlingPage

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "kina_desktop" / "gui" / "forms"
UIC = Path(sys.executable).with_name("pyside6-uic")


def test_every_generated_form_has_a_designer_source_and_back() -> None:
    sources = {p.stem for p in UI_DIR.glob("*.ui")}
    generated = {p.stem.removeprefix("ui_") for p in FORMS_DIR.glob("ui_*.py")}
    assert sources and sources == generated


@pytest.mark.parametrize("source", sorted(UI_DIR.glob("*.ui")), ids=lambda p: p.name)
def test_generated_form_is_up_to_date_with_its_ui_file(source: Path, tmp_path: Path) -> None:
    """Edit ui/*.ui in Qt Designer, then run scripts/build_forms.sh."""
    fresh = tmp_path / f"{source.stem}.py"
    subprocess.run([str(UIC), source.name, "-o", str(fresh)], cwd=UI_DIR, check=True)
    committed = FORMS_DIR / f"ui_{source.stem}.py"
    assert code_meaning(committed.read_text(encoding="utf-8")) == code_meaning(fresh.read_text(encoding="utf-8")), (
        f"{committed.relative_to(ROOT)} is out of date: run scripts/build_forms.sh"
    )


def code_meaning(source: str) -> str:
    """The generated module as Python sees it: comments (the banner naming uic's version) and
    layout left out, every statement, name and string kept."""
    return ast.dump(ast.parse(source))


def test_a_newer_uic_banner_is_the_same_form_but_a_changed_statement_is_not() -> None:
    committed = (FORMS_DIR / "ui_case_editor.py").read_text(encoding="utf-8")
    newer = committed.replace("Qt User Interface Compiler version", "Qt User Interface Compiler version 99.0 (was")
    assert newer != committed and code_meaning(newer) == code_meaning(committed)
    changed = committed.replace('setObjectName(u"', 'setObjectName(u"x', 1)
    assert code_meaning(changed) != code_meaning(committed)


def shown_label(form: QWidget, name: str) -> str:
    for label in form.findChildren(QLabel):
        if label.buddy() is not None and label.buddy().objectName() == name:
            return label.text()
    box = form.findChild(QCheckBox, name)
    return box.text() if box is not None else ""


@pytest.mark.parametrize(
    ("page_type", "part", "skip"),
    [
        (DescriptionForm, Description, set()),
        (HandlingPage, Handling, {"handler_id"}),  # assigned on the case's route, shown read-only
        (ClosurePage, Closure, set()),
    ],
    ids=["beschrijving", "behandeling", "afronding"],
)
def test_every_field_of_the_part_is_on_its_form_with_the_domain_label(qtbot, page_type, part, skip) -> None:  # type: ignore[no-untyped-def]
    page = page_type()
    qtbot.addWidget(page)
    widgets = page.field_widgets()
    for f in fields(part):
        if f.name in skip:
            continue
        assert f.name in widgets, f"{part.__name__}.{f.name} has no widget"
        assert shown_label(page, f.name) == field_label(f.name)
