"""The window's ear on a programme on a server: a thread listening for the changes other
coordinators commit and asking who else is connected, told to the document as Qt signals
(queued to the UI thread)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal

from booster_desktop.services.changes import Change
from booster_desktop.services.live import ChangeFeed, FeedEvents, Present

log = logging.getLogger(__name__)

# How long closing a programme waits for its listener before leaving it to end on its own.
STOP_WAIT_MS = 2000
# Threads left to end on their own: kept (Python owns them, and a QThread deleted while it
# runs aborts the process) until a later stop finds them ended.
_finishing: set[FeedThread] = set()


class FeedThread(QThread):
    """Runs a `ChangeFeed` until `stop()`; its signals reach receivers on their own thread."""

    heard = Signal(object)  # a Change committed by someone else
    missed = Signal()  # reconnected after a drop: reload everything
    present = Signal(object)  # list[Present], when it changed

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed = feed

    def run(self) -> None:
        try:
            self.feed.run(FeedEvents(self._heard, self.missed.emit, self._present))
        except Exception:  # a bug: the window keeps working without live changes
            log.exception("listening to the server failed")

    def _heard(self, change: Change) -> None:
        self.heard.emit(change)

    def _present(self, people: list[Present]) -> None:
        self.present.emit(people)

    def stop(self) -> None:
        """Stop listening: the thread ends within a fraction of a second, or, while it is
        still trying to reach a server out of reach, when that attempt gives up (the window
        does not wait for it)."""
        self.feed.stop()
        for thread in list(_finishing):  # those left before and ended since
            if thread.wait(0):
                _finishing.discard(thread)
        if not self.wait(STOP_WAIT_MS):
            _finishing.add(self)
