"""Badge PDFs read back as a scanner and a person would: every code decoded on the rendered
page and matched by position to the name printed there, names kept inside their box, the
printer correction and the duplex backs measured on the page, fonts and print scaling."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from booster_desktop.domain.badge import new_token
from booster_desktop.domain.badge_data import BadgeData, WeekItem
from booster_desktop.domain.errors import BoosterError
from booster_desktop.exports.badge_layout import (
    BadgeLayout,
    Box,
    PrinterCorrection,
    read_layout,
    shipped_layouts,
)
from booster_desktop.exports.badges import (
    QR_QUIET_MODULES,
    fit,
    front_geometry,
    write_badges,
    write_calibration,
)
from booster_desktop.i18n import use_language
from tests.exports.pdf_pages import (
    BIDI_MARKS,
    MM,
    decode,
    ink,
    needs_poppler,
    render,
    words,
)

pytestmark = needs_poppler

LONG_NAME = ("Mohamed Abdelrahman Mahmoud", "Ibrahim El-Sayed Abdelfattah Ali")
WEEK = tuple(
    WeekItem(
        date(2026, 11, 9 + day),
        time(9 + 3 * slot),
        time(10 + 3 * slot),
        f"Item {day}{slot}",
        f"Venue {day}{slot}",
    )
    for day in range(5)
    for slot in range(2)
)
PEOPLE = [
    ("Amina", "Ben Youssef", "أمينة بن يوسف", "Tunisia"),
    ("Élodie", "Marchand", "", "Morocco"),
    ("Nourhan", "Abdelrahman", "نورهان عبد الرحمن", "Egypt"),
    (*LONG_NAME, "", "Egypt"),
    ("Hamza", "Alaoui", "حمزة العلوي", "Morocco"),
    ("Øyvind", "Çelik-Łukasz", "", "Jordan"),
    ("Rana", "Fakhoury", "رنا فاخوري", "Lebanon"),
    ("Yasmine", "Haddad", "", "Algeria"),
    ("Karim", "Mansour", "كريم منصور", "Palestine"),
    ("Sara", "Nasser", "", "Jordan"),
    ("Omar", "Touati", "عمر التواتي", "Algeria"),
]


def _badges(count: int | None = None) -> list[BadgeData]:
    people = PEOPLE if count is None else (PEOPLE * 3)[:count]
    badges = [
        BadgeData(
            given_name=given,
            family_name=family,
            arabic_name=arabic,
            organisation="Cluster Mécanique et Électrique",
            country=country,
            tour_code="CAT",
            tour_title="Inspiration and learning tour: Catalonia",
            tour_start=date(2026, 11, 9),
            tour_end=date(2026, 11, 13),
            host_agency="ACCIÓ",
            token=new_token(),
            manager_id=number,
            week=WEEK,
            emergency_phone="+34 600 123 456",
        )
        for number, (given, family, arabic, country) in enumerate(people, 1)
    ]
    badges.insert(
        2,
        BadgeData(
            given_name="Jordi",
            family_name="Puig",
            organisation="ACCIÓ",
            tour_title="Inspiration and learning tour: Catalonia",
            role="host_contact",
            emergency_phone="+34 600 123 456",
        ),
    )
    return badges


def _cell_of(layout: BadgeLayout, x: float, y: float) -> int | None:
    """The index on its page of the badge whose box holds (x, y) mm."""
    for index in range(layout.per_page):
        cell = layout.cell(index)
        if cell.x <= x <= cell.right and cell.y <= y <= cell.bottom:
            return index
    return None


def _words_in(found: list, box: tuple[float, float, float, float]) -> list[str]:
    x0, y0, x1, y1 = (v * MM for v in box)
    return [w.text for w in found if x0 <= w.centre[0] <= x1 and y0 <= w.centre[1] <= y1]


@pytest.mark.parametrize("name", sorted(shipped_layouts()))
def test_every_code_decodes_to_the_token_of_the_name_printed_beside_it(
    name: str, tmp_path: Path
) -> None:
    layout = shipped_layouts()[name]
    badges = _badges()[: layout.per_page + 2] if layout.per_page > 1 else _badges()[:3]
    out = tmp_path / "badges.pdf"
    pages = write_badges(badges, layout, out)
    assert pages == -(-len(badges) // layout.per_page)
    for page in range(pages):
        on_page = badges[page * layout.per_page : (page + 1) * layout.per_page]
        page_words = words(out, page + 1)
        seen: dict[tuple[str, int], str] = {}
        for dpi, kinds in ((300, ("qr", "code128")), (150, ("qr",))):
            image = render(out, page + 1, dpi)
            for kind in kinds:
                for code in decode(image, dpi, kind):
                    index = _cell_of(layout, code.x, code.y)
                    assert index is not None, f"a {kind} code outside every badge"
                    badge = on_page[index]
                    assert code.text == badge.token, (kind, dpi, badge.name)
                    cell = layout.cell(index)
                    printed = _words_in(page_words, (cell.x, cell.y, cell.right, cell.bottom))
                    assert badge.given_name.split()[0] in printed
                    seen[(kind, dpi), index] = code.text  # type: ignore[index]
        with_codes = {i for i, b in enumerate(on_page) if b.token}
        for key in (("qr", 300), ("code128", 300), ("qr", 150)):
            assert {i for (k, i) in seen if k == key} == with_codes, key  # type: ignore[misc]


def test_staff_badges_show_their_role_and_carry_no_code(tmp_path: Path) -> None:
    layout = shipped_layouts()["a4-8-90x55"]
    out = tmp_path / "badges.pdf"
    write_badges(_badges()[:4], layout, out)
    staff = layout.cell(2)
    image = render(out, 1, 300)
    assert all(_cell_of(layout, c.x, c.y) != 2 for c in decode(image, 300, "qr"))
    printed = _words_in(words(out, 1), (staff.x, staff.y, staff.right, staff.bottom))
    assert "HOST" in printed and "Jordi" in printed


def test_every_name_is_extracted_arabic_included_after_nfkc(tmp_path: Path) -> None:
    layout = shipped_layouts()["avery-l7418"]
    badges = _badges()
    out = tmp_path / "badges.pdf"
    write_badges(badges, layout, out)
    text = "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)
    # Lines joined: a long name wraps onto two lines.
    text = " ".join(BIDI_MARKS.sub("", unicodedata.normalize("NFKC", text)).split())
    for badge in badges:
        assert badge.given_name in text and badge.family_name in text
        if badge.arabic_name:
            assert badge.arabic_name in text
    poppler = subprocess.run(
        ["pdftotext", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    poppler = BIDI_MARKS.sub("", unicodedata.normalize("NFKC", poppler))
    assert "Élodie" in poppler and "Çelik-Łukasz" in poppler


@pytest.mark.parametrize(
    "name", ["a4-8-90x55", "avery-l4785", "avery-5395", "herma-4412", "durable-1445"]
)
def test_a_60_character_name_stays_inside_its_box(name: str, tmp_path: Path) -> None:
    layout = shipped_layouts()[name]
    given, family = LONG_NAME
    assert len(f"{given} {family}") == 60
    badge = _badges()[4]
    assert (badge.given_name, badge.family_name) == LONG_NAME
    out = tmp_path / "long.pdf"
    write_badges([badge], layout, out)
    geometry = front_geometry(layout)
    cell = layout.cell(0)
    names = geometry.names
    quiet = geometry.qr.width / geometry.qr_modules * QR_QUIET_MODULES
    image = render(out, 1, 300)
    top, bottom = cell.y + names.y, cell.y + names.bottom
    # Nothing between the name box and the QR code's quiet zone, nor in the quiet zone itself.
    assert ink(image, 300, (cell.x + names.right + 0.2, top, cell.x + geometry.qr.x, bottom)) == 0
    # Nothing left of the box, and nothing between the box and the barcode.
    assert ink(image, 300, (cell.x + 0.3, top, cell.x + names.x - 0.2, bottom)) == 0
    assert (
        ink(
            image,
            300,
            (
                cell.x + names.x,
                cell.y + names.bottom + 0.1,
                cell.x + names.right,
                cell.y + geometry.bars.y - 0.1,
            ),
        )
        == 0
    )
    assert ink(image, 300, (cell.x + names.x, top, cell.x + names.right, bottom)) > 0
    # Every word whole, on the page (wrapped between words, never cut).
    printed = _words_in(words(out, 1), (cell.x, cell.y, cell.right, cell.bottom))
    for word in f"{given} {family}".split():
        assert word in printed
    # And the QR code still scans next to it.
    assert [c.text for c in decode(image, 300, "qr")] == [badge.token]
    assert quiet > 0


def test_a_word_too_long_for_any_size_is_broken_between_letters_within_the_width() -> None:
    fitted = fit(
        "Abdelrahmanmahmoudibrahimelsayedabdelfattahalimansour",
        bold=True,
        largest=20,
        smallest=12,
        width=150,
    )
    from booster_desktop.exports.pdf_text import BOLD, width_of

    assert 1 <= len(fitted.lines) <= 2
    assert all(width_of(line, BOLD, fitted.size) <= 150 for line in fitted.lines)
    assert "".join(fitted.lines) == "Abdelrahmanmahmoudibrahimelsayedabdelfattahalimansour"


def test_the_offset_and_scale_move_every_badge_by_the_amount_asked(tmp_path: Path) -> None:
    layout = shipped_layouts()["avery-l7418"]
    badges = [b for b in _badges() if b.token][: layout.per_page]
    plain, moved, scaled = tmp_path / "plain.pdf", tmp_path / "moved.pdf", tmp_path / "scaled.pdf"
    write_badges(badges, layout, plain)
    write_badges(badges, layout, moved, correction=PrinterCorrection(2.5, -1.5, 100))
    write_badges(badges, layout, scaled, correction=PrinterCorrection(0, 0, 102))
    before = {c.text: c for c in decode(render(plain, 1, 300), 300, "qr")}
    after = {c.text: c for c in decode(render(moved, 1, 300), 300, "qr")}
    grown = {c.text: c for c in decode(render(scaled, 1, 300), 300, "qr")}
    assert set(before) == set(after) == set(grown) == {b.token for b in badges}
    pixel = 25.4 / 300
    for token, code in before.items():
        assert after[token].x - code.x == pytest.approx(2.5, abs=2 * pixel)
        assert after[token].y - code.y == pytest.approx(-1.5, abs=2 * pixel)
        centre_x, centre_y = layout.page_width / 2, layout.page_height / 2
        assert grown[token].x - centre_x == pytest.approx((code.x - centre_x) * 1.02, abs=3 * pixel)
        assert grown[token].y - centre_y == pytest.approx((code.y - centre_y) * 1.02, abs=3 * pixel)
    # The words move exactly as much in the PDF itself.
    first, second = words(plain, 1), words(moved, 1)
    assert len(first) == len(second)
    for a, b in zip(first, second, strict=True):
        assert (b.x0 - a.x0) / MM == pytest.approx(2.5, abs=0.01)
        assert (b.y0 - a.y0) / MM == pytest.approx(-1.5, abs=0.01)


def test_an_offset_that_pushes_a_badge_off_the_page_is_refused_and_writes_nothing(
    tmp_path: Path,
) -> None:
    layout = shipped_layouts()["avery-5395"]
    out = tmp_path / "badges.pdf"
    with pytest.raises(BoosterError, match="pushes badge 2 of layout 'avery-5395' off the page"):
        write_badges(_badges()[:3], layout, out, correction=PrinterCorrection(25, 0))
    with pytest.raises(BoosterError, match="off the page"):
        write_calibration(layout, out, PrinterCorrection(0, 0, 130))
    assert list(tmp_path.iterdir()) == []


def _inside(cell: Box, x: float, y: float) -> bool:
    """Whether (x, y) points lies in `cell` (mm)."""
    return cell.x * MM <= x <= cell.right * MM and cell.y * MM <= y <= cell.bottom * MM


@pytest.mark.parametrize("name", ["a4-8-90x55", "avery-5395"])
def test_each_duplex_back_lies_behind_its_front(name: str, tmp_path: Path) -> None:
    layout = shipped_layouts()[name]
    badges = _badges()[: layout.per_page]
    out = tmp_path / "duplex.pdf"
    assert write_badges(badges, layout, out, back=True, correction=PrinterCorrection(1, 1)) == 2
    front, back = words(out, 1), words(out, 2)
    page_width = layout.page_width * MM
    for index, badge in enumerate(badges):
        cell = layout.cell(index)
        on_front = [w for w in front if w.text == badge.given_name.split()[0]]
        assert any(_inside(cell, *w.centre) for w in on_front), badge.name
        # Turned over along the long edge, a point at x on the back lies behind width - x.
        on_back = [w for w in back if w.text == badge.given_name.split()[0]]
        assert on_back and all(
            _inside(cell, page_width - w.centre[0], w.centre[1]) for w in on_back[:1]
        ), badge.name
    text = " ".join(w.text for w in back)
    assert "+34" in text and "Item 00" in text and "Venue 41" in text


def test_every_font_is_embedded_and_the_pdf_asks_not_to_be_scaled(tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    write_badges(_badges(), shipped_layouts()["a4-8-90x55"], out, back=True)
    listing = subprocess.run(
        ["pdffonts", str(out)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        assert "Helvetica" not in line
        columns = line.split()
        assert columns[-5] == "yes", line  # emb
    preferences = PdfReader(out).trailer["/Root"]["/ViewerPreferences"]
    assert preferences["/PrintScaling"] == "/None"
    assert preferences["/Duplex"] == "/DuplexFlipLongEdge"


def test_the_calibration_page_draws_a_100_mm_line_that_is_100_mm_on_the_page(
    tmp_path: Path,
) -> None:
    layout = shipped_layouts()["avery-l4785"]
    for scale in (100.0, 102.0):
        out = tmp_path / f"calibration-{scale}.pdf"
        write_calibration(layout, out, PrinterCorrection(0, 0, scale))
        reader = PdfReader(out)
        assert reader.trailer["/Root"]["/ViewerPreferences"]["/PrintScaling"] == "/None"
        assert "100%" in (reader.pages[1].extract_text() or "")
        image = render(out, 1, 300)
        row = round(layout.page_height / 2 * 300 / 25.4)
        dark = [
            x
            for x in range(image.width)
            if any(image.getpixel((x, y)) < 160 for y in range(row - 2, row + 3))
        ]
        centre = image.width // 2
        # The horizontal line's run of ink through the page's centre.
        left = right = centre
        while left - 1 in dark:
            left -= 1
        while right + 1 in dark:
            right += 1
        assert (right - left + 1) * 25.4 / 300 == pytest.approx(scale, abs=0.4)


def test_french_badges_and_calibration_page_say_their_words_in_french(tmp_path: Path) -> None:
    use_language("fr")
    layout = shipped_layouts()["avery-l4785"]
    out = tmp_path / "badges.pdf"
    write_badges(_badges()[:2], layout, out, back=True)  # the phone is on the back
    text = subprocess.run(
        ["pdftotext", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Urgence : +34 600 123 456" in text and "Emergency" not in text
    out = tmp_path / "calibration.pdf"
    write_calibration(layout, out, PrinterCorrection(1.5, -0.5, 101.5))
    text = " ".join((PdfReader(out).pages[1].extract_text() or "").split())
    assert "Correction sur cette page : x 1.5 mm, y -0.5 mm, échelle 101.5 %" in text
    assert "scale" not in text


def test_shipped_layouts_fit_their_pages_and_keep_the_codes_large_enough() -> None:
    layouts = shipped_layouts()
    assert {
        "a4-8-90x55",
        "a6-single",
        "avery-l7418",
        "avery-l4785",
        "avery-5395",
        "herma-4412",
        "durable-1445",
    } <= set(layouts)
    for layout in layouts.values():
        geometry = front_geometry(layout)
        assert geometry.qr.width >= 20 and layout.bar_width >= 0.19
        assert geometry.bars.right <= layout.badge_width and geometry.qr.right <= layout.badge_width
    assert layouts["avery-5395"].page == pytest.approx((215.9, 279.4))
    assert layouts["a4-8-90x55"].cut_marks and layouts["a4-8-90x55"].per_page == 8
    # The makers' margins: the last badge ends as far from the page's bottom-right corner as
    # their templates say (HERMA 4412: 17.5 and 13.5 mm; Durable 1445-02: 15 and 15 mm).
    for name, right, bottom in (("herma-4412", 17.5, 13.5), ("durable-1445", 15, 15)):
        layout = layouts[name]
        last = layout.cell(layout.per_page - 1)
        assert layout.per_page == 10
        assert (layout.page_width - last.right, layout.page_height - last.bottom) == (
            pytest.approx(right),
            pytest.approx(bottom),
        )


def test_a_new_layout_is_a_few_lines_and_a_wrong_one_is_refused(tmp_path: Path) -> None:
    good = tmp_path / "my-sheet.toml"
    good.write_text(
        'title = "Six on A4"\npage = "A4"\nbadge_width = 95\nbadge_height = 90\ncolumns = 2\n'
        "rows = 3\nleft = 10\ntop = 10\nhorizontal_pitch = 95\nvertical_pitch = 90\n"
    )
    layout = read_layout(good)
    assert layout.per_page == 6 and layout.name == "my-sheet"
    bad = tmp_path / "too-many.toml"
    bad.write_text(good.read_text().replace("rows = 3", "rows = 4"))
    with pytest.raises(BoosterError, match="do not fit on a 210 x 297 mm page"):
        read_layout(bad)
    small = tmp_path / "tiny-qr.toml"
    small.write_text(good.read_text() + "qr_size = 15\n")
    with pytest.raises(BoosterError, match="qr_size must be at least 20 mm"):
        read_layout(small)
