"""The interface in French and English: the main window, Qt's own buttons, the Designer forms and
the dates speak the language chosen under Beeld → Taal, which applies from the next start."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QLabel, QMessageBox

from kina_desktop import app, i18n
from kina_desktop.db.engine import Database
from kina_desktop.gui.common.formatting import case_count, long_date
from kina_desktop.gui.shell.interface_language import LANGUAGE_KEY, install_language, saved_language
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.gui.shell.user_guide import UserGuideDialog
from kina_desktop.services.bundle import Services
from tests.gui.conftest import EVERY_ROLE, TODAY, close_discarding_changes
from tests.gui.people import people_on
from tests.gui.windows import window_for

EXPECTED = {
    "fr": {
        "menus": ["Fichier", "Affichage", "Suivi", "Gestion", "Aide"],
        "buttons": ["&Oui", "&Non", "Annuler"],
        "form": "Traitement",
        "count": "0 dossier",
        "date": "24 novembre 2026",
        "locale": "fr_BE",
    },
    "en": {
        "menus": ["File", "View", "Follow-up", "Administration", "Help"],
        "buttons": ["&Yes", "&No", "Cancel"],
        "form": "Handling",
        "count": "0 cases",
        "date": "24 November 2026",
        "locale": "en_GB",
    },
}


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The language applied as at a start, and Dutch again afterwards for the other tests."""
    code: str = request.param
    install_language(qapp, code, app.FORM_CONTEXTS)
    try:
        yield code
    finally:
        install_language(qapp, i18n.DEFAULT_LANGUAGE, app.FORM_CONTEXTS)


def main_window(qtbot, services: Services, qsettings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services, qsettings, today=lambda: TODAY, database_label="test.db (SQLite)", person=EVERY_ROLE)
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    return window


@pytest.mark.parametrize("language", ["fr", "en"], indirect=True)
def test_the_main_window_and_qt_speak_the_chosen_language(
    qtbot,
    database: Database,
    request: pytest.FixtureRequest,
    qsettings: QSettings,
    language: str,  # type: ignore[no-untyped-def]
) -> None:
    """The director and administrator's window, as the composition root builds it."""
    expected = EXPECTED[language]
    people = people_on(database, request)
    window = window_for(qtbot, people, people.director, qsettings)
    assert window.menu_titles() == expected["menus"]
    accelerators = [a.text().split("&", 1)[1][0].lower() for a in window.menuBar().actions() if a.isVisible()]
    assert len(set(accelerators)) == len(accelerators), accelerators
    assert window.count_label.text() == expected["count"]

    box = QMessageBox(
        QMessageBox.Icon.Question,
        "?",
        "?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
    )
    shown = [
        box.button(b).text()
        for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Cancel)
    ]
    assert shown == expected["buttons"]
    assert QCoreApplication.translate("CaseEditor", "Behandeling") == expected["form"]
    assert long_date(dt.date(2026, 11, 24)) == expected["date"]
    assert QLocale().name() == expected["locale"]


GUIDE_NOTICES = {
    "nl": None,
    "fr": "Le guide de l'utilisateur n'existe qu'en néerlandais.",
    "en": "The user guide is available in Dutch only.",
}


@pytest.mark.parametrize("language", ["nl", "fr", "en"], indirect=True)
def test_the_user_guide_says_in_the_chosen_language_that_it_is_written_in_dutch(qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    notice = dialog.findChild(QLabel, "guide_language_notice")
    assert (notice.text() if notice is not None else None) == GUIDE_NOTICES[language]


def test_dutch_is_back_after_another_language(qtbot, services: Services, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = main_window(qtbot, services, qsettings)
    assert window.menu_titles()[:2] == ["Bestand", "Beeld"]
    assert case_count(2) == "2 dossiers"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"


def test_the_language_chosen_in_the_menu_is_kept_for_the_next_start(
    qtbot,
    services: Services,
    qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    notices: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: notices.append(text))
    window = main_window(qtbot, services, qsettings)
    menu = window.language_menu
    assert saved_language(qsettings) == "nl" and menu.actions["nl"].isChecked()

    menu.actions["fr"].trigger()
    assert qsettings.value(LANGUAGE_KEY) == "fr" and menu.actions["fr"].isChecked()
    assert notices == [
        "De nieuwe taal geldt vanaf de volgende start van KINA Klachten.\n\n"
        "La nouvelle langue s'appliquera au prochain démarrage de KINA Plaintes."
    ]
    assert window.menu_titles()[0] == "Bestand"  # nothing changes before the restart
    menu.actions["fr"].trigger()  # the same choice again says nothing new
    assert len(notices) == 1


def test_an_unknown_saved_language_falls_back_to_dutch(qsettings: QSettings) -> None:
    qsettings.setValue(LANGUAGE_KEY, "de")
    assert saved_language(qsettings) == "nl"
