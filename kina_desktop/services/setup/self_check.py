"""``kina-desktop selftest``: does this installation have everything it needs?

Walks the heavy paths once on a throwaway SQLite database in a temporary folder, never the
person's own: the migrations (files Alembic reads), an account (argon2), a registration from
the example form (resources/, the Belgian holidays for the deadlines), an acknowledgement letter
(ReportLab, the letter templates and fonts) rendered by PDFium the way printing does, Babel's
nl_BE data and the annual report (PDF and spreadsheet). Built for the PyInstaller bundle, where
a missing data file shows up only at run time; useful on any PC after an installation.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kina_desktop.domain.enums import Role
from kina_desktop.domain.letters import LetterKind
from kina_desktop.domain.visibility import Viewer
from kina_desktop.i18n import LOCALE_DIR, N_, _

Step = Callable[["_Run"], str]


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str  # what was found, or why it failed
    seconds: float
    skipped: bool = False  # not tried: an earlier step it needs failed


@dataclass
class _Run:
    folder: Path
    keep: Path | None
    database: object | None = None
    services: object | None = None
    case_id: int | None = None

    def output(self, name: str, data: bytes) -> str:
        if self.keep is None:
            return f"{len(data):,} bytes".replace(",", ".")
        path = self.keep / name
        path.write_bytes(data)
        return str(path)


def _migrations(run: _Run) -> str:
    from kina_desktop.db.migrate import current_revision, head_revision
    from kina_desktop.services.setup.startup import open_database

    database = open_database(f"sqlite+pysqlite:///{run.folder / 'selftest.db'}")
    run.database = database
    revision = current_revision(database)
    if revision != head_revision():
        raise RuntimeError(f"schema {revision}, expected {head_revision()}")
    return _("schemarevisie {revision}").format(revision=revision)


def _account(run: _Run) -> str:
    from kina_desktop.services.accounts.account_service import NewAccount, create_first_account
    from kina_desktop.services.accounts.auth import sign_in_sqlite
    from kina_desktop.services.bundle import Services
    from kina_desktop.services.context import ServiceContext

    new = NewAccount("zelftest", "Zelftest", "zelftest-wachtwoord", frozenset({Role.DIRECTOR, Role.ADMINISTRATOR}))
    create_first_account(run.database, new)  # type: ignore[arg-type]
    signed = sign_in_sqlite(run.database, new.username, new.password)  # type: ignore[arg-type]
    # Every role, so that every service below may act (the account has director + administrator).
    viewer = Viewer(signed.account.id, frozenset(Role), signed.account.display_name)
    run.services = Services.for_context(ServiceContext(signed.context.database, viewer))
    return _("account {name} aangemaakt en aangemeld").format(name=new.username)


def _register(run: _Run) -> str:
    from kina_desktop.reports.resource_paths import resource
    from kina_desktop.services.intake.json_form import draft_from_json

    form = resource("examples", "klacht.json").read_text(encoding="utf-8")
    record = run.services.cases.register(draft_from_json(form, dt.date.today()))  # type: ignore[union-attr]
    run.case_id = record.header.id
    return _("klacht {number} geregistreerd").format(number=record.tracking_number)


def _holidays(run: _Run) -> str:
    from kina_desktop.domain.workdays import WorkingCalendar

    name = WorkingCalendar().holiday_name(dt.date(2026, 12, 25))
    if not name:
        raise RuntimeError("no Belgian holidays")
    return name


def _letter(run: _Run) -> str:
    import pypdfium2 as pdfium

    pdf = run.services.letters.preview(run.case_id, LetterKind.ACKNOWLEDGEMENT)  # type: ignore[union-attr]
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=1)
        size = f"{bitmap.width}×{bitmap.height}"
        page.close()
    finally:
        document.close()
    return _("ontvangstbevestiging, pagina 1 getekend door PDFium ({size}): {where}").format(
        size=size, where=run.output("ontvangstbevestiging.pdf", pdf)
    )


def _babel(run: _Run) -> str:
    from babel.dates import format_date

    return format_date(dt.date(2026, 11, 24), format="full", locale="nl_BE")


def _annual_report(run: _Run) -> str:
    year = dt.date.today().year
    report = run.services.annual_report  # type: ignore[union-attr]
    data = report.data(year)
    pdf = report.render_pdf(data)
    xlsx = report.render_xlsx(data)
    return _("jaarverslag {year}: {pdf}; rekenblad: {xlsx}").format(
        year=year, pdf=run.output(f"jaarverslag-{year}.pdf", pdf), xlsx=run.output(f"jaarverslag-{year}.xlsx", xlsx)
    )


def _translations(run: _Run) -> str:
    catalogs = sorted(path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/*.mo"))
    return ", ".join(["nl", *catalogs])


STEPS: tuple[tuple[str, Step], ...] = (
    (N_("database en migraties"), _migrations),
    (N_("account en wachtwoord"), _account),
    (N_("registratie"), _register),
    (N_("feestdagen"), _holidays),
    (N_("brief"), _letter),
    (N_("datums en getallen"), _babel),
    (N_("jaarverslag"), _annual_report),
    (N_("talen"), _translations),
)


INDEPENDENT = (_holidays, _babel, _translations)  # tried even after a failure


def run_self_check(keep: Path | None = None) -> Iterator[CheckResult]:
    """Each step's result as it finishes; after a failed step the ones that need it are
    skipped. ``keep``: a folder to write the letter and the report into."""
    with tempfile.TemporaryDirectory(prefix="kina-selftest-") as folder:
        run = _Run(Path(folder), keep)
        failed = False
        try:
            for name, step in STEPS:
                if failed and step not in INDEPENDENT:
                    yield CheckResult(_(name), False, _("niet geprobeerd na de fout hierboven"), 0.0, skipped=True)
                    continue
                started = time.perf_counter()
                try:
                    detail = step(run)
                except Exception as error:
                    failed = True
                    yield CheckResult(_(name), False, f"{type(error).__name__}: {error}", time.perf_counter() - started)
                else:
                    yield CheckResult(_(name), True, detail, time.perf_counter() - started)
        finally:
            if run.database is not None:
                run.database.dispose()  # type: ignore[attr-defined]
