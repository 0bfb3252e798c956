"""The window's ear on a programme on a server: a thread listening for the changes other
coordinators commit and asking who else is connected, told to the document as Qt signals
(queued to the UI thread)."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from booster_desktop.services.changes import Change
from booster_desktop.services.live import ChangeFeed, FeedEvents, Present

log = logging.getLogger(__name__)

# How long closing a programme waits for its listener before leaving it to end on its own.
STOP_WAIT_SECONDS = 2.0


class FeedThread(QObject):
    """Runs a `ChangeFeed` on a daemon thread until `stop()`; its signals are emitted on that
    thread and reach receivers on their own (the UI thread: queued).

    A Python daemon thread rather than a QThread: one still trying to reach a server out of
    reach when the window closes or the application quits is left to end on its own, where
    a QThread destroyed while running would abort the process."""

    heard = Signal(object)  # a Change committed by someone else
    missed = Signal()  # reconnected after a drop: reload everything
    present = Signal(object)  # list[Present], when it changed

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self._thread = threading.Thread(target=self.run, name="booster-live", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def run(self) -> None:
        try:
            self.feed.run(FeedEvents(self._heard, self.missed.emit, self._present))
        except Exception:  # a bug: the window keeps working without live changes
            log.exception("listening to the server failed")

    def _heard(self, change: Change) -> None:
        self.heard.emit(change)

    def _present(self, people: list[Present]) -> None:
        self.present.emit(people)

    def isRunning(self) -> bool:  # noqa: N802 (as a QThread says it)
        return self._thread.is_alive()

    def stop(self) -> bool:
        """Stop listening: the thread ends within a fraction of a second, or, while it is
        still trying to reach a server out of reach, when that attempt gives up (not waited
        for). Whether it has ended."""
        self.feed.stop()
        if self._thread.ident is None:
            return True
        self._thread.join(STOP_WAIT_SECONDS)
        return not self._thread.is_alive()
