"""'Gekende klager' in the registration form: the complainant's earlier cases and, when
one looks like the same facts, the Art. 3 proposal 'already correctly handled'. Only cases
matched on the same e-mail address or the same name at the same address are listed, each with
why (domain/known_complainant.py): a namesake's cases are never shown.

The panel only informs. The proposal is decided by nobody here: it comes back pre-checked in the
admissibility step of the new case, where a person confirms or rejects it (Art. 3). Double-click
(or a click and Enter) opens an earlier case in the case editor, through ``on_open``; the list
holds only cases whose description the person may read (services/cases/earlier_cases.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem

from kina_desktop.domain.known_complainant import KnownComplainant
from kina_desktop.gui.common.accessible import name_view, rows_to_read
from kina_desktop.gui.common.formatting import short_date
from kina_desktop.i18n import _, ngettext
from kina_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kina_desktop.domain.complaint import ComplaintDraft
    from kina_desktop.gui.intake.intake_ports import ComplainantLookup

LOOKUP_DELAY_MS = 400
PROPOSAL_STYLE = "color: #8a4b00;"
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 4
REASON_COLUMN = 4


class _OpenOnEnter(QObject):
    """Enter on the list opens the chosen case (and never reaches the dialog's buttons)."""

    def __init__(self, table: QTreeWidget, open_item: Callable[[QTreeWidgetItem], None]) -> None:
        super().__init__(table)
        self._table = table
        self._open_item = open_item

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            item = self._table.currentItem()
            if item is not None:
                self._open_item(item)
            return True
        return False


class KnownComplainantPanel:
    def __init__(
        self,
        group: QGroupBox,
        summary: QLabel,
        table: QTreeWidget,
        proposal: QLabel,
        lookup: ComplainantLookup,
        draft: Callable[[], ComplaintDraft],
        on_appeared: Callable[[], None] | None = None,
        on_open: Callable[[int], None] | None = None,
    ) -> None:
        self.group = group
        self.summary = summary
        self.table = table
        self.proposal = proposal
        self._lookup = lookup
        self._draft = draft
        self._on_appeared = on_appeared or (lambda: None)
        self._on_open = on_open
        self.result = KnownComplainant()
        # Reached with Tab like every list (when it is shown: only for a known complainant);
        # the arrow keys go through the cases, Enter opens one.
        table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        name_view(
            table,
            _("Eerdere klachten van deze klager"),
            _("Enter opent de gekozen klacht.") if on_open is not None else rows_to_read(),
        )
        if on_open is not None:
            table.itemActivated.connect(self._open)
            table.installEventFilter(_OpenOnEnter(table, self._open))
        self.proposal.setStyleSheet(PROPOSAL_STYLE)
        # Why each case matched (the same e-mail address, or the same name at the same address:
        # domain/known_complainant.py), beside the form's four columns.
        table.setColumnCount(REASON_COLUMN + 1)
        table.headerItem().setText(REASON_COLUMN, _("Waarom"))
        header = table.header()
        header.setStretchLastSection(False)
        for column in (0, 1, 3, REASON_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._timer = QTimer(group)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.show(KnownComplainant())

    def schedule(self) -> None:
        """Look again a moment after the person stops typing."""
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        try:
            result = self._lookup.known_complainant(self._draft())
        except ServiceError:
            result = KnownComplainant()
        self.show(result)

    def show(self, result: KnownComplainant) -> None:
        self.result = result
        self.table.clear()
        cases = result.cases
        appeared = bool(cases) and self.group.isHidden()
        self.group.setVisible(bool(cases))
        if not cases:
            return
        reasons = sorted({case.reason for case in cases})
        self.summary.setText(
            ngettext(
                "Deze klager staat al in het register ({reasons}): {count} eerder dossier.",
                "Deze klager staat al in het register ({reasons}): {count} eerdere dossiers.",
                len(cases),
            ).format(reasons=", ".join(reasons), count=len(cases))
        )
        for case in cases:
            item = QTreeWidgetItem(
                [case.tracking_number, short_date(case.received_on), case.subject, case.status.label(), case.reason]
            )
            item.setData(0, CASE_ID_ROLE, case.case_id)
            opens = _("Dubbelklik of Enter opent het dossier.") if self._on_open is not None else ""
            item.setToolTip(2, f"{case.subject}\n{opens}".strip())
            item.setToolTip(0, opens)
            if case.same_facts:
                same = _("Lijkt over dezelfde feiten te gaan")
                item.setToolTip(0, f"{same}\n{opens}".strip())
                for column in range(REASON_COLUMN + 1):
                    font = item.font(column)
                    font.setBold(True)
                    item.setFont(column, font)
            self.table.addTopLevelItem(item)
        self._fit_table(len(cases))
        if result.proposal is not None:
            self.proposal.setText(
                _(
                    "Voorstel: ‘{ground}’. {explanation} U bevestigt of verwerpt dit voorstel bij de beslissing "
                    "over de ontvankelijkheid."
                ).format(ground=result.proposal.ground.label(), explanation=result.proposal.explanation)
            )
        self.proposal.setVisible(result.proposal is not None)
        if appeared:
            self._on_appeared()

    def _fit_table(self, rows: int) -> None:
        """As tall as its rows, up to VISIBLE_ROWS (then it scrolls)."""
        shown = max(1, min(rows, VISIBLE_ROWS))
        row = self.table.sizeHintForRow(0) if rows else self.table.fontMetrics().height() + 4
        height = self.table.header().sizeHint().height() + shown * row + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(height)

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        case_id = item.data(0, CASE_ID_ROLE)
        if case_id is not None and self._on_open is not None:
            self._on_open(int(case_id))

    def numbers(self) -> list[str]:
        """The tracking numbers listed now (for tests)."""
        return [self.table.topLevelItem(row).text(0) for row in range(self.table.topLevelItemCount())]
