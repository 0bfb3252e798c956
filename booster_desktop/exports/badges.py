"""Badges as a PDF: records and a layout in, pages of badges out (no queries here).

Each manager's badge carries the badge token as a QR code (segno's matrix drawn as one vector
path) and as a Code 128 barcode (reportlab's encoder, the bars drawn as one path) for 1D-only
scanners, and in letters for typing by hand. Staff badges show their role in a coloured band
and carry no code. Names shrink to fit their box, then wrap to two lines; Arabic is shaped
and ordered through the shared text path; every font is a shipped TrueType font, embedded.
Every page asks viewers to print at 100%, and a printer's measured correction moves and
scales the whole page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from booster_desktop.domain.badge_data import BadgeData, WeekItem
from booster_desktop.domain.errors import BoosterError
from booster_desktop.exports.badge_layout import BadgeLayout, Box, PrinterCorrection
from booster_desktop.exports.files import write_atomically
from booster_desktop.exports.pdf_text import (
    BODY,
    BOLD,
    PdfText,
    face,
    register_fonts,
    width_of,
    wrap,
)
from booster_desktop.i18n import N_, _, date_range, weekday_short

MM = 72 / 25.4
QR_QUIET_MODULES = 4
BAR_QUIET_MODULES = 10
ROLE_COLOURS = {
    "": "#1f4e79",  # managers
    "expert": "#6a1b9a",
    "speaker": "#00796b",
    "host_contact": "#c4500e",
}
GREY = "#555555"
FLOOR_SIZE = 5.0  # below this, letters are no longer readable on a badge
NO_CORRECTION = PrinterCorrection()

# The roles badges print, translated where they are drawn.
ROLES = {
    "expert": N_("Expert"),
    "speaker": N_("Speaker"),
    "host_contact": N_("Host"),
}


@dataclass(frozen=True)
class Fitted:
    """A text set for its box: the font the shared text path chose, the size, the lines."""

    bold: bool
    size: float
    lines: tuple[str, ...]


def fit(text: str, *, bold: bool, largest: float, smallest: float, width: float) -> Fitted:
    """`text` at the largest size from `largest` down to `smallest` that fits `width` on one
    line; else on two lines at the largest size that fits, broken between words (inside a
    word only when it alone is too wide); never wider than `width`."""
    font = face(text, bold=bold)
    at_one_point = width_of(text, font, 1.0)
    if at_one_point <= 0:
        return Fitted(bold, largest, (text,))
    size = min(largest, width / at_one_point)
    if size >= smallest:
        size = int(size * 4) / 4  # quarter points: steady sizes across badges
        return Fitted(bold, size, (text,))
    size = largest
    while size >= FLOOR_SIZE:
        lines = wrap(text, font, size, width)
        if len(lines) <= 2:
            return Fitted(bold, size, tuple(lines))
        size -= 0.5
    return Fitted(bold, FLOOR_SIZE, tuple(wrap(text, font, FLOOR_SIZE, width)[:2]))


def one_line(text: str, *, bold: bool, largest: float, smallest: float, width: float) -> Fitted:
    """`text` on one line, shrunk down to `smallest` (drawn shortened past that)."""
    at_one_point = width_of(text, face(text, bold=bold), 1.0) or 1.0
    size = max(smallest, min(largest, int(width / at_one_point * 4) / 4))
    return Fitted(bold, size, (text,))


@dataclass(frozen=True)
class FrontGeometry:
    """Where things go on a badge's front, in mm from the badge's top-left corner."""

    band: Box
    names: Box
    qr: Box  # the QR symbol itself; its quiet zone lies around it, clear of ink
    bars: Box  # the Code 128 bars; quiet zones left and right
    token: Box
    qr_modules: int
    bar_modules: int


def code128_bars(value: str) -> tuple[int, list[tuple[int, int]]]:
    """The Code 128 of `value`: its width in modules and its bars as (start, width) modules."""
    from reportlab.graphics.barcode.code128 import Code128

    symbol = Code128(value, barWidth=1, quiet=0)
    symbol.validate()
    symbol.encode()
    symbol.decompose()
    position, bars = 0, []
    for letter in symbol.decomposed:
        width = ord(letter.upper()) - ord("A") + 1
        if letter.isupper():
            bars.append((position, width))
        position += width
    return position, bars


def qr_matrix(value: str) -> list[bytearray]:
    """The QR code of `value`: error correction M or better (segno raises it when the symbol
    stays the same size), no quiet zone (the layout keeps one)."""
    import segno

    return [bytearray(row) for row in segno.make_qr(value, error="m").matrix]


# A token is always the same length, so every badge's codes have the same size.
_SAMPLE_TOKEN = "C" * 21


def front_geometry(layout: BadgeLayout, token: str = _SAMPLE_TOKEN) -> FrontGeometry:
    """The front's boxes for `layout`; refuses a layout too small for the codes."""
    width, height, pad = layout.badge_width, layout.badge_height, layout.padding
    modules = len(qr_matrix(token))
    bar_modules, _bars = code128_bars(token)
    qr_side = layout.qr_size
    qr_quiet = qr_side / modules * QR_QUIET_MODULES
    bars_width = bar_modules * layout.bar_width
    bar_quiet = BAR_QUIET_MODULES * layout.bar_width
    if layout.portrait:
        band = Box(0, 0, width, max(12.0, 0.12 * height))
        names = Box(pad, band.bottom + 3, width - 2 * pad, 0.3 * height)
        qr = Box((width - qr_side) / 2, names.bottom + qr_quiet + 1, qr_side, qr_side)
        bars_height = 12.0
        token_box = Box((width - bars_width) / 2, height - pad - 3.2, bars_width, 3.0)
        bars = Box(token_box.x, token_box.y - 0.6 - bars_height, bars_width, bars_height)
    else:
        band = Box(0, 0, width, max(8.0, 0.16 * height))
        qr = Box(width - max(pad, qr_quiet) - qr_side, band.bottom + qr_quiet, qr_side, qr_side)
        bars_height = 7.0
        left = max(pad, bar_quiet)
        token_box = Box(left, height - pad - 2.4, bars_width, 2.2)
        bars = Box(left, token_box.y - 0.4 - bars_height, bars_width, bars_height)
        names = Box(
            pad + 0.5,
            band.bottom + 1.8,
            qr.x - qr_quiet - pad - 1.0,
            bars.y - 1.2 - (band.bottom + 1.8),
        )
    too_small = (
        bars.x < bar_quiet - 0.01
        or bars.right + bar_quiet > width + 0.01
        or bars.y < qr.bottom + qr_quiet
        or names.width < 25
        or names.height < 15
    )
    if too_small:
        raise BoosterError(
            _(
                "badge layout {name!r}: a {badge_width:g} x {badge_height:g} mm badge "
                "is too small for the name, a QR code and a barcode"
            ).format(
                name=layout.name, badge_width=layout.badge_width, badge_height=layout.badge_height
            )
        )
    return FrontGeometry(band, names, qr, bars, token_box, modules, bar_modules)


def _dates(start: date | None, end: date | None) -> str:
    if start is None or end is None:
        return ""
    if start.year == end.year and start.month == end.month:
        return date_range(start, end)
    return date_range(start, end, short_months=True)


class _Painter:
    """Draws badges on a reportlab canvas (mm from each badge's top-left corner)."""

    def __init__(self, canvas: Any, layout: BadgeLayout) -> None:
        from reportlab.lib.colors import HexColor, white

        self.canvas = canvas
        self.layout = layout
        self.page_height = layout.page_height
        self.geometry = front_geometry(layout)
        self.colours = {role: HexColor(value) for role, value in ROLE_COLOURS.items()}
        self.grey = HexColor(GREY)
        self.white = white
        self.black = HexColor("#000000")
        # Every name and place goes through the shared mixed-script path, which also notes
        # each detail it had to shorten.
        self.text = PdfText()

    # page coordinates: points, from the bottom-left corner
    def _x(self, box: Box, x: float) -> float:
        return (box.x + x) * MM

    def _y(self, box: Box, y: float) -> float:
        return (self.page_height - box.y - y) * MM

    def _text(
        self,
        cell: Box,
        x: float,
        baseline: float,
        fitted: Fitted,
        *,
        width: float,
        colour: Any = None,
        what: str | None = None,
    ) -> float:
        """Draw fitted lines from `baseline` (mm from the badge top), none wider than `width`
        points; the next free y."""
        self.canvas.setFillColor(colour or self.black)
        leading = fitted.size * 1.18 / MM
        y = baseline
        for line in fitted.lines:
            self.text.draw(
                self.canvas,
                self._x(cell, x),
                self._y(cell, y),
                line,
                fitted.size,
                width=width,
                bold=fitted.bold,
                what=what,
            )
            y += leading
        return y - leading + fitted.size * 0.32 / MM

    def front(self, cell: Box, badge: BadgeData) -> None:
        canvas, geometry = self.canvas, self.geometry
        staff = not badge.token
        band = geometry.band
        colour = self.colours.get(badge.role, self.colours[""])
        canvas.setFillColor(colour)
        canvas.rect(
            self._x(cell, band.x),
            self._y(cell, band.bottom),
            band.width * MM,
            band.height * MM,
            stroke=0,
            fill=1,
        )
        inner = band.width - 2 * self.layout.padding
        role = _(ROLES[badge.role]) if staff and badge.role in ROLES else ""
        role_width = 0.0
        if role:
            role_fit = one_line(
                role.upper(), bold=True, largest=11, smallest=7, width=inner / 2 * MM
            )
            self.canvas.setFillColor(self.white)
            drawn = self.text.draw(
                self.canvas,
                self._x(cell, band.right - self.layout.padding),
                self._y(cell, band.y + band.height / 2 + role_fit.size * 0.35 / MM),
                role_fit.lines[0],
                role_fit.size,
                width=inner / 2 * MM,
                bold=True,
                align="right",
                what=_("a role"),
            )
            role_width = drawn / MM + 2
        title_width = (inner - role_width) * MM
        if badge.tour_title:
            self._text(
                cell,
                self.layout.padding,
                band.y + band.height * 0.43,
                one_line(badge.tour_title, bold=True, largest=8, smallest=6, width=title_width),
                width=title_width,
                colour=self.white,
                what=_("a tour's title"),
            )
            detail = " · ".join(
                part
                for part in (_dates(badge.tour_start, badge.tour_end), badge.host_agency)
                if part
            )
            if detail:
                self.text.draw(
                    self.canvas,
                    self._x(cell, self.layout.padding),
                    self._y(cell, band.y + band.height * 0.82),
                    detail,
                    6,
                    width=title_width,
                    what=_("a host agency"),
                )
        names = geometry.names
        if staff:
            names = Box(names.x, names.y, band.width - names.x - self.layout.padding, names.height)
        self._names(cell, names, badge)
        if not staff:
            self._qr(cell, geometry.qr, badge.token)
            self._bars(cell, geometry.bars, badge.token)
            canvas.setFillColor(self.grey)
            token = badge.token
            spaced = " ".join(token[i : i + 4] for i in range(0, len(token), 4))
            self.text.draw(
                canvas,
                self._x(cell, geometry.token.x + geometry.token.width / 2),
                self._y(cell, geometry.token.y + 2.0),
                spaced,
                6,
                align="centre",
                what=None,
            )

    def _names(self, cell: Box, box: Box, badge: BadgeData) -> None:
        width = box.width * MM
        scale = 1.0
        portrait = self.layout.portrait
        big = 26.0 if portrait else 20.0
        # The whole stack must fit the box: shrink every size together when it does not.
        while True:
            stack: list[tuple[Fitted, Any, float]] = []
            # (text, bold, largest as a share of the given name's, smallest in points, gap)
            names = (
                (badge.given_name, True, 1.0, 12, 0.0),
                (badge.family_name, False, 0.7, 9, 0.4),
                (badge.arabic_name, False, 0.6, 8, 0.6),
            )
            for text, bold, share, smallest, gap in names:
                if text:
                    fitted = fit(
                        text,
                        bold=bold,
                        largest=big * share * scale,
                        smallest=smallest * scale,
                        width=width,
                    )
                    stack.append((fitted, None, gap))
            for detail, size in ((badge.organisation, 7.5), (badge.country, 7.0)):
                if detail:
                    stack.append((Fitted(False, size * scale, (detail,)), self.grey, 0.8))
            needed = sum(f.size * 1.18 / MM + gap for f, _c, gap in stack)
            if needed <= box.height or scale < 0.5:
                break
            scale *= 0.9
        y = box.y
        for fitted, colour, gap in stack:
            y += gap + fitted.size * 0.95 / MM
            y = self._text(
                cell, box.x, y, fitted, width=width, colour=colour, what=_("a name or organisation")
            )

    def _qr(self, cell: Box, box: Box, token: str) -> None:
        matrix = qr_matrix(token)
        module = box.width / len(matrix) * MM
        left, top = self._x(cell, box.x), self._y(cell, box.y)
        path = self.canvas.beginPath()
        for row_number, row in enumerate(matrix):
            y = top - (row_number + 1) * module
            column, count = 0, len(row)
            while column < count:
                if row[column]:
                    start = column
                    while column < count and row[column]:
                        column += 1
                    path.rect(left + start * module, y, (column - start) * module, module)
                else:
                    column += 1
        self.canvas.setFillColor(self.black)
        self.canvas.drawPath(path, stroke=0, fill=1)

    def _bars(self, cell: Box, box: Box, token: str) -> None:
        modules, bars = code128_bars(token)
        module = box.width / modules * MM
        left, bottom = self._x(cell, box.x), self._y(cell, box.bottom)
        path = self.canvas.beginPath()
        for start, width in bars:
            path.rect(left + start * module, bottom, width * module, box.height * MM)
        self.canvas.setFillColor(self.black)
        self.canvas.drawPath(path, stroke=0, fill=1)

    def back(self, cell: Box, badge: BadgeData) -> None:
        """The back: whose badge, their week day by day with venues, the emergency phone."""
        canvas, layout = self.canvas, self.layout
        pad = layout.padding
        width = (layout.badge_width - 2 * pad) * MM
        colour = self.colours.get(badge.role, self.colours[""])
        footer = 6.0 if badge.emergency_phone else 0.0
        if footer:
            canvas.setFillColor(colour)
            canvas.rect(
                self._x(cell, 0),
                self._y(cell, layout.badge_height),
                layout.badge_width * MM,
                (footer + pad * 0.4) * MM,
                stroke=0,
                fill=1,
            )
            canvas.setFillColor(self.white)
            self.text.draw(
                canvas,
                self._x(cell, pad),
                self._y(cell, layout.badge_height - (footer + pad * 0.4) / 2 + 1.0),
                # Whole sentences for the catalogue: its extractor cannot see into f-strings.
                _("Emergency: {phone}").format(phone=badge.emergency_phone),
                8,
                width=width,
                bold=True,
                what=_("an emergency phone"),
            )
        heading = one_line(badge.name, bold=True, largest=9, smallest=6, width=width)
        y = self._text(
            cell, pad, pad + heading.size * 0.95 / MM, heading, width=width, what=_("a name")
        )
        if badge.tour_title:
            line = f"{badge.tour_title} · {_dates(badge.tour_start, badge.tour_end)}"
            y = self._text(
                cell,
                pad,
                y + 0.6 + 6 * 0.95 / MM,
                Fitted(False, 6, (line,)),
                width=width,
                colour=self.grey,
                what=_("a tour's title"),
            )
        bottom = layout.badge_height - footer - pad * 0.4 - 1.0
        self._week(cell, badge.week, y + 1.2, bottom, width)

    def _week(
        self, cell: Box, week: Sequence[WeekItem], top: float, bottom: float, width: float
    ) -> None:
        if not week:
            return
        pad = self.layout.padding
        days: dict[date, list[WeekItem]] = {}
        for item in sorted(week, key=lambda i: (i.day, i.start)):
            days.setdefault(item.day, []).append(item)
        for size in (8.0, 7.0, 6.0, 5.5, 5.0):  # the largest that holds the whole week
            leading = size * 1.2 / MM
            lines = len(days) + len(week)
            if lines * leading <= bottom - top or size == 5.0:
                break
        fits = int((bottom - top) / leading)
        y = top + size * 0.95 / MM
        written = 0
        for day, items in days.items():
            if written + 2 > fits:
                break
            self.canvas.setFillColor(self.colours[""])
            self.canvas.setFont(BOLD, size)
            self.canvas.drawString(self._x(cell, pad), self._y(cell, y), weekday_short(day))
            y += leading
            written += 1
            for item in items:
                if written + 1 > fits:
                    break
                text = f"{item.start:%H:%M} {item.title}"
                if item.venue:
                    text += f" · {item.venue}"
                self.canvas.setFillColor(self.black)
                self.text.draw(
                    self.canvas,
                    self._x(cell, pad + 1.5),
                    self._y(cell, y),
                    text,
                    size,
                    width=width - 1.5 * MM,
                    what=None,  # a week's line: shortened as a matter of course
                )
                y += leading
                written += 1

    def cut_marks(self, cells: Sequence[Box]) -> None:
        """Short marks outside the block of badges, in line with every edge to cut along."""
        canvas = self.canvas
        xs = sorted({round(c.x, 3) for c in cells} | {round(c.right, 3) for c in cells})
        ys = sorted({round(c.y, 3) for c in cells} | {round(c.bottom, 3) for c in cells})
        left, right = min(xs), max(xs)
        top, bottom = min(ys), max(ys)
        gap, length = 2.0, 6.0
        canvas.setStrokeColor(self.black)
        canvas.setLineWidth(0.3)
        whole = Box(0, 0, 0, 0)
        for x in xs:
            for start, end in (
                (top - gap, top - gap - length),
                (bottom + gap, bottom + gap + length),
            ):
                canvas.line(
                    self._x(whole, x), self._y(whole, start), self._x(whole, x), self._y(whole, end)
                )
        for y in ys:
            for start, end in (
                (left - gap, left - gap - length),
                (right + gap, right + gap + length),
            ):
                canvas.line(
                    self._x(whole, start), self._y(whole, y), self._x(whole, end), self._y(whole, y)
                )


def _canvas(stream: BinaryIO, layout: BadgeLayout, title: str, duplex: bool) -> Any:
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    canvas = Canvas(
        stream,
        pagesize=(layout.page_width * MM, layout.page_height * MM),
        initialFontName=BODY,
        pageCompression=1,
    )
    canvas.setTitle(title)
    canvas.setCreator("Booster Desktop")
    # Print dialogs otherwise often shrink pages to fit (94-97 %), which moves every label.
    canvas.setViewerPreference("PrintScaling", "None")
    if duplex:
        canvas.setViewerPreference("Duplex", "DuplexFlipLongEdge")
    return canvas


def _begin_page(canvas: Any, layout: BadgeLayout, correction: PrinterCorrection) -> None:
    """Start a page with the printer's correction as the page's transformation."""
    canvas.saveState()
    if correction.is_identity:
        return
    centre_x, centre_y = layout.page_width / 2 * MM, layout.page_height / 2 * MM
    factor = correction.scale / 100
    canvas.translate(centre_x + correction.x * MM, centre_y - correction.y * MM)
    canvas.scale(factor, factor)
    canvas.translate(-centre_x, -centre_y)


def _end_page(canvas: Any) -> None:
    canvas.restoreState()
    canvas.showPage()


def badges_pdf(
    badges: Sequence[BadgeData],
    layout: BadgeLayout,
    stream: BinaryIO,
    *,
    correction: PrinterCorrection = NO_CORRECTION,
    back: bool = False,
    title: str = "Badges",
    progress: Any = None,
    notes: list[str] | None = None,
) -> int:
    """Draw `badges` on pages of `layout` into `stream`; returns the number of pages.

    With `back`, each sheet is followed by its backs, mirrored for long-edge duplex.
    `progress(done, total, what)` is called as badges are drawn (it may raise Cancelled);
    `notes` receives a line for each detail that had to be shortened to fit.
    """
    if not badges:
        raise BoosterError(_("nobody to print"))
    layout.check_correction(correction)
    canvas = _canvas(stream, layout, title, back)
    painter = _Painter(canvas, layout)
    per_page, total, pages = layout.per_page, len(badges), 0
    for first in range(0, total, per_page):
        sheet = badges[first : first + per_page]
        _begin_page(canvas, layout, correction)
        cells = [layout.cell(i) for i in range(len(sheet))]
        if layout.cut_marks:
            painter.cut_marks([layout.cell(i) for i in range(per_page)])
        for number, (cell, badge) in enumerate(zip(cells, sheet, strict=True)):
            painter.front(cell, badge)
            done = first + number + 1
            if progress is not None and (done % 10 == 0 or done == total):
                progress(done, total, _("Drawing badges"))
        _end_page(canvas)
        pages += 1
        if back:
            _begin_page(canvas, layout, correction)
            if layout.cut_marks:
                painter.cut_marks([layout.back_cell(i) for i in range(per_page)])
            for number, badge in enumerate(sheet):
                painter.back(layout.back_cell(number), badge)
            _end_page(canvas)
            pages += 1
    canvas.save()
    if notes is not None:
        notes.extend(dict.fromkeys(painter.text.shortened))
    return pages


def write_badges(
    badges: Sequence[BadgeData],
    layout: BadgeLayout,
    target: Path,
    *,
    correction: PrinterCorrection = NO_CORRECTION,
    back: bool = False,
    title: str = "Badges",
    progress: Any = None,
    notes: list[str] | None = None,
) -> int:
    """Write the badges' PDF to `target` (all of it, or nothing); returns the pages."""
    pages = 0

    def write(stream: BinaryIO) -> None:
        nonlocal pages
        pages = badges_pdf(
            badges,
            layout,
            stream,
            correction=correction,
            back=back,
            title=title,
            progress=progress,
            notes=notes,
        )

    # Checked before a file is opened, so that a refused correction writes nothing.
    layout.check_correction(correction)
    write_atomically(target, write)
    return pages


# -- the calibration page ------------------------------------------------------------------------


def _ruler(canvas: Any, layout: BadgeLayout, painter: _Painter) -> None:
    """Millimetre rulers along the top and left edges, numbered every 10 mm from the edge."""
    whole = Box(0, 0, 0, 0)
    canvas.setStrokeColor(painter.black)
    canvas.setFillColor(painter.black)
    canvas.setLineWidth(0.25)
    canvas.setFont(BODY, 5)
    for mm in range(int(layout.page_width) + 1):
        tick = 4.0 if mm % 10 == 0 else 2.5 if mm % 5 == 0 else 1.5
        canvas.line(
            painter._x(whole, mm),
            painter._y(whole, 0),
            painter._x(whole, mm),
            painter._y(whole, tick),
        )
        if mm % 10 == 0 and mm:
            canvas.drawCentredString(painter._x(whole, mm), painter._y(whole, 6.2), str(mm))
    for mm in range(int(layout.page_height) + 1):
        tick = 4.0 if mm % 10 == 0 else 2.5 if mm % 5 == 0 else 1.5
        canvas.line(
            painter._x(whole, 0),
            painter._y(whole, mm),
            painter._x(whole, tick),
            painter._y(whole, mm),
        )
        if mm % 10 == 0 and mm:
            canvas.drawString(painter._x(whole, 4.8), painter._y(whole, mm + 0.7), str(mm))


CALIBRATION_STEPS = (
    N_(
        'Print this page on plain paper at 100% ("Actual size"; turn off "Fit '
        'to page" and "Shrink").'
    ),
    N_(
        "Measure the 100 mm lines. If one prints as 98.5 mm, the scale is 100 "
        "/ 98.5 x 100 = 101.5%."
    ),
    N_("Hold the page over a sheet of labels against the light."),
    N_("Measure how far the outlines lie from the labels: right and down are positive, in mm."),
    N_(
        "Type the offset (x, y) and the scale into Print badges, then print "
        "this page again to check."
    ),
)


def calibration_pdf(
    layout: BadgeLayout, stream: BinaryIO, correction: PrinterCorrection = NO_CORRECTION
) -> int:
    """The calibration sheet of `layout`: rulers, two 100 mm lines and every badge's outline,
    with the printer's correction applied; a second page says how to use it."""
    layout.check_correction(correction)
    canvas = _canvas(stream, layout, _("Calibration: {title}").format(title=layout.title), False)
    painter = _Painter(canvas, layout)
    whole = Box(0, 0, 0, 0)
    _begin_page(canvas, layout, correction)
    _ruler(canvas, layout, painter)
    canvas.setLineWidth(0.4)
    grey = painter.grey
    for index in range(layout.per_page):
        cell = layout.cell(index)
        canvas.setStrokeColor(painter.black)
        canvas.roundRect(
            cell.x * MM,
            (layout.page_height - cell.bottom) * MM,
            cell.width * MM,
            cell.height * MM,
            layout.corner_radius * MM,
            stroke=1,
            fill=0,
        )
        centre_x, centre_y = cell.x + cell.width / 2, cell.y + cell.height / 2
        canvas.setStrokeColor(grey)
        canvas.line(
            painter._x(whole, centre_x - 3),
            painter._y(whole, centre_y),
            painter._x(whole, centre_x + 3),
            painter._y(whole, centre_y),
        )
        canvas.line(
            painter._x(whole, centre_x),
            painter._y(whole, centre_y - 3),
            painter._x(whole, centre_x),
            painter._y(whole, centre_y + 3),
        )
        canvas.setFillColor(grey)
        canvas.setFont(BODY, 7)
        canvas.drawString(
            painter._x(whole, cell.x + 2), painter._y(whole, cell.y + 4), str(index + 1)
        )
    # Two 100 mm lines through the page's centre, with end ticks.
    canvas.setStrokeColor(painter.colours[""])
    canvas.setLineWidth(0.5)
    middle_x, middle_y = layout.page_width / 2, layout.page_height / 2
    canvas.line(
        painter._x(whole, middle_x - 50),
        painter._y(whole, middle_y),
        painter._x(whole, middle_x + 50),
        painter._y(whole, middle_y),
    )
    canvas.line(
        painter._x(whole, middle_x),
        painter._y(whole, middle_y - 50),
        painter._x(whole, middle_x),
        painter._y(whole, middle_y + 50),
    )
    for end in (-50, 50):
        canvas.line(
            painter._x(whole, middle_x + end),
            painter._y(whole, middle_y - 2),
            painter._x(whole, middle_x + end),
            painter._y(whole, middle_y + 2),
        )
        canvas.line(
            painter._x(whole, middle_x - 2),
            painter._y(whole, middle_y + end),
            painter._x(whole, middle_x + 2),
            painter._y(whole, middle_y + end),
        )
    canvas.setFillColor(painter.colours[""])
    canvas.setFont(BOLD, 7)
    canvas.drawString(
        painter._x(whole, middle_x + 20), painter._y(whole, middle_y - 1.2), _("100 mm")
    )
    canvas.setFont(BOLD, 7)
    canvas.setFillColor(painter.black)
    canvas.drawString(
        painter._x(whole, 12),
        painter._y(whole, 10),
        _("Print at 100% (Actual size), never Fit to page") + f" · {layout.title}",
    )
    _end_page(canvas)
    _begin_page(canvas, layout, PrinterCorrection())
    canvas.setFont(BOLD, 11)
    canvas.drawString(
        painter._x(whole, 12), painter._y(whole, 18), _("Calibrating a printer for badges")
    )
    canvas.setFont(BODY, 8)
    y = 26.0
    text_width = (layout.page_width - 24) * MM
    for number, step in enumerate(CALIBRATION_STEPS, 1):
        for line in wrap(f"{number}. {_(step)}", BODY, 8, text_width):
            canvas.drawString(painter._x(whole, 12), painter._y(whole, y), line)
            y += 4.0
        y += 1.5
    canvas.drawString(
        painter._x(whole, 12),
        painter._y(whole, y + 2),
        _("Correction on this page: x {x} mm, y {y} mm, scale {scale}%").format(
            x=f"{correction.x:g}", y=f"{correction.y:g}", scale=f"{correction.scale:g}"
        ),
    )
    _end_page(canvas)
    canvas.save()
    return 2


def write_calibration(
    layout: BadgeLayout, target: Path, correction: PrinterCorrection = NO_CORRECTION
) -> None:
    layout.check_correction(correction)

    def write(stream: BinaryIO) -> None:
        calibration_pdf(layout, stream, correction)

    write_atomically(target, write)
