"""The handling part (Art. 6) of a case: assessment, verdict, measures and level-3 follow-up.

The board meeting date is shown here with the other level-3 follow-up, but it is stored on the
case header (the receiver announces it, Art. 6) and set by the director's step ‘Voorleggen aan
de Raad van Bestuur’ or ‘Datum van de Raad van Bestuur wijzigen’: read-only on this page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kina_desktop.domain.complaint import Handling
from kina_desktop.domain.enums import Admissibility, Verdict
from kina_desktop.domain.routes import RouteKey
from kina_desktop.domain.step_owned import handling_fields
from kina_desktop.domain.visibility import Part
from kina_desktop.gui.case.read_only import lock_step_owned
from kina_desktop.gui.common.enum_combo import combo_value, fill_combo, set_combo_value
from kina_desktop.gui.common.form_labels import apply_field_labels
from kina_desktop.gui.forms.ui_handling_form import Ui_HandlingForm
from kina_desktop.gui.shell.change_watch import watch_changes
from kina_desktop.i18n import _

TEXTS = ("investigation", "verdict_motivation", "measures", "working_group_minutes")
DATES = ("working_group_meeting_on", "staff_conversation_on", "personnel_file_report_on", "minutes_copy_handed_on")
FOLLOW_UP = ("working_group_meeting_on", "working_group_minutes", *DATES[1:])  # the follow-up group's fields


class HandlingPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HandlingForm()
        self.ui.setupUi(self)
        apply_field_labels(self)
        self.step_note = lock_step_owned(Part.HANDLING, self.field_widgets(), self.ui.left)
        fill_combo(self.ui.admissibility, Admissibility)
        fill_combo(self.ui.verdict, Verdict)
        self.ui.board_meeting_on.setEnabled(False)  # set by a step of the route (header)
        self._handler_id: int | None = None

    def field_widgets(self) -> dict[str, QWidget]:
        names = [
            "admissibility",
            "investigation",
            "verdict",
            "verdict_motivation",
            "measures",
            "measures_discussed_with_team",
            "working_group_meeting_on",
            "working_group_minutes",
            "staff_conversation_on",
            "personnel_file_report_on",
            "minutes_copy_handed_on",
        ]
        return {name: getattr(self.ui, name) for name in names}

    def show_route(self, route: RouteKey) -> None:
        """Only the fields Art. 6 foresees on this route (domain/step_owned.py ``HANDLING_FIELDS``):
        no team or working group on a case only the director handles."""
        shown = handling_fields(route)
        names = set(self.field_widgets())
        visible = names if shown is None else set(shown)
        for name in names:
            for widget in (getattr(self.ui, name), getattr(self.ui, f"{name}_label", None)):
                if widget is not None:
                    widget.setVisible(name in visible)
        board = shown is None or route == RouteKey.PERSONNEL_LEVEL_THREE
        self.ui.board_meeting_on.setVisible(board)
        self.ui.board_meeting_on_label.setVisible(board)
        follow_up = {n for n in FOLLOW_UP if n in visible} or board
        self.ui.follow_up_group.setVisible(bool(follow_up))

    def watch(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever the person edits a field."""
        watch_changes(self.field_widgets().values(), callback)

    def set_values(self, handling: Handling, handler_name: str, board_meeting_on: dt.date | None = None) -> None:
        """Show the handling part; ``board_meeting_on`` comes from the case header."""
        self.ui.board_meeting_on.set_value(board_meeting_on)
        # The handler is chosen by the step that passes the case on (Art. 6); the editor keeps it.
        self._handler_id = handling.handler_id
        self.ui.handler_name.setText(handler_name or _("(nog niet toegewezen)"))
        set_combo_value(self.ui.admissibility, handling.admissibility)
        set_combo_value(self.ui.verdict, handling.verdict)
        for name in TEXTS:
            getattr(self.ui, name).setPlainText(getattr(handling, name))
        for name in DATES:
            getattr(self.ui, name).set_value(getattr(handling, name))
        self.ui.measures_discussed_with_team.setChecked(handling.measures_discussed_with_team)

    def handling(self) -> Handling:
        return Handling(
            handler_id=self._handler_id,
            admissibility=combo_value(self.ui.admissibility, Admissibility),
            verdict=combo_value(self.ui.verdict, Verdict),
            measures_discussed_with_team=self.ui.measures_discussed_with_team.isChecked(),
            **{name: getattr(self.ui, name).toPlainText() for name in TEXTS},
            **{name: getattr(self.ui, name).value() for name in DATES},
        )
