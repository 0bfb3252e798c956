"""`booster check`: every check a programme file must pass, naming the first problem found.

In order: the header and `application_id`; SQLite's full integrity check (which also verifies
every CHECK constraint: ranks, dates, capacities, codes) and foreign keys; the schema revision
against the newest known; the tables the model expects; then the model's own invariants, which
the schema alone cannot hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, func, inspect, select
from sqlalchemy.exc import DBAPIError

from booster_desktop.domain.badge import BadgeToken, is_valid_token
from booster_desktop.domain.enrolment import Enrolment
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import ManagerStatus
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.model import Base
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.text import is_email
from booster_desktop.domain.tour import Tour, is_time_zone
from booster_desktop.store.engine import make_engine
from booster_desktop.store.header import check_header
from booster_desktop.store.schema_version import HEAD_REVISION, KNOWN_REVISIONS

Invariant = Callable[[Connection], Iterator[str]]


def first_problem(path: Path) -> str | None:
    """The first problem of the file at `path`, as one line, or None when it passes every check."""
    try:
        check_header(path)
    except BoosterError as error:
        return str(error)
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            for problem in _problems(connection):
                return f"{path}: {problem}"
    except DBAPIError as error:
        return f"{path}: is damaged ({getattr(error, 'orig', error)})"
    finally:
        engine.dispose()
    return None


def _problems(connection: Connection) -> Iterator[str]:
    for (verdict,) in connection.exec_driver_sql("PRAGMA integrity_check"):
        if verdict != "ok":
            yield f"is damaged (SQLite integrity check: {verdict})"
            return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        table, rowid, parent, _ = broken
        yield f"{table} row {rowid} refers to a missing {parent}"
        return
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" not in tables:
        yield "has no schema revision"
        return
    revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if revision not in KNOWN_REVISIONS:
        yield f"was written by a newer version of Booster Desktop (schema {revision})"
        return
    if revision != HEAD_REVISION:
        yield f"has an older schema ({revision}, newest is {HEAD_REVISION}); open it to upgrade it"
        return
    missing = sorted(set(Base.metadata.tables) - tables)
    if missing:
        yield f"lacks the table{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
        return
    for invariant in INVARIANTS:
        yield from invariant(connection)


def _one_programme(connection: Connection) -> Iterator[str]:
    count = connection.scalar(select(func.count()).select_from(Programme))
    if count != 1:
        yield f"has {count} programme rows instead of one"


def _enrolled_once(connection: Connection) -> Iterator[str]:
    row = connection.execute(
        select(Enrolment.manager_id, Enrolment.tour_id)
        .group_by(Enrolment.manager_id, Enrolment.tour_id)
        .having(func.count() > 1)
    ).first()
    if row is not None:
        yield f"manager {row.manager_id} is enrolled more than once in tour {row.tour_id}"


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
        yield f"manager {row.id} has {row.tokens} badge tokens in force instead of one"
    for token, manager_id in connection.execute(select(BadgeToken.token, BadgeToken.manager_id)):
        if not is_valid_token(token):
            yield f"manager {manager_id} has a malformed badge token {token!r}"
            return


def _managers_well_formed(connection: Connection) -> Iterator[str]:
    rows = connection.execute(select(Manager.id, Manager.email).where(Manager.email.is_not(None)))
    for manager_id, email in rows:
        if not is_email(email or ""):
            yield f"manager {manager_id} has an invalid e-mail address {email!r}"
            return


def _tours_well_formed(connection: Connection) -> Iterator[str]:
    # Dates, capacities, codes and times are CHECK constraints, which the integrity check
    # already verified; a time zone must be one this machine's tz database knows.
    for code, zone in connection.execute(select(Tour.code, Tour.time_zone)):
        if not is_time_zone(zone):
            yield f"tour {code} has an unknown time zone {zone!r}"
            return


INVARIANTS: tuple[Invariant, ...] = (
    _one_programme,
    _enrolled_once,
    _one_badge_token_each,
    _managers_well_formed,
    _tours_well_formed,
)
