"""Field labels come from the domain (``FIELD_LABELS``): one source for forms, history, messages.

The Designer files carry the same words for a readable preview; at run time every label whose
buddy is a field, and every check box named after a field, gets the domain's text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from kina_desktop.domain.labels import FIELD_LABELS, field_label


def apply_field_labels(root: QWidget) -> None:
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and buddy.objectName() in FIELD_LABELS:
            label.setText(field_label(buddy.objectName()))
    for box in root.findChildren(QCheckBox):
        if box.objectName() in FIELD_LABELS:
            box.setText(field_label(box.objectName()))
