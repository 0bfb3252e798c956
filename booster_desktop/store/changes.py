"""What a write changed: reported by the service inside the write, collected by the write gate.

Most writes are Core statements, which SQLAlchemy does not track, so the gate cannot see what a
block did: the service says it, with `report(connection, table, ids, columns)`, and the gate
(`ProgrammeFile.writing()`) refuses a block that committed without saying anything. After the
commit the gate hands one `Change` to whoever listens (the window's document; later the change
history and the server's notifications), so a change is described the same way wherever it was
made. Plain data, no Qt.
"""

from __future__ import annotations

import platform
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Connection, FromClause, select


class Action(StrEnum):
    """Why the rows changed: what the change history will say."""

    EDIT = "edit"
    IMPORT = "import"
    ALLOCATION = "allocation"
    MERGE = "merge"
    UNDO = "undo"
    ERASE = "erase"  # a person's data erased: recorded without any value


# A record's key: an id, or a text key (a check-in's UUID).
Key = int | str


@dataclass(frozen=True)
class Written:
    """What a change did to one table: which rows and which columns (None: not named, so
    any row or any column may have changed)."""

    ids: frozenset[Key] | None = frozenset()
    columns: frozenset[str] | None = None

    def __or__(self, other: Written) -> Written:
        ids = None if self.ids is None or other.ids is None else self.ids | other.ids
        columns = (
            None if self.columns is None or other.columns is None else self.columns | other.columns
        )
        return Written(ids, columns)


@dataclass(frozen=True)
class Change:
    """One committed write: the tables, rows and columns it changed, why, where and when."""

    action: Action
    written: Mapping[str, Written]
    device: str
    at: datetime  # UTC

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.written)

    def ids(self, table: str) -> frozenset[Key] | None:
        """The rows of `table` written (empty when the table was not; None: not named)."""
        written = self.written.get(table)
        return frozenset() if written is None else written.ids

    def touches(self, interests: Iterable[str]) -> bool:
        """Whether any of these was written: a table ("tour") or one column ("manager.status",
        also true when the table was written without naming its columns)."""
        for interest in interests:
            table, _, column = interest.partition(".")
            written = self.written.get(table)
            if written is None:
                continue
            if not column or written.columns is None or column in written.columns:
                return True
        return False

    def merged(self, other: Change) -> Change:
        """Both changes as one (an undo of several writes is one change to the screens)."""
        written = dict(self.written)
        for table, more in other.written.items():
            written[table] = written[table] | more if table in written else more
        action = self.action if self.action == other.action else Action.EDIT
        return Change(action, written, self.device, max(self.at, other.at))


Listener = Callable[[Change], None]

_device_name: Callable[[], str] = platform.node


def current_device() -> str:
    """The name of this laptop, as a change record gives it (the machine's name for now)."""
    return _device_name() or "unknown device"


def use_device_name(name: Callable[[], str]) -> None:
    """Take the device's name from elsewhere (a setting), from now on."""
    global _device_name
    _device_name = name


# An undo is written by the same services as the edit it undoes: the caller says so.
_acting_as: ContextVar[Action | None] = ContextVar("booster_acting_as", default=None)


@contextmanager
def acting_as(action: Action) -> Iterator[None]:
    """Every write in the block is recorded as `action` (an undo), whatever its service says."""
    token = _acting_as.set(action)
    try:
        yield
    finally:
        _acting_as.reset(token)


_REPORT = "booster_report"


# The rows of one record as they were, by each row's primary key (empty: no such record).
Rows = dict[tuple[object, ...], dict[str, object]]


@dataclass
class Report:
    """What one write block has reported so far, and for the change history the records
    reported as they were when first named (`before`)."""

    written: dict[str, Written] = field(default_factory=dict)
    history: bool = True
    before: dict[str, dict[Key, Rows]] = field(default_factory=dict)
    descriptions: list[str] = field(default_factory=list)
    # What the block is recorded as (an undo's caller may say otherwise: `acting_as`).
    action: Action = Action.EDIT
    # Records reported as removed, already copied into the history as deletes (by table),
    # how many of them existed, and the history's entry they went into (made at the first
    # such report).
    removed: dict[str, set[Key]] = field(default_factory=dict)
    removed_count: dict[str, int] = field(default_factory=dict)
    entry_id: int | None = None
    # Whether the history's own statement already announced the block (on a server: the
    # NOTIFY went with it, and the write gate sends no other).
    announced: bool = False

    @property
    def recorded_as(self) -> Action:
        """The action the change history records the block as."""
        return _acting_as.get() or self.action

    def add(self, table: str, written: Written) -> None:
        self.written[table] = self.written[table] | written if table in self.written else written


def report(
    connection: Connection,
    table: str,
    ids: Collection[Key] | None = (),
    columns: Collection[str] | None = None,
    *,
    added: bool = False,
    removed: bool = False,
) -> None:
    """Say, inside a write block, that records of `table` are written: `ids` (their keys:
    see `store.history.record_key`; None: not named), `columns` (None: whole rows).

    The change history keeps old and new values: a record is read as it is when first
    reported, and again before the commit. So report an update or a delete BEFORE the
    statement; report records the block created after the insert (their ids are known only
    then) with `added`: they did not exist before.
    """
    collected = connection.info.get(_REPORT)
    if not isinstance(collected, Report):
        raise AssertionError("report() outside a write block (ProgrammeFile.writing())")
    keys = None if ids is None else frozenset(ids)
    collected.add(table, Written(keys, None if columns is None else frozenset(columns)))
    if not (collected.history and keys):
        return
    if added:
        known = collected.before.setdefault(table, {})
        for key in keys:
            known.setdefault(key, {})
    elif removed:
        from booster_desktop.store.history import copy_removed

        copy_removed(connection, collected, table, keys)
    else:
        from booster_desktop.store.history import remember

        remember(connection, collected, table, keys)


def reported(connection: Connection) -> Report | None:
    """What the write block on `connection` has reported so far (None outside one)."""
    collected = connection.info.get(_REPORT)
    return collected if isinstance(collected, Report) else None


def describe(connection: Connection, description: str) -> None:
    """Say in a few words what the write block does, for the change history (never a
    personal value: a count, a table, a code)."""
    collected = connection.info.get(_REPORT)
    if not isinstance(collected, Report):
        raise AssertionError("describe() outside a write block (ProgrammeFile.writing())")
    collected.descriptions.append(description)


@contextmanager
def collecting(
    connection: Connection, history: bool = True, action: Action = Action.EDIT
) -> Iterator[Report]:
    """The report of the write block on `connection` (the gate's side of `report`)."""
    collected = Report(history=history, action=action)
    connection.info[_REPORT] = collected
    try:
        yield collected
    finally:
        connection.info.pop(_REPORT, None)


def change_of(collected: Report, action: Action) -> Change:
    """The change record of a committed block, stamped with this device and the time."""
    return Change(
        _acting_as.get() or action,
        dict(collected.written),
        current_device(),
        datetime.now(UTC),
    )


def changed_columns(
    connection: Connection, table: FromClause, row_id: int, values: Mapping[str, object]
) -> set[str]:
    """The columns of row `row_id` that `values` would change (read before the update)."""
    (key,) = tuple(table.primary_key)
    old = connection.execute(
        select(*(table.c[name] for name in values)).where(key == row_id)
    ).first()
    if old is None:
        return set(values)
    return {name for name, before in zip(values, old, strict=True) if before != values[name]}
