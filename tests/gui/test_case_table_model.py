"""The case list model without any window: rows, lazy pages, database-side order, redaction."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from kina_desktop.domain.enums import Category, Kind, Level, Role
from kina_desktop.domain.views import CaseQuery, SortKey
from kina_desktop.domain.visibility import Viewer
from kina_desktop.gui.shell import case_table_model as cols
from kina_desktop.gui.shell.case_filter_proxy import CaseFilterProxy
from kina_desktop.gui.shell.case_table_model import CaseTableModel, ObjectRole
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from tests.factories import draft
from tests.gui.conftest import TODAY, services_as

NAMES = ["Wim", "Anna", "Koen", "Bart", "Els", "Jef", "Lotte", "Ria", "Dirk", "Chris", "Mia", "Gert"]


def text(model, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def test_the_list_shows_the_register_in_dutch(ctx: ServiceContext, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    services = Services.for_context(ctx)
    for name in ("Jan Peeters", "Marie Claes", "Sofie Maes"):
        services.cases.register(draft(complainant_name=name))
    model = CaseTableModel(services.case_list, lambda: TODAY)
    model.set_query(CaseQuery())
    qtmodeltester.check(model)

    assert model.rowCount() == 3 and model.total == 3
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Opvolgingsnummer",
        "Ontvangen",
        "Klager",
        "Onderwerp",
        "Categorie",
        "Niveau",
        "Status",
        "Behandelaar",
        "Volgende termijn",
        "Soort",
    ]
    # newest first by default
    assert [text(model, r, cols.COL_TRACKING_NUMBER) for r in range(3)] == ["2026-0003", "2026-0002", "2026-0001"]
    assert text(model, 0, cols.COL_COMPLAINANT) == "Sofie Maes"
    assert text(model, 0, cols.COL_RECEIVED_ON) == "20-11-2026"
    assert text(model, 0, cols.COL_CATEGORY) == "Dagelijkse werking"
    assert text(model, 0, cols.COL_LEVEL) == "2"
    assert text(model, 0, cols.COL_STATUS) == "Geregistreerd"
    # Art. 5: acknowledgement within 5 working days of 20 November 2026 (a Friday)
    assert text(model, 0, cols.COL_NEXT_DEADLINE) == "27-11-2026"
    assert model.index(0, 0).data(ObjectRole).tracking_number == "2026-0003"


def test_every_case_is_a_row_and_a_page_is_read_when_first_shown(ctx: ServiceContext, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    services = Services.for_context(ctx)
    for name in NAMES:
        services.cases.register(draft(complainant_name=name))
    model = CaseTableModel(services.case_list, lambda: TODAY, page_size=5)
    model.set_query(CaseQuery())

    assert (model.rowCount(), model.total) == (12, 12)
    assert model.pages.cached_pages() == [0]
    assert text(model, 11, cols.COL_TRACKING_NUMBER) == "2026-0001"  # the last page, read from the end
    assert model.pages.cached_pages() == [0, 2]
    qtmodeltester.check(model)
    numbers = [text(model, r, cols.COL_TRACKING_NUMBER) for r in range(12)]
    assert numbers == [f"2026-{n:04d}" for n in range(12, 0, -1)]


def test_sorting_asks_the_database_so_rows_not_yet_loaded_come_in_order(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    for name in NAMES:
        services.cases.register(draft(complainant_name=name))
    model = CaseTableModel(services.case_list, lambda: TODAY, page_size=5)
    model.set_query(CaseQuery())
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)

    proxy.sort(cols.COL_COMPLAINANT, Qt.SortOrder.AscendingOrder)

    assert model.query.sort == SortKey.COMPLAINANT and not model.query.descending
    # The first page is the alphabetical start of *all* twelve, not of the five read before.
    first_page = [text(proxy, r, cols.COL_COMPLAINANT) for r in range(5)]
    assert first_page == sorted(NAMES)[:5]
    assert proxy.rowCount() == 12
    assert [text(proxy, r, cols.COL_COMPLAINANT) for r in range(12)] == sorted(NAMES)

    proxy.sort(cols.COL_COMPLAINANT, Qt.SortOrder.DescendingOrder)
    assert model.query.descending
    assert [text(proxy, r, cols.COL_COMPLAINANT) for r in range(5)] == sorted(NAMES, reverse=True)[:5]


def test_sorting_by_receipt_date_keeps_loaded_rows_in_the_database_order(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    for day in (12, 3, 20, 3, 7):
        services.cases.register(draft(received_on=dt.date(2026, 11, day), facts_on=None))
    model = CaseTableModel(services.case_list, lambda: TODAY)
    model.set_query(CaseQuery())
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(cols.COL_RECEIVED_ON, Qt.SortOrder.AscendingOrder)
    shown = [text(proxy, r, cols.COL_TRACKING_NUMBER) for r in range(5)]
    from_database = [c.tracking_number for c in services.case_list.page(model.query)]
    assert shown == from_database == ["2026-0002", "2026-0004", "2026-0005", "2026-0001", "2026-0003"]


def test_a_confidential_personnel_complaint_shows_vertrouwelijk_to_anyone_but_the_director(ctx: ServiceContext) -> None:
    director = Services.for_context(ctx)
    director.cases.register(
        draft(
            category=Category.PERSONNEL,
            level=Level.TWO,
            complainant_name="Els Wouters",
            subject="Gedrag van een verzorgende",
        )
    )
    director.cases.register(draft(complainant_name="Jan Peeters"))
    receiver = services_as(ctx.database, Viewer(None, frozenset({Role.RECEIVER}), "Onthaal"))
    model = CaseTableModel(receiver.case_list, lambda: TODAY)
    model.set_query(CaseQuery(sort=SortKey.TRACKING_NUMBER, descending=False))

    confidential = model.index(0, cols.COL_COMPLAINANT)
    assert confidential.data() == "Vertrouwelijk"
    assert model.index(0, cols.COL_SUBJECT).data() == "Vertrouwelijk"
    assert confidential.data(Qt.ItemDataRole.FontRole).italic()
    assert confidential.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#595959"  # 6.5:1 on an alternate row
    assert not model.index(0, cols.COL_TRACKING_NUMBER).data(Qt.ItemDataRole.DecorationRole).isNull()  # the lock
    assert "Art. 6" in confidential.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, cols.COL_TRACKING_NUMBER).data() == "2026-0001"  # the number stays visible
    assert model.index(1, cols.COL_COMPLAINANT).data() == "Jan Peeters"
    assert model.index(1, cols.COL_COMPLAINANT).data(Qt.ItemDataRole.FontRole) is None

    as_director = CaseTableModel(director.case_list, lambda: TODAY)
    as_director.set_query(CaseQuery(descending=False))
    assert as_director.index(0, cols.COL_COMPLAINANT).data() == "Els Wouters"


def test_overdue_deadline_is_red_and_a_deadline_due_today_amber(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    services.cases.register(draft())
    today = [TODAY]
    model = CaseTableModel(services.case_list, lambda: today[0])
    model.set_query(CaseQuery())
    deadline = model.case_at(0).next_deadline
    assert deadline is not None
    cell = model.index(0, cols.COL_NEXT_DEADLINE)

    today[0] = deadline - dt.timedelta(days=1)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is None
    today[0] = deadline
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == cols.DUE_TODAY_BACKGROUND
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Termijn verstrijkt vandaag"
    today[0] = deadline + dt.timedelta(days=1)
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == cols.OVERDUE_BACKGROUND
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Termijn verstreken"


def test_an_anonymous_report_shows_anoniem_instead_of_an_empty_name(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    services.cases.register(draft(kind=Kind.ANONYMOUS_REPORT, complainant_name="", complainant_email=""))
    model = CaseTableModel(services.case_list, lambda: TODAY)
    model.set_query(CaseQuery())
    assert model.index(0, cols.COL_COMPLAINANT).data() == "(anoniem)"


def test_search_and_ready_view_are_applied_by_the_database(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    services.cases.register(draft(complainant_name="Sofie Maes"))
    services.cases.register(draft(complainant_name="Jan Peeters"))
    model = CaseTableModel(services.case_list, lambda: TODAY)
    model.set_query(CaseQuery(search="sofie"))
    assert [model.case_at(r).complainant_name for r in range(model.rowCount())] == ["Sofie Maes"]
    assert model.total == 1
