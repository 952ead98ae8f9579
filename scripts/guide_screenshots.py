"""Screenshots for the user guide (resources/guide/img), made from the real program.

Run under a display (Xvfb) from the repository root:

    Xvfb :91 -screen 0 1600x1000x24 & DISPLAY=:91 .venv/bin/python scripts/guide_screenshots.py

It walks through the first-run assistant on a throwaway data folder, fills a throwaway demo
database, signs in as the demo people, and grabs the windows the guide talks about; letters and
the annual report are rendered from the PDFs the program makes. Every picture is stored as a
PNG with at most 256 colours, which keeps the folder small.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "guide" / "img"
CORPUS = ROOT / "tests" / "intake" / "corpus"
PASSWORD = "demo-wachtwoord"
WORK = Path(tempfile.mkdtemp(prefix="kina-gids-"))
# The first-run assistant shows where the register will be kept: a data folder of its own.
os.environ["KINA_DATA_DIR"] = str(WORK / "KINA Klachten")
os.environ.pop("KINA_DATABASE_URL", None)

import pypdfium2  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QPoint, QSettings  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QMenu, QWidget  # noqa: E402

from kina_desktop import first_run  # noqa: E402
from kina_desktop.app import account_rules, build_main_window, prepare_application, probe_server  # noqa: E402
from kina_desktop.domain.actions import ActionKind, StepData  # noqa: E402
from kina_desktop.domain.complaint import ComplaintDraft, Description  # noqa: E402
from kina_desktop.domain.enums import Category, Channel, Level  # noqa: E402
from kina_desktop.domain.letters import LetterKind  # noqa: E402
from kina_desktop.domain.projects import ProjectDraft, ProjectStatus  # noqa: E402
from kina_desktop.domain.views import CaseQuery, ReadyView  # noqa: E402
from kina_desktop.gui.case.step_dialog import StepDialog  # noqa: E402
from kina_desktop.gui.shell.idle_lock import LockDialog  # noqa: E402
from kina_desktop.gui.start.first_run_wizard import FirstRunWizard  # noqa: E402
from kina_desktop.services.accounts.auth import sign_in_sqlite  # noqa: E402
from kina_desktop.services.bundle import Services  # noqa: E402
from kina_desktop.services.setup.startup import open_database  # noqa: E402


def settle() -> None:
    for _ in range(20):
        QApplication.processEvents()


def wait_until(done, seconds: float = 30) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        settle()
        time.sleep(0.05)


def save(image: Image.Image | QPixmap, name: str) -> None:
    """Store ``image`` as a PNG of at most 256 colours (screenshots hardly lose anything)."""
    path = OUT / name
    if isinstance(image, QPixmap):
        raw = WORK / f"raw-{name}"
        image.save(str(raw))
        image = Image.open(raw)
    image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        path, optimize=True
    )
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"    {shown}  {path.stat().st_size // 1024} kB")


def grab(widget: QWidget, name: str) -> None:
    settle()
    save(widget.grab(), name)


def grab_with_menu(widget: QWidget, button: QWidget, menu: QMenu, submenu_name: str, active: int, name: str) -> None:
    """``widget`` with ``menu`` open above ``button``, its submenu ``submenu_name`` beside it and
    the submenu's entry ``active`` highlighted, drawn in place (a picture of the screen would
    depend on where the window manager put things)."""
    menu.popup(button.mapToGlobal(QPoint(0, 0)))  # builds the menu afresh
    settle()
    submenu = menu.findChild(QMenu, submenu_name)
    submenu.popup(menu.mapToGlobal(menu.actionGeometry(submenu.menuAction()).topRight()))
    settle()
    menu.setActiveAction(submenu.menuAction())
    submenu.setActiveAction(submenu.actions()[active])
    settle()
    picture = widget.grab()
    at = button.mapTo(widget, QPoint(0, 0)) - QPoint(0, menu.height())
    beside = at + menu.actionGeometry(submenu.menuAction()).topRight()
    # as a real submenu does near the bottom of the screen: moved up until it fits
    beside.setY(min(beside.y(), picture.height() - submenu.height()))
    painter = QPainter(picture)
    painter.drawPixmap(at, menu.grab())
    painter.drawPixmap(beside, submenu.grab())
    painter.end()
    submenu.hide()
    menu.hide()
    save(picture, name)


def pdf_page(pdf: bytes, page: int, name: str, scale: float = 1.2) -> None:
    document = pypdfium2.PdfDocument(pdf)
    save(document[page].render(scale=scale).to_pil(), name)


def first_case(services: Services, wanted) -> int:
    """The newest case the person may read that ``wanted`` accepts."""
    for case_id in range(2000, 0, -1):
        try:
            record = services.cases.get_by_id(case_id)
        except Exception:
            continue
        if wanted(record):
            return case_id
    raise SystemExit("no case found for a screenshot")


def first_run_assistant(settings: QSettings) -> None:
    """The first page of 'KINA Klachten — eerste gebruik' on a PC that never ran the program."""
    backend = first_run.FirstRun(probe_server)
    wizard = FirstRunWizard(backend, settings, account_rules())
    wizard.show()
    grab(wizard, "eerste-gebruik.png")
    wizard.reject()
    backend.abandon()


def postal_complaint(today: dt.date) -> ComplaintDraft:
    """The complaint of the guide's walk-through: a letter that came by post."""
    return ComplaintDraft(
        Description(
            received_on=today,
            channel=Channel.POST,
            complainant_name="Els Vermeulen",
            complainant_street="Kerkstraat 12",
            complainant_postal_code="2390",
            complainant_city="Malle",
            organisation="OCMW Malle",
            subject="Lange wachttijd aan het onthaal",
            text="Ik heb op 3 november meer dan een uur moeten wachten aan het onthaal.",
            request="Ik wil dat het onthaal beter geregeld wordt.",
        )
    )


def improvement_projects(services: Services, owner_id: int) -> None:
    """A few projects, as the complaints team keeps them (the demo data has none)."""
    today = services.ctx.today()
    cases = [
        c.tracking_number
        for c in services.case_list.page(CaseQuery(), 0, 20)
        if c.category is Category.DAILY_OPERATIONS and c.level is not Level.ONE
    ]
    for title, status, actions in (
        (
            "Wachttijden aan het onthaal verkorten",
            ProjectStatus.RUNNING,
            [("Afsprakensysteem aan het onthaal invoeren", 20), ("Wachttijden meten", 45)],
        ),
        (
            "Duidelijkere facturen voor de warme maaltijden",
            ProjectStatus.PLANNED,
            [("Nieuwe factuurlay-out voorleggen", 30)],
        ),
        ("Telefonische bereikbaarheid van de diensten", ProjectStatus.DONE, []),
    ):
        project = services.projects.create(
            ProjectDraft(
                title=title,
                description=title + ".",
                owner_id=owner_id,
                status=status,
                evaluation_on=today + dt.timedelta(days=-14 if status is ProjectStatus.DONE else 90),
                evaluation_result="Minder klachten over de bereikbaarheid." if status is ProjectStatus.DONE else "",
            )
        )
        for description, days in actions:
            services.projects.add_action(project.id, description, today + dt.timedelta(days=days))
        for number in cases[:2] if actions else ():
            services.projects.link_case(project.id, number)
        cases = cases[2:]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = prepare_application()
    settings = QSettings(str(WORK / "settings.ini"), QSettings.Format.IniFormat)

    first_run_assistant(settings)

    db_file = WORK / "KINA Klachten" / "kina-klachten-demo.db"
    exe = Path(sys.executable).with_name("kina-desktop")
    subprocess.run([str(exe), "--database", str(db_file), "demo", "--complaints", "600"], check=True)
    database = open_database(f"sqlite+pysqlite:///{db_file}")

    def window_for(username: str):
        signed = sign_in_sqlite(database, username, PASSWORD)
        window = build_main_window(signed.context, signed.account, settings)
        window.resize(1280, 780)
        window.show()
        return window, Services.for_context(signed.context)

    # -- the receiver: the list, a new complaint, an e-mail, the walk-through's letter ---------------
    receiver, services = window_for("an.claes")
    grab(receiver, "hoofdvenster.png")

    dialog = receiver.make_new_complaint_dialog()
    dialog.load_draft(postal_complaint(services.ctx.today()))
    dialog.show()
    grab(dialog, "nieuwe-klacht.png")
    dialog.hide()

    mail = receiver.make_new_complaint_dialog()
    mail.show()
    mail.intake.load_message_file(CORPUS / "10-attachment-pdf.eml")  # type: ignore[attr-defined]
    grab(mail, "e-mail.png")
    mail.hide()

    record = services.cases.register(postal_complaint(services.ctx.today()))
    editor = receiver.open_case(record.header.id)
    assert editor is not None
    editor.resize(1280, 800)
    settle()
    button = editor.letters_button
    assert button is not None
    # 'Brieven' → 'Ontvangstbevestiging' → 'Afdrukken…  Ctrl+P'
    grab_with_menu(editor, button, editor.letters_menu, "letter_acknowledgement", 2, "brieven-menu.png")
    pdf_page(services.letters.preview(record.header.id, LetterKind.ACKNOWLEDGEMENT), 0, "brief.png", 1.0)
    assert editor.letters is not None
    preview = editor.letters.preview(LetterKind.ACKNOWLEDGEMENT)  # Brieven → … → Voorbeeld
    assert preview is not None
    preview.resize(760, 620)
    wait_until(lambda: preview.page_count() > 0, 10)
    grab(preview, "brief-voorbeeld.png")
    preview.close()
    letter = editor.letters.edit(LetterKind.ACKNOWLEDGEMENT)  # Brieven → … → Bewerken…
    assert letter is not None
    letter.resize(820, 640)
    settle()
    letter.section_edits[0].setFocus()
    grab(letter, "brief-bewerken.png")
    letter.reject()
    editor.close()

    # Passing the complaint on: the receiver chooses the handler (Art. 6).
    record = services.workflow.take(
        record.header.id, record.header.version, ActionKind.ACKNOWLEDGE, StepData(on=services.ctx.today())
    )
    editor = receiver.open_case(record.header.id)
    assert editor is not None and editor.progress is not None
    editor.resize(1280, 800)
    settle()
    option = next(o for o in editor.progress.options if o.action.kind is ActionKind.FORWARD_TO_HANDLER)
    step = StepDialog(services.workflow, editor.record, option.action, editor.progress, services.ctx.today(), editor)
    combo = step.fields["handler_id"].combo  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findText("Koen Peeters"))
    step.show()
    settle()
    grab(step, "doorgeven.png")
    step.hide()
    editor.close()
    services.workflow.take(
        record.header.id,
        services.workflow.progress(record.header.id).version,
        ActionKind.FORWARD_TO_HANDLER,
        StepData(on=services.ctx.today(), handler_id=combo.currentData()),
    )

    # -- the handler: a case being handled ---------------------------------------------------------
    handler, handler_services = window_for("koen.peeters")
    case_id = first_case(
        handler_services,
        lambda r: bool(
            r.handling
            and r.handling.verdict_motivation
            and r.header.category is Category.DAILY_OPERATIONS
            and r.header.level is Level.TWO
        ),
    )
    editor = handler.open_case(case_id)
    assert editor is not None
    editor.resize(1280, 800)
    editor.ui.tabs.setCurrentIndex(1)
    grab(editor, "dossier.png")
    editor.close()
    handler.views.choose(ReadyView.MINE)  # 'Aan mij': the handler's own cases
    settle()
    grab(handler, "aan-mij.png")
    password = handler.change_password()  # Bestand → Wachtwoord wijzigen…
    assert password is not None
    settle()
    grab(password, "wachtwoord-wijzigen.png")
    password.reject()
    lock = LockDialog("Koen Peeters", lambda _password: None, handler)
    lock.show()
    settle()
    grab(lock, "vergrendeld.png")
    lock.hide()

    # -- the director: the confidential track, follow-up, settings, privacy -----------------------------
    director, director_services = window_for("marleen.vandenbroeck")
    personnel = first_case(
        director_services,
        lambda r: bool(
            r.header.category is Category.PERSONNEL
            and r.header.level is not Level.ONE
            and r.handling
            and r.handling.verdict_motivation
        ),
    )
    editor = director.open_case(personnel)
    assert editor is not None
    editor.resize(1280, 800)
    grab(editor, "directeur.png")
    editor.close()

    owner = director_services.ctx.viewer.user_id
    improvement_projects(director_services, owner)
    projects = director.follow_up.show_projects()
    projects.resize(1240, 420)
    projects.refresh()
    grab(projects, "verbeterprojecten.png")
    projects.hide()

    statistics = director.follow_up.show_statistics()
    statistics.resize(1200, 800)
    wait_until(lambda: statistics.status.text() != "Bezig met tellen…")  # counted in the background
    grab(statistics, "statistieken.png")
    statistics.hide()
    year = director_services.ctx.today().year
    report = director.follow_up.show_annual_report()
    grab(report, "jaarverslag-maken.png")
    report.hide()
    pdf_page(director_services.annual_report.pdf(year), 1, "jaarverslag.png", 1.0)

    settings_dialog = director.settings_menus.show_settings()
    assert settings_dialog is not None
    settings_dialog.resize(1100, 640)
    settings_dialog.show_page("letterhead")
    grab(settings_dialog, "instellingen.png")
    settings_dialog.hide()

    access = director.privacy_menu.show_access_request()
    assert access is not None
    access.name.setText("Jan Wuyts")
    access.search()
    grab(access, "inzageverzoek.png")
    access.hide()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
