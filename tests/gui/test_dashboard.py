"""Issue 6: Opvolging → Statistieken (Ctrl+Shift+S), the figures of a period at a glance: key
figures of Art. 5, a bar chart per breakdown, nl_BE numbers; a personnel complaint's details stay
with the director (the confidential track), with each person's own login on PostgreSQL too."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from kina_desktop.db.engine import Database
from kina_desktop.domain.enums import Category, Channel, Kind, Level, Role
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.common.background import SynchronousRunner, ThreadRunner
from kina_desktop.gui.follow_up.bar_chart import Bar, BarChart
from kina_desktop.gui.follow_up.statistics_view import StatisticsDialog
from kina_desktop.gui.shell.main_window import MainWindow
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import TODAY, services_as
from tests.gui.steps import PEOPLE
from tests.postgres.test_row_level_security import login, people, pg_database, services_for  # noqa: F401

SECRET_ORGANISATION = "OCMW Geheimdorp"
DIRECTOR = Viewer(None, frozenset({Role.DIRECTOR}), "Dirk Directeur")
TEAM = PEOPLE[Role.TEAM]


def dashboard(qtbot, services: Services) -> StatisticsDialog:  # type: ignore[no-untyped-def]
    dialog = StatisticsDialog(services.statistics, SynchronousRunner(), lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def bars(dialog: StatisticsDialog, key: str) -> dict[str, str]:
    return {bar.label: bar.text for bar in dialog.charts[key].chart.bars()}


def every_text(dialog: StatisticsDialog) -> str:
    texts = [dialog.heading.text(), dialog.hidden.text()]
    for tile in dialog.tiles.values():
        texts += [tile.title.text(), tile.value.text(), tile.detail.text()]
    for box in dialog.charts.values():
        texts += [box.title(), box.note.text()]
        texts += [f"{bar.label} {bar.text} {bar.tooltip}" for bar in box.chart.bars()]
    return "\n".join(texts)


def register_year(services: Services) -> None:
    services.cases.register(draft(channel=Channel.POST, organisation="OCMW Zoersel"))
    services.cases.register(draft(channel=Channel.POST, organisation="OCMW Zoersel"))
    services.cases.register(draft(channel=Channel.EMAIL, organisation="KINA – Onthaal en secretariaat"))
    services.cases.register(draft(kind=Kind.INFORMATION_REQUEST))


def test_the_dashboard_shows_the_figures_of_the_working_year(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    services = services_as(database, DIRECTOR)
    register_year(services)
    dialog = dashboard(qtbot, services)
    assert dialog.windowTitle() == "Statistieken"
    assert dialog.heading.text() == "Werkjaar 2026 — van 01-01-2026 tot en met 24-11-2026"
    assert dialog.figures == services.statistics.figures(dt.date(2026, 1, 1), TODAY)
    assert dialog.tiles["complaints"].value.text() == "3"
    assert dialog.tiles["complaints"].detail.text() == "en 1 informatievraag, 0 anonieme meldingen"
    assert dialog.tiles["open"].title.text() == "Open klachten op 24-11-2026"
    assert dialog.tiles["open"].value.text() == "3"
    # nl_BE: a decimal comma and a space before the percent sign.
    assert bars(dialog, "channels")["Post"].replace("\xa0", " ") == "2  (66,7 %)"
    assert bars(dialog, "channels")["Webformulier"] == "0"
    assert bars(dialog, "kinds")["Informatievraag"].replace("\xa0", " ") == "1  (25,0 %)"
    assert list(bars(dialog, "levels")) == ["Niveau 1", "Niveau 2", "Niveau 3"]
    assert list(bars(dialog, "organisations")) == ["OCMW Zoersel", "KINA – Onthaal en secretariaat"]
    assert list(bars(dialog, "bands")) == ["0–20 dagen", "21–45 dagen", "46–90 dagen", "meer dan 90 dagen"]
    assert not dialog.hidden.isVisible()


def test_another_year_and_a_period_from_to_are_counted_again(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    services = services_as(database, DIRECTOR)
    register_year(services)
    dialog = dashboard(qtbot, services)
    dialog.choose_year(2025)
    assert dialog.figures is not None and dialog.figures.complaints == 0
    assert dialog.heading.text() == "Werkjaar 2025 — van 01-01-2025 tot en met 31-12-2025"
    assert bars(dialog, "organisations") == {}
    dialog.choose_range(dt.date(2026, 11, 1), dt.date(2026, 12, 31))
    assert (dialog.figures.start, dialog.figures.end) == (dt.date(2026, 11, 1), TODAY)  # never past today
    assert dialog.figures.complaints == 3
    assert dialog.heading.text() == "Periode — van 01-11-2026 tot en met 24-11-2026"
    dialog.choose_range(dt.date(2026, 11, 24), dt.date(2026, 11, 2))
    assert dialog.status.text() == "De einddatum ligt voor de begindatum."


def test_no_one_sees_details_of_a_personnel_complaint_in_the_statistics(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    """Art. 6-7: the figures are the same for every role, as the annual report's: the director
    reads a confidential complaint in the case itself, never in a count."""
    director = services_as(database, DIRECTOR)
    register_year(director)
    director.cases.register(
        draft(
            category=Category.PERSONNEL, level=Level.TWO, organisation=SECRET_ORGANISATION, staff_member="Greet Geheim"
        )
    )
    seen_by_director = dashboard(qtbot, director)
    assert SECRET_ORGANISATION not in every_text(seen_by_director)
    assert seen_by_director.tiles["complaints"].value.text() == "4"

    team = dashboard(qtbot, services_as(database, TEAM))
    assert team.figures == seen_by_director.figures
    text = every_text(team)
    assert SECRET_ORGANISATION not in text and "Greet Geheim" not in text
    assert team.hidden.isVisible()
    assert team.hidden.text().startswith("Zonder 1 vertrouwelijke klacht over personeelsaangelegenheden")
    # Its existence is known: the totals by kind and category count it; its outcome is not.
    assert team.tiles["complaints"].value.text() == "4"
    assert bars(team, "categories")["Personeelsaangelegenheden"].startswith("1 ")
    assert sum(bar.value for bar in team.charts["admissibility"].chart.bars()) == 3
    assert team.charts["admissibility"].note.text() == "Zonder de vertrouwelijke klachten."


@pytest.mark.postgres
def test_with_own_logins_the_team_and_the_director_see_the_same_dashboard(qtbot, people) -> None:  # type: ignore[no-untyped-def]
    receiver = services_for(*people["receiver"])
    receiver.cases.register(draft(organisation="OCMW Zoersel"))
    receiver.cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            organisation=SECRET_ORGANISATION,
            complainant_name="Petra Klaagster",
        )
    )
    director = dashboard(qtbot, services_for(*people["director"]))
    assert SECRET_ORGANISATION not in bars(director, "organisations")
    team = dashboard(qtbot, services_for(*people["team"]))
    assert team.figures == director.figures
    text = every_text(team)
    assert SECRET_ORGANISATION not in text and "Petra Klaagster" not in text
    assert list(bars(team, "organisations")) == ["OCMW Zoersel"]
    assert team.tiles["complaints"].value.text() == "2" and team.hidden.isVisible()


def test_the_counting_runs_off_the_gui_thread(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    register_year(services)
    runner = ThreadRunner()
    dialog = StatisticsDialog(services.statistics, runner, lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.status.text() == "Bezig met tellen…"
    qtbot.waitUntil(lambda: dialog.figures is not None, timeout=10_000)
    assert dialog.tiles["complaints"].value.text() == "3" and not runner.busy()


def test_closing_while_counting_drops_the_count(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    runner = ThreadRunner()
    dialog = StatisticsDialog(services.statistics, runner, lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.close()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10_000)
    assert dialog.figures is None


def test_ctrl_shift_s_opens_the_dashboard_from_the_opvolging_menu(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    action = window.follow_up.statistics_action
    assert action.text() == "&Statistieken…" and action.shortcut() == QKeySequence("Ctrl+Shift+S")
    assert action in window.follow_up_menu.actions()
    action.trigger()
    dialog = window.follow_up.open_dialogs["statistics"]
    assert isinstance(dialog, StatisticsDialog) and dialog.isVisible()
    action.trigger()  # again: the same window comes to the front
    assert window.follow_up.open_dialogs["statistics"] is dialog
    qtbot.waitUntil(lambda: dialog.figures is not None, timeout=10_000)
    dialog.close()
    qtbot.waitUntil(lambda: "statistics" not in window.follow_up.open_dialogs)


def test_long_labels_wrap_and_every_bar_has_its_number(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(420, 100)
    short = [Bar("Post", 3, "3"), Bar("E-mail", 1, "1")]
    chart.set_rows(short)
    two_rows = chart.heightForWidth(420)
    chart.set_rows([*short, Bar("Klacht over het algemeen beleid, beleidsvoornemens of verklaringen", 2, "2")])
    # the long label takes two lines: its row is taller than a short one
    assert chart.heightForWidth(420) - two_rows > two_rows / 2
    assert not chart.grab().isNull()
    chart.set_rows([])
    assert not chart.grab().isNull() and chart.heightForWidth(420) > 0


def test_the_dashboard_remembers_its_size(qtbot, services: Services, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    first = StatisticsDialog(services.statistics, SynchronousRunner(), lambda: TODAY, settings=qsettings)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 520)  # within the 800x600 offscreen screen
    first.close()
    again = StatisticsDialog(services.statistics, SynchronousRunner(), lambda: TODAY, settings=qsettings)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (760, 520)
