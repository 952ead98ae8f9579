"""Screenshots for the user guide (resources/guide/img), made from the real program.

Run under a display (Xvfb) from the repository root:

    Xvfb :91 -screen 0 1600x1000x24 & DISPLAY=:91 .venv/bin/python scripts/guide_screenshots.py

It fills a throwaway demo database, signs in as the demo people, and grabs the windows the guide
talks about; letters and the annual report are rendered from the PDFs the program makes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from kina_desktop.app import build_main_window
from kina_desktop.domain.enums import Category, Level
from kina_desktop.domain.letters import LetterKind
from kina_desktop.services.auth import sign_in_sqlite
from kina_desktop.services.bundle import Services
from kina_desktop.services.startup import open_database

OUT = Path(__file__).resolve().parents[1] / "resources" / "guide" / "img"
PASSWORD = "demo-wachtwoord"


def settle(widget: QWidget) -> None:
    for _ in range(10):
        QApplication.processEvents()


def grab(widget: QWidget, name: str) -> None:
    settle(widget)
    widget.grab().save(str(OUT / name))
    print("   ", OUT / name)


def pdf_page(pdf: bytes, page: int, name: str, scale: float = 1.2) -> None:
    document = pypdfium2.PdfDocument(pdf)
    document[page].render(scale=scale).to_pil().save(OUT / name)
    print("   ", OUT / name)


def first_case(services: Services, wanted) -> int:  # noqa: ANN001
    """The newest case the person may read that ``wanted`` accepts."""
    for case_id in range(2000, 0, -1):
        try:
            record = services.cases.get_by_id(case_id)
        except Exception:  # noqa: BLE001 - not there, or not readable: look further
            continue
        if wanted(record):
            return case_id
    raise SystemExit("no case found for a screenshot")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kina-guide-"))
    db_file = work / "demo.db"
    exe = Path(sys.executable).with_name("kina-desktop")
    subprocess.run([str(exe), "--database", str(db_file), "demo", "--complaints", "600"], check=True)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("KINA Klachten guide")
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    database = open_database(f"sqlite+pysqlite:///{db_file}")

    def window_for(username: str):  # noqa: ANN202
        signed = sign_in_sqlite(database, username, PASSWORD)
        window = build_main_window(signed.context, signed.account, settings)
        window.resize(1400, 820)
        window.show()
        return window, Services.for_context(signed.context)

    receiver, services = window_for("an.claes")
    grab(receiver, "hoofdvenster.png")

    dialog = receiver.make_new_complaint_dialog()
    form = dialog.form.ui
    form.complainant_name.setText("Els Vermeulen")
    form.complainant_email.setText("els.vermeulen@voorbeeld.be")
    form.subject.setText("Lange wachttijd aan het onthaal")
    form.text.setPlainText("Ik heb op 3 november meer dan een uur moeten wachten aan het onthaal.")
    dialog.show()
    grab(dialog, "nieuwe-klacht.png")
    dialog.hide()

    handler, handler_services = window_for("koen.peeters")
    case_id = first_case(handler_services, lambda r: bool(
        r.handling and r.handling.verdict_motivation and r.header.category is Category.DAILY_OPERATIONS
        and r.header.level is Level.TWO))
    editor = handler.open_case(case_id)
    editor.resize(1400, 860)
    editor.ui.tabs.setCurrentIndex(1)
    grab(editor, "dossier.png")
    pdf_page(handler_services.letters.preview(case_id, LetterKind.ACKNOWLEDGEMENT), 0, "brief.png", 1.0)
    editor.close()

    director, director_services = window_for("marleen.vandenbroeck")
    personnel = first_case(director_services, lambda r: bool(
        r.header.category is Category.PERSONNEL and r.header.level is not Level.ONE
        and r.handling and r.handling.verdict_motivation))
    editor = director.open_case(personnel)
    editor.resize(1400, 860)
    grab(editor, "directeur.png")
    editor.close()

    statistics = director.follow_up.show_statistics()
    statistics.resize(1300, 860)
    grab(statistics, "statistieken.png")
    statistics.hide()
    year = director_services.ctx.today().year
    report = director.follow_up.show_annual_report()
    grab(report, "jaarverslag-maken.png")
    report.hide()
    pdf_page(director_services.annual_report.pdf(year), 1, "jaarverslag.png", 1.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
