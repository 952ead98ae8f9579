"""The headers of an e-mail: their values decoded (RFC 2047 words, raw 8-bit bytes, malformed
lines), the sender's name and address as people's mail programs write them, dates in the forms
seen in practice, and the message's identity (Message-ID, or one made from its content)."""

from __future__ import annotations

import datetime as dt
import email.header
import email.utils
import hashlib
import re
from email.message import Message
from zoneinfo import ZoneInfo

from kina_desktop.mail.message_text import decode_bytes, has_surrogates, one_line

SYNTHETIC_ID_DOMAIN = "kina-desktop.invalid"
LOCAL_ZONE = "Europe/Brussels"

_UNQUOTED_COMMA_NAME = re.compile(r'\s*([^<>"@,]+,[^<>"@]+?)\s*<([^<>@\s]+@[^<>\s]+)>\s*')
# An address, RFC 6532 included: a local part and a domain in any script (jan@müller.be).
_ADDRESS = re.compile(r"[\w.%+'!#$&*/=?^`{|}~-]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+")
# An address written into a display name, in brackets or quotes or not.
_NAMED_ADDRESS = re.compile(
    r"[(\[<'\"]*(?:mailto:)?[^\s@<>()\[\]'\",;]+@[^\s@<>()\[\]'\",;]+\.[^\s@<>()\[\]'\",;]+[)\]>'\"]*"
)

_MONTHS = {
    # English, Dutch, French and German month names and their usual abbreviations
    "jan": 1,
    "january": 1,
    "januari": 1,
    "janvier": 1,
    "janv": 1,
    "januar": 1,
    "feb": 2,
    "february": 2,
    "februari": 2,
    "février": 2,
    "fevrier": 2,
    "févr": 2,
    "fevr": 2,
    "februar": 2,
    "mar": 3,
    "march": 3,
    "maart": 3,
    "mars": 3,
    "mrt": 3,
    "märz": 3,
    "maerz": 3,
    "apr": 4,
    "april": 4,
    "avril": 4,
    "avr": 4,
    "may": 5,
    "mei": 5,
    "mai": 5,
    "jun": 6,
    "june": 6,
    "juni": 6,
    "juin": 6,
    "jul": 7,
    "july": 7,
    "juli": 7,
    "juillet": 7,
    "juil": 7,
    "aug": 8,
    "august": 8,
    "augustus": 8,
    "août": 8,
    "aout": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "septembre": 9,
    "oct": 10,
    "okt": 10,
    "october": 10,
    "oktober": 10,
    "octobre": 10,
    "nov": 11,
    "november": 11,
    "novembre": 11,
    "dec": 12,
    "december": 12,
    "décembre": 12,
    "decembre": 12,
    "déc": 12,
    "dez": 12,
    "dezember": 12,
}
_MONTH_WORD = r"([a-zà-ÿ]{3,10})\.?"
_TIME = re.compile(r"(\d{1,2})[:.hu](\d{2})(?:[:.](\d{2}))?\s*(am|pm)?", re.IGNORECASE)
_ZONE = re.compile(r"(?:utc|gmt)?\s*([+-])(\d{2}):?(\d{2})\s*$", re.IGNORECASE)


# -- header values -----------------------------------------------------------------------------


def decode_words(raw: str) -> str:
    """A header value with RFC 2047 words (=?utf-8?q?...?=) and raw 8-bit bytes decoded."""
    if has_surrogates(raw):
        raw = decode_bytes(raw.encode("ascii", "surrogateescape"))
    try:
        pieces = email.header.decode_header(raw)
    except Exception:
        return one_line(raw)
    out = []
    for value, charset in pieces:
        out.append(decode_bytes(value, charset) if isinstance(value, bytes) else value)
    return one_line("".join(out))


def raw_headers(msg: Message, name: str) -> list[str]:
    name = name.lower()
    try:
        return [str(value) for key, value in msg.raw_items() if key.lower() == name]
    except Exception:
        return []


def header_value(msg: Message, name: str) -> str:
    """The decoded text of a header ("" when absent); never raises for a malformed header."""
    raws = raw_headers(msg, name)
    if not raws:
        return ""
    raw = raws[0]
    if has_surrogates(raw):
        return decode_words(raw)
    try:
        value = msg.get(name)
        return one_line(str(value)) if value is not None else ""
    except Exception:
        return decode_words(raw)


# -- addresses ---------------------------------------------------------------------------------


def parse_sender(text: str) -> tuple[str, str]:
    """(name, address) from a From line as people's mail programs write it, including
    ``Peeters Jan [mailto:jan@x.be]`` and a missing closing bracket."""
    text = re.sub(r"\[mailto:([^\]]+)\]", r"<\1>", text or "", flags=re.IGNORECASE)
    unquoted = _UNQUOTED_COMMA_NAME.fullmatch(text)
    if unquoted:  # Peeters, Jan <jan@x.be>: one person, not two addresses
        text = f'"{unquoted.group(1)}" <{unquoted.group(2)}>'
    try:
        pairs = email.utils.getaddresses([text])
    except Exception:
        pairs = []
    for name, address in pairs:
        if "@" in address and _ADDRESS.fullmatch(address.strip()):
            return clean_name(name, address), address.strip()
    found = _ADDRESS.search(text)
    if found is None:
        for name, address in pairs:
            if "@" in address:  # not a valid address (julia@localhost): the draft leaves it out
                return clean_name(name, address), address.strip()
    if found:
        name = (text[: found.start()] + text[found.end() :]).replace("<", " ").replace(">", " ")
        return clean_name(name, found.group(0)), found.group(0)
    return clean_name(text, ""), ""


def clean_name(name: str, address: str) -> str:
    """The display name as a person's name: without the address written into it
    (``Jan Peeters (jan.peeters@telenet.be)``, ``'jan.peeters@telenet.be'``), "" when nothing else
    is left; an @ that is no address stays (an Exchange name such as ``Tests Chang@FT``)."""
    name = one_line(name)
    if address:
        name = re.sub(r"[(\[<'\"]*" + re.escape(address) + r"[)\]>'\"]*", " ", name, flags=re.IGNORECASE)
    name = _NAMED_ADDRESS.sub(" ", name)
    name = one_line(re.sub(r"\(\s*\)|\[\s*\]|<\s*>", " ", name)).strip(" \"'<>,;:")
    if name.startswith("(") and name.endswith(")") and name.count("(") == 1:
        name = name[1:-1].strip()
    if not name or name.lower() == address.lower() or _ADDRESS.fullmatch(name):
        return ""
    if name.count(",") == 1:  # "Van den Broeck, Luc" as Outlook writes it
        last, _comma, first = name.partition(",")
        if first.strip() and last.strip() and not any(ch.isdigit() for ch in name):
            name = f"{first.strip()} {last.strip()}"
    return name


# -- dates -------------------------------------------------------------------------------------


def local_time(value: dt.datetime) -> dt.datetime:
    """A naive local (Belgian) time, as the rest of the program uses."""
    if value.tzinfo is None:
        return value
    try:
        return value.astimezone(ZoneInfo(LOCAL_ZONE)).replace(tzinfo=None)
    except Exception:
        return value.astimezone().replace(tzinfo=None)


def plausible(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or not (1980 <= value.year <= 2200):
        return None
    return value


def parse_date(text: str) -> dt.datetime | None:
    """A date-time from a Date header or a forwarded mail's date line in the forms seen in
    practice (RFC 2822, ISO 8601, ``24/11/2026 10:15``, ``dinsdag 24 november 2026 10:15``,
    ``Tue, Nov 24, 2026 at 10:15 AM``); None when it is no date."""
    text = one_line(text or "")
    if not text:
        return None
    try:
        value = email.utils.parsedate_to_datetime(text)
        if value is not None:
            return plausible(local_time(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return plausible(local_time(dt.datetime.fromisoformat(text.replace("Z", "+00:00"))))
    except ValueError:
        pass
    return plausible(_loose_date(text))


def _loose_date(text: str) -> dt.datetime | None:
    low = text.lower().replace(",", " ")
    low = re.sub(r"\b(at|om|à|a|um|le)\b", " ", low)
    zone = _ZONE.search(low)
    tz: dt.timezone | None = None
    if zone:
        minutes = int(zone.group(2)) * 60 + int(zone.group(3))
        tz = dt.timezone(dt.timedelta(minutes=minutes if zone.group(1) == "+" else -minutes))
        low = low[: zone.start()]
    date: tuple[int, int, int] | None = None
    rest = low
    patterns = (
        (r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b", ("y", "m", "d")),
        (r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b", ("d", "m", "y")),
        (r"\b(\d{1,2})\s+" + _MONTH_WORD + r"\s+(\d{4})\b", ("d", "M", "y")),
        (r"\b" + _MONTH_WORD + r"\s+(\d{1,2})\s+(\d{4})\b", ("M", "d", "y")),
    )
    for pattern, order in patterns:
        found = re.search(pattern, low)
        if not found:
            continue
        parts = dict(zip(order, found.groups()))
        month = _MONTHS.get(parts["M"].rstrip(".")) if "M" in parts else int(parts["m"])
        if month is None:
            continue
        year = int(parts["y"])
        year = year + 2000 if year < 100 else year
        date = (year, month, int(parts["d"]))
        rest = low[: found.start()] + " " + low[found.end() :]
        break
    if date is None:
        return None
    hour = minute = second = 0
    clock = _TIME.search(rest)
    if clock:
        hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
        meridiem = (clock.group(4) or "").lower()
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    try:
        value = dt.datetime(*date, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None
    return local_time(value)


# -- message ids -------------------------------------------------------------------------------


def normalise_message_id(value: str) -> str:
    """The Message-ID without angle brackets and blanks; "" when there is none."""
    value = "".join((value or "").split()).strip("<>")
    found = re.search(r"<([^<>]+)>", value)
    if found:
        value = found.group(1)
    if len(value) > 250:
        value = "sha256-" + hashlib.sha256(value.encode("utf-8", "replace")).hexdigest() + "@" + SYNTHETIC_ID_DOMAIN
    return value


def synthetic_message_id(data: bytes) -> str:
    """A stable identity for a message without Message-ID: the same file gives the same id."""
    return f"sha256-{hashlib.sha256(data).hexdigest()[:40]}@{SYNTHETIC_ID_DOMAIN}"
