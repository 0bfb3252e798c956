"""Every change the user makes is an undoable command that calls a service, which commits.

Undo restores, it does not re-create: undoing a delete (or an add) puts back the same
records with the same ids, badge tokens, enrolments and check-ins (services.records).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtGui import QUndoCommand

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.programme import ProgrammeFile
from booster_desktop.services.records import Snapshot, delete_records, restore
from booster_desktop.ui.entities import Entity

# Told after every change: which entity, the ids to reload, the ids that are gone.
Changed = Callable[[Entity[Any, Any], Collection[int], Collection[int]], None]
# Told when a change could not be made (the file could not be written...).
Failed = Callable[[str], None]


class _RecordCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        programme: ProgrammeFile,
        entity: Entity[Any, Any],
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(text)
        self.programme = programme
        self.entity = entity
        self._changed = changed
        self._failed = failed

    def _attempt(self, action: Callable[[], None]) -> None:
        try:
            action()
        except BoosterError as error:
            # Nothing was written (each service call is one transaction): drop the command.
            self.setObsolete(True)
            self._failed(str(error))


class AddRecord(_RecordCommand):
    """Add a record; undo deletes it (kept aside), redo puts the very same record back."""

    def __init__(self, details: Any, *args: Any) -> None:
        super().__init__(f"Add {args[1].singular}", *args)
        self.details = details
        self.record_id: int | None = None
        self._snapshot: Snapshot | None = None

    def redo(self) -> None:
        def act() -> None:
            if self._snapshot is None:
                self.record_id = self.entity.save(self.programme, self.details, None)
            else:
                restore(self.programme, self._snapshot)
            assert self.record_id is not None
            self._changed(self.entity, [self.record_id], [])

        self._attempt(act)

    def undo(self) -> None:
        def act() -> None:
            assert self.record_id is not None
            self._snapshot = delete_records(self.programme, self.entity.table, [self.record_id])
            self._changed(self.entity, [], [self.record_id])

        self._attempt(act)


class EditRecord(_RecordCommand):
    """Save new details over old ones; undo saves the old ones back."""

    def __init__(self, record_id: int, old: Any, new: Any, *args: Any) -> None:
        super().__init__(f"Edit {args[1].singular}", *args)
        self.record_id, self.old, self.new = record_id, old, new

    def _save(self, details: Any) -> None:
        def act() -> None:
            self.entity.save(self.programme, details, self.record_id)
            self._changed(self.entity, [self.record_id], [])

        self._attempt(act)

    def redo(self) -> None:
        self._save(self.new)

    def undo(self) -> None:
        self._save(self.old)


class DeleteRecords(_RecordCommand):
    """Delete records and what depends on them; undo restores all of it, ids included."""

    def __init__(self, record_ids: Collection[int], *args: Any) -> None:
        count = len(record_ids)
        entity = args[1]
        noun = entity.singular if count == 1 else f"{count} {entity.title.lower()}"
        super().__init__(f"Delete {noun}", *args)
        self.record_ids = list(record_ids)
        self.snapshot: Snapshot | None = None

    def redo(self) -> None:
        def act() -> None:
            self.snapshot = delete_records(self.programme, self.entity.table, self.record_ids)
            self._changed(self.entity, [], self.record_ids)

        self._attempt(act)

    def undo(self) -> None:
        def act() -> None:
            assert self.snapshot is not None
            restore(self.programme, self.snapshot)
            self._changed(self.entity, self.record_ids, [])

        self._attempt(act)


class ImportedManagers(QUndoCommand):
    """An import already made by the wizard; undo deletes what it wrote (managers, the
    topics and organisations it created), redo puts the very same rows back."""

    def __init__(
        self, programme: ProgrammeFile, report: Any, changed: Callable[[], None], failed: Failed
    ) -> None:
        super().__init__(f"Import {len(report.manager_ids)} managers")
        self.programme = programme
        self.report = report
        self._changed = changed
        self._failed = failed
        self._snapshots: list[Snapshot] | None = None
        self._done = True  # pushing runs redo(): the rows are already in the file

    def redo(self) -> None:
        if self._done:
            return
        try:
            for snapshot in reversed(self._snapshots or []):
                restore(self.programme, snapshot)
        except BoosterError as error:
            self.setObsolete(True)
            self._failed(str(error))
            return
        self._done = True
        self._changed()

    def undo(self) -> None:
        try:
            self._snapshots = [
                delete_records(self.programme, "manager", self.report.manager_ids),
                delete_records(self.programme, "topic", self.report.created_topic_ids),
                delete_records(
                    self.programme, "organisation", self.report.created_organisation_ids
                ),
            ]
        except BoosterError as error:
            self.setObsolete(True)
            self._failed(str(error))
            return
        self._done = False
        self._changed()


class Toggle(QUndoCommand):
    """A yes/no setting (a priority topic, a tour's focus topic): redo sets it, undo sets it
    back."""

    def __init__(
        self,
        text: str,
        apply: Callable[[bool], None],
        value: bool,
        changed: Callable[[], None],
        failed: Failed,
    ) -> None:
        super().__init__(text)
        self._apply, self._value = apply, value
        self._changed, self._failed = changed, failed

    def _set(self, value: bool) -> None:
        try:
            self._apply(value)
        except BoosterError as error:
            self.setObsolete(True)
            self._failed(str(error))
            return
        self._changed()

    def redo(self) -> None:
        self._set(self._value)

    def undo(self) -> None:
        self._set(not self._value)
