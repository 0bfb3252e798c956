"""The agenda booklet, parsed back and rasterised: pages, the week at a glance, every item,
contacts, fonts embedded, and every name in its script (footers included, vowel marks kept,
long values shortened and said)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from booster_desktop.cli import main
from booster_desktop.domain.agenda import Agenda, AgendaItem, Participant, TourAgenda
from booster_desktop.exports.agenda_pdf import write_agenda
from booster_desktop.services.agenda import agenda
from booster_desktop.services.programme import open_programme
from tests import programme_db

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed"
)


def _clean(text: str) -> str:
    return BIDI_MARKS.sub("", unicodedata.normalize("NFKC", text))


def _pages(path: Path) -> list[str]:
    return [_clean(page.extract_text() or "") for page in PdfReader(path).pages]


def _text(path: Path) -> str:
    return "\n".join(_pages(path))


def _footer(page: str) -> str:
    """The page's running footer: extracted last, on the line ending in "page N"."""
    lines = [line for line in page.splitlines() if re.search(r"page \d+$", line)]
    assert lines, page
    return lines[-1]


def _fonts(path: Path) -> dict[str, bool]:
    """Each font the PDF uses, and whether its file is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def _sql(path: Path, statement: str, *values: object) -> None:
    with programme_db.connect(path) as connection:
        connection.execute(statement, values)
    connection.close()


@pytest.mark.parametrize("code", ["CAT", "WAL", "SUD", "PIE"])
@pytest.mark.sqlite_only
def test_every_demo_tour_makes_a_booklet_of_at_most_four_pages(
    code: str, demo_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"{code}.pdf"
    assert main(["export", "agenda", str(demo_file), "--tour", code, "-o", str(out)]) == 0
    with open_programme(demo_file) as programme:
        tour = agenda(programme, code).tours[0]
    pages = _pages(out)
    assert len(pages) <= 4
    cover, glance = pages[0], pages[1]
    # The cover names the region once (the demo's titles already hold it), above the host
    # agency (whose name may hold it too) and not counting the running footer.
    heading = " ".join(cover.replace(_footer(cover), "").split("Hosted by")[0].split())
    assert heading.count(tour.region) == 1, cover
    assert "Leila Mansour, Programme coordinator" in cover
    assert "+32 470 55 01 99" in cover  # the emergency phone
    assert _clean(tour.stay.hotel_name) in cover and tour.stay.hotel_phone in cover
    assert "The week at a glance" in glance
    for day, _items in tour.days():
        assert f"{day:%a} {day.day} {day:%b}" in glance
    text = "\n".join(pages[2:])
    for day, _items in tour.days():
        assert f"{day:%A} {day.day} {day:%B %Y}" in text
    for item in tour.items:
        assert _clean(item.title) in text
    assert "Participants" in text
    for person in tour.participants:
        assert person.name in text
        if person.arabic_name:
            # Extracted as presentation forms in visual order; NFKC gives the letters back,
            # and the words come out in logical order.
            assert _clean(person.arabic_name) in text, person.arabic_name
    fonts = _fonts(out)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, demo_file.name])


def test_the_days_run_on_instead_of_a_page_each(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "cat.pdf"
    assert main(["export", "agenda", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 0
    day_pages = _pages(out)[2:]
    days_on_a_page = [len(re.findall(r"day \d+ November 2018", page)) for page in day_pages]
    assert sum(days_on_a_page) == 5
    assert max(days_on_a_page) >= 2


def test_proposed_participants_are_marked_or_left_out(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_programme(demo_file) as programme:
        people = agenda(programme, "CAT").tours[0].participants
    confirmed, proposed = people[0], people[1]
    _sql(
        demo_file,
        "UPDATE enrolment SET status = 'confirmed' WHERE manager_id = ? AND tour_id = "
        "(SELECT id FROM tour WHERE code = 'CAT')",
        confirmed.manager_id,
    )
    marked, only = tmp_path / "marked.pdf", tmp_path / "confirmed.pdf"
    assert main(["export", "agenda", str(demo_file), "--tour", "CAT", "-o", str(marked)]) == 0
    args = ["export", "agenda", str(demo_file), "--tour", "CAT", "--confirmed-only"]
    assert main([*args, "-o", str(only)]) == 0
    listed = _text(marked).split("Participants")[-1]
    assert f"{confirmed.name}\n" in listed + "\n"  # no mark after the confirmed one
    assert f"{proposed.name}\nproposed" in listed
    assert listed.count("proposed") == len(people) - 1 + 1  # each mark, and the legend
    kept = _text(only).split("Participants")[-1]
    assert confirmed.name in kept
    assert proposed.name not in kept and "proposed" not in kept


def test_a_personal_agenda_names_the_manager_on_every_page(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "amina.pdf"
    assert main(["export", "agenda", str(demo_file), "--manager", "1", "-o", str(out)]) == 0
    with open_programme(demo_file) as programme:
        personal = agenda(programme, manager=1)
    pages = _pages(out)
    assert "Personal agenda" in pages[0] and "Amina Benali" in pages[0]
    assert _clean(personal.for_manager_arabic or "") in pages[0]
    assert len(personal.tours) == 2
    for tour in personal.tours:
        assert tour.title in pages[0]
        assert tour.stay.hotel_name in _clean(pages[0])
    for page in pages:
        assert "CAT · PIE · Agenda of Amina Benali" in _footer(page)


def test_an_arabic_only_name_is_in_every_footer(demo_file: Path, tmp_path: Path) -> None:
    name = "ليلى حداد"
    _sql(
        demo_file, "UPDATE manager SET given_name = ?, family_name = ? WHERE id = 1", "ليلى", "حداد"
    )
    out = tmp_path / "layla.pdf"
    assert main(["export", "agenda", str(demo_file), "--manager", "1", "-o", str(out)]) == 0
    pages = _pages(out)
    assert len(pages) > 3
    for number, page in enumerate(pages, 1):
        footer = _footer(page)
        assert name in footer, (number, footer)
        assert "Agenda of" in footer and "\x00" not in footer
    # pdftotext, the other reader people's tools use, finds it too.
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert _clean(text).count(name) >= len(pages)


def _tour(**changes: object) -> TourAgenda:
    values: dict[str, object] = {
        "code": "MIX",
        "title": "Mixed scripts",
        "region": "",
        "city": "",
        "host_agency": "",
        "start": date(2020, 1, 6),
        "end": date(2020, 1, 6),
        "time_zone": "Europe/Paris",
        "focus_topics": (),
        "items": (),
        "participants": (),
    }
    values.update(changes)
    return TourAgenda(**values)  # type: ignore[arg-type]


def test_a_mixed_script_line_keeps_both_scripts(tmp_path: Path) -> None:
    mixed = "Amina بنت يوسف"
    tour = _tour(participants=(Participant(mixed, "أمينة", "Morocco", "Élan Cluster"),))
    out = tmp_path / "mixed.pdf"
    write_agenda(Agenda((tour,)), out)
    text = _text(out)
    assert "Amina" in text and "بنت يوسف" in text and "\x00" not in text
    assert "Élan Cluster" in text


def test_arabic_in_every_field_prints_in_its_script(tmp_path: Path) -> None:
    """The field case: Arabic in the Latin name columns, in an organisation, with digits,
    with vowel marks, and a very long name."""
    people = (
        Participant("Abdallah Al Ahmad", "عبد الله الأحمد", "Jordan", "Jordan ICT Cluster"),
        Participant(
            "Mohamed Al Hashimi",
            "محمد عبد الرحمن بن عبد العزيز آل عبد اللطيف الهاشمي",
            "Egypt",
            "Cluster ICT الأردن",
        ),
        Participant("Salma Nouri", "سَلْمى النُّوري", "Tunisia", "مجمع 2 للنسيج"),
        Participant("ليلى حداد", "ليلى حداد", "Lebanon", "Beirut Food Cluster"),
    )
    item = AgendaItem(
        id=1,
        kind="visit",
        title="زيارة مجمع 2 للنسيج",
        day=date(2020, 1, 6),
        start=time(9),
        end=time(11),
        venue="مجمع النسيج",
        address="Rue 7, Tunis",
        description="",
        speakers=("سَلْمى النُّوري",),
        contacts=(),
        topics=(),
        visited="",
        transfer="",
        transfer_minutes=0,
    )
    out = tmp_path / "field.pdf"
    notes = write_agenda(Agenda((_tour(items=(item,), participants=people),)), out)
    text = _text(out)
    for person in people:
        assert _clean(person.name) in text, person.name
    assert _clean("عبد الله الأحمد") in text  # letter by letter, not the "Allah" ligature
    # Digits in Arabic text have a glyph (Noto Naskh has none: DejaVu is used). Readers put
    # the number of an extracted right-to-left line in the wrong place ("للنسيج2 مجمع", from
    # pypdf and pdftotext alike, while the page reads right): each word is checked.
    for value in ("مجمع 2 للنسيج", "زيارة مجمع 2 للنسيج", "Cluster ICT الأردن"):
        assert all(_clean(word) in text for word in value.split()), value
    assert "\x00" not in text
    # The vowel marks are drawn (reportlab extracts them beside their letters).
    assert "\u064e" in text and "\u0651" in text and "\u064f" in text
    assert notes == []  # nothing here is too long for its place
    fonts = _fonts(out)
    assert (
        all(fonts.values())
        and any("Naskh" in f for f in fonts)
        and any("DejaVu" in f for f in fonts)
    )


def test_a_ten_thousand_character_name_is_shortened_and_said(tmp_path: Path) -> None:
    long_name = ("Mohamed " * 1250)[:10_000]
    long_arabic = ("محمد " * 2000)[:10_000]
    tour = _tour(
        participants=(
            Participant(long_name, long_arabic, "Egypt", "Nile Cluster", manager_id=7),
            Participant("Amina Benali", "أمينة بن علي", "Algeria", "Algiers Cluster", manager_id=8),
        )
    )
    out = tmp_path / "long.pdf"
    notes = write_agenda(
        Agenda((tour,), for_manager=long_name, for_manager_arabic=long_arabic), out
    )
    pages = _pages(out)
    text = "\n".join(pages)
    assert "..." in text and "Amina Benali" in text  # NFKC spells the ellipsis out
    assert len(pages) <= 4
    assert all("Agenda of Mohamed Mohamed" in _footer(page) for page in pages)
    assert "participant 7 of MIX: name shortened to fit the page (10,000 characters)" in notes
    assert (
        "participant 7 of MIX: name in Arabic shortened to fit the page (10,000 characters)"
        in notes
    )
    assert "the name shortened to fit the page (10,000 characters)" in notes
    assert "the running footer shortened to fit the page (10,016 characters)" in notes
    assert not any("participant 8" in note for note in notes)


def test_the_command_says_which_value_it_shortened(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The longest names the file accepts, on one participant of CAT.
    with open_programme(demo_file) as programme:
        someone = agenda(programme, "CAT").tours[0].participants[0]
    _sql(
        demo_file,
        "UPDATE manager SET given_name = ?, family_name = ? WHERE id = ?",
        "Abcdefghij" * 12,
        "Klmnopqrst" * 12,
        someone.manager_id,
    )
    out = tmp_path / "cat.pdf"
    assert main(["export", "agenda", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[1:] == [
        f"Note: participant {someone.manager_id} of CAT: name shortened to fit the page "
        "(241 characters)"
    ]
    assert "Abcdefghij" in _text(out) and "Abcdefg..." in _text(out)


def test_a_very_long_description_runs_across_pages(tmp_path: Path) -> None:
    words = " ".join(f"word{n}" for n in range(3_000))  # about 20,000 characters
    item = AgendaItem(
        id=3,
        kind="training",
        title="Long",
        day=date(2020, 1, 6),
        start=time(9),
        end=time(10),
        venue="",
        address="",
        description=words,
        speakers=(),
        contacts=(),
        topics=(),
        visited="",
        transfer="",
        transfer_minutes=0,
    )
    out = tmp_path / "long.pdf"
    assert write_agenda(Agenda((_tour(items=(item,)),)), out) == []
    text = _text(out)
    assert "word0 " in text and "word2999" in text


# -- vowel marks, judged on the rendered page ----------------------------------------------------


def _ink(pdf: Path, tmp_path: Path) -> tuple[int, tuple[int, int, int, int]]:
    """Dark pixels of the page at 300 dpi, and their bounding box (left, top, right, bottom)."""
    base = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-gray", "-r", "300", str(pdf), str(base)], check=True)
    (image,) = tmp_path.glob(f"{pdf.stem}*.pgm")
    data = image.read_bytes()
    header = data.split(b"\n", 3)
    width, height = map(int, header[1].split())
    pixels = header[3]
    assert len(pixels) == width * height
    dark = [i for i, value in enumerate(pixels) if value < 128]
    image.unlink()
    xs, ys = [i % width for i in dark], [i // width for i in dark]
    return len(dark), (min(xs), min(ys), max(xs), max(ys))


def _drawn(text: str, path: Path) -> Path:
    """`text` drawn at 40 pt through the one text path, alone on a small page."""
    from reportlab.pdfgen.canvas import Canvas

    from booster_desktop.exports.pdf_text import BODY, PdfText, register_fonts

    register_fonts()
    canvas = Canvas(str(path), pagesize=(400, 120), initialFontName=BODY)
    PdfText().draw(canvas, 20, 40, text, 40)
    canvas.save()
    return path


@needs_poppler
@pytest.mark.parametrize(
    ("bare", "marked"),
    [("سلمى", "سَلْمى"), ("نور", "نُور"), ("Salma سلمى", "Salma سَلْمى")],
)
def test_vowel_marks_are_drawn_on_their_letters(bare: str, marked: str, tmp_path: Path) -> None:
    ink_bare, box_bare = _ink(_drawn(bare, tmp_path / "bare.pdf"), tmp_path)
    ink_marked, box_marked = _ink(_drawn(marked, tmp_path / "marked.pdf"), tmp_path)
    assert ink_marked > ink_bare * 1.03  # the marks are there
    # ... over the word, not beside it: the marks add height, never width.
    assert box_marked[0] >= box_bare[0] - 3 and box_marked[2] <= box_bare[2] + 3


@needs_poppler
@pytest.mark.parametrize("font_check", ["سلمى", "Salma سلمى"])  # Noto Naskh, then DejaVu
def test_a_mark_over_a_tall_letter_is_drawn_clear_of_its_stem(
    font_check: str, tmp_path: Path
) -> None:
    """A fatha over a lam adds as much ink as over a short letter: it is not drawn across
    the lam's stem (where both fonts put it unless raised)."""
    prefix = font_check.removesuffix("سلمى")
    ink = {
        name: _ink(_drawn(prefix + text, tmp_path / f"{name}.pdf"), tmp_path)[0]
        for name, text in {
            "short": "نور",
            "short_marked": "نَور",
            "tall": "لون",
            "tall_marked": "لَون",
        }.items()
    }
    over_short = ink["short_marked"] - ink["short"]
    over_tall = ink["tall_marked"] - ink["tall"]
    assert over_short > 0
    assert over_tall > 0.9 * over_short


@needs_poppler
def test_a_vowel_over_a_shadda_is_raised_clear_of_it(tmp_path: Path) -> None:
    """Two marks above one letter (نُّ): the damma is drawn whole above the shadda, so it
    adds as much ink as it does on a letter of its own."""
    ink = {
        name: _ink(_drawn(text, tmp_path / f"{name}.pdf"), tmp_path)
        for name, text in {
            "bare": "النوري",
            "shadda": "النّوري",
            "damma": "النُوري",
            "both": "النُّوري",
        }.items()
    }
    damma = ink["damma"][0] - ink["bare"][0]
    with_shadda = ink["both"][0] - ink["shadda"][0]
    assert damma > 0
    assert with_shadda > 0.9 * damma  # not hidden under the shadda
    assert ink["both"][1][1] < ink["shadda"][1][1] - 5  # and above it


# -- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tour", "XYZ"], "tour 'XYZ' does not exist"),
        (["--manager", "999"], "manager 999 does not exist"),
    ],
)
def test_bad_requests_are_one_line_and_write_nothing(
    args: list[str],
    message: str,
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out" / "agenda.pdf"
    out.parent.mkdir()
    assert main(["export", "agenda", str(demo_file), *args, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert list(out.parent.iterdir()) == []


def test_no_tour_nor_manager_is_a_usage_error(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "agenda.pdf"
    with pytest.raises(SystemExit) as exit_:
        main(["export", "agenda", str(demo_file), "-o", str(out)])
    assert exit_.value.code == 2
    assert "--tour CODE is required" in capsys.readouterr().err
    assert not out.exists()


def test_an_unwritable_target_leaves_no_partial_file(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # CI runs as root, for whom a read-only folder is writable: make the rename fail instead.
    def refuse(self: Path, target: object) -> Path:
        raise PermissionError(13, "Permission denied", str(target))

    out = tmp_path / "shots" / "agenda.pdf"
    out.parent.mkdir()
    monkeypatch.setattr(Path, "replace", refuse)
    assert main(["export", "agenda", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 1
    monkeypatch.undo()
    assert f"cannot write {out} (Permission denied)" in capsys.readouterr().err
    assert list(out.parent.iterdir()) == []
    missing = tmp_path / "nowhere" / "agenda.pdf"
    assert main(["export", "agenda", str(demo_file), "--tour", "CAT", "-o", str(missing)]) == 1
    assert "no such folder" in capsys.readouterr().err


def _png(width: int, height: int) -> bytes:
    """A plain blue PNG, written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + b"\x1f\x6f\xb2" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_the_programmes_logo_is_on_the_cover(demo_file: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from booster_desktop.services.programme_details import programme_details, save_details

    with open_programme(demo_file, writable=True) as programme:
        save_details(programme, replace(programme_details(programme), logo=_png(300, 100)))
    out = tmp_path / "cat.pdf"
    assert main(["export", "agenda", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 0
    cover = PdfReader(out).pages[0]
    (image,) = cover.images
    assert (image.image.width, image.image.height) == (300, 100)  # type: ignore[union-attr]
    assert not PdfReader(out).pages[1].images


def test_control_characters_and_bidi_overrides_are_never_drawn(tmp_path: Path) -> None:
    escaped = "Amina\x1b[31m Benali\x07"
    overridden = "\u202eilaneB animA"  # would print reversed if the override were obeyed
    tour = _tour(
        participants=(
            Participant(escaped, "", "Algeria", '=HYPERLINK("x")'),
            Participant(overridden, "", "Algeria", "Tab\there"),
        )
    )
    out = tmp_path / "controls.pdf"
    write_agenda(Agenda((tour,)), out)
    raw = "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert "Amina[31m Benali" in raw and "\x1b" not in raw and "\x07" not in raw
    assert "\u202e" not in raw and "ilaneB animA" in raw
    assert '=HYPERLINK("x")' in raw  # formula-like text stays text
    assert "Tab here" in raw
