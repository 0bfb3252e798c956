"""Sign-in sheets: one section per session or visit, a row per expected participant.

The paper is the backup of the check-in laptop, so each row carries the manager's ID (the
number on the badge and in the attendance grid) beside the row number, the name in both
scripts and the organisation, then a signature box; numbered blank rows follow for walk-ins.
Portrait when the columns fit, landscape when the names or organisations are long. A header
(tour, sheet, session) and a footer (session, page number) on every page. Every font is a
shipped TrueType font, embedded.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.labels import label
from booster_desktop.domain.printed import SigninPerson, SigninSession, SigninSheets
from booster_desktop.exports.files import write_atomically
from booster_desktop.exports.pdf_text import BODY, BOLD, PdfText, face, register_fonts, width_of
from booster_desktop.i18n import _, long_date, short_date

MM = 72 / 25.4
MARGIN = 15 * MM
SIZE = 9.0
PADDING = 12.0  # points of cell padding, left and right together
# Fixed columns (row number, ID) and the narrowest signature box, in points.
NUMBER_WIDTH, ID_WIDTH, SIGNATURE_MIN = 9 * MM, 13 * MM, 48 * MM
# A text column is never narrower than this, nor wider (long text wraps instead).
TEXT_MIN, TEXT_MAX = 28 * MM, 70 * MM
ROW_PADDING = 9.5  # points above and below a row's text: room to sign


def _text_width(text: str, size: float = SIZE) -> float:
    """How wide `text` is drawn on one line, in the font the text path gives it."""
    if not text:
        return 0.0
    return width_of(text, face(text), size)


def _column_widths(people: Sequence[SigninPerson]) -> tuple[list[float], tuple[float, float]]:
    """The columns' widths and the page size: portrait if they fit at ease, else landscape."""
    from reportlab.lib.pagesizes import A4, landscape

    def wanted(texts: Sequence[str], heading: str) -> float:
        widest = max([_text_width(t) for t in texts] + [_text_width(heading, SIZE)])
        return min(TEXT_MAX, max(TEXT_MIN, widest + PADDING))

    texts = [
        wanted([p.name for p in people], label("signin.name")),
        wanted([p.arabic_name for p in people], label("signin.arabic")),
        wanted([p.organisation for p in people], label("signin.organisation")),
    ]
    fixed = NUMBER_WIDTH + ID_WIDTH
    page = A4 if fixed + sum(texts) + SIGNATURE_MIN <= A4[0] - 2 * MARGIN else landscape(A4)
    signature = page[0] - 2 * MARGIN - fixed - sum(texts)
    return [NUMBER_WIDTH, ID_WIDTH, *texts, signature], page


class _Styles:
    def __init__(self) -> None:
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        self.colors = colors
        self.body = ParagraphStyle("body", fontName=BODY, fontSize=SIZE, leading=11)
        self.small = ParagraphStyle(
            "small", parent=self.body, fontSize=8, leading=10, textColor=colors.HexColor("#555555")
        )
        self.head = ParagraphStyle("head", parent=self.body, fontName=BOLD)
        self.rtl = ParagraphStyle("rtl", parent=self.body, alignment=TA_RIGHT)
        self.kicker = ParagraphStyle(
            "kicker", parent=self.small, fontName=BOLD, textColor=colors.HexColor("#1f6fb2")
        )
        self.title = ParagraphStyle("title", fontName=BOLD, fontSize=15, leading=19, spaceAfter=3)
        self.line = ParagraphStyle("line", parent=self.body, fontSize=10, leading=13)


def _when(session: SigninSession) -> str:
    day, start, end = session.day, session.start, session.end
    return f"{long_date(day)} · {start:%H:%M}–{end:%H:%M}"


def _section(
    session: SigninSession,
    blank_rows: int,
    widths: list[float],
    styles: _Styles,
    state: dict[str, str],
    texts: dict[int, tuple[str, str, str]],
    text: PdfText,
) -> list[Any]:
    from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

    class _Marker(Flowable):  # type: ignore[misc]
        """Zero-size: tells the page decoration which session this page shows."""

        def wrap(self, *_: Any) -> tuple[float, float]:
            return 0.0, 0.0

        def draw(self) -> None:
            state["section"] = f"{session.title} · {short_date(session.day)} {session.start:%H:%M}"

    story: list[Any] = [
        _Marker(),
        Paragraph(
            f"{label('signin.title').upper()} · {text.markup(session.kind, bold=True)}",
            styles.kicker,
        ),
        Paragraph(
            text.markup(session.title, sum(widths), 15, bold=True, what=_("a session title")),
            styles.title,
        ),
        Paragraph(_when(session), styles.line),
    ]
    where = ", ".join(part for part in (session.venue, session.address) if part)
    if where:
        story.append(
            Paragraph(f"{label('signin.venue')}: {text.markup(where, size=10)}", styles.line)
        )
    tour = f"{session.tour_title} ({session.tour_code})"
    story.append(
        Paragraph(
            f"{label('signin.expected', count=len(session.people))} · "
            f"{text.markup(tour, size=8)} · "
            f"{label('signin.note')}",
            styles.small,
        )
    )
    story.append(Spacer(1, 6))
    header = [
        Paragraph(label(key), styles.head)
        for key in (
            "signin.number",
            "signin.id",
            "signin.name",
            "signin.arabic",
            "signin.organisation",
            "signin.signature",
        )
    ]
    rows: list[list[Any]] = [header]
    for person in session.people:
        name, arabic, organisation = texts[person.manager_id]
        rows.append(
            [
                Paragraph(str(person.number), styles.small),
                Paragraph(str(person.manager_id), styles.body),
                Paragraph(name, styles.body),
                Paragraph(arabic, styles.rtl),
                Paragraph(organisation, styles.small),
                "",
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1)
    grey = styles.colors.HexColor("#999999")
    common: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), BODY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, -1), ROW_PADDING),
        ("BOTTOMPADDING", (0, 1), (-1, -1), ROW_PADDING),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, styles.colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, grey),
        ("BOX", (-1, 1), (-1, -1), 0.3, grey),
    ]
    table.setStyle(
        TableStyle([*common, ("BACKGROUND", (0, 0), (-1, 0), styles.colors.HexColor("#eef3f8"))])
    )
    story.append(table)
    if blank_rows:
        # Walk-ins: their own table, its heading kept with its first rows (and repeated).
        start = max((p.number for p in session.people), default=0) + 1
        walk_ins: list[list[Any]] = [
            [Paragraph(label("signin.walk_in"), styles.kicker), "", "", "", "", ""]
        ]
        walk_ins += [
            [Paragraph(str(number), styles.small), "", "", "", "", ""]
            for number in range(start, start + blank_rows)
        ]
        blank = Table(walk_ins, colWidths=widths, repeatRows=1)
        blank.setStyle(
            TableStyle(
                [
                    *common,
                    ("SPAN", (0, 0), (-1, 0)),
                    ("TOPPADDING", (0, 0), (-1, 0), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
                    ("BOX", (2, 1), (2, -1), 0.3, grey),
                    ("BOX", (4, 1), (4, -1), 0.3, grey),
                ]
            )
        )
        story.append(KeepTogether([blank]) if blank_rows <= 12 else blank)
    return story


def signin_pdf(sheets: SigninSheets, stream: BinaryIO) -> None:
    """Lay the sign-in sheets out into `stream`."""
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate
    from reportlab.platypus.doctemplate import LayoutError

    register_fonts()
    styles = _Styles()
    state = {"section": ""}
    # One width for the whole document: every section lists the same people.
    people = sheets.sessions[0].people if sheets.sessions else ()
    widths, page = _column_widths(people)
    document = BaseDocTemplate(
        stream,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 6 * MM,
        bottomMargin=MARGIN,
        title=f"{label('signin.title')} · {sheets.title}",
        author="Booster Desktop",
        initialFontName=BODY,
    )
    heading = f"{sheets.title} · {label('signin.title')}"
    text = PdfText()
    half = (page[0] - 2 * MARGIN) / 2 - 4 * MM

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillGray(0.35)
        top, foot = page[1] - MARGIN + 2 * MM, MARGIN - 7 * MM
        text.draw(canvas, MARGIN, top, heading, 8, width=half, what=None)
        right = page[0] - MARGIN
        text.draw(canvas, right, top, state["section"], 8, width=half, align="right", what=None)
        text.draw(canvas, MARGIN, foot, state["section"], 8, width=half, what=None)
        text.draw(canvas, right, foot, label("signin.page", page=doc.page), 8, align="right")
        canvas.restoreState()

    frame = Frame(
        MARGIN,
        MARGIN,
        page[0] - 2 * MARGIN,
        page[1] - 2 * MARGIN - 6 * MM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate("sheet", [frame], onPageEnd=decorate)])
    # Each person's cells as markup, shaped once for every section they appear in.
    everyone = {p.manager_id: p for session in sheets.sessions for p in session.people}
    texts = {
        manager_id: (
            text.markup(person.name, widths[2] - PADDING, SIZE, what=_("a name")),
            text.markup(person.arabic_name, widths[3] - PADDING, SIZE, what=_("a name")),
            text.markup(person.organisation, widths[4] - PADDING, SIZE, what=_("an organisation")),
        )
        for manager_id, person in everyone.items()
    }
    story: list[Any] = [NextPageTemplate("sheet")]
    for position, session in enumerate(sheets.sessions):
        if position:
            story.append(PageBreak())
        story += _section(session, sheets.blank_rows, widths, styles, state, texts, text)
    try:
        document.build(story)
    except LayoutError as error:
        first_line = str(error).splitlines()[0][:160]
        raise BoosterError(
            _("the sign-in sheets cannot be laid out ({first_line})").format(first_line=first_line)
        ) from None


def write_signin(sheets: SigninSheets, target: Path) -> None:
    """Write the sign-in sheets to `target` (all of it, or nothing)."""
    write_atomically(target, lambda stream: signin_pdf(sheets, stream))
