"""Reading badge PDFs back the way a person and a scanner would: rendered pages, words where
they are printed, codes decoded with a real decoder (zxing-cpp)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

MM = 72 / 25.4
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils is not installed (.ci/run installs it)"
)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float  # points, from the page's top-left corner
    y0: float
    x1: float
    y1: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Code:
    text: str
    kind: str
    x: float  # centre, in mm from the page's top-left corner
    y: float


def render(pdf: Path, page: int, dpi: int) -> Image.Image:
    """Page `page` (from 1) rendered by poppler, in grey levels."""
    out = pdf.parent / f"{pdf.stem}-{page}-{dpi}"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(out),
        ],
        check=True,
    )
    return Image.open(f"{out}.png").convert("L")


def words(pdf: Path, page: int) -> list[Word]:
    """The words poppler reads on `page`, with their boxes, NFKC-normalised."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = []
    for match in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', html
    ):
        text = BIDI_MARKS.sub("", unicodedata.normalize("NFKC", match.group(5)))
        text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        x0, y0, x1, y1 = (float(match.group(i)) for i in range(1, 5))
        found.append(Word(text, x0, y0, x1, y1))
    return found


def decode(image: Image.Image, dpi: int, kind: str) -> list[Code]:
    """Every code of `kind` ("qr" or "code128") on a rendered page, with its centre in mm."""
    import zxingcpp

    formats = {"qr": zxingcpp.BarcodeFormat.QRCode, "code128": zxingcpp.BarcodeFormat.Code128}
    codes = []
    for result in zxingcpp.read_barcodes(image, formats=formats[kind]):
        corners = (
            result.position.top_left,
            result.position.top_right,
            result.position.bottom_left,
            result.position.bottom_right,
        )
        x = sum(c.x for c in corners) / 4 * 25.4 / dpi
        y = sum(c.y for c in corners) / 4 * 25.4 / dpi
        codes.append(Code(result.text, kind, x, y))
    return codes


def ink(image: Image.Image, dpi: int, box: tuple[float, float, float, float]) -> int:
    """How many dark pixels lie in `box` (x0, y0, x1, y1 in mm from the top-left corner)."""
    scale = dpi / 25.4
    x0, y0, x1, y1 = (round(v * scale) for v in box)
    region = image.crop((x0, y0, x1, y1))
    return sum(region.histogram()[:160])
