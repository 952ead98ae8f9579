"""Where letters, reports and exports are saved: the folder the person used last (kept in
QSettings, per person on this PC), otherwise their documents folder, never the folder the program
was started from (which may be a program folder or read-only).

Every 'Opslaan als…' of the program goes through ``choose_save_path``; tests answer the file
dialog by replacing ``QFileDialog.getSaveFileName`` (tests/gui/paperwork.py ``save_as``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER_KEY = "files/last_save_folder"


def documents_folder() -> Path:
    """The person's documents folder (their home folder where the system names none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def save_folder(settings: QSettings | None) -> Path:
    """The folder a save dialog opens in: the one used last while it still exists, otherwise the
    documents folder."""
    if settings is not None:
        last = settings.value(LAST_FOLDER_KEY)
        if isinstance(last, str) and last and Path(last).is_absolute() and Path(last).is_dir():
            return Path(last)
    return documents_folder()


def remember_folder(settings: QSettings | None, path: Path) -> None:
    """Keep the folder of ``path`` as the one to propose next time."""
    if settings is not None:
        settings.setValue(LAST_FOLDER_KEY, str(path.parent))
        settings.sync()


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` (".pdf") added when its name lacks it."""
    return path if not suffix or path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def suggested_path(settings: QSettings | None, suggested: str | Path) -> Path:
    """``suggested`` as it is when it is a path into an existing folder (one the person typed),
    otherwise its name in ``save_folder``."""
    path = Path(suggested).expanduser()
    if path.is_absolute() and path.parent.is_dir():
        return path
    return save_folder(settings) / path.name


def choose_save_path(
    parent: QWidget | None,
    title: str,
    suggested: str | Path,
    file_filter: str,
    *,
    suffix: str = "",
    settings: QSettings | None = None,
) -> Path | None:
    """The save dialog, opened in ``save_folder`` with ``suggested``'s name filled in; the chosen
    file (with ``suffix`` added when its name lacks it), or None when the person cancelled. The
    chosen folder is remembered in ``settings``."""
    start = suggested_path(settings, suggested)
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(start), file_filter)
    if not name:
        return None
    path = with_suffix(Path(name), suffix)
    if path.is_absolute():
        remember_folder(settings, path)
    return path
