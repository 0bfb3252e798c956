"""The change history: every write leaves its old and new values, read back by replaying
them; sensitive values are never kept; a person's values can be scrubbed."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select, text, type_coerce
from sqlalchemy.types import NULLTYPE

from booster_desktop.domain.model import Base
from booster_desktop.domain.sensitive import SENSITIVE_FIELDS, is_sensitive
from booster_desktop.services import (
    attendance,
    certificates,
    checkin,
    demand,
    listing,
    managers,
    records,
    tours,
)
from booster_desktop.services.changes import Action, acting_as
from booster_desktop.services.history import HistoryLine, erase_person_history, read_history
from booster_desktop.services.importing import import_file
from booster_desktop.services.programme import ProgrammeFile, open_programme
from booster_desktop.store.history import as_text, record_key
from tests import programme_db
from tests.services.test_changes import WRITES

Identity = tuple[str, str, str | None]  # table, record id, row
Dump = dict[Identity, dict[str, str | None]]

_HISTORY_TABLES = {"change_entry", "change_value"}


def _identity(table: str, row: dict[str, Any]) -> Identity:
    """A row as the history names it: its record's key and, for rows hanging on a record,
    the rest of its primary key."""
    t = Base.metadata.tables[table]
    key = record_key(t).name
    primary = [c.name for c in t.primary_key.columns]
    rest = ", ".join(f"{n}={row[n]}" for n in primary if n != key)
    return table, str(row[key]), rest or None


def _dump(programme: ProgrammeFile) -> Dump:
    """Every row of every programme table, as text, without sensitive values nor record
    versions (bookkeeping the history does not keep: see store.versions)."""
    found: Dump = {}
    with programme.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in _HISTORY_TABLES:
                continue
            stored = [type_coerce(c, NULLTYPE).label(c.name) for c in table.columns]
            for row in connection.execute(select(*stored)):
                values = dict(row._mapping)
                found[_identity(table.name, values)] = {
                    name: as_text(table, name, value)
                    for name, value in values.items()
                    if not is_sensitive(table.name, name) and name != "version"
                }
    return found


def _last_entry(programme: ProgrammeFile) -> int:
    with programme.engine.connect() as connection:
        return int(connection.scalar(text("SELECT coalesce(max(id), 0) FROM change_entry")))


def _replay(before: Dump, programme: ProgrammeFile, since_entry: int) -> tuple[Dump, list[str]]:
    """`before` with every history value row written after `since_entry` applied, oldest
    first; an update's old value must be what the row held. Returns the actions too."""
    state = {identity: dict(values) for identity, values in before.items()}
    lines = [line for line in reversed(read_history(programme)) if line.entry_id > since_entry]
    lines.sort(key=lambda line: line.entry_id)  # stable: value rows keep their order
    for line in lines:
        assert line.record_id is not None, f"{line.table}: rows not named"
        identity = (line.table, line.record_id, line.row_key)
        if line.kind == "insert":
            assert line.new_value is not None
            values = json.loads(line.new_value)
            # A new record made of rows (a manager's topic ranks): every row at once.
            rows = values if isinstance(values, list) else [values]
            assert isinstance(values, dict) or line.row_key is None
            for row in rows:
                added = _identity(line.table, row)
                assert added[:2] == identity[:2] and added not in state, added
                state[added] = {
                    n: v
                    for n, v in row.items()
                    if not is_sensitive(line.table, n) and n != "version"
                }
        elif line.kind == "delete":
            assert identity in state, identity
            assert line.old_value is not None
            kept = {n: v for n, v in json.loads(line.old_value).items() if n != "version"}
            assert {n: v for n, v in kept.items() if not is_sensitive(line.table, n)} == (
                state.pop(identity)
            )
        else:
            assert line.field is not None
            if is_sensitive(line.table, line.field):
                assert line.masked and line.old_value is None and line.new_value is None
                continue
            assert state[identity][line.field] == line.old_value, (identity, line.field)
            state[identity][line.field] = line.new_value
    actions = []
    for line in lines:
        if not actions or actions[-1][0] != line.entry_id:
            actions.append((line.entry_id, line.action))
    return state, [a for _, a in actions]


def _nothing(programme: ProgrammeFile, folder: Path) -> None:
    pass


def _certify_ready(programme: ProgrammeFile, folder: Path) -> None:
    """Manager 1 attended every session of CAT (check-ins written at the door, not here)."""
    from tests.services.test_rosters import check_in

    for session in range(1, 10):
        check_in(programme.path, session, 1, "2018-11-19 08:00:00.000000")


def _unallocate(programme: ProgrammeFile, folder: Path) -> None:
    with programme.engine.begin() as connection:  # as if the demo had not been allocated
        connection.execute(text("DELETE FROM enrolment WHERE id % 3 = 0"))


def _check_in_first(programme: ProgrammeFile, folder: Path) -> None:
    checkin.CheckinDesk(programme, 1).record_manager(
        listing.list_managers(programme, "CAT")[0]["id"]
    )


# Where a write as the gate's list calls it changes nothing on the demo (or needs a state
# made outside the gate first): what to prepare, and the call that changes something.
CASES: dict[str, tuple[Any, Any]] = {
    "tours.save_tour": (
        _nothing,
        lambda p, _: tours.save_tour(p, replace(tours.tour_details(p, 1), title="Renamed"), 1),
    ),
    "demand.set_focus": (_nothing, lambda p, _: demand.set_focus(p, 1, 4, True)),
    "attendance.set_attendance": (
        _check_in_first,
        lambda p, _: attendance.set_attendance(
            p, 1, listing.list_managers(p, "CAT")[0]["id"], False
        ),
    ),
    "certificates.export_certificates": (
        _certify_ready,
        lambda p, folder: certificates.export_certificates(p, folder / "c.pdf", tour="CAT"),
    ),
    "allocation_data.apply_allocation_undoably": (
        _unallocate,
        WRITES["allocation_data.apply_allocation_undoably"][0],
    ),
    "allocation_data.restore_enrolments": (
        _unallocate,
        WRITES["allocation_data.restore_enrolments"][0],
    ),
}


# An erase keeps no value (see the test below): it cannot be replayed.
_ERASES = sorted(name for name, (_, action, _) in WRITES.items() if action is Action.ERASE)


@pytest.mark.parametrize("name", sorted(set(WRITES) - set(_ERASES)))
def test_every_write_leaves_its_old_and_new_values_in_the_history(
    name: str, demo_file: Path, tmp_path: Path
) -> None:
    prepare, call = CASES.get(name, (_nothing, WRITES[name][0]))
    _, action, tables = WRITES[name]
    with open_programme(demo_file, writable=True) as programme:
        prepare(programme, tmp_path)
        before, since = _dump(programme), _last_entry(programme)
        call(programme, tmp_path)
        after = _dump(programme)
        replayed, actions = _replay(before, programme, since)
        written = {line.table for line in read_history(programme) if line.entry_id > since}
    assert replayed == after, name
    assert actions[-1] == action, name
    assert tables & written, (name, written)


@pytest.mark.parametrize("name", _ERASES)
def test_an_erase_is_in_the_history_without_any_value(
    name: str, demo_file: Path, tmp_path: Path
) -> None:
    call, _, tables = WRITES[name]
    with open_programme(demo_file, writable=True) as programme:
        since = _last_entry(programme)
        call(programme, tmp_path)
        lines = [line for line in read_history(programme) if line.entry_id > since]
    assert lines and {line.action for line in lines} == {"erase"}
    assert tables <= {line.table for line in lines}
    assert all(line.masked and line.old_value is None and line.new_value is None for line in lines)


def _sheet(path: Path, rows: int) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Given name", "Family name", "Country", "E-mail", "Topic 1", "Topic 2"])
    for n in range(rows):
        sheet.append([f"Given{n}", f"Family{n}", "Tunisia", f"p{n}@example.org", "Water", "Sun"])
    book.save(path)
    return path


def test_an_import_of_a_thousand_rows_is_one_action(demo_file: Path, tmp_path: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        since = _last_entry(programme)
        before = _dump(programme)
        import_file(programme, _sheet(tmp_path / "many.xlsx", 1000))
        lines = [line for line in read_history(programme) if line.entry_id > since]
        replayed, actions = _replay(before, programme, since)
        assert replayed == _dump(programme)
    assert actions == ["import"]
    assert len({line.entry_id for line in lines}) == 1
    added = [line for line in lines if line.table == "manager" and line.kind == "insert"]
    assert len(added) == 1000
    assert json.loads(added[0].new_value or "")["given_name"].startswith("Given")
    assert lines[0].description == "imported 1,000 managers"


def test_an_undo_is_in_the_history_as_undo(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        since = _last_entry(programme)
        snapshot = records.delete_records(programme, "topic", [2])
        with acting_as(Action.UNDO):
            records.restore(programme, snapshot)
        lines = [line for line in read_history(programme) if line.entry_id > since]
    undo = [line for line in lines if line.action == "undo"]
    assert {(line.table, line.record_id, line.kind) for line in undo} >= {("topic", "2", "insert")}
    edit = [line for line in lines if line.action == "edit"]
    assert {(line.table, line.record_id, line.kind) for line in edit} >= {("topic", "2", "delete")}


PLANTED = "ZQ7731904XK"


@pytest.mark.sqlite_only  # reads the file's bytes
def test_sensitive_values_are_never_stored(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        old = managers.manager_details(programme, 3)
        managers.save_manager(
            programme, replace(old, passport_number=PLANTED, date_of_birth="1979-03-14"), 3
        )
        old = managers.manager_details(programme, 3)  # read again: at its new version
        managers.save_manager(
            programme, replace(old, passport_number="AB0000001", date_of_birth="1980-01-01"), 3
        )
        new = managers.save_manager(
            programme,
            replace(
                managers.ManagerDetails(),
                given_name="Sara",
                family_name="Ben Ali",
                country_code="TN",
                passport_number=PLANTED + "2",
            ),
        )
        records.delete_records(programme, "manager", [new])
        lines = read_history(programme, manager_id=3)
    travel = [line for line in lines if line.table == "travel_document"]
    assert travel and all(line.masked for line in travel if line.field is not None)
    assert {line.field for line in travel} >= {"passport_number", "date_of_birth"}
    assert all((line.old_shown, line.new_shown) == ("", "changed") for line in travel if line.field)
    raw = programme_db.connect(demo_file)
    raw.execute("VACUUM")
    raw.close()
    data = demo_file.read_bytes()
    assert PLANTED.encode() not in data
    assert b"1979-03-14" not in data
    assert b"AB0000001" in data  # the passport in force is kept, in its own record


def managers_report(connection: Any) -> None:
    from booster_desktop.services.changes import report

    report(connection, "programme", [1])


def test_the_sensitive_fields_are_the_travel_documents() -> None:
    assert {f for t, f in SENSITIVE_FIELDS if t == "travel_document"} >= {
        "passport_number",
        "passport_expiry",
        "date_of_birth",
    }


@pytest.mark.sqlite_only  # reads the file's bytes
def test_erasing_a_person_scrubs_their_values_only(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        for manager_id, name in ((3, "Ghalia"), (4, "Mounir")):
            old = managers.manager_details(programme, manager_id)
            managers.save_manager(programme, replace(old, given_name=name), manager_id)
        records.delete_records(programme, "manager", [3])
        with programme.writing(Action.ERASE) as connection:
            scrubbed = erase_person_history(connection, 3)
            managers_report(connection)
        mine = read_history(programme, manager_id=3)
        theirs = read_history(programme, manager_id=4)
    assert scrubbed == len(mine) > 3
    assert all(line.masked and line.old_value is None and line.new_value is None for line in mine)
    assert {line.kind for line in mine} == {"update", "delete"}
    assert any(line.new_value == "Mounir" for line in theirs)
    raw = programme_db.connect(demo_file)
    raw.execute("VACUUM")
    raw.close()
    data = demo_file.read_bytes()
    assert b"Ghalia" not in data


def test_the_history_reads_by_record_manager_and_date(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        old = managers.manager_details(programme, 3)
        managers.save_manager(programme, replace(old, city="Sfax"), 3)
        start = datetime.now(UTC)
        now = managers.manager_details(programme, 3)  # read again: at its new version
        managers.save_manager(programme, replace(now, city="Sousse"), 3)
        by_record = read_history(programme, table="manager", record_id=3)
        since = read_history(programme, since=start)
        later = read_history(programme, since=start + timedelta(hours=1))
    assert [(line.old_value, line.new_value) for line in by_record if line.field == "city"] == [
        ("Sfax", "Sousse"),
        (old.city or None, "Sfax"),
    ]
    assert [line.new_value for line in since] == ["Sousse"]
    assert later == []


def test_a_save_that_changes_nothing_leaves_no_entry(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        since = _last_entry(programme)
        managers.save_manager(programme, managers.manager_details(programme, 3), 3)
        assert _last_entry(programme) == since


def test_the_baseline_without_history_keeps_none(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        since = _last_entry(programme)
        old = managers.manager_details(programme, 3)
        with programme.without_history():
            managers.save_manager(programme, replace(old, city="Gabes"), 3)
        assert _last_entry(programme) == since
        old = managers.manager_details(programme, 3)  # read again: at its new version
        managers.save_manager(programme, replace(old, city="Monastir"), 3)
        assert _last_entry(programme) == since + 1


def test_places_an_allocation_removes_are_kept_as_when_read_before_the_delete(
    demo_file: Path,
) -> None:
    """A re-allocation's removed places are copied by the database (never read into Python),
    and the history holds for each what reading it before the delete would have kept."""
    from booster_desktop.services.allocation import solve
    from booster_desktop.services.allocation_data import apply_allocation_undoably, load_instance
    from booster_desktop.store.history import _JSON, read_records

    with open_programme(demo_file, writable=True) as programme:
        solved = solve(load_instance(programme))
        dropped = sorted(solved.assignment)[:40]  # these managers lose their proposed places
        allocation = replace(
            solved, assignment={m: c for m, c in solved.assignment.items() if m not in dropped}
        )
        with programme.engine.connect() as connection:
            ids = connection.scalars(
                text(
                    "SELECT id FROM enrolment WHERE status = 'proposed' AND manager_id IN "
                    f"({', '.join(str(m) for m in dropped)})"
                )
            ).all()
            assert len(ids) > 40
            kept = read_records(connection, "enrolment", ids)
        since = _last_entry(programme)
        apply_allocation_undoably(programme, allocation)
        with programme.engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT record_id, row_key, manager_id, field, old_value, new_value, masked "
                    "FROM change_value WHERE entry_id > :since AND kind = 'delete' ORDER BY id"
                ),
                {"since": since},
            ).all()
        lines = [line for line in read_history(programme) if line.entry_id > since]
    expected = {
        (str(i), None, row["manager_id"], None, row[_JSON], None, False)
        for i in ids
        for row in kept[i].values()
    }
    assert {tuple(r) for r in rows} == expected
    assert {line.action for line in lines} == {"allocation"}
    assert f"enrolment: {len(ids):,} removed" in lines[0].description


def test_the_entry_counts_what_the_database_copied_on_either_database(demo_file: Path) -> None:
    """Records added and removed are copied by the database (INSERT ... SELECT, keys bound as
    one value); the entry's description counts them without trusting a driver's rowcount
    (a server's may say -1): records reported but gone by the commit count for nothing, a
    record made of rows (a manager's topic ranks) counts once."""
    from sqlalchemy import delete, insert

    from booster_desktop.domain.topic import Topic, TopicInterest
    from booster_desktop.store.changes import report

    with open_programme(demo_file, writable=True) as programme:
        since = _last_entry(programme)
        with programme.writing() as connection:
            made = [
                connection.execute(
                    insert(Topic)
                    .values(name=f"Counted {n}", name_key=f"counted {n}")
                    .returning(Topic.id)
                ).scalar_one()
                for n in range(3)
            ]
            # A fourth, reported as added and deleted again before the commit: not counted.
            gone = connection.execute(
                insert(Topic).values(name="Gone", name_key="gone").returning(Topic.id)
            ).scalar_one()
            report(connection, "topic", [*made, gone], added=True)
            connection.execute(delete(Topic).where(Topic.id == gone))
            connection.execute(
                insert(TopicInterest),
                [{"manager_id": 3, "topic_id": t, "rank": 20 + i} for i, t in enumerate(made)],
            )
            report(connection, "topic_interest", [3], added=True)
            removed = list(connection.scalars(select(Topic.id).order_by(Topic.id).limit(2)))
            report(connection, "topic", [*removed, 999_999], removed=True)
            connection.execute(delete(Topic).where(Topic.id.in_(removed)))
        lines = [line for line in read_history(programme) if line.entry_id > since]
    (description,) = {line.description for line in lines}
    assert description == "topic: 2 removed; topic: 3 added; topic interest: 1 added"
    assert sum(1 for line in lines if line.table == "topic" and line.kind == "insert") == 3
    assert sum(1 for line in lines if line.table == "topic" and line.kind == "delete") == 2


def test_a_line_names_its_record_field_and_row_in_the_programme_s_words() -> None:
    def line(table: str, field: str | None, row_key: str | None) -> HistoryLine:
        at = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
        return HistoryLine(
            1, at, "edit", "door", "", table, "3", row_key, 3, "update", field, "1", "2", False
        )

    rank = line("topic_interest", "rank", "topic_id=2")
    assert (rank.table_shown, rank.field_shown, rank.row_shown) == ("Topic rank", "Rank", "Topic 2")
    person = line("session_person", "role", "person_id=7")
    assert (person.table_shown, person.row_shown) == ("Session's person", "Person 7")
    added = line("manager", None, None)
    assert (added.table_shown, added.field_shown, added.row_shown) == ("Manager", "", "")
    # The stored names stay what `booster history` and the JSON give.
    assert rank.record == "topic_interest 3 (topic_id=2)"
    assert rank.as_dict()["field"] == "rank"


def _history_of(server: Any, entry_id: int) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """An entry (all but its id and time) and its values (all but their ids), read back."""
    from contextlib import closing

    with closing(programme_db.connect(server)) as connection:
        entry = connection.execute(
            "SELECT action, device, description, login FROM change_entry WHERE id = ?",
            (entry_id,),
        ).fetchone()
        values = connection.execute(
            "SELECT table_name, row_key, manager_id, kind, field, old_value, new_value, "
            "masked, record_id FROM change_value WHERE entry_id = ? ORDER BY record_id",
            (entry_id,),
        ).fetchall()
    return tuple(entry), [tuple(v) for v in values]


@pytest.mark.postgresql_only
@pytest.mark.parametrize("described", [None, "door check-in"])
def test_added_records_in_one_statement_are_kept_as_the_three_statements_keep_them(
    demo_file: Any, monkeypatch: pytest.MonkeyPatch, described: str | None
) -> None:
    """On a server, a block that only added records of one table (a door's check-in) writes
    its history in one statement: the same entry and values as the general way, counts
    written with their thousands' commas."""
    from contextlib import closing

    from sqlalchemy import insert

    from booster_desktop.domain.checkin import CheckIn
    from booster_desktop.store import history
    from booster_desktop.store.changes import describe, report
    from tests.services.test_checkin import _expected, _session

    session = _session(demo_file, "CAT", "Joint training")
    people = [p[0] for p in _expected(demo_file, "CAT")]
    at = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    general = history._only_added

    def add(prefix: str) -> tuple[int, list[str]]:
        ids = [f"{prefix}-{n:05}" for n in range(1234)]
        with open_programme(demo_file, writable=True) as programme:
            with programme.writing() as connection:
                connection.execute(
                    insert(CheckIn),
                    [
                        {
                            "id": i,
                            "session_id": session,
                            "manager_id": people[n % len(people)],
                            "recorded_at": at,
                            "device": "door-1",
                            "voided": False,
                            "admitted_unregistered": False,
                        }
                        for n, i in enumerate(ids)
                    ],
                )
                report(connection, "checkin", ids, added=True)
                if described:
                    describe(connection, described)
            with closing(programme_db.connect(demo_file)) as connection:
                (entry_id,) = connection.execute("SELECT max(id) FROM change_entry").fetchone()
        return int(entry_id), ids

    import psycopg

    from booster_desktop.store import notifications, programme_file

    encoded: list[str] = []

    def spy(change: Any, session: str) -> str:
        encoded.append(notifications.encode(change, session))
        return encoded[-1]

    monkeypatch.setattr(programme_file, "encode", spy)
    apart: list[object] = []  # announcements the write gate sent in a statement of their own
    monkeypatch.setattr(
        programme_file, "notify", lambda *a: apart.append(a) or notifications.notify(*a)
    )
    listener = psycopg.connect(str(demo_file), autocommit=True)
    listener.execute(f"LISTEN {notifications.CHANNEL}")

    def announced() -> list[str]:
        """What reached a listener for the last block: ended by a mark of our own."""
        listener.execute(f"NOTIFY {notifications.CHANNEL}, 'end'")
        heard = []
        for message in listener.notifies():
            if message.payload == "end":
                return heard
            heard.append(message.payload)
        return heard

    calls: list[object] = []
    monkeypatch.setattr(history, "_only_added", lambda *a: calls.append(general(*a)) or calls[-1])
    fast, fast_ids = add("fast")
    assert calls and calls[-1] is not None  # the one statement wrote it
    # Announced once, with the write gate's record (sent within that statement).
    assert announced() == encoded[-1:] and not apart
    monkeypatch.setattr(history, "_only_added", lambda *a: None)
    slow, _slow_ids = add("slow")
    assert announced() == encoded[-1:] and len(apart) == 1
    listener.close()
    (fast_entry, fast_values), (slow_entry, slow_values) = (
        _history_of(demo_file, fast),
        _history_of(demo_file, slow),
    )
    assert fast_entry == slow_entry
    assert fast_entry[2] == (described or "checkin: 1,234 added")
    assert len(fast_values) == 1234
    assert [v[-1] for v in fast_values] == fast_ids

    def same(value: tuple[Any, ...]) -> tuple[Any, ...]:
        new = json.loads(value[6])
        new["id"] = new["id"].replace("fast", "slow")
        return (*value[:6], new, *value[7:-1])

    assert [same(v) for v in fast_values] == [
        (*v[:6], json.loads(v[6]), *v[7:-1]) for v in slow_values
    ]


def test_a_record_added_in_one_statement_is_kept_as_a_write_block_keeps_it(
    demo_file: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ProgrammeFile.adding` (a door's check-in: one statement outside any transaction on a
    server) keeps the same history entry and value as a write block that inserts and reports
    the same record; its listeners hear the same kind of change, and on a server the other
    windows hear it once."""
    from contextlib import closing

    from sqlalchemy import insert

    from booster_desktop.domain.checkin import CheckIn
    from booster_desktop.store import history, notifications, programme_file
    from booster_desktop.store.changes import Change, Written, report
    from tests.services.test_checkin import _expected, _session

    session = _session(demo_file, "CAT", "Joint training")
    manager = _expected(demo_file, "CAT")[0][0]
    at = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    # The general way, as a block that inserted and reported more than one kind of thing
    # would keep it (not the server's one-statement forms).
    monkeypatch.setattr(history, "_only_added", lambda *a: None)
    on_server = False
    encoded: list[str] = []

    def spy(change: Any, session: str) -> str:
        encoded.append(notifications.encode(change, session))
        return encoded[-1]

    monkeypatch.setattr(programme_file, "encode", spy)

    def values(checkin_id: str) -> dict[str, Any]:
        return {
            "id": checkin_id,
            "session_id": session,
            "manager_id": manager,
            "recorded_at": at,
            "device": "door-1",
            "voided": False,
            "admitted_unregistered": False,
        }

    heard: list[Change] = []
    with open_programme(demo_file, writable=True) as programme:
        on_server = programme.on_server
        programme.listen(heard.append)
        with programme.writing() as connection:
            connection.execute(insert(CheckIn), values("block-0001"))
            report(connection, "checkin", ["block-0001"], added=True)
        with programme.adding(CheckIn.__table__) as adding:  # type: ignore[arg-type]
            adding.add(values("added-0001"))
        with programme.adding(CheckIn.__table__):  # type: ignore[arg-type]
            pass  # nothing added: nothing written, nothing heard
    assert [(c.action, dict(c.written)) for c in heard] == [
        (Action.EDIT, {"checkin": Written(frozenset({"block-0001"}))}),
        (Action.EDIT, {"checkin": Written(frozenset({"added-0001"}))}),
    ]
    with closing(programme_db.connect(demo_file)) as connection:
        entries = [
            row[0]
            for row in connection.execute(
                "SELECT entry_id FROM change_value WHERE record_id IN (?, ?) ORDER BY record_id",
                ("added-0001", "block-0001"),
            )
        ]
        (count,) = connection.execute(
            "SELECT count(*) FROM change_entry WHERE id > ?", (min(entries),)
        ).fetchone()
    assert count == 1  # the empty block kept no entry
    (added_entry, added_values), (block_entry, block_values) = (
        _history_of(demo_file, e) for e in entries
    )
    assert added_entry == block_entry
    assert added_entry[2] == "checkin: 1 added"

    def same(value: tuple[Any, ...]) -> tuple[Any, ...]:
        new = json.loads(value[6])
        new["id"] = new["id"].replace("added", "block")
        return (*value[:6], new, *value[7:-1])

    assert [same(v) for v in added_values] == [
        (*v[:6], json.loads(v[6]), *v[7:-1]) for v in block_values
    ]
    # On a server each write was announced once (the add within its own statement).
    assert len(encoded) == (2 if on_server else 0)


def test_a_refused_add_leaves_nothing_and_says_so_in_one_line(demo_file: Any) -> None:
    """An add the database refuses (here: a session that does not exist) writes neither the
    record nor its history, and says why in one line."""
    from contextlib import closing

    from booster_desktop.domain.checkin import CheckIn
    from booster_desktop.domain.errors import BoosterError
    from tests.services.test_checkin import _expected

    manager = _expected(demo_file, "CAT")[0][0]

    def counts() -> tuple[int, int, int]:
        with closing(programme_db.connect(demo_file)) as connection:
            return tuple(  # type: ignore[return-value]
                connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("checkin", "change_entry", "change_value")
            )

    before = counts()
    with open_programme(demo_file, writable=True) as programme:
        heard: list[object] = []
        programme.listen(heard.append)
        with (
            pytest.raises(BoosterError, match="the change was not saved") as refused,
            programme.adding(CheckIn.__table__) as adding,  # type: ignore[arg-type]
        ):
            adding.add(
                {
                    "id": "refused-0001",
                    "session_id": 987654,
                    "manager_id": manager,
                    "recorded_at": datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
                    "device": "door-1",
                    "voided": False,
                    "admitted_unregistered": False,
                }
            )
    assert "\n" not in str(refused.value)
    assert heard == []
    assert counts() == before
