"""A message that reached KINA by e-mail (Art. 4), as read from an .eml or Outlook .msg file or
from the mailbox, and what became of it. Pure data: reading is mail/message_reading.py,
registering is services/intake/intake_service.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kina_desktop.domain.complaint import ComplaintDraft, Description
from kina_desktop.domain.enums import Channel, Kind, Level, _Labelled
from kina_desktop.domain.file_types import check_document
from kina_desktop.domain.long_text import dutch_count, keep_beginning_and_end
from kina_desktop.domain.mail_subject import subject_from_text
from kina_desktop.domain.registration import needs_complaint_folder
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
    # The address of who forwarded the message to KINA when the reader unwrapped a forward
    # (often a member OCMW's social worker: domain/organisation_proposal.py reads its domain).
    forwarded_by: str = ""

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


def text_too_long(message: IncomingMessage) -> bool:
    """True when the message's text does not fit in the registration's text field."""
    return len(message.body_text.strip()) > MAX_LENGTHS["text"]


def full_text_filename(message: IncomingMessage) -> str:
    """The name of the file that keeps the whole text of a message too long for the field."""
    stem = message_filename(message).rpartition(".")[0] or message_filename(message)
    return _("{name} (volledige tekst).txt").format(name=stem)


def full_text_file(message: IncomingMessage) -> bytes:
    """The whole text of the message as a UTF-8 text file (with a byte order mark, so that every
    Windows editor reads it right), under a line that says what it is."""
    heading = _("Volledige tekst van het bericht ‘{subject}’ van {sender} ({count} tekens).").format(
        subject=" ".join(message.subject.split()) or _("(geen onderwerp)"),
        sender=message.sender_address or message.sender_name or _("onbekende afzender"),
        count=dutch_count(len(message.body_text.strip())),
    )
    return ("\ufeff" + heading + "\n\n" + message.body_text.strip() + "\n").encode("utf-8")


@dataclass(frozen=True)
class FolderPlan:
    """What goes into the complaint folder with the registration: the original message and the
    attachments the folder accepts (file type checked by content, size limit), and the
    attachments it refuses with the Dutch reason (they stay inside the original message).

    A text too long for the registration's field is kept whole as a text file right after the
    original message (``full_text``: its name), so that nothing of it is lost (Art. 4)."""

    kept: tuple[tuple[str, bytes], ...]
    refused: tuple[tuple[str, str], ...]
    original_problem: str = ""  # why the original message itself cannot be kept ("" when it can)
    full_text: str = ""  # the name of the file with the whole text ("" when the text fits)

    @property
    def kept_names(self) -> tuple[str, ...]:
        return tuple(name for name, _data in self.kept)


def folder_plan(message: IncomingMessage) -> FolderPlan:
    """The original message first, then the whole text when it is too long for the field, then
    each attachment, in the order of the message."""
    kept: list[tuple[str, bytes]] = []
    refused: list[tuple[str, str]] = []
    original_problem = ""
    candidates = [(message_filename(message), message.original_bytes)]
    full_text = ""
    if text_too_long(message):
        full_text = _unique_name(full_text_filename(message), [a.filename for a in message.attachments])
        candidates.append((full_text, full_text_file(message)))
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
    if full_text and full_text not in (name for name, _data in kept):
        full_text = ""
    return FolderPlan(tuple(kept), tuple(refused), original_problem, full_text)


def _unique_name(name: str, taken: list[str]) -> str:
    """``name``, numbered ('x (2).txt') when an attachment has it already."""
    lowered = {t.lower() for t in taken}
    stem, dot, ext = name.rpartition(".")
    candidate, number = name, 2
    while candidate.lower() in lowered:
        candidate = f"{stem} ({number}){dot}{ext}"
        number += 1
    return candidate


def name_from_address(address: str) -> str:
    """'jan.peeters@telenet.be' -> 'Jan Peeters'; "" when the address shows no name."""
    local = address.partition("@")[0]
    words = [w for w in re.split(r"[._\-+]+", local) if w]
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return ""
    return " ".join(w[:1].upper() + w[1:].lower() for w in words)


def draft_from_message(
    message: IncomingMessage, today: dt.date, kind: Kind = Kind.COMPLAINT
) -> tuple[ComplaintDraft, tuple[str, ...]]:
    """The registration a message proposes (channel e-mail, receipt date = the message's date),
    and Dutch notes on what the person should check: the message's own problems plus what was
    filled in for them (today's date, a name made from the address, a text kept in part)."""
    return _draft_and_notes(message, today, kind, needs_complaint_folder(kind, Level.TWO))


def _draft_and_notes(
    message: IncomingMessage, today: dt.date, kind: Kind, keeps_files: bool
) -> tuple[ComplaintDraft, tuple[str, ...]]:
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
    # Art. 3: an anonymous report names nobody the reporter did not name: no name is made up
    # from the address for it.
    if not name and kind != Kind.ANONYMOUS_REPORT:
        name = name_from_address(address)
        if name:
            notes.append(_("De naam van de klager werd afgeleid uit het e-mailadres; kijk ze na."))
        elif address:
            name = address
            notes.append(_("De afzender vermeldt geen naam; vul de naam van de klager in."))
    name = name[: MAX_LENGTHS["complainant_name"]]

    subject = " ".join(message.subject.split())
    if not subject:
        subject = subject_from_text(message.body_text) or _("E-mail van {sender}").format(
            sender=name or address or _("onbekende afzender")
        )
    if len(subject) > MAX_LENGTHS["subject"]:
        subject = subject[: MAX_LENGTHS["subject"] - 1].rstrip() + "…"

    text = message.body_text.strip()
    limit = MAX_LENGTHS["text"]
    if not text:
        text = _("(Het bericht heeft geen tekst; zie het oorspronkelijke bericht en de bijlagen in de klachtenmap.)")
    elif len(text) > limit:
        # Art. 4: the request is most often in the last lines: the beginning and the end are
        # kept, and the whole text goes into the complaint folder (folder_plan).
        whole = len(text)
        text, omitted = keep_beginning_and_end(text, limit)
        notes.append(
            _(
                "De tekst van het bericht telt {count} tekens, meer dan de {limit} van het veld: de registratie "
                "houdt het begin en het einde, met ‘[… {omitted} tekens weggelaten …]’ ertussen."
            ).format(count=dutch_count(whole), limit=dutch_count(limit), omitted=dutch_count(omitted))
        )
        if keeps_files:
            notes.append(
                _("De volledige tekst gaat als ‘{file}’ mee in de klachtenmap.").format(
                    file=_unique_name(full_text_filename(message), [a.filename for a in message.attachments])
                )
            )
        else:
            notes.append(_no_folder_for_the_whole_text())

    description = Description(
        received_on=received_on,
        channel=Channel.EMAIL,
        complainant_name=name,
        complainant_email=address,
        subject=subject,
        text=text,
    )
    return ComplaintDraft(description=description, kind=kind), tuple(dict.fromkeys(notes))


def _no_folder_for_the_whole_text() -> str:
    return _(
        "Deze registratie heeft geen klachtenmap (niveau 1, informatievraag of anonieme melding: Art. 3 en 5): "
        "de volledige tekst wordt niet bewaard, alleen het begin en het einde in de registratie."
    )


def registration_notes(
    message: IncomingMessage, draft: ComplaintDraft, today: dt.date, keeps_files: bool
) -> tuple[str, ...]:
    """Every note of the intake about a message registered as ``draft``, in Dutch, for the
    history of the registration: what the reader noted (a damaged part, a forward, bytes
    replaced, ...), what was filled in for the person (a name made from the address, a text kept
    in part), and what of the message did not go into the complaint folder (``keeps_files``:
    the registration has one, Art. 5)."""
    notes = list(_draft_and_notes(message, today, draft.kind, keeps_files)[1])
    if keeps_files:
        plan = folder_plan(message)
        notes += [_("Niet in de klachtenmap: {name}: {reason}").format(name=n, reason=r) for n, r in plan.refused]
    return tuple(dict.fromkeys(notes))
