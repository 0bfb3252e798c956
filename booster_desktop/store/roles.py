"""Who may do what on a programme on a PostgreSQL server, as the server's own roles and grants.

Two group roles (NOLOGIN, cluster-wide): `booster_coordinator` may do everything on the
programme's tables and sequences; `booster_door` reads the roster without its sensitive
fields (column privileges: travel documents not at all, a manager's name, country and
status only), records and voids check-ins (INSERT on the check-in table, UPDATE of its void
column only), and adds to the change history the write gate keeps beside them (row-level
security: only entries in their own name, values only to the entry just made). PUBLIC loses
what PostgreSQL gives it by default (connecting, the schema), so a login in neither group
reads nothing. The server refuses the rest, whatever the client: nothing here is a check the
application makes.

`init` grants per database (one programme each) and is run again after an upgrade that added
tables; `add_user` makes a login in one group. Both need an administrator's connection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Connection

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.roles import GROUP_ROLES, Role
from booster_desktop.i18n import _, ngettext

_Raw = psycopg.Connection[tuple[Any, ...]]

COORDINATOR_GROUP = GROUP_ROLES[Role.COORDINATOR]
DOOR_GROUP = GROUP_ROLES[Role.DOOR]


@dataclass(frozen=True)
class Grant:
    """One privilege of door staff on one table (on some of its columns when named)."""

    table: str
    privilege: str
    columns: tuple[str, ...] | None = None


# Everything door staff may do, and nothing else: what the check-in screen and
# `booster checkin record` read and write, and the history the write gate writes with them.
# Columns absent from a table (an older schema) are left out; so is a table.
DOOR_GRANTS: tuple[Grant, ...] = (
    Grant("alembic_version", "SELECT"),
    Grant("programme", "SELECT", ("id", "title", "uuid")),
    Grant("country", "SELECT"),
    Grant("tour", "SELECT"),
    Grant("tour_session", "SELECT"),
    # Who a tour expects; not the enrolment's travel data (flights, hotel) nor its notes.
    Grant("enrolment", "SELECT", ("id", "manager_id", "tour_id", "status")),
    Grant("badge_token", "SELECT"),
    # The roster without its sensitive fields: who, from where, whether still taking part.
    Grant(
        "manager",
        "SELECT",
        ("id", "status", "given_name", "family_name", "arabic_name", "country_code"),
    ),
    Grant("checkin", "SELECT"),
    Grant("checkin", "INSERT"),
    # Voiding a check-in (undo at the door), and the record's version where it has one.
    Grant("checkin", "UPDATE", ("voided", "version")),
    # The change history: an entry, its values (their ids read back by the INSERT); never
    # read otherwise, never changed nor removed (the write gate writes an entry whole).
    Grant("change_entry", "SELECT", ("id",)),
    Grant("change_entry", "INSERT"),
    Grant("change_value", "SELECT", ("id",)),
    Grant("change_value", "INSERT"),
)
# Tables whose id sequences door staff draw from (history rows they insert).
DOOR_SEQUENCES = ("change_entry", "change_value")

# A login's name: what `add_user` accepts, whole (fullmatch: `$` would let a final
# newline through); PostgreSQL's limit is 63 bytes.
_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,62}")
# Names PostgreSQL refuses for a role ("public", "none"), or that mean another role wherever a
# statement names one (a login called current_user would be granted and altered by mistake).
_SERVER_WORDS = frozenset({"public", "none", "current_user", "session_user", "current_role"})


def role_of(connection: Connection) -> Role:
    """What the connected login may do: door staff when it is in `booster_door` and not in
    `booster_coordinator`, else a coordinator (a superuser, the owner, a coordinator)."""
    groups = {
        str(name)
        for (name,) in connection.exec_driver_sql(
            "SELECT rolname FROM pg_roles WHERE rolname IN (%(c)s, %(d)s) "
            "AND pg_has_role(current_user, oid, 'MEMBER')",
            {"c": COORDINATOR_GROUP, "d": DOOR_GROUP},
        )
    }
    if DOOR_GROUP in groups and COORDINATOR_GROUP not in groups:
        return Role.DOOR
    return Role.COORDINATOR


def _raw(connection: Connection) -> _Raw:
    raw: _Raw = connection.connection.driver_connection  # type: ignore[assignment]
    assert isinstance(raw, psycopg.Connection)
    return raw


def _one(raw: _Raw, query: str, *params: object) -> object:
    row = raw.execute(query, params).fetchone()
    return None if row is None else row[0]


def _require_admin(raw: _Raw, where: str) -> str:
    """The connected login's name, refused unless it may create roles."""
    row = raw.execute(
        "SELECT rolname, rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    assert row is not None
    user, admin = str(row[0]), bool(row[1])
    if not admin:
        raise BoosterError(
            _(
                "{where}: {user} may not create roles; connect as an administrator "
                "(a superuser or a login with CREATEROLE)"
            ).format(where=where, user=user)
        )
    return user


def _role_exists(raw: _Raw, name: str) -> bool:
    return _one(raw, "SELECT count(*) FROM pg_roles WHERE rolname = %s", name) == 1


def _tables(raw: _Raw) -> dict[str, set[str]]:
    """The programme's tables in the current schema, each with its columns."""
    found: dict[str, set[str]] = {}
    for table, column in raw.execute(
        "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') "
        "AND a.attnum > 0 AND NOT a.attisdropped"
    ):
        found.setdefault(str(table), set()).add(str(column))
    return found


def init(connection: Connection, where: str) -> list[str]:
    """Make the two group roles if missing and grant each its rights on this database's
    programme, PUBLIC's revoked; returns what was done, one line each. Run again, it grants
    anew (tables an upgrade added included) and takes back what door staff no longer need."""
    raw = _raw(connection)
    user = _require_admin(raw, where)
    tables = _tables(raw)
    if "alembic_version" not in tables:
        raise BoosterError(
            _("{where}: holds no programme; `booster push FILE URL` copies one into it").format(
                where=where
            )
        )
    superuser = bool(_one(raw, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
    # A GRANT or REVOKE by someone who does not own the object only warns, changing
    # nothing: refused here instead, before anything is said to be done.
    foreign = _one(
        raw,
        "SELECT string_agg(DISTINCT pg_get_userbyid(owner), ', ') FROM ("
        "SELECT relowner AS owner FROM pg_class WHERE relnamespace = "
        "current_schema()::regnamespace AND relkind IN ('r', 'p', 'S', 'v') "
        "UNION SELECT datdba FROM pg_database WHERE datname = current_database() "
        "UNION SELECT nspowner FROM pg_namespace WHERE nspname = current_schema()"
        ") AS owners WHERE NOT pg_has_role(current_user, owner, 'USAGE')",
    )
    if foreign:
        raise BoosterError(
            _(
                "{where}: {user} does not own the programme's database or tables (owned by "
                "{owner}); run init as their owner or as a superuser"
            ).format(where=where, user=user, owner=foreign)
        )
    done: list[str] = []
    for group in (COORDINATOR_GROUP, DOOR_GROUP):
        if _role_exists(raw, group):
            done.append(_("the group role {group} was there already").format(group=group))
        else:
            raw.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
            done.append(_("created the group role {group}").format(group=group))
    both = sql.SQL(", ").join([sql.Identifier(COORDINATOR_GROUP), sql.Identifier(DOOR_GROUP)])
    database = sql.Identifier(str(_one(raw, "SELECT current_database()")))
    schema = sql.Identifier(str(_one(raw, "SELECT current_schema()")))
    coordinator, door = sql.Identifier(COORDINATOR_GROUP), sql.Identifier(DOOR_GROUP)
    for statement in (
        "REVOKE ALL ON DATABASE {database} FROM PUBLIC",
        "REVOKE ALL ON SCHEMA {schema} FROM PUBLIC",
        "REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM PUBLIC",
        "REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM PUBLIC",
        "GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {both}",
        "GRANT USAGE ON SCHEMA {schema} TO {both}",
        # Coordinators upgrade the programme: a new version's migration may add tables.
        "GRANT CREATE ON SCHEMA {schema} TO {coordinator}",
        "GRANT ALL ON ALL TABLES IN SCHEMA {schema} TO {coordinator}",
        "GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO {coordinator}",
        # Door staff's rights are granted afresh: what an older init gave and is no longer
        # needed goes (a table-wide REVOKE takes the column privileges with it).
        "REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {door}",
        "REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {door}",
    ):
        raw.execute(
            sql.SQL(statement).format(
                database=database, schema=schema, both=both, coordinator=coordinator, door=door
            )
        )
    done.append(_("PUBLIC may no longer connect to the database nor read its schema"))
    done.append(
        ngettext(
            "{group} may do everything on the programme's {count} table and its sequences",
            "{group} may do everything on the programme's {count} tables and their sequences",
            len(tables),
        ).format(group=COORDINATOR_GROUP, count=len(tables))
    )
    granted = 0
    for grant in DOOR_GRANTS:
        columns = tables.get(grant.table)
        if columns is None:
            continue
        target: sql.Composable
        if grant.columns is None:
            target = sql.SQL("")
        else:
            named = [c for c in grant.columns if c in columns]
            if not named:
                continue
            target = sql.SQL(" ({})").format(sql.SQL(", ").join(map(sql.Identifier, named)))
        raw.execute(
            sql.SQL("GRANT {privilege}{columns} ON TABLE {table} TO {door}").format(
                privilege=sql.SQL(grant.privilege),
                columns=target,
                table=sql.Identifier(grant.table),
                door=door,
            )
        )
        granted += 1
    for table in DOOR_SEQUENCES:
        sequence = _one(raw, "SELECT pg_get_serial_sequence(%s, 'id')", table)
        if sequence:
            raw.execute(
                sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(
                    sql.SQL(str(sequence)),  # already quoted by PostgreSQL
                    door,
                )
            )
    done.append(
        _(
            "{group} may read the roster without sensitive fields, record and void check-ins "
            "({count} grants)"
        ).format(group=DOOR_GROUP, count=granted)
    )
    _guard_history(raw, tables)
    if superuser:
        # Owned by the coordinators' group, the tables can be upgraded by any coordinator
        # (a new version's migration alters them), not only by whoever pushed the programme.
        owned = _give_to_coordinators(raw)
        if owned:
            done.append(
                ngettext(
                    "{count} table or sequence now belongs to {group} (any coordinator can "
                    "upgrade the programme)",
                    "{count} tables and sequences now belong to {group} (any coordinator can "
                    "upgrade the programme)",
                    owned,
                ).format(count=owned, group=COORDINATOR_GROUP)
            )
    return done


# Row-level security on the change history. Door staff add only their own entries (their
# login in it) and values only to the entry they made last in their session; coordinators
# are unrestricted (the tables' owner and superusers are not subject to it at all).
_HISTORY_POLICIES: dict[str, tuple[str, ...]] = {
    "change_entry": (
        "CREATE POLICY booster_coordinators ON change_entry TO {coordinator} "
        "USING (true) WITH CHECK (true)",
        "CREATE POLICY booster_door_adds ON change_entry FOR INSERT TO {door} "
        "WITH CHECK (login = current_user)",
        # An INSERT ... RETURNING id reads the new row back.
        "CREATE POLICY booster_door_reads ON change_entry FOR SELECT TO {door} "
        "USING (login = current_user)",
    ),
    "change_value": (
        "CREATE POLICY booster_coordinators ON change_value TO {coordinator} "
        "USING (true) WITH CHECK (true)",
        "CREATE POLICY booster_door_adds ON change_value FOR INSERT TO {door} "
        "WITH CHECK (entry_id = currval(pg_get_serial_sequence('change_entry', 'id')))",
        "CREATE POLICY booster_door_reads ON change_value FOR SELECT TO {door} "
        "USING (entry_id = currval(pg_get_serial_sequence('change_entry', 'id')))",
    ),
}


def _guard_history(raw: _Raw, tables: dict[str, set[str]]) -> None:
    """Row-level security on the history's tables, made afresh (init runs again)."""
    if not all(table in tables for table in _HISTORY_POLICIES):
        return
    groups = {"coordinator": sql.Identifier(COORDINATOR_GROUP), "door": sql.Identifier(DOOR_GROUP)}
    for table, policies in _HISTORY_POLICIES.items():
        for name in ("booster_coordinators", "booster_door_adds", "booster_door_reads"):
            raw.execute(
                sql.SQL("DROP POLICY IF EXISTS {} ON {}").format(
                    sql.Identifier(name), sql.Identifier(table)
                )
            )
        raw.execute(
            sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(sql.Identifier(table))
        )
        for policy in policies:
            raw.execute(sql.SQL(policy).format(**groups))


def _give_to_coordinators(raw: _Raw) -> int:
    objects = raw.execute(
        "SELECT c.relkind, quote_ident(c.relname) FROM pg_class c "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v') "
        "AND c.relowner <> %s::regrole",
        (COORDINATOR_GROUP,),
    ).fetchall()
    for kind, name in objects:
        what = "VIEW" if kind == "v" else "TABLE"
        # A table's own sequences follow it to its new owner.
        raw.execute(
            sql.SQL("ALTER {} {} OWNER TO {}").format(
                sql.SQL(what), sql.SQL(str(name)), sql.Identifier(COORDINATOR_GROUP)
            )
        )
    return len(objects)


def check_login_name(name: str) -> None:
    """Refuse a login name in one line unless it is lowercase letters, digits, `_ . -`,
    starting with a letter, not a reserved or a group name."""
    if not _NAME.fullmatch(name) or name.startswith("pg_"):
        raise BoosterError(
            _(
                "{name!r}: not a login name (lowercase letters, digits, _ . -, starting with a "
                "letter, at most 63)"
            ).format(name=name[:80])
        )
    if name in GROUP_ROLES.values():
        raise BoosterError(_("{name}: is a group role, not a person").format(name=name))
    if name in _SERVER_WORDS:
        raise BoosterError(
            _("{name}: a name the server keeps for itself ({words}); choose another").format(
                name=name, words=", ".join(sorted(_SERVER_WORDS))
            )
        )


def add_user(connection: Connection, where: str, name: str, role: Role, password: str) -> str:
    """Make the login `name` in the group of `role` with `password` (sent to the server
    already hashed); refused in one line when it exists or the group was never made."""
    check_login_name(name)
    raw = _raw(connection)
    _require_admin(raw, where)
    group = GROUP_ROLES[role]
    if _role_exists(raw, name):
        raise BoosterError(
            _("{where}: a role named {name} already exists").format(where=where, name=name)
        )
    if not _role_exists(raw, group):
        raise BoosterError(
            _("{where}: has no group role {group}; run `booster server init URL` first").format(
                where=where, group=group
            )
        )
    # Hashed here (SCRAM), so the password never reaches the server's logs in clear.
    hashed = raw.pgconn.encrypt_password(
        password.encode(), name.encode(), b"scram-sha-256"
    ).decode()
    raw.execute(
        sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
            sql.Identifier(name), sql.Literal(hashed), sql.Identifier(group)
        )
    )
    return group
