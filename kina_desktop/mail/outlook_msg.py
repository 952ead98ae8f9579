"""Reading an Outlook ``.msg`` file: the MAPI properties of [MS-OXMSG] stored in a Compound File
(OLE2), opened with ``olefile`` (BSD licence).

Our own reader, so that the program does not ship ``extract-msg`` (GPL-3.0); the tests check it
against extract-msg as an independent implementation (tests/intake/test_outlook_msg.py).

It reads what intake needs and nothing more: subject, sender and the person sent on behalf of,
dates, Message-ID, the transport headers, the body (plain text, HTML or compressed RTF) and the
attachments, an attached Outlook message as an ``OutlookMessage`` of its own. Property layout:
every property has a 16-byte entry in the ``__properties_version1.0`` stream of its storage
(fixed-size values inline); strings and binary values are streams ``__substg1.0_IIIITTTT``
(property id, then type). No Dutch text here: mail/outlook_conversion.py turns the result into
an ``IncomingMessage`` with notes for the person who checks it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import struct
from dataclasses import dataclass

import olefile

from kina_desktop.mail.message_text import decode_text

# property types ([MS-OXCDATA] 2.11.1)
PT_I2, PT_LONG, PT_BOOLEAN, PT_I8, PT_SYSTIME = 0x0002, 0x0003, 0x000B, 0x0014, 0x0040
PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT = 0x001E, 0x001F, 0x0102, 0x000D

# property ids ([MS-OXPROPS])
PR_MESSAGE_CLASS = 0x001A
PR_SUBJECT = 0x0037
PR_CLIENT_SUBMIT_TIME = 0x0039
PR_SUBJECT_PREFIX = 0x003D
PR_SENT_REPRESENTING_NAME = 0x0042
PR_SENT_REPRESENTING_ADDRTYPE = 0x0064
PR_SENT_REPRESENTING_EMAIL_ADDRESS = 0x0065
PR_TRANSPORT_MESSAGE_HEADERS = 0x007D
PR_SENDER_NAME = 0x0C1A
PR_SENDER_ADDRTYPE = 0x0C1E
PR_SENDER_EMAIL_ADDRESS = 0x0C1F
PR_MESSAGE_DELIVERY_TIME = 0x0E06
PR_MESSAGE_FLAGS = 0x0E07
PR_NORMALIZED_SUBJECT = 0x0E1D
PR_BODY = 0x1000
PR_RTF_COMPRESSED = 0x1009
PR_HTML = 0x1013
PR_INTERNET_MESSAGE_ID = 0x1035
PR_DISPLAY_NAME = 0x3001
PR_ATTACH_DATA = 0x3701
PR_ATTACH_EXTENSION = 0x3703
PR_ATTACH_FILENAME = 0x3704
PR_ATTACH_METHOD = 0x3705
PR_ATTACH_LONG_FILENAME = 0x3707
PR_ATTACH_MIME_TAG = 0x370E
PR_ATTACH_CONTENT_ID = 0x3712
PR_INTERNET_CPID = 0x3FDE
PR_MESSAGE_LOCALE_ID = 0x3FF1
PR_MESSAGE_CODEPAGE = 0x3FFD
PR_SENDER_SMTP_ADDRESS = 0x5D01
PR_SENT_REPRESENTING_SMTP_ADDRESS = 0x5D02
PR_ATTACHMENT_HIDDEN = 0x7FFE

MSGFLAG_UNSENT = 0x0008
ATTACH_BY_VALUE, ATTACH_EMBEDDED_MSG, ATTACH_OLE = 1, 5, 6

# The header before the property entries: 32 bytes for the message, 24 for an attached message,
# 8 for an attachment or a recipient.
_HEADER_TOP, _HEADER_EMBEDDED, _HEADER_SUB = 32, 24, 8
_MAX_DEPTH = 8  # attached messages inside attached messages
# An SMTP address (RFC 6532: UTF-8 in the local part and the domain), not an Exchange path.
_ADDRESS = re.compile(r"[^@\s<>\"/]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+")

# Windows code pages Python knows by another name than cpNNNN.
_CODEPAGES = {
    65001: "utf-8",
    65000: "utf-7",
    1200: "utf-16-le",
    1201: "utf-16-be",
    20127: "ascii",
    20866: "koi8_r",
    21866: "koi8_u",
    28591: "latin-1",
    28592: "iso8859_2",
    28593: "iso8859_3",
    28594: "iso8859_4",
    28595: "iso8859_5",
    28596: "iso8859_6",
    28597: "iso8859_7",
    28598: "iso8859_8",
    28599: "iso8859_9",
    28603: "iso8859_13",
    28605: "iso8859_15",
    38598: "iso8859_8",
    50220: "iso2022_jp",
    50221: "iso2022_jp",
    50222: "iso2022_jp",
    51932: "euc_jp",
    51936: "gb2312",
    51949: "euc_kr",
    52936: "hz",
    54936: "gb18030",
    10000: "mac_roman",
}


# The ANSI code page Windows uses for a language (the primary language of an LCID); the others
# use Windows-1252. Chinese depends on the region: traditional (Taiwan, Hong Kong, Macau) is 950.
_LANGUAGE_CODEPAGES = {
    **dict.fromkeys((0x05, 0x0E, 0x15, 0x18, 0x1A, 0x1B, 0x1C, 0x24), 1250),
    **dict.fromkeys((0x02, 0x19, 0x22, 0x23, 0x2F, 0x3F, 0x40, 0x44, 0x50), 1251),
    0x08: 1253,
    **dict.fromkeys((0x1F, 0x2C, 0x43), 1254),
    0x0D: 1255,
    **dict.fromkeys((0x01, 0x20, 0x29), 1256),
    **dict.fromkeys((0x25, 0x26, 0x27), 1257),
    0x2A: 1258,
    0x1E: 874,
    0x11: 932,
    0x04: 936,
    0x12: 949,
}
_TRADITIONAL_CHINESE = {0x0404, 0x0C04, 0x1404}
_CYRILLIC_SERBIAN = {0x0C1A, 0x1C1A, 0x201A}


# The ANSI code page behind an Internet code page that is no ANSI one (ISO-2022, EUC, HZ).
_ANSI_OF_INTERNET = {50220: 932, 50221: 932, 50222: 932, 51932: 932, 51936: 936, 52936: 936, 51949: 949, 50225: 949}


def ansi_for_internet_codepage(codepage: int | None) -> int | None:
    """The ANSI code page for 8-bit strings when only the Internet code page is known; UTF-7
    (65000) says nothing about them."""
    if not codepage or codepage == 65000:
        return None
    return _ANSI_OF_INTERNET.get(codepage, codepage)


def codepage_for_locale(lcid: int | None) -> int | None:
    """The ANSI code page of a Windows locale (PR_MESSAGE_LOCALE_ID), None when unknown."""
    if not lcid or lcid <= 0:
        return None
    lcid &= 0xFFFF
    if lcid in _TRADITIONAL_CHINESE:
        return 950
    if lcid in _CYRILLIC_SERBIAN:
        return 1251
    return _LANGUAGE_CODEPAGES.get(lcid & 0x3FF)


class OutlookFileError(Exception):
    """The file is no Outlook message: ``reason`` is "damaged" (no Compound File olefile can
    open) or "not_a_message" (a Compound File, such as an old Word document, without the
    properties of a message)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class OutlookAttachment:
    """One attachment. ``data`` is None when the file is not stored in the message (a link, an
    OLE object, a damaged stream); ``message`` is set for an attached Outlook message."""

    filename: str
    mime_type: str
    data: bytes | None
    method: int
    content_id: str = ""
    hidden: bool = False
    message: OutlookMessage | None = None


@dataclass(frozen=True)
class OutlookMessage:
    """The properties of one message as stored; "" or None where the message has none.

    ``sender_*`` is who sent it, ``representing_*`` the person it was sent on behalf of (the
    author, the "From" the recipient sees); the addresses are SMTP addresses when the message
    has one (not Exchange paths such as ``/O=KINA/OU=.../CN=...``). Times are UTC.
    """

    message_class: str
    subject: str
    sender_name: str
    sender_address: str
    representing_name: str
    representing_address: str
    submitted_at: dt.datetime | None
    delivered_at: dt.datetime | None
    unsent: bool
    message_id: str
    transport_headers: str
    body: str | None
    html: bytes | None
    html_text: str | None
    rtf_compressed: bytes | None
    attachments: tuple[OutlookAttachment, ...]
    unreadable_parts: tuple[str, ...] = ()
    replaced_bytes: int = 0  # bytes of the text that did not fit its code page (now U+FFFD)
    text_codec: str = ""  # the codec the 8-bit text was read in

    @property
    def author(self) -> tuple[str, str]:
        """(name, address) of the person the message is from: the one sent on behalf of when
        there is one, else the sender."""
        if self.representing_address or self.representing_name:
            return (self.representing_name or self.sender_name, self.representing_address or self.sender_address)
        return self.sender_name, self.sender_address


def codec_for_codepage(codepage: int | None) -> str | None:
    """The Python codec of a Windows code page number, None when unknown."""
    if not codepage or codepage < 0:
        return None
    name = _CODEPAGES.get(codepage, f"cp{codepage}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def read_outlook_message(data: bytes) -> OutlookMessage:
    """The message in the bytes of a .msg file; raises ``OutlookFileError``."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as error:
        raise OutlookFileError("damaged", str(error)) from error
    try:
        if not _exists(ole, ["__properties_version1.0"]):
            raise OutlookFileError("not_a_message", "no __properties_version1.0 stream")
        return _Storage(ole, [], _HEADER_TOP).message(depth=0)
    finally:
        ole.close()


def _exists(ole: olefile.OleFileIO, path: list[str]) -> bool:
    try:
        return bool(ole.exists("/".join(path)))
    except Exception:
        return False


class _Storage:
    """The properties of one storage (the message, an attachment, an attached message)."""

    def __init__(self, ole: olefile.OleFileIO, path: list[str], header: int) -> None:
        self.ole = ole
        self.path = path
        self.broken: list[str] = []
        self.fixed: dict[int, tuple[int, bytes]] = {}  # property id -> (type, 8 value bytes)
        stream = self.stream("__properties_version1.0") or b""
        for offset in range(header, len(stream) - 15, 16):
            tag, _flags = struct.unpack_from("<II", stream, offset)
            self.fixed.setdefault(tag >> 16, (tag & 0xFFFF, stream[offset + 8 : offset + 16]))
        self.codepage = self.long(PR_MESSAGE_CODEPAGE)
        self.internet_codepage = self.long(PR_INTERNET_CPID)
        locale = self.long(PR_MESSAGE_LOCALE_ID)
        # a known locale whose language is not in the table writes Windows-1252
        self.locale_codepage = codepage_for_locale(locale) or (1252 if locale and locale > 0 else None)
        self.replaced = 0
        self.codec = ""

    @property
    def ansi_codepage(self) -> int | None:
        """The code page of the 8-bit (PT_STRING8) strings: the message's own
        (PR_MESSAGE_CODEPAGE), else its locale's ANSI code page, else the one its Internet code
        page implies. [MS-OXMSG] 2.1.3: the Internet code page is that of the HTML body
        (PR_HTML, binary), not of the strings; a German Outlook with a Cyrillic Internet code page
        writes its subject in Windows-1252 (Apache POI's test file HTMLBodyBinary_CP1251.msg)."""
        return self.codepage or self.locale_codepage or ansi_for_internet_codepage(self.internet_codepage)

    # -- raw access ---------------------------------------------------------------------------

    def stream(self, name: str) -> bytes | None:
        path = [*self.path, name]
        if not _exists(self.ole, path):
            return None
        name = "/".join(path)
        try:
            data = self.ole.openstream(name).read()
            expected = self.ole.get_size(name)
        except Exception:
            self.broken.append(name)
            return None
        if len(data) < expected:  # a file cut off: olefile gives what is there
            self.broken.append(name)
        return data

    def binary(self, prop: int) -> bytes | None:
        return self.stream(f"__substg1.0_{prop:04X}{PT_BINARY:04X}")

    def string(self, prop: int, codepage: int | None = None) -> str | None:
        raw = self.stream(f"__substg1.0_{prop:04X}{PT_UNICODE:04X}")
        if raw is not None:
            return raw.decode("utf-16-le", errors="replace").split("\x00", 1)[0]
        raw = self.stream(f"__substg1.0_{prop:04X}{PT_STRING8:04X}")
        if raw is not None:
            decoded = decode_text(raw.split(b"\x00", 1)[0], codec_for_codepage(codepage or self.ansi_codepage))
            self.replaced += decoded.replaced
            self.codec = self.codec or decoded.codec
            return decoded.text
        return None

    def text(self, *props: int) -> str:
        """The first of these string properties that is present and not blank, else ""."""
        for prop in props:
            value = self.string(prop)
            if value and value.strip():
                return " ".join(value.split())
        return ""

    def long(self, prop: int) -> int | None:
        entry = self.fixed.get(prop)
        if entry is None or entry[0] not in (PT_LONG, PT_I2, PT_BOOLEAN):
            return None
        kind, value = entry
        if kind == PT_LONG:
            return struct.unpack_from("<i", value)[0]
        return struct.unpack_from("<h" if kind == PT_I2 else "<H", value)[0]

    def time(self, prop: int) -> dt.datetime | None:
        entry = self.fixed.get(prop)
        if entry is None or entry[0] != PT_SYSTIME:
            return None
        ticks = struct.unpack_from("<Q", entry[1])[0]
        if not ticks:
            return None
        try:
            return dt.datetime(1601, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=ticks // 10)
        except OverflowError:
            return None

    def children(self, prefix: str) -> list[str]:
        """The names of the sub-storages starting with ``prefix`` (attachments), in order."""
        names: set[str] = set()
        try:
            entries = self.ole.listdir(streams=False, storages=True)
        except Exception:
            return []
        depth = len(self.path)
        for entry in entries:
            if len(entry) == depth + 1 and [e.lower() for e in entry[:depth]] == [p.lower() for p in self.path]:
                if entry[depth].lower().startswith(prefix.lower()):
                    names.add(entry[depth])
        return sorted(names, key=str.lower)

    # -- the message --------------------------------------------------------------------------

    def message(self, depth: int) -> OutlookMessage:
        flags = self.long(PR_MESSAGE_FLAGS) or 0
        subject = self.text(PR_SUBJECT)
        if not subject:
            subject = (self.string(PR_SUBJECT_PREFIX) or "") + (self.string(PR_NORMALIZED_SUBJECT) or "")
            subject = " ".join(subject.split())
        body_codepage = self.ansi_codepage
        self.replaced, self.codec = 0, ""  # count only the text of the message itself
        body = self.string(PR_BODY, body_codepage)
        html = self.binary(PR_HTML)
        if html is None:
            html_string = self.string(PR_HTML, body_codepage)
            html = html_string.encode("utf-8") if html_string is not None else None
            html_codepage = 65001
        else:
            html_codepage = self.internet_codepage
        html_text = None
        if html is not None:
            html_text, replaced, html_codec = _decode_html(html, html_codepage)
            if not body or not body.strip():  # only the text that is shown counts
                self.replaced, self.codec = replaced, html_codec
        replaced_bytes, text_codec = self.replaced, self.codec
        attachments = tuple(self.attachments(depth)) if depth < _MAX_DEPTH else ()
        return OutlookMessage(
            message_class=self.text(PR_MESSAGE_CLASS),
            subject=subject,
            sender_name=self.text(PR_SENDER_NAME),
            sender_address=self.address(PR_SENDER_SMTP_ADDRESS, PR_SENDER_EMAIL_ADDRESS),
            representing_name=self.text(PR_SENT_REPRESENTING_NAME),
            representing_address=self.address(PR_SENT_REPRESENTING_SMTP_ADDRESS, PR_SENT_REPRESENTING_EMAIL_ADDRESS),
            submitted_at=self.time(PR_CLIENT_SUBMIT_TIME),
            delivered_at=self.time(PR_MESSAGE_DELIVERY_TIME),
            unsent=bool(flags & MSGFLAG_UNSENT),
            message_id=self.text(PR_INTERNET_MESSAGE_ID),
            transport_headers=self.string(PR_TRANSPORT_MESSAGE_HEADERS) or "",
            body=body,
            html=html,
            html_text=html_text,
            rtf_compressed=self.binary(PR_RTF_COMPRESSED),
            attachments=attachments,
            unreadable_parts=tuple(self.broken),
            replaced_bytes=replaced_bytes,
            text_codec=text_codec,
        )

    def address(self, smtp_prop: int, email_prop: int) -> str:
        """The SMTP address, or the address of the address type when that is one (not an
        Exchange path)."""
        for prop in (smtp_prop, email_prop):
            value = self.text(prop)
            if value and _ADDRESS.fullmatch(value):
                return value
        return ""

    def attachments(self, depth: int) -> list[OutlookAttachment]:
        found = []
        for name in self.children("__attach_version1.0_#"):
            storage = _Storage(self.ole, [*self.path, name], _HEADER_SUB)
            storage.codepage = storage.codepage or self.codepage
            storage.locale_codepage = storage.locale_codepage or self.locale_codepage
            storage.internet_codepage = storage.internet_codepage or self.internet_codepage
            found.append(storage.attachment(depth))
            self.broken.extend(storage.broken)
        return found

    def attachment(self, depth: int) -> OutlookAttachment:
        method = self.long(PR_ATTACH_METHOD) or ATTACH_BY_VALUE
        filename = self.text(PR_ATTACH_LONG_FILENAME, PR_ATTACH_FILENAME, PR_DISPLAY_NAME)
        data: bytes | None = None
        embedded: OutlookMessage | None = None
        inner_path = [*self.path, f"__substg1.0_{PR_ATTACH_DATA:04X}{PT_OBJECT:04X}"]
        if method == ATTACH_EMBEDDED_MSG and _exists(self.ole, inner_path):
            inner = _Storage(self.ole, inner_path, _HEADER_EMBEDDED)
            if inner.codepage is None:
                inner.codepage = self.codepage
            inner.locale_codepage = inner.locale_codepage or self.locale_codepage
            embedded = inner.message(depth + 1)
            self.broken.extend(inner.broken)
        elif method not in (ATTACH_OLE,):
            before = len(self.broken)
            data = self.binary(PR_ATTACH_DATA)
            if len(self.broken) > before:  # a damaged file is no file to keep
                data = None
        return OutlookAttachment(
            filename=filename,
            mime_type=self.text(PR_ATTACH_MIME_TAG),
            data=data,
            method=method,
            content_id=self.text(PR_ATTACH_CONTENT_ID),
            hidden=bool(self.long(PR_ATTACHMENT_HIDDEN)),
            message=embedded,
        )


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(html: bytes, codepage: int | None) -> tuple[str, int, str]:
    """The HTML body as text (with its tags), the bytes that did not fit and the codec: in the
    internet code page of the message, else in the charset its <meta> declares; bytes that do
    not fit are replaced one by one (mail/message_text.py ``decode_text``)."""
    codec = codec_for_codepage(codepage)
    if codec is None:
        declared = _META_CHARSET.search(html[:4096])
        if declared:
            try:
                codec = codecs.lookup(declared.group(1).decode("ascii")).name
            except (LookupError, UnicodeDecodeError):
                codec = None
    decoded = decode_text(html, codec)
    return decoded.text.split("\x00", 1)[0], decoded.replaced, decoded.codec
