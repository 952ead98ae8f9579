"""Showing the fields of a form without letting them change: text stays selectable (to copy),
everything else is disabled."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import QAbstractSpinBox, QBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from kina_desktop.domain.step_owned import owning_steps, steps_text
from kina_desktop.domain.visibility import Part
from kina_desktop.i18n import _

STEP_NOTE_STYLE = "color: #555;"


READ_ONLY_STYLE = "background: palette(window);"  # a field that is shown, not typed in, looks it


def make_read_only(widgets: Iterable[QWidget]) -> None:
    for widget in widgets:
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
            widget.setReadOnly(True)
            widget.setStyleSheet(READ_ONLY_STYLE)
        else:
            widget.setEnabled(False)


def lock_step_owned(part: Part, widgets: Mapping[str, QWidget], column: QBoxLayout) -> QLabel | None:
    """The fields a step of the route records (domain/step_owned.py) are shown, not edited: each
    says in its tooltip which step records it, and a note above them says where the steps are."""
    locked = 0
    for name, widget in widgets.items():
        steps = owning_steps(part, name)
        if not steps:
            continue
        make_read_only([widget])
        # After the article the field comes from (article_tooltips.py), the step that records it.
        step = _("Vastgelegd met de stap {steps} (paneel ‘Verloop’).").format(steps=steps_text(steps))
        tip = "\n".join(t for t in (widget.toolTip(), step) if t)
        widget.setToolTip(tip)
        parent = widget.parentWidget()
        for label in parent.findChildren(QLabel) if parent is not None else ():
            if label.buddy() is widget:
                label.setToolTip(tip)
        locked += 1
    if not locked:
        return None
    note = QLabel(
        _(
            "De grijze velden worden ingevuld met de stappen van de route in het paneel ‘Verloop’: zo "
            "zegt het dossier overal hetzelfde."
        )
    )
    note.setObjectName("step_owned_note")
    note.setWordWrap(True)
    note.setStyleSheet(STEP_NOTE_STYLE)
    column.insertWidget(0, note)
    return note
