"""The main window follows what colleagues do on other PCs (docs/architecture.md, "A list that
stays current"): two program instances — two Databases, two Services bundles, two main windows —
on one database, SQLite and PostgreSQL. A registration, a step or a change with plain SQL in one
shows in the other's list and counts within 2 s without Vernieuwen; the selection stays; an open
editor of the changed case reloads, or, with unsaved changes, says someone else changed it."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings

from kina_desktop.db.engine import Database
from kina_desktop.domain.complaint import CaseChanges as Edit
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import EVERY_ROLE, TODAY, close_discarding_changes, services_as

WITHIN_MS = 2_000


def window_on(qtbot, services: Services, qsettings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services, qsettings, today=lambda: TODAY, person=EVERY_ROLE, changes=services.change_watch)
    qtbot.addWidget(window, before_close_func=close_discarding_changes)
    window.show()
    qtbot.waitUntil(lambda: services.change_watch.connected, timeout=WITHIN_MS)
    return window


@pytest.fixture
def here(database: Database, director: Viewer) -> Services:
    return services_as(database, director)


@pytest.fixture
def elsewhere(database: Database, director: Viewer) -> Iterator[Services]:
    """The colleague's PC: its own Database (its own connections) on the same database."""
    other = Database(database.url)
    yield services_as(other, director)
    other.dispose()


def shown_within(qtbot, condition) -> float:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    qtbot.waitUntil(condition, timeout=WITHIN_MS)
    return time.monotonic() - started


def test_a_registration_on_another_pc_shows_in_the_list_and_the_counts(  # type: ignore[no-untyped-def]
    qtbot, here: Services, elsewhere: Services, qsettings: QSettings, database: Database
) -> None:
    first = here.cases.register(draft(complainant_name="Eerste Klager"))
    window = window_on(qtbot, here, qsettings)
    other_window = window_on(qtbot, elsewhere, QSettings(qsettings.fileName() + "2", QSettings.Format.IniFormat))
    window.select_case(first.header.id)
    resets: list[int] = []
    window.model.modelReset.connect(lambda: resets.append(1))

    record = elsewhere.cases.register(draft(complainant_name="Tweede Klager"))
    took = shown_within(qtbot, lambda: window.model.row_of(record.header.id) >= 0)
    print(f"\nregistration shown after {took:.3f} s on {database.dialect}")
    qtbot.waitUntil(lambda: window.count_label.text() == "2 dossiers", timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: window.views.item(0).text().endswith("(2)"), timeout=WITHIN_MS)
    assert window.selected_case_id() == first.header.id  # the selection stayed
    assert resets == []  # rows inserted, no reset: no flicker

    # The window's own registration shows as before (its own write path).
    mine = here.cases.register(draft(complainant_name="Derde Klager"))
    shown_within(qtbot, lambda: other_window.model.row_of(mine.header.id) >= 0)


def test_a_change_with_plain_sql_shows_too(  # type: ignore[no-untyped-def]
    qtbot, here: Services, qsettings: QSettings, database: Database
) -> None:
    record = here.cases.register(draft(subject="Koude soep"))
    window = window_on(qtbot, here, qsettings)
    row = window.model.row_of(record.header.id)
    assert window.model.case_at(row).subject == "Koude soep"
    statement = f"UPDATE case_descriptions SET subject = 'Lauwe soep' WHERE case_id = {record.header.id}"
    if database.is_sqlite:
        with sqlite3.connect(str(database.engine.url.database)) as plain:
            plain.execute(statement)
    else:  # psycopg on its own, as psql would
        import psycopg
        from sqlalchemy.engine import make_url

        uri = make_url(database.url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(uri, autocommit=True) as plain:
            plain.execute(statement)
    took = shown_within(
        qtbot, lambda: window.model.case_at(window.model.row_of(record.header.id)).subject == "Lauwe soep"
    )
    print(f"\nplain SQL shown after {took:.3f} s on {database.dialect}")


def test_an_open_editor_reloads_or_says_someone_else_changed_it(  # type: ignore[no-untyped-def]
    qtbot, here: Services, elsewhere: Services, qsettings: QSettings
) -> None:
    calm = here.cases.register(draft(subject="Rustig dossier"))
    busy = here.cases.register(draft(subject="Druk dossier"))
    window = window_on(qtbot, here, qsettings)
    untouched = window.open_case(calm.header.id)
    typing = window.open_case(busy.header.id)
    assert untouched is not None and typing is not None
    typing.description_form.ui.subject.setText("Wat ik aan het typen ben")

    for record in (calm, busy):
        theirs = elsewhere.cases.get_by_id(record.header.id)
        elsewhere.cases.save(
            Edit(
                theirs.header.id, theirs.header.version, description=replace(theirs.description, text="Van een collega")
            )
        )

    shown_within(qtbot, lambda: untouched.record.description.text == "Van een collega")
    assert "werd intussen elders gewijzigd" in untouched.message()
    assert not untouched.has_unsaved_changes()
    shown_within(qtbot, lambda: "werd intussen gewijzigd door" in typing.message())
    assert typing.description_form.ui.subject.text() == "Wat ik aan het typen ben"  # nothing overwritten
    assert typing.record.header.version == busy.header.version
    assert not typing.ui.reload_button.isHidden()


def test_closing_the_window_stops_watching(qtbot, here: Services, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = window_on(qtbot, here, qsettings)
    assert here.change_watch.running
    window.close()
    assert not here.change_watch.running and not here.change_watch.connected
