"""The agenda booklet: an A4 PDF a participant reads from the cover to the last page.

A cover naming the tour (or the participant) with the contacts to call, the week at a glance
on one page (the grid the agenda editor shows), then the days running on, a day starting a
new page only when it does not fit, and the participants, proposed ones marked.

Drawn from `domain.agenda` records (the service gathers them; this module does not query).
Every name and place goes through `pdf_text.PdfText`, in headers and footers too; a value too
long for its place is shortened and noted, never a reason to fail the whole booklet. Every
font is a shipped TrueType font, embedded: the document and every table name one, because
reportlab otherwise starts pages and tables in an unembedded Helvetica.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from booster_desktop.domain.agenda import Agenda, AgendaItem, Participant, TourAgenda
from booster_desktop.domain.errors import BoosterError
from booster_desktop.exports.files import write_atomically
from booster_desktop.exports.pdf_text import (
    ARABIC,
    BODY,
    BOLD,
    PdfText,
    has_arabic,
    register_fonts,
)
from booster_desktop.i18n import N_, _, date_range, long_date, weekday_day_month

# How each kind of item looks: a label and its colour, so the week reads at a glance.
KIND_STYLE = {
    "training": (N_("Training"), "#1f6fb2"),
    "visit": (N_("Benchmarking visit"), "#2e8b57"),
    "transfer": (N_("Transfer"), "#7a7a7a"),
    "meal": (N_("Meal"), "#b5651d"),
    "networking": (N_("Networking"), "#8e44ad"),
    "other": (N_("Other"), "#555555"),
}

POINTS_PER_MM = 72 / 25.4
CELL_PADDING = 12  # points, left and right together (reportlab's default)
PAGE_MARGIN = 20  # mm, left and right
TEXT_WIDTH = 170  # mm: A4 less the margins
GLANCE_HEIGHT = 225  # mm: the week-at-a-glance grid, on a page of its own


def _cell(millimetres: float) -> float:
    """The width, in points, that text has in a table column that many millimetres wide."""
    return millimetres * POINTS_PER_MM - CELL_PADDING


ITEM_WIDTH = _cell(142)


def _arabic_only(text: str) -> bool:
    """Arabic with no Latin letters: a paragraph set flush right."""
    return has_arabic(text) and not any("a" <= c.lower() <= "z" for c in text)


def _long_date(day: date) -> str:
    return long_date(day)


def _dates(start: date, end: date) -> str:
    return date_range(start, end)


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


class _Styles:
    def __init__(self) -> None:
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        self.colors = colors
        self.body = ParagraphStyle("body", fontName=BODY, fontSize=9, leading=12)
        self.small = ParagraphStyle(
            "small", parent=self.body, fontSize=8, leading=10, textColor=colors.HexColor("#444444")
        )
        self.title = ParagraphStyle("title", fontName=BOLD, fontSize=24, leading=30, spaceAfter=10)
        self.subtitle = ParagraphStyle(
            "subtitle", fontName=BODY, fontSize=14, leading=19, spaceAfter=4
        )
        self.heading = ParagraphStyle(
            "heading", fontName=BOLD, fontSize=14, leading=18, spaceBefore=10, spaceAfter=6
        )
        self.label = ParagraphStyle("label", parent=self.body, fontName=BOLD)
        # A participant's name, with room for its "proposed" mark on a second, smaller line.
        self.name = ParagraphStyle("name", parent=self.body, leading=10.5)
        self.item_title = ParagraphStyle(
            "item", parent=self.body, fontName=BOLD, fontSize=10, leading=13
        )
        self.time = ParagraphStyle("time", parent=self.body, fontName=BOLD)
        # Arabic reads from the right: its paragraphs are set flush right.
        # Names in Arabic are set in the Arabic font itself: no font tag in each cell.
        self.right_to_left = ParagraphStyle(
            "rtl", parent=self.body, fontName=ARABIC, alignment=TA_RIGHT
        )
        self.small_rtl = ParagraphStyle("small_rtl", parent=self.small, alignment=TA_RIGHT)
        self.title_rtl = ParagraphStyle("title_rtl", parent=self.title, alignment=TA_RIGHT)


class _Booklet:
    """One booklet being laid out: its styles, its text setter, its flowables."""

    def __init__(self, agenda: Agenda, *, confirmed_only: bool = False) -> None:
        self.agenda = agenda
        self.confirmed_only = confirmed_only
        self.styles = _Styles()
        self.text = PdfText()

    def paragraph(
        self,
        text: str,
        style: Any,
        *,
        width: float | None = None,
        lines: int | None = None,
        what: str | None = None,
        prefix: str = "",
        suffix: str = "",
    ) -> Any:
        from reportlab.platypus import Paragraph

        bold = style.fontName in (BOLD,)
        shown = self.text.markup(
            text,
            width,
            style.fontSize,
            bold=bold,
            lines=lines,
            what=what or _("a text"),
            base=style.fontName,
        )
        return Paragraph(prefix + shown + suffix, style)

    # -- the cover -------------------------------------------------------------------------------

    def cover(self) -> list[Any]:
        from reportlab.platypus import Spacer

        styles, width = self.styles, _cell(TEXT_WIDTH + CELL_PADDING / POINTS_PER_MM)
        story: list[Any] = [*self._logo(), Spacer(1, 40)]
        agenda = self.agenda
        if agenda.for_manager is not None:
            story.append(self.paragraph(_("Personal agenda"), styles.subtitle))
            name_style = styles.title_rtl if _arabic_only(agenda.for_manager) else styles.title
            story.append(
                self.paragraph(
                    agenda.for_manager, name_style, width=width, lines=2, what=_("the name")
                )
            )
            if agenda.for_manager_arabic:
                story.append(
                    self.paragraph(
                        agenda.for_manager_arabic,
                        styles.title_rtl,
                        width=width,
                        lines=2,
                        what=_("the name in Arabic"),
                    )
                )
            for tour in agenda.tours:
                story.append(
                    self.paragraph(
                        f"{tour.title} · {_dates(tour.start, tour.end)}",
                        styles.subtitle,
                        width=width,
                        lines=2,
                        what=_("tour {code}'s title").format(code=tour.code),
                    )
                )
        else:
            tour = agenda.tours[0]
            story.append(
                self.paragraph(
                    tour.title,
                    styles.title,
                    width=width,
                    lines=3,
                    what=_("tour {code}'s title").format(code=tour.code),
                )
            )
            # The region once: most titles already name it.
            if tour.region and tour.region.casefold() not in tour.title.casefold():
                story.append(self.paragraph(tour.region, styles.subtitle, width=width, lines=2))
            place = f"{_dates(tour.start, tour.end)}" + (f" · {tour.city}" if tour.city else "")
            story.append(self.paragraph(place, styles.subtitle, width=width, lines=2))
            if tour.host_agency:
                story.append(
                    self.paragraph(
                        _("Hosted by {host_agency}").format(host_agency=tour.host_agency),
                        styles.subtitle,
                        width=width,
                        lines=2,
                    )
                )
            if tour.focus_topics:
                story.append(Spacer(1, 10))
                story.append(
                    self.paragraph(
                        _("Focus topics: ") + ", ".join(tour.focus_topics),
                        styles.body,
                        width=width,
                        lines=4,
                    )
                )
        story.append(Spacer(1, 24))
        story += self._contacts()
        return story

    def _logo(self) -> list[Any]:
        logo = self.agenda.details.logo
        if not logo:
            return []
        from reportlab.lib.units import mm
        from reportlab.lib.utils import ImageReader
        from reportlab.platypus import Image

        try:
            reader = ImageReader(BytesIO(logo))
            pixels_wide, pixels_high = reader.getSize()
        except Exception:
            self.text.shortened.append(_("the programme's logo could not be read and was left out"))
            return []
        scale = min(50 * mm / pixels_wide, 22 * mm / pixels_high)
        image = Image(BytesIO(logo), width=pixels_wide * scale, height=pixels_high * scale)
        image.hAlign = "LEFT"
        return [image]

    def _contacts(self) -> list[Any]:
        """Who to call: the coordinator, the emergency phone, each tour's hotel and contact."""
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, Table, TableStyle

        styles, details = self.styles, self.agenda.details
        value_width = _cell(TEXT_WIDTH - 38)
        rows: list[list[Any]] = []

        def add(label: str, *values: str, what: str) -> None:
            shown = [v for v in values if v]
            if not shown:
                return
            cell = [
                self.paragraph(value, styles.body, width=value_width, lines=2, what=what)
                for value in shown
            ]
            rows.append([Paragraph(label, styles.label), cell])

        add(
            _("Coordinator"),
            ", ".join(v for v in (details.coordinator_name, details.coordinator_title) if v),
            details.coordinator_phone,
            details.coordinator_email,
            what=_("the coordinator's details"),
        )
        add(_("Emergencies"), details.emergency_phone, what=_("the emergency phone"))
        several = len(self.agenda.tours) > 1
        for tour in self.agenda.tours:
            stay, suffix = tour.stay, f" ({tour.code})" if several else ""
            add(
                _("Hotel{suffix}").format(suffix=suffix),
                stay.hotel_name,
                stay.hotel_address,
                stay.hotel_phone,
                what=_("tour {code}'s hotel").format(code=tour.code),
            )
            add(
                _("On site{suffix}").format(suffix=suffix),
                stay.contact_name,
                stay.contact_phone,
                stay.contact_email,
                what=_("tour {code}'s contact").format(code=tour.code),
            )
        if not rows:
            return []
        table = Table(rows, colWidths=[38 * mm, (TEXT_WIDTH - 38) * mm], hAlign="LEFT")
        colours = styles.colors
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), BODY),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.75, colours.HexColor("#333333")),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colours.HexColor("#cccccc")),
                ]
            )
        )
        return [Paragraph(_("Contacts"), styles.heading), table]

    # -- each tour -------------------------------------------------------------------------------

    def tour(self, tour: TourAgenda) -> list[Any]:
        from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph

        styles = self.styles
        several = len(self.agenda.tours) > 1
        prefix = f"{tour.code} · " if several else ""
        story: list[Any] = [
            PageBreak(),
            self.paragraph(
                _("{prefix}The week at a glance").format(prefix=prefix),
                styles.heading,
                width=_cell(TEXT_WIDTH),
                lines=1,
            ),
            week_grid(tour, self.text),
            PageBreak(),
            Paragraph(
                _("Day by day · times are local ({time_zone})").format(time_zone=tour.time_zone),
                styles.small,
            ),
        ]
        for day, items in tour.days():
            block: list[Any] = [Paragraph(prefix + _long_date(day), styles.heading)]
            if not tour.start <= day <= tour.end:
                block.append(Paragraph(_("Outside the tour's dates."), styles.small))
            if items:
                block.append(self._day_table(items))
            else:
                block.append(Paragraph(_("Nothing planned."), styles.body))
            # A day starts a new page only when it does not fit on this one.
            story.append(KeepTogether(block))
        people = [p for p in tour.participants if not (self.confirmed_only and p.proposed)]
        story.append(CondPageBreak(60))
        story.append(
            self.paragraph(
                f"{prefix}Participants", styles.heading, width=_cell(TEXT_WIDTH), lines=1
            )
        )
        if any(p.proposed for p in people):
            story.append(
                Paragraph(_("<i>proposed</i>: expected, not yet confirmed."), styles.small)
            )
        story.append(self._participants_table(tour.code, people))
        return story

    def _item_cell(self, item: AgendaItem) -> list[Any]:
        from reportlab.platypus import Paragraph

        styles = self.styles
        label, colour = KIND_STYLE.get(item.kind, KIND_STYLE["other"])
        label = _(label)
        what = _("session {id}'s").format(id=item.id)
        lines = [
            Paragraph(f'<font color="{colour}">{label.upper()}</font>', styles.small),
            self.paragraph(
                item.title,
                styles.item_title,
                width=ITEM_WIDTH,
                lines=3,
                what=_("{what} title").format(what=what),
            ),
        ]
        where = ", ".join(p for p in (item.venue, item.address) if p)
        if where:
            lines.append(
                self.paragraph(
                    where,
                    styles.body,
                    width=ITEM_WIDTH,
                    lines=3,
                    what=_("{what} place").format(what=what),
                )
            )
        if item.transfer:
            lines.append(
                self.paragraph(
                    item.transfer,
                    styles.small,
                    width=ITEM_WIDTH - 60,
                    lines=1,
                    prefix=_("Getting there: "),
                    what=_("{what} transfer").format(what=what),
                )
            )
        if item.speakers:
            lines.append(
                self.paragraph(
                    ", ".join(item.speakers),
                    styles.body,
                    width=ITEM_WIDTH - 25,
                    lines=2,
                    prefix=_("With "),
                    what=_("{what} speakers").format(what=what),
                )
            )
        if item.contacts:
            lines.append(
                self.paragraph(
                    "; ".join(item.contacts),
                    styles.body,
                    width=ITEM_WIDTH - 70,
                    lines=2,
                    prefix=_("Host contact: "),
                    what=_("{what} host contact").format(what=what),
                )
            )
        if item.topics:
            tags = " ".join(f"#{t}" for t in item.topics)
            lines.append(
                self.paragraph(
                    tags,
                    styles.small,
                    width=ITEM_WIDTH,
                    lines=2,
                    prefix='<font color="#1f6fb2">',
                    suffix="</font>",
                    what=_("{what} topics").format(what=what),
                )
            )
        if item.description:
            style = styles.small_rtl if _arabic_only(item.description) else styles.small
            # A description wraps and may run across pages; it is never shortened.
            lines.append(self.paragraph(item.description, style, width=ITEM_WIDTH))
        return lines

    def _day_table(self, items: Sequence[AgendaItem]) -> Any:
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, Table, TableStyle

        styles = self.styles
        rows = [
            [
                Paragraph(f"{item.start:%H:%M}–{item.end:%H:%M}", styles.time),
                self._item_cell(item),
            ]
            for item in items
        ]
        # A row may split across pages: an item with a very long description must still print.
        table = Table(rows, colWidths=[28 * mm, 142 * mm], repeatRows=0, splitInRow=1)
        colours = styles.colors
        style = [
            ("FONTNAME", (0, 0), (-1, -1), BODY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colours.HexColor("#cccccc")),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
        ]
        for row, item in enumerate(items):
            colour = KIND_STYLE.get(item.kind, KIND_STYLE["other"])[1]
            style.append(("LINEBEFORE", (0, row), (0, row), 3, colours.HexColor(colour)))
        table.setStyle(TableStyle(style))
        return table

    def _participants_table(self, code: str, people: Sequence[Participant]) -> Any:
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, Table, TableStyle

        styles = self.styles
        header = [
            Paragraph(f"<b>{h}</b>", styles.body)
            for h in (
                "#",
                _("Name"),
                _("Name in Arabic"),
                _("Country"),
                _("Cluster / organisation"),
            )
        ]
        rows: list[list[Any]] = [header]
        for number, person in enumerate(people, 1):
            who = _("participant {value} of {code}:").format(
                value=person.manager_id or number, code=code
            )
            # One paragraph, the mark on its own line: half the paragraphs of a long list.
            mark = _('<br/><font size="7"><i>proposed</i></font>')
            name = self.paragraph(
                person.name,
                styles.name,
                width=_cell(45),
                lines=2,
                what=_("{who} name").format(who=who),
                suffix=mark if person.proposed else "",
            )
            rows.append(
                [
                    Paragraph(str(number), styles.small),
                    name,
                    self.paragraph(
                        person.arabic_name,
                        styles.right_to_left,
                        width=_cell(40),
                        lines=2,
                        what=_("{who} name in Arabic").format(who=who),
                    ),
                    self.paragraph(
                        person.country,
                        styles.body,
                        width=_cell(25),
                        lines=2,
                        what=_("{who} country").format(who=who),
                    ),
                    self.paragraph(
                        person.organisation,
                        styles.small,
                        width=_cell(50),
                        lines=2,
                        what=_("{who} organisation").format(who=who),
                    ),
                ]
            )
        table = Table(rows, colWidths=[10 * mm, 45 * mm, 40 * mm, 25 * mm, 50 * mm], repeatRows=1)
        colours = styles.colors
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), BODY),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (2, 1), (2, -1), "RIGHT"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.75, colours.HexColor("#333333")),
                    (
                        "ROWBACKGROUNDS",
                        (0, 1),
                        (-1, -1),
                        [colours.white, colours.HexColor("#f3f6f9")],
                    ),
                ]
            )
        )
        return table


def week_grid(tour: TourAgenda, text: PdfText) -> Any:
    """The week at a glance: a column per day, time running down, items as coloured blocks
    with their start and title (shortened to the block; the day pages have them whole)."""
    from reportlab.platypus import Flowable

    class WeekGrid(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            self.height = min(available_height, GLANCE_HEIGHT * POINTS_PER_MM)
            return self.width, self.height

        def draw(self) -> None:
            _draw_week(self.canv, tour, text, self.width, self.height)

    return WeekGrid()


def _lanes(items: Sequence[AgendaItem]) -> list[tuple[AgendaItem, int, int]]:
    """Each item of a day with its lane and the lanes its overlapping group needs."""
    placed: list[tuple[AgendaItem, int]] = []
    group: list[tuple[AgendaItem, int]] = []
    result: list[tuple[AgendaItem, int, int]] = []
    group_end = -1

    def close() -> None:
        width = max((lane for _, lane in group), default=0) + 1
        result.extend((item, lane, width) for item, lane in group)

    for item in sorted(items, key=lambda i: (i.start, i.end, i.id)):
        if _minutes(item.start) >= group_end and group:
            close()
            group, placed = [], []
        taken = {lane for other, lane in placed if _minutes(other.end) > _minutes(item.start)}
        lane = next(n for n in range(len(items) + 1) if n not in taken)
        placed.append((item, lane))
        group.append((item, lane))
        group_end = max(group_end, _minutes(item.end))
    if group:
        close()
    return result


def _draw_week(canvas: Any, tour: TourAgenda, text: PdfText, width: float, height: float) -> None:
    from reportlab.lib import colors

    days = tour.days()
    starts = [_minutes(i.start) for i in tour.items] or [8 * 60]
    ends = [_minutes(i.end) for i in tour.items] or [18 * 60]
    first = min(8 * 60, min(starts) // 60 * 60)
    last = max(18 * 60, -(-max(ends) // 60) * 60)
    gutter, header, legend = 30.0, 16.0, 14.0
    column = (width - gutter) / max(1, len(days))
    scale = (height - header - legend) / (last - first)
    top = height - header

    def y(minutes: int) -> float:
        return top - (minutes - first) * scale

    canvas.saveState()
    canvas.setLineWidth(0.5)
    grey = colors.HexColor("#cccccc")
    for index, (day, _items) in enumerate(days):
        x = gutter + index * column
        outside = not tour.start <= day <= tour.end
        canvas.setStrokeColor(grey)
        canvas.setFillColor(colors.HexColor("#fff4e5" if outside else "#ffffff"))
        canvas.rect(x, y(last), column, y(first) - y(last), stroke=1, fill=1)
    for hour in range(first // 60, last // 60 + 1):
        line_y = y(hour * 60)
        canvas.setStrokeColor(colors.HexColor("#e6e6e6"))
        canvas.line(gutter, line_y, width, line_y)
        canvas.setFillColor(colors.HexColor("#666666"))
        text.draw(canvas, gutter - 3, line_y - 2.5, f"{hour:02d}:00", 7, align="right", what=None)
    for index, (day, items) in enumerate(days):
        x = gutter + index * column
        canvas.setFillColor(colors.black)
        text.draw(
            canvas,
            x + column / 2,
            top + 4,
            weekday_day_month(day),
            8,
            bold=True,
            align="centre",
            width=column - 4,
            what=None,
        )
        for item, lane, lanes in _lanes(items):
            _draw_block(canvas, text, item, x, column, lane, lanes, y)
    # The legend: what each colour means.
    x = gutter
    for _kind, (label, colour) in KIND_STYLE.items():
        canvas.setFillColor(colors.HexColor(colour))
        canvas.rect(x, 2, 8, 8, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        x += 11 + text.draw(canvas, x + 11, 3, _(label), 7, what=None) + 8
    canvas.restoreState()


def _draw_block(
    canvas: Any,
    text: PdfText,
    item: AgendaItem,
    x: float,
    column: float,
    lane: int,
    lanes: int,
    y: Any,
) -> None:
    from reportlab.lib import colors

    colour = colors.HexColor(KIND_STYLE.get(item.kind, KIND_STYLE["other"])[1])
    lane_width = (column - 4) / lanes
    left = x + 2 + lane * lane_width
    block_top, block_bottom = y(_minutes(item.start)), y(_minutes(item.end))
    height = max(8.0, block_top - block_bottom)
    fill = colors.Color(colour.red, colour.green, colour.blue, alpha=0.18)
    canvas.setFillColor(fill)
    canvas.setStrokeColor(colour)
    canvas.rect(left, block_top - height, lane_width - 1, height, stroke=1, fill=1)
    canvas.setFillColor(colors.black)
    size, leading = 6.5, 7.5
    room = lane_width - 5
    lines = max(1, int((height - 2) / leading))
    label = f"{item.start:%H:%M} {item.title}"
    # Shortened to its block without a note: the day pages print the title whole.
    text.draw_lines(
        canvas,
        left + 2,
        block_top - 7,
        label,
        size,
        width=room,
        lines=lines,
        leading=leading,
        what=None,
    )


def agenda_pdf(agenda: Agenda, stream: BinaryIO, *, confirmed_only: bool = False) -> list[str]:
    """Lay the booklet out into `stream`; returns a note for each value it shortened."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    booklet = _Booklet(agenda, confirmed_only=confirmed_only)
    personal = agenda.for_manager is not None
    title = (
        _("Agenda of {for_manager}").format(for_manager=agenda.for_manager)
        if personal
        else agenda.tours[0].title
    )
    document = SimpleDocTemplate(
        stream,
        pagesize=A4,
        leftMargin=PAGE_MARGIN * mm,
        rightMargin=PAGE_MARGIN * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title[:500],
        author="Booster Desktop",
        initialFontName=BODY,
    )
    footer = " · ".join([*(t.code for t in agenda.tours), title])
    # The footer is drawn on every page: a name too long for it is noted once, not per page.
    footer_text = PdfText()

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColorRGB(0.27, 0.27, 0.27)
        footer_text.draw(
            canvas,
            PAGE_MARGIN * mm,
            10 * mm,
            footer,
            8,
            width=(TEXT_WIDTH - 20) * mm,
            what=_("the running footer"),
        )
        footer_text.draw(
            canvas,
            A4[0] - PAGE_MARGIN * mm,
            10 * mm,
            _("page {page}").format(page=doc.page),
            8,
            align="right",
        )
        canvas.restoreState()

    story = booklet.cover()
    for tour in agenda.tours:
        story += booklet.tour(tour)

    from reportlab.platypus.doctemplate import LayoutError

    try:
        document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    except LayoutError as error:
        first_line = str(error).splitlines()[0][:160]
        raise BoosterError(
            _("the agenda cannot be laid out on A4 pages ({first_line})").format(
                first_line=first_line
            )
        ) from None
    return list(dict.fromkeys([*booklet.text.shortened, *footer_text.shortened]))


def write_agenda(agenda: Agenda, target: Path, *, confirmed_only: bool = False) -> list[str]:
    """Write the booklet to `target` (all of it, or nothing); a note per shortened value."""
    notes: list[str] = []

    def write(stream: BinaryIO) -> None:
        notes.extend(agenda_pdf(agenda, stream, confirmed_only=confirmed_only))

    write_atomically(target, write)
    return notes
