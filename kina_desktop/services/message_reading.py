"""Reading an e-mail that reached KINA (Art. 4) from an RFC 822 ``.eml`` file or an Outlook
``.msg`` file, as mail programs really write them: any charset, quoted-printable or base64,
HTML-only bodies, forwarded mails, missing names, odd dates, damaged MIME structure.

``read_message`` never raises for a message it can make sense of: what it could not read as
expected becomes a Dutch note in ``IncomingMessage.problems`` for the person who checks the
draft. Only when nothing usable is in the file does it raise ``MessageUnreadable``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import email.header
import email.utils
import hashlib
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import replace
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from zoneinfo import ZoneInfo

from kina_desktop.domain.intake import IncomingAttachment, IncomingMessage
from kina_desktop.i18n import _
from kina_desktop.services.errors import ServiceError
from kina_desktop.services.html_text import html_to_text
from kina_desktop.services.outlook_msg import OutlookFileError, OutlookMessage, read_outlook_message
from kina_desktop.services.rtf_text import rtf_body

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MESSAGE_BYTES = 60 * 1024 * 1024  # far above what a mail server passes on
MAX_BODY_CHARS = 1_000_000  # the original message keeps the rest
SYNTHETIC_ID_DOMAIN = "kina-desktop.invalid"
LOCAL_ZONE = "Europe/Brussels"

_HEADER_NAMES = {
    "from", "to", "cc", "subject", "date", "message-id", "received", "mime-version", "content-type",
    "return-path", "delivered-to", "reply-to", "sender", "x-mailer", "user-agent", "thread-topic",
}
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNQUOTED_COMMA_NAME = re.compile(r'\s*([^<>"@,]+,[^<>"@]+?)\s*<([^<>@\s]+@[^<>\s]+)>\s*')
_ADDRESS = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_FORWARD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|fw|doorst|tr|wg|trans)\s*:", re.IGNORECASE)
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|antw|aw|réf)\s*:", re.IGNORECASE)
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:fwd?|fw|doorst|tr|wg|trans|re|antw|aw)\s*:\s*)+", re.IGNORECASE)
# A line that starts the forwarded message inside the body (Gmail, Thunderbird, Outlook, Apple Mail).
_FORWARD_MARKER = re.compile(
    r"^[ >]*(?:-{2,}\s*(?:forwarded message|doorgestuurd bericht|message transf[ée]r[ée]|weitergeleitete nachricht)"
    r"\s*-*|(?:begin forwarded message|begin doorgestuurd bericht|d[ée]but du message r[ée]exp[ée]di[ée])\s*:)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_ORIGINAL_MARKER = re.compile(
    r"^[ >]*(?:-{2,}\s*(?:original message|oorspronkelijk bericht|message d'origine)\s*-*|_{20,})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTED_FIELD = re.compile(
    r"^[ >]*\*?(from|van|de|von|date|datum|verzonden|sent|envoy[ée]|gesendet|subject|onderwerp|objet|betreff|"
    r"to|aan|à|an|cc)\s*:\*?\s*(.*)$",
    re.IGNORECASE,
)
_FIELD_KIND = {
    "from": "from", "van": "from", "de": "from", "von": "from",
    "date": "date", "datum": "date", "verzonden": "date", "sent": "date", "envoyé": "date", "envoye": "date",
    "gesendet": "date",
    "subject": "subject", "onderwerp": "subject", "objet": "subject", "betreff": "subject",
}

_MONTHS = {
    # English, Dutch, French and German month names and their usual abbreviations
    "jan": 1, "january": 1, "januari": 1, "janvier": 1, "janv": 1, "januar": 1,
    "feb": 2, "february": 2, "februari": 2, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "februar": 2,
    "mar": 3, "march": 3, "maart": 3, "mars": 3, "mrt": 3, "märz": 3, "maerz": 3,
    "apr": 4, "april": 4, "avril": 4, "avr": 4,
    "may": 5, "mei": 5, "mai": 5,
    "jun": 6, "june": 6, "juni": 6, "juin": 6,
    "jul": 7, "july": 7, "juli": 7, "juillet": 7, "juil": 7,
    "aug": 8, "august": 8, "augustus": 8, "août": 8, "aout": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9,
    "oct": 10, "okt": 10, "october": 10, "oktober": 10, "octobre": 10,
    "nov": 11, "november": 11, "novembre": 11,
    "dec": 12, "december": 12, "décembre": 12, "decembre": 12, "déc": 12, "dez": 12, "dezember": 12,
}
_MONTH_WORD = r"([a-zà-ÿ]{3,10})\.?"
_TIME = re.compile(r"(\d{1,2})[:.hu](\d{2})(?:[:.](\d{2}))?\s*(am|pm)?", re.IGNORECASE)
_ZONE = re.compile(r"(?:utc|gmt)?\s*([+-])(\d{2}):?(\d{2})\s*$", re.IGNORECASE)


class MessageUnreadable(ServiceError):
    """Nothing usable could be read from the file: not an e-mail, empty, or damaged beyond use."""

    def __init__(self, filename: str, reason: str) -> None:
        name = filename or _("Het bericht")
        super().__init__(
            _("{name} kan niet gelezen worden als e-mailbericht: {reason}.").format(name=name, reason=reason)
        )
        self.filename = filename
        self.reason = reason


# -- entry point -------------------------------------------------------------------------------


def read_message(data: bytes, filename: str = "") -> IncomingMessage:
    """The message in ``data`` (an .eml or Outlook .msg file, told apart by content)."""
    if not data or not data.strip():
        raise MessageUnreadable(filename, _("het bestand is leeg"))
    if len(data) > MAX_MESSAGE_BYTES:
        raise MessageUnreadable(
            filename, _("het bestand is te groot ({size} MB)").format(size=f"{len(data) / 1_048_576:.0f}")
        )
    if data.startswith(OLE_SIGNATURE):
        return _read_outlook(data, filename)
    return _read_rfc822(data, filename)


# -- text helpers ------------------------------------------------------------------------------


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


def _one_line(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _decode_words(raw: str) -> str:
    """A header value with RFC 2047 words (=?utf-8?q?...?=) and raw 8-bit bytes decoded."""
    if _has_surrogates(raw):
        raw = decode_bytes(raw.encode("ascii", "surrogateescape"))
    try:
        pieces = email.header.decode_header(raw)
    except Exception:  # noqa: BLE001 - a header this odd is taken as it stands
        return _one_line(raw)
    out = []
    for value, charset in pieces:
        out.append(decode_bytes(value, charset) if isinstance(value, bytes) else value)
    return _one_line("".join(out))


def _raw_headers(msg: Message, name: str) -> list[str]:
    name = name.lower()
    try:
        return [str(value) for key, value in msg.raw_items() if key.lower() == name]
    except Exception:  # noqa: BLE001
        return []


def _header(msg: Message, name: str) -> str:
    """The decoded text of a header ("" when absent); never raises for a malformed header."""
    raws = _raw_headers(msg, name)
    if not raws:
        return ""
    raw = raws[0]
    if _has_surrogates(raw):
        return _decode_words(raw)
    try:
        value = msg.get(name)
        return _one_line(str(value)) if value is not None else ""
    except Exception:  # noqa: BLE001 - the policy's parser fails on some broken headers
        return _decode_words(raw)


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
    except Exception:  # noqa: BLE001
        pairs = []
    for name, address in pairs:
        if "@" in address and _ADDRESS.fullmatch(address.strip()):
            return _clean_name(name, address), address.strip()
    found = _ADDRESS.search(text)
    if found is None:
        for name, address in pairs:
            if "@" in address:  # not a valid address (julia@localhost): the draft leaves it out
                return _clean_name(name, address), address.strip()
    if found:
        name = (text[: found.start()] + text[found.end() :]).replace("<", " ").replace(">", " ")
        return _clean_name(name, found.group(0)), found.group(0)
    return _clean_name(text, ""), ""


def _clean_name(name: str, address: str) -> str:
    name = _one_line(name).strip(" \"'<>,;")
    if not name or name.lower() == address.lower() or "@" in name:
        return ""
    if name.count(",") == 1:  # "Van den Broeck, Luc" as Outlook writes it
        last, _comma, first = name.partition(",")
        if first.strip() and last.strip() and not any(ch.isdigit() for ch in name):
            name = f"{first.strip()} {last.strip()}"
    return name


# -- dates -------------------------------------------------------------------------------------


def _local(value: dt.datetime) -> dt.datetime:
    """A naive local (Belgian) time, as the rest of the program uses."""
    if value.tzinfo is None:
        return value
    try:
        return value.astimezone(ZoneInfo(LOCAL_ZONE)).replace(tzinfo=None)
    except Exception:  # noqa: BLE001 - no time zone data: the computer's own zone
        return value.astimezone().replace(tzinfo=None)


def _plausible(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or not (1980 <= value.year <= 2200):
        return None
    return value


def parse_date(text: str) -> dt.datetime | None:
    """A date-time from a Date header or a forwarded mail's date line in the forms seen in
    practice (RFC 2822, ISO 8601, ``24/11/2026 10:15``, ``dinsdag 24 november 2026 10:15``,
    ``Tue, Nov 24, 2026 at 10:15 AM``); None when it is no date."""
    text = _one_line(text or "")
    if not text:
        return None
    try:
        value = email.utils.parsedate_to_datetime(text)
        if value is not None:
            return _plausible(_local(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return _plausible(_local(dt.datetime.fromisoformat(text.replace("Z", "+00:00"))))
    except ValueError:
        pass
    return _plausible(_loose_date(text))


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
    return _local(value)


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


# -- RFC 822 -----------------------------------------------------------------------------------


def _parse(data: bytes) -> Message:
    return BytesParser(policy=policy.default).parsebytes(data)


def _looks_like_mail(msg: Message) -> bool:
    try:
        keys = {key.lower() for key in msg.keys()}
    except Exception:  # noqa: BLE001
        return False
    return bool(keys & _HEADER_NAMES)


def _repair_boundary(data: bytes, msg: Message, problems: list[str]) -> Message:
    """A multipart message whose parts use another boundary than the one declared (a mail
    program or a gateway that rewrote one of them): parse again with the boundary found."""
    if not msg.is_multipart() and msg.get_content_maintype() != "multipart":
        return msg
    defects = {type(d).__name__ for d in getattr(msg, "defects", [])}
    payload = msg.get_payload()
    broken = bool(defects & {"StartBoundaryNotFoundDefect", "NoBoundaryInMultipartDefect",
                             "MultipartInvariantViolationDefect"}) or not isinstance(payload, list)
    if not broken:
        return msg
    problems.append(_("De MIME-structuur van het bericht is beschadigd; de tekst en bijlagen werden zo goed "
                      "mogelijk gelezen. Kijk het oorspronkelijke bericht na."))
    split = re.search(rb"\r?\n\r?\n", data)
    if split is None:
        return msg
    head, body = data[: split.start()], data[split.end() :]
    counts: dict[bytes, int] = {}
    for line in re.findall(rb"^--([^\s-][^\s]{4,}?)(?:--)?\s*$", body, flags=re.MULTILINE):
        counts[line] = counts.get(line, 0) + 1
    if not counts:
        return msg
    boundary = max(counts, key=lambda b: counts[b])
    if re.search(rb'boundary\s*=', head, flags=re.IGNORECASE):
        new_head = re.sub(rb'boundary\s*=\s*("[^"]*"|[^;\s]*)', b'boundary="' + boundary + b'"', head,
                          count=1, flags=re.IGNORECASE)
    else:
        new_head = re.sub(rb"(?im)^(content-type:\s*multipart/[a-z-]+)", rb'\1; boundary="' + boundary + b'"', head, count=1)
    try:
        repaired = _parse(new_head + b"\n\n" + body)
    except Exception:  # noqa: BLE001
        return msg
    return repaired if isinstance(repaired.get_payload(), list) else msg


def _note_damage(msg: Message, problems: list[str]) -> None:
    """Dutch notes for the damage the parser found: a message cut off, a damaged encoding."""
    found: set[str] = set()
    try:
        for part in msg.walk():
            found.update(type(d).__name__ for d in getattr(part, "defects", []))
            if _damaged_base64(part):
                found.add("InvalidBase64CharactersDefect")
    except Exception:  # noqa: BLE001
        return
    if "CloseBoundaryNotFoundDefect" in found:
        problems.append(_("Het bericht is onvolledig (het eindigt midden in een deel); kijk het oorspronkelijke "
                          "bericht na."))
    if found & {"InvalidBase64CharactersDefect", "InvalidBase64PaddingDefect", "InvalidBase64LengthDefect"}:
        problems.append(_("Een deel van het bericht is beschadigd (ongeldige base64-codering); wat leesbaar was, "
                          "werd overgenomen."))


def _leaves(part: Message, in_alternative: bool = False) -> Iterator[tuple[Message, bool]]:
    """The leaf parts in order; an attached message (message/rfc822) is one leaf."""
    if part.get_content_type() == "message/rfc822":
        yield part, in_alternative
        return
    payload = part.get_payload() if part.is_multipart() else None
    if isinstance(payload, list):
        alternative = part.get_content_type() == "multipart/alternative"
        for sub in payload:
            if isinstance(sub, Message):
                yield from _leaves(sub, alternative)
    else:
        yield part, in_alternative


def _lenient_base64(raw: str) -> bytes:
    """Base64 with damaged lines: the lines that are base64 are decoded, the rest skipped."""
    good = [line.strip() for line in raw.splitlines() if _BASE64_LINE.fullmatch(line.strip())]
    text = "".join(good)
    text = text[: len(text) - len(text) % 4]
    try:
        return base64.b64decode(text)
    except (binascii.Error, ValueError):
        return b""


def _damaged_base64(part: Message) -> bool:
    """A base64 part with lines that are no base64 (text pasted into it, a damaged transfer)."""
    if part.is_multipart():
        return False
    try:
        if str(part.get("content-transfer-encoding", "")).strip().lower() != "base64":
            return False
    except Exception:  # noqa: BLE001
        return False
    raw = part.get_payload()
    return isinstance(raw, str) and any(
        line.strip() and not _BASE64_LINE.fullmatch(line.strip()) for line in raw.splitlines())


def _part_bytes(part: Message) -> bytes:
    raw = part.get_payload()
    if isinstance(raw, str) and _damaged_base64(part):
        return _lenient_base64(raw)
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("ascii", "surrogateescape") if _has_surrogates(raw) else raw.encode("utf-8", "replace")
    return b""


def _part_text(part: Message) -> str:
    try:
        charset = part.get_content_charset()
    except Exception:  # noqa: BLE001
        charset = None
    text = decode_bytes(_part_bytes(part), charset)
    if part.get_content_type() == "text/html":
        text = html_to_text(text)
    return clean_text(text)


def _filename(part: Message) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:  # noqa: BLE001
        name = ""
    if not name:
        try:
            name = part.get_param("name", header="content-type") or ""
            if isinstance(name, tuple):
                name = email.utils.collapse_rfc2231_value(name)
        except Exception:  # noqa: BLE001
            name = ""
    return safe_filename(_decode_words(str(name))) if name else ""


def safe_filename(name: str) -> str:
    """A file name without folders, control characters or characters Windows refuses."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r'[\x00-\x1f\x7f<>:"|?*]', "_", name).strip(" .")
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 200 - len(ext) - 1] + "." + ext) if dot and len(ext) <= 10 else name[:200]
    return name


def _is_attachment(part: Message, filename: str) -> bool:
    try:
        disposition = part.get_content_disposition()
    except Exception:  # noqa: BLE001
        disposition = None
    if disposition == "attachment" or filename:
        return True
    return part.get_content_maintype() not in ("text", "multipart")


def _attached_message(part: Message) -> tuple[Message | None, bytes]:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if not isinstance(inner, Message):
        return None, _part_bytes(part)
    try:
        data = inner.as_bytes(policy=policy.SMTP)
    except Exception:  # noqa: BLE001 - a damaged inner message: keep its text as it came
        try:
            data = inner.as_string(policy=policy.compat32).encode("utf-8", "replace")
        except Exception:  # noqa: BLE001
            data = b""
    return inner, data


class _Content:
    """The body text, attachments and attached messages of one RFC 822 message."""

    def __init__(self, msg: Message, problems: list[str]) -> None:
        self.body = ""
        self.attachments: list[IncomingAttachment] = []
        self.attached_messages: list[tuple[Message, bytes]] = []
        chosen = self._choose_body(msg)
        extra_text: list[str] = []
        for number, (part, in_alternative) in enumerate(_leaves(msg), start=1):
            if any(part is c for c in chosen):
                continue
            ctype = part.get_content_type()
            if ctype == "message/rfc822":
                inner, data = _attached_message(part)
                if inner is not None:
                    self.attached_messages.append((inner, data))
                subject = _header(inner, "subject") if inner is not None else ""
                name = _filename(part) or safe_filename((subject or _("doorgestuurd bericht"))[:80]) + ".eml"
                if not name.lower().endswith(".eml"):
                    name += ".eml"
                if data:
                    self.attachments.append(IncomingAttachment(name, "message/rfc822", data))
                continue
            filename = _filename(part)
            if not _is_attachment(part, filename):
                if ctype == "text/plain" and not in_alternative:
                    text = _part_text(part)
                    if text:
                        extra_text.append(text)
                continue
            data = _part_bytes(part)
            if not data:
                problems.append(_("De bijlage {name} is leeg en werd overgeslagen.").format(
                    name=filename or _("zonder naam")))
                continue
            if not filename:
                extension = mimetypes.guess_extension(ctype) or ".bin"
                filename = _("bijlage-{number}{ext}").format(number=number, ext=extension)
            self.attachments.append(IncomingAttachment(filename, ctype, data))
        texts = [t for t in (self.body, *extra_text) if t]
        self.body = "\n\n".join(texts)

    def _choose_body(self, msg: Message) -> list[Message]:
        """The plain-text body, or the HTML one made plain when the plain text is missing or empty."""
        plain = html = None
        try:
            plain = msg.get_body(preferencelist=("plain",))
            html = msg.get_body(preferencelist=("html",))
        except Exception:  # noqa: BLE001 - a damaged structure: walk the leaves below
            pass
        if plain is None and html is None:
            for part, _alt in _leaves(msg):
                if _filename(part):
                    continue
                if part.get_content_type() == "text/plain" and plain is None:
                    plain = part
                elif part.get_content_type() == "text/html" and html is None:
                    html = part
        chosen = [p for p in (plain, html) if p is not None]
        text = _part_text(plain) if plain is not None else ""
        if not text.strip() and html is not None:
            text = _part_text(html)
        self.body = text
        return chosen


def _sender(msg: Message, problems: list[str]) -> tuple[str, str]:
    name, address = parse_sender(_header(msg, "from"))
    reply_name, reply_address = parse_sender(_header(msg, "reply-to"))
    if re.match(r"(?i)^(no-?reply|do-?not-?reply|noreply|nepasrepondre|niet-?beantwoorden)", address) and reply_address:
        problems.append(_("De afzender is een ‘no-reply’-adres; het antwoordadres {address} werd genomen.").format(
            address=reply_address))
        return reply_name or name, reply_address
    if not address:
        for header in ("sender", "reply-to", "return-path"):
            other_name, other_address = parse_sender(_header(msg, header))
            if other_address:
                problems.append(_("Geen afzender (Van) in het bericht; het adres komt uit ‘{header}’.").format(
                    header="-".join(word.capitalize() for word in header.split("-"))))
                return name or other_name, other_address
        problems.append(_("Geen e-mailadres van de afzender in het bericht."))
    return name, address


def _date(msg: Message, problems: list[str]) -> dt.datetime | None:
    text = _header(msg, "date")
    if text:
        value = parse_date(text)
        if value is not None:
            return value
    for received in _raw_headers(msg, "received")[:1]:
        stamp = _decode_words(received).rpartition(";")[2]
        value = parse_date(stamp)
        if value is not None:
            if text:
                problems.append(_("De datum ‘{date}’ in het bericht is onleesbaar; de datum waarop de mailserver "
                                  "het ontving werd genomen.").format(date=text[:60]))
            else:
                problems.append(_("Geen datum in het bericht; de datum waarop de mailserver het ontving werd genomen."))
            return value
    if text:
        problems.append(_("De datum ‘{date}’ in het bericht is onleesbaar.").format(date=text[:60]))
    else:
        problems.append(_("Geen datum in het bericht."))
    return None


def _read_rfc822(data: bytes, filename: str) -> IncomingMessage:
    problems: list[str] = []
    if data.startswith(b"From ") and b"\n" in data:  # the separator line of an mbox file
        data_for_parse = data.split(b"\n", 1)[1]
    else:
        data_for_parse = data.lstrip(b"\r\n\t ")
    try:
        msg = _parse(data_for_parse)
    except Exception as error:  # noqa: BLE001 - the parser itself gave up
        raise MessageUnreadable(filename, _("het bestand is beschadigd ({error})").format(
            error=error.__class__.__name__)) from error
    if not _looks_like_mail(msg):
        raise MessageUnreadable(filename, _("er staan geen e-mailkoppen (Van, Onderwerp, Datum) in het bestand"))
    msg = _repair_boundary(data_for_parse, msg, problems)
    _note_damage(msg, problems)
    name, address = _sender(msg, problems)
    subject = _header(msg, "subject")
    received_at = _date(msg, problems)
    content = _Content(msg, problems)
    body = content.body
    message = IncomingMessage(
        message_id=normalise_message_id(_header(msg, "message-id")) or synthetic_message_id(data),
        received_at=received_at,
        sender_name=name,
        sender_address=address,
        subject=subject,
        body_text=body,
        attachments=tuple(content.attachments),
        original_filename=safe_filename(filename) if filename else "",
        original_bytes=data,
        problems=(),
    )
    message = _unwrap_forward(message, content.attached_messages, problems)
    return _finish(message, problems)


def _finish(message: IncomingMessage, problems: list[str]) -> IncomingMessage:
    """The last checks every reader shares: subject, body size, empty body, problems."""
    body = message.body_text
    if len(body) > MAX_BODY_CHARS:
        body = body[:MAX_BODY_CHARS]
        problems.append(_("De tekst van het bericht is erg lang en werd ingekort; de volledige tekst staat in het "
                          "oorspronkelijke bericht."))
    if not body.strip():
        if message.attachments:
            problems.append(_("Het bericht heeft geen tekst; de inhoud zit wellicht in de bijlagen."))
        else:
            problems.append(_("Het bericht heeft geen tekst."))
    if not message.subject.strip():
        problems.append(_("Het bericht heeft geen onderwerp."))
    if not message.sender_name and message.sender_address:
        problems.append(_("Geen naam bij de afzender {address}.").format(address=message.sender_address))
    unique = tuple(dict.fromkeys(problems))
    return replace(message, body_text=body, problems=unique)


# -- forwarded mails ---------------------------------------------------------------------------


def _unwrap_forward(message: IncomingMessage, attached: list[tuple[Message, bytes]],
                    problems: list[str]) -> IncomingMessage:
    """A complaint forwarded by a colleague: the complainant, the date and the text come from
    the forwarded message (attached or quoted in the body); who forwarded it is noted."""
    if _REPLY_SUBJECT.match(message.subject):
        return message
    forwarded_subject = bool(_FORWARD_SUBJECT.match(message.subject))
    original: dict[str, str] | None = None
    note = ""
    if attached and (forwarded_subject or not message.body_text.strip() or len(attached) == 1):
        inner, _data = attached[0]
        inner_problems: list[str] = []
        content = _Content(inner, inner_problems)
        inner_name, inner_address = parse_sender(_header(inner, "from"))
        original = {
            "from_name": inner_name, "from_address": inner_address, "date": _header(inner, "date"),
            "subject": _header(inner, "subject"), "body": content.body,
        }
        note = message.body_text.strip()
        if not forwarded_subject and note and len(attached) == 1 and not inner_address:
            return message
    else:
        marker = _FORWARD_MARKER.search(message.body_text)
        if marker is None and forwarded_subject:
            marker = _ORIGINAL_MARKER.search(message.body_text)
        if marker is None:
            return message
        note = message.body_text[: marker.start()].strip()
        original = _quoted_original(message.body_text[marker.end():])
        if original is None:
            return message
    if not original.get("from_address") and not original.get("from_name"):
        return message
    forwarder = message.sender_name or message.sender_address
    when = message.received_at.strftime("%d-%m-%Y %H:%M") if message.received_at else _("onbekende datum")
    problems.append(_("Doorgestuurd bericht (door {who} op {when}): afzender, datum en tekst komen uit het "
                      "oorspronkelijke bericht.").format(who=forwarder or _("onbekend"), when=when))
    received_at = parse_date(original.get("date", "")) or message.received_at
    if not original.get("from_address"):
        problems.append(_("Het doorgestuurde bericht vermeldt geen e-mailadres van de oorspronkelijke afzender."))
    body = original.get("body", "").strip()
    if note:
        body = body + "\n\n" + _("--- Opmerking bij het doorsturen ({who}) ---").format(who=forwarder) + "\n" + note
    return replace(
        message,
        sender_name=original.get("from_name", ""),
        sender_address=original.get("from_address", ""),
        subject=original.get("subject") or _SUBJECT_PREFIX.sub("", message.subject),
        received_at=received_at,
        body_text=body.strip(),
    )


def _quoted_original(text: str) -> dict[str, str] | None:
    """The header lines (Van/From, Datum/Sent, Onderwerp/Subject) and the text of a message
    quoted below a forward marker."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index].strip(" >"):
        index += 1
    last_kind = ""
    while index < len(lines):
        line = lines[index]
        if not line.strip(" >"):
            break
        found = _QUOTED_FIELD.match(line)
        if found:
            kind = _FIELD_KIND.get(found.group(1).lower(), "other")
            last_kind = kind
            if kind != "other" and kind not in fields:
                fields[kind] = found.group(2).strip()
        elif last_kind and last_kind in fields and fields:
            fields[last_kind] += " " + line.strip(" >")  # a long header line folded by the mail program
        else:
            return None
        index += 1
    if "from" not in fields:
        return None
    name, address = parse_sender(fields["from"])
    body = "\n".join(line[1:].lstrip() if line.startswith(">") else line for line in lines[index:])
    return {"from_name": name, "from_address": address, "date": fields.get("date", ""),
            "subject": fields.get("subject", ""), "body": clean_text(body)}


# -- Outlook .msg ------------------------------------------------------------------------------


def _read_outlook(data: bytes, filename: str) -> IncomingMessage:
    """An Outlook message, read by our own reader (services/outlook_msg.py)."""
    try:
        outlook = read_outlook_message(data)
    except OutlookFileError as error:
        if error.reason == "not_a_message":
            raise MessageUnreadable(filename, _("het Outlook-bestand bevat geen e-mailbericht")) from error
        raise MessageUnreadable(filename, _("het Outlook-bestand is beschadigd of is geen bericht")) from error
    problems: list[str] = []
    headers = _transport_headers(outlook.transport_headers)
    name, address = outlook.author
    if headers is not None and (not address or not name):
        header_name, header_address = parse_sender(_header(headers, "from"))
        name, address = name or header_name, address or header_address
    name = _clean_name(name, address)
    if not address:
        problems.append(_("Geen e-mailadres van de afzender in het bericht."))
    received_at = _outlook_date(outlook, headers)
    if received_at is None:
        problems.append(_("Geen datum in het bericht."))
    message_id = normalise_message_id(outlook.message_id)
    if not message_id and headers is not None:
        message_id = normalise_message_id(_header(headers, "message-id"))
    attached: list[tuple[Message, bytes]] = []
    attachments = _outlook_attachments(outlook, problems, attached)
    if outlook.unreadable_parts:
        problems.append(_("Een deel van het Outlook-bestand is beschadigd; wat leesbaar was, werd overgenomen. "
                          "Kijk het oorspronkelijke bericht na."))
    message = IncomingMessage(
        message_id=message_id or synthetic_message_id(data),
        received_at=received_at,
        sender_name=name,
        sender_address=address,
        subject=_one_line(outlook.subject),
        body_text=_outlook_body(outlook, problems),
        attachments=tuple(attachments),
        original_filename=safe_filename(filename) if filename else "",
        original_bytes=data,
    )
    message = _unwrap_forward(message, attached, problems)
    return _finish(message, problems)


def _transport_headers(text: str) -> Message | None:
    """The Internet headers the message arrived with (only on received messages)."""
    text = re.sub(r"^\s*Microsoft Mail Internet Headers Version 2\.0\s*", "", text or "")
    if not text.strip():
        return None
    try:
        headers = _parse(text.encode("utf-8", "surrogateescape").rstrip(b"\r\n") + b"\r\n\r\n")
    except Exception:  # noqa: BLE001 - headers this damaged are not used
        return None
    return headers if _looks_like_mail(headers) else None


def _outlook_date(outlook: OutlookMessage, headers: Message | None) -> dt.datetime | None:
    """When it was sent, else when it was delivered, else the headers' Date; a draft that was
    never sent has no date (its times are when it was saved)."""
    for value in (() if outlook.unsent else (outlook.submitted_at, outlook.delivered_at)):
        if value is not None and _plausible(_local(value)) is not None:
            return _plausible(_local(value))
    if headers is not None:
        return parse_date(_header(headers, "date"))
    return None


def _outlook_body(outlook: OutlookMessage, problems: list[str]) -> str:
    """The plain-text body, else the HTML one made plain, else the text of the RTF one."""
    body = clean_text(outlook.body or "")
    if not body.strip() and outlook.html_text:
        body = clean_text(html_to_text(outlook.html_text))
    if not body.strip() and outlook.rtf_compressed:
        rtf = rtf_body(outlook.rtf_compressed)
        if rtf is not None:
            body = clean_text(html_to_text(rtf.text) if rtf.is_html else rtf.text)
        if body.strip():
            problems.append(_("De tekst van dit Outlook-bericht werd uit de opgemaakte versie (RTF) gehaald; kijk "
                              "hem na in het oorspronkelijke bericht in de klachtenmap."))
        else:
            problems.append(_("De tekst van dit Outlook-bericht is alleen in opgemaakte vorm (RTF) bewaard en kon "
                              "niet gelezen worden; lees hem in het oorspronkelijke bericht in de klachtenmap en neem "
                              "hem over."))
    return body


def _outlook_attachments(outlook: OutlookMessage, problems: list[str],
                         attached: list[tuple[Message, bytes]]) -> list[IncomingAttachment]:
    """The attachments; an attached Outlook message becomes an e-mail (.eml) of its own, as its
    text and files can be read there without Outlook (the .msg file keeps it whole)."""
    found: list[IncomingAttachment] = []
    for number, attachment in enumerate(outlook.attachments, start=1):
        name = safe_filename(attachment.filename)
        if attachment.message is not None:
            inner = _outlook_as_email(attachment.message)
            stem = name[:-4] if name.lower().endswith(".msg") else name
            name = safe_filename((stem or attachment.message.subject or _("doorgestuurd bericht"))[:80]) + ".eml"
            if inner is None:
                problems.append(_("De bijlage {name} kon niet gelezen worden en werd overgeslagen.").format(name=name))
                continue
            attached.append(inner)
            found.append(IncomingAttachment(name, "message/rfc822", inner[1]))
            problems.append(_("De bijlage {name} is een Outlook-bericht; de tekst en bijlagen ervan werden als "
                              "e-mail (.eml) bewaard, de opmaak staat in het oorspronkelijke bericht.").format(name=name))
            continue
        if attachment.data is None:
            problems.append(_("De bijlage {name} kon niet gelezen worden en werd overgeslagen.").format(
                name=name or number))
            continue
        if not attachment.data:
            problems.append(_("De bijlage {name} is leeg en werd overgeslagen.").format(name=name or _("zonder naam")))
            continue
        mime = attachment.mime_type.lower() or mimetypes.guess_type(name)[0] or "application/octet-stream"
        if not name:
            name = _("bijlage-{number}{ext}").format(number=number, ext=mimetypes.guess_extension(mime) or ".bin")
        found.append(IncomingAttachment(name, mime, attachment.data))
    return found


def _outlook_as_email(outlook: OutlookMessage) -> tuple[Message, bytes] | None:
    """An attached Outlook message as an RFC 822 message: sender, date, subject, text, files."""
    try:
        data = _email_of(outlook).as_bytes()
        return _parse(data), data
    except Exception:  # noqa: BLE001 - a property value the e-mail library refuses
        return None


def _email_of(outlook: OutlookMessage, depth: int = 0) -> EmailMessage:
    """An Outlook message as an e-mail; attached Outlook messages become attached e-mails."""
    mail = EmailMessage(policy=policy.SMTP)
    name, address = outlook.author
    if address or name:
        mail["From"] = email.utils.formataddr((name, address)) if address else name
    when = None if outlook.unsent else (outlook.submitted_at or outlook.delivered_at)
    if when is not None:
        mail["Date"] = email.utils.format_datetime(when)
    mail["Subject"] = outlook.subject
    if outlook.message_id:
        mail["Message-ID"] = "<" + normalise_message_id(outlook.message_id) + ">"
    mail.set_content(_outlook_body(outlook, []) or "", cte="quoted-printable")
    for number, attachment in enumerate(outlook.attachments, start=1):
        filename = safe_filename(attachment.filename) or _("bijlage-{number}{ext}").format(number=number, ext="")
        if attachment.message is not None and depth < 8:
            mail.add_attachment(_email_of(attachment.message, depth + 1), filename=filename + ".eml")
            continue
        if not attachment.data:
            continue
        mime = attachment.mime_type.lower() or mimetypes.guess_type(attachment.filename)[0] or ""
        maintype, _slash, subtype = mime.partition("/")
        if not subtype or maintype in ("multipart", "message"):
            maintype, subtype = "application", "octet-stream"
        mail.add_attachment(attachment.data, maintype=maintype, subtype=subtype, filename=filename)
    return mail
