"""The answer to a request for access (GDPR art. 15) as an A4 PDF, in Dutch, with the fonts of
the letters (DejaVu Sans, embedded): who asked, the notes of domain/access_request.py, then per
case its header, what the person told us, what we told them, the letters and the files.

Input: AccessExport only (the domain decides what the person is entitled to)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kina_desktop.domain.access_request import AccessCase, AccessExport, AccessItem, explanation
from kina_desktop.domain.dates import long_date
from kina_desktop.i18n import _, ngettext
from kina_desktop.reports.fonts import document_options, register_fonts

MARGIN = 20 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN
LABEL_WIDTH = 58 * mm
ACCENT = colors.HexColor("#1f5f8b")
RULE = colors.HexColor("#c8d3dc")


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13.5)
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontName=bold, fontSize=17, leading=22, textColor=ACCENT, spaceAfter=4 * mm
        ),
        "case": ParagraphStyle(
            "case",
            parent=body,
            fontName=bold,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=6 * mm,
            spaceAfter=2 * mm,
        ),
        "part": ParagraphStyle(
            "part", parent=body, fontName=bold, fontSize=10.5, leading=14, spaceBefore=3 * mm, spaceAfter=1 * mm
        ),
        "body": body,
        "label": ParagraphStyle("label", parent=body, textColor=colors.HexColor("#444444")),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=colors.HexColor("#555555")),
    }


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _table(rows: list[tuple[str, str]], styles: dict[str, ParagraphStyle]) -> Table:
    table = Table(
        [[_para(label, styles["label"]), _para(value, styles["body"])] for label, value in rows],
        colWidths=[LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), styles["body"].fontName, 10),  # the cell default would name Helvetica
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _items(items: tuple[AccessItem, ...]) -> list[tuple[str, str]]:
    return [(i.label, i.value) for i in items]


def _case(case: AccessCase, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [_para(_("Dossier {number}").format(number=case.tracking_number), styles["case"])]
    story.append(
        _table(
            [
                (_("Soort"), case.kind_label),
                (_("Categorie"), case.category_label),
                (_("Status"), case.status_label),
                (_("Ontvangen op"), case.received_on.strftime("%d-%m-%Y")),
                (_("Kanaal"), case.channel_label),
                (_("Gevonden op"), ", ".join(_(m) for m in case.matched)),
            ],
            styles,
        )
    )
    parts = [
        (_("Wat u ons meedeelde"), _items(case.description)),
        (
            _("Behandeling"),
            _items(case.handling)
            + [(_("Grond: {ground}").format(ground=g.label), g.value or "—") for g in case.grounds],
        ),
        (_("Afronding"), _items(case.closure)),
    ]
    for title, rows in parts:
        if rows:
            story.append(KeepTogether([_para(title, styles["part"]), _table(rows, styles)]))
    if case.personnel:
        story.append(Spacer(1, 1.5 * mm))
        story.append(
            _para(
                _(
                    "Deze klacht gaat over een personeelsaangelegenheid: over de uitkomst meldt KINA enkel "
                    "dat de klacht behandeld werd en besproken met het betrokken personeelslid en de "
                    "leidinggevenden (Art. 7)."
                ),
                styles["small"],
            )
        )
    if case.letters:
        story.append(
            KeepTogether(
                [
                    _para(_("Brieven die wij u stuurden"), styles["part"]),
                    _table(
                        [(letter.produced_on.strftime("%d-%m-%Y"), letter.label) for letter in case.letters], styles
                    ),
                ]
            )
        )
    if case.documents:
        story.append(
            KeepTogether(
                [
                    _para(_("Bestanden in de klachtenmap"), styles["part"]),
                    _table([(d.added_on.strftime("%d-%m-%Y"), d.filename) for d in case.documents], styles),
                ]
            )
        )
    return story


def render_access_request(export: AccessExport) -> bytes:
    styles = _styles()
    regular, _bold = register_fonts()
    buffer = io.BytesIO()
    title = _("Inzage in uw gegevens")
    document = SimpleDocTemplate(
        buffer, **document_options(title, export.organisation or "KINA", regular, 10, (MARGIN,) * 4)
    )

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(
            MARGIN,
            12 * mm,
            _("{org} — inzageverzoek van {day}").format(
                org=export.organisation or "KINA", day=export.made_on.strftime("%d-%m-%Y")
            ),
        )
        canvas.drawRightString(A4[0] - MARGIN, 12 * mm, _("pagina {n}").format(n=doc.page))
        canvas.restoreState()

    who = [
        (_("Naam"), export.query.name.strip() or "—"),
        (_("E-mailadres"), export.query.email.strip() or "—"),
        (_("Opgemaakt op"), long_date(export.made_on)),
        (_("Opgemaakt door"), export.made_by or "—"),
        (_("Aantal dossiers"), str(len(export.cases))),
    ]
    story: list[Flowable] = [_para(title, styles["title"]), _table(who, styles), Spacer(1, 4 * mm)]
    for line in explanation(export):
        story += [_para(line, styles["body"]), Spacer(1, 2 * mm)]
    if not export.cases:
        story.append(Spacer(1, 4 * mm))
        story.append(_para(_("Wij vonden geen dossier op deze naam of dit e-mailadres."), styles["body"]))
    else:
        story.append(Spacer(1, 2 * mm))
        story.append(
            _para(
                ngettext("Wij vonden {n} dossier.", "Wij vonden {n} dossiers.", len(export.cases)).format(
                    n=len(export.cases)
                ),
                styles["body"],
            )
        )
    for case in export.cases:
        story += _case(case, styles)
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
