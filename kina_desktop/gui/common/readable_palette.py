"""Colours every text a person must read keeps at 4.5:1 or more against its background
(WCAG 2.1 1.4.3, EN 301 549 11.1.4.3; docs/accessibility.md).

Qt's Fusion palette falls short in three places: white on the selection colour #308cc6 (3.69:1),
the placeholder (black at half strength, 4.0:1) and disabled text (#bebebe, 1.6:1), which a
read-only form still shows as its values. The selection colour also draws the focus frame,
which stays above 3:1 against white.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

SELECTION = QColor("#24689c")  # white on it: 5.9:1
PLACEHOLDER = QColor("#6b6b6b")  # on white: 5.3:1
DISABLED_TEXT = QColor("#666666")  # on the window's grey #efefef: 5.0:1
# Text that is less important but must be read (a redacted name, a step still to come):
# on white 7.0:1, on an alternate row 6.5:1, on the window's grey 6.0:1.
MUTED_TEXT = QColor("#595959")


def readable_palette(palette: QPalette) -> QPalette:
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for active in (group.Active, group.Inactive):
        palette.setColor(active, role.Highlight, SELECTION)
        palette.setColor(active, role.HighlightedText, QColor("#ffffff"))
        palette.setColor(active, role.PlaceholderText, PLACEHOLDER)
    for text in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, text, DISABLED_TEXT)
    palette.setColor(group.Disabled, role.PlaceholderText, PLACEHOLDER)
    return palette


def apply_readable_palette(app: QApplication) -> None:
    app.setPalette(readable_palette(app.palette()))
