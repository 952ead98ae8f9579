"""French and English are complete: every Dutch message of the sources (Python and Designer
forms) has a translation in both catalogs, none empty or fuzzy, with the same placeholders, and
the compiled .mo files are those of the .po files.

When this fails after Dutch texts changed: run scripts/update_catalogs.sh, translate what
``.venv/bin/python scripts/catalogs.py todo`` lists, and fill it in with ``catalogs.py fill``.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Message

from kina_desktop import i18n

ROOT = Path(__file__).resolve().parents[1]
REFRESH = "run scripts/update_catalogs.sh and translate what `.venv/bin/python scripts/catalogs.py todo` lists"


def load_catalogs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kina_catalogs", ROOT / "scripts" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


catalogs = load_catalogs()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The messages of the sources as they are now, extracted again (the repository's kina.pot
    is not touched; the fresh template is written to a temporary folder)."""
    extracted = catalogs.extract()
    (tmp_path_factory.mktemp("catalogs") / "kina.pot").write_bytes(catalogs.po_bytes(extracted))
    return extracted


def test_the_sources_have_messages_from_python_and_from_the_designer_forms(template) -> None:  # type: ignore[no-untyped-def]
    files = {location for message in template for location, _line in message.locations}
    assert any(f.startswith("kina_desktop/") and f.endswith(".py") for f in files)
    assert any(f.startswith("ui/") for f in files)
    assert len(template) > 1000


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(template, language: str) -> None:  # type: ignore[no-untyped-def]
    problems = catalogs.problems(template, language)
    listed = "\n".join(str(p) for p in problems[:40])
    more = f"\n… and {len(problems) - 40} more" if len(problems) > 40 else ""
    assert not problems, f"{len(problems)} problems in the {language} catalog ({REFRESH}):\n{listed}{more}"


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_the_compiled_catalog_is_that_of_the_po_file(language: str) -> None:
    assert not catalogs.stale_mo(language), f"{catalogs.mo_path(language)} is stale: {REFRESH}"


def test_every_designer_form_is_translated_at_run_time() -> None:
    """GettextTranslator answers only for the forms' contexts listed in app.FORM_CONTEXTS."""
    from kina_desktop import app

    forms = set()
    for ui in (ROOT / "ui").glob("*.ui"):
        text = ui.read_text(encoding="utf-8")
        forms.add(text.split("<class>", 1)[1].split("</class>", 1)[0])
    assert forms <= app.FORM_CONTEXTS, forms - app.FORM_CONTEXTS


def test_the_designer_extractor_skips_strings_marked_notr() -> None:
    form = b"""<?xml version="1.0" encoding="UTF-8"?>
<ui version="4.0"><class>Demo</class><widget class="QWidget" name="Demo">
 <property name="windowTitle"><string>Klacht &amp; dossier</string></property>
 <widget class="QLabel" name="a"><property name="text"><string notr="true">Naam klager</string></property></widget>
 <widget class="QLabel" name="b"><property name="text"><string/></property></widget>
</widget></ui>"""
    found = list(catalogs.extract_ui(io.BytesIO(form), {}, [], {}))
    assert [(message, comments) for _line, _func, message, comments in found] == [
        ("Klacht & dossier", ["Designer: Demo"])
    ]


@pytest.mark.parametrize(
    ("msgid", "msgstr", "wrong"),
    [
        ("Dossier {number} is opgeslagen.", "Le dossier a été enregistré.", "placeholders"),
        ("deze argumenten ontbreken: %s", "ces arguments manquent : %(names)s", "placeholders"),
        ("&Bestand", "Fichier", "accelerator"),
        ("Regel één\n", "Ligne un", "newline"),
        ("Klacht", "", "untranslated"),
    ],
)
def test_a_wrong_translation_is_caught(msgid: str, msgstr: str, wrong: str) -> None:
    problems = catalogs.translation_problems(Message(msgid, msgstr))
    assert problems and wrong in problems[0]


def test_a_fuzzy_translation_is_caught() -> None:
    assert catalogs.translation_problems(Message("Klacht", "Plainte", flags=["fuzzy"])) == ["fuzzy"]


@pytest.mark.parametrize(
    ("language", "complaint", "cases"), [("fr", "Plainte", "3 dossiers"), ("en", "Complaint", "3 cases")]
)
def test_the_program_speaks_the_chosen_language(language: str, complaint: str, cases: str) -> None:
    try:
        i18n.set_language(language)
        assert i18n._("Klacht") == complaint
        assert i18n.ngettext("{n} dossier", "{n} dossiers", 3).format(n=3) == cases
    finally:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
    assert i18n._("Klacht") == "Klacht"


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_a_newer_babel_compiling_the_same_messages_is_not_a_stale_catalog(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the messages and their translations count, not the generator named in the header."""
    import babel.messages.catalog

    po = catalogs.read_catalog(language)
    monkeypatch.setattr(babel.messages.catalog, "VERSION", "99.0.0")
    newer = catalogs.mo_bytes(catalogs.read_catalog(language))
    assert b"Babel 99.0.0" in newer and newer != catalogs.mo_path(language).read_bytes()
    assert catalogs.mo_meaning(newer) == catalogs.mo_meaning(catalogs.mo_bytes(po))


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_a_changed_or_missing_translation_is_a_stale_catalog(language: str) -> None:
    committed = catalogs.mo_meaning(catalogs.mo_path(language).read_bytes())
    changed = catalogs.read_catalog(language)
    message = next(m for m in changed if m.id and not isinstance(m.id, (list, tuple)))
    message.string = message.string + " (gewijzigd)"
    assert catalogs.mo_meaning(catalogs.mo_bytes(changed)) != committed
    fewer = catalogs.read_catalog(language)
    fewer.delete(message.id, context=message.context)
    assert catalogs.mo_meaning(catalogs.mo_bytes(fewer)) != committed
