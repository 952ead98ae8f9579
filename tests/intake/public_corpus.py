"""The corpora of real messages from the test suites of other mail and Outlook parsers, and the
independent reading each of our readings is compared with: the standard library's ``email`` with
``policy.default`` for .eml files, ``extract-msg`` for .msg files (a test oracle only; the program
never imports it).

Two corpora, each with a SOURCES.md that says where each file comes from and under which licence:

- ``registry`` (tests/intake/corpus_registry, in the repository): files taken from packages of the
  registries the project installs from (Debian binary and source packages, PyPI sdists, npm
  tarballs), only freely redistributable ones. It always runs, in CI too.
- ``fetched`` (/work/mail-corpus-fetched, or where ``KINA_FETCHED_MAIL_CORPUS`` points): files taken
  from public repositories with the workplace's fetch tool. By the workplace's rule such files stay
  out of the repository, so this corpus lives beside it on a developer's machine and its tests are
  skipped where it is absent.

The comparison is field by field: sender (the address), subject, date of receipt, body text and
attachment names. Where the intake deliberately reads a message otherwise (a forward is
unwrapped, a no-reply sender is replaced by the reply address), or where the oracle itself is
wrong, the difference is listed with its reason in tests/intake/known_differences.md, in the
section of its corpus.
"""

from __future__ import annotations

import datetime as dt
import email
import email.utils
import html
import os
import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, Message
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

from kina_desktop.domain.intake import IncomingMessage

HERE = Path(__file__).resolve().parent
KNOWN_DIFFERENCES = HERE / "known_differences.md"
FIELDS = ("read", "sender", "subject", "date", "body", "attachments")
NO_NAME, MESSAGE = "<no name>", "<message>"
_ZONE = ZoneInfo("Europe/Brussels")
_SMTP_ADDRESS = re.compile(r"[^@\s<>]+@[^@\s<>.]+(?:\.[^@\s<>.]+)+")
_SIGNATURES = {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}


REGISTRY, FETCHED = "registry", "fetched"
CORPORA = (REGISTRY, FETCHED)
FETCHED_DEFAULT = Path("/work/mail-corpus-fetched")
FETCHED_ABSENT = (
    "the fetched corpus (real messages taken from public repositories with the fetch tool) is not in "
    "the repository by the workplace's rule; put it in ../shared/mail_corpus_public or "
    "/work/mail-corpus-fetched, or point KINA_FETCHED_MAIL_CORPUS at it, to run these tests"
)


# Data files taken with the fetch tool may be kept in the steering repository's shared folder,
# beside this repository (the workplace's rule); a developer's machine may hold them elsewhere.
FETCHED_IN_SHARED = HERE.parents[2] / "shared" / "mail_corpus_public"


def corpus_root(corpus: str = REGISTRY) -> Path:
    """Where the corpus is: the registry corpus in the repository; the fetched one outside it
    (``KINA_FETCHED_MAIL_CORPUS``, else the shared folder beside the repository, else
    /work/mail-corpus-fetched)."""
    if corpus == REGISTRY:
        return HERE / "corpus_registry"
    assert corpus == FETCHED, corpus
    chosen = os.environ.get("KINA_FETCHED_MAIL_CORPUS")
    if chosen:
        return Path(chosen)
    return FETCHED_IN_SHARED if (FETCHED_IN_SHARED / "SOURCES.md").is_file() else FETCHED_DEFAULT


def corpus_present(corpus: str) -> bool:
    return (corpus_root(corpus) / "SOURCES.md").is_file()


def corpus_files(corpus: str = REGISTRY) -> list[Path]:
    if not corpus_present(corpus):
        return []
    root = corpus_root(corpus)
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in (".eml", ".msg") and p.is_file())


def corpus_name(path: Path, corpus: str = REGISTRY) -> str:
    """The file's name in the manifest and in known_differences.md: its path in the corpus."""
    return path.relative_to(corpus_root(corpus)).as_posix()


def fetched_file(name: str) -> Path:
    """A file of the fetched corpus, for a test that uses it as an extra; skips where it is absent."""
    import pytest

    if not corpus_present(FETCHED):
        pytest.skip(FETCHED_ABSENT)
    path = corpus_root(FETCHED) / name
    assert path.is_file(), f"{name} is not in the fetched corpus at {corpus_root(FETCHED)}"
    return path


@dataclass(frozen=True)
class Reading:
    """What one reader made of a message, in comparable form."""

    sender: str  # the address, lower case ("" when there is none)
    subject: str
    date: dt.datetime | None  # naive Belgian time
    words: tuple[str, ...]  # the body text as words (case-folded), so that layout does not count
    attachments: tuple[str, ...]  # file names; NO_NAME for a file without one, MESSAGE + name for a message
    body_failure: str = ""  # why the oracle could not give the body
    # every word of every text the reader sees in the message (all text parts, plain and HTML):
    # the intake's body must hold no words from elsewhere (no garbage, no decoded attachment)
    all_words: frozenset[str] = frozenset()


def words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", (text or "").replace("\ufffd", " ").casefold()))


def one_line(text: str) -> str:
    return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", str(text or "")).split())


def local(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(_ZONE).replace(tzinfo=None)
    return value.replace(microsecond=0)


_BLOCKS = {
    "br",
    "p",
    "div",
    "tr",
    "td",
    "th",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "blockquote",
    "pre",
    "img",
}


class _HtmlWords(HTMLParser):
    """The text of an HTML body, without scripts, styles and the head (standard library only)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title") and self._skip:
            self._skip -= 1
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_words(markup: str) -> tuple[str, ...]:
    parser = _HtmlWords()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:
        return words(html.unescape(re.sub(r"<[^>]*>", " ", markup)))
    return words("".join(parser.parts))  # an inline tag (<b>, <a>) does not end a word


# -- ours ------------------------------------------------------------------------------------


def our_reading(message: IncomingMessage) -> Reading:
    return Reading(
        sender=message.sender_address.lower(),
        subject=one_line(message.subject),
        date=local(message.received_at),
        words=words(message.body_text),
        attachments=tuple(a.filename for a in message.attachments),
    )


# -- the standard library (.eml) ---------------------------------------------------------------


def standard_reading(data: bytes) -> Reading:
    """The message as ``email`` with ``policy.default`` reads it."""
    if re.match(rb"From [^\s:][^\r\n]*\r?\n", data):  # an mbox separator line, as the intake skips it
        data = data.split(b"\n", 1)[1]
    msg = email.message_from_bytes(data.lstrip(b"\r\n\t "), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return Reading(
        sender=_standard_sender(msg),
        subject=one_line(_header(msg, "subject")),
        date=_standard_date(msg),
        words=_standard_body(msg),
        attachments=tuple(_standard_attachments(msg)),
        all_words=_standard_all_words(msg),
    )


def _standard_all_words(msg: EmailMessage) -> frozenset[str]:
    found: set[str] = set()
    for part in msg.walk():
        if part.get_content_maintype() != "text":
            continue
        text = _content(part)
        found.update(html_words(text) if part.get_content_subtype() == "html" else words(text))
    return frozenset(found)


def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:
        return ""
    return str(value) if value is not None else ""


def _standard_sender(msg: EmailMessage) -> str:
    try:
        header = msg.get("from")
        addresses = header.addresses if header is not None else ()
    except Exception:
        return ""
    for address in addresses:
        if address.addr_spec and "@" in address.addr_spec:
            return address.addr_spec.lower()
    return ""


def _standard_date(msg: EmailMessage) -> dt.datetime | None:
    try:
        header = msg.get("date")
        value = header.datetime if header is not None else None
    except Exception:
        return None
    return local(value)


def _content(part: Message) -> str:
    try:
        value = part.get_content()  # type: ignore[attr-defined]
    except Exception:
        payload = part.get_payload(decode=True)
        value = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value if isinstance(value, str) else ""


def _standard_body(msg: EmailMessage) -> tuple[str, ...]:
    try:
        plain = msg.get_body(preferencelist=("plain",))
        rich = msg.get_body(preferencelist=("html",))
    except Exception:
        plain = rich = None
    if plain is None and rich is None and msg.get_content_maintype() == "text":
        if msg.get_content_subtype() == "html":
            rich = msg
        else:
            plain = msg
    found = words(_content(plain)) if plain is not None else ()
    if not found and rich is not None:
        found = html_words(_content(rich))
    return found


def _standard_attachments(msg: EmailMessage) -> list[str]:
    """The file names of the parts that are files, in order (not inside an attached message)."""
    names: list[str] = []

    def visit(part: Message) -> None:
        if part.get_content_type() == "message/rfc822":
            names.append(MESSAGE + _filename(part))
            return
        if part.is_multipart():
            payload = part.get_payload()
            for sub in payload if isinstance(payload, list) else ():
                visit(sub)
            return
        if part.get_content_type() in _SIGNATURES:
            return
        name = _filename(part)
        try:
            disposition = part.get_content_disposition()
        except Exception:
            disposition = None
        if name:
            names.append(name)
        elif disposition == "attachment" or part.get_content_maintype() not in ("text", "multipart"):
            names.append(NO_NAME)

    visit(msg)
    return names


def _filename(part: Message) -> str:
    try:
        return str(part.get_filename() or "")
    except Exception:
        return ""


# -- extract-msg (.msg) ------------------------------------------------------------------------


def outlook_reading(data: bytes) -> Reading:
    """The message as extract-msg reads it."""
    import extract_msg

    with extract_msg.openMsg(data, strict=False, delayAttachments=False) as msg:
        sender = str(getattr(msg, "sender", "") or "")
        _name, address = email.utils.parseaddr(sender)
        if not _SMTP_ADDRESS.fullmatch(address):
            # extract-msg's ``sender`` is often the name alone: the author's SMTP address is then
            # read from the properties with extract-msg's own accessor (the one sent on behalf
            # of first, as Outlook shows it)
            address = ""
            for prop in ("5D02", "0065", "5D01", "0C1F"):
                value = (msg.getStringStream(f"__substg1.0_{prop}") or "").strip()
                if _SMTP_ADDRESS.fullmatch(value):
                    address = value
                    break
        body = getattr(msg, "body", None)
        found: tuple[str, ...] | None = words(body) if body else ()
        if not found:
            try:
                markup = getattr(msg, "htmlBody", None)  # extract-msg may take it from the RTF
            except Exception as error:  # its RTF reader failed: the oracle has no body to give
                markup, found = None, None
                failure = f"{type(error).__name__}: {error}"[:120]
            if markup:
                found = html_words(markup.decode("utf-8", "replace") if isinstance(markup, bytes) else markup)
        names = []
        for attachment in getattr(msg, "attachments", ()):
            name = attachment.longFilename or attachment.shortFilename or attachment.displayName or ""
            if isinstance(getattr(attachment, "data", None), extract_msg.msg_classes.MSGFile):
                name = MESSAGE + name  # an attached Outlook message
            names.append(name or NO_NAME)
        date = getattr(msg, "date", None)
        every = set(words(body or ""))
        try:
            markup = getattr(msg, "htmlBody", None)
        except Exception:
            markup = None
        if markup:
            every.update(html_words(markup.decode("utf-8", "replace") if isinstance(markup, bytes) else markup))
        return Reading(
            sender=address.lower() if "@" in address else "",
            subject=one_line(getattr(msg, "subject", "") or ""),
            date=local(date) if isinstance(date, dt.datetime) else None,
            words=found if found is not None else (),
            attachments=tuple(names),
            body_failure="" if found is not None else failure,
            all_words=frozenset(every),
        )


# -- the comparison ------------------------------------------------------------------------------


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    if not shorter:
        return True
    return (" " + " ".join(shorter) + " ") in (" " + " ".join(longer) + " ")


def _same_attachments(ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """The same files in the same order; a file the oracle leaves without a name may have the
    name the intake gave it (bijlage-N.ext, or an attached message's subject)."""
    if len(ours) != len(theirs):
        return False
    for mine, other in zip(ours, theirs):
        if other == NO_NAME:
            continue
        if other.startswith(MESSAGE):  # kept as an e-mail (.eml) of its own, named after it
            name = other[len(MESSAGE) :]
            stem = name[:-4] if name.lower().endswith((".msg", ".eml")) else name
            if not mine.endswith(".eml") or (stem and not mine[:-4].startswith(_safe(stem)[:80].rstrip())):
                return False
            continue
        if mine != other and mine != _safe(other):
            return False
    return True


def _safe(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    return re.sub(r'[\x00-\x1f\x7f<>:"|?*]', "_", one_line(name)).strip(" .")


def differences(ours: Reading, theirs: Reading) -> dict[str, str]:
    """The fields that differ, each with what both readers made of it."""
    found: dict[str, str] = {}
    if ours.sender != theirs.sender:
        found["sender"] = f"ours {ours.sender!r}, theirs {theirs.sender!r}"
    if ours.subject != theirs.subject:
        found["subject"] = f"ours {ours.subject!r}, theirs {theirs.subject!r}"
    if ours.date != theirs.date:
        found["date"] = f"ours {ours.date}, theirs {theirs.date}"
    if theirs.body_failure:
        found["body"] = f"the oracle gives no body: {theirs.body_failure}"
    elif not _contains(ours.words, theirs.words):
        found["body"] = f"ours {' '.join(ours.words[:30])!r}…, theirs {' '.join(theirs.words[:30])!r}…"
    else:
        foreign = sorted(set(ours.words) - theirs.all_words - set(theirs.words))
        if len(foreign) > max(3, len(set(ours.words)) // 50):
            found["body"] = f"words in ours that the oracle sees nowhere in the message: {foreign[:20]}"
    if not _same_attachments(ours.attachments, theirs.attachments):
        found["attachments"] = f"ours {list(ours.attachments)}, theirs {list(theirs.attachments)}"
    return found


def known_differences(corpus: str = REGISTRY) -> dict[str, dict[str, str]]:
    """file -> field -> reason, from the table of the corpus's section in known_differences.md
    (a section starts at a heading ``## Corpus `registry` …`` or ``## Corpus `fetched` …``)."""
    listed: dict[str, dict[str, str]] = {}
    section = ""
    for line in KNOWN_DIFFERENCES.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"## Corpus `(\w+)`", line)
        if heading:
            section = heading.group(1)
            assert section in CORPORA, f"known_differences.md: unknown corpus {section!r}"
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or len(cells) != 3 or cells[0] in ("file", "") or set(cells[0]) <= {"-", " "}:
            continue
        assert section, f"known_differences.md: a line before the first corpus heading: {line}"
        if section != corpus:
            continue
        name, field, reason = cells[0].strip("`"), cells[1].strip("`"), cells[2]
        assert field in FIELDS, f"known_differences.md: unknown field {field!r} for {name}"
        assert reason, f"known_differences.md: no reason for {name} {field}"
        assert field not in listed.get(name, {}), f"known_differences.md: {name} {field} listed twice"
        listed.setdefault(name, {})[field] = reason
    return listed
