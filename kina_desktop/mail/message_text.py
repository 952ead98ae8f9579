"""The text of an e-mail as mail programs really write it: bytes in any declared (or wrongly
declared) charset made into text, and that text cleaned of control characters and odd line ends.
Used by every part of reading a message (mail/message_reading.py)."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _codec(charset: str | None) -> str | None:
    """The Python codec for a declared charset; Latin-1 and ASCII as Windows-1252, as mail
    programs and browsers do (the euro sign and curly quotes are then right)."""
    if not charset:
        return None
    name = charset.strip().strip('"').lower()
    if name in ("iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso_8859-1", "l1"):
        return "cp1252"
    if name in ("utf8", "utf-8", "utf8mb4", "x-utf-8", "unicode-1-1-utf-8"):
        return "utf-8"
    try:
        import codecs

        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Text from bytes in the declared charset, falling back to UTF-8 and then Windows-1252
    (which decodes anything) when the declaration is missing, unknown or wrong."""
    tried: list[str] = []
    for codec in (_codec(charset), "utf-8"):
        if codec is None or codec in tried:
            continue
        tried.append(codec)
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1252", errors="replace")


def clean_text(text: str) -> str:
    """Line ends as \\n, no invisible control characters, no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def one_line(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)
