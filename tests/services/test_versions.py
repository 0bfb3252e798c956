"""No lost edits: a save over someone else's change is refused with both values; two
allocation applies at once do not interleave; a serialisation failure says one line."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError

from booster_desktop.domain.enrolment import Enrolment
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import EnrolmentStatus
from booster_desktop.services import demand, managers, tours
from booster_desktop.services.allocation_data import apply_allocation
from booster_desktop.services.allocation_run import AllocationRequest, run_allocation
from booster_desktop.services.changes import ChangedAtOnce, ChangedMeanwhile
from booster_desktop.services.programme import ProgrammeFile, open_programme
from booster_desktop.services.records import delete_records
from booster_desktop.store.changes import report

MANAGER = 3


@contextmanager
def two_coordinators(demo: Any) -> Iterator[tuple[ProgrammeFile, ProgrammeFile]]:
    """Two coordinators' programmes: two connections to the server; on a file (one writer,
    one lock) the same open file, each coordinator holding their own reading."""
    with ExitStack() as stack:
        first = stack.enter_context(open_programme(demo, writable=True))
        if first.on_server:
            second = stack.enter_context(open_programme(demo, writable=True))
        else:
            second = first
        yield first, second


def test_two_coordinators_saving_one_manager_the_second_is_refused_with_both_values(
    demo_file: Any,
) -> None:
    with two_coordinators(demo_file) as (anna, omar):
        annas = managers.manager_details(anna, MANAGER)
        omars = managers.manager_details(omar, MANAGER)
        managers.save_manager(anna, replace(annas, city="Sfax", role="Director"), MANAGER)
        with pytest.raises(ChangedMeanwhile) as refused:
            managers.save_manager(omar, replace(omars, city="Sousse"), MANAGER)
        # Nothing of the refused save was written: Anna's values stand.
        now = managers.manager_details(omar, MANAGER)
    assert (now.city, now.role) == ("Sfax", "Director")
    assert now.version == (annas.version or 0) + 1
    refusal = refused.value
    assert (refusal.table, refusal.record, refusal.version) == ("manager", MANAGER, now.version)
    clashes = {clash.field: clash for clash in refusal.clashes}
    assert (clashes["city"].yours, clashes["city"].theirs) == ("Sousse", "Sfax")
    assert (clashes["role"].yours, clashes["role"].theirs) == (annas.role or None, "Director")
    assert refusal.device and refusal.at is not None
    if anna.on_server:  # on a server the database login is named too
        assert refusal.login == "postgres"
        assert "(postgres)" in str(refusal)
    # One line for the command and the log, naming the fields that differ.
    assert "\n" not in str(refusal)
    assert "manager 3 was changed by" in str(refusal) and "city, role" in str(refusal)


def test_a_save_over_a_record_deleted_meanwhile_says_so(demo_file: Any) -> None:
    with two_coordinators(demo_file) as (anna, omar):
        omars = tours.tour_details(omar, 1)
        delete_records(anna, "tour", [1])
        with pytest.raises(ChangedMeanwhile, match="was deleted") as refused:
            tours.save_tour(omar, replace(omars, title="Renamed"), 1)
        assert refused.value.deleted
        with anna.engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM tour WHERE id = 1")) == 0


def test_a_toggle_raises_the_version_so_an_editor_open_meanwhile_is_refused(
    demo_file: Any,
) -> None:
    from booster_desktop.services import topics

    with two_coordinators(demo_file) as (anna, omar):
        omars = topics.topic_details(omar, 1)
        demand.set_priority(anna, 1, not omars.is_priority)
        with pytest.raises(ChangedMeanwhile) as refused:
            topics.save_topic(omar, replace(omars, description="New words"), 1)
        clash = {c.field: c for c in refused.value.clashes}["is_priority"]
        assert (clash.yours, clash.theirs) == (omars.is_priority, not omars.is_priority)
        assert topics.topic_details(anna, 1).description == omars.description


def test_saves_from_fresh_readings_go_through_one_after_the_other(demo_file: Any) -> None:
    with two_coordinators(demo_file) as (anna, omar):
        for city in ("Sfax", "Sousse", "Gabes"):
            for who in (anna, omar):
                details = managers.manager_details(who, MANAGER)
                managers.save_manager(who, replace(details, city=city), MANAGER)
        assert managers.manager_details(anna, MANAGER).city == "Gabes"


def _rows(programme: ProgrammeFile, table: str) -> Any:
    from booster_desktop.services.manager_rows import manager_rows
    from booster_desktop.services.sessions import session_rows
    from booster_desktop.services.topics import topic_rows
    from booster_desktop.services.tours import tour_rows

    reader = {
        "manager": manager_rows,
        "topic": topic_rows,
        "tour": tour_rows,
        "tour_session": session_rows,
    }[table]
    return {row.id: row for row in reader(programme, None)}


def _touch(programme: ProgrammeFile, table: str, record: int) -> None:
    """Another coordinator's save of the record (what it changes does not matter)."""
    from booster_desktop.domain.model import Base
    from booster_desktop.store.versions import versioned_update

    column = {"manager": "city", "topic": "description", "tour": "city", "programme": "title"}.get(
        table, "venue"
    )
    with programme.writing() as connection:
        report(connection, table, [record], [column])
        versioned_update(
            connection, Base.metadata.tables[table], record, {column: "Changed elsewhere"}, None
        )


def _count(programme: ProgrammeFile, table: str, record: int) -> int:
    with programme.engine.connect() as connection:
        found = connection.scalar(
            text(f"SELECT count(*) FROM {table} WHERE id = :id"), {"id": record}
        )
    return int(found or 0)


@pytest.mark.parametrize("table", ["manager", "topic", "tour", "tour_session"])
def test_a_delete_over_a_change_meanwhile_is_refused_naming_who_and_when(
    demo_file: Any, table: str
) -> None:
    with two_coordinators(demo_file) as (anna, omar):
        record = min(_rows(omar, table))
        seen = _rows(omar, table)[record].version
        assert seen is not None
        _touch(anna, table, record)
        with pytest.raises(ChangedMeanwhile) as refused:
            delete_records(omar, table, [record], {record: seen})
        assert _count(omar, table, record) == 1  # nothing was deleted
        refusal = refused.value
        assert (refusal.table, refusal.record, refusal.version) == (table, record, seen + 1)
        assert refusal.deleting and not refusal.deleted
        assert refusal.device and refusal.at is not None
        assert "\n" not in str(refusal)
        assert f"{table} {record} was changed by " in str(refusal)
        assert "nothing was deleted" in str(refusal)
        # Read again, the record is deleted at the version it is now.
        delete_records(omar, table, [record], {record: seen + 1})
        assert _count(omar, table, record) == 0


def test_a_delete_of_a_record_someone_deleted_meanwhile_says_so_and_deletes_nothing(
    demo_file: Any,
) -> None:
    with two_coordinators(demo_file) as (anna, omar):
        seen = {i: row.version for i, row in _rows(omar, "topic").items() if i in (1, 2)}
        delete_records(anna, "topic", [2])
        with pytest.raises(ChangedMeanwhile, match="topic 2 was already deleted by ") as refused:
            delete_records(omar, "topic", [1, 2], seen)
        assert refused.value.deleted
        assert _count(omar, "topic", 1) == 1  # one transaction: topic 1 stays too


class _SerialisationError(Exception):
    sqlstate = "40001"


def test_a_serialisation_failure_is_one_line_saying_to_try_again(demo_file: Any) -> None:
    with open_programme(demo_file, writable=True) as programme:
        with pytest.raises(ChangedAtOnce) as refused, programme.writing() as connection:
            report(connection, "manager", [MANAGER], ["city"])
            raise DBAPIError("UPDATE manager", {}, _SerialisationError("could not serialize"))
        assert "changed at the same time by someone else; nothing was saved, try again" in str(
            refused.value
        )
        assert "\n" not in str(refused.value)


def _unallocate(programme: ProgrammeFile) -> None:
    with programme.writing() as connection:
        report(connection, "enrolment", None)
        connection.execute(text("DELETE FROM enrolment WHERE id % 3 = 0"))


def _enrolments(programme: ProgrammeFile) -> list[tuple[int, int, str]]:
    with programme.engine.connect() as connection:
        rows = connection.execute(
            select(Enrolment.manager_id, Enrolment.tour_id, Enrolment.status).order_by(
                Enrolment.manager_id, Enrolment.tour_id
            )
        )
        return [(m, t, str(s)) for m, t, s in rows]


@pytest.mark.postgresql_only  # on a file SQLite's single writer already serialises
def test_two_allocation_applies_at_once_do_not_interleave(demo_file: Any) -> None:
    with open_programme(demo_file, writable=True) as setup:
        _unallocate(setup)
        before = _enrolments(setup)
    request = AllocationRequest()
    barrier = threading.Barrier(2)
    outcomes: dict[str, Any] = {}

    def coordinator(name: str, seed: int) -> None:
        with open_programme(demo_file, writable=True) as programme:
            outcome = run_allocation(programme, replace(request, seed=seed))
            barrier.wait()  # both computed from the same enrolments; both apply now
            try:
                apply_allocation(programme, outcome.allocation, outcome.instance.basis)
                outcomes[name] = ("applied", outcome.allocation.assignment)
            except BoosterError as error:
                outcomes[name] = ("refused", str(error))

    threads = [
        threading.Thread(target=coordinator, args=(name, seed))
        for name, seed in (("anna", 1), ("omar", 2))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert sorted(kind for kind, _ in outcomes.values()) == ["applied", "refused"], outcomes
    (refusal,) = [said for kind, said in outcomes.values() if kind == "refused"]
    assert "applied an allocation at" in refusal and "run the allocation again" in refusal
    (assignment,) = [said for kind, said in outcomes.values() if kind == "applied"]
    with open_programme(demo_file) as programme:
        after = _enrolments(programme)
        with programme.engine.connect() as connection:
            applied = connection.scalar(
                text("SELECT count(*) FROM change_entry WHERE action = 'allocation'")
            )
    assert after != before
    # Exactly the winner's allocation is stored: proposed places are its pairs, nothing mixed.
    codes = {}
    with open_programme(demo_file) as programme, programme.engine.connect() as connection:
        codes = dict(connection.execute(text("SELECT id, code FROM tour")).all())
    proposed = {(m, codes[t]) for m, t, status in after if status == "proposed"}
    confirmed = {(m, codes[t]) for m, t, status in after if status == "confirmed"}
    wanted = {(m, code) for m, tour_codes in assignment.items() for code in tour_codes}
    assert proposed == wanted - confirmed
    assert applied == 1  # one allocation entry in the history: the second wrote nothing


def test_an_allocation_apply_alone_is_not_refused(demo_file: Any) -> None:
    with open_programme(demo_file, writable=True) as programme:
        _unallocate(programme)
        outcome = run_allocation(programme, AllocationRequest())
        apply_allocation(programme, outcome.allocation, outcome.instance.basis)
        assert _enrolments(programme)


@pytest.mark.sqlite_only  # upgrades a file (the server's migrations: tests/store)
def test_an_older_file_gets_version_one_on_every_record_and_saves_with_it(
    demo_file: Path,
) -> None:
    from booster_desktop.store import migrate
    from booster_desktop.store.engine import make_engine

    older = demo_file.with_name("older.booster")
    shutil.copyfile(demo_file, older)
    engine = make_engine(older)
    migrate.upgrade_or_downgrade(engine, "0008_erased_people")
    engine.dispose()
    with open_programme(older, writable=True) as programme:
        assert programme.migrated_from == "0008_erased_people"
        with programme.engine.connect() as connection:
            for table in ("manager", "tour", "topic", "tour_session", "programme"):
                versions = connection.execute(text(f"SELECT DISTINCT version FROM {table}"))
                assert [v for (v,) in versions] == [1], table
        details = managers.manager_details(programme, MANAGER)
        assert details.version == 1
        managers.save_manager(programme, replace(details, city="Sfax"), MANAGER)
        with pytest.raises(ChangedMeanwhile):
            managers.save_manager(programme, replace(details, city="Sousse"), MANAGER)
        assert managers.manager_details(programme, MANAGER).city == "Sfax"


def test_no_service_or_command_writes_a_versioned_record_but_through_the_helpers() -> None:
    """A Core `update(Model)` or `delete(Model)` of a versioned record written straight in a
    service or a command would skip the version check: every update goes through
    `versioned_update` (or `bumped` for bulk), every delete through `services.records`."""
    import ast

    import booster_desktop.cli as cli_package
    import booster_desktop.services as services_package
    from booster_desktop.domain.model import Base
    from booster_desktop.store.versions import is_versioned

    versioned = {
        mapper.class_.__name__
        for mapper in Base.registry.mappers
        if is_versioned(mapper.local_table)  # type: ignore[arg-type]
    }
    assert {"Manager", "Tour", "Topic", "TourSession", "Programme"} <= versioned
    sources = [
        *Path(services_package.__file__).parent.glob("*.py"),
        *Path(cli_package.__file__).parent.glob("*.py"),
    ]
    assert any(s.parent.name == "cli" for s in sources)
    found = []
    for source in sources:
        if source.name == "demo.py":  # writes the details of a programme it has just made
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("update", "delete")
                and node.args
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id in versioned
            ):
                found.append(f"{source.name}:{node.lineno} {node.func.id}({node.args[0].id})")
    assert found == []


def _version(programme: ProgrammeFile, table: str, record: int) -> int:
    with programme.engine.connect() as connection:
        return int(
            connection.scalar(text(f"SELECT version FROM {table} WHERE id = :id"), {"id": record})
        )


def _entries(programme: ProgrammeFile) -> int:
    with programme.engine.connect() as connection:
        return int(connection.scalar(text("SELECT count(*) FROM change_entry")) or 0)


def _save_unchanged(programme: ProgrammeFile, table: str, record: int) -> None:
    from booster_desktop.services import sessions, topics

    if table == "manager":
        managers.save_manager(programme, managers.manager_details(programme, record), record)
    elif table == "tour":
        tours.save_tour(programme, tours.tour_details(programme, record), record)
    elif table == "topic":
        topics.save_topic(programme, topics.topic_details(programme, record), record)
    elif table == "tour_session":
        sessions.save_session(programme, sessions.session_details(programme, record), record)
    elif table == "priority":
        demand.set_priority(programme, record, topics.topic_details(programme, record).is_priority)
    else:
        from booster_desktop.services import programme_details

        programme_details.save_details(programme, programme_details.programme_details(programme))


@pytest.mark.parametrize(
    ("table", "stored_in"),
    [
        ("manager", "manager"),
        ("tour", "tour"),
        ("topic", "topic"),
        ("tour_session", "tour_session"),
        ("priority", "topic"),
        ("programme", "programme"),
    ],
)
def test_a_save_that_changes_nothing_keeps_the_version_the_history_and_sends_nothing(
    demo_file: Any, table: str, stored_in: str
) -> None:
    with open_programme(demo_file, writable=True) as programme:
        record = 1 if table == "programme" else min(_rows(programme, stored_in))
        if table == "tour_session":  # one with a host contact and topics: rows hang on it
            from booster_desktop.services.sessions import session_details

            record = next(
                r
                for r in sorted(_rows(programme, "tour_session"))
                if session_details(programme, r).contact_name
            )
        version, entries = _version(programme, stored_in, record), _entries(programme)
        heard: list[object] = []
        programme.listen(heard.append)
        _save_unchanged(programme, table, record)
        assert _version(programme, stored_in, record) == version
        assert _entries(programme) == entries
        assert heard == []
        # A save from the version read still goes through, and a real change raises it.
        _touch(programme, stored_in, record)
        assert _version(programme, stored_in, record) == version + 1
        assert len(heard) == 1


def test_a_save_changing_only_what_hangs_on_a_record_raises_its_version(demo_file: Any) -> None:
    """Travel data is part of the manager's editor: an editor open on older travel data must
    be refused, so changing only it raises the manager's version."""
    with two_coordinators(demo_file) as (anna, omar):
        annas = managers.manager_details(anna, MANAGER)
        omars = managers.manager_details(omar, MANAGER)
        managers.save_manager(anna, replace(annas, passport_number="X1234567"), MANAGER)
        assert managers.manager_details(anna, MANAGER).version == (annas.version or 0) + 1
        with pytest.raises(ChangedMeanwhile):
            managers.save_manager(omar, replace(omars, city="Sousse"), MANAGER)
        assert managers.manager_details(anna, MANAGER).passport_number == "X1234567"


def test_an_unchanged_save_over_a_newer_version_is_still_refused(demo_file: Any) -> None:
    with two_coordinators(demo_file) as (anna, omar):
        omars = managers.manager_details(omar, MANAGER)
        _touch(anna, "manager", MANAGER)
        with pytest.raises(ChangedMeanwhile):
            managers.save_manager(omar, omars, MANAGER)


def two_managers_sheet(folder: Path) -> Path:
    """A workbook of two new managers and a new topic (Glass studios), to import."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Given name", "Family name", "Country", "E-mail", "Glass studios"])
    sheet.append(["Nadia", "Haddad", "Tunisia", "nadia.haddad@example.org", 1])
    sheet.append(["Karim", "Mansour", "Tunisia", "karim.mansour@example.org", 2])
    book.save(folder / "two.xlsx")
    return folder / "two.xlsx"


def _import_two(programme: ProgrammeFile, folder: Path) -> Any:
    from booster_desktop.services.importing import import_file

    report = import_file(programme, two_managers_sheet(folder))
    assert len(report.manager_ids) == 2 and len(report.created_topic_ids) == 1
    return report


def _import_parts(report: Any) -> list[tuple[str, list[int], dict[int, int]]]:
    """What undoing the import deletes, each record expected at the version it wrote."""
    return [
        (table, ids, dict.fromkeys(ids, 1))
        for table, ids in (
            ("manager", report.manager_ids),
            ("topic", report.created_topic_ids),
            ("organisation", report.created_organisation_ids),
        )
    ]


@pytest.mark.parametrize("change", ["changed", "deleted"])
def test_undoing_an_import_after_someone_changed_what_it_added_undoes_nothing(
    demo_file: Any, tmp_path: Path, change: str
) -> None:
    from booster_desktop.services.records import delete_together

    with two_coordinators(demo_file) as (anna, omar):
        report = _import_two(omar, tmp_path)
        first, second = report.manager_ids
        (topic,) = report.created_topic_ids
        if change == "changed":
            _touch(anna, "topic", topic)
        else:
            delete_records(anna, "manager", [second])
        with pytest.raises(ChangedMeanwhile) as refused:
            delete_together(omar, _import_parts(report))
        line = str(refused.value)
        assert "\n" not in line and "nothing was deleted" in line
        if change == "changed":
            assert line.startswith(f"topic {topic} was changed by ")
        else:
            assert line.startswith(f"manager {second} was already deleted by ")
        # One transaction: nothing of the import was undone.
        assert _count(omar, "manager", first) == 1 and _count(omar, "topic", topic) == 1


def test_undoing_an_import_nobody_touched_deletes_all_it_added(
    demo_file: Any, tmp_path: Path
) -> None:
    from booster_desktop.services.records import delete_together, restore

    with two_coordinators(demo_file) as (anna, omar):
        report = _import_two(omar, tmp_path)
        _touch(anna, "manager", MANAGER)  # someone else's change elsewhere does not matter
        snapshots = delete_together(omar, _import_parts(report))
        assert [_count(omar, "manager", m) for m in report.manager_ids] == [0, 0]
        assert _count(omar, "topic", report.created_topic_ids[0]) == 0
        for snapshot in reversed(snapshots):
            restore(omar, snapshot)
        assert [_count(omar, "manager", m) for m in report.manager_ids] == [1, 1]


@pytest.mark.postgresql_only  # on a file SQLite's single writer already serialises
def test_a_save_committed_while_a_delete_checks_versions_refuses_the_delete(
    demo_file: Any,
) -> None:
    """Another coordinator's save holds the record when the delete checks it: the delete
    waits for it, then sees the new version and deletes nothing (it read the old one)."""
    with open_programme(demo_file, writable=True) as omar:
        seen = _rows(omar, "topic")[1].version
        assert seen is not None
        outcome: list[object] = []
        with omar.engine.connect() as anna:
            anna.execute(
                text("UPDATE topic SET description = 'Anna', version = version + 1 WHERE id = 1")
            )  # not committed yet

            def delete() -> None:
                try:
                    delete_records(omar, "topic", [1], {1: seen})
                    outcome.append("deleted")
                except ChangedMeanwhile as refusal:
                    outcome.append(refusal)

            deleting = threading.Thread(target=delete)
            deleting.start()
            with omar.engine.connect() as watcher:
                waiting = text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                )
                while not watcher.execute(waiting).scalar() and deleting.is_alive():
                    watcher.rollback()
                    time.sleep(0.01)
            anna.commit()
            deleting.join(timeout=60)
        (refusal,) = outcome
        assert isinstance(refusal, ChangedMeanwhile) and not refusal.deleted
        assert _count(omar, "topic", 1) == 1


def _others_rows(programme: ProgrammeFile, what: str, manager: int, topic: int) -> None:
    """Another coordinator's (or a door's) rows hanging on what the import added."""
    with programme.writing() as connection:
        if what == "check-ins":
            session = connection.scalar(text("SELECT min(id) FROM tour_session"))
            connection.execute(
                text(
                    "INSERT INTO checkin (id, session_id, manager_id, recorded_at, device, "
                    "voided, admitted_unregistered) VALUES ('door-1', :s, :m, :at, 'door', "
                    "false, true)"
                ),
                {"s": session, "m": manager, "at": datetime(2026, 5, 4, 9, tzinfo=UTC)},
            )
            report(connection, "checkin", ["door-1"], added=True)
        elif what == "enrolments":
            tour = connection.scalar(text("SELECT min(id) FROM tour"))
            connection.execute(
                insert(Enrolment).values(
                    manager_id=manager, tour_id=tour, status=EnrolmentStatus.PROPOSED
                )
            )
            report(connection, "enrolment", None)
        else:  # a tour's focus on the topic the import created
            tour = connection.scalar(text("SELECT min(id) FROM tour"))
            connection.execute(
                text("INSERT INTO tour_focus_topic (tour_id, topic_id) VALUES (:t, :p)"),
                {"t": tour, "p": topic},
            )
            report(connection, "tour_focus_topic", [tour])


@pytest.mark.parametrize("what", ["check-ins", "enrolments", "tours focused on it"])
def test_undoing_an_import_refuses_to_take_rows_others_made_since(
    demo_file: Any, tmp_path: Path, what: str
) -> None:
    """Check-ins and enrolments carry no version: before, the undo deleted them with the
    managers (by the schema's cascade), silently."""
    from booster_desktop.services.records import delete_together

    with two_coordinators(demo_file) as (anna, omar):
        report = _import_two(omar, tmp_path)
        first, second = report.manager_ids
        (topic,) = report.created_topic_ids
        _others_rows(anna, what, second, topic)
        with pytest.raises(BoosterError) as refused:
            delete_together(omar, _import_parts(report), undoing_import=True)
        line = str(refused.value)
        if what == "tours focused on it":
            assert line.startswith(f"topic {topic} (Glass studios) has tours focused on it ")
        else:
            assert line == (
                f"manager {second} (Karim Mansour) has {what} made since the import; nothing undone"
            )
        # One transaction: nothing of the import was undone, nothing of the others' taken.
        assert _count(omar, "manager", first) == 1 and _count(omar, "manager", second) == 1
        with omar.engine.connect() as connection:
            hanging = connection.scalar(
                text(
                    "SELECT (SELECT count(*) FROM checkin WHERE manager_id = :m) + "
                    "(SELECT count(*) FROM enrolment WHERE manager_id = :m) + "
                    "(SELECT count(*) FROM tour_focus_topic WHERE topic_id = :t)"
                ),
                {"m": second, "t": topic},
            )
        assert hanging == 1


def test_undoing_an_import_nothing_hangs_on_still_undoes_it(demo_file: Any, tmp_path: Path) -> None:
    from booster_desktop.services.records import delete_together

    with two_coordinators(demo_file) as (_anna, omar):
        report = _import_two(omar, tmp_path)
        delete_together(omar, _import_parts(report), undoing_import=True)
        assert all(_count(omar, "manager", m) == 0 for m in report.manager_ids)
