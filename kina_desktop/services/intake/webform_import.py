"""Submissions of the contact form on www.kina.be (Art. 4), exported as JSON or CSV.

The format is documented for people in docs/webform-format.md; samples are in
resources/examples/webformulier.json and .csv. ``parse_webform`` reads and checks the WHOLE file
before anything happens: every problem is reported with its line (and the number of the
submission), and a file with any problem imports nothing. A good file becomes drafts
(channel 'Webformulier', received on the day of the submission) that a person checks and
registers one by one in the 'Nieuwe klacht' dialog, or that ``kina-desktop import-webform``
registers all together in one unit of work.

A submission that is already in the register (same day, channel web form, same subject and the
same complainant) is marked with its tracking number and is not registered a second time, so
that the same export can be imported again after new submissions came in.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, replace

from sqlalchemy import and_, select

from kina_desktop.db.models import Case, CaseDescription
from kina_desktop.domain.complainant_match import Complainant, recognised
from kina_desktop.domain.complaint import CaseRecord, ComplaintDraft, Description
from kina_desktop.domain.enums import Channel, Kind
from kina_desktop.domain.text import fold
from kina_desktop.domain.validation import validate_draft
from kina_desktop.i18n import _
from kina_desktop.services.cases.case_service import CaseService
from kina_desktop.services.cases.sql_filters import description_visible
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.errors import ServiceError
from kina_desktop.services.intake.json_form import JSON_MESSAGES
from kina_desktop.services.intake.results import Submission

MAX_FILE_BYTES = 20_000_000
LANGUAGES = ("nl", "fr", "en", "de")

# The columns of the export (JSON keys, CSV header) and the field of the description they fill.
FIELDS: dict[str, str] = {
    "submission_id": "",
    "submitted_at": "received_on",
    "name": "complainant_name",
    "street": "complainant_street",
    "postal_code": "complainant_postal_code",
    "city": "complainant_city",
    "email": "complainant_email",
    "phone": "complainant_phone",
    "language": "complainant_language",
    "organisation": "organisation",
    "subject": "subject",
    "message": "text",
    "facts_on": "facts_on",
    "request": "request",
}
REQUIRED = ("submitted_at", "subject", "message")
_COLUMN_OF = {field: column for column, field in FIELDS.items() if field}
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$")


@dataclass(frozen=True)
class WebformProblem:
    line: int | None
    number: int | None  # the submission's place in the file (1 = first), None for the file
    column: str
    message: str

    def text(self) -> str:
        """'regel 7 (inzending 2), veld email: ...' in Dutch."""
        where = []
        if self.line is not None:
            where.append(_("regel {line}").format(line=self.line))
        if self.number is not None:
            where.append(_("(inzending {number})").format(number=self.number))
        place = " ".join(where)
        if self.column:
            place = (
                _("{place}, veld {column}").format(place=place, column=self.column)
                if place
                else _("veld {column}").format(column=self.column)
            )
        return f"{place}: {self.message}" if place else self.message


class WebformRejected(ServiceError):
    """The file cannot be imported; ``problems`` lists every problem, line by line."""

    def __init__(self, name: str, problems: list[WebformProblem]) -> None:
        self.name = name
        self.problems = problems
        lines = [_("{file} is niet ingelezen; er is niets geïmporteerd:").format(file=name)]
        lines += [problem.text() for problem in problems]
        super().__init__("\n".join(lines))

    def lines(self) -> list[str]:
        return [problem.text() for problem in self.problems]


# -- reading the file ---------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, list[WebformProblem]]:
    if len(data) > MAX_FILE_BYTES:
        return "", [
            WebformProblem(
                None, None, "", _("het bestand is groter dan 20 MB; is dit wel een export van het webformulier?")
            )
        ]
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), []
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", [WebformProblem(line, None, "", _("het bestand is geen UTF-8-tekst; bewaar het als UTF-8"))]


def _json_records(text: str) -> tuple[list[tuple[int, int, object]], list[WebformProblem]]:
    """(line, offset, value) of every element of the top-level array, or the problem."""
    decoder = json.JSONDecoder()
    ws = re.compile(r"\s*")
    pos = ws.match(text, 0).end()  # type: ignore[union-attr]
    if pos >= len(text) or text[pos] != "[":
        line = text.count("\n", 0, pos) + 1
        return [], [WebformProblem(line, None, "", _("een JSON-export begint met [ : een lijst van inzendingen {…}"))]
    pos = ws.match(text, pos + 1).end()  # type: ignore[union-attr]
    records: list[tuple[int, int, object]] = []
    if pos < len(text) and text[pos] == "]":
        return records, []
    while True:
        line = text.count("\n", 0, pos) + 1
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as error:
            return records, [
                WebformProblem(
                    error.lineno,
                    len(records) + 1,
                    "",
                    _("ongeldige JSON (kolom {column}): {message}").format(
                        column=error.colno, message=_json_message(error.msg)
                    ),
                )
            ]
        records.append((line, pos, value))
        pos = ws.match(text, end).end()  # type: ignore[union-attr]
        if pos < len(text) and text[pos] == ",":
            pos = ws.match(text, pos + 1).end()  # type: ignore[union-attr]
            if pos >= len(text):
                break
            continue
        if pos < len(text) and text[pos] == "]":
            rest = text[pos + 1 :].strip()
            if rest:
                after = text.count("\n", 0, pos) + 1
                return records, [WebformProblem(after, None, "", _("er staat nog tekst na het einde van de lijst"))]
            return records, []
        if pos >= len(text):
            break
        after = text.count("\n", 0, pos) + 1
        return records, [WebformProblem(after, len(records), "", _("hier wordt een komma of ] verwacht"))]
    end_line = text.count("\n", 0, len(text.rstrip())) + 1
    return records, [
        WebformProblem(end_line, None, "", _("het bestand houdt hier op zonder ] : de lijst is onvolledig"))
    ]


def _json_message(message: str) -> str:
    known = JSON_MESSAGES.get(message)
    return _(known) if known else message


def _key_line(text: str, offset: int, key: str, fallback: int) -> int:
    match = re.compile(r'"' + re.escape(key) + r'"\s*:').search(text, offset)
    return text.count("\n", 0, match.start()) + 1 if match else fallback


Rows = list[tuple[int, int, dict[str, object], dict[str, int]]]  # (number, line, values, key lines)


def _rows_from_json(text: str) -> tuple[Rows, list[WebformProblem]]:
    records, problems = _json_records(text)
    rows = []
    for number, (line, offset, value) in enumerate(records, start=1):
        if not isinstance(value, dict):
            problems.append(WebformProblem(line, number, "", _("een inzending moet een object {…} met velden zijn")))
            continue
        lines = {key: _key_line(text, offset, key, line) for key in value}
        rows.append((number, line, value, lines))
    return rows, problems


def _rows_from_csv(text: str) -> tuple[Rows, list[WebformProblem]]:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    problems: list[WebformProblem] = []
    rows = []
    try:
        header = next(reader)
    except StopIteration:
        return [], []
    except csv.Error as error:
        return [], [WebformProblem(1, None, "", _csv_message(error))]
    header = [h.strip() for h in header]
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(WebformProblem(1, None, column, _("deze kolom staat twee keer in de kopregel")))
        elif column not in FIELDS:
            problems.append(
                WebformProblem(
                    1,
                    None,
                    column,
                    _("onbekende kolom; toegelaten kolommen: {fields}").format(fields=", ".join(FIELDS)),
                )
            )
        seen.add(column)
    for column in REQUIRED:
        if column not in seen:
            problems.append(WebformProblem(1, None, column, _("deze verplichte kolom ontbreekt in de kopregel")))
    if problems:
        return [], problems  # the rows cannot be read without their columns
    previous_end = reader.line_num
    number = 0
    while True:
        start = previous_end + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(WebformProblem(start, number + 1, "", _csv_message(error)))
            break
        previous_end = reader.line_num
        if not any(v.strip() for v in values):
            continue  # an empty line
        number += 1
        if len(values) != len(header):
            problems.append(
                WebformProblem(
                    start,
                    number,
                    "",
                    _(
                        "{count} velden, maar de kopregel heeft er {expected}; ontbreekt er een scheidingsteken "
                        "of een aanhalingsteken?"
                    ).format(count=len(values), expected=len(header)),
                )
            )
            continue
        rows.append((number, start, dict(zip(header, values, strict=True)), {}))
    return rows, problems


def _csv_message(error: csv.Error) -> str:
    reason = str(error)
    if "unexpected end of data" in reason:
        return _(
            "het bestand houdt op midden in een tekst tussen aanhalingstekens: ontbreekt er een "
            "afsluitend aanhalingsteken?"
        )
    if "expected after" in reason:
        return _("na een afsluitend aanhalingsteken hoort een scheidingsteken of het einde van de regel")
    if "NUL" in reason or "null byte" in reason:
        return _("het bestand bevat nultekens: is dit wel een CSV-bestand?")
    return _("geen geldige CSV ({reason})").format(reason=reason)


def _date(value: str) -> dt.date | None:
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    match = _DAY_FIRST.match(value)
    if match:
        day, month, year = (int(g) for g in match.groups()[:3])
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def _submission(
    number: int, line: int, values: dict[str, object], lines: dict[str, int], today: dt.date
) -> tuple[Submission | None, list[WebformProblem]]:
    problems: list[WebformProblem] = []

    def problem(column: str, message: str) -> None:
        problems.append(WebformProblem(lines.get(column, line), number, column, message))

    fields: dict[str, object] = {}
    for column, value in values.items():
        if column not in FIELDS:
            problem(column, _("onbekend veld; toegelaten velden: {fields}").format(fields=", ".join(FIELDS)))
            continue
        if value is None:
            value = ""
        if (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and column in ("submission_id", "postal_code", "phone")
        ):
            value = str(value)
        if not isinstance(value, str):
            problem(column, _("moet tekst zijn, niet {value}").format(value=json.dumps(value, ensure_ascii=False)))
            continue
        fields[column] = value.replace("\r\n", "\n").strip()
    for column in REQUIRED:
        if column in values and not fields.get(column) and not any(p.column == column for p in problems):
            problem(column, _("is leeg; dit veld is verplicht"))
        elif column not in values:
            problem(column, _("ontbreekt; dit veld is verplicht"))
    received_on = facts_on = None
    if fields.get("submitted_at"):
        received_on = _date(str(fields["submitted_at"]))
        if received_on is None:
            problem(
                "submitted_at",
                _("‘{value}’ is geen datum; schrijf JJJJ-MM-DD of JJJJ-MM-DDTUU:MM").format(
                    value=fields["submitted_at"]
                ),
            )
    if fields.get("facts_on"):
        facts_on = _date(str(fields["facts_on"]))
        if facts_on is None:
            problem("facts_on", _("‘{value}’ is geen datum; schrijf JJJJ-MM-DD").format(value=fields["facts_on"]))
    language = str(fields.get("language", "")).lower() or "nl"
    if language not in LANGUAGES:
        problem(
            "language",
            _("onbekende taal ‘{value}’; kies uit {codes}").format(value=language, codes=", ".join(LANGUAGES)),
        )
    text_values = {
        FIELDS[column]: str(value)
        for column, value in fields.items()
        if FIELDS.get(column) and column not in ("submitted_at", "facts_on", "language")
    }
    description = Description(
        received_on=received_on or today,
        channel=Channel.WEB_FORM,
        complainant_language=language if language in LANGUAGES else "nl",
        facts_on=facts_on,
        **text_values,  # type: ignore[arg-type]
    )
    # Art. 3: a submission without a name is an anonymous report; a person can still change it.
    kind = Kind.COMPLAINT if description.complainant_name.strip() else Kind.ANONYMOUS_REPORT
    draft = ComplaintDraft(description=description, kind=kind)
    reported = {p.column for p in problems}
    for found in validate_draft(draft, today):
        column = _COLUMN_OF.get(found.field, "")
        if column not in reported or not column:
            problem(column, found.message)
    if problems:
        return None, problems
    return Submission(number, line, str(fields.get("submission_id", "")), draft), []


def parse_webform(name: str, data: bytes, today: dt.date) -> list[Submission]:
    """Every submission of the export as a draft; WebformRejected with every problem of the
    file (line by line) when anything is wrong, so that nothing is imported half."""
    text, problems = _decode(data)
    if problems:
        raise WebformRejected(name, problems)
    stripped = text.lstrip()
    is_json = name.lower().endswith(".json") or (not name.lower().endswith(".csv") and stripped[:1] in "[{")
    rows, problems = _rows_from_json(text) if is_json else _rows_from_csv(text)
    submissions: list[Submission] = []
    ids: dict[str, int] = {}
    for number, line, values, lines in rows:
        submission, found = _submission(number, line, values, lines, today)
        problems += found
        if submission is None:
            continue
        if submission.submission_id:
            if submission.submission_id in ids:
                problems.append(
                    WebformProblem(
                        line,
                        number,
                        "submission_id",
                        _("‘{id}’ staat al in inzending {other}").format(
                            id=submission.submission_id, other=ids[submission.submission_id]
                        ),
                    )
                )
                continue
            ids[submission.submission_id] = number
        twin = next((other for other in submissions if _same_submission(other.draft, submission.draft)), None)
        if twin is not None:  # the website exported it twice (another id, or none)
            problems.append(
                WebformProblem(
                    line,
                    number,
                    "subject",
                    _("dezelfde inzending als inzending {other}: zelfde dag, onderwerp en indiener").format(
                        other=twin.number
                    ),
                )
            )
            continue
        submissions.append(submission)
    if not problems and not submissions:
        problems.append(WebformProblem(None, None, "", _("het bestand bevat geen inzendingen")))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.number or 0))
        raise WebformRejected(name, problems)
    return submissions


def _same_submission(a: ComplaintDraft, b: ComplaintDraft) -> bool:
    """The same day, the same subject (accents and case folded, as the search does) and the same
    complainant (or nobody on both sides)."""
    da, db = a.description, b.description
    if da.received_on != db.received_on or fold(da.subject) != fold(db.subject):
        return False
    me = Complainant(name=da.complainant_name, email=da.complainant_email)
    other = Complainant(name=db.complainant_name, email=db.complainant_email)
    if not me.identifiable and not other.identifiable:
        return True
    return recognised(me, other) is not None


def _webform_draft(received_on: dt.date, subject: str, name: str, email: str) -> ComplaintDraft:
    """A stored case's identifying facts as a draft, to compare with a submission."""
    return ComplaintDraft(
        description=Description(
            received_on=received_on,
            channel=Channel.WEB_FORM,
            subject=subject,
            complainant_name=name or "",
            complainant_email=email or "",
        )
    )


# -- the register -----------------------------------------------------------------------------


class WebformImport:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._cases = CaseService(ctx)

    def read(self, name: str, data: bytes) -> list[Submission]:
        """The file's submissions as drafts, each marked with its tracking number when it is
        already in the register; WebformRejected when the file has any problem."""
        submissions = parse_webform(name, data, self.ctx.today())
        return [replace(s, registered_as=self.registered_as(s.draft)) for s in submissions]

    def registered_as(self, draft: ComplaintDraft) -> str:
        """The tracking number of the case this submission already became ('' when none): the
        same day, channel web form, subject and complainant."""
        desc = draft.description
        stmt = (
            select(
                Case.tracking_number,
                CaseDescription.complainant_name,
                CaseDescription.complainant_email,
                CaseDescription.subject,
            )
            .join(CaseDescription, CaseDescription.case_id == Case.id)
            .where(
                and_(
                    Case.received_on == desc.received_on,
                    Case.channel == Channel.WEB_FORM.value,
                    description_visible(self.ctx.viewer),
                )
            )
        )
        with self.ctx.database.read() as session:
            rows = session.execute(stmt).all()
        # The subject is compared folded here, not with SQL's lower(): SQLite folds ASCII only
        # ("ÉÉN KLACHT" is not "één klacht" to it); the day and the channel already narrow the rows.
        for number, name, email, subject in rows:
            if _same_submission(draft, _webform_draft(desc.received_on, subject, name, email)):
                return number
        return ""

    def register_all(self, submissions: list[Submission]) -> list[CaseRecord]:
        """Register every submission not yet in the register, in one unit of work: all or none."""
        return self._cases.register_all([s.draft for s in submissions if not s.registered_as])


__all__ = ["Submission", "WebformImport", "WebformProblem", "WebformRejected", "parse_webform"]
