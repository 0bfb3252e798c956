"""Who may do what on a programme on a server: the server refuses door staff what is not
theirs (its own errors, read from its own connections), the check-in services work for them
with their few rights, a coordinator does everything, and `init` / `add_user` behave when
run again or given something wrong."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.roles import Role
from booster_desktop.services.attendance import head_count, name_index
from booster_desktop.services.checkin import CheckinDesk, ScanState
from booster_desktop.services.managers import manager_details, save_manager
from booster_desktop.services.programme import ServerAddress, open_programme, pull_programme
from booster_desktop.services.team import (
    add_user,
    init_server,
    read_password_file,
    refused_by_server,
)
from booster_desktop.store.schema_version import KNOWN_REVISIONS
from tests.server_team import Team, as_login, connect, team

pytestmark = pytest.mark.postgresql_only

__all__ = ["team"]  # the fixture, used by name


def _one(address: ServerAddress, sql: str, *params: object) -> object:
    with connect(address) as connection:
        row = connection.execute(sql, params).fetchone()
    assert row is not None
    return row[0]


def _expected_token(admin: ServerAddress, session_id: int) -> tuple[int, str, str]:
    """(manager id, badge token, given name) of a manager the session's tour expects."""
    with connect(admin) as connection:
        row = connection.execute(
            "SELECT m.id, b.token, m.given_name FROM tour_session s "
            "JOIN enrolment e ON e.tour_id = s.tour_id "
            "JOIN manager m ON m.id = e.manager_id AND m.status = 'active' "
            "JOIN badge_token b ON b.manager_id = m.id AND b.revoked_at IS NULL "
            "WHERE s.id = %s AND e.status IN ('proposed', 'confirmed') ORDER BY m.id LIMIT 1",
            (session_id,),
        ).fetchone()
    assert row is not None
    return int(row[0]), str(row[1]), str(row[2])


def test_the_server_refuses_door_staff_an_update_of_a_manager(team: Team) -> None:
    door = team.add(Role.DOOR)
    with connect(door) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="manager"):
            connection.execute("UPDATE manager SET given_name = 'Mallory' WHERE id = 1")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="manager"):
            connection.execute("DELETE FROM manager WHERE id = 1")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="enrolment"):
            connection.execute("UPDATE enrolment SET status = 'withdrawn'")
    assert _one(team.admin, "SELECT count(*) FROM manager WHERE given_name = 'Mallory'") == 0


def test_the_server_refuses_door_staff_the_sensitive_fields(team: Team) -> None:
    door = team.add(Role.DOOR)
    assert _one(team.admin, "SELECT count(*) FROM travel_document") != 0  # there is some
    with connect(door) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="travel_document"):
            connection.execute("SELECT passport_number FROM travel_document")
        # A manager's contact details and notes are not theirs to read either...
        for column in ("email", "phone", "notes"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="manager"):
                connection.execute(f"SELECT {column} FROM manager")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="manager"):
            connection.execute("SELECT * FROM manager")
        # ... but the name, the country and whether they take part are.
        row = connection.execute(
            "SELECT given_name, family_name, country_code, status FROM manager WHERE id = 1"
        ).fetchone()
    assert row is not None and row[0]


def test_door_staff_read_who_a_tour_expects_not_the_enrolments_travel_data(team: Team) -> None:
    """Door staff could read every column of an enrolment: the managers' flights, arrival
    and departure details, hotel and notes, travel data the retention rule erases."""
    door = team.add(Role.DOOR)
    with connect(team.admin) as connection:
        connection.execute(
            "UPDATE enrolment SET arrival_details = 'IB 3147 from Casablanca', "
            "hotel = 'Hotel Gràcia', notes = 'arrives late' WHERE id = 1"
        )
    with connect(door) as connection:
        for column in ("arrival_at", "arrival_details", "departure_details", "hotel", "notes"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="enrolment"):
                connection.execute(f"SELECT {column} FROM enrolment")
        row = connection.execute(
            "SELECT count(*) FROM enrolment WHERE status IN ('proposed', 'confirmed')"
        ).fetchone()
    assert row is not None and row[0]


def test_the_refusal_comes_through_the_application_as_the_server_said_it(team: Team) -> None:
    door = team.add(Role.DOOR)
    with open_programme(door, writable=True, door_may=True) as programme:
        assert programme.role is Role.DOOR and programme.door_only
        with pytest.raises(ProgrammingError) as refused, programme.engine.connect() as c:
            c.execute(text("SELECT passport_number FROM travel_document"))
    assert isinstance(refused.value.orig, psycopg.errors.InsufficientPrivilege)
    said = refused_by_server(refused.value)
    assert said is not None
    assert str(said) == (
        "the server refused: permission denied for table travel_document "
        "(ask a coordinator for the rights)"
    )
    assert refused_by_server(ValueError("anything else")) is None


def test_door_staff_record_and_void_check_ins_through_the_services(team: Team) -> None:
    door = team.add(Role.DOOR)
    session_id = int(_one(team.admin, "SELECT min(id) FROM tour_session"))  # type: ignore[call-overload]
    manager_id, token, given = _expected_token(team.admin, session_id)
    with open_programme(door, writable=True, door_may=True) as programme:
        desk = CheckinDesk(programme, session_id, device="door laptop")
        before = head_count(programme, session_id)
        result = desk.record(token)
        assert (result.state, result.recorded, result.manager_id) == (
            ScanState.WELCOME,
            True,
            manager_id,
        )
        assert given in result.name
        assert head_count(programme, session_id).checked_in == before.checked_in + 1
        assert desk.record(token).state in (ScanState.WELCOME, ScanState.ALREADY)
        assert any(p.manager_id == manager_id for _t, p in name_index(programme).people)
        undone = desk.void_last()
        assert undone.manager_id == manager_id
        assert head_count(programme, session_id).checked_in == before.checked_in
    # Read back as the administrator: the check-in stands voided, with its history.
    with connect(team.admin) as connection:
        rows = connection.execute(
            "SELECT device, voided FROM checkin WHERE id = %s", (result.checkin_id,)
        ).fetchall()
        history = connection.execute(
            "SELECT kind, field FROM change_value WHERE table_name = 'checkin' "
            "AND record_id = %s ORDER BY id",
            (result.checkin_id,),
        ).fetchall()
    assert rows == [("door laptop", True)]
    assert history == [("insert", None), ("update", "voided")]


def test_door_staff_add_to_the_history_but_never_change_it(team: Team) -> None:
    door = team.add(Role.DOOR)
    session_id = int(_one(team.admin, "SELECT min(id) FROM tour_session"))  # type: ignore[call-overload]
    _manager_id, token, _given = _expected_token(team.admin, session_id)
    with open_programme(door, writable=True, door_may=True) as programme:
        desk = CheckinDesk(programme, session_id, device="door laptop")
        result = desk.record(token)
        assert result.recorded
        desk.void_last()
    oldest = int(_one(team.admin, "SELECT min(id) FROM change_entry"))  # type: ignore[call-overload]
    with connect(door) as connection:
        for forgery in (
            "UPDATE change_entry SET description = 'forged', device = 'door'",
            f"UPDATE change_entry SET at = now() WHERE id = {oldest}",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="change_entry"):
                connection.execute(forgery)
            connection.rollback()
        # Nor may they add an entry in someone else's name, or values to an older entry.
        entry = (
            "INSERT INTO change_entry (action, at, device, description, login) "
            "VALUES ('edit', now(), 'door', {description}, {login})"
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute(entry.format(description="'forged'", login="'postgres'"))
        connection.rollback()
        connection.execute(entry.format(description="'mine'", login="current_user"))  # allowed
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute(
                "INSERT INTO change_value (entry_id, table_name, kind, masked) "
                f"VALUES ({oldest}, 'manager', 'update', false)"
            )
        connection.rollback()
    with connect(team.admin) as connection:
        forged = connection.execute(
            "SELECT count(*) FROM change_entry WHERE description = 'forged'"
        ).fetchone()
        written = connection.execute(
            "SELECT e.login, e.device, e.description, v.kind FROM change_entry e "
            "JOIN change_value v ON v.entry_id = e.id WHERE v.table_name = 'checkin' "
            "AND v.record_id = %s ORDER BY v.id",
            (str(result.checkin_id),),
        ).fetchall()
    assert forged == (0,)
    # Both check-in entries written whole by the door's own login, described.
    assert [(login, kind) for login, _d, _s, kind in written] == [
        (door.user, "insert"),
        (door.user, "update"),
    ]
    assert all(device and description for _l, device, description, _k in written)


def test_door_staff_may_not_open_a_programme_for_anything_else(team: Team, tmp_path: Path) -> None:
    door = team.add(Role.DOOR)
    with pytest.raises(BoosterError, match="door staff"):
        open_programme(door)
    with pytest.raises(BoosterError, match="door staff"):
        pull_programme(door, tmp_path / "pulled.booster")
    assert not (tmp_path / "pulled.booster").exists()


def test_door_staff_are_not_asked_to_upgrade_an_older_programme(team: Team) -> None:
    door = team.add(Role.DOOR)
    older = KNOWN_REVISIONS[-2]
    with connect(team.admin) as connection:
        connection.execute("UPDATE alembic_version SET version_num = %s", (older,))
    with pytest.raises(BoosterError, match="ask a coordinator to upgrade"):
        open_programme(door, writable=True, door_may=True)
    assert _one(team.admin, "SELECT version_num FROM alembic_version") == older


def test_a_coordinator_login_does_everything(team: Team, tmp_path: Path) -> None:
    coordinator = team.add(Role.COORDINATOR)
    session_id = int(_one(team.admin, "SELECT min(id) FROM tour_session"))  # type: ignore[call-overload]
    _manager, token, _given = _expected_token(team.admin, session_id)
    with open_programme(coordinator, writable=True) as programme:
        assert programme.role is Role.COORDINATOR and not programme.door_only
        details = manager_details(programme, 1)
        save_manager(programme, replace(details, passport_number="P1234567"), 1)
        assert CheckinDesk(programme, session_id).record(token).recorded
    assert _one(team.admin, "SELECT passport_number FROM travel_document WHERE manager_id = 1") == (
        "P1234567"
    )
    pulled = tmp_path / "pulled.booster"
    counts = pull_programme(coordinator, pulled)
    assert counts["travel_document"] > 0 and pulled.is_file()


def test_a_login_in_neither_group_reads_nothing(team: Team) -> None:
    outsider = team.login(team.name("outsider"))
    with connect(team.admin) as connection:
        connection.execute(f'CREATE ROLE "{outsider.user}" LOGIN')
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        connect(outsider)
    with pytest.raises(BoosterError, match="permission denied"):
        open_programme(outsider)


def _door_rights(admin: ServerAddress) -> list[tuple[str, str, bool, bool, bool]]:
    with connect(admin) as connection:
        return [
            tuple(row)  # type: ignore[misc]
            for row in connection.execute(
                "SELECT c.relname, a.attname, "
                "has_column_privilege('booster_door', c.oid, a.attnum, 'SELECT'), "
                "has_column_privilege('booster_door', c.oid, a.attnum, 'INSERT'), "
                "has_column_privilege('booster_door', c.oid, a.attnum, 'UPDATE') "
                "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' "
                "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2"
            )
        ]


def test_init_run_again_says_so_and_grants_the_same(team: Team) -> None:
    assert any("booster_door" in line for line in team.said)
    rights = _door_rights(team.admin)
    door_updates = {(t, c) for t, c, _s, _i, u in rights if u}
    # The history is added to, never changed: no UPDATE on it.
    assert door_updates == {("checkin", "voided")}
    assert not any(s for t, _c, s, _i, _u in rights if t in ("travel_document", "person"))
    again = init_server(team.admin)
    assert "the group role booster_door was there already" in again
    assert _door_rights(team.admin) == rights
    door = team.add(Role.DOOR)
    with open_programme(door, writable=True, door_may=True) as programme:
        assert programme.door_only


def test_init_again_after_an_upgrade_grants_the_new_tables(team: Team) -> None:
    coordinator = team.add(Role.COORDINATOR)
    with connect(team.admin) as connection:  # what a new version's migration might add
        connection.execute("CREATE TABLE later_table (id integer PRIMARY KEY)")
        connection.execute("INSERT INTO later_table VALUES (1)")
    with connect(coordinator) as connection, pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute("SELECT id FROM later_table")
    init_server(team.admin)
    with connect(coordinator) as connection:
        assert connection.execute("SELECT id FROM later_table").fetchall() == [(1,)]


def test_add_user_refuses_in_one_line(team: Team, tmp_path: Path) -> None:
    door = team.add(Role.DOOR)
    refusals = {
        "a bad name": lambda: add_user(team.admin, "Robert'); DROP", Role.DOOR, "x"),
        "a group's name": lambda: add_user(team.admin, "booster_door", Role.DOOR, "x"),
        "an existing role": lambda: add_user(team.admin, door.user, Role.COORDINATOR, "x"),
        "an empty password": lambda: add_user(team.admin, team.name("empty"), Role.DOOR, ""),
        "a login that may not create roles": lambda: add_user(
            door, team.name("by_door"), Role.DOOR, "x"
        ),
        "a missing password file": lambda: read_password_file(tmp_path / "missing.txt"),
        "a folder as the password file": lambda: read_password_file(tmp_path),
    }
    for what, attempt in refusals.items():
        with pytest.raises(BoosterError) as refused:
            attempt()
        message = str(refused.value)
        assert "\n" not in message and message, what
    with connect(team.admin) as connection:
        made = connection.execute(
            "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'empty%' OR rolname LIKE 'by_door%' "
            "OR rolname LIKE 'robert%'"
        ).fetchone()
        member = connection.execute(
            "SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = %s",
            (door.user,),
        ).fetchall()
    assert made == (0,)
    assert member == [("booster_door",)]  # the refused "existing role" changed nothing


def test_a_password_is_sent_hashed_and_works(team: Team, tmp_path: Path) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("Pa55 word with spaces\nsecond line ignored\n", encoding="utf-8")
    assert read_password_file(secret) == "Pa55 word with spaces"
    name = team.name("ana")
    team.logins.append(name)
    add_user(team.admin, name, Role.COORDINATOR, read_password_file(secret))
    stored = _one(team.admin, "SELECT rolpassword FROM pg_authid WHERE rolname = %s", name)
    assert str(stored).startswith("SCRAM-SHA-256$") and "Pa55" not in str(stored)
    with open_programme(as_login(team.admin, name)) as programme:
        assert programme.role is Role.COORDINATOR


def test_init_is_refused_to_a_login_that_owns_nothing_there(team: Team) -> None:
    """A GRANT by someone who does not own the tables only warns on PostgreSQL: init must
    refuse instead of saying it granted what it did not."""
    helper = team.login(team.name("helper"))
    with connect(team.admin) as connection:
        connection.execute(f'CREATE ROLE "{helper.user}" LOGIN CREATEROLE IN ROLE booster_door')
    rights = _door_rights(team.admin)
    with pytest.raises(BoosterError, match="does not own the programme's database or tables"):
        init_server(helper)
    assert _door_rights(team.admin) == rights


def test_door_staff_admit_someone_not_registered(team: Team) -> None:
    door = team.add(Role.DOOR)
    with connect(team.admin) as connection:
        row = connection.execute(
            "SELECT s.id, m.id FROM tour_session s CROSS JOIN manager m WHERE NOT EXISTS ("
            "SELECT 1 FROM enrolment e WHERE e.manager_id = m.id AND e.tour_id = s.tour_id) "
            "ORDER BY s.id, m.id LIMIT 1"
        ).fetchone()
    assert row is not None
    session_id, manager_id = int(row[0]), int(row[1])
    with open_programme(door, writable=True, door_may=True) as programme:
        result = CheckinDesk(programme, session_id).admit(manager_id)
    assert (result.state, result.recorded, result.admitted) == (
        ScanState.NOT_REGISTERED,
        True,
        True,
    )
    assert _one(
        team.admin,
        "SELECT admitted_unregistered FROM checkin WHERE id = %s",
        result.checkin_id,
    )


def test_a_door_login_the_server_refuses_is_not_started_offline(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    """A server that answers "no such login" was reached: a door whose login was removed
    must not go on checking people in from its roster copy (it did: psycopg gives such a
    refusal no SQLSTATE, and it passed for an unreachable server)."""
    from booster_desktop.cli import main
    from booster_desktop.services.door_journal import last_door
    from booster_desktop.store.server import is_unreachable

    door = team.add(Role.DOOR)
    session_id = int(_one(team.admin, "SELECT min(id) FROM tour_session"))  # type: ignore[call-overload]
    _manager, token, _given = _expected_token(team.admin, session_id)
    url = door.url.render_as_string(hide_password=False)
    assert main(["checkin", "record", url, "--session", str(session_id), token]) == 0
    assert last_door(door) is not None  # a roster copy to start offline from
    with connect(team.admin) as connection:
        connection.execute(f'DROP ROLE "{door.user}"')
    capsys.readouterr()
    assert main(["checkin", "record", url, "--session", str(session_id), token]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "does not exist" in err and "offline" not in err
    assert len(err.strip().splitlines()) == 1
    with pytest.raises(BoosterError) as refused:
        open_programme(door, writable=True, door_may=True)
    assert not is_unreachable(refused.value)
    # Unreachable stays unreachable: nothing listens on this port.
    closed = as_login(team.admin, door.user)
    closed = ServerAddress(closed.url.set(query={"host": "/nonexistent-socket-dir"}))
    with pytest.raises(BoosterError) as unreachable:
        open_programme(closed, writable=True, door_may=True)
    assert is_unreachable(unreachable.value)
