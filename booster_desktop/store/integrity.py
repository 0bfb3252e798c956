"""`booster check`: every check a programme file must pass, naming the first problem found.

In order: the header and `application_id`; SQLite's full integrity check (which also verifies
every CHECK constraint: ranks, dates, capacities, codes) and foreign keys; the schema revision
against the newest known; the catalogue (tables, columns, types, indexes, triggers) against
the model; every value's type and form, which SQLite does not hold (it keeps any type in any
column); then the model's own invariants, which the schema alone cannot hold.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import DBAPIError

from booster_desktop.domain.badge import BadgeToken, is_valid_token
from booster_desktop.domain.enrolment import Enrolment
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import ManagerStatus
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.text import is_email
from booster_desktop.domain.tour import Tour, is_time_zone
from booster_desktop.i18n import _
from booster_desktop.store.catalogue import catalogue_problems, read_catalogue
from booster_desktop.store.engine import make_engine
from booster_desktop.store.header import check_header
from booster_desktop.store.location import Location, ServerAddress
from booster_desktop.store.programme_file import (
    disk_full,
    folder_writable,
    integrity_lines,
    integrity_summary,
    remove_side_files_made,
    side_files_present,
)
from booster_desktop.store.schema_version import HEAD_REVISION, KNOWN_REVISIONS, is_newer_revision
from booster_desktop.store.values import value_problems

Invariant = Callable[[Connection], Iterator[str]]


def first_problem(path: Path) -> str | None:
    """The first problem of the file at `path`, as one line, or None when it passes every check."""
    found = problems(path, limit=1)
    return found[0] if found else None


def problems(path: Location, *, limit: int = 200) -> list[str]:
    """The problems of the file at `path`, one a line, at most `limit` (`check --verbose`).

    The checks run in stages; a later stage runs only when the earlier ones found nothing
    (values are not worth judging in a table whose columns are wrong). Never raises for a
    damaged file: what SQLite or the decoder says becomes a problem line. A programme on a
    server gets the server's equivalents (`store/server.py`), then the same invariants.
    """
    if isinstance(path, ServerAddress):
        return _server_problems(path, limit)
    try:
        check_header(path)
    except BoosterError as error:
        return [str(error)]
    found: list[str] = []
    immutable = not folder_writable(path.parent)
    if immutable and path.with_name(path.name + "-wal").exists():
        return [
            _(
                "{path}: is on a read-only disk with a -wal file beside it; copy both to check"
            ).format(path=path)
        ]
    before = side_files_present(path)
    engine = make_engine(path, mode="ro" if immutable else "rw", immutable=immutable)
    try:
        with engine.connect() as connection:
            for problem in _problems(connection, path):
                found.append(_("{path}: {problem}").format(path=path, problem=problem))
                if len(found) >= limit:
                    break
    except (DBAPIError, sqlite3.Error, UnicodeDecodeError, ValueError, OverflowError) as error:
        original = getattr(error, "orig", error)
        text = " ".join(str(original).split())[:160]
        if disk_full(path.parent):
            found.append(_("no space left on the disk at {parent}").format(parent=path.parent))
        else:
            found.append(
                _(
                    "{path}: is damaged ({kind}: {text}); `booster check --verbose` "
                    "lists what SQLite reports"
                ).format(path=path, kind=type(original).__name__, text=text)
            )
    finally:
        engine.dispose()
        if found:
            remove_side_files_made(path, before)
    return found


def _server_problems(address: ServerAddress, limit: int) -> list[str]:
    from booster_desktop.domain.roles import Role
    from booster_desktop.store import server
    from booster_desktop.store.roles import role_of

    found: list[str] = []

    def stages(connection: Connection) -> Iterator[str]:
        before = 0
        for problem in server.problems(connection, address):
            before += 1
            yield problem
        if not before:
            for invariant in INVARIANTS:
                yield from invariant(connection)

    engine = server.make_server_engine(address)
    try:
        with engine.connect() as connection:
            # Door staff may not read most of what is checked: said at once, not as the
            # server's refusal of the first table they may not read.
            if role_of(connection) is Role.DOOR:
                raise BoosterError(
                    _(
                        "{path}: {user} is door staff here and may only check people in; "
                        "checking the programme is a coordinator's work"
                    ).format(path=address, user=address.user)
                )
            for problem in stages(connection):
                found.append(_("{path}: {problem}").format(path=address, problem=problem))
                if len(found) >= limit:
                    break
    except DBAPIError as error:
        found.append(str(server.server_problem(address, error)))
    finally:
        engine.dispose()
    return found


def _integrity_rows(raw: sqlite3.Connection) -> list[str]:
    """SQLite's integrity report; what it said before giving up on a page too damaged to go
    on is kept, with its last word."""
    rows: list[str] = []
    try:
        for (row,) in raw.execute("PRAGMA integrity_check(1000)"):
            rows.append(str(row))
    except sqlite3.DatabaseError as error:
        rows.append(str(error))
    return rows


def _problems(connection: Connection, path: Path) -> Iterator[str]:
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    rows = _integrity_rows(raw)
    if rows != ["ok"]:
        lines = integrity_lines(rows)
        yield integrity_summary(rows)
        for line in lines:
            yield f"SQLite: {line}"
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    for table, rowid, parent, _key in broken:
        yield _("{table} row {rowid} refers to a missing {parent}").format(
            table=table, rowid=rowid, parent=parent
        )
    if broken:
        return
    catalogue = read_catalogue(raw)
    if "alembic_version" not in catalogue.tables:
        yield _("has no schema revision")
        return
    revisions = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    if len(revisions) != 1:
        yield _("has {count} schema revisions instead of one").format(count=len(revisions))
        return
    revision = revisions[0][0]
    if revision not in KNOWN_REVISIONS and not is_newer_revision(str(revision)):
        yield (
            _(
                "is damaged: its schema revision {value!r} is not one Booster Desktop ever wrote"
            ).format(value=str(revision)[:60])
        )
        return
    if revision not in KNOWN_REVISIONS:
        yield _("was written by a newer version of Booster Desktop (schema {revision})").format(
            revision=revision
        )
        return
    if revision != HEAD_REVISION:
        yield _(
            "has an older schema ({revision}, newest is {HEAD_REVISION}); open it to upgrade it"
        ).format(revision=revision, HEAD_REVISION=HEAD_REVISION)
        return
    differences = list(catalogue_problems(catalogue))
    if differences:
        yield from (_("is damaged: {d}").format(d=d) for d in differences)
        return
    bad_values = list(value_problems(raw))
    if bad_values:
        yield from bad_values
        return
    for invariant in INVARIANTS:
        yield from invariant(connection)


def _one_programme(connection: Connection) -> Iterator[str]:
    count = connection.scalar(select(func.count()).select_from(Programme))
    if count != 1:
        yield _("has {count} programme rows instead of one").format(count=count)


def _enrolled_once(connection: Connection) -> Iterator[str]:
    row = connection.execute(
        select(Enrolment.manager_id, Enrolment.tour_id)
        .group_by(Enrolment.manager_id, Enrolment.tour_id)
        .having(func.count() > 1)
    ).first()
    if row is not None:
        yield _("manager {manager_id} is enrolled more than once in tour {tour_id}").format(
            manager_id=row.manager_id, tour_id=row.tour_id
        )


def _one_badge_token_each(connection: Connection) -> Iterator[str]:
    in_force = (
        select(BadgeToken.manager_id, func.count().label("tokens"))
        .where(BadgeToken.revoked_at.is_(None))
        .group_by(BadgeToken.manager_id)
        .subquery()
    )
    row = connection.execute(
        select(Manager.id, func.coalesce(in_force.c.tokens, 0).label("tokens"))
        .outerjoin(in_force, in_force.c.manager_id == Manager.id)
        .where(Manager.status == ManagerStatus.ACTIVE)
        .where(func.coalesce(in_force.c.tokens, 0) != 1)
    ).first()
    if row is not None:
        yield _("manager {id} has {tokens} badge tokens in force instead of one").format(
            id=row.id, tokens=row.tokens
        )
    for token, manager_id in connection.execute(select(BadgeToken.token, BadgeToken.manager_id)):
        if not is_valid_token(token):
            yield _("manager {manager_id} has a malformed badge token {token!r}").format(
                manager_id=manager_id, token=token
            )
            return


def _managers_well_formed(connection: Connection) -> Iterator[str]:
    rows = connection.execute(select(Manager.id, Manager.email).where(Manager.email.is_not(None)))
    for manager_id, email in rows:
        if not is_email(email or ""):
            yield _("manager {manager_id} has an invalid e-mail address {email!r}").format(
                manager_id=manager_id, email=email
            )
            return


def _tours_well_formed(connection: Connection) -> Iterator[str]:
    # Dates, capacities, codes and times are CHECK constraints, which the integrity check
    # already verified; a time zone must be one this machine's tz database knows.
    for code, zone in connection.execute(select(Tour.code, Tour.time_zone)):
        if not is_time_zone(zone):
            yield _("tour {code} has an unknown time zone {zone!r}").format(code=code, zone=zone)
            return


INVARIANTS: tuple[Invariant, ...] = (
    _one_programme,
    _enrolled_once,
    _one_badge_token_each,
    _managers_well_formed,
    _tours_well_formed,
)
