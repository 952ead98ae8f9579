"""Every word of a PDF page with its box in millimetres, as poppler's ``pdftotext -bbox`` reads it
(an independent reader: not ReportLab, not pypdf)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

MM = 72 / 25.4
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass(frozen=True)
class Word:
    text: str
    left: float  # millimetres from the left edge of the page
    top: float  # from the top edge: the top of the letters (the font's ascent)
    right: float
    bottom: float  # the bottom of the letters (the font's descent)


def words(pdf: bytes, page: int = 1) -> list[Word]:
    """The words of page ``page`` (1-based) in reading order."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.pdf"
        path.write_bytes(pdf)
        done = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
    return [
        Word(html.unescape(text), float(x0) / MM, float(y0) / MM, float(x1) / MM, float(y1) / MM)
        for x0, y0, x1, y1, text in _WORD.findall(done.stdout)
    ]


def lines(found: list[Word], tolerance: float = 0.5) -> list[list[Word]]:
    """Words on the same line (the same top, within ``tolerance`` mm), top to bottom, left to right."""
    out: list[list[Word]] = []
    for word in sorted(found, key=lambda w: (w.top, w.left)):
        if out and abs(out[-1][0].top - word.top) <= tolerance:
            out[-1].append(word)
        else:
            out.append([word])
    return [sorted(line, key=lambda w: w.left) for line in out]


def in_area(found: list[Word], left: float, top: float, right: float, bottom: float) -> list[Word]:
    """The words that start inside an area (millimetres), wherever they end."""
    return [w for w in found if left <= w.left < right and top <= w.top < bottom]
