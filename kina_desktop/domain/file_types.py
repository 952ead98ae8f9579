"""What a file in the complaint folder really is, read from its first bytes, not its name
: a renamed program or a damaged file is refused with a clear message."""

from __future__ import annotations

from dataclasses import dataclass

from kina_desktop.i18n import _

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # 20 MB: a scanned letter of many pages fits easily


@dataclass(frozen=True)
class FileType:
    mime_type: str
    extension: str
    label: str


PDF = FileType("application/pdf", ".pdf", "PDF")
PNG = FileType("image/png", ".png", "PNG-afbeelding")
JPEG = FileType("image/jpeg", ".jpg", "JPEG-afbeelding")
TIFF = FileType("image/tiff", ".tif", "TIFF-scan")
MSG = FileType("application/vnd.ms-outlook", ".msg", "Outlook-bericht")
DOCX = FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word-document")
EML = FileType("message/rfc822", ".eml", "E-mailbericht")
TEXT = FileType("text/plain", ".txt", "Tekst")

_EMAIL_HEADERS = (
    b"from:",
    b"received:",
    b"return-path:",
    b"message-id:",
    b"date:",
    b"subject:",
    b"mime-version:",
    b"to:",
)


def detect(content: bytes) -> FileType | None:
    """The type of ``content`` by its signature, None when it is none the folder accepts."""
    head = content[:8]
    if content.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return MSG
    if head.startswith(b"PK\x03\x04") and b"word/" in content[:4096]:
        return DOCX
    try:
        text = content[:4096].decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = content[:4096].decode("latin-1")
            if any(ch in text for ch in "\x00\x01\x02\x03\x04\x05\x06"):
                return None
        except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes everything
            return None
    if "\x00" in text:
        return None
    first = text.lstrip().split("\n", 1)[0].lower().encode()
    if first.startswith(_EMAIL_HEADERS):
        return EML
    return TEXT


def check_document(filename: str, content: bytes) -> tuple[FileType | None, str | None]:
    """(type, None) when the file may go into the complaint folder, else (None, Dutch reason)."""
    if not content:
        return None, _("Het bestand {name} is leeg.").format(name=filename)
    if len(content) > MAX_DOCUMENT_BYTES:
        return None, _("Het bestand {name} is te groot ({size} MB); de grens is {limit} MB.").format(
            name=filename,
            size=f"{len(content) / 1_048_576:.1f}".replace(".", ","),
            limit=MAX_DOCUMENT_BYTES // 1_048_576,
        )
    found = detect(content)
    if found is None:
        return None, _(
            "Het bestand {name} is geen PDF, afbeelding, e-mail, Word-document of tekst (gekeken naar de "
            "inhoud, niet naar de naam) en kan niet in de klachtenmap."
        ).format(name=filename)
    return found, None
