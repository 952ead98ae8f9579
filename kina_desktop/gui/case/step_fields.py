"""One widget per field of ``StepData`` (domain/actions.py), chosen by the field's name.

    field = make_field("verdict", proposals=())   # a StepField, or None for a field not asked here
    field.set_value(Verdict.FOUNDED); field.value()

Texts are multi-line, dates are date fields (an optional one may stay empty), kind, category,
level and verdict are combo boxes, "discussed with the team" is a check box and the decision on
admissibility is the AdmissibilityEditor. The handler (``handler_id``) is a combo of the accounts
with the handler's role (``handlers``: (id, name), from the workflow service).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QPlainTextEdit, QWidget

from kina_desktop.domain.enums import Category, Kind, Level, Verdict
from kina_desktop.domain.labels import field_label
from kina_desktop.gui.case.admissibility_editor import AdmissibilityEditor, text_lines_height
from kina_desktop.gui.common.enum_combo import fill_combo
from kina_desktop.gui.widgets.date_fields import DateEdit, OptionalDateEdit, setup_date_edit, to_date, to_qdate
from kina_desktop.i18n import N_, _

if TYPE_CHECKING:
    from kina_desktop.domain.admissibility import Proposal

TEXT_FIELDS = frozenset({"minutes", "solution", "answer", "note", "reason", "communication", "motivation", "measures"})
DATE_FIELDS = frozenset({"meeting_on", "informed_on"})
ENUM_FIELDS: dict[str, type[Enum]] = {"kind": Kind, "category": Category, "level": Level, "verdict": Verdict}
NOT_ASKED: frozenset[str] = frozenset()
# Choices a person never picks in a step: "no verdict yet" is where a case starts.
HIDDEN_CHOICES = {"verdict": {Verdict.NONE}}
TEXT_LINES = {"minutes": 6, "communication": 6, "measures": 5, "motivation": 5, "solution": 5, "answer": 5}
# Texts that go into a letter as they are written (docs/letters.md): said in the field itself.
TEXT_HINTS = {
    "motivation": N_(
        "Voor de klager: deze uitleg komt zo in de uitkomstbrief. Interne notities en namen van "
        "personeelsleden horen bij Onderzoek."
    ),
    "answer": N_("Voor de klager: dit antwoord komt zo in de brief."),
}


class StepField:
    """A field of the step dialog: its name, its widget, and how to read and fill it."""

    def __init__(self, name: str, widget: QWidget) -> None:
        self.name = name
        self.widget = widget
        widget.setObjectName(name)

    @property
    def label(self) -> str:
        return field_label(self.name)

    @property
    def spans_row(self) -> bool:
        return False

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError


class TextField(StepField):
    def __init__(self, name: str) -> None:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        # As high as a typical answer; a longer text scrolls (the dialog stays on a laptop screen).
        edit.setFixedHeight(text_lines_height(edit, TEXT_LINES.get(name, 3)))
        if name in TEXT_HINTS:
            edit.setPlaceholderText(_(TEXT_HINTS[name]))
        super().__init__(name, edit)
        self.edit = edit

    def value(self) -> str:
        return self.edit.toPlainText()

    def set_value(self, value: object) -> None:
        self.edit.setPlainText(str(value or ""))


class DateField(StepField):
    def __init__(self, name: str) -> None:
        edit = DateEdit()
        setup_date_edit(edit)
        super().__init__(name, edit)
        self.edit = edit

    def value(self) -> dt.date:
        return to_date(self.edit.date())

    def set_value(self, value: object) -> None:
        if isinstance(value, dt.date):
            self.edit.setDate(to_qdate(value))


class OptionalDateField(StepField):
    def __init__(self, name: str) -> None:
        edit = OptionalDateEdit()
        super().__init__(name, edit)
        self.edit = edit

    def value(self) -> dt.date | None:
        return self.edit.value()

    def set_value(self, value: object) -> None:
        self.edit.set_value(value if isinstance(value, dt.date) else None)


class EnumField(StepField):
    """A combo of the enumeration's Dutch labels; empty ("Kies…") until the person chooses."""

    def __init__(self, name: str, enum_type: type[Enum]) -> None:
        combo = QComboBox()
        hidden = HIDDEN_CHOICES.get(name, set())
        fill_combo(combo, [m for m in enum_type if m not in hidden])
        combo.setPlaceholderText(_("Kies…"))
        combo.setCurrentIndex(-1)
        super().__init__(name, combo)
        self.combo = combo
        self.enum_type = enum_type

    def value(self) -> Enum | None:
        data = self.combo.currentData()
        return None if data is None else self.enum_type(data)

    def set_value(self, value: object) -> None:
        index = self.combo.findData(value.value) if isinstance(value, Enum) else -1
        self.combo.setCurrentIndex(index)


class HandlerField(StepField):
    """The handler to pass the case to (Art. 6): one of the accounts with that role."""

    def __init__(self, name: str, handlers: Sequence[tuple[int, str]]) -> None:
        combo = QComboBox()
        for account_id, display_name in handlers:
            combo.addItem(display_name, account_id)
        combo.setPlaceholderText(_("Kies de klachtenbehandelaar…") if handlers else _("Geen account met die rol"))
        combo.setCurrentIndex(-1)
        super().__init__(name, combo)
        self.combo = combo

    def value(self) -> int | None:
        data = self.combo.currentData()
        return None if data is None else int(data)

    def set_value(self, value: object) -> None:
        self.combo.setCurrentIndex(self.combo.findData(value) if isinstance(value, int) else -1)


class CheckField(StepField):
    """Checked: True. Unchecked: None, which leaves what was recorded before as it is."""

    def __init__(self, name: str) -> None:
        box = QCheckBox(field_label(name))
        super().__init__(name, box)
        self.box = box

    @property
    def label(self) -> str:
        return ""

    def value(self) -> bool | None:
        return True if self.box.isChecked() else None

    def set_value(self, value: object) -> None:
        self.box.setChecked(bool(value))


class DecisionField(StepField):
    def __init__(self, name: str, proposals: Sequence[Proposal]) -> None:
        self.editor = AdmissibilityEditor(proposals)
        super().__init__(name, self.editor)

    @property
    def spans_row(self) -> bool:
        return True

    def value(self) -> object:
        return self.editor.decision()

    def set_value(self, value: object) -> None:
        """The proposals decide what is pre-checked; nothing else to fill in."""


def make_field(
    name: str, proposals: Sequence[Proposal] = (), handlers: Sequence[tuple[int, str]] = ()
) -> StepField | None:
    if name in NOT_ASKED:
        return None
    if name == "handler_id":
        return HandlerField(name, handlers)
    if name in TEXT_FIELDS:
        return TextField(name)
    if name in ENUM_FIELDS:
        return EnumField(name, ENUM_FIELDS[name])
    if name == "discussed_with_team":
        return CheckField(name)
    if name == "decision":
        return DecisionField(name, proposals)
    if name == "meeting_on":
        return DateField(name)
    if name in DATE_FIELDS:
        return OptionalDateField(name)
    raise ValueError(f"no widget for the step field {name!r}")
