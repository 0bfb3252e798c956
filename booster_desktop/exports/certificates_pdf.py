"""Certificates of attendance: one A4 page per manager, drawn from `CertificateData` records.

The manager's name in both scripts, the tour, its host agency and dates, the sessions and
visits attended with their hours and the total, the coordinator's signature line (and the
signature image when the programme has one) and the certificate's number. A long list of
sessions is set a row per day and shrunk to fit, so a certificate is always one page. Every
font is a shipped TrueType font, embedded.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.labels import label
from booster_desktop.domain.printed import AttendedItem, CertificateData
from booster_desktop.exports.files import write_atomically
from booster_desktop.exports.pdf_text import BODY, BOLD, PdfText, register_fonts
from booster_desktop.i18n import _, day_month_year, short_day

MM = 72 / 25.4
MARGIN = 22 * MM
# Items listed a row each; more are set a row per day, shrunk if they must be.
ONE_COLUMN = 16
ACCENT = "#1f4e79"


def hours(minutes: int) -> str:
    """Minutes as hours for a certificate: "3", "2.5", "0.3"."""
    text = f"{minutes / 60:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _dates(start: date, end: date) -> str:
    return label(
        "certificate.dates",
        start=day_month_year(start),
        end=day_month_year(end),
    )


class _Styles:
    def __init__(self) -> None:
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        self.colors = colors
        self.text = PdfText()  # every name and place of the document takes this path
        centred = {"alignment": TA_CENTER}
        self.body = ParagraphStyle("body", fontName=BODY, fontSize=11, leading=15, **centred)
        self.small = ParagraphStyle(
            "small", fontName=BODY, fontSize=8.5, leading=10.5, textColor=colors.HexColor("#333333")
        )
        self.small_bold = ParagraphStyle("small_bold", parent=self.small, fontName=BOLD)
        self.right = ParagraphStyle("right", parent=self.small, alignment=TA_RIGHT)
        self.bold_right = ParagraphStyle("bold_right", parent=self.small_bold, alignment=TA_RIGHT)
        self.kicker = ParagraphStyle(
            "kicker", parent=self.body, fontSize=10, textColor=colors.HexColor("#555555")
        )
        self.title = ParagraphStyle(
            "title",
            fontName=BOLD,
            fontSize=26,
            leading=32,
            textColor=colors.HexColor(ACCENT),
            spaceAfter=10,
            **centred,
        )
        self.name = ParagraphStyle("name", fontName=BOLD, fontSize=22, leading=30, **centred)
        self.arabic = ParagraphStyle("arabic", fontName=BODY, fontSize=20, leading=30, **centred)
        self.tour = ParagraphStyle("tour", parent=self.body, fontName=BOLD, fontSize=13, leading=18)
        self.signer = ParagraphStyle("signer", fontName=BOLD, fontSize=10.5, leading=13)
        self.signer_title = ParagraphStyle("signer_title", parent=self.small, fontSize=9.5)


def _item_rows(items: Sequence[AttendedItem], styles: _Styles, title_width: float) -> list[Any]:
    from reportlab.platypus import Paragraph

    markup = styles.text.markup

    return [
        [
            Paragraph(short_day(item.day), styles.small),
            Paragraph(f"{item.start:%H:%M}–{item.end:%H:%M}", styles.small),
            Paragraph(
                f"{markup(item.title, title_width, 8.5, what=_('a session title'))} "
                f"<font color='#777777'>({markup(item.kind, size=8.5)})</font>",
                styles.small,
            ),
            Paragraph(label("certificate.hours", hours=hours(item.minutes)), styles.right),
        ]
        for item in items
    ]


def _by_day(items: Sequence[AttendedItem], styles: _Styles, title_width: float) -> list[Any]:
    """A long list set densely: a row per day, its sessions run together with their hours."""
    from reportlab.platypus import Paragraph

    markup = styles.text.markup
    days: dict[date, list[AttendedItem]] = {}
    for item in items:
        days.setdefault(item.day, []).append(item)
    return [
        [
            Paragraph(short_day(day), styles.small),
            Paragraph(
                " · ".join(
                    f"{item.start:%H:%M} {markup(item.title, size=8.5)} ({hours(item.minutes)} h)"
                    for item in group
                ),
                styles.small,
            ),
            Paragraph(
                label("certificate.hours", hours=hours(sum(i.minutes for i in group))),
                styles.right,
            ),
        ]
        for day, group in days.items()
    ]


def _items_table(certificate: CertificateData, styles: _Styles, width: float) -> Any:
    from reportlab.platypus import KeepInFrame, Paragraph, Table, TableStyle

    items = certificate.items
    hours_width = 14 * MM
    if len(items) <= ONE_COLUMN:
        widths = [15 * MM, 22 * MM, width - 51 * MM, hours_width]
        rows = _item_rows(items, styles, widths[2] - 12)
    else:
        widths = [15 * MM, width - 29 * MM, hours_width]
        rows = _by_day(items, styles, widths[1] - 12)
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, styles.colors.HexColor("#cccccc")),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    total = Table(
        [
            [
                Paragraph(label("certificate.total"), styles.small_bold),
                Paragraph(
                    label("certificate.hours", hours=hours(certificate.minutes)), styles.bold_right
                ),
            ]
        ],
        colWidths=[width - hours_width, hours_width],
    )
    total.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, styles.colors.black),
            ]
        )
    )
    # Always one page: a list too long for its box is shrunk, never split.
    return KeepInFrame(width, 92 * MM, [table, total], mode="shrink")


def _image(data: bytes | None, width: float, height: float) -> Any | None:
    """A logo or signature as a flowable no larger than the box, or None when unreadable."""
    if not data:
        return None
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    try:
        reader = ImageReader(io.BytesIO(data))
        pixels_wide, pixels_high = reader.getSize()
    except Exception:  # an image reportlab cannot read is left out, not fatal
        return None
    scale = min(width / pixels_wide, height / pixels_high)
    return Image(io.BytesIO(data), width=pixels_wide * scale, height=pixels_high * scale)


def _page(certificate: CertificateData, styles: _Styles, width: float) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    markup = styles.text.markup
    story: list[Any] = []
    logo = _image(certificate.logo, 60 * MM, 18 * MM)
    story.append(logo if logo is not None else Spacer(1, 18 * MM))
    story += [
        Spacer(1, 4 * MM),
        Paragraph(markup(certificate.programme_title, width, 10, what=None), styles.kicker),
        Spacer(1, 3 * MM),
        Paragraph(label("certificate.title"), styles.title),
        Paragraph(label("certificate.awarded"), styles.body),
        Spacer(1, 2 * MM),
        Paragraph(markup(certificate.name, width, 22, bold=True, what=_("a name")), styles.name),
    ]
    if certificate.arabic_name:
        story.append(
            Paragraph(markup(certificate.arabic_name, width, 20, what=_("a name")), styles.arabic)
        )
    story += [
        Spacer(1, 3 * MM),
        Paragraph(label("certificate.took_part"), styles.body),
        Paragraph(markup(certificate.tour_title, width, 13, bold=True, what=None), styles.tour),
    ]
    where = [certificate.region] if certificate.region else []
    line = ", ".join(markup(w, size=11) for w in where)
    if certificate.host_agency:
        hosted = label("certificate.hosted", host=markup(certificate.host_agency, size=11))
        line = f"{hosted} ({line})" if line else hosted
    story.append(Paragraph(f"{line}, {_dates(certificate.start, certificate.end)},", styles.body))
    story.append(
        Paragraph(
            label(
                "certificate.attended",
                attended=certificate.attended,
                total=certificate.total,
                hours=hours(certificate.minutes),
            ),
            styles.body,
        )
    )
    story.append(Spacer(1, 4 * MM))
    if certificate.items:  # granted by name with nothing attended: the line above says so
        story.append(_items_table(certificate, styles, width))
    story.append(Spacer(1, 8 * MM))
    signature = _image(certificate.signature, 55 * MM, 18 * MM)
    signer: list[Any] = [signature if signature is not None else Spacer(1, 18 * MM)]
    rule = Table([[""]], colWidths=[70 * MM], rowHeights=[2])
    rule.setStyle(
        TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), BODY), ("LINEABOVE", (0, 0), (-1, 0), 0.6, "black")]
        )
    )
    signer.append(rule)
    if certificate.coordinator_name:
        signer.append(
            Paragraph(
                markup(certificate.coordinator_name, 70 * MM, 10.5, bold=True, what=None),
                styles.signer,
            )
        )
    if certificate.coordinator_title:
        signer.append(
            Paragraph(
                markup(certificate.coordinator_title, 70 * MM, 9.5, what=None),
                styles.signer_title,
            )
        )
    block = Table([[signer]], colWidths=[width], hAlign="RIGHT")
    block.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("LEFTPADDING", (0, 0), (-1, -1), width - 72 * MM),
            ]
        )
    )
    story.append(block)
    return story


def certificates_pdf(certificates: Sequence[CertificateData], stream: BinaryIO) -> None:
    """Lay the certificates out into `stream`, one page each."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import KeepInFrame, PageBreak, SimpleDocTemplate
    from reportlab.platypus.doctemplate import LayoutError

    register_fonts()
    styles = _Styles()
    width = A4[0] - 2 * MARGIN
    height = A4[1] - 2 * MARGIN
    title = certificates[0].tour_title if certificates else ""
    document = SimpleDocTemplate(
        stream,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{label('certificate.title')} · {title}",
        author="Booster Desktop",
        initialFontName=BODY,
    )
    numbers = [c.number for c in certificates]

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(styles.colors.HexColor(ACCENT))
        canvas.setLineWidth(2.2)
        canvas.rect(12 * MM, 12 * MM, A4[0] - 24 * MM, A4[1] - 24 * MM)
        canvas.setLineWidth(0.5)
        canvas.rect(14.5 * MM, 14.5 * MM, A4[0] - 29 * MM, A4[1] - 29 * MM)
        canvas.setFont(BODY, 8)
        canvas.setFillGray(0.35)
        number = numbers[doc.page - 1] if doc.page <= len(numbers) else ""
        canvas.drawString(MARGIN, 17 * MM, label("certificate.number", number=number))
        canvas.restoreState()

    story: list[Any] = []
    for position, certificate in enumerate(certificates):
        if position:
            story.append(PageBreak())
        # Always one page: whatever the names and the list, shrunk rather than split.
        story.append(
            KeepInFrame(width, height - 2, _page(certificate, styles, width), mode="shrink")
        )
    try:
        document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    except LayoutError as error:
        first_line = str(error).splitlines()[0][:160]
        raise BoosterError(
            _("the certificates cannot be laid out ({first_line})").format(first_line=first_line)
        ) from None


def write_certificates(certificates: Sequence[CertificateData], target: Path) -> None:
    """Write the certificates to `target` (all of them, or nothing)."""
    write_atomically(target, lambda stream: certificates_pdf(certificates, stream))
