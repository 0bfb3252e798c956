"""Sign-in sheets in-process: ours beside a bare Platypus table of the same rows.

    python signin_timings.py FILE CODE SCRATCH

Ours: `services.signin.export_signin` for every session and visit of the tour (read, lay
out, write aside and rename). Bare: reportlab Platypus laying out, per session, a heading and
one table of the same rows (number, ID, name, Arabic name shaped for drawing, organisation,
an empty signature cell) and the same blank rows, with the same embedded fonts, written to a
file. Both after one untimed run. Prints one JSON object of seconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from booster_desktop.domain.printed import SigninSheets
from booster_desktop.exports.pdf_text import visual
from booster_desktop.services.programme import open_programme
from booster_desktop.services.signin import export_signin, signin_sheets


def bare(sheets: SigninSheets, out: Path) -> None:
    body = ParagraphStyle("body", fontName="NotoSans", fontSize=9, leading=11)
    bold = ParagraphStyle("bold", fontName="NotoSans-Bold", fontSize=15, leading=19)
    arabic = ParagraphStyle("arabic", fontName="NotoNaskhArabic", fontSize=9, leading=11)
    story: list[object] = []
    for position, session in enumerate(sheets.sessions):
        if position:
            story.append(PageBreak())
        story.append(Paragraph(escape(session.title), bold))
        story.append(Paragraph(f"{session.day:%A %d %B %Y} {session.start:%H:%M}", body))
        rows = [
            [
                Paragraph(str(n), body),
                Paragraph(str(p.manager_id), body),
                Paragraph(escape(p.name), body),
                Paragraph(escape(visual(p.arabic_name)), arabic),
                Paragraph(escape(p.organisation), body),
                "",
            ]
            for n, p in enumerate(session.people, 1)
        ]
        start = len(session.people) + 1
        rows += [
            [Paragraph(str(n), body), "", "", "", "", ""]
            for n in range(start, start + sheets.blank_rows)
        ]
        widths = [9 * mm, 13 * mm, 50 * mm, 45 * mm, 70 * mm, 80 * mm]
        table = Table(rows, colWidths=widths, repeatRows=0)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), "NotoSans"),
                    ("TOPPADDING", (0, 0), (-1, -1), 9.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 9.5),
                ]
            )
        )
        story.append(table)
    SimpleDocTemplate(str(out), pagesize=landscape(A4), initialFontName="NotoSans").build(story)


def main(path: str, code: str, scratch: str) -> None:
    folder = Path(scratch)
    with open_programme(Path(path)) as programme:
        export_signin(programme, folder / "warm.pdf", tour=code)
        sheets = signin_sheets(programme, tour=code)
        bare(sheets, folder / "warm-bare.pdf")
        start = time.perf_counter()
        export_signin(programme, folder / "ours.pdf", tour=code)
        ours = time.perf_counter() - start
    start = time.perf_counter()
    bare(sheets, folder / "bare.pdf")
    rows = sum(len(s.people) + sheets.blank_rows for s in sheets.sessions)
    print(json.dumps({"ours": ours, "bare": time.perf_counter() - start, "rows": rows}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
