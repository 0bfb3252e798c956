"""Personal data, as the law expects: what the file holds about one manager exported (a
data-subject access request), a manager erased at their request, and travel data erased
some days after the manager's last tour (the retention rule).

Erasing keeps the manager's row, anonymous ("Erased person N"), with their country, status,
topics, enrolments, check-ins and certificates, so that every count and statistic stays
right; everything that says who they are goes: names, e-mail, phone, city, organisation,
role, diets and needs, notes, the travel document, their mentions in other records' text and
the history's values. The file is then vacuumed and its write-ahead log emptied, so that no
byte of the erased values remains in it; on a server, the tables written are rewritten
(VACUUM FULL), and the message says what no client can reach there (the server's write-ahead
log and backups). The kept backups that hold the person are scrubbed the same way, or
deleted, as the coordinator chooses. See docs/personal-data.md.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import Column, Connection, Table, Text, delete, func, or_, select, update

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.history import ChangeValue
from booster_desktop.domain.manager import Manager, TravelDocument
from booster_desktop.domain.model import Base
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.tour import Tour
from booster_desktop.exports.files import write_atomically
from booster_desktop.i18n import _
from booster_desktop.services.history import erase_person_history, read_history
from booster_desktop.services.output_paths import check_output_path
from booster_desktop.store.changes import Action, report
from booster_desktop.store.chunks import chunks
from booster_desktop.store.durable import remove_leftovers
from booster_desktop.store.programme_file import ProgrammeFile, open_programme_file
from booster_desktop.store.versions import (
    VERSION,
    bumped,
    check_versions,
    raise_versions,
    versioned_update,
)

if TYPE_CHECKING:
    from booster_desktop.services.backups import KeptBackup

# What the export's document says it is (a reader can tell it from other JSON).
FORMAT = "booster-person"
FORMAT_VERSION = 1
# The columns of a manager that say who they are: blanked by an erase. Country, status,
# gender and the dates the row was made stay, for the programme's statistics.
ERASED_COLUMNS = (
    "arabic_name",
    "email",
    "phone",
    "organisation_id",
    "city",
    "role",
    "diets",
    "dietary_needs",
    "accessibility_needs",
    "notes",
)
# What stands in for an erased value found in another record's text (short, so that it
# fits wherever the value did).
ERASED_MENTION = "[erased]"
# Values shorter than this are not searched for in other records' text: they would match
# ordinary words.
_SHORTEST_MENTION = 5


def erased_name(manager_id: int) -> tuple[str, str]:
    """The given and family name an erased manager keeps: "Erased person" and their id."""
    return "Erased person", str(manager_id)


class BackupChoice(StrEnum):
    """What an erase does to the kept backups that hold the person."""

    SCRUB = "scrub"  # erase the person in each of them too
    DELETE = "delete"  # delete them


# -- which manager ----------------------------------------------------------------------------


def _manager(connection: Connection, path: object, manager_id: int) -> Any:
    row = connection.execute(
        select(
            Manager.id,
            Manager.given_name,
            Manager.family_name,
            Manager.arabic_name,
            Manager.email,
            Manager.person_key,
            Manager.erased_at,
            Manager.version,
        ).where(Manager.id == manager_id)
    ).first()
    if row is None:
        raise BoosterError(
            _("{path}: there is no manager {manager_id}").format(path=path, manager_id=manager_id)
        )
    return row


def person_label(programme: ProgrammeFile, manager_id: int) -> str:
    """How the window names the manager in its questions: "Amina Benali (12)"."""
    with programme.engine.connect() as connection:
        row = _manager(connection, programme.path, manager_id)
    return f"{row.given_name} {row.family_name} ({manager_id})"


def is_erased(programme: ProgrammeFile, manager_id: int) -> bool:
    with programme.engine.connect() as connection:
        return _manager(connection, programme.path, manager_id).erased_at is not None


# -- export -----------------------------------------------------------------------------------


def _referencing(table: Table) -> Iterator[tuple[Table, Column[Any]]]:
    """Every table with a column referring to `table`, and that column (from the schema, so a
    new table that refers to managers is exported without new code)."""
    for child in Base.metadata.sorted_tables:
        for key in child.foreign_keys:
            if key.column.table is table:
                assert isinstance(key.parent, Column)
                yield child, key.parent


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"({len(value)} bytes)"
    if isinstance(value, StrEnum):
        return value.value
    return value


# What a reference to another table is shown by, beside its id.
_NAMED_BY = ("code", "title", "name", "name_en", "token")


def _names_of(connection: Connection, table: Table, ids: set[Any]) -> dict[Any, str]:
    """The name, code or title of referred rows (a tour's code, a topic's name), by key."""
    (key,) = table.primary_key.columns
    label = next((table.c[n] for n in _NAMED_BY if n in table.c and n != key.name), None)
    if label is None or not ids:
        return {}
    rows = connection.execute(select(key, label).where(key.in_(sorted(ids))))
    return {row[0]: str(row[1]) for row in rows}


def _rows(connection: Connection, table: Table, column: Column[Any], manager_id: int) -> list[Any]:
    """The rows of `table` whose `column` refers to the manager, with what they refer to named
    (`tour_id` 3 gets `tour`: "CAT")."""
    query = select(table).where(column == manager_id).order_by(*table.primary_key.columns)
    rows = [dict(r._mapping) for r in connection.execute(query)]
    for other in table.foreign_keys:
        assert isinstance(other.parent, Column)
        name = other.parent.name
        if other.column.table.name == "manager" or not name.endswith(("_id", "_code")):
            continue
        names = _names_of(
            connection, other.column.table, {r[name] for r in rows if r[name] is not None}
        )
        if names:
            shown = name.rsplit("_", 1)[0] + ("" if name.endswith("_id") else "_name")
            for row in rows:
                if shown not in row:
                    row[shown] = names.get(row[name])
    return [{k: _json_value(v) for k, v in row.items()} for row in rows]


def person_document(programme: ProgrammeFile, manager_id: int) -> dict[str, Any]:
    """Everything the file holds about one manager: their row, and every row of every table
    that refers to them, by table (as a data-subject access request is answered)."""
    manager_table = Base.metadata.tables["manager"]
    with programme.engine.connect() as connection:
        _manager(connection, programme.path, manager_id)
        uuid, title = connection.execute(select(Programme.uuid, Programme.title)).one()
        tables: dict[str, list[Any]] = {
            "manager": _rows(connection, manager_table, manager_table.c.id, manager_id)
        }
        for child, column in _referencing(manager_table):
            tables.setdefault(child.name, []).extend(_rows(connection, child, column, manager_id))
    # What the change history keeps about them (a masked value reads as null).
    tables["change_history"] = [
        line.as_dict() for line in read_history(programme, manager_id=manager_id)
    ]
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "programme": {"uuid": uuid, "title": title},
        "manager_id": manager_id,
        "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "tables": tables,
    }


@dataclass(frozen=True)
class PersonExport:
    """What an export wrote: where, and how many rows of each table."""

    path: Path
    rows: dict[str, int]

    @property
    def message(self) -> str:
        total = sum(self.rows.values())
        tables = sum(1 for n in self.rows.values() if n)
        return _("Wrote {total} records from {tables} tables to {path}").format(
            total=total, tables=tables, path=self.path
        )


def export_person(programme: ProgrammeFile, manager_id: int, target: Path) -> PersonExport:
    """Write everything the file holds about the manager as one JSON document at `target`
    (never onto the programme or its working files; written aside, then renamed)."""
    target = check_output_path(Path(target), programme=programme.path)
    document = person_document(programme, manager_id)

    def write(stream: BinaryIO) -> None:
        stream.write(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
        stream.write(b"\n")

    write_atomically(target, write)
    return PersonExport(target, {t: len(rows) for t, rows in document["tables"].items()})


# -- the kept backups ---------------------------------------------------------------------------


def _backup_before(programme: ProgrammeFile) -> Path | None:
    """A kept backup of the programme before an erase (None: the programme has no file)."""
    from booster_desktop.services.backups import backup_before

    made = backup_before(programme, "erase")
    return None if made is None else made.path


def _kept_backups(programme: ProgrammeFile) -> list[KeptBackup]:
    from booster_desktop.services.backups import list_backups

    with programme.engine.connect() as connection:
        uuid = connection.execute(select(Programme.uuid)).scalar_one()
    return list_backups(uuid)


# -- erase ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """What recognises a person in this file and in its backups (read before the erase)."""

    manager_id: int
    person_key: str
    email: str | None
    mentions: tuple[str, ...]  # values searched for in other records' text
    # The keys and e-mails the person had before (a corrected name, a new address): a backup
    # made before the correction holds them under those.
    earlier_keys: tuple[str, ...] = ()
    earlier_emails: tuple[str, ...] = ()


# The fields whose earlier values, kept by the history, are searched for in free text too.
_NAME_FIELDS = ("given_name", "family_name", "arabic_name", "email")
# Read from the history too, to recognise the person in a backup made before a correction.
_KEY_FIELDS = (*_NAME_FIELDS, "person_key")


def _earlier_values(connection: Connection, manager_id: int) -> dict[str, set[str]]:
    """The names and e-mails the manager had before, as the change history keeps them (a
    note may name them as they were)."""
    found: dict[str, set[str]] = {name: set() for name in _KEY_FIELDS}
    rows = connection.execute(
        select(ChangeValue.field, ChangeValue.old_value, ChangeValue.new_value).where(
            ChangeValue.table_name == "manager",
            ChangeValue.record_id == str(manager_id),
            ChangeValue.masked.is_(False),
        )
    )
    for name, old, new in rows:
        for text in (old, new):
            if not text:
                continue
            if name in found:
                found[name].add(text)
            elif name is None:  # a whole record, added or removed, as JSON
                try:
                    record = json.loads(text)
                except ValueError:
                    continue
                for field_name in _KEY_FIELDS:
                    if isinstance(record, dict) and isinstance(record.get(field_name), str):
                        found[field_name].add(record[field_name])
    return found


def _identity(connection: Connection, row: Any, passport: str | None) -> Identity:
    earlier = _earlier_values(connection, row.id)
    givens = earlier["given_name"] | {row.given_name}
    families = earlier["family_name"] | {row.family_name}
    values = {f"{given} {family}" for given in givens for family in families}
    values |= earlier["arabic_name"] | earlier["email"]
    values |= {v for v in (row.arabic_name, row.email, passport) if v}
    return Identity(
        row.id,
        row.person_key,
        row.email,
        tuple(sorted(v for v in values if v and len(v) >= _SHORTEST_MENTION)),
        tuple(sorted(earlier["person_key"] - {row.person_key})),
        tuple(sorted(earlier["email"] - {row.email})),
    )


@dataclass
class Erased:
    """What an erase did."""

    manager_id: int
    backup: Path | None = None  # made before the erase
    history_entries: int = 0
    mentions: int = 0  # values replaced in other records' text
    backups_scrubbed: int = 0
    backups_deleted: int = 0
    backup_problems: list[str] = field(default_factory=list)
    on_server: bool = False
    compacted: bool = True  # on a server: the tables written were rewritten

    @property
    def message(self) -> str:
        given, family = erased_name(self.manager_id)
        parts = [
            _("Erased manager {manager_id}: now “{given} {family}”").format(
                manager_id=self.manager_id, given=given, family=family
            )
        ]
        if self.history_entries:
            parts.append(
                _("{history_entries} history entries cleared").format(
                    history_entries=self.history_entries
                )
            )
        if self.mentions:
            parts.append(
                _("{mentions} mentions in other records replaced").format(mentions=self.mentions)
            )
        if self.backups_scrubbed:
            parts.append(
                _("{backups_scrubbed} kept backups scrubbed").format(
                    backups_scrubbed=self.backups_scrubbed
                )
            )
        if self.backups_deleted:
            parts.append(
                _("{backups_deleted} kept backups deleted").format(
                    backups_deleted=self.backups_deleted
                )
            )
        if not self.backups_scrubbed and not self.backups_deleted:
            parts.append(_("no kept backup held the person"))
        if self.on_server:
            parts.append(server_remainder(self.compacted))
        return "; ".join(parts)


def server_remainder(compacted: bool) -> str:
    """What an erase on a server cannot reach, said with its result."""
    if compacted:
        return _(
            "the server's write-ahead log and its backups keep the old values until the "
            "server recycles them (ask its administrator)"
        )
    return _(
        "the server could not rewrite its tables (VACUUM FULL needs the tables' owner): "
        "until its administrator does, they, its write-ahead log and its backups keep the "
        "old values"
    )


def _free_text_columns(table: Table) -> Iterator[Column[Any]]:
    """The columns of free text (notes, descriptions): never a namesake's own name field,
    which an erase must leave alone."""
    for column in table.columns:
        if isinstance(column.type, Text):
            yield column


def _replace_mentions(connection: Connection, who: Identity, tables: set[str]) -> int:
    """Replace the person's full name, Arabic name, e-mail and passport number found in any
    record's free text (a tour's notes naming them) with `ERASED_MENTION`; how many values
    changed. The history's own values are scrubbed too, without being reported: the history
    does not keep a history of itself."""
    changed = 0
    for table in Base.metadata.sorted_tables:
        columns = list(_free_text_columns(table))
        if not columns:
            continue
        (key,) = table.primary_key.columns  # every table with free text has a one-column key
        for column in columns:
            for value in who.mentions:
                # Exactly what replace() changes, on SQLite and PostgreSQL alike (LIKE folds
                # case on SQLite, instr() does not exist on PostgreSQL).
                found = func.replace(column, value, ERASED_MENTION) != column
                if not table.name.startswith("change_"):
                    ids = list(connection.execute(select(key).where(found)).scalars())
                    if not ids:
                        continue
                    report(connection, table.name, ids, [column.name])
                # Counted first: a server's driver may not say how many rows an UPDATE wrote.
                count = connection.execute(
                    select(func.count()).select_from(table).where(found)
                ).scalar_one()
                if not count:
                    continue
                connection.execute(
                    update(table)
                    .where(found)
                    .values(
                        bumped(table, {column.name: func.replace(column, value, ERASED_MENTION)})
                    )
                )
                changed += count
                tables.add(table.name)
    return changed


def _erase_rows(connection: Connection, manager_ids: list[int], label_id: int) -> None:
    """Blank who the managers are, keep what the statistics count (inside a write block)."""
    given, family = erased_name(label_id)
    # Reported before the statements: the history reads a record as it was when reported.
    report(
        connection,
        "manager",
        manager_ids,
        (*ERASED_COLUMNS, "given_name", "family_name", "person_key", "erased_at"),
    )
    report(connection, "travel_document", manager_ids)
    for manager_id in manager_ids:
        # Whatever the version (an erasure starts from no one's reading), raising it: an
        # editor open on the manager is refused rather than writing the data back.
        versioned_update(
            connection,
            Manager,
            manager_id,
            {name: None for name in ERASED_COLUMNS}
            | {
                "given_name": given,
                "family_name": family,
                "person_key": f"erased|{manager_id}",
                "erased_at": datetime.now().astimezone(),
            },
            None,
        )
        connection.execute(delete(TravelDocument).where(TravelDocument.manager_id == manager_id))


def vacuum(programme: ProgrammeFile, tables: Collection[str] = ()) -> bool:
    """Rewrite the file without the freed pages, then empty its write-ahead log: what was
    erased leaves no byte behind in the file or beside it. On a server, rewrite the `tables`
    written instead; whether that was done (the server's user may not own them)."""
    if programme.on_server:
        from booster_desktop.store.server import compact

        return compact(programme.engine, tables)
    with programme.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        try:
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error as error:
            raise BoosterError(
                _(
                    "{path}: the erase is saved, but the file could not be compacted "
                    "({error}); erase again later to compact it"
                ).format(path=programme.path, error=error)
            ) from None
    return True


def _holders(connection: Connection, who: Identity) -> list[int]:
    """The person in a (backup) file: the same id, with the same e-mail or name and country
    (now or before a correction, as the history keeps them).
    A backup is a copy, so ids are the same; the name or e-mail keeps an older backup's other
    person under that id (ids are reused) from being erased, and the id keeps a namesake."""
    conditions = [Manager.person_key.in_([who.person_key, *who.earlier_keys])]
    emails = [e for e in (who.email, *who.earlier_emails) if e]
    if emails:
        conditions.append(Manager.email.in_(emails))
    return list(
        connection.execute(
            select(Manager.id).where(
                Manager.id == who.manager_id, Manager.erased_at.is_(None), or_(*conditions)
            )
        ).scalars()
    )


def _erase_in_file(
    programme: ProgrammeFile,
    who: Identity,
    manager_ids: list[int],
    versions: Mapping[int, int] | None = None,
    backed_up: Erased | None = None,
) -> tuple[int, int, bool]:
    """The erase itself, in one write: (history entries cleared, mentions replaced, whether
    what it left behind was compacted away). `versions`: the managers' as read (with the
    identity): one changed since, and nothing is erased (`ChangedMeanwhile`). With
    `backed_up`, a backup is made once the versions are checked (a refused erase makes
    none) and noted there."""
    tables = {"manager", "travel_document", "change_value"}
    with programme.writing(Action.ERASE) as connection:
        if versions:
            check_versions(connection, Manager, versions, erasing=True)
        if backed_up is not None:
            backed_up.backup = _backup_before(programme)
        _erase_rows(connection, manager_ids, who.manager_id)
        history = sum(erase_person_history(connection, m) for m in manager_ids)
        mentions = _replace_mentions(connection, who, tables)
    compacted = vacuum(programme, tables)
    return history, mentions, compacted


def erase_person(
    programme: ProgrammeFile,
    manager_id: int,
    *,
    backups: BackupChoice = BackupChoice.SCRUB,
    progress: Callable[[int, int, str], None] | None = None,
) -> Erased:
    """Erase the manager's personal data everywhere in the file and its kept backups.

    Refused in one line, changing nothing, for an unknown or an already erased manager or a
    file opened for reading. A backup is made first (a safety net while the erase runs); like
    every kept backup that holds the person, it is then scrubbed or deleted.
    """
    if not programme.writable:
        raise BoosterError(
            _("{path}: is open for reading only; nothing was erased").format(path=programme.path)
        )
    with programme.engine.connect() as connection:
        row = _manager(connection, programme.path, manager_id)
        if row.erased_at is not None:
            raise BoosterError(
                _("{path}: manager {manager_id} is already erased").format(
                    path=programme.path, manager_id=manager_id
                )
            )
        passport = connection.scalar(
            select(TravelDocument.passport_number).where(TravelDocument.manager_id == manager_id)
        )
        who = _identity(connection, row, passport)
    erased = Erased(manager_id, on_server=programme.on_server)
    erased.history_entries, erased.mentions, erased.compacted = _erase_in_file(
        programme, who, [manager_id], {manager_id: row.version}, backed_up=erased
    )
    # A copy a killed process left half-written beside the programme (the plain snapshot of
    # an encrypted copy, a decrypted restore) holds the person too.
    if isinstance(programme.path, Path):  # a server keeps no copies beside a file
        remove_leftovers(programme.path.parent)
    kept = _kept_backups(programme)
    for number, backup in enumerate(kept):
        if progress is not None:
            progress(number, len(kept), "Kept backups")
        _handle_backup(backup, who, backups, erased)
    return erased


def _handle_backup(backup: KeptBackup, who: Identity, choice: BackupChoice, erased: Erased) -> None:
    """Scrub or delete one kept backup if it holds the person; a problem is noted, not raised
    (the erase in the programme itself is done)."""
    from booster_desktop.services.backups import delete_backup, reindex_backup

    path = backup.path
    try:
        programme = open_programme_file(path, writable=True)
    except BoosterError as error:
        # A backup that cannot be opened as a programme may still hold the person: delete it.
        delete_backup(backup)
        erased.backups_deleted += 1
        erased.backup_problems.append(f"{path.name}: {error}")
        return
    try:
        with programme.engine.connect() as connection:
            holders = _holders(connection, who)
        if programme.backup_path is not None:
            # Opening an older backup upgraded it and kept the old one beside it: not wanted.
            _remove_database(programme.backup_path)
        if not holders:
            return
        if choice is BackupChoice.DELETE:
            programme.close()
            delete_backup(backup)
            erased.backups_deleted += 1
            return
        _erase_in_file(programme, who, holders)
    finally:
        programme.close()
    reindex_backup(backup)
    erased.backups_scrubbed += 1


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


# -- retention of travel data -----------------------------------------------------------------


@dataclass(frozen=True)
class TravelDataDue:
    """A manager whose travel data is due for erasure: their last tour ended long enough ago."""

    manager_id: int
    name: str
    last_tour: str  # its code
    ended: date
    due: date
    version: int = 0  # the manager's, when listed: erasing expects it


def retention_days(programme: ProgrammeFile) -> int:
    """The programme's rule: travel data erased this many days after the last tour (0: off)."""
    with programme.engine.connect() as connection:
        days = connection.execute(select(Programme.travel_data_retention_days)).scalar()
    return int(days or 0)


def travel_data_due(
    programme: ProgrammeFile, today: date | None = None, days: int | None = None
) -> list[TravelDataDue]:
    """Managers holding travel data whose last tour ended at least the programme's number of
    days ago (none when the rule is off); managers without a tour are never due."""
    days = retention_days(programme) if days is None else days
    if days <= 0:
        return []
    today = today or date.today()
    from booster_desktop.domain.enrolment import Enrolment

    last = (
        select(Enrolment.manager_id, func.max(Tour.end_date).label("ended"))
        .join(Tour, Tour.id == Enrolment.tour_id)
        .group_by(Enrolment.manager_id)
        .subquery()
    )
    query = (
        select(Manager.id, Manager.given_name, Manager.family_name, last.c.ended, Manager.version)
        .join(TravelDocument, TravelDocument.manager_id == Manager.id)
        .join(last, last.c.manager_id == Manager.id)
        .where(last.c.ended <= today - timedelta(days=days))
        .order_by(last.c.ended, Manager.id)
    )
    due = []
    with programme.engine.connect() as connection:
        for manager_id, given, family, ended, version in connection.execute(query):
            code = connection.execute(
                select(Tour.code)
                .join(Enrolment, Enrolment.tour_id == Tour.id)
                .where(Enrolment.manager_id == manager_id, Tour.end_date == ended)
                .order_by(Tour.code)
            ).scalar()
            due.append(
                TravelDataDue(
                    manager_id,
                    f"{given} {family}",
                    code or "",
                    ended,
                    ended + timedelta(days),
                    version,
                )
            )
    return due


def erase_travel_data(
    programme: ProgrammeFile, manager_ids: list[int], versions: Mapping[int, int] | None = None
) -> int:
    """Delete the travel documents of these managers in one write, then compact the file so
    their values leave it; returns how many were erased.

    `versions` are the managers' as listed (`TravelDataDue.version`): when one changed since
    (its travel data edited, say), nothing is erased and `ChangedMeanwhile` says who changed
    it. The managers' versions are raised: an editor open on older travel data is refused
    rather than writing it back."""
    if not manager_ids:
        return 0
    if not programme.writable:
        raise BoosterError(
            _("{path}: is open for reading only; nothing was erased").format(path=programme.path)
        )
    with programme.writing(Action.ERASE) as connection:
        if versions:
            check_versions(connection, Manager, versions, erasing=True)
        # Only once the versions are checked (a refused erase makes no backup), from another
        # connection: the programme as committed, before this erase.
        _backup_before(programme)
        report(connection, "travel_document", manager_ids)  # before: the history reads it
        report(connection, "manager", manager_ids, [VERSION])
        erased = 0
        for chunk in chunks(manager_ids):
            # The rows deleted, as the database names them: a server's driver may not count.
            erased += len(
                connection.execute(
                    delete(TravelDocument)
                    .where(TravelDocument.manager_id.in_(chunk))
                    .returning(TravelDocument.manager_id)
                ).all()
            )
            raise_versions(connection, Manager, chunk)
    vacuum(programme, {"travel_document", "change_value"})
    return erased


def erased_count(programme: ProgrammeFile) -> int:
    """How many managers of the file were erased."""
    with programme.engine.connect() as connection:
        return int(
            connection.execute(
                select(func.count()).select_from(Manager).where(Manager.erased_at.is_not(None))
            ).scalar_one()
        )


__all__ = [
    "BackupChoice",
    "Erased",
    "PersonExport",
    "TravelDataDue",
    "erase_person",
    "erase_travel_data",
    "erased_name",
    "export_person",
    "person_document",
    "person_label",
    "retention_days",
    "travel_data_due",
]
