"""Per-user window layout in QSettings: geometry, splitter and column layout, last view.

Business settings live in the database; only how *this person* arranged the screen is kept here.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

GEOMETRY = "geometry"
WINDOW_STATE = "window_state"
SPLITTER = "splitter"
HEADER = "case_table_header_2"  # _2: the list got a column (Soort); an older layout is not restored
READY_VIEW = "ready_view"


def _bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, (bytes, bytearray)) and value:
        return QByteArray(bytes(value))
    return None


def save_geometry(settings: QSettings, group: str, widget: QWidget) -> None:
    settings.setValue(f"{group}/{GEOMETRY}", widget.saveGeometry())


def restore_geometry(settings: QSettings, group: str, widget: QWidget) -> bool:
    data = _bytes(settings, f"{group}/{GEOMETRY}")
    return bool(data) and widget.restoreGeometry(data)


def save_main_window(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, header: QHeaderView, view: str
) -> None:
    settings.beginGroup("main_window")
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(WINDOW_STATE, window.saveState())
    settings.setValue(SPLITTER, splitter.saveState())
    settings.setValue(HEADER, header.saveState())
    settings.setValue(READY_VIEW, view)
    settings.endGroup()
    settings.sync()


def restore_main_window(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, header: QHeaderView
) -> str | None:
    """Restore what was saved; returns the saved ready view (or None the first time)."""
    settings.beginGroup("main_window")
    try:
        for key, restore in (
            (GEOMETRY, window.restoreGeometry),
            (WINDOW_STATE, window.restoreState),
            (SPLITTER, splitter.restoreState),
            (HEADER, header.restoreState),
        ):
            data = _bytes(settings, key)
            if data is not None:
                restore(data)
        view = settings.value(READY_VIEW)
        return str(view) if view else None
    finally:
        settings.endGroup()
