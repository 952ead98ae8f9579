"""Files a person brings to the complaint folder: dragged from the file manager or chosen with
'Toevoegen…'. Read here, checked and stored by the document service; a file far over the size
limit is refused before it is read into memory."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from babel.numbers import format_decimal
from PySide6.QtCore import QMimeData

from kina_desktop.domain.file_types import MAX_DOCUMENT_BYTES
from kina_desktop.i18n import _, babel_locale


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files among what is dragged (links to web pages are not files)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def read_file(path: Path) -> tuple[bytes | None, str | None]:
    """(content, None), or (None, the Dutch reason it cannot go into the folder)."""
    name = path.name
    try:
        if path.is_dir():
            return None, _("{name} is een map, geen bestand.").format(name=name)
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            return None, _("Het bestand {name} is te groot ({size} MB); de grens is {limit} MB.").format(
                name=name,
                size=format_decimal(round(size / 1_048_576, 1), locale=babel_locale()),
                limit=MAX_DOCUMENT_BYTES // 1_048_576,
            )
        return path.read_bytes(), None
    except OSError as error:
        return None, _("Het bestand {name} kon niet worden gelezen: {reason}").format(
            name=name, reason=error.strerror or str(error)
        )


ADDED_MARK = "✓"
REFUSED_MARK = "✗"


def summary(added: Sequence[str], refused: Sequence[str]) -> str:
    """One line per file: the ones added, then each refusal with its reason; marked ✓ and ✗
    when there are both."""
    lines = [_("{name} is toegevoegd aan de klachtenmap.").format(name=name) for name in added]
    if lines and refused:
        return "\n".join([*(f"{ADDED_MARK} {line}" for line in lines), *(f"{REFUSED_MARK} {r}" for r in refused)])
    return "\n".join([*lines, *refused])
