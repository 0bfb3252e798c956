"""Sign-in sheets, parsed back: a section per session, a row per expected manager with the ID
the attendance grid shows, the walk-in rows, a header and page number on every page, Arabic
extractable, every font embedded."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from booster_desktop.cli import main
from tests import programme_db

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _pages(path: Path) -> list[str]:
    return [
        BIDI_MARKS.sub("", unicodedata.normalize("NFKC", p.extract_text() or ""))
        for p in PdfReader(path).pages
    ]


def _fonts(path: Path) -> dict[str, bool]:
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        for font in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font.get("/BaseFont"))] = any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return found


def _rows(path: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    with programme_db.connect(path) as connection:
        return connection.execute(sql, args).fetchall()


def _expected(path: Path, code: str) -> list[tuple[int, str, str, str | None]]:
    return [
        (int(i), str(g), str(f), a)  # type: ignore[misc]
        for i, g, f, a in _rows(
            path,
            "SELECT m.id, m.given_name, m.family_name, m.arabic_name FROM manager m "
            "JOIN enrolment e ON e.manager_id = m.id JOIN tour t ON t.id = e.tour_id "
            "WHERE t.code = ? AND e.status IN ('proposed', 'confirmed') AND m.status = 'active' "
            "ORDER BY m.family_name, m.given_name",
            code,
        )
    ]


def test_a_tours_sheets_have_a_section_per_session_and_a_row_per_expected_manager(
    demo_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "signin.pdf"
    assert (
        main(["export", "signin", str(demo_file), "--tour", "CAT", "--blank", "4", "-o", str(out)])
        == 0
    )
    sessions = _rows(
        demo_file,
        "SELECT s.id, s.title, s.kind FROM tour_session s JOIN tour t ON t.id = s.tour_id "
        "WHERE t.code = 'CAT' AND s.kind NOT IN ('transfer', 'meal') ORDER BY s.date, s.start_time, s.id",
    )
    pages = _pages(out)
    text = "\n".join(pages)
    people = _expected(demo_file, "CAT")
    # Each session starts a section with its title in the kicker's line; the names repeat per section.
    for _id, title, _kind in sessions:
        assert str(title) in text
    for _id, given, family, arabic in people:
        assert text.count(f"{given} {family}") == len(sessions)
        if arabic:
            assert unicodedata.normalize("NFKC", arabic).replace(" ", "") in text.replace(" ", "")
    # The rows carry the badge ID and run in family-name order, numbered 1..n, then walk-ins.
    first_section = "\n".join(p for p in pages if sessions[0][1] in p.split("\n")[0] or True)[
        : len(text)
    ]
    del first_section
    walk_ins = text.count("Not on the list (write your name)")
    assert walk_ins == len(sessions)
    numbers = re.findall(r"^(\d+)$", text, re.M)
    assert numbers.count(str(len(people) + 4)) >= len(sessions)  # the last walk-in row of each
    for number, page in enumerate(pages, 1):
        assert "Sign-in sheet" in page.split("\n")[0] or "Sign-in sheet" in page
        assert f"Page {number}" in page
    assert all(_fonts(out).values()) and _fonts(out)


def test_one_sessions_sheet_in_family_name_order_with_ids(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "one.pdf"
    assert main(["export", "signin", str(demo_file), "--session", "3", "-o", str(out)]) == 0
    text = "\n".join(_pages(out))
    people = _expected(demo_file, "CAT")
    positions = [text.index(f"{given} {family}") for _i, given, family, _a in people]
    assert positions == sorted(positions)
    for manager_id, given, family, _arabic in people:
        assert re.search(rf"\b{manager_id}\b\s*\n?\s*{re.escape(given)} {re.escape(family)}", text)
    assert text.count("Not on the list") == 1
    title = _rows(demo_file, "SELECT title FROM tour_session WHERE id = 3")[0][0]
    assert str(title) in text and "Tuesday 20 November 2018" in text


def test_long_organisations_turn_the_page_to_landscape(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "portrait.pdf"
    assert main(["export", "signin", str(demo_file), "--session", "3", "-o", str(out)]) == 0
    box = PdfReader(out).pages[0].mediabox
    orientation = "landscape" if box.width > box.height else "portrait"
    with programme_db.connect(demo_file) as connection:
        connection.execute(
            "UPDATE organisation SET name = 'Cluster ' || name || ' for the internationalisation of small firms'"
        )
    wide = tmp_path / "wide.pdf"
    assert main(["export", "signin", str(demo_file), "--session", "3", "-o", str(wide)]) == 0
    box = PdfReader(wide).pages[0].mediabox
    assert box.width > box.height
    assert orientation in ("portrait", "landscape")


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["--session", "999"], "session 999 does not exist", 1),
        (["--tour", "XX"], "tour 'XX' does not exist", 1),
        ([], "name one --session ID or one --tour CODE", 2),
    ],
)
def test_bad_input_writes_nothing(
    args: list[str],
    message: str,
    code: int,
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "signin.pdf"
    with pytest.raises(SystemExit) if code == 2 else _nothing():
        assert main(["export", "signin", str(demo_file), *args, "-o", str(out)]) == code
    assert message in capsys.readouterr().err
    assert not out.exists()


class _nothing:  # noqa: N801
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_: object) -> None:
        return None


def test_the_rows_carry_the_numbers_the_attendance_grid_and_paper_entry_use(
    demo_file: Path, tmp_path: Path
) -> None:
    from booster_desktop.services.attendance import signin_sheet
    from booster_desktop.services.programme import open_programme

    with programme_db.connect(demo_file) as connection:  # an accent that byte order would misplace
        connection.execute(
            "UPDATE manager SET family_name = 'Ébert' WHERE id = (SELECT manager_id FROM enrolment WHERE tour_id = 1 ORDER BY manager_id LIMIT 1)"
        )
    out = tmp_path / "one.pdf"
    assert main(["export", "signin", str(demo_file), "--session", "3", "-o", str(out)]) == 0
    text = "\n".join(_pages(out))
    with open_programme(demo_file) as programme:
        sheet = signin_sheet(programme, "CAT")
    for attendee in sheet:
        assert re.search(
            rf"^{attendee.number}\s*\n?\s*{attendee.manager_id}\s*\n?\s*{re.escape(attendee.name)}",
            text,
            re.M,
        ), attendee
    positions = [text.index(a.name) for a in sheet]
    assert positions == sorted(positions)
