"""Helpers for the GUI tests of letters, printing and the complaint folder: a print dialog that
'prints' to a PDF file, a save dialog that answers with a path, a system viewer that only
remembers what it was asked to open."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 1200
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 10


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def pdf_pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


class PrintToFile:
    """Stands in for QPrintDialog.exec: accepts, with the printer writing a PDF file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.shown = 0

    def __call__(self, dialog: QPrintDialog) -> int:
        self.shown += 1
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.path))
        return QDialog.DialogCode.Accepted


def print_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> PrintToFile:
    fake = PrintToFile(path)

    def exec_(dialog: QPrintDialog) -> int:
        return fake(dialog)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return fake


def refuse_printing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The person closes the print dialog."""
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """QFileDialog.getSaveFileName answers ``path`` (None: cancelled); the suggested names."""
    suggested: list[str] = []

    def get_save_file_name(parent, caption="", directory="", filter="", *args, **kwargs):  # type: ignore[no-untyped-def]
        suggested.append(Path(directory).name)
        return (str(path) if path else "", filter)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return suggested


def choose_files(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> None:
    def get_open_file_names(*args, **kwargs):  # type: ignore[no-untyped-def]
        return ([str(p) for p in paths], "")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_open_file_names))


class Viewer:
    """Stands in for QDesktopServices.openUrl: remembers each file and what was in it."""

    def __init__(self) -> None:
        self.opened: list[tuple[Path, bytes]] = []

    def __call__(self, url: QUrl) -> bool:
        path = Path(url.toLocalFile())
        self.opened.append((path, path.read_bytes()))
        return True


def system_viewer(monkeypatch: pytest.MonkeyPatch) -> Viewer:
    fake = Viewer()
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake))
    return fake
