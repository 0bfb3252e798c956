"""The agenda booklet in-process: ours beside a bare Platypus layout of the same text.

    python agenda_timings.py FILE CODE SCRATCH

Ours: `services.agenda.export_agenda` (read the tour, lay the booklet out, write it aside
and rename it). Bare: reportlab Platypus laying out the same paragraphs and tables (the
same day headings, item lines and participants' cells, Arabic already shaped) with the same
embedded fonts, written to a file. Both after one untimed run, so imports and font loading
are paid by neither. Prints one JSON object of seconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from booster_desktop.domain.agenda import TourAgenda
from booster_desktop.exports.pdf_text import visual
from booster_desktop.services.agenda import export_agenda, tour_agenda
from booster_desktop.services.programme import open_programme


def bare(tour: TourAgenda, out: Path) -> None:
    body = ParagraphStyle("body", fontName="NotoSans", fontSize=9, leading=12)
    bold = ParagraphStyle("bold", fontName="NotoSans-Bold", fontSize=15, leading=19)
    arabic = ParagraphStyle("arabic", fontName="NotoNaskhArabic", fontSize=9, leading=12)
    story: list[object] = [Paragraph(escape(tour.title), bold)]
    for day, items in tour.days():
        story += [PageBreak(), Paragraph(f"{day:%A} {day.day} {day:%B %Y}", bold)]
        rows = [
            [
                Paragraph(f"{i.start:%H:%M}-{i.end:%H:%M}", body),
                [
                    Paragraph(escape(line), body)
                    for line in (
                        i.kind,
                        i.title,
                        i.venue,
                        i.address,
                        *i.speakers,
                        *i.contacts,
                        " ".join(i.topics),
                        i.description,
                    )
                ],
            ]
            for i in items
        ]
        table = Table(rows, colWidths=[28 * mm, 142 * mm])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "NotoSans")]))
        story.append(table)
    story += [PageBreak(), Paragraph("Participants", bold)]
    cells = [["#", "Name", "Name in Arabic", "Country", "Cluster"]] + [
        [str(n), p.name, visual(p.arabic_name), p.country, p.organisation]
        for n, p in enumerate(tour.participants, 1)
    ]
    rows = [
        [Paragraph(escape(c), arabic if k == 2 else body) for k, c in enumerate(r)] for r in cells
    ]
    table = Table(rows, colWidths=[10 * mm, 45 * mm, 40 * mm, 25 * mm, 50 * mm], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "NotoSans")]))
    story.append(table)
    SimpleDocTemplate(str(out), pagesize=A4, initialFontName="NotoSans").build(story)


def main(path: str, code: str, scratch: str) -> None:
    folder = Path(scratch)
    with open_programme(Path(path)) as programme:
        export_agenda(programme, folder / "warm.pdf", tour=code)
        tour = tour_agenda(programme, code)
        bare(tour, folder / "warm-bare.pdf")
        start = time.perf_counter()
        export_agenda(programme, folder / "ours.pdf", tour=code)
        ours = time.perf_counter() - start
    start = time.perf_counter()
    bare(tour, folder / "bare.pdf")
    print(
        json.dumps(
            {
                "ours": ours,
                "bare": time.perf_counter() - start,
                "participants": len(tour.participants),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
