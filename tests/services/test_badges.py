"""Who gets a badge, the print log read back from the file, reprints refused or allowed, a lost
badge revoked and reissued, and the command's answers to bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from booster_desktop.cli import main
from booster_desktop.domain.errors import BoosterError
from booster_desktop.services import listing
from booster_desktop.services.badges import (
    BadgeRequest,
    PrinterCorrection,
    export_badges,
    gather_badges,
    reissue_token,
    token_status,
)
from booster_desktop.services.programme import check_programme, open_programme
from tests import programme_db


def _log(path: Path) -> list[tuple[int, int | None, str, str, str | None]]:
    with programme_db.connect(path) as connection:
        return connection.execute(
            "SELECT manager_id, tour_id, token, event, layout FROM badge_print ORDER BY id"
        ).fetchall()


def test_a_tours_badges_are_its_expected_managers_with_their_tokens(demo_file: Path) -> None:
    with open_programme(demo_file) as programme:
        expected = listing.list_managers(programme, "CAT")
        found = gather_badges(programme, BadgeRequest(tour="CAT"))
    assert {b.manager_id: b.token for b in found.badges} == {
        m["id"]: m["badge_token"] for m in expected
    }
    badge = found.badges[0]
    assert badge.tour_code == "CAT" and badge.tour_title and badge.host_agency
    assert badge.week and all(badge.tour_start <= i.day <= badge.tour_end for i in badge.week)  # type: ignore[operator]
    assert any(b.arabic_name for b in found.badges)
    names = [(b.family_name, b.given_name) for b in found.badges]
    assert names == sorted(names)


def test_everyone_gets_a_badge_per_expected_tour_and_chosen_managers_only_theirs(
    demo_file: Path,
) -> None:
    with open_programme(demo_file) as programme:
        everyone = gather_badges(programme, BadgeRequest())
        chosen = gather_badges(programme, BadgeRequest(managers=(3, 5)))
        on_tour = gather_badges(
            programme, BadgeRequest(tour="CAT", managers=(chosen.badges[0].manager_id,))
        )  # type: ignore[arg-type]
    with programme_db.connect(demo_file) as connection:
        pairs = connection.execute(
            "SELECT count(*) FROM enrolment WHERE status IN ('proposed', 'confirmed')"
        ).fetchone()[0]
    assert len(everyone.badges) == pairs
    assert {b.manager_id for b in chosen.badges} == {3, 5}
    assert len(chosen.badges) == 4  # two tours each in the demo
    assert [b.manager_id for b in on_tour.badges] == [chosen.badges[0].manager_id]


def test_confirmed_only_and_staff(demo_file: Path) -> None:
    with programme_db.connect(demo_file) as connection:
        connection.execute(
            "UPDATE enrolment SET status = 'confirmed' WHERE id IN "
            "(SELECT e.id FROM enrolment e JOIN tour t ON t.id = e.tour_id "
            "WHERE t.code = 'CAT' ORDER BY e.id LIMIT 3)"
        )
    with open_programme(demo_file) as programme:
        confirmed = gather_badges(programme, BadgeRequest(tour="CAT", confirmed_only=True))
        with_staff = gather_badges(programme, BadgeRequest(tour="CAT", include_staff=True))
    assert len(confirmed.badges) == 3
    staff = [b for b in with_staff.badges if b.role]
    assert staff and all(not b.token and b.manager_id is None for b in staff)
    assert {b.role for b in staff} <= {"expert", "speaker", "host_contact"}


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (BadgeRequest(tour="XYZ"), "tour 'XYZ' does not exist"),
        (BadgeRequest(managers=(999,)), "manager 999 does not exist"),
        (BadgeRequest(include_staff=True), "--include-staff: whose staff"),
        (BadgeRequest(tour="CAT", confirmed_only=True), "no confirmed managers"),
    ],
)
def test_bad_requests_are_refused_in_one_line(
    demo_file: Path, request_: BadgeRequest, message: str
) -> None:
    with open_programme(demo_file) as programme, pytest.raises(BoosterError, match=message):
        gather_badges(programme, request_)


def test_a_manager_not_on_the_tour_is_named(demo_file: Path) -> None:
    with open_programme(demo_file) as programme:
        outside = next(
            m["id"]
            for m in listing.list_managers(programme)
            if m["id"] not in {r["id"] for r in listing.list_managers(programme, "CAT")}
        )
        with pytest.raises(BoosterError, match=f"manager {outside} is not expected on tour CAT"):
            gather_badges(programme, BadgeRequest(tour="CAT", managers=(outside,)))


def test_printing_is_logged_and_a_reprint_is_refused_unless_asked(
    demo_file: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    with open_programme(demo_file, writable=True) as programme:
        done = export_badges(programme, first, BadgeRequest(tour="CAT"), layout="avery-l7418")
        with pytest.raises(
            BoosterError, match=r"already printed: .+ \(\d\d \w+ \d{4}\).*--reprint"
        ):
            export_badges(programme, second, BadgeRequest(tour="CAT"))
        assert not second.exists()
        log = _log(demo_file)
        assert len(log) == done.badges == 12
        assert {row[3] for row in log} == {"printed"} and {row[4] for row in log} == {"avery-l7418"}
        again = export_badges(programme, second, BadgeRequest(tour="CAT"), reprint=True)
        assert len(again.reprinted) == 12 and len(_log(demo_file)) == 24
        with pytest.raises(BoosterError, match="every badge has been printed"):
            gather_badges(programme, BadgeRequest(tour="CAT", only_unprinted=True))
        # Another tour is not printed yet.
        assert gather_badges(programme, BadgeRequest(tour="WAL", only_unprinted=True)).badges
    assert len(PdfReader(first).pages) == 2


def test_revoke_and_reissue_makes_the_old_token_revoked_and_the_badge_unprinted(
    demo_file: Path, tmp_path: Path
) -> None:
    with open_programme(demo_file, writable=True) as programme:
        export_badges(programme, tmp_path / "cat.pdf", BadgeRequest(tour="CAT"))
        lost = gather_badges(programme, BadgeRequest(tour="CAT")).badges[4]
        assert lost.manager_id is not None
        new = reissue_token(programme, lost.manager_id)
        assert new != lost.token
        assert token_status(programme, lost.token) == (lost.manager_id, True)
        assert token_status(programme, new) == (lost.manager_id, False)
        assert token_status(programme, "CDEFGHJKLNPRSTUVXCDEF") is None
        left = gather_badges(programme, BadgeRequest(tour="CAT", only_unprinted=True))
        assert [(b.manager_id, b.token) for b in left.badges] == [(lost.manager_id, new)]
        export_badges(
            programme, tmp_path / "new.pdf", BadgeRequest(tour="CAT", only_unprinted=True)
        )
    log = _log(demo_file)
    assert (lost.manager_id, None, lost.token, "reissued", None) in log
    assert log[-1][2] == new and log[-1][3] == "printed"
    assert check_programme(demo_file) is None


@pytest.mark.sqlite_only
def test_nothing_is_logged_when_the_pdf_cannot_be_written(demo_file: Path, tmp_path: Path) -> None:
    before = demo_file.read_bytes()
    with open_programme(demo_file, writable=True) as programme:
        with pytest.raises(BoosterError, match="no such folder"):
            export_badges(programme, tmp_path / "missing" / "b.pdf", BadgeRequest(tour="CAT"))
        with pytest.raises(BoosterError, match="is the programme file itself"):
            export_badges(programme, demo_file, BadgeRequest(tour="CAT"))
        with pytest.raises(BoosterError, match="off the page"):
            export_badges(
                programme,
                tmp_path / "b.pdf",
                BadgeRequest(tour="CAT"),
                correction=PrinterCorrection(40, 0),
            )
    assert _log(demo_file) == []
    assert not (tmp_path / "b.pdf").exists()
    assert demo_file.read_bytes()[:100] == before[:100]


def test_the_command(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cat.pdf"
    base = ["export", "badges", str(demo_file), "--tour", "CAT"]
    assert main([*base, "--include-staff", "--back", "-o", str(out)]) == 0
    assert "badges on" in capsys.readouterr().out
    assert main([*base, "-o", str(tmp_path / "again.pdf")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "already printed" in error and "--reprint" in error
    assert main([*base, "--reprint", "--layout", "a6-single", "-o", str(tmp_path / "a6.pdf")]) == 0
    assert len(PdfReader(tmp_path / "a6.pdf").pages) == 12
    assert main([*base, "--layout", "nope", "--reprint", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "badge layout 'nope' does not exist" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main([*base, "--offset", "1,x", "-o", str(tmp_path / "x.pdf")])
    assert usage.value.code == 2
    capsys.readouterr()
    assert (
        main(
            [
                *base,
                "--calibration",
                "--offset",
                "1,-1",
                "--scale",
                "101.5",
                "-o",
                str(tmp_path / "cal.pdf"),
            ]
        )
        == 0
    )
    assert "x 1 mm, y -1 mm, scale 101.5%" in (
        PdfReader(tmp_path / "cal.pdf").pages[1].extract_text() or ""
    )
    manager = str(gather_first(demo_file))
    assert (
        main(
            [
                "export",
                "badges",
                str(demo_file),
                "--manager",
                manager,
                "--reissue",
                "-o",
                str(tmp_path / "lost.pdf"),
            ]
        )
        == 0
    )
    agenda = ["export", "agenda", str(demo_file), "--manager", "1", "--manager", "2"]
    with pytest.raises(SystemExit) as usage:
        main([*agenda, "-o", str(tmp_path / "a.pdf")])
    assert usage.value.code == 2
    assert not (tmp_path / "x.pdf").exists()


def gather_first(path: Path) -> int:
    with open_programme(path) as programme:
        manager_id = gather_badges(programme, BadgeRequest(tour="CAT")).badges[0].manager_id
    assert manager_id is not None
    return manager_id


def test_cancelling_writes_no_pdf_and_logs_nothing(demo_file: Path, tmp_path: Path) -> None:
    from booster_desktop.domain.errors import Cancelled

    def cancel(done: int, total: int, what: str) -> None:
        raise Cancelled()

    out = tmp_path / "cancelled.pdf"
    with open_programme(demo_file, writable=True) as programme, pytest.raises(Cancelled):
        export_badges(programme, out, BadgeRequest(tour="CAT"), progress=cancel)
    assert [p.name for p in tmp_path.iterdir() if "cancelled" in p.name] == []
    assert _log(demo_file) == []


def test_undoing_a_managers_delete_brings_back_their_print_log(
    demo_file: Path, tmp_path: Path
) -> None:
    from booster_desktop.services.records import delete_records, restore

    with open_programme(demo_file, writable=True) as programme:
        export_badges(programme, tmp_path / "cat.pdf", BadgeRequest(tour="CAT"))
        manager_id = _log(demo_file)[0][0]
        before = _log(demo_file)
        snapshot = delete_records(programme, "manager", [manager_id])
        assert all(row[0] != manager_id for row in _log(demo_file))
        restore(programme, snapshot)
    assert sorted(_log(demo_file)) == sorted(before)


def test_a_refused_reissue_leaves_every_token_as_it_was(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def tokens() -> list[tuple[str, int, object]]:
        with programme_db.connect(demo_file) as connection:
            return connection.execute(
                "SELECT token, manager_id, revoked_at FROM badge_token ORDER BY token"
            ).fetchall()

    before = tokens()
    manager = str(gather_first(demo_file))
    base = ["export", "badges", str(demo_file), "--manager", manager, "--reissue"]
    assert main([*base, "--offset", "40,0", "-o", str(tmp_path / "lost.pdf")]) == 1
    assert main([*base, "--manager", "999", "-o", str(tmp_path / "lost.pdf")]) == 1
    assert main([*base, "-o", str(tmp_path / "missing" / "lost.pdf")]) == 1
    assert (
        main(["export", "badges", str(demo_file), "--reissue", "-o", str(tmp_path / "x.pdf")]) == 1
    )
    assert "whose badge was lost" in capsys.readouterr().err
    assert tokens() == before and _log(demo_file) == []
    assert main([*base, "-o", str(tmp_path / "lost.pdf")]) == 0
    after = tokens()
    assert len(after) == len(before) + 1
    assert sum(1 for t in after if t[1] == int(manager) and t[2] is not None) == 1


def test_a_detail_too_long_for_its_badge_is_shortened_and_said(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "Cluster " + "of very long organisation names " * 5
    with programme_db.connect(demo_file) as connection:
        connection.execute(
            "UPDATE organisation SET name = ? WHERE id = "
            "(SELECT organisation_id FROM manager WHERE id = ?)",
            (long.strip(), gather_first(demo_file)),
        )
    layout = tmp_path / "my-sheet.toml"
    layout.write_text(
        'title = "Six on A4"\npage = "A4"\nbadge_width = 95\nbadge_height = 90\ncolumns = 2\n'
        "rows = 3\nleft = 10\ntop = 10\nhorizontal_pitch = 95\nvertical_pitch = 90\n"
    )
    out = tmp_path / "b.pdf"
    assert (
        main(
            [
                "export",
                "badges",
                str(demo_file),
                "--tour",
                "CAT",
                "--layout",
                str(layout),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "12 badges on 2 pages, my-sheet" in printed
    assert "Note: a name or organisation shortened to fit the page" in printed
    assert len(PdfReader(out).pages) == 2


def test_the_door_refuses_a_revoked_badge_and_welcomes_the_new_one(
    demo_file: Path, tmp_path: Path
) -> None:
    from booster_desktop.services.checkin import CheckinDesk, ScanState

    with open_programme(demo_file, writable=True) as programme:
        lost = gather_badges(programme, BadgeRequest(tour="CAT")).badges[0]
        assert lost.manager_id is not None
        new = reissue_token(programme, lost.manager_id)
        with programme_db.connect(demo_file) as connection:
            session = connection.execute(
                "SELECT s.id FROM tour_session s JOIN tour t ON t.id = s.tour_id "
                "WHERE t.code = 'CAT' ORDER BY s.date, s.start_time LIMIT 1"
            ).fetchone()[0]
        desk = CheckinDesk(programme, session)
        assert desk.record(lost.token).state is ScanState.REVOKED
        assert desk.record(new).state is ScanState.WELCOME
