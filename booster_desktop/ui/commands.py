"""Every change the user makes is an undoable command that calls a service, which commits.

Undo restores, it does not re-create: undoing a delete (or an add) puts back the same
records with the same ids, badge tokens, enrolments and check-ins (services.records).
Commands tell no screen what they did: the write gate reports it, and the document's
`changed` signal reaches every screen. A command only says which records to show the user
(`reveal`), and, through the document, when a change could not be made.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoCommand

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.allocation_data import (
    AppliedAllocation,
    EnrolmentRows,
    apply_allocation_undoably,
    restore_enrolments,
)
from booster_desktop.services.changes import Action, ChangedMeanwhile
from booster_desktop.services.records import (
    Snapshot,
    delete_records,
    delete_together,
    read_versions,
    restore,
)
from booster_desktop.ui.conflict_dialog import Conflict
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.entities import Entity, count_of
from booster_desktop.ui.translation import tr


class _DocumentCommand(QUndoCommand):
    def __init__(self, text: str, document: ProgrammeDocument) -> None:
        super().__init__(text)
        self.document = document
        assert document.programme is not None
        self.programme = document.programme

    def _attempt(self, action: Callable[[], object], undoing: bool = False) -> bool:
        try:
            with self.document.gathering(Action.UNDO if undoing else None):
                action()
        except BoosterError as error:
            # Nothing was written (each service call is one transaction): drop the command.
            self.setObsolete(True)
            self.document.failed.emit(str(error))
            if isinstance(error, ChangedMeanwhile):  # show the record as it is now
                self.document.reread(error.table, error.record)
            return False
        return True


class _RecordCommand(_DocumentCommand):
    def __init__(self, text: str, document: ProgrammeDocument, entity: Entity[Any, Any]) -> None:
        super().__init__(text, document)
        self.entity = entity

    def _reveal(self, ids: Collection[int]) -> None:
        self.document.reveal.emit(self.entity.table, list(ids))


class AddRecord(_RecordCommand):
    """Add a record; undo deletes it (kept aside), redo puts the very same record back."""

    def __init__(self, details: Any, document: ProgrammeDocument, entity: Entity[Any, Any]) -> None:
        super().__init__(
            tr("Add {singular}").format(singular=tr(entity.singular)), document, entity
        )
        self.details = details
        self.record_id: int | None = None
        self._snapshot: Snapshot | None = None

    def redo(self) -> None:
        def act() -> None:
            if self._snapshot is None:
                self.record_id = self.entity.save(self.programme, self.details, None)
                # A new record is at version 1: what undoing this add expects to delete.
                self.document.saved_version(self.entity.table, self.record_id, 0)
            else:
                restore(self.programme, self._snapshot)

        if self._attempt(act) and self.record_id is not None:
            self._reveal([self.record_id])

    def undo(self) -> None:
        def act() -> None:
            assert self.record_id is not None
            table = self.entity.table
            written = self.document.written_versions.get((table, self.record_id))
            self._snapshot = delete_records(
                self.programme,
                table,
                [self.record_id],
                None if written is None else {self.record_id: written},
            )

        self._attempt(act, undoing=True)


class EditRecord(_RecordCommand):
    """Save new details over old ones; undo saves the old ones back.

    Each save says which version of the record it starts from: the first, the one `old` was
    read at; an undo or a redo, the one this window's own last save of the record wrote
    (the document keeps it: several commands on one record follow each other on the stack).
    A save over someone else's change meanwhile is refused, and the document asks the window
    to let the user choose what to keep (`conflict`).
    """

    def __init__(
        self,
        record_id: int,
        old: Any,
        new: Any,
        document: ProgrammeDocument,
        entity: Entity[Any, Any],
    ) -> None:
        super().__init__(
            tr("Edit {singular}").format(singular=tr(entity.singular)), document, entity
        )
        self.record_id, self.old, self.new = record_id, old, new
        self.read_version: int | None = getattr(old, "version", None)
        self._first = True

    def _save(self, details: Any, base: Any, undoing: bool) -> None:
        table = self.entity.table
        expected = (
            self.read_version
            if self._first
            else self.document.expected_version(table, self.record_id, self.read_version)
        )
        at = replace(details, version=expected)
        try:
            with self.document.gathering(Action.UNDO if undoing else None) as gathered:
                before = len(gathered)
                self.entity.save(self.programme, at, self.record_id)
                changed = len(gathered) > before
        except ChangedMeanwhile as refusal:
            self.setObsolete(True)  # nothing was written
            if refusal.deleted:
                self.document.failed.emit(str(refusal))
            else:
                conflict = Conflict(self.entity, self.record_id, details, base, refusal)
                self.document.conflict.emit(conflict)
            return
        except BoosterError as error:
            self.setObsolete(True)
            self.document.failed.emit(str(error))
            return
        if not changed:
            # Every value equal to what is stored: nothing was written, the version stands,
            # and there is nothing to undo.
            self.setObsolete(True)
            return
        self._first = False
        self.document.saved_version(table, self.record_id, expected)
        self._reveal([self.record_id])

    def redo(self) -> None:
        self._save(self.new, self.old, False)

    def undo(self) -> None:
        self._save(self.old, self.new, True)


class DeleteRecords(_RecordCommand):
    """Delete records and what depends on them; undo restores all of it, ids included.

    The delete says which version of each record the user saw (`versions`, by id; a redo,
    those it deleted before): a record someone else changed since is not deleted, and the
    window shows it as it is now."""

    def __init__(
        self,
        record_ids: Collection[int],
        document: ProgrammeDocument,
        entity: Entity[Any, Any],
        versions: dict[int, int] | None = None,
    ) -> None:
        count = len(record_ids)
        noun = tr(entity.singular) if count == 1 else count_of(entity, count)
        super().__init__(tr("Delete {noun}").format(noun=noun), document, entity)
        self.record_ids = list(record_ids)
        self.versions = versions
        self.snapshot: Snapshot | None = None

    def redo(self) -> None:
        def act() -> None:
            table = self.entity.table
            if self.snapshot is not None:  # a redo: the records as the undo put them back
                self.versions = read_versions(self.snapshot, table)
            self.snapshot = delete_records(self.programme, table, self.record_ids, self.versions)

        self._attempt(act)

    def undo(self) -> None:
        def act() -> None:
            assert self.snapshot is not None
            restore(self.programme, self.snapshot)

        if self._attempt(act, undoing=True):
            self._reveal(self.record_ids)


class ImportedManagers(_DocumentCommand):
    """An import already made by the wizard; undo deletes what it wrote (managers, the
    topics and organisations it created), redo puts the very same rows back.

    The undo is one transaction that expects each record at the version the import wrote
    (or this window's own later save of it, undone or not, wrote): when someone else changed
    or deleted one since, nothing is undone and the window says which record; so it is when
    rows the import did not write hang on what it added (check-ins, enrolments made since),
    rather than deleting them with it."""

    _TABLES = ("manager", "topic", "organisation")

    def __init__(self, report: Any, document: ProgrammeDocument) -> None:
        super().__init__(
            tr("Import {count} managers").format(count=len(report.manager_ids)), document
        )
        self.report = report
        self._snapshots: list[Snapshot] | None = None
        self._done = True  # pushing runs redo(): the rows are already in the file

    def redo(self) -> None:
        if self._done:
            return

        def act() -> None:
            for snapshot in reversed(self._snapshots or []):
                restore(self.programme, snapshot)

        if self._attempt(act):
            self._done = True

    def _versions(self, table: str, ids: list[int]) -> dict[int, int]:
        if self._snapshots is not None:  # after a redo: the records as it put them back
            index = self._TABLES.index(table)
            return read_versions(self._snapshots[index], table)
        # Written by the import at version 1.
        return {record: self.document.expected_version(table, record, 1) or 1 for record in ids}

    def undo(self) -> None:
        def act() -> None:
            parts = [
                (table, ids, self._versions(table, ids))
                for table, ids in zip(
                    self._TABLES,
                    (
                        list(self.report.manager_ids),
                        list(self.report.created_topic_ids),
                        list(self.report.created_organisation_ids),
                    ),
                    strict=True,
                )
            ]
            self._snapshots = delete_together(self.programme, parts, undoing_import=True)

        if self._attempt(act, undoing=True):
            self._done = False


class Toggle(_DocumentCommand):
    """A yes/no setting (a priority topic, a tour's focus topic): redo sets it, undo sets it
    back.

    When it is a field of a versioned `record` (table, id), `apply` returns the version it
    wrote, which the document keeps: a later undo or redo of an edit of that record starts
    from it (rather than being refused as someone else's change)."""

    def __init__(
        self,
        text: str,
        apply: Callable[[bool], object],
        value: bool,
        document: ProgrammeDocument,
        record: tuple[str, int] | None = None,
    ) -> None:
        super().__init__(text, document)
        self._apply, self._value, self._record = apply, value, record

    def _set(self, value: bool, undoing: bool) -> None:
        def act() -> None:
            written = self._apply(value)
            if self._record is not None and isinstance(written, int):
                self.document.wrote({self._record: written})

        self._attempt(act, undoing=undoing)

    def redo(self) -> None:
        self._set(self._value, undoing=False)

    def undo(self) -> None:
        self._set(not self._value, undoing=True)


class ApplyAllocation(_DocumentCommand):
    """An allocation stored as proposed enrolments (after a backup); undo puts back every
    enrolment as it was, redo stores the very same allocation again.

    The first store runs on the pool (on a server it may wait for another coordinator's
    apply): the window pushes this command with what it `applied`, and the push stores
    nothing again."""

    def __init__(
        self,
        allocation: Any,
        document: ProgrammeDocument,
        basis: str = "",
        applied: AppliedAllocation | None = None,
    ) -> None:
        super().__init__(tr("Apply the allocation"), document)
        self.allocation, self.basis = allocation, basis
        self.backup: Path | None = applied.backup if applied is not None else None
        self._replaced: EnrolmentRows | None = applied.replaced if applied is not None else None
        self._stored = applied is not None

    def redo(self) -> None:
        if self._stored:  # stored on the pool already: this is the push
            self._stored = False
            return

        def act() -> None:
            if self._replaced is None:
                applied = apply_allocation_undoably(self.programme, self.allocation, self.basis)
                self.backup, self._replaced = applied.backup, applied.replaced
            else:
                self._replaced = restore_enrolments(self.programme, self._replaced)

        self._attempt(act)

    def undo(self) -> None:
        def act() -> None:
            assert self._replaced is not None
            self._replaced = restore_enrolments(self.programme, self._replaced)

        self._attempt(act, undoing=True)
