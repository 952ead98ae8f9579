"""CaseTableModel.reload (a change made elsewhere): the rows as a fresh query would give them,
through row insertions and removals only — no reset — so that a view keeps its selection."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPersistentModelIndex

from kina_desktop.domain.complaint import CaseChanges as Edit
from kina_desktop.domain.views import CaseQuery, SortKey
from kina_desktop.gui.shell.case_table_model import CaseTableModel, ObjectRole
from kina_desktop.services.bundle import Services
from tests.factories import draft
from tests.gui.conftest import TODAY


def ids(model: CaseTableModel) -> list[int]:
    return [model.case_at(row).id for row in range(model.rowCount())]


def test_reload_moves_inserts_and_removes_rows_without_a_reset(services: Services, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    records = [services.cases.register(draft(subject=s)) for s in ("Appel", "Citroen", "Egel", "Gans")]
    model = CaseTableModel(services.case_list, lambda: TODAY, page_size=3)
    model.set_query(CaseQuery(sort=SortKey.SUBJECT))
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    kept = QPersistentModelIndex(model.index(2, 0))  # as a view's selection
    selected = kept.data(ObjectRole).id
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    services.cases.register(draft(subject="Beer"))  # comes between Appel and Citroen
    gans = services.cases.get_by_id(records[3].header.id)
    services.cases.save(Edit(gans.header.id, gans.header.version, description=replace(gans.description, subject="Aap")))
    model.reload()
    assert model.rowCount() == 5

    fresh = CaseTableModel(services.case_list, lambda: TODAY, page_size=5)
    fresh.set_query(CaseQuery(sort=SortKey.SUBJECT))
    assert ids(model) == ids(fresh)
    assert [model.case_at(r).subject for r in range(model.rowCount())] == ["Egel", "Citroen", "Beer", "Appel", "Aap"]
    assert model.total == 5 and resets == []
    assert kept.isValid() and kept.data(ObjectRole).id == selected
    qtmodeltester.check(model)


def test_reload_of_an_unchanged_list_changes_nothing(services: Services) -> None:
    for subject in ("Appel", "Beer"):
        services.cases.register(draft(subject=subject))
    model = CaseTableModel(services.case_list, lambda: TODAY)
    model.set_query(CaseQuery())
    inserted: list[int] = []
    model.rowsInserted.connect(lambda *_: inserted.append(1))
    model.rowsRemoved.connect(lambda *_: inserted.append(1))
    before = ids(model)
    model.reload()
    assert ids(model) == before and inserted == []
