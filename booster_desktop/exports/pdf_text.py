"""Text in PDFs: the shipped fonts registered with reportlab, and Arabic made printable.

reportlab lays text out left to right with one glyph per character, so Arabic is shaped
(arabic-reshaper joins the letters) and put in visual order (python-bidi), per line, before it
is drawn. Pure Arabic is set in Noto Naskh Arabic; a line mixing scripts in DejaVu Sans, which
has both (Noto Naskh has no Latin letters: docs/field-notes.md). Every font is a shipped
TrueType file, embedded in the PDF.
"""

from __future__ import annotations

import re
from functools import cache
from xml.sax.saxutils import escape

from booster_desktop.package_data import resource

BODY = "NotoSans"
BOLD = "NotoSans-Bold"
ARABIC = "NotoNaskhArabic"
MIXED = "DejaVuSans"
FONT_FILES = {
    BODY: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    MIXED: "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
}
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


@cache
def register_fonts() -> None:
    """Register the shipped fonts with reportlab once, and the body family's bold face."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    addMapping(BODY, 0, 0, BODY)
    addMapping(BODY, 1, 0, BOLD)
    addMapping(BODY, 0, 1, BODY)
    addMapping(BODY, 1, 1, BOLD)
    addMapping(MIXED, 0, 0, MIXED)
    addMapping(MIXED, 1, 0, "DejaVuSans-Bold")


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def visual(text: str) -> str:
    """Arabic in a line shaped and reordered for drawing; other text as it is."""
    if not has_arabic(text):
        return text
    import arabic_reshaper
    from bidi.algorithm import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


def markup(text: str, width: float | None = None, size: float = 9.0) -> str:
    """`text` as Platypus paragraph markup: escaped, and Arabic shaped in a font that has it.

    Arabic text that may wrap (`width` in points, at font `size`) is wrapped here, in logical
    order, and each line shaped and reordered on its own: reordering a whole paragraph
    before Platypus wraps it would print its lines bottom to top (docs/field-notes.md).
    """
    if not has_arabic(text):
        return escape(text)
    face = MIXED if _LATIN.search(text) else ARABIC
    lines = text.split("\n")
    if width is not None:
        from reportlab.lib.utils import simpleSplit

        register_fonts()
        # Shaped glyphs are not exactly as wide as the letters measured: keep a margin.
        lines = [part for line in lines for part in simpleSplit(line, face, size, width * 0.92)]
    shown = "<br/>".join(escape(visual(line)) for line in lines)
    return f'<font face="{face}">{shown}</font>'
