"""How fast are the letters? One acknowledgement, and a batch of 500 produced and recorded.

The batch is measured as the program runs it: ``LetterService.produce_acknowledgements`` on a
register with that many complaints waiting for their acknowledgement (Art. 5), from the cases to
the batch's PDF with every letter recorded on its case, its copy in the complaint folder and the
step 'acknowledged' taken. Beside it, in the same run and on the same letters, the best
achievable reference: the same letters rendered in one ReportLab pass, and the rows such a batch
writes (documents, letters, steps, history, the cases' acknowledgement date) inserted in one
statement per table, in one transaction (rolled back, so it can be repeated). The rendering rows
show what the batch's PDF costs alone, against bare ReportLab pages in the same font:

    .venv/bin/python benchmarks/bench_letters.py
    .venv/bin/python benchmarks/bench_letters.py --batch 1000 --repeats 3

benchmarks/run_all.py uses ``batch_reference_ms`` beside the program's batch on its registers.
This is a script, not a test: timings depend on the machine (and on its load).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
from sqlalchemy import bindparam, insert, update

from kina_desktop.db.models import Account, AuditEvent, Case, CaseStep, Document, Letter
from kina_desktop.domain.complaint import ComplaintDraft, Description
from kina_desktop.domain.enums import Channel, Role
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.visibility import Viewer
from kina_desktop.reports.fonts import register_fonts
from kina_desktop.reports.letter_content import build_letter
from kina_desktop.reports.letter_pdf import render_letter, render_letters
from kina_desktop.reports.letter_templates import default_template
from kina_desktop.services.bundle import Services
from kina_desktop.services.context import ServiceContext
from kina_desktop.services.letters.letter_service import letterhead_of
from tests.reports.cases import CONTACT, LETTERHEAD, TODAY, record

TEXT = (
    "Wij hebben uw klacht goed ontvangen. Wij streven ernaar om uw klacht binnen de 30 "
    "kalenderdagen te behandelen. Daarna laten wij u weten wat de uitkomst is."
)
NOW = dt.datetime(2026, 11, 24, 10, 0)


def median_ms(action: Callable[[], object], repeats: int) -> tuple[float, object]:
    result = action()  # warm-up (font loading, caches)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def bare_pages(count: int = 1) -> bytes:
    """``count`` bare pages with one paragraph each, in one PDF: what that many one-page letters
    cost at least (the baseline here and in run_all.py)."""
    regular, _bold = register_fonts()
    style = ParagraphStyle("p", fontName=regular, fontSize=10.5, leading=14.5)
    story: list = []
    for n in range(count):
        story += [PageBreak()] if n else []
        story.append(Paragraph(TEXT, style))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def posted_complaint(today: dt.date, n: int) -> ComplaintDraft:
    """A complaint received by post today, waiting for its acknowledgement."""
    return ComplaintDraft(
        description=Description(
            received_on=today,
            channel=Channel.POST,
            complainant_name=f"Benchmark Wouters {n}",  # not a name searched for: runs leave the searches alone
            complainant_street="Kerkstraat 1",
            complainant_postal_code="2000",
            complainant_city="Antwerpen",
            subject="Benchmark",
            text="Een klacht per brief, om de ontvangstbevestiging te meten.",
        )
    )


def batch_reference_ms(services: Services, numbers: list[str], repeats: int = 3) -> float:
    """The best achievable batch on these letters (median ms): their content as the program
    makes it (not timed), rendered in one ReportLab pass, then the rows the batch writes
    inserted in one statement per table in one transaction, rolled back."""
    letters = services.letters
    cases = [services.cases.get(number).header for number in numbers]
    contents = [letters.letter(case.id, LetterKind.ACKNOWLEDGEMENT) for case in cases]
    with services.ctx.database.read() as session:
        letterhead = letterhead_of(session)
    copy = render_letter(contents[0], letterhead)  # a stored copy's size: one letter's PDF
    viewer, now = services.ctx.viewer, services.ctx.clock()

    def rows(table: str) -> list[dict[str, object]]:
        per_case = {
            "documents": lambda c: {
                "case_id": c.id,
                "part": "description",
                "kind": "letter",
                "filename": f"{c.tracking_number} ontvangstbevestiging.pdf",
                "mime_type": "application/pdf",
                "size": len(copy),
                "sha256": hashlib.sha256(copy).hexdigest(),
                "content": copy,
                "created_at": now,
                "created_by_id": viewer.user_id,
                "created_by_name": viewer.display_name,
            },
            "letters": lambda c: {
                "case_id": c.id,
                "kind": "acknowledgement",
                "part": "description",
                "language": "nl",
                "produced_on": now.date(),
                "produced_at": now,
                "produced_by_id": viewer.user_id,
                "produced_by_name": viewer.display_name,
            },
            "case_steps": lambda c: {
                "case_id": c.id,
                "action": "acknowledge",
                "taken_on": now.date(),
                "from_status": c.status.value,
                "to_status": c.status.value,
                "by_role": "receiver",
                "note": "",
                "account_id": viewer.user_id,
                "recorded_at": now,
            },
        }
        return [per_case[table](case) for case in cases]

    history = [
        {
            "at": now,
            "account_id": viewer.user_id,
            "actor_name": viewer.display_name,
            "case_id": case.id,
            "case_version": case.version,
            "action": action,
            "part": "",
            "field": field,
            "old_value": "",
            "new_value": "x",
        }
        for case in cases
        for action, field in (("document_added", "document"), ("letter", "letter"), ("edit", "acknowledged_on"))
    ]
    acknowledged = [{"case": case.id, "on": now.date(), "version": case.version + 1} for case in cases]

    def reference() -> None:
        render_letters(contents, letterhead)
        with services.ctx.database.engine.connect() as conn:
            transaction = conn.begin()
            conn.execute(insert(Document.__table__), rows("documents"))
            conn.execute(insert(Letter.__table__), rows("letters"))
            conn.execute(insert(CaseStep.__table__), rows("case_steps"))
            conn.execute(insert(AuditEvent.__table__), history)
            conn.execute(
                update(Case.__table__)
                .where(Case.__table__.c.id == bindparam("case"))
                .values(acknowledged_on=bindparam("on"), version=bindparam("version")),
                acknowledged,
            )
            transaction.rollback()

    ms, _result = median_ms(reference, repeats)
    return ms


def program_batch_ms(services: Services, numbers: list[str]) -> float:
    """The program's own batch, produced and recorded (once: it records the letters)."""
    started = time.perf_counter()
    services.letters.produce_acknowledgements(numbers)
    return (time.perf_counter() - started) * 1000


def _register(folder: Path, count: int) -> Services:
    """A fresh SQLite register with ``count`` complaints received by post today, as a receiver."""
    from kina_desktop.db.engine import Database
    from kina_desktop.db.migrate import upgrade

    database = Database(f"sqlite+pysqlite:///{folder / 'letters.db'}")
    upgrade(database)
    with database.write() as session:
        session.add(Account(id=1, username="rita", display_name="Rita Ontvanger", function="Klachtenontvanger"))
    viewer = Viewer(1, frozenset({Role.RECEIVER}), "Rita Ontvanger")
    services = Services.for_context(ServiceContext(database, viewer, clock=lambda: NOW))
    services.cases.register_all([posted_complaint(NOW.date(), n) for n in range(count)])
    return services


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    template = default_template(LetterKind.ACKNOWLEDGEMENT)
    records = [record(number=f"2026-{n:04d}") for n in range(1, args.batch + 1)]

    def one_letter() -> bytes:
        content = build_letter(LetterKind.ACKNOWLEDGEMENT, records[0], template, LETTERHEAD, CONTACT, TODAY)
        return render_letter(content, LETTERHEAD)

    contents = [build_letter(LetterKind.ACKNOWLEDGEMENT, r, template, LETTERHEAD, CONTACT, TODAY) for r in records]
    batch_repeats = max(1, args.repeats // 2)
    rows = []
    ms, pdf = median_ms(bare_pages, args.repeats)
    rows.append(("baseline: bare ReportLab page, one paragraph", 1, ms, 0.0))
    ms, pdf = median_ms(one_letter, args.repeats)
    rows.append(("one acknowledgement (build + render)", 1, ms, 0.0))
    bare_ms, _pdf = median_ms(lambda: bare_pages(args.batch), batch_repeats)
    render_ms, _pdf = median_ms(lambda: render_letters(contents, LETTERHEAD), batch_repeats)
    rows.append((f"{args.batch} acknowledgements: render one PDF", args.batch, render_ms, bare_ms))

    warm_up = 5
    with tempfile.TemporaryDirectory(prefix="kina-bench-letters-") as folder:
        services = _register(Path(folder), warm_up + args.batch)
        due = services.letters.acknowledgements_due(Channel.POST)
        services.letters.produce_acknowledgements(due[:warm_up])  # fonts, templates, statements warm
        numbers = due[warm_up:]
        reference_ms = batch_reference_ms(services, numbers, batch_repeats)
        program_ms = program_batch_ms(services, numbers)
        services.ctx.database.dispose()
    rows.append((f"{args.batch} acknowledgements: produced and recorded", args.batch, program_ms, reference_ms))

    print(
        f"Python {platform.python_version()} on {platform.machine()}, median of {args.repeats} "
        f"(batches: {batch_repeats}; the program's recorded batch: once) after one warm-up\n"
    )
    print(f"{'operation':<52} {'letters':>7} {'ms':>9} {'reference':>10} {'ratio':>6}")
    print("-" * 88)
    for name, count, ms, reference in rows:
        ratio = f"{ms / reference:6.2f}" if reference else f"{'':>6}"
        ref_text = f"{reference:10.1f}" if reference else f"{'':>10}"
        print(f"{name:<52} {count:>7} {ms:>9.1f} {ref_text} {ratio}")
    print("\nreference of the render row: bare pages; of the batch: one ReportLab pass + rows inserted in one go")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
