"""Field labels come from the domain (``FIELD_LABELS``): one source for forms, history, messages.

The Designer files carry the same words for a readable preview; at run time every label whose
buddy is a field, and every check box named after a field, gets the domain's text. Fields that
rest on an article of the reglement get that article as tooltip, on the field and on its label.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from kina_desktop.domain.labels import FIELD_LABELS, field_label
from kina_desktop.gui.case.article_tooltips import apply_article_tooltips


def apply_field_labels(root: QWidget) -> None:
    apply_article_tooltips(root)
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and buddy.objectName() in FIELD_LABELS:
            label.setText(field_label(buddy.objectName()))
            label.setToolTip(buddy.toolTip())
    for box in root.findChildren(QCheckBox):
        if box.objectName() in FIELD_LABELS:
            box.setText(field_label(box.objectName()))
