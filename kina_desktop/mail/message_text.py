"""The text of an e-mail as mail programs really write it: bytes in any declared (or wrongly
declared) charset made into text, and that text cleaned of control characters and odd line ends.
Used by every part of reading a message (mail/message_reading.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kina_desktop.i18n import _, ngettext

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# US-ASCII is what RFC 2045 (5.2) assumes when a part declares no charset; mail programs write
# it for 8-bit text too, so it is read as no declaration at all.
_ASCII_NAMES = {"us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "646"}


def _codec(charset: str | None) -> str | None:
    """The Python codec for a declared charset; Latin-1 as Windows-1252, as mail programs and
    browsers do (the euro sign and curly quotes are then right); None for ASCII or an unknown name."""
    if not charset:
        return None
    name = charset.strip().strip('"').lower()
    if name in _ASCII_NAMES:
        return None  # 8-bit bytes in "ASCII" text: the declaration says nothing about them
    if name in ("iso-8859-1", "iso8859-1", "latin-1", "latin1", "iso_8859-1", "l1"):
        return "cp1252"
    if name in ("utf8", "utf-8", "utf8mb4", "x-utf-8", "unicode-1-1-utf-8"):
        return "utf-8"
    try:
        import codecs

        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Text from bytes in the declared charset (see ``decode_text``)."""
    return decode_text(data, charset).text


@dataclass(frozen=True)
class Decoded:
    """Text made from bytes: ``replaced`` bytes that did not fit ``codec`` became U+FFFD."""

    text: str
    codec: str
    replaced: int = 0
    mislabelled: bool = False  # the declared charset was wrong; ``codec`` is the one that fitted
    guessed: bool = False  # 8-bit text without a usable declaration: ``codec`` was chosen by its bytes


# A UTF-8 sequence of two to four bytes: its presence shows the text really is UTF-8.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_text(data: bytes, charset: str | None = None) -> Decoded:
    """Text from bytes in the declared charset. When some bytes do not fit it, only those are
    replaced (U+FFFD) and counted, so that one damaged byte does not cost the rest of the text
    (Art. 4: the complaint as the complainant wrote it). The declaration is overruled only when
    it is clearly wrong: bytes that are valid UTF-8 as a whole, or "UTF-8" without a single UTF-8
    sequence (Windows-1252 sent as UTF-8). Without a usable declaration: UTF-8, else
    Windows-1252 (which decodes anything)."""
    declared = _codec(charset)
    if declared is not None:
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
        if declared != "utf-8":
            try:
                return Decoded(data.decode("utf-8"), "utf-8", mislabelled=True)
            except UnicodeDecodeError:
                pass
        elif not _UTF8_SEQUENCE.search(data):
            return Decoded(data.decode("cp1252", errors="replace"), "cp1252", mislabelled=True)
        try:
            before = data.count(b"\xef\xbf\xbd") if declared == "utf-8" else 0
            text = data.decode(declared, errors="replace")
            return Decoded(text, declared, max(text.count("\ufffd") - before, 1))
        except LookupError:
            pass
    eight_bit = not data.isascii()
    try:
        return Decoded(data.decode("utf-8"), "utf-8", guessed=eight_bit)
    except UnicodeDecodeError:
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252", guessed=True)


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


def replaced_bytes_note(count: int, charset: str) -> str:
    """The Dutch note for the person who checks the draft: bytes that did not fit the charset."""
    return ngettext(
        "{count} byte in de tekst past niet in de tekenset {charset} en werd vervangen door ‘�’; de rest "
        "van de tekst is gelezen zoals verstuurd. Kijk die plaats na in het oorspronkelijke bericht.",
        "{count} bytes in de tekst passen niet in de tekenset {charset} en werden vervangen door ‘�’; de "
        "rest van de tekst is gelezen zoals verstuurd. Kijk die plaatsen na in het oorspronkelijke bericht.",
        count,
    ).format(count=count, charset=charset)


def guessed_charset_note(codec: str) -> str:
    """The Dutch note for 8-bit text that declared no charset and was not UTF-8."""
    return _(
        "Een deel van de tekst vermeldt geen (bruikbare) tekenset en is geen UTF-8; het werd gelezen als "
        "{charset}. Kijk letters met accenten na in het oorspronkelijke bericht."
    ).format(charset=codec)
