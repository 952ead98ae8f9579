"""How fast are the letters? One acknowledgement, and a batch of 500 in one PDF.

Times, in the same run, a baseline: a bare ReportLab page with one paragraph in the same embedded
TrueType font (what any ReportLab letter costs at least), then one acknowledgement from the case
to PDF bytes (build_letter + render_letter), then 500 acknowledgements: building their content
(template check and fill) and rendering them as one PDF. Prints the median of several repeats:

    .venv/bin/python benchmarks/bench_letters.py
    .venv/bin/python benchmarks/bench_letters.py --batch 1000 --repeats 3

This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from kina_desktop.domain.letters import LetterKind
from kina_desktop.reports.fonts import register_fonts
from kina_desktop.reports.letter_content import build_letter
from kina_desktop.reports.letter_pdf import render_letter, render_letters
from kina_desktop.reports.letter_templates import default_template
from tests.reports.cases import CONTACT, LETTERHEAD, TODAY, record

TEXT = (
    "Wij hebben uw klacht goed ontvangen. Wij streven ernaar om uw klacht binnen de 30 "
    "kalenderdagen te behandelen. Daarna laten wij u weten wat de uitkomst is."
)


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

    def build_batch() -> list:
        return [build_letter(LetterKind.ACKNOWLEDGEMENT, r, template, LETTERHEAD, CONTACT, TODAY) for r in records]

    contents = build_batch()

    def render_batch() -> bytes:
        return render_letters(contents, LETTERHEAD)

    batch_repeats = max(1, args.repeats // 2)
    rows = []
    ms, pdf = median_ms(bare_pages, args.repeats)
    rows.append(("baseline: bare ReportLab page, one paragraph", 1, ms, len(pdf)))
    ms, pdf = median_ms(one_letter, args.repeats)
    rows.append(("one acknowledgement (build + render)", 1, ms, len(pdf)))
    build_ms, _ = median_ms(build_batch, batch_repeats)
    rows.append((f"{args.batch} acknowledgements: build content", args.batch, build_ms, 0))
    render_ms, pdf = median_ms(render_batch, batch_repeats)
    rows.append((f"{args.batch} acknowledgements: render one PDF", args.batch, render_ms, len(pdf)))
    rows.append((f"{args.batch} acknowledgements: total", args.batch, build_ms + render_ms, len(pdf)))

    print(
        f"Python {platform.python_version()} on {platform.machine()}, median of {args.repeats} "
        f"(batches: {batch_repeats}) runs after one warm-up\n"
    )
    print(f"{'operation':<50} {'letters':>7} {'ms':>10} {'ms/letter':>10} {'PDF KB':>8}")
    print("-" * 89)
    for name, count, ms, size in rows:
        size_text = f"{size / 1024:8.0f}" if size else f"{'':>8}"
        print(f"{name:<50} {count:>7} {ms:>10.1f} {ms / count:>10.2f} {size_text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
