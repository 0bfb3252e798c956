"""A programme on a PostgreSQL server: connect, validate and migrate as for a file, create,
check, and move a programme between a file and a server (push, pull).

Everything that knows it talks to PostgreSQL (its catalogue, COPY, sequences, isolation) is
here; the rest of the application sees the same `ProgrammeFile`, the same schema and the same
write gate on either database.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    String,
    Table,
    and_,
    create_engine,
    event,
    exists,
    func,
    insert,
    not_,
    select,
)
from sqlalchemy.exc import DBAPIError, DisconnectionError

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _, ngettext
from booster_desktop.store.catalogue import (
    ALEMBIC_VERSION_TABLE,
    Catalogue,
    catalogue_problems,
    expected_catalogue,
)
from booster_desktop.store.catalogue import Column as CatalogueColumn
from booster_desktop.store.changes import Action
from booster_desktop.store.location import ServerAddress

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection

# The isolation of a write transaction on a server, by what it does. An edit touches a few
# rows it has just read: READ COMMITTED, PostgreSQL's default, with the version checks of
# concurrent editing layered on top. Bulk work (an import, applying an allocation, a merge)
# reads many rows and writes from what it read: SERIALIZABLE, so that a second one running at
# the same moment is refused instead of interleaving. This table is the hook concurrent
# editing tunes; on a file SQLite's single writer serialises everything anyway.
WRITE_ISOLATION: dict[Action, str] = {
    Action.EDIT: "READ COMMITTED",
    Action.UNDO: "READ COMMITTED",
    Action.IMPORT: "SERIALIZABLE",
    Action.ALLOCATION: "SERIALIZABLE",
    Action.MERGE: "SERIALIZABLE",
}
# Seconds to wait for a server before saying it cannot be reached.
CONNECT_TIMEOUT = 10

_alembic_metadata = MetaData()
ALEMBIC_VERSION = Table(
    "alembic_version", _alembic_metadata, Column("version_num", String(32), primary_key=True)
)


def write_isolation(action: Action) -> str:
    return WRITE_ISOLATION.get(action, "READ COMMITTED")


def make_server_engine(address: ServerAddress, session: str | None = None) -> Engine:
    """An engine on the server's database (psycopg 3), TLS as the address requires.

    Its connections are named "Booster Desktop <session> <device>" (`application_name`),
    which is how the others' windows see who is connected (store/notifications.py)."""
    from booster_desktop.store.changes import current_device
    from booster_desktop.store.notifications import application_name, new_session

    name = application_name(session or new_session(), current_device())
    return create_engine(
        address.driver_url(),
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT, "application_name": name},
    )


# A door gives up on the server sooner than the window: past these, a scan goes to the offline
# journal instead of keeping a person waiting (a dead link otherwise holds a query for minutes).
DOOR_CONNECT_TIMEOUT = 3
_DOOR_TCP = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 5000,
}
# SQLSTATEs that say the server went away rather than refused the work: the connection
# classes, and shut-downs.
_GONE_STATES = ("08", "57P01", "57P02", "57P03")


def make_door_engine(address: ServerAddress, session: str) -> Engine:
    """An engine for a door on the server: the same database, quicker to give up when the
    network drops (short connect time-out, TCP keep-alives and user time-out). Its connections
    carry the `session` of the programme the door belongs to, so that the window it is in does
    not count its own door among the others connected."""
    from booster_desktop.store.changes import current_device
    from booster_desktop.store.notifications import application_name

    engine = create_engine(
        address.driver_url(),
        # No ping on each checkout (a round trip per scan): `_answered_since` looks at the
        # socket instead, and a link that dropped silently fails the scan's own statement,
        # which says the server cannot be reached (the scan is then journaled offline).
        pool_pre_ping=False,
        connect_args={
            "connect_timeout": DOOR_CONNECT_TIMEOUT,
            "application_name": application_name(session, current_device()),
            **_DOOR_TCP,
        },
    )
    event.listen(engine, "checkout", _answered_since)
    return engine


def _answered_since(
    dbapi_connection: psycopg.Connection[Any],
    record: ConnectionPoolEntry,
    proxy: PoolProxiedConnection,
) -> None:
    """A pooled connection the server spoke on while it sat idle (a restart or shut-down
    closes it with a last message) is replaced before use, without a round trip: an idle
    healthy connection has nothing to read."""
    import select as sockets

    try:
        if dbapi_connection.closed or dbapi_connection.broken:
            raise DisconnectionError("closed")
        readable, _written, _failed = sockets.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError) as error:  # no socket left
        raise DisconnectionError(str(error)) from error
    if readable:
        raise DisconnectionError("the server closed the connection while it was idle")


def is_unreachable(error: BaseException | None) -> bool:
    """Whether `error` (or what caused it) says the server cannot be reached now: refused or
    lost connections, a server shutting down; not a refusal of the work itself."""
    import psycopg

    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, DBAPIError):
            if error.connection_invalidated:
                return True
            error = error.orig
            continue
        if isinstance(error, psycopg.OperationalError):
            state = error.sqlstate
            if state is None:
                return _unanswered(str(error))
            return state.startswith(_GONE_STATES)
        if isinstance(error, (ConnectionError, TimeoutError)):
            return True
        # Our one-line messages are raised `from None`: what they say came from the context.
        error = error.__cause__ or error.__context__
        seen += 1
    return False


# What a server that refuses a connection says when it refuses the login or the database
# itself (libpq's English; a server set to another language says it otherwise, and then
# counts as unreachable, as any other connection failure does: a door keeps going offline
# rather than stopping on words it cannot read). Such a server was reached, and no offline
# door should hide that its login was removed or its database is gone.
_REFUSALS = (
    "authentication failed",  # password, peer, ident, certificate...
    "does not exist",  # the role or the database
    "no pg_hba.conf entry",
    "pg_hba.conf rejects connection",
    "is not permitted to log in",
    "permission denied for database",
    "is not currently accepting connections",  # a database closed to connections
)


def _unanswered(message: str) -> bool:
    """Whether a connection error without SQLSTATE (psycopg gives none at connection time)
    means the server was not reached or cannot take connections now (starting up, shutting
    down, no free slots): everything but a refusal of the login or the database."""
    _, fatal, said = message.partition("FATAL:")
    return not fatal or not any(words in said for words in _REFUSALS)


def unreachable_reason(error: BaseException) -> str:
    """libpq's reason in a few words ("Connection refused"), from its multi-line message."""
    original = error
    seen = 0
    while seen < 5:
        inner = getattr(original, "orig", None) or original.__cause__ or original.__context__
        if inner is None:
            break
        original = inner
        seen += 1
    first = str(original).strip().splitlines()[0] if str(original).strip() else ""
    reason = first.rsplit("failed: ", 1)[-1].strip() or type(original).__name__
    return reason[:120]


def cannot_reach(address: ServerAddress, error: BaseException) -> str:
    """The one line said when the server cannot be reached: where, and libpq's reason."""
    port = address.port or 5432
    return _("cannot reach the server at {host}:{port}: {reason}").format(
        host=address.host or "localhost", port=port, reason=unreachable_reason(error)
    )


def server_problem(address: ServerAddress, error: BaseException) -> BoosterError:
    """One line saying why the server refused or failed (never the password); a server out
    of reach is said as the door says it, not in libpq's several lines."""
    # A reason the server itself gave (FATAL: no such database, a login refused) means it
    # was reached: said as it is.
    if is_unreachable(error) and not unreachable_reason(error).startswith("FATAL:"):
        return BoosterError(cannot_reach(address, error))
    original = getattr(error, "orig", error)
    text = " ".join(str(original).split())
    if text.startswith(("connection failed:", "connection to server", "connection is bad:")):
        # libpq's "connection to server on socket "<folder>/.s.PGSQL.5432" failed: " says
        # where, which the line's start says already: what follows is the reason, kept
        # whole however long the folder's name.
        text = text.rsplit(" failed: ", 1)[-1]
    if address.password:
        text = text.replace(address.password, "***")
    return BoosterError(
        _("{path}: {problem}").format(path=address, problem=text[:200] or type(original).__name__)
    )


def describe(address: ServerAddress) -> str:
    """What a connection test says: the server's version and what the database holds."""
    from booster_desktop.store.schema_version import KNOWN_REVISIONS

    engine = make_server_engine(address)
    try:
        with engine.connect() as connection:
            version = str(connection.exec_driver_sql("SHOW server_version").scalar_one())
            tls = connection.exec_driver_sql(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
            ).scalar()
            tables = table_count(connection)
            revision = None
            if tables:
                found = connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_class WHERE relname = 'alembic_version' "
                    "AND relnamespace = current_schema()::regnamespace"
                ).scalar_one()
                if found:
                    revision = connection.exec_driver_sql(
                        "SELECT version_num FROM alembic_version"
                    ).scalar()
    except DBAPIError as error:
        raise server_problem(address, error) from None
    finally:
        engine.dispose()
    if not tables:
        holds = _("an empty database (push a programme into it)")
    elif revision is None:
        holds = _("a database that holds no Booster programme")
    elif revision not in KNOWN_REVISIONS:
        holds = _("a programme from a newer version (schema {revision})").format(revision=revision)
    else:
        holds = _("a programme")
    if tls:
        said = _("Connected to PostgreSQL {version} with TLS: {holds}")
    else:
        said = _("Connected to PostgreSQL {version} without TLS: {holds}")
    return said.format(version=version.split()[0], holds=holds)


def table_count(connection: Connection) -> int:
    """Tables and views in the database's schema, whatever the login may read of them."""
    return int(
        connection.exec_driver_sql(
            "SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
            "AND relkind IN ('r', 'p', 'v', 'm', 'f')"
        ).scalar_one()
    )


def read_revision(engine: Engine, address: ServerAddress, *, check: bool = True) -> str:
    """The schema revision of the programme on the server; at the newest revision, its
    catalogue is compared with the expected one (refused in one line when it differs)."""
    from booster_desktop.store.schema_version import (
        HEAD_REVISION,
        KNOWN_REVISIONS,
        is_newer_revision,
    )

    try:
        with engine.connect() as connection:
            catalogue = read_catalogue(connection)
            if "alembic_version" not in catalogue.tables:
                if not catalogue.tables:
                    raise BoosterError(
                        _(
                            "{path}: holds no programme (an empty database); "
                            "`booster push FILE URL` copies one into it"
                        ).format(path=address)
                    )
                raise BoosterError(
                    _("{path}: does not hold a Booster programme").format(path=address)
                )
            revisions = connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version"
            ).fetchall()
    except DBAPIError as error:
        raise server_problem(address, error) from None
    if len(revisions) != 1 or not revisions[0][0]:
        raise BoosterError(
            _("{path}: is damaged (it has {count} schema revisions instead of one)").format(
                path=address, count=len(revisions)
            )
        )
    revision = str(revisions[0][0])
    if revision not in KNOWN_REVISIONS and not is_newer_revision(revision):
        raise BoosterError(
            _(
                "{path}: is damaged (its schema revision {value!r} is not one Booster "
                "Desktop ever wrote)"
            ).format(path=address, value=revision[:60])
        )
    if check and revision == HEAD_REVISION:
        check_catalogue(address, catalogue)
    return revision


def check_catalogue(address: ServerAddress, catalogue: Catalogue) -> None:
    problems = list(catalogue_problems(catalogue, server_expected_catalogue()))
    if problems:
        more = _(" (and {value} more)").format(value=len(problems) - 1) if len(problems) > 1 else ""
        raise BoosterError(
            _("{path}: is damaged: {value}{more}; `booster check --verbose` lists them").format(
                path=address, value=problems[0], more=more
            )
        )


# PostgreSQL's type names in the words SQLite's catalogue uses (the stored catalogue's).
_TYPES = {
    "integer": "INTEGER",
    "bigint": "BIGINT",
    "smallint": "SMALLINT",
    "boolean": "BOOLEAN",
    "bytea": "BLOB",
    "date": "DATE",
    "timestamp without time zone": "DATETIME",
    "time without time zone": "TIME",
    "text": "TEXT",
    "double precision": "FLOAT",
    "real": "REAL",
}


_VARCHAR = re.compile(r"^character varying(?:\((\d+)\))?$")


def _formatted_type(data_type: str) -> str:
    """A type as `format_type` writes it, in the words SQLite's catalogue uses."""
    varchar = _VARCHAR.match(data_type)
    if varchar:
        return f"VARCHAR({varchar[1]})" if varchar[1] else "VARCHAR"
    return _TYPES.get(data_type, data_type.upper())


def server_expected_catalogue() -> Catalogue:
    """The stored catalogue as PostgreSQL holds it: TEXT takes no length there."""
    expected = expected_catalogue()
    return Catalogue(
        tables={
            name: tuple(
                CatalogueColumn(
                    c.name,
                    "TEXT" if c.type.startswith("TEXT(") else c.type,
                    c.not_null,
                    c.primary_key,
                )
                for c in columns
            )
            for name, columns in expected.tables.items()
        },
        constraints=expected.constraints,
        indexes=expected.indexes,
        triggers=expected.triggers,
        views=expected.views,
    )


def read_catalogue(connection: Connection) -> Catalogue:
    """The catalogue of the database's current schema, in the form SQLite's is read into:
    tables and columns, named constraints, the indexes made as indexes (not those behind a
    primary key or a unique constraint), triggers made by hand, views."""
    run = connection.exec_driver_sql
    namespace = "current_schema()::regnamespace"
    tables: dict[str, list[tuple[int, CatalogueColumn]]] = {}
    # From pg_catalog, not information_schema: the latter shows only the columns the login
    # has rights on, and door staff's are few (see `store.roles`).
    for table, name, data_type, not_null, position in run(
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "a.attnum FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        f"WHERE c.relnamespace = {namespace} AND c.relkind IN ('r', 'p') "
        "AND a.attnum > 0 AND NOT a.attisdropped"
    ):
        tables.setdefault(str(table), []).append(
            (
                int(position),
                CatalogueColumn(str(name), _formatted_type(str(data_type)), bool(not_null), 0),
            )
        )
    attributes = {
        (str(table), int(number)): str(name)
        for table, number, name in run(
            "SELECT c.relname, a.attnum, a.attname FROM pg_attribute a "
            f"JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = {namespace} "
            "AND a.attnum > 0 AND NOT a.attisdropped"
        )
    }
    keys: dict[str, list[str]] = {}
    indexes: dict[str, tuple[str, bool, tuple[str, ...]]] = {}
    for name, table, unique, primary, columns, backs_constraint in run(
        "SELECT ic.relname, c.relname, i.indisunique, i.indisprimary, i.indkey::text, "
        "EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
        "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
        f"JOIN pg_class ic ON ic.oid = i.indexrelid WHERE c.relnamespace = {namespace}"
    ):
        names = [attributes.get((str(table), int(n)), "?") for n in str(columns).split()]
        if primary:
            keys[str(table)] = names
        elif not backs_constraint:
            indexes[str(name)] = (str(table), bool(unique), tuple(names))
    catalogue = Catalogue(indexes=indexes)
    for table, columns in tables.items():
        key = keys.get(table, [])
        catalogue.tables[table] = tuple(
            CatalogueColumn(
                c.name, c.type, c.not_null, key.index(c.name) + 1 if c.name in key else 0
            )
            for _, c in sorted(columns, key=lambda pair: pair[0])
        )
        catalogue.constraints[table] = frozenset()
    constraints: dict[str, set[str]] = {}
    for table, name in run(
        "SELECT c.relname, k.conname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
        f"WHERE c.relnamespace = {namespace}"
    ):
        constraints.setdefault(str(table), set()).add(str(name))
    for table in catalogue.tables:
        catalogue.constraints[table] = frozenset(constraints.get(table, set()))
    catalogue.triggers = frozenset(
        str(name)
        for (name,) in run(
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            f"WHERE NOT t.tgisinternal AND c.relnamespace = {namespace}"
        )
    )
    catalogue.views = frozenset(
        str(name)
        for (name,) in run(
            f"SELECT relname FROM pg_class WHERE relnamespace = {namespace} AND relkind = 'v'"
        )
    )
    return catalogue


def problems(connection: Connection, address: ServerAddress) -> Iterator[str]:
    """`booster check` on a server: revision, catalogue, constraints the server holds as
    not validated or switched off, rows whose foreign key points nowhere, then the model's
    invariants (the caller runs those: they are the same on a file)."""
    from booster_desktop.store.schema_version import (
        HEAD_REVISION,
        KNOWN_REVISIONS,
        is_newer_revision,
    )

    catalogue = read_catalogue(connection)
    if "alembic_version" not in catalogue.tables:
        yield _("holds no programme") if not catalogue.tables else _("has no schema revision")
        return
    revisions = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    if len(revisions) != 1:
        yield _("has {count} schema revisions instead of one").format(count=len(revisions))
        return
    revision = str(revisions[0][0])
    if revision not in KNOWN_REVISIONS and not is_newer_revision(revision):
        yield (
            _(
                "is damaged: its schema revision {value!r} is not one Booster Desktop ever wrote"
            ).format(value=revision[:60])
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
    differences = list(catalogue_problems(catalogue, server_expected_catalogue()))
    if differences:
        yield from (_("is damaged: {d}").format(d=d) for d in differences)
        return
    found = False
    for table, name in connection.exec_driver_sql(
        "SELECT c.relname, k.conname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace AND NOT k.convalidated"
    ):
        found = True
        yield _("constraint {name} on table {table} is not validated (rows may break it)").format(
            name=name, table=table
        )
    for table, name in connection.exec_driver_sql(
        "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace AND t.tgenabled = 'D'"
    ):
        found = True
        yield _(
            "table {table} has its trigger {name} switched off (foreign keys go unchecked)"
        ).format(table=table, name=name)
    for problem in orphans(connection):
        found = True
        yield problem
    if found:
        return


def orphans(connection: Connection) -> Iterator[str]:
    """Rows whose foreign key names a row that does not exist (what SQLite's
    `foreign_key_check` finds), by query: the server's own checks may have been bypassed."""
    from booster_desktop.domain.model import Base

    for table in Base.metadata.sorted_tables:
        for key in table.foreign_key_constraints:
            parent = key.referred_table
            pairs = [(element.parent, element.column) for element in key.elements]
            row = connection.execute(
                select(*table.primary_key.columns)
                .where(and_(*(child.is_not(None) for child, _mine in pairs)))
                .where(
                    not_(
                        exists(
                            select(1)
                            .select_from(parent)
                            .where(and_(*(child == mine for child, mine in pairs)))
                        )
                    )
                )
                .limit(1)
            ).first()
            if row is not None:
                yield _("{table} row {rowid} refers to a missing {parent}").format(
                    table=table.name, rowid=row[0], parent=parent.name
                )


def create(
    engine: Engine,
    address: ServerAddress,
    build: Callable[[Session], None],
) -> None:
    """Make the schema in the server's empty database and fill it with `build`, in one
    transaction (refused when the database holds anything)."""
    from sqlalchemy.orm import Session

    from booster_desktop.domain.model import Base

    try:
        with engine.begin() as connection:
            _refuse_unless_empty(connection, address)
            _make_schema(connection)
            with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
                build(session)
                session.flush()
                session.commit()
            _reset_sequences(connection, Base.metadata.sorted_tables)
    except DBAPIError as error:
        raise server_problem(address, error) from None


def _refuse_unless_empty(connection: Connection, address: ServerAddress) -> None:
    tables = table_count(connection)
    if tables:
        raise BoosterError(
            ngettext(
                "{path}: is not empty ({count} table); a programme goes into an empty database",
                "{path}: is not empty ({count} tables); a programme goes into an empty database",
                tables,
            ).format(path=address, count=tables)
        )


def _make_schema(connection: Connection) -> None:
    from booster_desktop.domain.model import Base

    Base.metadata.create_all(connection)
    connection.exec_driver_sql(ALEMBIC_VERSION_TABLE)


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """Point each table's id sequence after its largest id (rows came with their ids)."""
    for table in tables:
        for column in table.primary_key.columns:
            sequence = connection.exec_driver_sql(
                "SELECT pg_get_serial_sequence(%s, %s)", (table.name, column.name)
            ).scalar()
            if sequence:
                connection.exec_driver_sql(
                    f'SELECT setval(%s, coalesce(max("{column.name}"), 1), '
                    f'max("{column.name}") IS NOT NULL) FROM "{table.name}"',
                    (sequence,),
                )


def _columns(table: Table) -> str:
    return ", ".join(f'"{c.name}"' for c in table.columns)


def push(source: sqlite3.Connection, engine: Engine, address: ServerAddress) -> dict[str, int]:
    """Copy every table of an open programme file into the server's empty database, ids
    kept, in one transaction (PostgreSQL's COPY); returns the rows copied per table."""
    import psycopg

    from booster_desktop.domain.model import Base

    tables = [ALEMBIC_VERSION, *Base.metadata.sorted_tables]
    counts: dict[str, int] = {}
    try:
        with engine.begin() as connection:
            _refuse_unless_empty(connection, address)
            _make_schema(connection)
            raw = connection.connection.driver_connection
            assert isinstance(raw, psycopg.Connection)
            with raw.cursor() as cursor:
                for table in tables:
                    count = 0
                    rows = source.execute(f'SELECT {_columns(table)} FROM "{table.name}"')
                    with cursor.copy(f'COPY "{table.name}" ({_columns(table)}) FROM STDIN') as copy:
                        for row in rows:
                            copy.write_row(row)
                            count += 1
                    counts[table.name] = count
            _reset_sequences(connection, Base.metadata.sorted_tables)
    except DBAPIError as error:
        raise server_problem(address, error) from None
    except psycopg.Error as error:
        raise server_problem(address, error) from None
    return counts


def pull(engine: Engine, address: ServerAddress, target: Engine) -> dict[str, int]:
    """Copy every table of the programme on the server into `target` (a new programme file
    with its schema made and no rows), from one consistent snapshot of the server."""
    from booster_desktop.domain.model import Base

    counts: dict[str, int] = {}
    try:
        with (
            engine.connect().execution_options(isolation_level="REPEATABLE READ") as reading,
            target.begin() as writing,
        ):
            reading.exec_driver_sql("SET TRANSACTION READ ONLY")
            for table in [ALEMBIC_VERSION, *Base.metadata.sorted_tables]:
                result = reading.execute(select(table)).mappings()
                count = 0
                while batch := result.fetchmany(2000):
                    writing.execute(insert(table), [dict(row) for row in batch])
                    count += len(batch)
                counts[table.name] = count
    except DBAPIError as error:
        raise server_problem(address, error) from None
    return counts


def row_counts(connection: Connection) -> dict[str, int]:
    """Rows per table (the summary push and pull print)."""
    from booster_desktop.domain.model import Base

    return {
        table.name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
        for table in Base.metadata.sorted_tables
    }


def compact(engine: Engine, tables: Collection[str]) -> bool:
    """Rewrite `tables` without their old row versions (VACUUM FULL: what an erase leaves
    behind in the tables' files until the server reuses the space). Whether every table was
    rewritten: the server skips a table its user does not own, and a table another session
    holds is not waited for long. The server's write-ahead log and its backups are beyond
    any client's reach."""
    names = sorted(set(tables))
    if not names:
        return True
    query = "SELECT relname, pg_relation_filenode(oid) FROM pg_class WHERE relnamespace = "
    query += "current_schema()::regnamespace AND relkind = 'r' AND relname = ANY(%s)"
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            before: dict[str, int] = {
                str(n): int(f) for n, f in connection.exec_driver_sql(query, (names,))
            }
            # Not waiting long for a table another session holds (and not left set on a
            # connection the pool hands out again).
            connection.exec_driver_sql("SET lock_timeout = '5s'")
            try:
                for name in before:
                    connection.exec_driver_sql(f'VACUUM (FULL) "{name}"')
            finally:
                connection.exec_driver_sql("RESET lock_timeout")
            after = {str(n): int(f) for n, f in connection.exec_driver_sql(query, (names,))}
    except DBAPIError:
        return False
    return all(after.get(name) != node for name, node in before.items())
