"""The open programme's one owner: the file, the undo stack, work off the UI thread, and the
`changed` signal every screen listens to.

Screens never tell each other what changed. Every write goes through the file's write gate,
which reports a change record (tables, rows, columns, action); the document turns it into
`changed` on the UI thread, wherever the write was made (an edit, an undo, an import on the
pool, later a merge), and each screen decides for itself whether it shows what changed.

On a programme on a server, what other coordinators commit arrives the same way: a thread
listens to the server (ui/live.py) and the document emits their change as `changed`, exactly
as a local one; after the connection dropped and came back, a change naming every table
makes every screen reload. `present_changed` says who else is connected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from booster_desktop.domain.errors import BoosterError, Cancelled
from booster_desktop.services.changes import Action, Change, Written, acting_as
from booster_desktop.services.live import ChangeFeed, Present, everything, feed_for
from booster_desktop.services.programme import ProgrammeFile, server_lost
from booster_desktop.services.progress import Progress
from booster_desktop.ui.live import FeedThread
from booster_desktop.ui.translation import tr

log = logging.getLogger(__name__)

Advance = Callable[[int, int, str], None]


class Job(QObject):
    """One piece of work on the pool. `done(result)` or `failed(message)` (a cancelled job
    fails with "cancelled"), then `finished`, all on the UI thread; `advanced(done, total,
    what)` as the work reports progress. The job is the work's progress callback: after
    `cancel()` its next report raises Cancelled, and the service rolls back."""

    done = Signal(object)
    failed = Signal(str)
    advanced = Signal(int, int, str)
    finished = Signal()
    # What the pool thread emits. Connected here, before the work starts, so the outcome is
    # queued to the UI thread even when the work ends before the caller has connected to
    # `done` (a signal emitted with nobody connected yet would be lost).
    _succeeded = Signal(object)
    _refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancelled = False
        self.running = True
        self._succeeded.connect(self._tell_done)
        self._refused.connect(self._tell_failed)

    def _tell_done(self, result: object) -> None:
        self.done.emit(result)
        self.finished.emit()

    def _tell_failed(self, message: str) -> None:
        self.failed.emit(message)
        self.finished.emit()

    def cancel(self) -> None:
        self.cancelled = True

    def __call__(self, done: int, total: int, what: str) -> None:
        if self.cancelled:
            raise Cancelled()
        self.advanced.emit(done, total, what)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], job: Job) -> None:
        super().__init__()
        self._work, self._job = work, job

    def run(self) -> None:
        job = self._job
        try:
            result = self._work(job)
        except BoosterError as error:
            job._refused.emit(str(error))
        except Exception as error:  # a bug: keep the window alive, log the traceback
            log.exception("background work failed")
            job._refused.emit(f"unexpected error ({type(error).__name__}: {error})")
        else:
            job._succeeded.emit(result)


class ProgrammeDocument(QObject):
    """The programme open in the window (or none), and everything that changes it."""

    changed = Signal(object)  # a Change, on the UI thread, after the write was committed
    opened = Signal()  # a programme was opened (screens reload)
    closed = Signal()
    failed = Signal(str)  # a change the user asked for was not made (the message says why)
    # A save refused because someone else changed the record meanwhile (a Conflict, from
    # ui.conflict_dialog): the window asks what to keep.
    conflict = Signal(object)
    # Records the user's own action just wrote or brought back: the table, their ids.
    reveal = Signal(str, object)
    busy_changed = Signal(bool)
    _arrived = Signal(object, object)  # (programme, change), from whichever thread wrote
    # Who else has the programme open (a list of `Present`; empty on a file).
    present_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.programme: ProgrammeFile | None = None
        self.undo_stack = QUndoStack(self)
        # Each running job and its runnable, kept here until the job has finished: the pool
        # must never run a runnable whose Python side was collected.
        self._jobs: dict[Job, _Runnable] = {}
        self._stop_listening: Callable[[], None] | None = None
        self._gathered: list[Change] | None = None
        self._arrived.connect(self._deliver)
        app = QCoreApplication.instance()
        if app is not None:  # quitting without closing the window still says goodbye
            app.aboutToQuit.connect(self._stop_feed)
        self._feed: FeedThread | None = None
        self._elsewhere: Change | None = None
        self.present: list[Present] = []
        # The version this window's own last save of a record wrote, by (table, id): what an
        # undo or a redo of any command on that record starts from (several commands on one
        # record follow each other on the stack).
        self.written_versions: dict[tuple[str, int], int] = {}

    # -- the file -------------------------------------------------------------------------------

    @property
    def writable(self) -> bool:
        return self.programme is not None and self.programme.writable

    def open(self, programme: ProgrammeFile) -> None:
        """Own `programme` from now on (the one open before is closed)."""
        self.close()
        self.programme = programme
        self._stop_listening = programme.listen(
            lambda change: self._arrived.emit(programme, change)
        )
        self._start_feed(programme)
        self.opened.emit()

    def close(self) -> None:
        if self.programme is None:
            return
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None
        self._stop_feed()
        self.programme.close()
        self.programme = None
        self.undo_stack.clear()
        self.written_versions.clear()
        self.closed.emit()

    # -- the others' changes (a programme on a server) --------------------------------------------

    def _start_feed(self, programme: ProgrammeFile) -> None:
        feed = feed_for(programme)
        if feed is None:
            return
        thread = FeedThread(feed, self)
        thread.heard.connect(self._heard)
        thread.missed.connect(self._missed)
        thread.present.connect(self._present)
        self._feed = thread
        thread.start()

    def _stop_feed(self) -> None:
        thread, self._feed = self._feed, None
        if thread is not None:
            thread.stop()  # ended, or ending on its own (a server out of reach)
        if self.present:
            self.present = []
            self.present_changed.emit([])

    @property
    def feed(self) -> ChangeFeed | None:
        """What listens to the server for the open programme (None on a file)."""
        return self._feed.feed if self._feed is not None else None

    def _from_feed(self) -> bool:
        # Queued signals of a feed stopped since (the programme closed) are dropped.
        return self._feed is not None and self.sender() is self._feed

    def _heard(self, change: Change) -> None:
        if self._from_feed():
            self.deliver_from_elsewhere(change)

    def _missed(self) -> None:
        if self._from_feed():
            self.deliver_from_elsewhere(everything())

    def deliver_from_elsewhere(self, change: Change) -> None:
        """Emit `changed` for a change someone else committed (screens refresh alike;
        `from_elsewhere` tells the few that speak of what the user just did)."""
        if self.programme is None:
            return
        self._elsewhere = change
        try:
            self._deliver(self.programme, change)
        finally:
            self._elsewhere = None

    def from_elsewhere(self, change: Change) -> bool:
        """Whether `change`, being emitted, was committed by someone else."""
        return change is self._elsewhere

    def follow(self, change: Change, refresh: Callable[[], object]) -> bool:
        """Run a view's `refresh` after `change`. After someone else's change the link may
        have dropped since it was heard: the refresh is then skipped (False), not a
        traceback; the feed, reconnecting, reloads everything. After this window's own
        write it runs as it always did."""
        return self._follow(self.from_elsewhere(change), refresh)

    def follow_later(self, change: Change, refresh: Callable[[], object], view: QObject) -> None:
        """`follow`, once the event that delivered `change` is over (a view that must not
        rebuild inside its own handler); not at all if `view` is gone by then."""
        elsewhere = self.from_elsewhere(change)
        QTimer.singleShot(0, view, lambda: self._follow(elsewhere, refresh))

    def _follow(self, elsewhere: bool, refresh: Callable[[], object]) -> bool:
        if not elsewhere:
            refresh()
            return True
        try:
            refresh()
        except Exception as error:
            from booster_desktop.services.door_journal import server_unreachable

            if not server_unreachable(error):
                raise
            return False
        return True

    def _present(self, people: list[Present]) -> None:
        if self._from_feed():
            self.present = list(people)
            self.present_changed.emit(self.present)

    # -- changes --------------------------------------------------------------------------------

    def _deliver(self, programme: ProgrammeFile, change: Change) -> None:
        if programme is not self.programme:
            return  # a write to a file closed since (its change was on its way)
        if self._gathered is not None:
            self._gathered.append(change)
        else:
            self.changed.emit(change)

    @contextmanager
    def gathering(self, action: Action | None = None) -> Iterator[list[Change]]:
        """The writes of the block reach the screens as one change (an undo of several
        deletes is one refresh), recorded as `action` when given (an undo). Yields the
        changes gathered so far (none after the block: it changed nothing)."""
        if self._gathered is not None:  # already gathering: the outer block emits
            with acting_as(action) if action is not None else nullcontext():
                yield self._gathered
            return
        gathered: list[Change] = []
        self._gathered = gathered
        try:
            with acting_as(action) if action is not None else nullcontext():
                yield gathered
        finally:
            self._gathered = None
            if gathered:
                merged = gathered[0]
                for change in gathered[1:]:
                    merged = merged.merged(change)
                self.changed.emit(merged)

    def expected_version(self, table: str, record_id: int, read: int | None) -> int | None:
        """The version a save of a record starts from: the one this window's own last save
        wrote, else the one its details were `read` at."""
        return self.written_versions.get((table, record_id), read)

    def saved_version(self, table: str, record_id: int, expected: int | None) -> None:
        """A save that started from `expected` went through: it wrote the next version."""
        if expected is not None:
            self.written_versions[(table, record_id)] = expected + 1

    def wrote(self, versions: Mapping[tuple[str, int], int]) -> None:
        """A write went through whatever the versions: each record's version it wrote, by
        (table, id)."""
        self.written_versions.update(versions)

    def reread(self, table: str, record_id: int) -> None:
        """Tell the screens to read a record again (changed elsewhere, unannounced)."""
        change = Change(
            Action.EDIT, {table: Written(frozenset({record_id}))}, "", datetime.now(UTC)
        )
        self.changed.emit(change)

    def undo_actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Undo and Redo on this document's stack, for a window's menu or toolbar (each
        window its own pair: a shortcut is heard in the window that has the focus).

        Redo answers Ctrl+Shift+Z and Ctrl+Y alike, each bound once: the platform's Redo key
        is one of them on Linux and Windows, and the same key twice on one action is an
        "ambiguous shortcut" that does nothing."""
        undo = self.undo_stack.createUndoAction(parent, tr("&Undo"))
        undo.setObjectName("undo")
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = self.undo_stack.createRedoAction(parent, tr("&Redo"))
        redo.setObjectName("redo")
        keys: list[QKeySequence] = []
        for key in (
            *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
            QKeySequence("Ctrl+Shift+Z"),
            QKeySequence("Ctrl+Y"),
        ):
            if not key.isEmpty() and key not in keys:
                keys.append(key)
        redo.setShortcuts(keys)
        return undo, redo

    def push(self, command: QUndoCommand) -> None:
        """Do a user's change as an undoable command."""
        self.undo_stack.push(command)

    # -- work off the UI thread ---------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def run(
        self,
        job: Callable[[Progress], Any],
        progress: Advance | None = None,
        cancel: SignalInstance | None = None,
    ) -> Job:
        """Run `job(progress)` on the pool; the window stays responsive meanwhile.

        `progress(done, total, what)` is told on the UI thread as the job reports; `cancel`
        (a signal, such as a Stop button's `clicked`) makes its next report raise Cancelled.
        Connect to the returned job's `done` and `failed` for the outcome. A write the job
        makes reaches the screens through `changed`, before `done`.
        """
        handle = Job(self)
        if progress is not None:
            handle.advanced.connect(progress)
        if cancel is not None:
            cancel.connect(handle.cancel)
        handle.finished.connect(lambda: self._forget(handle))
        runnable = _Runnable(self._said_in_one_line(job), handle)
        runnable.setAutoDelete(False)
        self._jobs[handle] = runnable
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        QThreadPool.globalInstance().start(runnable)
        return handle

    def _said_in_one_line(self, job: Callable[[Progress], Any]) -> Callable[[Progress], Any]:
        """`job`, its server going out of reach mid-way (the link dropped as a history was
        read after someone else's change) refused in one line, as when it cannot be reached
        at all, instead of the driver's lines as an "unexpected error"."""
        location = self.programme.path if self.programme is not None else None

        def guarded(progress: Progress) -> Any:
            try:
                return job(progress)
            except BoosterError:
                raise
            except Exception as error:
                lost = server_lost(location, error)
                if lost is None:
                    raise
                raise lost from error

        return guarded

    def _forget(self, job: Job) -> None:
        job.running = False
        self._jobs.pop(job, None)
        job.deleteLater()  # its outcome was told (queued signals keep their order)
        if not self._jobs:
            self.busy_changed.emit(False)
