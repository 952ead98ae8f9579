"""'Verloop': the side panel of the case editor with the route, the deadlines and the next steps.

It shows a ``CaseProgress`` exactly as the workflow service returns it (already redacted for
the person's role): the route of Art. 6 with the step the case is at and who acts now, why the
case waits for the complainant, the deadlines of Art. 5, for a personnel level-3 case the board
meeting (Art. 6), and the steps this person may take now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kina_desktop.gui.case.deadline_lines import DeadlineLines
from kina_desktop.gui.case.route_list import RouteList
from kina_desktop.gui.case.step_buttons import StepButtons
from kina_desktop.gui.common.accessible import not_a_tab_stop
from kina_desktop.i18n import _

if TYPE_CHECKING:
    from kina_desktop.domain.actions import ActionKind
    from kina_desktop.services.cases.results import CaseProgress

WAITING_STYLE = "background: #fff4d6; border: 1px solid #e0b44c; border-radius: 4px; padding: 6px; color: #5c3d00;"
NOTICE_STYLE = "background: #e8f0fe; border: 1px solid #8ab4f8; border-radius: 4px; padding: 6px; color: #0b3d91;"
ACTION_NEEDED_STYLE = WAITING_STYLE
ERROR_STYLE = "background: #fdecea; border: 1px solid #b3261e; border-radius: 4px; padding: 6px; color: #7a1a12;"
MIN_WIDTH = 340


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 2)
    return label


def _note(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.hide()
    return label


class ProgressPanel(QScrollArea):
    def __init__(self, on_step: Callable[[ActionKind], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_panel")
        not_a_tab_stop(self)  # its step buttons are
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        body = QWidget()
        body.setObjectName("progress_body")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 0, 12, 8)
        layout.setSpacing(4)

        title = QLabel(_("Verloop"), body)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        self.route_label = QLabel(body)
        self.route_label.setObjectName("route_label")
        self.route_label.setWordWrap(True)
        self.route_label.setStyleSheet("color: #555;")
        self.route = RouteList(body)
        self.waiting = _note("waiting", body)
        self.waiting.setStyleSheet(WAITING_STYLE)
        self.deadlines = DeadlineLines(body)
        self.board = _note("board_notice", body)
        self.steps = StepButtons(on_step, body)
        self.error = _note("progress_error", body)
        self.error.setStyleSheet(ERROR_STYLE)

        for widget in (
            title,
            self.route_label,
            self.error,
            self.route,
            self.waiting,
            _heading(_("Termijnen"), body),
            self.deadlines,
            self.board,
            _heading(_("Wat u nu kunt doen"), body),
            self.steps,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
        margins = layout.contentsMargins()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(
            max(MIN_WIDTH, self.steps.minimum_width_for_labels() + margins.left() + margins.right() + scroll_bar)
        )

    def set_progress(self, progress: CaseProgress) -> None:
        route = progress.route
        self.error.hide()
        self.route_label.setText(_("{route} ({article})").format(route=route.label, article=route.article))
        self.route.set_route(route)
        self.waiting.setText(route.waiting)
        self.waiting.setVisible(bool(route.waiting))
        self.deadlines.set_deadlines(progress.deadlines)
        board = progress.board
        if board is not None:
            self.board.setText(board.message)
            self.board.setStyleSheet(ACTION_NEEDED_STYLE if board.must_tell_complainant else NOTICE_STYLE)
        self.board.setVisible(board is not None)
        self.steps.set_options(progress.options)

    def show_error(self, message: str) -> None:
        """The progress could not be fetched (a lost connection): say so, offer no steps."""
        self.error.setText(message)
        self.error.show()
        self.steps.set_options(())
