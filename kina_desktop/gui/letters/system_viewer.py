"""Opening a letter or a document of the complaint folder with the system's own viewer.

The viewer needs a file: the content goes into a private temporary folder (readable only by this
user) that lives as long as the window that opened it; ``remove()`` cleans it when that window
closes. A viewer that still holds a file open keeps it (Windows then leaves it behind).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_filename(name: str, fallback: str = "document") -> str:
    """``name`` without what a file system refuses (slashes, colons, control characters)."""
    cleaned = UNSAFE.sub("_", name).strip(" .")
    return cleaned[:180] or fallback


class SystemViewer:
    def __init__(self) -> None:
        self._folder: Path | None = None
        self._count = 0

    def write(self, filename: str, content: bytes) -> Path:
        """Write ``content`` under ``filename`` in the private folder (each file its own
        subfolder, so that two documents with the same name never overwrite each other)."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="kina-klachten-"))
        self._count += 1
        folder = self._folder / str(self._count)
        folder.mkdir(mode=0o700)
        path = folder / safe_filename(filename)
        path.write_bytes(content)
        return path

    def open(self, filename: str, content: bytes) -> tuple[Path, bool]:
        """Write the file and ask the system to open it; False when no program took it."""
        path = self.write(filename, content)
        return path, QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
