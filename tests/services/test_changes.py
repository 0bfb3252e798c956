"""The write gate's contract: every write reports what it changed, and the gate hands one
change record (tables, rows, columns, action, device, time) to whoever listens."""

from __future__ import annotations

import ast
import platform
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import text

import booster_desktop.services
from booster_desktop.domain.details import TourContacts
from booster_desktop.services import (
    allocation,
    attendance,
    badges,
    checkin,
    demand,
    journal,
    listing,
    managers,
    personal_data,
    programme_details,
    records,
    sessions,
    settings,
    topics,
    tours,
)
from booster_desktop.services.allocation_data import (
    apply_allocation,
    apply_allocation_undoably,
    load_instance,
    restore_enrolments,
)
from booster_desktop.services.changes import Action, Change, acting_as, current_device
from booster_desktop.services.importing import import_file
from booster_desktop.services.programme import ProgrammeFile, backup_programme, open_programme
from tests import programme_db


def _reallocate(programme: ProgrammeFile) -> None:
    """An allocation applied over places some were taken from (applying the demo's own
    allocation again changes nothing, so writes nothing)."""
    from booster_desktop.store.changes import report

    with programme.writing() as connection:
        ids = list(connection.scalars(text("SELECT id FROM enrolment WHERE id % 3 = 0")))
        report(connection, "enrolment", ids)
        connection.execute(text("DELETE FROM enrolment WHERE id % 3 = 0"))
    apply_allocation(programme, allocation.solve(load_instance(programme)))


def _reallocate_and_restore(programme: ProgrammeFile) -> None:
    from booster_desktop.store.changes import report

    with programme.writing() as connection:
        ids = list(connection.scalars(text("SELECT id FROM enrolment WHERE id % 3 = 0")))
        report(connection, "enrolment", ids)
        connection.execute(text("DELETE FROM enrolment WHERE id % 3 = 0"))
    applied = apply_allocation_undoably(programme, allocation.solve(load_instance(programme)))
    restore_enrolments(programme, applied.replaced)


def _heard(programme: ProgrammeFile) -> list[Change]:
    heard: list[Change] = []
    programme.listen(heard.append)
    return heard


def test_a_write_that_reports_nothing_is_refused_and_rolled_back(demo_file: Path) -> None:
    before = programme_db.fingerprint(demo_file)
    with open_programme(demo_file, writable=True) as programme:
        heard = _heard(programme)
        with (
            pytest.raises(AssertionError, match="reported nothing"),
            programme.writing() as connection,
        ):
            connection.execute(text("UPDATE topic SET name = 'Changed' WHERE id = 1"))
        assert heard == []
        with programme.engine.connect() as connection:
            assert connection.scalar(text("SELECT name FROM topic WHERE id = 1")) != "Changed"
    assert programme_db.fingerprint(demo_file) == before


def test_a_block_that_rolls_itself_back_needs_no_report(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        heard = _heard(programme)
        with programme.writing() as connection:
            connection.execute(text("UPDATE topic SET name = 'Changed' WHERE id = 1"))
            transaction = connection.get_transaction()
            assert transaction is not None
            transaction.rollback()
        assert heard == []


def test_the_record_names_rows_columns_device_and_time(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        heard = _heard(programme)
        old = managers.manager_details(programme, 3)
        managers.save_manager(programme, replace(old, given_name="Renamed"), 3)
        (change,) = heard
    assert change.action is Action.EDIT
    assert change.ids("manager") == {3}
    assert change.touches(["manager.given_name"]) and not change.touches(["manager.status"])
    assert current_device() == platform.node() and change.device == platform.node()
    assert timedelta(0) <= datetime.now(UTC) - change.at < timedelta(minutes=1)


def test_an_undo_is_recorded_as_one(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        heard = _heard(programme)
        snapshot = records.delete_records(programme, "topic", [2])
        with acting_as(Action.UNDO):
            records.restore(programme, snapshot)
    assert [c.action for c in heard] == [Action.EDIT, Action.UNDO]
    assert heard[0].ids("topic") == heard[1].ids("topic") == {2}
    assert "topic_interest" in heard[0].tables


def _sheet(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Given name", "Family name", "Country", "E-mail", "Topic 1"])
    sheet.append(["Nadia", "Haddad", "Tunisia", "nadia.haddad@example.org", "Brand new topic"])
    book.save(path)
    return path


# Each write service, called once as the window or the command calls it, with the action its
# record must carry and tables it must name.
WRITES: dict[str, tuple[Callable[[ProgrammeFile, Path], object], Action, set[str]]] = {
    "records.delete_together": (
        lambda p, _: records.delete_together(p, [("manager", [1], {1: 1}), ("topic", [2], None)]),
        Action.EDIT,
        {"manager", "enrolment", "topic_interest", "badge_token", "topic"},
    ),
    "records.restore": (
        lambda p, _: records.restore(p, records.delete_records(p, "tour", [1])),
        Action.EDIT,
        {"tour", "enrolment", "tour_session"},
    ),
    "managers.save_manager": (
        lambda p, _: managers.save_manager(
            p,
            replace(
                managers.ManagerDetails(), given_name="New", family_name="One", country_code="TN"
            ),
        ),
        Action.EDIT,
        {"manager", "badge_token"},
    ),
    "topics.save_topic": (
        lambda p, _: topics.save_topic(p, topics.TopicDetails("A new topic")),
        Action.EDIT,
        {"topic"},
    ),
    "tours.save_tour": (
        lambda p, _: tours.save_tour(p, replace(tours.tour_details(p, 1), notes="New notes"), 1),
        Action.EDIT,
        {"tour"},
    ),
    "sessions.save_session": (
        lambda p, _: sessions.save_session(
            p, replace(sessions.session_details(p, 1), date=date(2026, 3, 3)), 1
        ),
        Action.EDIT,
        {"tour_session", "session_person", "session_topic"},
    ),
    "programme_details.save_details": (
        lambda p, _: programme_details.save_details(
            p,
            replace(programme_details.programme_details(p), emergency_phone="+32 2 555 09 09"),
            {"CAT": TourContacts(hotel_name="Hotel Sant Pau")},
        ),
        Action.EDIT,
        {"programme", "tour"},
    ),
    "demand.set_focus": (
        lambda p, _: demand.set_focus(p, 1, 1, (1, 1) not in demand.tour_focus(p)[1]),
        Action.EDIT,
        {"tour_focus_topic"},
    ),
    "demand.set_priority": (
        lambda p, _: demand.set_priority(p, 1, True),
        Action.EDIT,
        {"topic"},
    ),
    "settings.save_programme_settings": (
        lambda p, _: settings.save_programme_settings(p, {"attendance_minimum": 70}),
        Action.EDIT,
        {"programme"},
    ),
    "allocation_data.apply_allocation_undoably": (
        lambda p, _: _reallocate(p),
        Action.ALLOCATION,
        {"enrolment"},
    ),
    "allocation_data.restore_enrolments": (
        lambda p, _: _reallocate_and_restore(p),
        Action.ALLOCATION,
        {"enrolment"},
    ),
    "certificates.export_certificates": (
        lambda p, folder: _certify(p, folder),
        Action.EDIT,
        {"certificate"},
    ),
    "importing._import": (
        lambda p, folder: import_file(p, _sheet(folder / "one.xlsx")),
        Action.IMPORT,
        {"manager", "topic", "topic_interest", "badge_token"},
    ),
    "badges.export_badges": (
        lambda p, folder: badges.export_badges(
            p, folder / "b.pdf", badges.BadgeRequest(tour="CAT")
        ),
        Action.EDIT,
        {"badge_print"},
    ),
    "badges.log_printed": (
        lambda p, _: badges.log_printed(
            p, badges.gather_badges(p, badges.BadgeRequest(tour="CAT")), "a6-single"
        ),
        Action.EDIT,
        {"badge_print"},
    ),
    "badges.reissue_token": (
        lambda p, _: badges.reissue_token(p, 1),
        Action.EDIT,
        {"badge_token", "badge_print"},
    ),
    "checkin.record": (
        lambda p, _: checkin.CheckinDesk(p, 1).record(
            listing.list_managers(p, "CAT")[0]["badge_token"]
        ),
        Action.EDIT,
        {"checkin"},
    ),
    "checkin.record_manager": (
        lambda p, _: checkin.CheckinDesk(p, 1).record_manager(
            listing.list_managers(p, "CAT")[0]["id"]
        ),
        Action.EDIT,
        {"checkin"},
    ),
    "checkin.void_checkin": (
        lambda p, _: checkin.void_checkin(
            p,
            str(
                checkin.CheckinDesk(p, 1)
                .record_manager(listing.list_managers(p, "CAT")[0]["id"])
                .checkin_id
            ),
        ),
        Action.EDIT,
        {"checkin"},
    ),
    "attendance.set_attendance": (
        lambda p, _: attendance.set_attendance(
            p, 1, listing.list_managers(p, "CAT")[0]["id"], True
        ),
        Action.EDIT,
        {"checkin"},
    ),
    "personal_data._erase_in_file": (
        lambda p, _: personal_data.erase_person(p, 1),
        Action.ERASE,
        {"manager", "travel_document"},
    ),
    "personal_data.erase_travel_data": (
        lambda p, _: personal_data.erase_travel_data(p, [1, 2]),
        Action.ERASE,
        {"travel_document"},
    ),
    "journal.merge_journal": (
        lambda p, folder: _merge_own_journal(p, folder),
        Action.MERGE,
        {"checkin"},
    ),
    "door_journal.send_waiting": (
        lambda p, folder: _send_offline_scan(p, folder),
        Action.EDIT,
        {"checkin"},
    ),
}


def _send_offline_scan(programme: ProgrammeFile, folder: Path) -> object:
    """One scan a door recorded offline, sent to the programme."""
    import uuid

    from booster_desktop.domain.base import utc_now
    from booster_desktop.services.door_journal import offline_journal, send_waiting
    from booster_desktop.store.door_file import JournalScan

    waiting = offline_journal(programme, folder)
    manager = listing.list_managers(programme, "CAT")[0]["id"]
    waiting.add(JournalScan(str(uuid.uuid4()), False, 1, manager, utc_now(), "door", False))
    return send_waiting(programme, waiting)


def _certify(programme: ProgrammeFile, folder: Path) -> None:
    """Certificates of tour CAT for a manager who attended every session (numbers kept)."""
    from booster_desktop.services.certificates import export_certificates
    from tests.services.test_rosters import check_in

    for session in range(1, 10):
        check_in(programme.path, session, 1, "2018-11-19 08:00:00.000000")
    export_certificates(programme, folder / "certificates.pdf", tour="CAT")


def _merge_own_journal(programme: ProgrammeFile, folder: Path) -> object:
    """A journal of one check-in made on another copy, merged into this one."""
    other = folder / "other.booster"
    backup_programme(programme.path, other)
    with open_programme(other, writable=True) as copy:
        checkin.CheckinDesk(copy, 1).record_manager(listing.list_managers(copy, "CAT")[0]["id"])
        journal.export_journal(copy, folder / "other.jsonl")
    return journal.merge_journal(programme, folder / "other.jsonl")


@pytest.mark.parametrize("name", sorted(WRITES))
def test_every_write_service_reports_what_it_changed(
    name: str, demo_file: Path, tmp_path: Path
) -> None:
    call, action, tables = WRITES[name]
    with open_programme(demo_file, writable=True) as programme:
        heard = _heard(programme)
        call(programme, tmp_path)
    assert heard, f"{name} wrote nothing"
    last = heard[-1]
    assert last.action is action
    assert tables <= last.tables, (name, last.tables)
    assert all(c.device == current_device() for c in heard)


def _functions_that_write() -> set[str]:
    """Every services function whose body opens the write gate (`.writing(` or `.adding(`)."""
    found: set[str] = set()
    package = Path(booster_desktop.services.__file__).parent
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                calls = [
                    n
                    for n in ast.walk(node)
                    if isinstance(n, ast.Call)
                    and isinstance(n.func, ast.Attribute)
                    and n.func.attr in ("writing", "adding")
                ]
                if calls:
                    found.add(f"{module.stem}.{node.name}")
    return found


def test_the_list_of_write_services_is_complete() -> None:
    # A new write service is covered above before it can be merged.
    assert _functions_that_write() == set(WRITES)
