"""Long work off the UI thread (QThreadPool), results and errors back through signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from booster_desktop.domain.errors import BoosterError, Cancelled

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """Runs `work()` on a pool thread; `done(result)` or `failed(message)` on the UI thread."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self._work()
        except BoosterError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # a bug: keep the window alive, log the traceback
            log.exception("background work failed")
            self.signals.failed.emit(f"unexpected error ({type(error).__name__}: {error})")
        else:
            self.signals.done.emit(result)


def start(
    work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[str], None]
) -> Task:
    task = Task(work)
    task.signals.done.connect(done)
    task.signals.failed.connect(failed)
    QThreadPool.globalInstance().start(task)
    return task


class CancellableProgress(QObject):
    """A service's progress callback for work on the pool: reports arrive on the UI thread as
    `advanced`; `cancel()` makes the next report raise Cancelled (the work rolls back)."""

    advanced = Signal(int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def __call__(self, done: int, total: int, what: str) -> None:
        if self.cancelled:
            raise Cancelled()
        self.advanced.emit(done, total, what)
