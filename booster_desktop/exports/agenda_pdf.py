"""The agenda booklet: an A4 PDF with a cover, a page per day, and the participants.

Drawn from `domain.agenda` records (the service gathers them; this module does not query).
Every font is a shipped TrueType font, embedded: the document and every table name one,
because reportlab otherwise starts pages and tables in an unembedded Helvetica.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from booster_desktop.domain.agenda import Agenda, AgendaItem, TourAgenda
from booster_desktop.domain.errors import BoosterError
from booster_desktop.exports.files import write_atomically
from booster_desktop.exports.pdf_text import BODY, BOLD, has_arabic, markup, register_fonts

# How each kind of item looks: a label and its colour, so the week reads at a glance.
KIND_STYLE = {
    "training": ("Training", "#1f6fb2"),
    "visit": ("Benchmarking visit", "#2e8b57"),
    "transfer": ("Transfer", "#7a7a7a"),
    "meal": ("Meal", "#b5651d"),
    "networking": ("Networking", "#8e44ad"),
    "other": ("Other", "#555555"),
}


POINTS_PER_MM = 72 / 25.4
CELL_PADDING = 12  # points, left and right together (reportlab's default)


def _cell(millimetres: float) -> float:
    """The width, in points, that text has in a table column that many millimetres wide."""
    return millimetres * POINTS_PER_MM - CELL_PADDING


ITEM_WIDTH = _cell(142)


def _arabic_only(text: str) -> bool:
    """Arabic with no Latin letters: a paragraph set flush right."""
    return has_arabic(text) and not any("a" <= c.lower() <= "z" for c in text)


def _long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _dates(start: date, end: date) -> str:
    if start.year == end.year and start.month == end.month:
        return f"{start.day}–{end.day} {end:%B %Y}"
    return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"


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
        self.title = ParagraphStyle("title", fontName=BOLD, fontSize=26, leading=32, spaceAfter=12)
        self.subtitle = ParagraphStyle(
            "subtitle", fontName=BODY, fontSize=14, leading=19, spaceAfter=6
        )
        self.heading = ParagraphStyle(
            "heading", fontName=BOLD, fontSize=15, leading=19, spaceBefore=4, spaceAfter=8
        )
        self.item_title = ParagraphStyle(
            "item", parent=self.body, fontName=BOLD, fontSize=10, leading=13
        )
        self.time = ParagraphStyle("time", parent=self.body, fontName=BOLD)
        # Arabic reads from the right: its paragraphs are set flush right.
        self.right_to_left = ParagraphStyle("rtl", parent=self.body, alignment=TA_RIGHT)
        self.small_rtl = ParagraphStyle("small_rtl", parent=self.small, alignment=TA_RIGHT)


def agenda_story(agenda: Agenda, styles: _Styles) -> list[Any]:
    """The booklet's flowables: cover, a page per day of each tour, participants."""
    from reportlab.platypus import Paragraph, Spacer

    story: list[Any] = [Spacer(1, 120)]
    first = agenda.tours[0]
    if agenda.for_manager:
        story.append(Paragraph("Personal agenda", styles.subtitle))
        story.append(Paragraph(markup(agenda.for_manager), styles.title))
        if agenda.for_manager_arabic:
            story.append(Paragraph(markup(agenda.for_manager_arabic), styles.title))
        for tour in agenda.tours:
            story.append(
                Paragraph(f"{markup(tour.title)} · {_dates(tour.start, tour.end)}", styles.subtitle)
            )
    else:
        story.append(Paragraph(markup(first.title), styles.title))
        story.append(Paragraph(markup(first.region), styles.subtitle))
        story.append(
            Paragraph(
                _dates(first.start, first.end) + (f" · {markup(first.city)}" if first.city else ""),
                styles.subtitle,
            )
        )
        if first.host_agency:
            story.append(Paragraph(f"Hosted by {markup(first.host_agency)}", styles.subtitle))
        if first.focus_topics:
            story.append(Spacer(1, 18))
            story.append(
                Paragraph(
                    "Focus topics: " + ", ".join(markup(t) for t in first.focus_topics), styles.body
                )
            )
    for tour in agenda.tours:
        story += _tour_pages(tour, styles, show_title=len(agenda.tours) > 1)
    return story


def _tour_pages(tour: TourAgenda, styles: _Styles, *, show_title: bool) -> list[Any]:
    from reportlab.platypus import PageBreak, Paragraph

    story: list[Any] = []
    for day, items in tour.days():
        story.append(PageBreak())
        prefix = f"{markup(tour.code)} · " if show_title else ""
        story.append(Paragraph(prefix + _long_date(day), styles.heading))
        if not tour.start <= day <= tour.end:
            story.append(Paragraph("Outside the tour's dates.", styles.small))
        if items:
            story.append(_day_table(items, styles))
        else:
            story.append(Paragraph("Nothing planned.", styles.body))
        story.append(Paragraph(f"Times are local ({markup(tour.time_zone)}).", styles.small))
    story.append(PageBreak())
    story.append(Paragraph(f"Participants · {markup(tour.title)}", styles.heading))
    story.append(_participants_table(tour, styles))
    return story


def _item_cell(item: AgendaItem, styles: _Styles) -> list[Any]:
    from reportlab.platypus import Paragraph

    label, colour = KIND_STYLE.get(item.kind, KIND_STYLE["other"])
    lines = [
        Paragraph(f'<font color="{colour}">{label.upper()}</font>', styles.small),
        Paragraph(markup(item.title, ITEM_WIDTH, 10), styles.item_title),
    ]
    where = ", ".join(p for p in (item.venue, item.address) if p)
    if where:
        lines.append(Paragraph(markup(where, ITEM_WIDTH), styles.body))
    if item.transfer:
        lines.append(Paragraph(f"Getting there: {markup(item.transfer)}", styles.small))
    if item.speakers:
        lines.append(Paragraph("With " + ", ".join(markup(s) for s in item.speakers), styles.body))
    if item.contacts:
        lines.append(
            Paragraph("Host contact: " + "; ".join(markup(c) for c in item.contacts), styles.body)
        )
    if item.topics:
        tags = " ".join(f'<font color="#1f6fb2">#{markup(t)}</font>' for t in item.topics)
        lines.append(Paragraph(tags, styles.small))
    if item.description:
        style = styles.small_rtl if _arabic_only(item.description) else styles.small
        lines.append(Paragraph(markup(item.description, ITEM_WIDTH, 8), style))
    return lines


def _day_table(items: Sequence[AgendaItem], styles: _Styles) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    rows = [
        [Paragraph(f"{item.start:%H:%M}–{item.end:%H:%M}", styles.time), _item_cell(item, styles)]
        for item in items
    ]
    # A row may split across pages: an item with a very long description must still print.
    table = Table(rows, colWidths=[28 * mm, 142 * mm], repeatRows=0, splitInRow=1)
    colours = styles.colors
    style = [
        ("FONTNAME", (0, 0), (-1, -1), BODY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colours.HexColor("#cccccc")),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
    ]
    for row, item in enumerate(items):
        colour = KIND_STYLE.get(item.kind, KIND_STYLE["other"])[1]
        style.append(("LINEBEFORE", (0, row), (0, row), 3, colours.HexColor(colour)))
    table.setStyle(TableStyle(style))
    return table


def _participants_table(tour: TourAgenda, styles: _Styles) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    header = [
        Paragraph(f"<b>{h}</b>", styles.body)
        for h in ("#", "Name", "Name in Arabic", "Country", "Cluster / organisation")
    ]
    rows: list[list[Any]] = [header]
    for number, person in enumerate(tour.participants, 1):
        rows.append(
            [
                Paragraph(str(number), styles.small),
                Paragraph(markup(person.name, _cell(45)), styles.body),
                Paragraph(markup(person.arabic_name, _cell(40)), styles.right_to_left),
                Paragraph(markup(person.country, _cell(25)), styles.body),
                Paragraph(markup(person.organisation, _cell(50), 8), styles.small),
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
                ("LINEBELOW", (0, 0), (-1, 0), 0.75, colours.HexColor("#333333")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colours.white, colours.HexColor("#f3f6f9")]),
            ]
        )
    )
    return table


def agenda_pdf(agenda: Agenda, stream: BinaryIO) -> None:
    """Lay the booklet out into `stream`."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    styles = _Styles()
    title = agenda.tours[0].title if not agenda.for_manager else f"Agenda of {agenda.for_manager}"
    document = SimpleDocTemplate(
        stream,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="Booster Desktop",
        initialFontName=BODY,
    )
    footer = " · ".join(t.code for t in agenda.tours)

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(BODY, 8)
        canvas.drawString(20 * mm, 10 * mm, f"{footer} · {title}")
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"page {doc.page}")
        canvas.restoreState()

    from reportlab.platypus.doctemplate import LayoutError

    try:
        document.build(agenda_story(agenda, styles), onFirstPage=decorate, onLaterPages=decorate)
    except LayoutError as error:
        first_line = str(error).splitlines()[0][:160]
        raise BoosterError(f"the agenda cannot be laid out on A4 pages ({first_line})") from None


def write_agenda(agenda: Agenda, target: Path) -> None:
    """Write the booklet to `target` (all of it, or nothing)."""
    write_atomically(target, lambda stream: agenda_pdf(agenda, stream))
