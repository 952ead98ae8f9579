"""The web form's exports (Art. 4, docs/webform-format.md): a good file becomes drafts; a
broken or partial file is reported line by line and imports nothing; nothing twice."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kina_desktop.domain.enums import Channel, Kind
from kina_desktop.domain.views import CaseQuery
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.intake.webform_import import WebformRejected, parse_webform

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
TODAY = dt.date(2026, 11, 24)
HEADER = "submission_id;submitted_at;name;email;subject;message"


def rejected(name: str, text: str | bytes) -> list[str]:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    with pytest.raises(WebformRejected) as caught:
        parse_webform(name, data, TODAY)
    assert caught.value.message.startswith(f"{name} is niet ingelezen; er is niets geïmporteerd:")
    return caught.value.lines()


@pytest.mark.parametrize("name", ["webformulier.json", "webformulier.csv"])
def test_the_samples_become_drafts_with_channel_web_form(name: str) -> None:
    submissions = parse_webform(name, (EXAMPLES / name).read_bytes(), TODAY)
    assert [s.submission_id for s in submissions] == ["web-2026-0311", "web-2026-0312"]
    first = submissions[0].draft
    assert first.kind == Kind.COMPLAINT and first.description.channel == Channel.WEB_FORM
    assert first.description.received_on == dt.date(2026, 11, 18)
    assert first.description.facts_on == dt.date(2026, 11, 16)
    assert first.description.text.splitlines()[1] == "Niemand kon zeggen hoe lang het nog zou duren."
    assert (first.description.complainant_postal_code, first.description.organisation) == ("2980", "OCMW Zoersel")
    assert submissions[0].line == 2


def test_both_samples_say_the_same() -> None:
    json_drafts = [s.draft for s in parse_webform("a.json", (EXAMPLES / "webformulier.json").read_bytes(), TODAY)]
    csv_drafts = [s.draft for s in parse_webform("a.csv", (EXAMPLES / "webformulier.csv").read_bytes(), TODAY)]
    assert json_drafts == csv_drafts


def test_a_submission_without_a_name_is_an_anonymous_report() -> None:
    [s] = parse_webform("x.csv", f"{HEADER}\n1;2026-11-20 14:02;;;Afval;Afval aan de container.\n".encode(), TODAY)
    assert s.draft.kind == Kind.ANONYMOUS_REPORT and s.draft.description.received_on == dt.date(2026, 11, 20)


def test_every_problem_of_a_json_file_is_reported_with_its_line() -> None:
    text = json.dumps(
        [
            {"submitted_at": "2026-13-01", "name": "Jan", "email": "jan@@x", "subject": "", "message": "m"},
            {"submitted_at": "2026-11-20", "nmae": "Piet", "email": "p@x.be", "subject": "s", "message": "m"},
            {
                "submitted_at": "2026-11-20",
                "name": "Els",
                "email": "e@x.be",
                "subject": "s",
                "message": "m",
                "facts_on": "2026-11-21",
            },
            "geen object",
        ],
        indent=1,
    )
    lines = rejected("web.json", text)
    assert lines == [
        "regel 3 (inzending 1), veld submitted_at: ‘2026-13-01’ is geen datum; schrijf JJJJ-MM-DD of JJJJ-MM-DDTUU:MM",
        "regel 5 (inzending 1), veld email: Dit is geen geldig e-mailadres (bijvoorbeeld naam@voorbeeld.be).",
        "regel 6 (inzending 1), veld subject: is leeg; dit veld is verplicht",
        "regel 11 (inzending 2), veld nmae: onbekend veld; toegelaten velden: submission_id, submitted_at, name, "
        "street, postal_code, city, email, phone, language, organisation, subject, message, facts_on, request",
        "regel 22 (inzending 3), veld facts_on: De feiten kunnen niet na de ontvangst van de klacht liggen.",
        "regel 24 (inzending 4): een inzending moet een object {…} met velden zijn",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            '[{"submitted_at": "2026-11-20", "name": "Jan", "subject": "s", "message": "m", "email": "j@x.be"},\n'
            ' {"submitted_at": "2026-11-20", "name": "Piet", "subj',
            [
                "regel 2 (inzending 2): ongeldige JSON (kolom 49): een tekst zonder afsluitend aanhalingsteken begint hier"
            ],
        ),
        (
            '[{"submitted_at": "2026-11-20", "name": "Jan", "subject": "s", "message": "m", "email": "j@x.be"},\n',
            ["regel 1: het bestand houdt hier op zonder ] : de lijst is onvolledig"],
        ),
        ('{"submitted_at": "2026-11-20"}', ["regel 1: een JSON-export begint met [ : een lijst van inzendingen {…}"]),
        ("[]", ["het bestand bevat geen inzendingen"]),
    ],
)
def test_a_broken_or_partial_json_file_is_rejected(text: str, expected: list[str]) -> None:
    assert rejected("web.json", text) == expected


def test_every_problem_of_a_csv_file_is_reported_with_the_line_where_its_submission_starts() -> None:
    text = (
        f"{HEADER}\n"
        '1;2026-11-20;Jan;jan@x.be;Loket;"Twee regels\nlang"\n'
        "2;20/11/2026 10:00;Piet;piet@x.be;Loket\n"
        "3;morgen;Els;els@x.be;Loket;Tekst\n"
        "1;2026-11-21;An;an@x.be;Loket;Tekst\n"
        '5;2026-11-21;Bo;bo@x.be;Loket;"nooit afgesloten\n'
    )
    assert rejected("web.csv", text) == [
        "regel 4 (inzending 2): 5 velden, maar de kopregel heeft er 6; ontbreekt er een scheidingsteken of een "
        "aanhalingsteken?",
        "regel 5 (inzending 3), veld submitted_at: ‘morgen’ is geen datum; schrijf JJJJ-MM-DD of JJJJ-MM-DDTUU:MM",
        "regel 6 (inzending 4), veld submission_id: ‘1’ staat al in inzending 1",
        "regel 7 (inzending 5): het bestand houdt op midden in een tekst tussen aanhalingstekens: ontbreekt er een "
        "afsluitend aanhalingsteken?",
    ]


def test_a_csv_header_with_unknown_or_missing_columns_is_rejected_once() -> None:
    assert rejected("web.csv", "submitted_at,naam,message\n2026-11-20,Jan,Tekst\n") == [
        "regel 1, veld naam: onbekende kolom; toegelaten kolommen: submission_id, submitted_at, name, street, "
        "postal_code, city, email, phone, language, organisation, subject, message, facts_on, request",
        "regel 1, veld subject: deze verplichte kolom ontbreekt in de kopregel",
    ]


def test_a_file_that_is_not_utf8_is_rejected_with_its_line() -> None:
    assert rejected("web.csv", f"{HEADER}\n1;2026-11-20;Ren\xe9;r@x.be;s;m\n".encode("latin-1")) == [
        "regel 2: het bestand is geen UTF-8-tekst; bewaar het als UTF-8"
    ]


def test_importing_registers_all_new_submissions_and_never_one_twice(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    data = (EXAMPLES / "webformulier.json").read_bytes()
    submissions = services.webform.read("webformulier.json", data)
    assert [s.registered_as for s in submissions] == ["", ""]
    records = services.webform.register_all(submissions)
    assert [r.tracking_number for r in records] == ["2026-0001", "2026-0002"]
    assert services.cases.get("2026-0001").header.channel == Channel.WEB_FORM

    again = services.webform.read("webformulier.json", data)
    assert [s.registered_as for s in again] == ["2026-0001", "2026-0002"]
    assert services.webform.register_all(again) == []
    assert services.case_list.count(CaseQuery()) == 2


def test_a_rejected_file_imports_nothing(ctx: ServiceContext) -> None:
    services = Services.for_context(ctx)
    text = (EXAMPLES / "webformulier.csv").read_text(encoding="utf-8") + "web-3;gisteren;X;x@x.be;s;m;;;;;;;;\n"
    with pytest.raises(WebformRejected):
        services.webform.read("webformulier.csv", text.encode())
    assert services.case_list.count(CaseQuery()) == 0


def test_the_same_submission_twice_in_one_file_is_refused_whatever_its_id() -> None:
    """The website exported one submission twice (another id, or none): registering both would
    make two cases of one complaint."""
    twice = "\n".join(
        [
            HEADER,
            "web-1;2026-11-20 10:00;Jan Peeters;jan@example.be;Lange wachttijd;Ik wachtte drie uur.",
            "web-2;2026-11-20 10:05;Jan Peeters;JAN@example.be;Lange Wachttijd;Ik wachtte drie uur.",
            ";2026-11-20 11:00;Jan Peeters;jan@example.be;LANGE WACHTTIJD;Nog eens.",
        ]
    )
    lines = rejected("twee.csv", twice)
    assert any("dezelfde inzending als inzending 1" in line for line in lines)


def test_a_reimport_recognises_a_subject_with_accented_capitals(ctx: ServiceContext) -> None:
    """SQLite's lower() folds ASCII only: 'ÉÉN KLACHT' must still be found again (folded as the
    search folds it)."""
    services = Services.for_context(ctx)
    data = "\n".join(
        [HEADER, "web-9;2026-11-20 10:00;Élise Dubois;elise@example.be;ÉÉN KLACHT OVER HET ONTHAAL;Tekst."]
    )
    first = services.webform.read("een.csv", data.encode())
    services.webform.register_all(first)
    again = services.webform.read("een.csv", data.encode())
    assert [s.registered_as for s in again] == ["2026-0001"]
    assert services.webform.register_all(again) == []
