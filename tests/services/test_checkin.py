"""Check-in at the door: scans read back, each state, double reads, undo, counts, paper.

Every outcome is read back from the file with a separate SQLite connection, so what is
asserted is what is on disk, not what the desk remembers.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from booster_desktop.domain.badge import new_token
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.text import fold
from booster_desktop.services.attendance import (
    attendance_grid,
    find_managers,
    head_count,
    record_paper,
    set_attendance,
    signin_sheet,
    standing_checkins,
)
from booster_desktop.services.checkin import (
    PAPER_DEVICE,
    CheckinDesk,
    ScanState,
    read_candidates,
    session_now,
    tour_now,
)
from booster_desktop.services.programme import ProgrammeFile, open_programme
from tests import programme_db

# 10:00 in Barcelona on the first day of the demo's Catalan tour (Europe/Madrid is UTC+1).
DAY_ONE = datetime(2018, 11, 19, 9, 0, tzinfo=UTC)


def _rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with programme_db.connect(path) as connection:
        return list(connection.execute(sql, params))


def _session(path: Path, tour: str, title_start: str, day: int = 1) -> int:
    (row,) = _rows(
        path,
        "SELECT s.id FROM tour_session s JOIN tour t ON t.id = s.tour_id WHERE t.code = ? "
        "AND s.title LIKE ? ORDER BY s.date, s.start_time LIMIT 1 OFFSET ?",
        tour,
        title_start + "%",
        day - 1,
    )
    return int(row[0])  # type: ignore[call-overload]


def _expected(path: Path, tour: str) -> list[tuple[int, str, str, str]]:
    """(id, token, given name, family name) of the tour's expected managers, read directly."""
    rows = _rows(
        path,
        "SELECT m.id, b.token, m.given_name, m.family_name FROM manager m "
        "JOIN enrolment e ON e.manager_id = m.id JOIN tour t ON t.id = e.tour_id "
        "JOIN badge_token b ON b.manager_id = m.id AND b.revoked_at IS NULL "
        "WHERE t.code = ? AND e.status IN ('proposed', 'confirmed') AND m.status = 'active' "
        "ORDER BY m.id",
        tour,
    )
    return [(int(i), str(t), str(g), str(f)) for i, t, g, f in rows]  # type: ignore[call-overload]


def _outsider(path: Path, tour: str) -> tuple[int, str]:
    ids = {m[0] for m in _expected(path, tour)}
    for manager_id, token in _rows(
        path, "SELECT manager_id, token FROM badge_token WHERE revoked_at IS NULL ORDER BY 1"
    ):
        if manager_id not in ids:
            return int(manager_id), str(token)  # type: ignore[call-overload]
    raise AssertionError("every manager is on the tour")


@pytest.fixture
def door(demo_file: Path) -> Iterator[tuple[ProgrammeFile, CheckinDesk]]:
    with open_programme(demo_file, writable=True) as programme:
        yield (
            programme,
            CheckinDesk(programme, _session(demo_file, "CAT", "Joint training"), device="door-1"),
        )


def _checkins(path: Path) -> list[tuple[object, ...]]:
    return _rows(
        path,
        "SELECT manager_id, session_id, device, voided, admitted_unregistered, recorded_at "
        "FROM checkin ORDER BY recorded_at, id",
    )


# -- reading what a scanner typed ------------------------------------------------------------------


def test_scans_with_stray_characters_and_repeats_read_back_to_the_token() -> None:
    token = new_token()
    for typed in (
        token,
        token.lower(),
        f"{token}\n",
        f"{token}\r\n",
        f"  {token}\t",
        f"\x02{token}\x03",  # start and end of text, as some scanners frame a code
        f"]C0{token}",  # a symbology identifier before the code
        f"*{token}*",
        token + token,  # the same token twice in one line
        f"{token} {token}\n",
        f"{token[:7]}-{token[7:14]}-{token[14:]}",
    ):
        assert read_candidates(typed)[0] == token, typed


def test_a_wrong_check_letter_is_no_token() -> None:
    token = new_token()
    wrong = next(c for c in "CDEFG" if c != token[-1])
    assert read_candidates(token[:-1] + wrong) == []
    assert read_candidates("") == read_candidates("!!!") == []


# -- the states -------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_welcome_is_on_disk_before_it_is_said(
    door: tuple[ProgrammeFile, CheckinDesk], demo_file: Path
) -> None:
    programme, desk = door
    manager_id, token, given, family = _expected(demo_file, "CAT")[0]
    result = desk.record(f"{token}\n", now=DAY_ONE)
    assert (result.state, result.name, result.recorded) == (
        ScanState.WELCOME,
        f"{given} {family}",
        True,
    )
    # Another connection sees it: committed, not pending in the desk's transaction.
    assert _checkins(demo_file) == [
        (manager_id, desk.session.id, "door-1", 0, 0, "2018-11-19 09:00:00.000000")
    ]
    with programme.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_already_says_when_in_the_tours_time(
    door: tuple[ProgrammeFile, CheckinDesk], demo_file: Path
) -> None:
    _, desk = door
    token = _expected(demo_file, "CAT")[0][1]
    desk.record(token, now=DAY_ONE)
    later = desk.record(token, now=DAY_ONE + timedelta(minutes=5))
    assert later.state is ScanState.ALREADY
    assert later.first_local == "10:00"  # 09:00 UTC is 10:00 in Barcelona in November
    assert later.message == "already checked in at 10:00"
    assert not later.recorded and len(_checkins(demo_file)) == 1


def test_the_same_badge_read_twice_within_two_seconds_counts_once_without_alarm(
    door: tuple[ProgrammeFile, CheckinDesk], demo_file: Path
) -> None:
    _, desk = door
    token = _expected(demo_file, "CAT")[0][1]
    first = desk.record(token, now=DAY_ONE)
    again = desk.record(token.lower(), now=DAY_ONE + timedelta(seconds=1.5))
    assert (again.state, again.repeat, again.recorded) == (ScanState.WELCOME, True, False)
    assert first.recorded and len(_checkins(demo_file)) == 1
    third = desk.record(token, now=DAY_ONE + timedelta(seconds=3))
    assert third.state is ScanState.ALREADY and len(_checkins(demo_file)) == 1


def test_not_registered_is_recorded_only_when_admitted(
    door: tuple[ProgrammeFile, CheckinDesk], demo_file: Path
) -> None:
    _, desk = door
    manager_id, token = _outsider(demo_file, "CAT")
    refused = desk.record(token, now=DAY_ONE)
    assert refused.state is ScanState.NOT_REGISTERED and not refused.recorded
    assert _checkins(demo_file) == []
    admitted = desk.admit(manager_id, now=DAY_ONE)
    assert admitted.recorded and admitted.admitted
    assert _checkins(demo_file) == [
        (manager_id, desk.session.id, "door-1", 0, 1, "2018-11-19 09:00:00.000000")
    ]
    count = desk.head_count()
    assert (count.admitted, count.checked_in) == (1, 0)


def test_unknown_and_revoked_badges_record_nothing(
    door: tuple[ProgrammeFile, CheckinDesk], demo_file: Path
) -> None:
    _, desk = door
    manager_id, token, given, family = _expected(demo_file, "CAT")[1]
    unknown = desk.record(new_token(), now=DAY_ONE)
    assert unknown.state is ScanState.UNKNOWN and unknown.name == ""
    with programme_db.connect(demo_file) as connection:
        connection.execute(
            "UPDATE badge_token SET revoked_at = '2018-11-01 00:00:00' WHERE token = ?", (token,)
        )
        connection.execute(
            "INSERT INTO badge_token (token, manager_id, issued_at) VALUES (?, ?, "
            "'2018-11-01 00:00:00')",
            (new_token(), manager_id),
        )
    revoked = desk.record(token, now=DAY_ONE)
    assert (revoked.state, revoked.name) == (ScanState.REVOKED, f"{given} {family}")
    assert _checkins(demo_file) == []


def test_misreads_are_not_unknown_and_record_nothing(
    door: tuple[ProgrammeFile, CheckinDesk], demo_file: Path
) -> None:
    _, desk = door
    token = _expected(demo_file, "CAT")[0][1]
    wrong = next(c for c in "CDEFG" if c != token[-1])
    for typed in (token[:-1] + wrong, token[:-3], "", "   \n", "\x1b[31m!!", "Ω" * 500):
        result = desk.record(typed, now=DAY_ONE)
        assert result.state is ScanState.MISREAD, typed
        assert "\x1b" not in result.token and "scan" in result.message
    assert desk.record(token[:-1] + wrong).message == "misread, scan again"
    two = _expected(demo_file, "CAT")[1][1]
    assert desk.record(f"{token} {two}").state is ScanState.MISREAD
    assert _checkins(demo_file) == []


def test_a_session_of_another_tour_is_refused(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        with pytest.raises(BoosterError, match="belongs to tour"):
            CheckinDesk(programme, _session(demo_file, "WAL", "Joint training"), tour="CAT")
        with pytest.raises(BoosterError, match="does not exist"):
            CheckinDesk(programme, 99999)
    with open_programme(demo_file) as programme, pytest.raises(BoosterError, match="read-only"):
        CheckinDesk(programme, 1)


# -- undo and counts ----------------------------------------------------------------------------


def test_undo_voids_the_last_check_in_and_keeps_it(
    door: tuple[ProgrammeFile, CheckinDesk], demo_file: Path
) -> None:
    programme, desk = door
    people = _expected(demo_file, "CAT")
    desk.record(people[0][1], now=DAY_ONE)
    desk.record(people[1][1], now=DAY_ONE + timedelta(seconds=10))
    assert desk.head_count().checked_in == 2
    undone = desk.void_last()
    assert undone.manager_id == people[1][0]
    rows = _checkins(demo_file)
    assert [(r[0], r[3]) for r in rows] == [(people[0][0], 0), (people[1][0], 1)]
    assert desk.head_count().checked_in == 1 and standing_checkins(programme) == 1
    # Undone, the badge checks in again as a new arrival.
    assert desk.record(people[1][1], now=DAY_ONE + timedelta(minutes=1)).recorded
    desk.void_last()
    desk.void_last()
    with pytest.raises(BoosterError, match="nothing to undo"):
        desk.void_last()
    assert all(r[3] == 1 for r in _checkins(demo_file))


def test_head_count_takes_a_person_once_and_lists_who_is_missing(
    demo_file: Path,
) -> None:
    people = _expected(demo_file, "CAT")
    session = _session(demo_file, "CAT", "Benchmarking visit")
    with open_programme(demo_file, writable=True) as programme:
        one = CheckinDesk(programme, session, device="front door")
        two = CheckinDesk(programme, session, device="back door")
        for _, token, _, _ in people[:5]:
            one.record(token, now=DAY_ONE)
        two.record_manager(people[0][0], now=DAY_ONE + timedelta(minutes=1))
        # Both laptops' rows are kept; the head count takes the person once.
        count = head_count(programme, session)
        assert (count.checked_in, count.expected) == (5, len(people))
        assert count.label() == f"5 / {len(people)}"
        missing = [a.manager_id for a in count.missing]
        assert missing == [
            m[0] for m in sorted(people[5:], key=lambda m: (fold(m[3]), fold(m[2]), m[0]))
        ]
    assert len(_checkins(demo_file)) == 5  # the hand check-in found one standing: already


def test_the_session_happening_now_is_found_in_the_tours_time_zone(demo_file: Path) -> None:
    training = _session(demo_file, "CAT", "Joint training")
    visit = _session(demo_file, "CAT", "Benchmarking visit")
    dinner = _session(demo_file, "CAT", "Welcome dinner")
    with open_programme(demo_file) as programme:

        def now(hour: int, minute: int = 0) -> int | None:
            found = session_now(programme, "CAT", datetime(2018, 11, 19, hour, minute, tzinfo=UTC))
            return None if found is None else found.id

        assert now(7) == training  # 08:00 in Barcelona: the first session of the day is next
        # 11:45 UTC is 12:45 in Barcelona: the training (09:30-12:30) is over there, though
        # not in UTC; the visit is next.
        assert now(11, 45) == visit
        assert now(14) == visit
        assert now(19) == dinner  # 20:00 local
        assert now(22) == dinner  # 23:00 local, after the last session: still the day's last one
        assert session_now(programme, "CAT", datetime(2018, 12, 1, tzinfo=UTC)) is None
        assert tour_now(programme, DAY_ONE) == "CAT"
        assert tour_now(programme, datetime(2030, 1, 1, tzinfo=UTC)) is None
        session = session_now(programme, "CAT", DAY_ONE)
        assert session is not None and session.is_today(DAY_ONE)
        assert not session.is_today(DAY_ONE + timedelta(days=1))


# -- paper ---------------------------------------------------------------------------------------


def test_the_signin_sheet_numbers_managers_in_family_name_order(demo_file: Path) -> None:
    with open_programme(demo_file) as programme:
        sheet = signin_sheet(programme, "CAT")
    people = sorted(_expected(demo_file, "CAT"), key=lambda m: (fold(m[3]), fold(m[2]), m[0]))
    assert [(a.number, a.manager_id) for a in sheet] == [(n, m[0]) for n, m in enumerate(people, 1)]


def test_paper_attendance_by_token_id_and_sheet_number(demo_file: Path) -> None:
    session = _session(demo_file, "CAT", "Joint training", day=2)
    people = _expected(demo_file, "CAT")
    with open_programme(demo_file, writable=True) as programme:
        sheet = signin_sheet(programme, "CAT")
        third = next(a for a in sheet if a.manager_id not in (people[0][0], people[1][0]))
        results = record_paper(
            programme,
            session,
            [people[0][1], str(people[1][0]), f"#{third.number}", str(people[1][0])],
        )
        assert [r.state for r in results] == ["welcome", "welcome", "welcome", "already"]
        with pytest.raises(BoosterError, match="numbers 1 to"):
            record_paper(programme, session, [f"#{len(sheet) + 1}"])
        grid = attendance_grid(programme, "CAT")
    rows = _checkins(demo_file)
    assert {r[0] for r in rows} == {people[0][0], people[1][0], third.manager_id}
    assert {r[2] for r in rows} == {PAPER_DEVICE}
    # Recorded at the session's start: 09:30 in Barcelona, 08:30 UTC.
    assert {r[5] for r in rows} == {"2018-11-20 08:30:00.000000"}
    assert grid.is_present(session, people[0][0])
    assert grid.is_present(session, third.manager_id)
    assert sum(grid.is_present(session, a.manager_id) for a in grid.managers) == 3


def test_ticking_and_unticking_the_grid(demo_file: Path) -> None:
    session = _session(demo_file, "CAT", "Joint training")
    manager_id, _outsider_token = _outsider(demo_file, "CAT")
    with open_programme(demo_file, writable=True) as programme:
        set_attendance(programme, session, manager_id, True)
        grid = attendance_grid(programme, "CAT")
        assert grid.is_present(session, manager_id)
        assert grid.managers[-1].manager_id == manager_id  # admitted: listed after the sheet
        set_attendance(programme, session, manager_id, False)
        assert not attendance_grid(programme, "CAT").is_present(session, manager_id)
    assert [(r[0], r[2], r[3], r[4]) for r in _checkins(demo_file)] == [
        (manager_id, PAPER_DEVICE, 1, 1)
    ]


def test_a_forgotten_badge_is_found_by_a_few_letters_of_the_name(demo_file: Path) -> None:
    _, _, given, family = _expected(demo_file, "CAT")[0]
    with open_programme(demo_file) as programme:
        found = find_managers(programme, family[:4].lower())
        assert any(a.name == f"{given} {family}" for a in found)
        assert find_managers(programme, "x") == []
