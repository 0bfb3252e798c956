"""1,000 badges in-process: ours beside a bare reportlab canvas loop drawing the same.

    python badge_timings.py FILE SCRATCH COUNT

Ours: `services.badges.export_badges` for the first managers of the demo (as many as make
COUNT badges): read them, fit the names, draw fronts with QR codes and Code 128 barcodes on
the default layout, write the PDF aside and rename it, log the prints. Bare: a reportlab
canvas loop drawing, for the same records, the same band, the same strings (Arabic already
shaped), the same segno QR matrices as one path each and the same Code 128 bars as one path
each, with the same embedded fonts, into a file. Both after one untimed run, so imports and
font loading are paid by neither. Prints one JSON object of seconds.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path

import segno
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from booster_desktop.domain.badge_data import BadgeData
from booster_desktop.exports.pdf_text import register_fonts, visual
from booster_desktop.services.badges import BadgeRequest, export_badges, gather_badges
from booster_desktop.services.programme import open_programme

MM = 72 / 25.4


def bare(badges: list[BadgeData], out: Path) -> None:
    register_fonts()
    canvas = Canvas(
        str(out), pagesize=(210 * MM, 297 * MM), initialFontName="NotoSans", pageCompression=1
    )
    canvas.setViewerPreference("PrintScaling", "None")
    band = HexColor("#1f4e79")
    for number, badge in enumerate(badges):
        if number and number % 8 == 0:
            canvas.showPage()
        row, column = divmod(number % 8, 2)
        x, top = (15 + 90 * column) * MM, (297 - 38.5 - 55 * row) * MM
        canvas.setFillColor(band)
        canvas.rect(x, top - 9 * MM, 90 * MM, 9 * MM, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("NotoSans-Bold", 8)
        canvas.drawString(x + 10, top - 12, badge.tour_title)
        canvas.setFont("NotoSans", 6)
        canvas.drawString(x + 10, top - 22, f"{badge.tour_start} · {badge.host_agency}")
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("NotoSans-Bold", 20)
        canvas.drawString(x + 10, top - 50, badge.given_name)
        canvas.setFont("NotoSans", 14)
        canvas.drawString(x + 10, top - 68, badge.family_name)
        if badge.arabic_name:
            canvas.setFont("NotoNaskhArabic", 12)
            canvas.drawString(x + 10, top - 84, visual(badge.arabic_name))
        canvas.setFont("NotoSans", 7.5)
        canvas.drawString(x + 10, top - 96, badge.organisation)
        canvas.drawString(x + 10, top - 105, badge.country)
        matrix = segno.make_qr(badge.token, error="m").matrix
        module = 20 * MM / len(matrix)
        path = canvas.beginPath()
        for r, line in enumerate(matrix):
            c = 0
            while c < len(line):  # a run of dark modules is one rectangle
                if line[c]:
                    start = c
                    while c < len(line) and line[c]:
                        c += 1
                    path.rect(
                        x + 63 * MM + start * module,
                        top - 12 * MM - (r + 1) * module,
                        (c - start) * module,
                        module,
                    )
                else:
                    c += 1
        canvas.drawPath(path, stroke=0, fill=1)
        symbol = Code128(badge.token, barWidth=1, quiet=0)
        symbol.validate()
        symbol.encode()
        symbol.decompose()
        path, position = canvas.beginPath(), 0
        for letter in symbol.decomposed:
            width = ord(letter.upper()) - 64
            if letter.isupper():
                path.rect(
                    x + 3.5 * MM + position * 0.21 * MM, top - 49 * MM, width * 0.21 * MM, 7 * MM
                )
            position += width
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.setFont("NotoSans", 6)
        canvas.drawCentredString(x + 31 * MM, top - 52 * MM, badge.token)
    canvas.save()


def main(path: str, scratch: str, count: str) -> None:
    folder = Path(scratch)
    with sqlite3.connect(path) as connection:
        ids = [r[0] for r in connection.execute("SELECT id FROM manager ORDER BY id")]
    with open_programme(Path(path), writable=True) as programme:
        wanted, total = [], 0
        for manager_id in ids:
            if total >= int(count):
                break
            found = len(gather_badges(programme, BadgeRequest(managers=(manager_id,))).badges)
            wanted.append(manager_id)
            total += found
        request = BadgeRequest(managers=tuple(wanted))
        badges = list(gather_badges(programme, request).badges)
        export_badges(programme, folder / "warm.pdf", request, reprint=True)
        bare(badges, folder / "warm-bare.pdf")
        start = time.perf_counter()
        export_badges(programme, folder / "ours.pdf", request, reprint=True)
        ours = time.perf_counter() - start
    start = time.perf_counter()
    bare(badges, folder / "bare.pdf")
    print(json.dumps({"ours": ours, "bare": time.perf_counter() - start, "badges": len(badges)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
