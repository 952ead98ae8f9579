"""The two deadlines of Art. 5 as the case editor shows them.

"Ontvangstbevestiging uiterlijk 27 november 2026 — Lopend (nog 3 dagen)" and
"Behandeltermijn 20 december 2026 — Over termijn (2 dagen te laat)": red when overdue, amber
when due today, the same colours as the case list. Each line keeps its state in the
``deadline_state`` property.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kina_desktop.domain.deadline_status import CaseDeadlines, DeadlineState, DeadlineView
from kina_desktop.gui.common.formatting import long_date
from kina_desktop.i18n import _, ngettext

STYLES = {
    DeadlineState.OVERDUE: "background: #f6c9c4; color: #7a1a12; border-radius: 3px; padding: 3px 6px;",
    DeadlineState.DUE_TODAY: "background: #fde3a7; color: #5c3d00; border-radius: 3px; padding: 3px 6px;",
    DeadlineState.LATE: "color: #7a1a12; padding: 3px 6px;",
    DeadlineState.MISSED: "color: #7a1a12; padding: 3px 6px;",
    DeadlineState.PAUSED: "color: #5c3d00; padding: 3px 6px;",
}
PLAIN = "padding: 3px 6px;"


def _how_far(view: DeadlineView) -> str:
    if view.done_on is not None:
        return _("op {date}").format(date=long_date(view.done_on))
    if view.state == DeadlineState.OPEN:
        return ngettext("nog {n} dag", "nog {n} dagen", view.days_left).format(n=view.days_left)
    if view.state == DeadlineState.OVERDUE:
        late = -view.days_left
        return ngettext("{n} dag te laat", "{n} dagen te laat", late).format(n=late)
    return ""


def deadline_text(title: str, view: DeadlineView) -> str:
    """'Behandeltermijn 20 december 2026 — Lopend (nog 26 dagen)'."""
    extra = _how_far(view)
    state = f"{view.label} ({extra})" if extra else view.label
    return _("{title} {date} — {state}").format(title=title, date=long_date(view.due_on), state=state)


def deadline_html(title: str, view: DeadlineView) -> str:
    """The same line with the state in bold, for the eye scanning the panel."""
    extra = _how_far(view)
    # The parenthesis stays on one line: "(op 17 november 2026)", never "(op" and a date below.
    state = f"<b>{escape(view.label)}</b>" + (f" ({escape(extra).replace(' ', '&nbsp;')})" if extra else "")
    return _("{title} {date} — {state}").format(title=escape(title), date=escape(long_date(view.due_on)), state=state)


class DeadlineLines(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadline_lines")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.acknowledgement = self._line("acknowledgement_deadline", layout)
        self.handling = self._line("handling_deadline", layout)
        self.none = QLabel(_("Geen termijnen: niveau 1, informatievraag of anonieme melding (Art. 5)."), self)
        self.none.setObjectName("no_deadlines")
        self.none.setWordWrap(True)
        self.none.setStyleSheet("color: #666; " + PLAIN)
        layout.addWidget(self.none)

    def _line(self, name: str, layout: QVBoxLayout) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(label)
        return label

    def set_deadlines(self, deadlines: CaseDeadlines) -> None:
        self._show(self.acknowledgement, _("Ontvangstbevestiging uiterlijk"), deadlines.acknowledgement)
        self._show(self.handling, _("Behandeltermijn"), deadlines.handling)
        self.none.setVisible(deadlines.acknowledgement is None and deadlines.handling is None)

    @staticmethod
    def _show(label: QLabel, title: str, view: DeadlineView | None) -> None:
        if view is None:
            label.hide()
            label.setProperty("deadline_state", "")
            return
        label.setText(deadline_html(title, view))
        label.setAccessibleName(deadline_text(title, view))
        label.setProperty("deadline_state", view.state.value)
        label.setStyleSheet(STYLES.get(view.state, PLAIN))
        label.setToolTip(_("Uiterlijk op {due}; {state}.").format(due=long_date(view.due_on), state=view.label.lower()))
        label.show()

    def lines(self) -> dict[str, tuple[str, str]]:
        """The shown deadlines as plain text with their state (for tests and screen readers)."""
        return {
            name: (label.accessibleName(), str(label.property("deadline_state")))
            for name, label in (("acknowledgement", self.acknowledgement), ("handling", self.handling))
            if not label.isHidden()
        }
