"""The change history, written by the write gate inside the write's own transaction.

A record is read when a service first reports it (`changes.report`, before an update or a
delete) and again just before the commit; the difference is what the history keeps: a row
per field changed, or a row per record added or removed with its values as JSON. Plain
statements over plain tables (no triggers), so any database keeps it the same way. Values
of sensitive fields (`domain.sensitive`) are never copied: such a row says only "changed".

Values are kept as the file stores them, as text (a moment in UTC as "2026-03-02
08:00:00.000000", a yes/no as "yes" or "no"). Records that did not exist before the block
(an import, an allocation's new places) are copied by the database itself, one
INSERT ... SELECT per table with the keys bound as one value (`store.key_sets`), never
through Python: their history costs little
more than the rows themselves. So are records a service reports as about to be removed
(`report(..., removed=True)`, before the delete: an allocation's dropped places).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import (
    CTE,
    Boolean,
    Column,
    ColumnElement,
    Connection,
    FromClause,
    LargeBinary,
    Select,
    Table,
    Text,
    bindparam,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    literal_column,
    null,
    select,
    type_coerce,
    update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import Executable
from sqlalchemy.sql.functions import GenericFunction
from sqlalchemy.types import NULLTYPE

from booster_desktop.domain.history import HISTORY_VALUE_LIMIT, ChangeEntry, ChangeValue
from booster_desktop.domain.model import Base
from booster_desktop.domain.sensitive import SENSITIVE_MARK, is_sensitive
from booster_desktop.store.changes import Action, Change, Key, Report, Rows, current_device
from booster_desktop.store.key_sets import in_keys
from booster_desktop.store.versions import VERSION

# Tables whose rows hang on one record: reported (and kept in the history) by that record's
# key, each row named by the rest of its primary key.
GROUPED_BY: dict[str, str] = {
    "topic_interest": "manager_id",
    "badge_token": "manager_id",
    "travel_document": "manager_id",
    "tour_focus_topic": "tour_id",
    "session_person": "session_id",
    "session_topic": "session_id",
}

# Where a row read for the history keeps its values as JSON, built by the database (never
# a column's name: those are identifiers).
_JSON = " json"

INSERT, UPDATE, DELETE = "insert", "update", "delete"


def record_key(table: Table) -> Column[Any]:
    """The column whose values `changes.report` names for `table`: its own key, or for rows
    that hang on a record, that record's key."""
    grouped = GROUPED_BY.get(table.name)
    if grouped is not None:
        return table.c[grouped]
    (key,) = table.primary_key.columns
    return key


def _stored(table: Table) -> list[ColumnElement[Any]]:
    """Every column as stored, without the types' conversions (a moment stays its text)."""
    return [type_coerce(c, NULLTYPE).label(c.name) for c in table.columns]


def read_records(connection: Connection, table_name: str, keys: Collection[Key]) -> dict[Key, Rows]:
    """The rows of each record of `table_name` (every column, as stored), by record key;
    each row also holds its values as JSON (under `_JSON`), made by the database."""
    table = Base.metadata.tables[table_name]
    key = record_key(table)
    primary = [c.name for c in table.primary_key.columns]
    found: dict[Key, Rows] = {k: {} for k in keys}
    query = select(*_stored(table), cast(_json_sql(table), Text).label(_JSON)).where(in_keys(key))
    for row in connection.execute(query, {"keys": list(keys)}):
        values = dict(row._mapping)
        found.setdefault(values[key.name], {})[tuple(values[c] for c in primary)] = values
    return found


def remember(connection: Connection, collected: Report, table: str, keys: Collection[Key]) -> None:
    """Keep how these records are now, unless they were reported earlier in the block."""
    known = collected.before.setdefault(table, {})
    fresh = [k for k in keys if k not in known]
    if fresh:
        known.update(read_records(connection, table, fresh))


def rows_changed(connection: Connection, table: str, key: Key) -> bool:
    """Whether the rows of one record of `table` (reported earlier in the block) differ now
    from how they were when reported; True when the block keeps no history of them."""
    from booster_desktop.store.changes import reported

    collected = reported(connection)
    if collected is None or not collected.history:
        return True
    before = collected.before.get(table, {})
    if key not in before:
        return True
    now = read_records(connection, table, [key]).get(key, {})
    return _without_json(before[key]) != _without_json(now)


def _without_json(rows: Rows) -> dict[Any, dict[str, Any]]:
    return {
        primary: {name: value for name, value in row.items() if name != _JSON}
        for primary, row in rows.items()
    }


def _login(connection: Connection) -> Any:
    """Who writes, on a server: the database login (None on a file: the device says who)."""
    return func.current_user() if connection.dialect.name == "postgresql" else None


_INSERT_ENTRY: dict[str, Executable] = {}


def _insert_entry(connection: Connection) -> Executable:
    """A whole entry's INSERT, its values bound at execution but for the login (the
    database's own, on a server), returning its id: built once per kind of database."""
    dialect = connection.dialect.name
    statement = _INSERT_ENTRY.get(dialect)
    if statement is None:
        statement = _INSERT_ENTRY[dialect] = (
            insert(ChangeEntry).values(login=_login(connection)).returning(ChangeEntry.id)
        )
    return statement


def _entry(connection: Connection, collected: Report) -> int:
    """The history's entry of the block, made when first needed (its time, device and
    description are set when the block is recorded)."""
    if collected.entry_id is None:
        collected.entry_id = connection.execute(
            insert(ChangeEntry)
            .values(
                action=str(collected.recorded_as),
                at=datetime.now(UTC),
                device=current_device()[:200],
                description="",
                # Who wrote it, on a server: what a refused save names besides the device.
                login=_login(connection),
            )
            .returning(ChangeEntry.id)
        ).scalar_one()
    return collected.entry_id


def copy_removed(
    connection: Connection, collected: Report, table_name: str, keys: Collection[Key]
) -> None:
    """Records about to be deleted, copied as deletes by the database itself, before the
    delete: one INSERT ... SELECT per few thousand records, never read into Python. The rows
    are the ones `record` would write for them (a record reported earlier in the block, or
    made of several rows, is remembered and compared instead)."""
    table = Base.metadata.tables[table_name]
    known = collected.before.get(table_name, {})
    gone = collected.removed.setdefault(table_name, set())
    fresh = [k for k in keys if k not in known and k not in gone]
    if table_name in GROUPED_BY:
        remember(connection, collected, table_name, fresh)
        return
    if not fresh:
        return
    masked = collected.recorded_as is Action.ERASE
    key = record_key(table)
    old = func.substr(cast(_json_sql(table), Text), 1, HISTORY_VALUE_LIMIT)
    rows = select(
        bindparam("entry_id"),
        literal(table.name),
        cast(key, Text),
        _row_key_sql(table, key),
        _manager_sql(table),
        literal(DELETE),
        null(),
        null() if masked else old,
        null(),
        literal(masked),
    ).where(in_keys(key))
    statement = insert(ChangeValue).from_select(list(_VALUE_COLUMNS), rows)
    entry_id = _entry(connection, collected)
    # Counted apart, never from the cursor's rowcount: a driver need not say how many rows
    # an INSERT ... SELECT wrote.
    count = select(func.count()).select_from(table).where(in_keys(key))
    copied = int(connection.execute(count, {"keys": fresh}).scalar_one())
    if copied:
        connection.execute(statement, {"entry_id": entry_id, "keys": fresh})
    gone.update(fresh)
    collected.removed_count[table_name] = collected.removed_count.get(table_name, 0) + copied


def as_text(table: Table, name: str, value: object) -> str | None:
    """A stored value as the history keeps it (`_text_sql` says the same in SQL)."""
    if value is None:
        return None
    kind = table.c[name].type
    if isinstance(kind, Boolean):
        return "yes" if value else "no"
    if isinstance(value, bytes | bytearray | memoryview):
        return f"({len(bytes(value))} bytes)"
    if isinstance(kind, LargeBinary):
        return f"({len(str(value))} bytes)"
    if isinstance(value, datetime | time):
        # A server hands back moments as objects (SQLite as its stored text): written as
        # PostgreSQL's own cast to text writes them, trailing zeros of the fraction dropped.
        shown = value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
        return shown.rstrip("0") if "." in shown else shown
    return str(value)[:HISTORY_VALUE_LIMIT]


def _text_sql(
    table: Table, column: Column[Any], value: ColumnElement[Any] | None = None
) -> ColumnElement[Any]:
    """`as_text` in SQL, with a sensitive value's mark instead of the value (`value`: where
    the column's value is read, when not from the table itself)."""
    value = column if value is None else value
    if is_sensitive(table.name, column.name):
        return case((value.is_(None), null()), else_=literal(SENSITIVE_MARK))
    if isinstance(column.type, Boolean):
        return case((value.is_(None), null()), (value, literal("yes")), else_=literal("no"))
    if isinstance(column.type, LargeBinary):
        size = cast(func.length(value), Text)
        return case((value.is_(None), null()), else_=literal("(") + size + literal(" bytes)"))
    return cast(value, Text)


class json_record(GenericFunction[str]):  # noqa: N801 (an SQL function's name)
    """A JSON object of (name, value, name, value...) as text: `json_object` in SQLite,
    `json_build_object` on PostgreSQL."""

    type = Text()
    inherit_cache = True


class json_rows(GenericFunction[str]):  # noqa: N801 (an SQL function's name)
    """The JSON objects of a group's rows as one JSON array (an aggregate):
    `json_group_array` in SQLite, `json_agg` on PostgreSQL."""

    type = Text()
    inherit_cache = True


@compiles(json_record)
def _json_object(element: json_record, compiler: Any, **kw: Any) -> str:
    return f"json_object({compiler.process(element.clauses, **kw)})"


@compiles(json_record, "postgresql")
def _json_build_object(element: json_record, compiler: Any, **kw: Any) -> str:
    return f"json_build_object({compiler.process(element.clauses, **kw)})"


@compiles(json_rows)
def _json_group_array(element: json_rows, compiler: Any, **kw: Any) -> str:
    return f"json_group_array({compiler.process(element.clauses, **kw)})"


@compiles(json_rows, "postgresql")
def _json_agg(element: json_rows, compiler: Any, **kw: Any) -> str:
    return f"json_agg({compiler.process(element.clauses, **kw)})"


def _json_sql(table: Table, source: FromClause | None = None) -> ColumnElement[Any]:
    """A row's values as a JSON object, in SQL (`as_text` per value, sensitive ones marked);
    read from `source` (columns named as the table's) when given."""
    return json_record(
        *(
            item
            for column in table.columns
            for item in (
                literal_column(f"'{column.name}'"),
                _text_sql(table, column, None if source is None else source.c[column.name]),
            )
        )
    )


def _limited(text: object) -> str | None:
    return None if text is None else str(text)[:HISTORY_VALUE_LIMIT]


def _row_key(table: Table, key: Column[Any], primary: tuple[object, ...]) -> str | None:
    names = [c.name for c in table.primary_key.columns]
    if names == [key.name]:
        return None
    return ", ".join(
        f"{name}={value}" for name, value in zip(names, primary, strict=True) if name != key.name
    )


def _row_key_sql(
    table: Table, key: Column[Any], source: FromClause | None = None
) -> ColumnElement[Any]:
    parts = [c for c in table.primary_key.columns if c.name != key.name]
    if not parts:
        return null()
    text: ColumnElement[Any] | None = None
    for column in parts:
        value = column if source is None else source.c[column.name]
        part = literal(f"{column.name}=") + cast(value, Text)
        text = part if text is None else text + literal(", ") + part
    assert text is not None
    return text


def _manager_of(table: str, key: Key, *rows: Mapping[str, object] | None) -> int | None:
    if table == "manager":
        return int(key)
    for row in rows:
        if row is not None and isinstance(row.get("manager_id"), int):
            return int(str(row["manager_id"]))
    return None


def _manager_sql(table: Table, source: FromClause | None = None) -> ColumnElement[Any]:
    columns = (table if source is None else source).c
    if table.name == "manager":
        return columns.id
    if "manager_id" in columns:
        return columns.manager_id
    return null()


_VALUE_COLUMNS = (
    "entry_id",
    "table_name",
    "record_id",
    "row_key",
    "manager_id",
    "kind",
    "field",
    "old_value",
    "new_value",
    "masked",
)


def _copy_new(
    connection: Connection, entry_id: int, table: Table, keys: list[Key], masked: bool
) -> None:
    """Records that did not exist before the block, copied as inserts by the database: one
    statement, run per few thousand records. A record made of rows (a manager's topic
    ranks) is one history row whose value is the JSON array of its rows."""
    statement = _COPY_NEW.get((table.name, masked))
    if statement is None:
        statement = _COPY_NEW[(table.name, masked)] = _copy_new_statement(table, masked)
    connection.execute(statement, {"entry_id": entry_id, "keys": keys})


# Built once per table: the statements are the same every time (only their bound values
# change), and building one anew costs more than a door's check-in itself.
_COPY_NEW: dict[tuple[str, bool], Executable] = {}
_COUNT_NEW: dict[str, Executable] = {}


def _copy_new_statement(table: Table, masked: bool) -> Executable:
    key = record_key(table)
    grouped = table.name in GROUPED_BY
    one = _json_sql(table)
    values = null() if masked else cast(json_rows(one) if grouped else one, Text)
    rows = select(
        bindparam("entry_id"),
        literal(table.name),
        cast(key, Text),
        null() if grouped else _row_key_sql(table, key),
        _manager_sql(table),
        literal(INSERT),
        null(),
        null(),
        values,
        literal(masked),
    ).where(in_keys(key))
    if grouped:
        rows = rows.group_by(key)
    return insert(ChangeValue).from_select(list(_VALUE_COLUMNS), rows)


def _count_new(connection: Connection, table: Table, keys: list[Key]) -> int:
    """How many of these new records `_copy_new` will copy: counted before the entry is
    written (a record may have gone again within the block), never from the cursor's
    rowcount: a driver need not say how many rows an INSERT ... SELECT wrote."""
    count = _COUNT_NEW.get(table.name)
    if count is None:
        key = record_key(table)
        counted = func.count(func.distinct(key)) if table.name in GROUPED_BY else func.count()
        count = _COUNT_NEW[table.name] = select(counted).select_from(table).where(in_keys(key))
    return int(connection.execute(count, {"keys": keys}).scalar_one())


def record(
    connection: Connection,
    collected: Report,
    change: Change,
    announce: tuple[str, str] | None = None,
) -> int | None:
    """Write the history of the block about to commit: one entry and its values. Returns the
    entry's id (None when nothing turned out changed: a save of an unchanged record).
    `announce` (a server's NOTIFY channel and payload): may be sent with the history's own
    statement when there is an entry (`collected.announced` then says so)."""
    masked = change.action is Action.ERASE
    stamp: dict[str, Any] = {
        "action": str(change.action),
        "at": change.at,
        "device": change.device[:200],
    }
    added = _only_added(connection, collected)
    if added is not None:
        return _record_added(connection, collected, stamp, *added, masked, announce)
    values: list[dict[str, Any]] = []
    counts: Counter[tuple[str, str]] = Counter()
    # New records, copied by the database once the entry exists.
    copies: list[tuple[Table, list[Key]]] = []
    for table_name, copied in collected.removed_count.items():
        counts[(table_name, DELETE)] += copied
    for table_name, before in collected.before.items():
        table = Base.metadata.tables[table_name]
        key = record_key(table)
        new = [k for k, rows in before.items() if not rows]
        if new:
            fresh = _count_new(connection, table, new)
            if fresh:
                copies.append((table, new))
                counts[(table_name, INSERT)] += fresh
        names = [c.name for c in table.columns]
        known = [k for k, rows in before.items() if rows]
        after = read_records(connection, table_name, known) if known else {}
        for record_id in known:
            old_rows, new_rows = before[record_id], after.get(record_id, {})
            for primary in [*old_rows, *(p for p in new_rows if p not in old_rows)]:
                old, now = old_rows.get(primary), new_rows.get(primary)
                common = {
                    "table_name": table_name,
                    "record_id": str(record_id),
                    "row_key": _row_key(table, key, primary),
                    "manager_id": _manager_of(table_name, record_id, now, old),
                }
                fields: list[tuple[str | None, str | None, str | None]]
                if old is None and now is not None:
                    kind, fields = INSERT, [(None, None, _limited(now[_JSON]))]
                elif now is None and old is not None:
                    kind, fields = DELETE, [(None, _limited(old[_JSON]), None)]
                elif old is not None and now is not None:
                    kind = UPDATE
                    fields = [
                        (name, as_text(table, name, old[name]), as_text(table, name, now[name]))
                        for name in names
                        # A record's version is bookkeeping (store.versions), not a value.
                        if old[name] != now[name] and name != VERSION
                    ]
                else:
                    continue
                for name, was, will in fields:
                    hidden = masked or (name is not None and is_sensitive(table_name, name))
                    values.append(
                        {
                            **common,
                            "kind": kind,
                            "field": name,
                            "old_value": None if hidden else was,
                            "new_value": None if hidden else will,
                            "masked": hidden,
                        }
                    )
                if fields:
                    counts[(table_name, kind)] += 1
    for table_name, written in collected.written.items():
        if written.ids is None:  # rows not named: the history can say only that it changed
            values.append(
                {
                    "table_name": table_name,
                    "record_id": None,
                    "row_key": None,
                    "manager_id": None,
                    "kind": UPDATE,
                    "field": None,
                    "old_value": None,
                    "new_value": None,
                    "masked": True,
                }
            )
            counts[(table_name, UPDATE)] += 1
    if not any(counts.values()):
        if collected.entry_id is not None:
            connection.execute(delete(ChangeEntry).where(ChangeEntry.id == collected.entry_id))
        return None
    description = ("; ".join(collected.descriptions) or _describe(counts))[:300]
    entry_id: int
    if collected.entry_id is None:
        # Written whole in one INSERT, never updated after: door staff may add entries to
        # the history but not change one (the server grants them no UPDATE on it).
        entry_id = connection.execute(
            _insert_entry(connection), {**stamp, "description": description}
        ).scalar_one()
    else:  # made when the first removed records were copied (a coordinator's delete)
        entry_id = collected.entry_id
        connection.execute(
            update(ChangeEntry)
            .where(ChangeEntry.id == entry_id)
            .values(**stamp, login=_login(connection), description=description)
        )
    for table, new in copies:
        _copy_new(connection, entry_id, table, new, masked)
    if values:
        connection.execute(insert(ChangeValue), [{**v, "entry_id": entry_id} for v in values])
    return entry_id


def _only_added(connection: Connection, collected: Report) -> tuple[Table, list[Key]] | None:
    """On a server, a block that only added records of one table (a door's check-in): that
    table and the records, for `_record_added`; None for any other block."""
    if connection.dialect.name != "postgresql" or collected.entry_id is not None:
        return None
    if collected.removed_count or len(collected.before) != 1:
        return None
    if any(written.ids is None for written in collected.written.values()):
        return None
    ((table_name, before),) = collected.before.items()
    if table_name in GROUPED_BY or not before or any(before.values()):
        return None
    return Base.metadata.tables[table_name], list(before)


def _record_added(
    connection: Connection,
    collected: Report,
    stamp: dict[str, Any],
    table: Table,
    keys: list[Key],
    masked: bool,
    announce: tuple[str, str] | None,
) -> int | None:
    """`record` for `_only_added`'s blocks in one statement, not three: the count of the new
    records still there, the entry (when there are any) and their copy, written by the
    database as `record` writes them (one PostgreSQL statement with data-modifying parts),
    and the announcement when there is an entry (delivered at the commit, as ever)."""
    description = "; ".join(collected.descriptions)[:300] or None
    which = (table.name, masked, announce is not None)
    statement = _ADDED.get(which)
    if statement is None:
        statement = _ADDED[which] = _added_statement(table, masked, announce is not None)
    channel, payload = announce or (None, None)
    values = {f"entry_{name}": value for name, value in stamp.items()}
    values.update(entry_description=description, keys=keys)
    if announce is not None:
        values.update(channel=channel, payload=payload)
    row = connection.execute(statement, values).one()
    if row.entry_id is None:
        return None
    collected.announced = announce is not None
    return int(row.entry_id)


_ADDED: dict[tuple[str, bool, bool], Executable] = {}


def _added_statement(table: Table, masked: bool, announced: bool) -> Executable:
    key = record_key(table)
    counted = select(func.count().label("n")).select_from(table).where(in_keys(key)).cte("counted")
    # `_describe` in SQL: "check in: 1,000 added" (the FM pattern writes its commas as such).
    described = func.coalesce(
        bindparam("entry_description", type_=Text),
        func.substr(
            literal(f"{table.name.replace('_', ' ')}: ")
            + func.to_char(counted.c.n, "FM999,999,999,999,990")
            + literal(f" {_VERBS[INSERT]}"),
            1,
            300,
        ),
    )
    entry = _entry_part(described, select(counted.c.n).where(counted.c.n > 0))
    rows = _added_values(table, table, entry, masked).where(in_keys(key))
    copied = insert(ChangeValue).from_select(list(_VALUE_COLUMNS), rows).cte("copied")
    entry_id = select(entry.c.id).scalar_subquery()
    columns: list[ColumnElement[Any]] = [entry_id.label("entry_id")]
    if announced:
        columns.append(case((entry_id.is_not(None), _notified()), else_=null()).label("announced"))
    return select(*columns).add_cte(copied)


def _entry_part(described: ColumnElement[Any], rows: Select[Any]) -> CTE:
    """The history's entry as a data-modifying WITH part: the bound action, time and device,
    the description `described` and the database's login, written once if `rows` (a select
    of the records the entry is about) has any; returning its id."""
    entry_table = ChangeEntry.__table__
    stamped = select(
        bindparam("entry_action", type_=entry_table.c.action.type),
        bindparam("entry_at", type_=entry_table.c.at.type),
        bindparam("entry_device", type_=entry_table.c.device.type),
        described,
        func.current_user(),
    ).where(rows.exists())
    return (
        insert(ChangeEntry)
        .from_select(["action", "at", "device", "description", "login"], stamped)
        .returning(ChangeEntry.id)
        .cte("entry")
    )


def _added_values(table: Table, source: FromClause, entry: CTE, masked: bool) -> Select[Any]:
    """The history's values of records added, read from `source` (the table, or what an
    INSERT returned), one row per record, as `record` writes them."""
    key = record_key(table)
    given = None if source is table else source
    return (
        select(
            entry.c.id,
            literal(table.name),
            cast(source.c[key.name], Text),
            _row_key_sql(table, key, given),
            _manager_sql(table, given),
            literal(INSERT),
            null(),
            null(),
            null() if masked else cast(_json_sql(table, given), Text),
            literal(masked),
        )
        .select_from(source)
        .join(entry, literal(True))
    )


def _notified() -> ColumnElement[Any]:
    """The announcement to the other windows, sent by the statement (delivered at commit)."""
    return func.pg_notify(bindparam("channel", type_=Text), bindparam("payload", type_=Text))


def add_one(
    connection: Connection,
    table: Table,
    values: Mapping[str, object],
    change: Change,
    announce: tuple[str, str] | None,
) -> int:
    """Add one record with its history, and announce it, in ONE statement (PostgreSQL's
    data-modifying WITH): the record, the history's entry and value as `record` writes them
    for a record added, and the NOTIFY (`announce`: channel and payload). Run outside a
    transaction it is its own, committed when it returns: one round trip for what a write
    block needs five for (BEGIN, INSERT, history, COMMIT). Returns the entry's id."""
    if table.name in GROUPED_BY:
        raise AssertionError(f"add_one() adds whole records: {table.name} has rows per record")
    masked = change.action is Action.ERASE
    which = (table.name, tuple(values), masked, announce is not None)
    statement = _ADD_ONE.get(which)
    if statement is None:
        statement = _ADD_ONE[which] = _add_one_statement(table, tuple(values), masked, which[3])
    bound: dict[str, object] = {f"value_{name}": value for name, value in values.items()}
    bound.update(
        entry_action=str(change.action),
        entry_at=change.at,
        entry_device=change.device[:200],
        entry_description=_describe(Counter({(table.name, INSERT): 1})),
    )
    if announce is not None:
        bound.update(channel=announce[0], payload=announce[1])
    return int(connection.execute(statement, bound).scalar_one())


# Built once per table and set of columns given: a door runs it for every scan.
_ADD_ONE: dict[tuple[str, tuple[str, ...], bool, bool], Executable] = {}


def _add_one_statement(
    table: Table, names: tuple[str, ...], masked: bool, announced: bool
) -> Executable:
    added = (
        insert(table)
        .values({name: bindparam(f"value_{name}", type_=table.c[name].type) for name in names})
        .returning(*table.columns)
        .cte("added")
    )
    description = bindparam("entry_description", type_=ChangeEntry.__table__.c.description.type)
    entry = _entry_part(description, select(added.c[record_key(table).name]))
    rows = _added_values(table, added, entry, masked)
    copied = insert(ChangeValue).from_select(list(_VALUE_COLUMNS), rows).cte("copied")
    columns: list[ColumnElement[Any]] = [entry.c.id.label("added_entry_id")]
    if announced:
        columns.append(_notified().label("announced"))
    return select(*columns).select_from(entry).add_cte(copied)


_VERBS = {INSERT: "added", UPDATE: "changed", DELETE: "removed"}


def _describe(counts: Counter[tuple[str, str]]) -> str:
    """What the entry did, in counts ("manager: 1,000 added; topic interest: 3 changed")."""
    parts = [
        f"{table.replace('_', ' ')}: {count:,} {_VERBS[kind]}"
        for (table, kind), count in sorted(counts.items())
        if count
    ]
    return "; ".join(parts)
