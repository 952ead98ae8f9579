"""An independent count of every figure the annual report prints: one plain SQL statement per row
of every table, written from the reglement's words and docs/annual-report.md, not from the
service's code. Compared with the printed spreadsheet, cell by cell, for every year it shows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from kina_desktop.domain.annual_report import TABLES, AnnualReportData, row_label
from kina_desktop.domain.enums import InadmissibilityGround
from kina_desktop.i18n import _
from tests.reports.report_attacker import HIDDEN, PrintedTable

COMPLAINT = "c.kind = 'complaint'"
PROCEDURE = f"{COMPLAINT} AND c.level <> '1'"  # Art. 6: level 1 is solved at once
OPEN = "c.confidential = false"
CONFIDENTIAL = "c.confidential = true"
ANSWERED_ON = "COALESCE(k.informed_on, k.closed_on)"
CLOSED = "(k.closed_on IS NOT NULL OR c.status = 'closed')"
UNDECIDED = "(h.admissibility IS NULL OR h.admissibility = 'undecided')"
NO_VERDICT = "(h.verdict IS NULL OR h.verdict = 'none')"
ACK_IN_TIME = "(c.acknowledged_on IS NOT NULL AND (c.acknowledgement_due_on IS NULL OR c.acknowledged_on <= c.acknowledgement_due_on))"
ANSWERED = f"{PROCEDURE} AND {OPEN} AND {ANSWERED_ON} IS NOT NULL"
INADMISSIBLE = f"{PROCEDURE} AND {OPEN} AND h.admissibility = 'inadmissible'"
ADMISSIBLE = f"{PROCEDURE} AND {OPEN} AND h.admissibility = 'admissible'"
ORG = "LOWER(TRIM(COALESCE(d.organisation, '')))"
VERTROUWELIJK = "Vertrouwelijk (personeel, niveau 2–3): niet uitgesplitst"


def _conditions(today: dt.date, days: str) -> dict[str, dict[str, str]]:
    t = f"'{today.isoformat()}'"
    return {
        "Registraties per soort": {
            "Klachten": COMPLAINT,
            "Informatievragen": "c.kind = 'information_request'",
            "Anonieme meldingen": "c.kind = 'anonymous_report'",
        },
        "Klachten per kanaal": {
            label: f"{COMPLAINT} AND c.channel = '{code}'"
            for label, code in (
                ("Post", "post"),
                ("E-mail", "email"),
                ("Webformulier", "web_form"),
                ("Telefoon", "phone"),
                ("Aan het onthaal", "desk"),
            )
        },
        "Klachten per categorie": {
            "Dagelijkse werking": f"{COMPLAINT} AND c.category = 'daily_operations'",
            "Personeelsaangelegenheden": f"{COMPLAINT} AND c.category = 'personnel'",
        },
        "Klachten per niveau": {
            "Niveau 1: meteen opgelost": f"{COMPLAINT} AND c.level = '1'",
            "Niveau 2 en 3: klachtenprocedure": PROCEDURE,
        },
        "Klachten per betrokken organisatie": {
            "Lid-OCMW": f"{COMPLAINT} AND {OPEN} AND {ORG} LIKE 'ocmw%'",
            "KINA-dienst": f"{COMPLAINT} AND {OPEN} AND {ORG} LIKE 'kina%'",
            "Andere of niet ingevuld": f"{COMPLAINT} AND {OPEN} AND {ORG} NOT LIKE 'ocmw%' AND {ORG} NOT LIKE 'kina%'",
            VERTROUWELIJK: f"{COMPLAINT} AND {CONFIDENTIAL}",
        },
        "Klachtenprocedure per niveau": {
            "Niveau 2": f"{PROCEDURE} AND c.level = '2'",
            "Niveau 3": f"{PROCEDURE} AND c.level = '3'",
        },
        "Ontvangstbevestiging (Art. 5: binnen 5 werkdagen)": {
            "Binnen 5 werkdagen": f"{PROCEDURE} AND {ACK_IN_TIME}",
            "Later of nog niet verstuurd": f"{PROCEDURE} AND NOT {ACK_IN_TIME} "
            f"AND (c.acknowledged_on IS NOT NULL OR c.acknowledgement_due_on < {t})",
            "Termijn nog niet verstreken": f"{PROCEDURE} AND c.acknowledged_on IS NULL "
            f"AND (c.acknowledgement_due_on IS NULL OR c.acknowledgement_due_on >= {t})",
        },
        "Ontvankelijkheid (Art. 3)": {
            "Ontvankelijk": ADMISSIBLE,
            "Niet ontvankelijk": INADMISSIBLE,
            "Nog in behandeling, nog niet beoordeeld": f"{PROCEDURE} AND {OPEN} AND {UNDECIDED} AND NOT {CLOSED}",
            "Afgesloten zonder beoordeling": f"{PROCEDURE} AND {OPEN} AND {UNDECIDED} AND {CLOSED}",
            VERTROUWELIJK: f"{PROCEDURE} AND {CONFIDENTIAL}",
        },
        "Niet ontvankelijk: per grond (Art. 3)": {
            ground.label(): f"{INADMISSIBLE} AND EXISTS (SELECT 1 FROM case_ground_findings g "
            f"WHERE g.case_id = c.id AND g.ground = '{ground.value}')"
            for ground in InadmissibilityGround
        },
        "Oordeel over de ontvankelijke klachten (Art. 6)": {
            "Gegrond": f"{ADMISSIBLE} AND h.verdict = 'founded'",
            "Ongegrond": f"{ADMISSIBLE} AND h.verdict = 'unfounded'",
            "Onuitgesproken": f"{ADMISSIBLE} AND h.verdict = 'undetermined'",
            "Nog in behandeling, nog geen oordeel": f"{ADMISSIBLE} AND {NO_VERDICT} AND NOT {CLOSED}",
            "Afgesloten zonder oordeel": f"{ADMISSIBLE} AND {NO_VERDICT} AND {CLOSED}",
        },
        "Gegronde klachten: maatregelen (Art. 6)": {
            "Met maatregelen": f"{ADMISSIBLE} AND h.verdict = 'founded' AND h.measures <> ''",
            "Zonder maatregelen": f"{ADMISSIBLE} AND h.verdict = 'founded' AND h.measures = ''",
        },
        "Stand van de behandeling": {
            "Beantwoord": ANSWERED,
            "Nog in behandeling": f"{PROCEDURE} AND {OPEN} AND {ANSWERED_ON} IS NULL",
            VERTROUWELIJK: f"{PROCEDURE} AND {CONFIDENTIAL}",
        },
        "Beantwoord binnen de termijn (Art. 5: 30 dagen)": {
            "Binnen de termijn": f"{ANSWERED} AND (c.handling_due_on IS NULL OR {ANSWERED_ON} <= c.handling_due_on)",
            "Na de termijn": f"{ANSWERED} AND {ANSWERED_ON} > c.handling_due_on",
        },
        "Beantwoorde klachten: dagen van ontvangst tot antwoord": {
            "0–20 dagen": f"{ANSWERED} AND {days} <= 20",
            "21–45 dagen": f"{ANSWERED} AND {days} BETWEEN 21 AND 45",
            "46–90 dagen": f"{ANSWERED} AND {days} BETWEEN 46 AND 90",
            "meer dan 90 dagen": f"{ANSWERED} AND {days} > 90",
        },
    }


def count(database, year: int, condition: str) -> int:
    sql = (
        "SELECT COUNT(*) FROM cases c "
        "LEFT JOIN case_descriptions d ON d.case_id = c.id "
        "LEFT JOIN case_handlings h ON h.case_id = c.id "
        "LEFT JOIN case_closures k ON k.case_id = c.id "
        f"WHERE c.received_on >= :start AND c.received_on <= :end AND {condition}"
    )
    with database.engine.connect() as conn:
        return int(conn.execute(text(sql), {"start": dt.date(year, 1, 1), "end": dt.date(year, 12, 31)}).scalar_one())


def printed_matches_count(database, tables: list[PrintedTable], today: dt.date) -> int:
    """Assert that every shown count of every table (and every shown total) equals the plain SQL
    count; the number of cells compared."""
    dialect = database.engine.dialect.name
    days = (
        f"CAST(julianday({ANSWERED_ON}) - julianday(c.received_on) AS INTEGER)"
        if dialect == "sqlite"
        else f"({ANSWERED_ON} - c.received_on)"
    )
    conditions = _conditions(today, days)
    assert {t.title for t in tables} == set(conditions)
    compared = 0
    for table in tables:
        rows = conditions[table.title]
        assert set(table.rows) == set(rows), table.title
        for position, year in enumerate(table.years):
            counts = {label: count(database, year, condition) for label, condition in rows.items()}
            for label, values in table.rows.items():
                if values[position] != HIDDEN:
                    assert values[position] == counts[label], (table.title, label, year)
                    compared += 1
            total = table.totals[position]
            if total != HIDDEN and not table.title.startswith("Niet ontvankelijk: per grond"):
                assert total == sum(counts.values()), (table.title, "Totaal", year)
                compared += 1
    return compared


def counts_match(database, data: AnnualReportData, today: dt.date) -> int:
    """Assert that every count the report gathered, before disclosure control (hidden cells too),
    equals the plain SQL count of its row, and that the answer times behind the median are the
    days of the answered complaints; the number of counts compared."""
    dialect = database.engine.dialect.name
    days = (
        f"CAST(julianday({ANSWERED_ON}) - julianday(c.received_on) AS INTEGER)"
        if dialect == "sqlite"
        else f"({ANSWERED_ON} - c.received_on)"
    )
    conditions = _conditions(today, days)
    compared = 0
    for counts in data.years:
        for spec in TABLES:
            rows = conditions[_(spec.title)]
            for row in spec.rows:
                expected = count(database, counts.year, rows[row_label(spec, row)])
                assert counts.count(spec.key, row.key) == expected, (spec.key, row.key, counts.year)
                compared += 1
        with database.engine.connect() as conn:
            answered = conn.execute(
                text(
                    f"SELECT {days} FROM cases c LEFT JOIN case_handlings h ON h.case_id = c.id "
                    "LEFT JOIN case_closures k ON k.case_id = c.id "
                    f"WHERE c.received_on >= :start AND c.received_on <= :end AND {ANSWERED}"
                ),
                {"start": dt.date(counts.year, 1, 1), "end": dt.date(counts.year, 12, 31)},
            ).scalars()
            assert counts.answer_days == tuple(sorted(int(d) for d in answered)), counts.year
    return compared
