"""Text in PDFs: the one path every name and place takes onto a page, in any script.

reportlab lays text out left to right, one glyph per character, with no mark positioning.
So Arabic is shaped here (arabic-reshaper joins the letters, keeping the vowel marks) and put
in visual order (python-bidi), line by line after wrapping: reordering a paragraph before it
is wrapped would print its lines bottom to top. Each text gets one shipped font that has every
glyph it needs: Noto Sans for Latin, Noto Naskh Arabic for Arabic, DejaVu Sans (which has
both) for a line mixing them, or Arabic with digits and punctuation Noto Naskh lacks.

Vowel marks have no advance width and sit over (or under) the letter they follow in visual
order, which is where both Arabic fonts draw them, at the height of a short letter: over a
letter with a tall stem (alef, lam, kaf, tah) they are raised clear of it, and two marks above
one letter (a shadda and its vowel) would be drawn over each other, so the vowel is raised
above the shadda.

A text too long for its place is wrapped and, past the lines it may take, shortened with an
ellipsis; every shortened text is noted (what it was, how long), so that an export can say
which value it shortened instead of failing on it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any
from xml.sax.saxutils import escape

from booster_desktop.i18n import N_, _
from booster_desktop.package_data import resource

BODY = "NotoSans"
BOLD = "NotoSans-Bold"
ARABIC = "NotoNaskhArabic"
ARABIC_BOLD = "NotoNaskhArabic-Bold"
MIXED = "DejaVuSans"
MIXED_BOLD = "DejaVuSans-Bold"
FONT_FILES = {
    BODY: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    ARABIC_BOLD: "NotoNaskhArabic-Bold.ttf",
    MIXED: "DejaVuSans.ttf",
    MIXED_BOLD: "DejaVuSans-Bold.ttf",
}
ELLIPSIS = "…"
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Control characters and explicit bidi overrides are never drawn: a name pasted with a
# terminal escape prints without it, and the reading order is worked out here, not forced.
_UNDRAWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SHADDA = "\u0651"
# Marks drawn above the letter: with a shadda on the same letter they are raised over it.
_ABOVE = frozenset("\u064b\u064c\u064e\u064f\u0652\u0653\u0654\u0657\u0658\u0670")
# Rises in em, checked on rendered pages in both Arabic fonts: a vowel over a shadda, marks
# over a letter with a tall stem (which they would otherwise cross), more over a hamza.
RAISE = 0.25
TALL_RAISE = 0.3
HAMZA_RAISE = 0.12
_TALL = ("ALEF", "LAM", "KAF", "TAH", "ZAH", "GAF")

# What a shortened text is called in the note when its caller does not say.
A_TEXT = N_("a text")


@cache
def register_fonts() -> None:
    """Register the shipped fonts with reportlab once, with their bold faces."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    for regular, bold in ((BODY, BOLD), (ARABIC, ARABIC_BOLD), (MIXED, MIXED_BOLD)):
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 1, bold)


@cache
def _glyphs(font: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


@cache
def _reshaper() -> Any:
    import arabic_reshaper
    from arabic_reshaper import ligatures

    # Vowel marks kept (the library deletes them by default); whole-word ligatures such as
    # "Allah" off: a name prints letter by letter, in every font (DejaVu has none of them).
    words = {name: False for name, _ in ligatures.SENTENCES_LIGATURES + ligatures.WORDS_LIGATURES}
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, **words})


def shape(text: str) -> str:
    """Arabic letters in their joined forms, still in logical order; other text as it is."""
    if not has_arabic(text):
        return text
    return _shaped(text)


@lru_cache(maxsize=4096)
def _shaped(text: str) -> str:
    # Cached: a text is measured, its font chosen and drawn, each shaping it again.
    shaped: str = _reshaper().reshape(text)
    return shaped


def face(text: str, *, bold: bool = False) -> str:
    """The shipped font that has a glyph for every character of `text` once shaped."""
    shaped = {ord(c) for c in shape(text) if c not in "\n\t"}
    if has_arabic(text):
        candidates = (ARABIC_BOLD, MIXED_BOLD) if bold else (ARABIC, MIXED)
    else:
        candidates = (BOLD, MIXED_BOLD) if bold else (BODY, MIXED)
    for font in candidates:
        if shaped <= _glyphs(font):
            return font
    return candidates[-1]


def _tall(letter: str) -> float:
    """How far, in em, marks above `letter` (a shaped form) are raised to clear it."""
    name = unicodedata.name(letter, "")
    if not any(word in name for word in _TALL):
        return 0.0
    return TALL_RAISE + (HAMZA_RAISE if "ABOVE" in name else 0.0)


def pieces(line: str) -> list[tuple[str, float]]:
    """One line as drawn, left to right: runs of text, each with its rise in em (marks over
    a tall letter, a vowel over a shadda). Arabic is shaped and reordered; a line with none is
    one run as it is."""
    if not has_arabic(line):
        return [(line, 0.0)] if line else []
    from bidi.algorithm import get_display

    drawn: str = get_display(shape(line))
    runs: list[tuple[str, float]] = []
    position = 0
    while position < len(drawn):
        if not unicodedata.combining(drawn[position]):
            end = position
            while end < len(drawn) and not unicodedata.combining(drawn[end]):
                end += 1
            runs.append((drawn[position:end], 0.0))
            position = end
            continue
        end = position
        while end < len(drawn) and unicodedata.combining(drawn[end]):
            end += 1
        # In visual order a letter's marks come just before it.
        marks, base = drawn[position:end], drawn[end] if end < len(drawn) else " "
        clear = _tall(base)
        stacked = SHADDA in marks
        for mark in marks:
            above = mark in _ABOVE or mark == SHADDA
            rise = (clear if above else 0.0) + (RAISE if stacked and mark in _ABOVE else 0.0)
            runs.append((mark, rise))
        position = end
    merged: list[tuple[str, float]] = []
    for text, rise in runs:
        if merged and merged[-1][1] == rise:
            merged[-1] = (merged[-1][0] + text, rise)
        else:
            merged.append((text, rise))
    return merged


def visual(text: str) -> str:
    """Arabic in each line shaped and reordered for drawing; other text as it is."""
    return "\n".join("".join(run for run, _ in pieces(line)) for line in text.split("\n"))


def width_of(text: str, font: str, size: float) -> float:
    """The width of one line of `text` as drawn, in points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    return float(stringWidth(shape(text), font, size))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` broken into lines (logical order) no wider than `width`: at spaces, and inside
    a word only when the word alone is wider than a line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if width_of(paragraph, font, size) <= width:
            lines.append(paragraph)  # most names and places: one line, measured once
            continue
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if width_of(candidate, font, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while len(word) > 1 and width_of(word, font, size) > width:
                cut = _longest_fitting(word, font, size, width)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _longest_fitting(word: str, font: str, size: float, width: float) -> int:
    low, high = 1, len(word) - 1  # at least one character a line, whatever its width
    while low < high:
        middle = (low + high + 1) // 2
        if width_of(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def fit(text: str, font: str, size: float, width: float, lines: int) -> tuple[list[str], bool]:
    """`text` wrapped into at most `lines` lines of `width`, the last ending in an ellipsis when
    the rest did not fit; and whether it was shortened."""
    # Nothing narrower than a tenth of the size is drawn: more characters than this cannot fit.
    bound = int(lines * width / (0.1 * size)) + 2
    wrapped = wrap(text[:bound], font, size, width)
    if len(wrapped) <= lines and len(text) <= bound:
        return wrapped, False
    kept = wrapped[:lines]
    last = kept[-1].rstrip()
    while last and width_of(last + ELLIPSIS, font, size) > width:
        last = last[:-1].rstrip()
    kept[-1] = last + ELLIPSIS
    return kept, True


@dataclass
class PdfText:
    """Sets every name and place of one PDF, and keeps a note of each text it shortened."""

    shortened: list[str] = field(default_factory=list)

    def _fitted(
        self,
        text: str,
        size: float,
        width: float | None,
        lines: int | None,
        what: str | None,
        *,
        bold: bool,
    ) -> tuple[list[str], str]:
        """The lines `text` takes, and the font to draw them in."""
        text = _UNDRAWN.sub("", text.replace("\t", " "))
        font = face(text, bold=bold)
        if width is None:
            return text.split("\n"), font
        if lines is None:
            return wrap(text, font, size, width), font
        kept, shortened = fit(text, font, size, width, lines)
        if shortened and ord(ELLIPSIS) not in _glyphs(font):
            # Noto Naskh has no ellipsis: shortened in the font that has one.
            font = face(text + ELLIPSIS, bold=bold)
            kept, shortened = fit(text, font, size, width, lines)
        if shortened and what is not None:
            self.note(what, text)
        return kept, font

    def note(self, what: str, text: str) -> None:
        """Say that `what` (holding `text`) was shortened to fit its place."""
        self.shortened.append(
            _("{what} shortened to fit the page ({count:,} characters)").format(
                what=_(what), count=len(text)
            )
        )

    def markup(
        self,
        text: str,
        width: float | None = None,
        size: float = 9.0,
        *,
        bold: bool = False,
        lines: int | None = None,
        what: str | None = A_TEXT,
        base: str | None = None,
    ) -> str:
        """`text` as Platypus paragraph markup: escaped, in a font that has its glyphs, Arabic
        shaped and ordered per line; wrapped to `width` points at font `size` when given, and
        shortened with an ellipsis past `lines` lines (noted as `what`). `base` is the
        paragraph's own font (Noto Sans unless said): no font tag is written for it."""
        kept, font = self._fitted(text, size, width, lines, what, bold=bold)
        shown = "<br/>".join(_line_markup(line, size) for line in kept)
        if font == (base or (BOLD if bold else BODY)):
            return shown  # the paragraph's own font
        return f'<font face="{font}">{shown}</font>'

    def draw(
        self,
        canvas: Any,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        width: float | None = None,
        bold: bool = False,
        align: str = "left",
        what: str | None = A_TEXT,
    ) -> float:
        """Draw one line of `text` on a reportlab canvas at (`x`, `y`), shortened to `width`
        when given; `align` "left", "right" (x is the right edge) or "centre". Returns its
        drawn width."""
        kept, font = self._fitted(text.replace("\n", " "), size, width, 1, what, bold=bold)
        line = kept[0] if kept else ""
        drawn = width_of(line, font, size)
        start = {"right": x - drawn, "centre": x - drawn / 2}.get(align, x)
        writing = canvas.beginText(start, y)
        writing.setFont(font, size)
        for run, rise in pieces(line):
            writing.setRise(rise * size)
            writing.textOut(run)
        canvas.drawText(writing)
        return drawn

    def draw_lines(
        self,
        canvas: Any,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        width: float,
        lines: int,
        leading: float,
        what: str | None = A_TEXT,
    ) -> None:
        """Draw `text` wrapped to `width` in at most `lines` lines, the first at `y`, shortened
        with an ellipsis past the last."""
        kept, _font = self._fitted(text, size, width, lines, what, bold=False)
        for number, line in enumerate(kept):
            self.draw(canvas, x, y - number * leading, line, size, what=None)


def _line_markup(line: str, size: float) -> str:
    return "".join(
        f'<super rise="{rise * size:.2f}" size="{size}">{escape(run)}</super>'
        if rise
        else escape(run)
        for run, rise in pieces(line)
    )
