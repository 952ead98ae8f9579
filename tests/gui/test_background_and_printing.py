"""The pieces under the letters' GUI: work on the thread pool reports back on the GUI thread
(without a signal emitted from Python), and a PDF prints page by page at its real size."""

from __future__ import annotations

import io
import threading
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from kina_desktop.gui.common.background import Outcome, SynchronousRunner, Task, TaskControl, ThreadRunner
from kina_desktop.gui.letters.pdf_printing import new_printer, page_count, print_pdf


def three_pages() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1, 4):
        pdf.drawString(100, 700, f"Pagina {number}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_printer(path: Path) -> QPrinter:
    printer = new_printer("test")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_work_on_the_thread_pool_reports_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    gui_thread = threading.get_ident()
    seen: list[tuple[str, int, object]] = []

    def work(control: TaskControl) -> int:
        control.report(1, 2)
        return threading.get_ident()

    runner = ThreadRunner()
    runner.run(
        Task(
            work,
            TaskControl(),
            lambda d, t: seen.append(("progress", threading.get_ident(), (d, t))),
            lambda outcome: seen.append(("finished", threading.get_ident(), outcome)),
        )
    )
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5_000)
    finished = seen[-1]
    assert finished[0] == "finished" and finished[1] == gui_thread
    outcome = finished[2]
    assert isinstance(outcome, Outcome) and outcome.value != gui_thread  # it ran elsewhere
    assert all(thread == gui_thread for _kind, thread, _value in seen)


def test_an_error_in_the_work_comes_back_as_the_outcome() -> None:
    outcomes: list[Outcome[None]] = []

    def work(control: TaskControl) -> None:
        raise ValueError("kapot")

    SynchronousRunner().run(Task(work, TaskControl(), lambda d, t: None, outcomes.append))
    [outcome] = outcomes
    assert isinstance(outcome.error, ValueError) and outcome.value is None


def test_a_pdf_prints_every_page_at_a4(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = three_pages()
    seen: list[tuple[int, int]] = []
    path = tmp_path / "out.pdf"
    assert print_pdf(pdf, pdf_printer(path), progress=lambda d, t: seen.append((d, t))) == 3 == page_count(pdf)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    pages = PdfReader(path).pages
    assert len(pages) == 3
    assert (round(float(pages[0].mediabox.width)), round(float(pages[0].mediabox.height))) == (595, 842)


def test_the_page_range_of_the_print_dialog_is_honoured(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "out.pdf"
    printer = pdf_printer(path)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_pdf(three_pages(), printer) == 2
    assert len(PdfReader(path).pages) == 2


def test_cancelled_printing_stops(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert print_pdf(three_pages(), pdf_printer(tmp_path / "out.pdf"), cancelled=lambda: True) == 0
