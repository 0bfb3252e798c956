"""What is wrong with text read from a file: control characters, letters lost to `?`,
numbers that a spreadsheet turned into floating point, and which script a name is in."""

from __future__ import annotations

import re

# Terminal escapes as a whole (CSI "ESC [ ... letter", OSC "ESC ] ... BEL or ESC \", two-byte
# ESC codes), so that "ESC[31mRED" leaves "RED" and not "[31mRED"; then every other control
# character: C0 and C1 (tab and line breaks are white space, folded by `clean`), DEL, and the
# bidi embeddings, overrides and isolates that reorder what a reader sees. A lone C1 CSI
# (0x9B, "›" read in the wrong code page) takes no letter with it: only parameters make it a
# sequence, so "\x9bAli" keeps its "A".
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x9b[0-?]+[ -/]*[@-~]"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c|\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
# "2.13661E+11": what Excel shows, and writes to CSV, for a long number in a General cell.
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_LOST = re.compile(r"\?{2,}")


def without_controls(text: str) -> tuple[str, bool]:
    """`text` without terminal escapes and control characters, and whether any were there."""
    if text.isprintable() and "\x1b" not in text:
        return text, False
    stripped = _CONTROLS.sub("", _ESCAPES.sub("", text))
    return stripped, stripped != text and _visible_change(text, stripped)


def _visible_change(before: str, after: str) -> bool:
    """Whether more than white space went (a line break in a cell is no control character)."""
    return "".join(before.split()) != "".join(after.split())


def has_arabic(text: str) -> bool:
    # isascii first: it runs in C on every field of 10,000 rows.
    return not text.isascii() and _ARABIC_LETTER.search(text) is not None


def has_latin(text: str) -> bool:
    return _LATIN_LETTER.search(text) is not None


def arabic_letters(text: str) -> int:
    return len(_ARABIC_LETTER.findall(text))


def latin_letters(text: str) -> int:
    return len(_LATIN_LETTER.findall(text))


def is_arabic_script(text: str) -> bool:
    """Text in Arabic script (letters, vowel marks, Arabic digits), with no Latin letter."""
    return has_arabic(text) and not has_latin(text)


def lost_letters(text: str) -> bool:
    """Letters replaced by `?` when the file was saved in a code page that lacks them."""
    if "?" not in text:
        return False
    return _LOST.search(text) is not None or set(text) <= {"?", " "}


def scientific(text: str) -> bool:
    """A number shown in scientific notation: its last digits are gone."""
    return _SCIENTIFIC.match(text) is not None


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters shown as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)
