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
    ERASE = "erase"


@dataclass(frozen=True)
class Written:
    """What a change did to one table: which rows and which columns (None: not named, so
    any row or any column may have changed)."""

    ids: frozenset[int] | None = frozenset()
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

    def ids(self, table: str) -> frozenset[int] | None:
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


@dataclass
class Report:
    """What one write block has reported so far."""

    written: dict[str, Written] = field(default_factory=dict)

    def add(self, table: str, written: Written) -> None:
        self.written[table] = self.written[table] | written if table in self.written else written


def report(
    connection: Connection,
    table: str,
    ids: Collection[int] | None = (),
    columns: Collection[str] | None = None,
) -> None:
    """Say, inside a write block, that rows of `table` were written: `ids` (None: rows not
    named), `columns` (None: whole rows, as an insert or a delete)."""
    collected = connection.info.get(_REPORT)
    if not isinstance(collected, Report):
        raise AssertionError("report() outside a write block (ProgrammeFile.writing())")
    collected.add(
        table,
        Written(
            None if ids is None else frozenset(ids),
            None if columns is None else frozenset(columns),
        ),
    )


@contextmanager
def collecting(connection: Connection) -> Iterator[Report]:
    """The report of the write block on `connection` (the gate's side of `report`)."""
    collected = Report()
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
