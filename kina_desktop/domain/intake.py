"""A message that reached KINA by e-mail (Art. 4), as read from an .eml or Outlook .msg file or
from the mailbox, and what became of it. Pure data: reading is mail/message_reading.py,
registering is services/intake/intake_service.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kina_desktop.domain.complaint import ComplaintDraft, Description
from kina_desktop.domain.enums import Channel, Kind, _Labelled
from kina_desktop.domain.file_types import check_document
from kina_desktop.domain.validation import EARLIEST_DATE, MAX_LENGTHS, is_valid_email
from kina_desktop.i18n import N_, _


@dataclass(frozen=True)
class IncomingAttachment:
    """A file that came with the message; it goes into the complaint folder with the message."""

    filename: str
    content_type: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class IncomingMessage:
    """One e-mail as the program understood it.

    ``message_id`` is the Message-ID header without its angle brackets; when the message has
    none, a stable one is made from a hash of its bytes (``...@kina-desktop.invalid``), so the
    same file is still recognised the second time. ``problems`` are Dutch notes about what
    could not be read as expected (no date, a damaged part, ...), for the person who checks
    the draft.
    """

    message_id: str
    received_at: dt.datetime | None
    sender_name: str
    sender_address: str
    subject: str
    body_text: str
    attachments: tuple[IncomingAttachment, ...] = ()
    original_filename: str = ""
    original_bytes: bytes = field(default=b"", repr=False)
    problems: tuple[str, ...] = ()
    # Dutch: why this message is no complaint at all (a delivery report, a read receipt), set by
    # the reader; the intake sets such a message aside as 'Geen klacht' (Art. 3).
    not_a_complaint: str = ""

    @property
    def received_on(self) -> dt.date | None:
        return self.received_at.date() if self.received_at is not None else None


class Disposition(_Labelled):
    """What was done with a message: registered as a case, registered as an information request
    (Art. 3: registered, but outside the complaint workflow), or set aside as no complaint."""

    REGISTERED = "registered"
    INFORMATION_REQUEST = "information_request"
    NOT_A_COMPLAINT = "not_a_complaint"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "registered": N_("Geregistreerd"),
            "information_request": N_("Informatievraag"),
            "not_a_complaint": N_("Geen klacht"),
        }


class MessageSource(_Labelled):
    """Where the message came from: a file that was dropped or imported, or the IMAP mailbox."""

    FILE = "file"
    IMAP = "imap"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"file": N_("Bestand"), "imap": N_("Mailbox")}


def message_filename(message: IncomingMessage) -> str:
    """The name under which the original message is kept in the complaint folder."""
    name = message.original_filename.strip()
    if name:
        return name
    return "bericht.eml"


@dataclass(frozen=True)
class FolderPlan:
    """What goes into the complaint folder with the registration: the original message and the
    attachments the folder accepts (file type checked by content, size limit), and the
    attachments it refuses with the Dutch reason (they stay inside the original message)."""

    kept: tuple[tuple[str, bytes], ...]
    refused: tuple[tuple[str, str], ...]
    original_problem: str = ""  # why the original message itself cannot be kept ("" when it can)

    @property
    def kept_names(self) -> tuple[str, ...]:
        return tuple(name for name, _data in self.kept)


def folder_plan(message: IncomingMessage) -> FolderPlan:
    """The original message first, then each attachment, in the order of the message."""
    kept: list[tuple[str, bytes]] = []
    refused: list[tuple[str, str]] = []
    original_problem = ""
    candidates = [(message_filename(message), message.original_bytes)]
    candidates += [(a.filename, a.data) for a in message.attachments]
    for index, (name, data) in enumerate(candidates):
        _found, problem = check_document(name, data)
        if problem:
            if index == 0:
                problem = problem + " " + _("Het oorspronkelijke bericht kan dus niet bewaard worden.")
                original_problem = problem
            else:
                problem = problem + " " + _("De bijlage blijft wel in het oorspronkelijke bericht.")
            refused.append((name, problem))
        else:
            kept.append((name, data))
    return FolderPlan(tuple(kept), tuple(refused), original_problem)


def name_from_address(address: str) -> str:
    """'jan.peeters@telenet.be' -> 'Jan Peeters'; "" when the address shows no name."""
    local = address.partition("@")[0]
    words = [w for w in re.split(r"[._\-+]+", local) if w]
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return ""
    return " ".join(w[:1].upper() + w[1:].lower() for w in words)


def _first_line(text: str, limit: int = 80) -> str:
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""


def draft_from_message(
    message: IncomingMessage, today: dt.date, kind: Kind = Kind.COMPLAINT
) -> tuple[ComplaintDraft, tuple[str, ...]]:
    """The registration a message proposes (channel e-mail, receipt date = the message's date),
    and Dutch notes on what the person should check: the message's own problems plus what was
    filled in for them (today's date, a name made from the address, a shortened text)."""
    notes = list(message.problems)
    received_on = message.received_on
    if received_on is None:
        received_on = today
        notes.append(_("De datum van ontvangst is vandaag ingevuld; pas ze aan als het bericht vroeger toekwam."))
    elif received_on > today:
        notes.append(
            _("Het bericht is gedateerd in de toekomst ({date}); de datum van ontvangst is vandaag ingevuld.").format(
                date=received_on.strftime("%d-%m-%Y")
            )
        )
        received_on = today
    elif received_on < EARLIEST_DATE:
        notes.append(
            _("Het bericht is gedateerd op {date}; de datum van ontvangst is vandaag ingevuld.").format(
                date=received_on.strftime("%d-%m-%Y")
            )
        )
        received_on = today

    address = message.sender_address.strip()
    if address and (len(address) > MAX_LENGTHS["complainant_email"] or not is_valid_email(address)):
        notes.append(
            _("Het adres van de afzender ({address}) is geen geldig e-mailadres en werd niet overgenomen.").format(
                address=address[:80]
            )
        )
        address = ""
    name = " ".join(message.sender_name.split())
    if not name:
        name = name_from_address(address)
        if name:
            notes.append(_("De naam van de klager werd afgeleid uit het e-mailadres; kijk ze na."))
        elif address:
            name = address
            notes.append(_("De afzender vermeldt geen naam; vul de naam van de klager in."))
    name = name[: MAX_LENGTHS["complainant_name"]]

    subject = " ".join(message.subject.split())
    if not subject:
        subject = _first_line(message.body_text) or _("E-mail van {sender}").format(
            sender=name or address or _("onbekende afzender")
        )
    if len(subject) > MAX_LENGTHS["subject"]:
        subject = subject[: MAX_LENGTHS["subject"] - 1].rstrip() + "…"

    text = message.body_text.strip()
    limit = MAX_LENGTHS["text"]
    if not text:
        text = _("(Het bericht heeft geen tekst; zie het oorspronkelijke bericht en de bijlagen in de klachtenmap.)")
    elif len(text) > limit:
        tail = "\n\n" + _("[… ingekort: de volledige tekst staat in het oorspronkelijke bericht in de klachtenmap]")
        text = text[: limit - len(tail)].rstrip() + tail
        notes.append(
            _("De tekst van het bericht is langer dan {limit} tekens en werd ingekort in de registratie.").format(
                limit=f"{limit:,}".replace(",", ".")
            )
        )

    description = Description(
        received_on=received_on,
        channel=Channel.EMAIL,
        complainant_name=name,
        complainant_email=address,
        subject=subject,
        text=text,
    )
    return ComplaintDraft(description=description, kind=kind), tuple(dict.fromkeys(notes))
