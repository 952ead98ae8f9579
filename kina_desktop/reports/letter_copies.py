"""Each letter of a batch as a PDF of its own, cut from the batch's PDF: the copy kept in the
complaint folder (Art. 5) is the pages that were printed, without rendering the letter a second
time (docs/letters.md).

A copy holds the letter's page objects, content streams and the resources they use, byte for
byte as ReportLab wrote them in the batch, under their own object numbers, with a new catalog,
page tree and document information of its own (the title of the letter as ``render_letter``
sets it). Each copy is a whole PDF, so it carries the embedded font subsets: the batch's, which
cover the glyphs of every letter in the batch, about as large as a single letter's (~44 KB).

This relies on the plain structure ReportLab writes (one classic cross-reference table, no
object streams, no encryption, one flat page tree). When a PDF is not like that,
``split_pages`` answers None and each letter is rendered on its own instead: slower, never wrong.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from kina_desktop.reports.letter_content import LetterContent, Letterhead

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SECTION = re.compile(rb"xref\r?\n0 (\d+)\r?\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_REFERENCE = re.compile(rb"(\d+) 0 R")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def letter_copies(
    pdf: bytes, pages: Sequence[range], contents: Sequence[LetterContent], letterhead: Letterhead
) -> list[bytes]:
    """One PDF per letter: the ``pages`` of ``pdf`` that are that letter's."""
    copies = split_pages(pdf, pages, [content.subject for content in contents])
    if copies is not None:
        return copies
    from kina_desktop.reports.letter_pdf import render_letter

    return [render_letter(content, letterhead) for content in contents]


def split_pages(pdf: bytes, pages: Sequence[range], titles: Sequence[str]) -> list[bytes] | None:
    """A PDF per range of pages of ``pdf`` (0-based), titled ``titles``; None when ``pdf`` is
    not of the plain structure this reads."""
    parsed = _Parsed.of(pdf)
    if parsed is None or len(pages) != len(titles):
        return None
    if any(not letter or letter.stop > len(parsed.page_numbers) for letter in pages):
        return None
    return [parsed.copy(letter, title) for letter, title in zip(pages, titles)]


class _Parsed:
    """The objects of a PDF as ReportLab writes it: number -> its bytes ("N 0 obj ... endobj")."""

    def __init__(
        self, header: bytes, objects: dict[int, bytes], root: int, info: int, tree: int, page_numbers: list[int]
    ) -> None:
        self.header, self.objects, self.root, self.info, self.tree = header, objects, root, info, tree
        self.page_numbers = page_numbers
        self.info_entries = objects[info]

    @classmethod
    def of(cls, pdf: bytes) -> _Parsed | None:
        end = _STARTXREF.search(pdf[-64:])
        if end is None:
            return None
        xref = int(end.group(1))
        section = _SECTION.match(pdf, xref)
        trailer = _TRAILER.search(pdf, xref)
        if section is None or trailer is None or b"/Prev" in trailer.group(1) or b"/Encrypt" in trailer.group(1):
            return None
        offsets: dict[int, int] = {}
        for number, entry in enumerate(_ENTRY.finditer(pdf, section.end(), trailer.start())):
            if entry.group(3) == b"n":
                if entry.group(2) != b"00000":
                    return None
                offsets[number] = int(entry.group(1))
        if len(offsets) + 1 != int(section.group(1)):
            return None
        ends = sorted(offsets.values()) + [xref]
        following = dict(zip(ends, ends[1:]))
        objects = {number: pdf[at : following[at]].rstrip() for number, at in offsets.items()}
        if not all(
            body.startswith(b"%d 0 obj" % number) and body.endswith(b"endobj") for number, body in objects.items()
        ):
            return None
        root, info = _reference(trailer.group(1), b"/Root"), _reference(trailer.group(1), b"/Info")
        if root not in objects or info not in objects:
            return None
        tree = _reference(objects[root], b"/Pages")
        kids = _KIDS.search(objects.get(tree, b""))
        if kids is None:
            return None
        page_numbers = [int(n) for n in _REFERENCE.findall(kids.group(1))]
        if not all(_PAGE.search(objects.get(n, b"")) for n in page_numbers):
            return None  # a nested page tree: not what ReportLab writes
        return cls(pdf[: min(offsets.values())], objects, root, info, tree, page_numbers)

    def copy(self, pages: range, title: str) -> bytes:
        kids = [self.page_numbers[page] for page in pages]
        # never another letter's page (a link to it would carry its content along), nor the
        # document's catalog, page tree or information: this copy gets its own
        left_out = {self.tree, self.root, self.info} | (set(self.page_numbers) - set(kids))
        needed: set[int] = set()
        todo = list(kids)
        while todo:
            number = todo.pop()
            if number in needed:
                continue
            needed.add(number)
            body = self.objects[number]
            head = body[: m.start()] if (m := _STREAM.search(body)) else body
            todo += [n for n in map(int, _REFERENCE.findall(head)) if n not in left_out]
        written: dict[int, bytes] = {number: self.objects[number] for number in needed}
        written[self.tree] = b"%d 0 obj\n<<\n/Count %d /Kids [ %s ] /Type /Pages\n>>\nendobj" % (
            self.tree,
            len(kids),
            b" ".join(b"%d 0 R" % n for n in kids),
        )
        written[self.root] = b"%d 0 obj\n<<\n/PageMode /UseNone /Pages %d 0 R /Type /Catalog\n>>\nendobj" % (
            self.root,
            self.tree,
        )
        written[self.info] = _with_title(self.info_entries, title)
        out = bytearray(self.header)
        offsets: dict[int, int] = {}
        for number in sorted(written):
            offsets[number] = len(out)
            out += written[number] + b"\n"
        xref = len(out)
        out += b"xref\n0 1\n0000000000 65535 f \n"
        for number in sorted(offsets):
            out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
        digest = hashlib.md5(bytes(out), usedforsecurity=False).hexdigest().encode()
        out += b"trailer\n<<\n/ID [<%s><%s>] /Info %d 0 R /Root %d 0 R /Size %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (
            digest,
            digest,
            self.info,
            self.root,
            max(written) + 1,
            xref,
        )
        return bytes(out)


def _reference(text: bytes, key: bytes) -> int:
    found = re.search(re.escape(key) + rb"\s+(\d+) 0 R", text)
    return int(found.group(1)) if found else -1


def _with_title(info: bytes, title: str) -> bytes:
    """The document information object with ``title`` as its /Title (a PDF text string)."""
    try:
        text = title.encode("ascii")
        value = b"(" + text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"
    except UnicodeEncodeError:
        value = b"<FEFF" + title.encode("utf-16-be").hex().upper().encode() + b">"
    replaced, count = re.subn(rb"/Title (?:\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)", lambda _m: b"/Title " + value, info)
    return replaced if count == 1 else info
