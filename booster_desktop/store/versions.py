"""No lost edits: an update of a record says which version of it the user was looking at.

Every record a coordinator edits carries `version` (1 when written, raised by each update).
`versioned_update` is the one way services update such a record with Core statements: its
UPDATE matches the record only at the version the caller read, so a save made over a change
someone else committed meanwhile matches nothing and is refused with `ChangedMeanwhile`,
naming who changed it (from the change history), when, and for each field the caller tried
to save, both values. The ORM checks the same column on a flush (`version_id_col`).

A serialisation failure of the server (two transactions that cannot both commit) becomes a
one-line `ChangedAtOnce`: nothing was saved, try again.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, and_, case, select, true, update

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.history import ChangeEntry, ChangeValue
from booster_desktop.domain.model import Base
from booster_desktop.i18n import _
from booster_desktop.store.chunks import chunks

if TYPE_CHECKING:
    from booster_desktop.store.programme_file import ProgrammeFile

VERSION = "version"

# SQLSTATEs of a transaction the server gave up because another ran at the same time:
# serialization_failure and deadlock_detected.
_AT_ONCE = frozenset({"40001", "40P01"})


@dataclass(frozen=True)
class Clash:
    """One field the refused save tried to write: the value it brought and the one stored now."""

    field: str
    yours: object
    theirs: object

    @property
    def differs(self) -> bool:
        return self.yours != self.theirs


class ChangedMeanwhile(BoosterError):  # noqa: N818 (what the user is told, not a code error)
    """A save refused because the record changed (or went) since it was read. Plain data:
    the window shows it side by side, the command and the log print its one line."""

    def __init__(
        self,
        table: str,
        record: int,
        clashes: tuple[Clash, ...],
        *,
        device: str | None = None,
        login: str | None = None,
        at: datetime | None = None,
        version: int | None = None,
        deleting: bool = False,
        erasing: bool = False,
    ) -> None:
        self.table, self.record, self.clashes = table, record, clashes
        self.device, self.login, self.at = device, login, at
        self.version = version  # the record's version now (None: it was deleted)
        self.deleting = deleting or erasing  # what was refused: a delete, not a save
        self.erasing = erasing  # an erase (of a person, of travel data): said in its words
        super().__init__(self._line())

    @property
    def deleted(self) -> bool:
        return self.version is None

    @property
    def who(self) -> str:
        """Who made the change the save ran into: the device, and on a server the login."""
        device = self.device or _("another window")
        return f"{device} ({self.login})" if self.login else device

    def _line(self) -> str:
        what = f"{self.table} {self.record}"
        when = self.at.astimezone().strftime("%Y-%m-%d %H:%M") if self.at else "?"
        if self.erasing and self.deleted:
            return _("{what} was deleted by {who} at {when}: nothing was erased").format(
                what=what, who=self.who, when=when
            )
        if self.erasing:
            return _(
                "{what} was changed by {who} at {when} since you read it: nothing was "
                "erased (look at it as it is now, then erase again if you still want to)"
            ).format(what=what, who=self.who, when=when)
        if self.deleting and self.deleted:
            return _("{what} was already deleted by {who} at {when}: nothing was deleted").format(
                what=what, who=self.who, when=when
            )
        if self.deleting:
            return _(
                "{what} was changed by {who} at {when} since you read it: nothing was "
                "deleted (look at it as it is now, then delete it again if you still want to)"
            ).format(what=what, who=self.who, when=when)
        if self.deleted:
            return _(
                "{what} was deleted by {who} at {when} while you were editing it: "
                "your change was not saved"
            ).format(what=what, who=self.who, when=when)
        fields = ", ".join(c.field for c in self.clashes if c.differs) or "-"
        return _(
            "{what} was changed by {who} at {when} while you were editing it: your change "
            "was not saved (fields that differ: {fields})"
        ).format(what=what, who=self.who, when=when, fields=fields)


class ChangedAtOnce(BoosterError):  # noqa: N818 (what the user is told, not a code error)
    """The server refused a transaction because another changed the same rows at once."""

    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "{path}: changed at the same time by someone else; nothing was saved, try again"
            ).format(path=path)
        )


def at_once(error: BaseException, path: object) -> ChangedAtOnce | None:
    """`ChangedAtOnce` when a database error is a serialisation failure or a deadlock."""
    original = getattr(error, "orig", error)
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    return ChangedAtOnce(path) if state in _AT_ONCE else None


def is_versioned(table: Table) -> bool:
    return VERSION in table.c


def _table(table: Table | type[Any]) -> Table:
    found = table if isinstance(table, Table) else table.__table__
    assert isinstance(found, Table)
    return found


def versioned_update(
    connection: Connection,
    table: Table | type[Any],
    record: int,
    values: Mapping[str, Any],
    expected: int | None,
    *,
    hanging: Collection[str] = (),
    changed: bool = False,
) -> int:
    """Update one record and raise its version; returns the version written.

    `expected` is the version the values were made from: when the record is no longer at it
    (or is gone), nothing is written and `ChangedMeanwhile` says who changed it and both
    values. None writes whatever the version (a change that does not start from a reading of
    the record, such as erasing a person), still raising it so that editors reading it
    earlier are refused.

    A save that changes nothing (every value equal to what is stored) writes nothing and
    keeps the version, unless rows hanging on the record changed in the same block: those of
    the `hanging` tables (reported before they were written, as the history wants), or
    whatever the caller says `changed` (the record's editor shows it). Call it after
    writing them.
    """
    target = _table(table)
    (key,) = target.primary_key.columns
    version = target.c[VERSION]
    same = and_(
        true(),
        *(target.c[name].is_not_distinct_from(value) for name, value in values.items()),
    )
    stored = connection.execute(
        select(version, case((same, 1), else_=0)).where(key == record)
    ).first()
    if stored is None or (expected is not None and stored[0] != expected):
        raise changed_meanwhile(connection, target, record, values)
    if stored[1] and not changed and not _hanging_changed(connection, hanging, record):
        return int(stored[0])
    statement = update(target).where(key == record)
    if expected is not None:
        statement = statement.where(version == expected)
    written = connection.execute(
        statement.values({**values, VERSION: version + 1}).returning(version)
    ).scalar()
    if written is None:
        raise changed_meanwhile(connection, target, record, values)
    return int(written)


def _hanging_changed(connection: Connection, tables: Collection[str], record: int) -> bool:
    """Whether rows of `tables` hanging on `record` changed in the block (as the change
    history sees them; without a history, assumed changed)."""
    if not tables:
        return False
    from booster_desktop.store.history import rows_changed

    return any(rows_changed(connection, name, record) for name in tables)


def bumped(table: Table | type[Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """The values of a bulk UPDATE of many records, raising their versions too (a bulk
    change starts from no one's reading, but editors reading the records earlier must be
    refused)."""
    target = _table(table)
    return {**values, VERSION: target.c[VERSION] + 1} if is_versioned(target) else dict(values)


def changed_meanwhile(
    connection: Connection,
    table: Table,
    record: int,
    values: Mapping[str, Any],
    *,
    deleting: bool = False,
    erasing: bool = False,
) -> ChangedMeanwhile:
    """The refusal of a save (or a delete) over `record`, read as it is now with its last
    change."""
    (key,) = table.primary_key.columns
    now = connection.execute(select(table).where(key == record)).mappings().first()
    last = connection.execute(
        select(ChangeEntry.device, ChangeEntry.login, ChangeEntry.at)
        .join(ChangeValue, ChangeValue.entry_id == ChangeEntry.id)
        .where(ChangeValue.table_name == table.name, ChangeValue.record_id == str(record))
        .order_by(ChangeEntry.id.desc())
        .limit(1)
    ).first()
    clashes = tuple(
        Clash(name, value, None if now is None else now[name])
        for name, value in values.items()
        if name != VERSION and name in table.c
    )
    return ChangedMeanwhile(
        table.name,
        record,
        clashes,
        device=last.device if last else None,
        login=last.login if last else None,
        at=last.at if last else None,
        version=None if now is None else int(now[VERSION]),
        deleting=deleting,
        erasing=erasing,
    )


def raise_versions(connection: Connection, table: Table | type[Any], ids: Collection[int]) -> None:
    """Raise these records' versions without changing a value: what hangs on them changed
    (travel data erased), so an editor that read them earlier is refused."""
    target = _table(table)
    (key,) = target.primary_key.columns
    connection.execute(update(target).where(key.in_(list(ids))).values(bumped(target, {})))


def check_versions(
    connection: Connection,
    table: Table | type[Any],
    versions: Mapping[Any, int],
    *,
    erasing: bool = False,
) -> None:
    """Refuse a delete (or an erase, said in its own words) of records read at `versions`
    (by id) when one of them changed or went since: `ChangedMeanwhile` names the first, in
    id order."""
    target = _table(table)
    (key,) = target.primary_key.columns
    now: dict[Any, int] = {}
    ids = list(versions)
    for chunk in chunks(ids):
        # Locked until the commit (FOR UPDATE, on a server): a save committing between this
        # check and the delete waits for it, or is waited for and then seen here.
        rows = connection.execute(
            select(key, target.c[VERSION]).where(key.in_(chunk)).with_for_update()
        )
        now.update((k, v) for k, v in rows)
    for record, seen in sorted(versions.items()):
        if now.get(record) != seen:
            raise changed_meanwhile(connection, target, record, {}, deleting=True, erasing=erasing)


def versioned_tables() -> list[str]:
    """The tables whose records carry a version."""
    return [t.name for t in Base.metadata.sorted_tables if is_versioned(t)]


# The advisory locks Booster takes on a server: (application id, what for). Two-int keys of
# our own, so they never meet another application's locks in the same database.
_LOCK_SPACE = 0x42737452  # "BstR", as the file's application id
ALLOCATING = 1


@contextmanager
def exclusive(
    programme: ProgrammeFile, purpose: int, waiting: Callable[[], None] | None = None
) -> Iterator[bool]:
    """Run the block alone among the programme's writers doing the same (`purpose`), on a
    server: a second waits for the first to finish (`waiting()` is told before it waits, to
    say so). Yields whether it had to wait.

    A session-level advisory lock held on a connection of its own, taken before the write
    transaction begins: the block's transaction then starts after the other one committed
    and sees what it wrote (a lock taken inside a SERIALIZABLE transaction would leave it
    reading the snapshot from before). On a file nothing is needed: SQLite has one writer.
    """
    if not programme.on_server:
        yield False
        return
    key = f"{_LOCK_SPACE}, {int(purpose)}"
    with programme.engine.connect() as guard:
        got = bool(guard.exec_driver_sql(f"SELECT pg_try_advisory_lock({key})").scalar())
        guard.commit()
        if not got:
            if waiting is not None:
                waiting()
            guard.exec_driver_sql(f"SELECT pg_advisory_lock({key})")
            guard.commit()
        try:
            yield not got
        finally:
            guard.exec_driver_sql(f"SELECT pg_advisory_unlock({key})")
            guard.commit()


@dataclass(frozen=True)
class LastChange:
    """The latest change the history keeps of a table: when, by whom, what kind."""

    at: datetime
    device: str
    login: str | None
    action: str

    @property
    def who(self) -> str:
        return f"{self.device} ({self.login})" if self.login else self.device


def last_change(connection: Connection, table: str) -> LastChange | None:
    """The history's latest entry that wrote `table` (None when it keeps none)."""
    found = connection.execute(
        select(ChangeEntry.at, ChangeEntry.device, ChangeEntry.login, ChangeEntry.action)
        .join(ChangeValue, ChangeValue.entry_id == ChangeEntry.id)
        .where(ChangeValue.table_name == table)
        .order_by(ChangeEntry.id.desc())
        .limit(1)
    ).first()
    return None if found is None else LastChange(*found)
