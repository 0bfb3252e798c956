"""Which encoding a CSV file is in, among the few that Excel writes.

UTF-8 (with or without its byte-order mark) when the whole file decodes as such; UTF-16
when it starts with a byte-order mark (Excel's "Unicode Text"); otherwise Windows-1252 or
Windows-1256, the ANSI code pages of French and Arabic Windows. A detector left free picks
the wrong code page on short files, so charset-normalizer is told to choose among these
only, and since both code pages decode almost any bytes, the importer then decides by
content: the decoding under which the Arabic-name column holds Arabic letters and the Latin
columns Latin ones.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from booster_desktop.i18n import N_, _

CHUNK = 1 << 20
CODE_PAGES = ("cp1252", "cp1256")
NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "cp1252": "Windows-1252 (Western European)",
    "cp1256": "Windows-1256 (Arabic)",
}
SAVE_AS_UTF8 = N_(
    'in Excel, File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)"; in '
    'LibreOffice, Save As > "Text CSV", then character set "Unicode '
    '(UTF-8)"'
)


@dataclass(frozen=True)
class Guess:
    """The encoding to read with, and the ones the bytes fit equally (more than one: the
    content must decide)."""

    encoding: str
    candidates: tuple[str, ...]
    forced: bool = False


def describe(encoding: str) -> str:
    return NAMES.get(codecs.lookup(encoding).name, encoding)


def check_encoding(name: str) -> str:
    """A codec name Python knows, normalised ("Windows-1256" -> "cp1256"); ValueError if not."""
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        raise ValueError(
            _(
                "{name!r} is not an encoding (try utf-8, utf-16, windows-1252 or windows-1256)"
            ).format(name=name)
        ) from None


def guess(raw: BinaryIO) -> Guess:
    """Guess the encoding of the CSV file `raw` (read from its start, left anywhere)."""
    raw.seek(0)
    head = raw.read(CHUNK)
    if head.startswith(codecs.BOM_UTF8):
        return Guess("utf-8-sig", ("utf-8-sig",))
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Guess("utf-16", ("utf-16",))
    nulls = head[:4096].count(0)
    if nulls:
        sample = head[:4096]
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return Guess("utf-16-le", ("utf-16-le",))
        if even > len(sample) // 4 and odd == 0:
            return Guess("utf-16-be", ("utf-16-be",))
        return Guess("", ())  # binary: no text encoding fits
    if _all_utf8(raw):
        return Guess("utf-8", ("utf-8",))
    from charset_normalizer import from_bytes

    matches = from_bytes(head, cp_isolation=list(CODE_PAGES), explain=False)
    ranked = [codecs.lookup(m.encoding).name for m in matches]
    first = ranked[0] if ranked else CODE_PAGES[0]
    fitting = [name for name in CODE_PAGES if _decodes(head, name)]
    candidates = tuple(sorted(fitting, key=lambda name: name != first))
    return Guess(candidates[0] if candidates else first, candidates or (first,))


def guess_file(path: Path) -> str:
    """The encoding a CSV file would be read in before its content is looked at ("" when
    it is no text)."""
    with path.open("rb") as raw:
        return guess(raw).encoding


def preview_lines(path: Path, encoding: str, lines: int = 6) -> list[str]:
    """The first lines of a text file as `encoding` reads them (undecodable bytes shown
    as U+FFFD), for the user to judge."""
    if not encoding:
        return []
    with path.open("rb") as raw:
        head = raw.read(16_384)
    text = head.decode(encoding, errors="replace").lstrip("\ufeff")
    return [line[:200] for line in text.splitlines()[:lines]]


def _all_utf8(raw: BinaryIO) -> bool:
    """The whole file, in chunks: a first accent may stand 60,000 lines down."""
    raw.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := raw.read(CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
