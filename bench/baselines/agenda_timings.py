"""The agenda booklet in-process: ours beside a bare Platypus layout of the same text.

    python agenda_timings.py FILE CODE SCRATCH

Ours: `services.agenda.export_agenda` (read the tour, lay the booklet out, write it aside
and rename it). Bare: reportlab Platypus laying out the same paragraphs and tables (the
cover and its contacts, the days running on, item lines, the participants' cells with the
proposed ones marked, Arabic already shaped) with the same embedded fonts, written to a
file; the week-at-a-glance grid (a few dozen rectangles) is left out of it. Both after one
untimed run, so imports and font loading are paid by neither. Prints one JSON object of seconds.
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
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from booster_desktop.domain.agenda import TourAgenda
from booster_desktop.exports.pdf_text import visual
from booster_desktop.services.agenda import export_agenda, tour_agenda
from booster_desktop.services.programme import open_programme


def bare(tour: TourAgenda, out: Path) -> None:
    body = ParagraphStyle("body", fontName="NotoSans", fontSize=9, leading=12)
    bold = ParagraphStyle("bold", fontName="NotoSans-Bold", fontSize=15, leading=19)
    arabic = ParagraphStyle("arabic", fontName="NotoNaskhArabic", fontSize=9, leading=12)
    # The cover: title, dates, host, topics, and the contacts as a table.
    story: list[object] = [
        Paragraph(escape(tour.title), bold),
        Paragraph(f"{tour.start} {tour.end} {escape(tour.city)}", body),
        Paragraph(escape(tour.host_agency), body),
        Paragraph(escape(", ".join(tour.focus_topics)), body),
    ]
    stay = [tour.stay.hotel_name, tour.stay.hotel_address, tour.stay.contact_name]
    contacts = Table([[Paragraph("Hotel", body), [Paragraph(escape(v), body) for v in stay]]])
    contacts.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "NotoSans")]))
    story += [contacts, PageBreak(), Paragraph("The week at a glance", bold), PageBreak()]
    # The days running on.
    for day, items in tour.days():
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
        story.append(KeepTogether([Paragraph(f"{day:%A} {day.day} {day:%B %Y}", bold), table]))
    story += [Paragraph("Participants", bold)]
    header = [
        Paragraph(escape(h), body) for h in ("#", "Name", "Name in Arabic", "Country", "Cluster")
    ]
    rows = [header] + [
        [
            Paragraph(str(n), body),
            Paragraph(escape(p.name) + ("<br/><i>proposed</i>" if p.proposed else ""), body),
            Paragraph(escape(visual(p.arabic_name)), arabic),
            Paragraph(escape(p.country), body),
            Paragraph(escape(p.organisation), body),
        ]
        for n, p in enumerate(tour.participants, 1)
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
