"""The route of a case (Art. 6, or Art. 3 for what is not a complaint) as a vertical list of steps.

A step already passed shows a check mark, the day the case got there and the steps taken while it
was there, each with its day (what was done; the decisions themselves are in the case); the current step is
highlighted with who must act now; the steps still to come are grey. Each row carries its state
in the ``step_state`` property ("done", "current", "future") so tests can read it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kina_desktop.domain.workflow import roles_text
from kina_desktop.gui.common.formatting import long_date
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.domain.routes import RouteStepView, RouteView

DONE, CURRENT, FUTURE = "done", "current", "future"
MARKS = {DONE: "✓", CURRENT: "●", FUTURE: "○"}
ROW_STYLE = {
    DONE: "QLabel { color: #1f1f1f; } QLabel#mark { color: #1f6b24; font-weight: bold; }",
    CURRENT: (
        "QFrame#route_step { background: #e3edfb; border-left: 3px solid #1a5fb4; border-radius: 3px; }"
        " QLabel { color: #0b3d91; } QLabel#mark { color: #1a5fb4; }"
    ),
    FUTURE: "QLabel { color: #595959; }",  # a step still to come: 6:1 (docs/accessibility.md)
}


def _state_of(step: RouteStepView) -> str:
    if step.current and not step.done:
        return CURRENT
    return DONE if step.done else FUTURE


def _detail(step: RouteStepView, state: str) -> str:
    if state == CURRENT:
        since = _("sinds {date}").format(date=long_date(step.entered_on)) if step.entered_on else ""
        who = _("aan zet: {roles}").format(roles=roles_text(step.holders)) if step.holders else ""
        return " — ".join(part for part in (since, who) if part)
    if state == DONE and step.entered_on is not None:
        done = [_("{step} op {date}").format(step=label, date=long_date(on)) for label, on in step.decided]
        return "\n".join([long_date(step.entered_on), *done])
    return ""


class RouteStepRow(QFrame):
    def __init__(self, step: RouteStepView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        state = _state_of(step)
        self.setObjectName("route_step")
        self.setProperty("step_state", state)
        self.setStyleSheet(ROW_STYLE[state])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(8)
        mark = QLabel(MARKS[state], self)
        mark.setObjectName("mark")
        mark.setFixedWidth(mark.fontMetrics().horizontalAdvance("●") + 6)
        mark.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        self.title = QLabel(step.label, self)
        self.title.setObjectName("step_label")
        self.title.setWordWrap(True)
        if state == CURRENT:
            font = self.title.font()
            font.setBold(True)
            self.title.setFont(font)
        texts.addWidget(self.title)
        detail = _detail(step, state)
        if detail:
            sub = QLabel(detail, self)
            sub.setObjectName("step_detail")
            sub.setWordWrap(True)
            font = sub.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            sub.setFont(font)
            texts.addWidget(sub)
        layout.addWidget(mark)
        layout.addLayout(texts, 1)

    @property
    def state(self) -> str:
        return str(self.property("step_state"))


class RouteList(QWidget):
    """The steps of the route, top to bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("route_list")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.rows: list[RouteStepRow] = []

    def set_route(self, route: RouteView) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = [RouteStepRow(step, self) for step in route.steps]
        for row in self.rows:
            self._layout.addWidget(row)

    def steps(self) -> list[tuple[str, str]]:
        """(label, state) of every step, for tests and accessibility."""
        return [(row.title.text(), row.state) for row in self.rows]
