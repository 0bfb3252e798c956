"""A programme on a PostgreSQL server: addresses, opening, migrations, check, push and pull."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.programme import (
    ServerAddress,
    new_programme,
    open_programme,
    parse_location,
    parse_server,
    programme_problems,
    pull_programme,
    push_programme,
    shown_location,
)

SECRET = "s3cret-Pa55"


# -- addresses (both passes) -----------------------------------------------------------------


def test_a_location_is_a_server_address_or_a_file_path() -> None:
    assert parse_location("team.booster") == Path("team.booster")
    assert parse_location("/srv/postgresql/team.booster") == Path("/srv/postgresql/team.booster")
    server = parse_location("postgresql://ana@db.example.org:5433/tours")
    assert isinstance(server, ServerAddress)
    assert (server.host, server.port, server.database, server.user) == (
        "db.example.org",
        5433,
        "tours",
        "ana",
    )
    assert isinstance(parse_location("postgres://ana@db/tours"), ServerAddress)


def test_an_address_never_shows_its_password() -> None:
    server = parse_server(f"postgresql://ana:{SECRET}@db.example.org/tours")
    assert server.password == SECRET
    shown = [str(server), repr(server), f"{server}", server.key, str([server])]
    assert all(SECRET not in text_ for text_ in shown)
    assert str(server) == "postgresql://ana@db.example.org/tours"
    # The driver gets it.
    assert server.driver_url().password == SECRET


def test_an_address_through_a_unix_socket_is_shown_as_a_person_reads_it() -> None:
    """The status bar said `?host=%2Ftmp%2Fpg-door.Ab`: the socket folder is shown as a
    folder, in `shown`, in every message that names the address, never with a password (nor
    one given among the options, which libpq also takes)."""
    server = parse_server(
        f"postgresql://ana:{SECRET}@/tours?host=/tmp/pg-door.Ab&port=5433&password={SECRET}"
        f"&sslpassword={SECRET}"
    )
    assert server.shown == "postgresql://ana@/tours?host=/tmp/pg-door.Ab&port=5433"
    message = "{file}: ok"  # how a message names it
    assert message.format(file=server) == f"{server}: ok" == f"{server.shown}: ok"
    assert shown_location(server) == server.shown
    assert shown_location(Path("/srv/tours.booster")) == "/srv/tours.booster"
    # What is parsed back and filed under keeps its escaping, and loses the password too.
    assert parse_server(str(server)).shown == server.shown
    assert SECRET not in str(server) + repr(server) + server.key + server.shown
    assert server.driver_url().query["password"] == SECRET  # the driver still gets it
    # Anything else stays escaped: a message offers the shown form to type back.
    options = parse_server("postgresql://ana@db/tours?options=-c%20search_path%3Dx%2By")
    assert options.shown == "postgresql://ana@db/tours?options=-c+search_path%3Dx%2By"
    assert str(parse_server(options.shown)) == str(options)


def test_tls_is_required_beyond_this_machine_unless_the_user_says_otherwise() -> None:
    remote = parse_server("postgresql://ana@db.example.org/tours")
    assert remote.tls_mode == "require"
    assert remote.driver_url().query["sslmode"] == "require"
    chosen = parse_server("postgresql://ana@db.example.org/tours?sslmode=verify-full")
    assert chosen.driver_url().query["sslmode"] == "verify-full"
    for local in ("postgresql://ana@localhost/t", "postgresql://ana@/t?host=/run/postgresql"):
        assert "sslmode" not in parse_server(local).driver_url().query


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("postgresql://ana@db.example.org", "names no database"),
        ("postgresql://ana@db/t?sslmode=sometimes", "sslmode must be one of"),
        ("mysql://ana@db/t", "only PostgreSQL servers hold programmes"),
    ],
)
def test_a_bad_address_is_refused_in_one_line(address: str, says: str) -> None:
    with pytest.raises(BoosterError, match=says):
        parse_server(address)


@pytest.mark.parametrize(
    ("address", "shown", "says"),
    [
        ("postgresql://u:{s}@/db?host=/tmp&port=abc", "postgresql://u@/db?", "port must be"),
        ("postgresql://u:{s}@db.example.org:99999/db", "postgresql://u@db", "port must be"),
        ("postgresql://u:{s}@db.example.org:abc/db", "postgresql://u@db", "not a server"),
        ("postgresql://u:{s}@[::1/db", "postgresql://u@[::1/db", "not a server"),
        ("postgresql://u:{s}@/db?port=1&port=2", "postgresql://u@/db", "not a server"),
    ],
)
def test_a_malformed_address_is_refused_in_one_line_without_the_password(
    address: str, shown: str, says: str
) -> None:
    with pytest.raises(BoosterError) as refused:
        parse_server(address.format(s=SECRET))
    message = str(refused.value)
    assert message.startswith(shown) and says in message, message
    assert SECRET not in message and "\n" not in message


def test_an_unreachable_server_is_refused_without_the_password() -> None:
    # A port nothing listens on, on this machine: refused at once, in one line.
    address = parse_server(f"postgresql://ana:{SECRET}@127.0.0.1:9/tours")
    with pytest.raises(BoosterError) as refused:
        open_programme(address)
    message = str(refused.value)
    assert message == "cannot reach the server at 127.0.0.1:9: Connection refused"
    assert SECRET not in message


# -- on the server (the PostgreSQL pass) -----------------------------------------------------


def checksums(path: Path) -> dict[str, tuple[int, str]]:
    """Rows and a checksum of every table of a programme file, in key order."""
    connection = sqlite3.connect(path)
    try:
        found = {}
        for (table,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ):
            digest = hashlib.sha256()
            width = len(connection.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
            order = ", ".join(str(n) for n in range(1, width + 1))
            rows = connection.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            for row in rows:
                digest.update(repr(row).encode())
            found[table] = (len(rows), digest.hexdigest())
        return found
    finally:
        connection.close()


@pytest.mark.postgresql_only
def test_push_then_pull_gives_back_the_same_data(
    demo_master: Path, tmp_path: Path, server_database: Any
) -> None:
    server = server_database()
    copied = push_programme(demo_master, server)
    assert copied["manager"] == 24 and copied["alembic_version"] == 1
    assert programme_problems(server) == []
    back = tmp_path / "back.booster"
    pulled = pull_programme(server, back)
    assert pulled == copied
    assert programme_problems(back) == []
    before, after = checksums(demo_master), checksums(back)
    assert after == before
    assert sum(rows for rows, _ in after.values()) > 600


@pytest.mark.postgresql_only
def test_ids_are_kept_and_new_rows_follow_them(demo_master: Path, server_database: Any) -> None:
    server = server_database()
    push_programme(demo_master, server)
    with open_programme(server, writable=True) as programme:
        with programme.engine.connect() as connection:
            top = connection.execute(text("SELECT max(id) FROM organisation")).scalar_one()
        from booster_desktop.store.changes import report

        with programme.writing() as connection:
            new = connection.execute(
                text(
                    "INSERT INTO organisation (name, kind) VALUES ('New one', 'other') RETURNING id"
                )
            ).scalar_one()
            report(connection, "organisation", [new])
    assert new == top + 1


@pytest.mark.postgresql_only
def test_push_goes_only_into_an_empty_database(demo_master: Path, server_database: Any) -> None:
    server = server_database()
    new_programme(server, title="Already here")
    with pytest.raises(BoosterError, match="is not empty"):
        push_programme(demo_master, server)
    with open_programme(server) as programme, programme.engine.connect() as connection:
        assert connection.execute(text("SELECT title FROM programme")).scalar_one() == (
            "Already here"
        )


@pytest.mark.postgresql_only
def test_pull_never_writes_over_a_file(
    demo_master: Path, tmp_path: Path, server_database: Any
) -> None:
    server = server_database()
    push_programme(demo_master, server)
    target = tmp_path / "mine.booster"
    target.write_bytes(b"my own work")
    with pytest.raises(BoosterError, match="already exists"):
        pull_programme(server, target)
    assert target.read_bytes() == b"my own work"
    with pytest.raises(BoosterError):
        pull_programme(server, demo_master)  # a programme file, least of all


@pytest.mark.postgresql_only
def test_an_empty_database_is_not_a_programme(server_database: Any) -> None:
    server = server_database()
    with pytest.raises(BoosterError, match="holds no programme"):
        open_programme(server)


@pytest.mark.postgresql_only
def test_a_newer_schema_on_the_server_is_refused(demo_master: Path, server_database: Any) -> None:
    server = server_database()
    push_programme(demo_master, server)
    with open_programme(server, writable=True) as programme, programme.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    with pytest.raises(BoosterError, match=r"newer version of Booster Desktop \(schema 0099"):
        open_programme(server, writable=True)
    assert any("newer version" in p for p in programme_problems(server))
    other = server_database()
    push_programme(demo_master, other)
    with open_programme(other) as programme, programme.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'tampered'"))
    with pytest.raises(BoosterError, match="is not one Booster Desktop ever wrote"):
        open_programme(other)


@pytest.mark.postgresql_only
def test_the_migrations_run_on_the_server_as_on_a_file(server_database: Any) -> None:
    from booster_desktop.store import migrate
    from booster_desktop.store import server as store_server

    server = server_database()
    engine = store_server.make_server_engine(server)
    try:
        migrate.upgrade(engine, "0001_initial")
    finally:
        engine.dispose()
    with open_programme(server, writable=True) as programme:
        assert programme.migrated_from == "0001_initial"
        assert programme.revision == migrate.script_revisions()[-1]
    # The migrated schema is exactly a new one: the catalogue check on opening passed, and
    # check finds nothing but the missing programme row a bare schema has.
    assert [p for p in programme_problems(server) if "programme rows" not in p] == []


@pytest.mark.postgresql_only
def test_check_finds_a_changed_catalogue_and_a_broken_foreign_key(
    demo_master: Path, server_database: Any
) -> None:
    server = server_database()
    push_programme(demo_master, server)
    with open_programme(server) as programme, programme.engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_manager_person_key"))
    problems = programme_problems(server)
    assert problems and "lacks the index ix_manager_person_key" in problems[0]
    with pytest.raises(BoosterError, match="lacks the index ix_manager_person_key"):
        open_programme(server)

    other = server_database()
    push_programme(demo_master, other)
    with open_programme(other) as programme, programme.engine.begin() as connection:
        # What a restore with triggers off could leave behind.
        connection.execute(text("ALTER TABLE enrolment DISABLE TRIGGER ALL"))
        connection.execute(text("UPDATE enrolment SET manager_id = 999999 WHERE id = 1"))
    found = programme_problems(other)
    assert any("trigger" in p and "switched off" in p for p in found)
    assert any("enrolment row 1 refers to a missing manager" in p for p in found)


@pytest.mark.postgresql_only
def test_a_revoked_badge_token_can_be_reissued_on_the_server(
    demo_master: Path, server_database: Any
) -> None:
    """The partial unique index holds one token in force per manager, not one token ever."""
    from booster_desktop.services.badges import reissue_token

    server = server_database()
    push_programme(demo_master, server)
    with open_programme(server, writable=True) as programme:
        first = reissue_token(programme, 1)
        second = reissue_token(programme, 1)
        assert first != second
        with programme.engine.connect() as connection:
            in_force = connection.execute(
                text("SELECT count(*) FROM badge_token WHERE manager_id = 1 AND revoked_at IS NULL")
            ).scalar_one()
            kept = connection.execute(
                text("SELECT count(*) FROM badge_token WHERE manager_id = 1")
            ).scalar_one()
    assert (in_force, kept) == (1, 3)
    assert programme_problems(server) == []


@pytest.mark.postgresql_only
def test_the_write_gate_takes_the_isolation_its_action_needs(
    demo_master: Path, server_database: Any
) -> None:
    from booster_desktop.store.changes import Action, report

    server = server_database()
    push_programme(demo_master, server)
    seen = {}
    with open_programme(server, writable=True) as programme:
        assert programme.writable and programme.lock is None
        for action in (Action.EDIT, Action.IMPORT, Action.ALLOCATION, Action.UNDO):
            with programme.writing(action) as connection:
                seen[action] = connection.exec_driver_sql("SHOW transaction_isolation").scalar()
                connection.execute(text("UPDATE topic SET name = name WHERE id = 1"))
                report(connection, "topic", [1])
    assert seen == {
        Action.EDIT: "read committed",
        Action.IMPORT: "serializable",
        Action.ALLOCATION: "serializable",
        Action.UNDO: "read committed",
    }


@pytest.mark.parametrize(
    ("message", "unreachable"),
    [
        ('connection failed: ... FATAL:  role "door_1" does not exist', False),
        ('connection failed: ... FATAL:  database "tours" does not exist', False),
        ('FATAL:  password authentication failed for user "door_1"', False),
        ('FATAL:  no pg_hba.conf entry for host "10.0.0.7", user "door_1"', False),
        ("FATAL:  the database system is starting up", True),
        ("FATAL:  the database system is shutting down", True),
        ("FATAL:  sorry, too many clients already", True),
        # A server set to French: its words are not read, so it counts as out of reach and
        # a door keeps going offline rather than stopping.
        ("FATAL:  le système de bases de données se lance", True),
        ('connection to server at "10.0.0.7", port 5432 failed: Connection refused', True),
    ],
)
def test_a_refused_login_or_database_is_a_server_reached(message: str, unreachable: bool) -> None:
    from booster_desktop.store.server import _unanswered

    assert _unanswered(message) is unreachable
