"""The MIME structure of an RFC 822 e-mail: parsing it (repairing a boundary a gateway
rewrote, noting damage), its leaf parts, their bytes and text (lenient with damaged base64),
attachment file names, and ``MessageContent``: the body text, attachments and attached
messages of one message."""

from __future__ import annotations

import base64
import binascii
import email.utils
import mimetypes
import re
from collections.abc import Iterator
from email import policy
from email.message import Message
from email.parser import BytesParser

from kina_desktop.domain.intake import IncomingAttachment
from kina_desktop.i18n import _
from kina_desktop.mail.html_text import html_to_text
from kina_desktop.mail.message_headers import decode_words, header_value
from kina_desktop.mail.message_text import (
    clean_text,
    decode_text,
    guessed_charset_note,
    has_surrogates,
    replaced_bytes_note,
)
from kina_desktop.mail.smime import SMIME_TYPES, open_opaque

_HEADER_NAMES = {
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "received",
    "mime-version",
    "content-type",
    "return-path",
    "delivered-to",
    "reply-to",
    "sender",
    "x-mailer",
    "user-agent",
    "thread-topic",
}
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/]+={0,2}")
# The signature of a signed message (multipart/signed, RFC 1847): no file of the complainant;
# it stays in the original message.
_SIGNATURE_TYPES = {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}


def parse_mail(data: bytes) -> Message:
    return BytesParser(policy=policy.default).parsebytes(data)


def looks_like_mail(msg: Message) -> bool:
    try:
        keys = {key.lower() for key in msg.keys()}
    except Exception:
        return False
    return bool(keys & _HEADER_NAMES)


def repair_boundary(data: bytes, msg: Message, problems: list[str]) -> Message:
    """A multipart message whose parts use another boundary than the one declared (a mail
    program or a gateway that rewrote one of them): parse again with the boundary found."""
    if not msg.is_multipart() and msg.get_content_maintype() != "multipart":
        return msg
    defects = {type(d).__name__ for d in getattr(msg, "defects", [])}
    payload = msg.get_payload()
    broken = bool(
        defects & {"StartBoundaryNotFoundDefect", "NoBoundaryInMultipartDefect", "MultipartInvariantViolationDefect"}
    ) or not isinstance(payload, list)
    if not broken:
        return msg
    problems.append(
        _(
            "De MIME-structuur van het bericht is beschadigd; de tekst en bijlagen werden zo goed "
            "mogelijk gelezen. Kijk het oorspronkelijke bericht na."
        )
    )
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
    if re.search(rb"boundary\s*=", head, flags=re.IGNORECASE):
        new_head = re.sub(
            rb'boundary\s*=\s*("[^"]*"|[^;\s]*)', b'boundary="' + boundary + b'"', head, count=1, flags=re.IGNORECASE
        )
    else:
        new_head = re.sub(
            rb"(?im)^(content-type:\s*multipart/[a-z-]+)", rb'\1; boundary="' + boundary + b'"', head, count=1
        )
    try:
        repaired = parse_mail(new_head + b"\n\n" + body)
    except Exception:
        return msg
    return repaired if isinstance(repaired.get_payload(), list) else msg


def note_damage(msg: Message, problems: list[str]) -> None:
    """Dutch notes for the damage the parser found: a message cut off, a damaged encoding."""
    found: set[str] = set()
    try:
        for part in msg.walk():
            found.update(type(d).__name__ for d in getattr(part, "defects", []))
            if _damaged_base64(part):
                found.add("InvalidBase64CharactersDefect")
    except Exception:
        return
    if "CloseBoundaryNotFoundDefect" in found:
        problems.append(
            _("Het bericht is onvolledig (het eindigt midden in een deel); kijk het oorspronkelijke bericht na.")
        )
    if found & {"InvalidBase64CharactersDefect", "InvalidBase64PaddingDefect", "InvalidBase64LengthDefect"}:
        problems.append(
            _("Een deel van het bericht is beschadigd (ongeldige base64-codering); wat leesbaar was, werd overgenomen.")
        )


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
    except Exception:
        return False
    raw = part.get_payload()
    return isinstance(raw, str) and any(
        line.strip() and not _BASE64_LINE.fullmatch(line.strip()) for line in raw.splitlines()
    )


def _part_bytes(part: Message) -> bytes:
    raw = part.get_payload()
    if isinstance(raw, str) and _damaged_base64(part):
        return _lenient_base64(raw)
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("ascii", "surrogateescape") if has_surrogates(raw) else raw.encode("utf-8", "replace")
    return b""


def _part_text(part: Message, problems: list[str] | None = None) -> str:
    try:
        charset = part.get_content_charset()
    except Exception:
        charset = None
    decoded = decode_text(_part_bytes(part), charset)
    if problems is not None and decoded.replaced:
        problems.append(replaced_bytes_note(decoded.replaced, charset or decoded.codec))
    if problems is not None and decoded.guessed and decoded.codec != "utf-8":
        problems.append(guessed_charset_note(decoded.codec))
    text = decoded.text
    if part.get_content_type() == "text/html":
        text = html_to_text(text)
    return clean_text(text)


def _filename(part: Message) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:
        name = ""
    if not name:
        try:
            name = part.get_param("name", header="content-type") or ""
            if isinstance(name, tuple):
                name = email.utils.collapse_rfc2231_value(name)
        except Exception:
            name = ""
    return safe_filename(decode_words(str(name))) if name else ""


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
    except Exception:
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
    except Exception:
        try:
            data = inner.as_string(policy=policy.compat32).encode("utf-8", "replace")
        except Exception:
            data = b""
    return inner, data


class MessageContent:
    """The body text, attachments and attached messages of one RFC 822 message."""

    def __init__(self, msg: Message, problems: list[str]) -> None:
        self.body = ""
        self.attachments: list[IncomingAttachment] = []
        self.attached_messages: list[tuple[Message, bytes]] = []
        chosen = self._choose_body(msg, problems)
        extra_text: list[str] = []
        for number, (part, in_alternative) in enumerate(_leaves(msg), start=1):
            if any(part is c for c in chosen):
                continue
            ctype = part.get_content_type()
            if ctype == "message/rfc822":
                inner, data = _attached_message(part)
                if inner is not None:
                    self.attached_messages.append((inner, data))
                subject = header_value(inner, "subject") if inner is not None else ""
                name = _filename(part) or safe_filename((subject or _("doorgestuurd bericht"))[:80]) + ".eml"
                if not name.lower().endswith(".eml"):
                    name += ".eml"
                if data:
                    self.attachments.append(IncomingAttachment(name, "message/rfc822", data))
                continue
            if ctype in _SIGNATURE_TYPES:
                problems.append(
                    _("Het bericht is digitaal ondertekend; de handtekening blijft in het oorspronkelijke bericht.")
                )
                continue
            filename = _filename(part)
            if not _is_attachment(part, filename):
                if ctype == "text/plain" and not in_alternative:
                    text = _part_text(part, problems)
                    if text:
                        extra_text.append(text)
                continue
            data = _part_bytes(part)
            if not data:
                problems.append(
                    _("De bijlage {name} is leeg en werd overgeslagen.").format(name=filename or _("zonder naam"))
                )
                continue
            if ctype in SMIME_TYPES:
                opened = open_signed(data, problems)
                if opened is not None:  # the signed text and files, beside the blob kept whole
                    if opened.body:
                        extra_text.append(opened.body)
                    self.attachments.extend(opened.attachments)
            if not filename:
                extension = ".p7m" if ctype in SMIME_TYPES else (mimetypes.guess_extension(ctype) or ".bin")
                filename = _("bijlage-{number}{ext}").format(number=number, ext=extension)
            self.attachments.append(IncomingAttachment(filename, ctype, data))
        texts = [t for t in (self.body, *extra_text) if t]
        self.body = "\n\n".join(texts)

    def _choose_body(self, msg: Message, problems: list[str]) -> list[Message]:
        """The plain-text body, or the HTML one made plain when the plain text is missing or empty."""
        plain = html = None
        try:
            plain = msg.get_body(preferencelist=("plain",))
            html = msg.get_body(preferencelist=("html",))
        except Exception:
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
        text = _part_text(plain, problems) if plain is not None else ""
        if not text.strip() and html is not None:
            text = _part_text(html, problems)
        self.body = text
        return chosen


def open_signed(data: bytes, problems: list[str]) -> MessageContent | None:
    """The text and files of an opaque S/MIME blob (mail/smime.py), with a note: signed, they are
    read (the signature itself is not checked); encrypted, nothing can be read. None when the
    blob holds no readable message; the blob itself is kept whole with the message."""
    opened = open_opaque(data)
    if opened.kind == "encrypted":
        problems.append(
            _(
                "Het bericht is versleuteld (S/MIME) en kan zonder de sleutel van de ontvanger niet gelezen "
                "worden; het blijft als geheel bij het oorspronkelijke bericht. Vraag de afzender om het "
                "onversleuteld te sturen."
            )
        )
        return None
    if opened.kind != "signed" or not opened.content:
        problems.append(
            _("Het bericht bevat een S/MIME-blok dat niet gelezen kon worden; het blijft als geheel bij het bericht.")
        )
        return None
    try:
        inner = parse_mail(opened.content.lstrip(b"\r\n"))
    except Exception:
        return None
    problems.append(
        _(
            "Het bericht is digitaal ondertekend in één S/MIME-blok (smime.p7m); de tekst en bijlagen erin "
            "werden gelezen (de handtekening zelf werd niet gecontroleerd) en het blok blijft als geheel bij "
            "het bericht."
        )
    )
    return MessageContent(inner, problems)
