"""Deleting records with everything that hangs on them, and putting them back exactly (undo).

Undo restores, it does not re-create: a snapshot keeps every row a delete takes (the records,
and through the schema's ON DELETE CASCADE their enrolments, topic ranks, badge tokens,
check-ins...) and every reference it empties (ON DELETE SET NULL), so restoring brings back
the same ids and the same badge tokens. Driven by the schema's foreign keys, so a new table
that cascades is covered without new code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Connection, Table, and_, delete, insert, select, update

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.model import Base
from booster_desktop.i18n import _
from booster_desktop.store.changes import report
from booster_desktop.store.chunks import chunks
from booster_desktop.store.history import record_key
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.versions import VERSION, bumped, check_versions, is_versioned


@dataclass(frozen=True)
class NulledReference:
    """A column a delete set to NULL (ON DELETE SET NULL), with the values to put back."""

    table: str
    column: str
    values: tuple[tuple[tuple[Any, ...], Any], ...]  # (primary key, old value)


@dataclass(frozen=True)
class Snapshot:
    """Every row a delete took, parents first, and every reference it emptied."""

    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    nulled: tuple[NulledReference, ...]

    def count(self, table: str) -> int:
        return sum(len(rows) for name, rows in self.rows if name == table)

    def counts(self) -> Counter[str]:
        """How many rows of each table the delete takes."""
        counter: Counter[str] = Counter()
        for name, rows in self.rows:
            counter[name] += len(rows)
        return counter


def _select_in(
    connection: Connection, table: Table, column: Column[Any], values: list[Any]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for chunk in chunks(values):
        rows.extend(
            dict(r._mapping) for r in connection.execute(select(table).where(column.in_(chunk)))
        )
    return rows


def _referencing(table: Table) -> Iterable[tuple[Table, Column[Any], Column[Any], str | None]]:
    """(child table, child column, referred column, ondelete) for each FK referring to `table`."""
    for child in Base.metadata.sorted_tables:
        for key in child.foreign_keys:
            if key.column.table is table:
                assert isinstance(key.parent, Column)
                yield child, key.parent, key.column, (key.ondelete or "").upper() or None


def take_snapshot(connection: Connection, table_name: str, ids: Collection[Any]) -> Snapshot:
    """What deleting the rows of a table with these primary keys would take and empty."""
    table = Base.metadata.tables[table_name]
    (key,) = table.primary_key.columns
    found: list[tuple[str, tuple[dict[str, Any], ...]]] = []
    nulled: list[NulledReference] = []
    pending = [(table, _select_in(connection, table, key, list(ids)))]
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    while pending:
        parent, parent_rows = pending.pop(0)
        # A row reached twice (two cascades lead to it) is taken once.
        keys = [c.name for c in parent.primary_key.columns]
        fresh = []
        for row in parent_rows:
            identity = (parent.name, tuple(row[k] for k in keys))
            if identity not in seen:
                seen.add(identity)
                fresh.append(row)
        parent_rows = fresh
        if not parent_rows:
            continue
        found.append((parent.name, tuple(parent_rows)))
        for child, column, referred, ondelete in _referencing(parent):
            values = [row[referred.name] for row in parent_rows]
            child_rows = _select_in(connection, child, column, values)
            if ondelete == "CASCADE":
                pending.append((child, child_rows))
            elif ondelete == "SET NULL" and child_rows:
                keys = [c.name for c in child.primary_key.columns]
                nulled.append(
                    NulledReference(
                        child.name,
                        column.name,
                        tuple((tuple(r[k] for k in keys), r[column.name]) for r in child_rows),
                    )
                )
    return Snapshot(tuple(found), tuple(nulled))


def delete_records(
    programme: ProgrammeFile,
    table_name: str,
    ids: Collection[Any],
    versions: Mapping[Any, int] | None = None,
) -> Snapshot:
    """Delete rows (their dependants go with them, as the schema says), in one transaction.

    Deleting a tour takes its sessions, enrolments and check-ins: a backup is kept first.
    `versions` are those the user saw, by id: when one of these records changed (or went)
    since, nothing is deleted and `ChangedMeanwhile` says who changed it and when."""
    (snapshot,) = delete_together(programme, [(table_name, ids, versions)])
    return snapshot


def delete_together(
    programme: ProgrammeFile,
    parts: Sequence[tuple[str, Collection[Any], Mapping[Any, int] | None]],
    *,
    undoing_import: bool = False,
) -> list[Snapshot]:
    """Delete records of several tables in one transaction, in the order given (an import
    undone: its managers, then the topics and organisations it created); one snapshot per
    part. Every part's versions are checked before anything is deleted: one record changed
    (or gone) since it was read, and nothing is deleted.

    `undoing_import`: the records are what an import added, and nothing that hangs on them
    which the import did not write may go with them (check-ins, enrolments… made since, by
    others or by this window outside its undo stack: they carry no version). Refused in one
    line naming the record and what hangs on it; nothing is undone."""
    snapshots = []
    with programme.writing() as connection:
        for name, _, versions in parts:
            table = Base.metadata.tables[name]
            if versions and is_versioned(table):
                check_versions(connection, table, versions)
        if any(name == "tour" and ids for name, ids, _ in parts):
            from booster_desktop.services.backups import backup_before

            # Only once the versions are checked (a refused delete makes no backup), from
            # another connection: the programme as committed, before this delete.
            backup_before(programme, "delete-tour")
        for name, ids, _ in parts:
            table = Base.metadata.tables[name]
            (key,) = table.primary_key.columns
            snapshot = take_snapshot(connection, name, ids)
            if undoing_import:
                _refuse_rows_made_since_import(name, snapshot)
            _report(connection, name, ids, snapshot)  # before: the history reads them
            for chunk in chunks(list(ids)):
                connection.execute(delete(table).where(key.in_(chunk)))
            snapshots.append(snapshot)
    return snapshots


# What an import writes, by the table of the records it added: anything else hanging on them
# was made since. (Its managers' topic ranks and badge tokens; the topics and organisations
# it created, alone: a rank of one of its topics by a manager it did not add came later.)
_IMPORT_WROTE = {
    "manager": {"manager", "topic_interest", "badge_token"},
    "topic": {"topic"},
    "organisation": {"organisation"},
}


def _made_since(table: str) -> str:
    """What rows of `table` hanging on an imported record are, in the user's words."""
    words = {
        "enrolment": _("enrolments"),
        "checkin": _("check-ins"),
        "badge_print": _("badge prints"),
        "certificate": _("certificates"),
        "travel_document": _("travel data"),
        "tour_focus_topic": _("tours focused on it"),
        "session_topic": _("visits on it"),
        "topic_interest": _("other managers' ranks of it"),
        "manager": _("managers working there"),
        "person": _("people working there"),
        "tour": _("tours it hosts"),
        "tour_session": _("visits to it"),
    }
    return words.get(table, table)


def _record_label(table: str, row: Mapping[str, Any] | None, record: Any) -> str:
    if table == "manager" and row is not None:
        return _("manager {id} ({name})").format(
            id=record, name=f"{row['given_name']} {row['family_name']}"
        )
    if table == "topic" and row is not None:
        return _("topic {id} ({name})").format(id=record, name=row["name"])
    if table == "organisation" and row is not None:
        return _("organisation {id} ({name})").format(id=record, name=row["name"])
    return f"{table} {record}"


def _refuse_rows_made_since_import(table_name: str, snapshot: Snapshot) -> None:
    """Refuse undoing an import when the snapshot of what it added holds rows it did not
    write (see `delete_together`)."""
    wrote = _IMPORT_WROTE.get(table_name, {table_name})
    parents = {row["id"]: row for name, rows in snapshot.rows if name == table_name for row in rows}
    found: tuple[str, Any] | None = None
    for name, rows in snapshot.rows:
        if name not in wrote and rows:
            column = next(
                key.parent.name
                for key in Base.metadata.tables[name].foreign_keys
                if key.column.table.name == table_name
            )
            found = name, min(row[column] for row in rows)
            break
    if found is None and snapshot.nulled:
        reference = snapshot.nulled[0]
        found = reference.table, min(value for _key, value in reference.values)
    if found is None:
        return
    name, record = found
    raise BoosterError(
        _("{record} has {rows} made since the import; nothing undone").format(
            record=_record_label(table_name, parents.get(record), record),
            rows=_made_since(name),
        )
    )


def read_versions(snapshot: Snapshot, table_name: str) -> dict[Any, int]:
    """The versions a snapshot's records of `table_name` were deleted at (what a redo of the
    delete expects to find again)."""
    table = Base.metadata.tables[table_name]
    if not is_versioned(table):
        return {}
    key = record_key(table).name
    return {
        row[key]: row[VERSION] for name, rows in snapshot.rows if name == table_name for row in rows
    }


def restore(programme: ProgrammeFile, snapshot: Snapshot) -> None:
    """Put back everything a delete took, with the same ids, in one transaction."""
    if not snapshot.rows and not snapshot.nulled:
        return  # the delete took nothing (an import that created no organisation)
    tables = Base.metadata.tables
    with programme.writing() as connection:
        _report(connection, None, (), snapshot)  # before: the history reads them
        # Parents before children: the snapshot was taken from the deleted rows outwards.
        for name, rows in snapshot.rows:
            connection.execute(insert(tables[name]), list(rows))
        for reference in snapshot.nulled:
            table = tables[reference.table]
            keys = tuple(table.primary_key.columns)
            column = table.c[reference.column]
            for key_values, value in reference.values:
                match = and_(*(k == v for k, v in zip(keys, key_values, strict=True)))
                connection.execute(
                    update(table).where(match).values(bumped(table, {column.name: value}))
                )


def _report(
    connection: Connection, table_name: str | None, ids: Collection[Any], snapshot: Snapshot
) -> None:
    """Every record the snapshot holds, by table, and every column it emptied or fills
    again; the asked-for rows even when none was found. Called before the statements, so
    the change history reads the records as they were."""
    if table_name is not None:
        report(connection, table_name, [i for i in ids if isinstance(i, int | str)])
    for name, rows in snapshot.rows:
        key = record_key(Base.metadata.tables[name]).name
        report(connection, name, {r[key] for r in rows})
    for reference in snapshot.nulled:
        table = Base.metadata.tables[reference.table]
        primary = [c.name for c in table.primary_key.columns]
        position = primary.index(record_key(table).name)
        report(
            connection,
            reference.table,
            {key_values[position] for key_values, _ in reference.values},
            [reference.column],
        )


def deletion_preview(
    programme: ProgrammeFile, table_name: str, ids: Collection[Any]
) -> Counter[str]:
    """How many rows of each table deleting these records would take (nothing is deleted)."""
    with programme.engine.connect() as connection:
        return take_snapshot(connection, table_name, ids).counts()
