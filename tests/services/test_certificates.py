"""Certificates of attendance: who gets one (79% no, 80% yes), counted from standing
check-ins once per session, the hours, numbers kept across reprints, the PDF parsed back."""

from __future__ import annotations

import io
import re
import unicodedata
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader

from booster_desktop.cli import main
from tests import programme_db
from tests.exports.test_signin_pdf import _fonts
from tests.services.test_rosters import check_in

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _pages(path: Path) -> list[str]:
    return [
        BIDI_MARKS.sub("", unicodedata.normalize("NFKC", p.extract_text() or ""))
        for p in PdfReader(path).pages
    ]


def _sql(path: Path, statement: str, *args: object) -> list[tuple[object, ...]]:
    with programme_db.connect(path) as connection:
        return connection.execute(statement, args).fetchall()


def _hundred_sessions(path: Path) -> list[int]:
    """CAT with 100 one-hour training sessions (and its meals and networking left as they are)."""
    _sql(path, "DELETE FROM tour_session WHERE tour_id = 1 AND kind IN ('training', 'visit')")
    with programme_db.connect(path) as connection:
        for n in range(100):
            connection.execute(
                "INSERT INTO tour_session (tour_id, kind, title, date, start_time, end_time, uuid, revision) "
                "VALUES (1, 'training', ?, ?, ?, ?, ?, 0)",
                (
                    f"Workshop {n + 1:03d}",
                    f"2018-11-{19 + n % 5}",
                    f"{8 + n // 20:02d}:00:00.000000",
                    f"{9 + n // 20:02d}:00:00.000000",
                    str(uuid.uuid4()),
                ),
            )
    return [
        int(i)
        for (i,) in _sql(
            path, "SELECT id FROM tour_session WHERE tour_id = 1 AND kind = 'training' ORDER BY id"
        )
    ]  # type: ignore[call-overload]


def _cat_managers(path: Path) -> list[int]:
    return [
        int(m)
        for (m,) in _sql(
            path, "SELECT manager_id FROM enrolment WHERE tour_id = 1 ORDER BY manager_id"
        )
    ]  # type: ignore[call-overload]


def test_eighty_percent_earns_a_certificate_seventy_nine_does_not(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions = _hundred_sessions(demo_file)
    managers = _cat_managers(demo_file)
    at80, at79 = managers[0], managers[1]
    for session in sessions[:80]:
        check_in(demo_file, session, at80, "2018-11-19 07:55:00.000000")
    for session in sessions[:79]:
        check_in(demo_file, session, at79, "2018-11-19 07:55:00.000000")
    # Counted once per session, voided ones not at all: neither lifts 79 to 80.
    check_in(demo_file, sessions[0], at79, "2018-11-19 07:58:00.000000", device="laptop-2")
    check_in(demo_file, sessions[99], at79, "2018-11-19 07:58:00.000000", voided=True)
    out = tmp_path / "certificates.pdf"
    assert main(["export", "certificates", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    pages = _pages(out)
    assert len(pages) == 1
    name = " ".join(
        map(
            str,
            _sql(demo_file, "SELECT given_name, family_name FROM manager WHERE id = ?", at80)[0],
        )
    )
    assert name in pages[0]
    assert "attended 80 of its 100 training sessions and benchmarking visits (80 hours)" in pages[
        0
    ].replace("\n", " ")
    below = " ".join(
        map(
            str,
            _sql(demo_file, "SELECT given_name, family_name FROM manager WHERE id = ?", at79)[0],
        )
    )
    assert f"below 80%: {below} (ID {at79}), 79 of 100 sessions (79%)" in captured.err
    assert "1 certificates" in captured.out


def test_a_certificate_lists_the_sessions_attended_with_hours_and_both_scripts(
    demo_file: Path, tmp_path: Path
) -> None:
    _sql(
        demo_file,
        "UPDATE programme SET coordinator_name = 'Leila Haddad', coordinator_title = 'Programme coordinator'",
    )
    counted = [
        (int(i), str(t))
        for i, t in _sql(
            demo_file,
            "SELECT id, title FROM tour_session WHERE tour_id = 1 AND kind IN ('training', 'visit') ORDER BY date, start_time",
        )
    ]
    manager = _cat_managers(demo_file)[0]
    for session, _title in counted[:-1]:  # all but the last: 8 of 9, 89%
        check_in(demo_file, session, manager, "2018-11-19 07:55:00.000000", device="paper")
    out = tmp_path / "certificates.pdf"
    assert main(["export", "certificates", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 0
    (page,) = _pages(out)
    given, family, arabic = _sql(
        demo_file, "SELECT given_name, family_name, arabic_name FROM manager WHERE id = ?", manager
    )[0]
    assert f"{given} {family}" in page
    assert unicodedata.normalize("NFKC", str(arabic)).replace(" ", "") in page.replace(" ", "")
    attended = [title for _session, title in counted[:-1]]
    for title in set(title for _session, title in counted):
        assert page.count(title) == attended.count(title)
    # 4 trainings of 3 h and 4 visits of 2.5 h: 22 hours.
    assert "attended 8 of its 9" in page and "(22 hours)" in page
    assert re.search(r"Total\s*22 h", page)
    assert "Leila Haddad" in page and "Programme coordinator" in page
    assert "ACCIÓ" in page and "19 November 2018" in page and "23 November 2018" in page
    assert re.search(r"Certificate no\. CAT-2018-0001", page)
    assert all(_fonts(out).values())


def test_a_reprint_carries_the_same_number_and_a_newcomer_the_next(
    demo_file: Path, tmp_path: Path
) -> None:
    counted = [
        int(i)
        for (i,) in _sql(
            demo_file,
            "SELECT id FROM tour_session WHERE tour_id = 1 AND kind IN ('training', 'visit')",
        )
    ]  # type: ignore[call-overload]
    first, second = _cat_managers(demo_file)[:2]
    for session in counted:
        check_in(demo_file, session, second, "2018-11-19 07:55:00.000000")
    out = tmp_path / "c.pdf"
    assert main(["export", "certificates", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 0
    assert _sql(demo_file, "SELECT manager_id, number FROM certificate") == [
        (second, "CAT-2018-0001")
    ]
    for session in counted:
        check_in(demo_file, session, first, "2018-11-19 07:55:00.000000")
    assert main(["export", "certificates", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 0
    assert sorted(_sql(demo_file, "SELECT manager_id, number FROM certificate")) == sorted(
        [(second, "CAT-2018-0001"), (first, "CAT-2018-0002")]
    )
    text = "\n".join(_pages(out))
    assert "CAT-2018-0001" in text and "CAT-2018-0002" in text


def test_below_the_minimum_only_when_granted_by_id(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manager = _cat_managers(demo_file)[0]
    check_in(demo_file, 1, manager, "2018-11-19 08:00:00.000000")
    out = tmp_path / "c.pdf"
    assert main(["export", "certificates", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 1
    assert "nobody on tour CAT attended 80%" in capsys.readouterr().err
    assert not out.exists() and _sql(demo_file, "SELECT count(*) FROM certificate") == [(0,)]
    assert (
        main(
            [
                "export",
                "certificates",
                str(demo_file),
                "--tour",
                "CAT",
                "--grant",
                str(manager),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert len(_pages(out)) == 1 and "attended 1 of its 9" in _pages(out)[0]
    assert (
        main(
            [
                "export",
                "certificates",
                str(demo_file),
                "--tour",
                "CAT",
                "--grant",
                "9999",
                "-o",
                str(out),
            ]
        )
        == 1
    )
    assert "manager 9999 does not exist" in capsys.readouterr().err


def test_the_minimum_is_the_programmes_setting_unless_given(
    demo_file: Path, tmp_path: Path
) -> None:
    manager = _cat_managers(demo_file)[0]
    for session in (1, 2, 3, 4, 5):  # 5 of 9: 55%
        check_in(demo_file, session, manager, "2018-11-19 08:00:00.000000")
    out = tmp_path / "c.pdf"
    assert main(["export", "certificates", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 1
    _sql(demo_file, "UPDATE programme SET attendance_minimum = 50")
    assert main(["export", "certificates", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 0
    assert (
        main(
            [
                "export",
                "certificates",
                str(demo_file),
                "--tour",
                "CAT",
                "--minimum",
                "60",
                "-o",
                str(tmp_path / "d.pdf"),
            ]
        )
        == 1
    )


def test_the_signature_image_is_drawn(demo_file: Path, tmp_path: Path) -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), "navy").save(buffer, format="PNG")
    with programme_db.connect(demo_file) as connection:
        connection.execute("UPDATE programme SET signature = ?", (buffer.getvalue(),))
    manager = _cat_managers(demo_file)[0]
    for session in range(1, 10):
        check_in(demo_file, session, manager, "2018-11-19 08:00:00.000000")
    out = tmp_path / "c.pdf"
    assert main(["export", "certificates", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 0
    page = PdfReader(out).pages[0]
    assert len(page.images) == 1


def test_an_output_onto_the_programme_file_keeps_no_number(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manager = _cat_managers(demo_file)[0]
    for session in range(1, 10):
        check_in(demo_file, session, manager, "2018-11-19 08:00:00.000000")
    (tmp_path / "c.pdf").mkdir()
    assert (
        main(
            [
                "export",
                "certificates",
                str(demo_file),
                "--tour",
                "CAT",
                "-o",
                str(tmp_path / "c.pdf"),
            ]
        )
        == 1
    )
    assert "is a folder" in capsys.readouterr().err
    assert _sql(demo_file, "SELECT count(*) FROM certificate") == [(0,)]
