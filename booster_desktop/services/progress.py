"""How long work reports progress without knowing who listens: a terminal bar, a dialog, a test."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Called as work advances; may raise `Cancelled` to stop it (the work then rolls back)."""

    def __call__(self, done: int, total: int, what: str) -> None: ...


def no_progress(done: int, total: int, what: str) -> None:
    """The listener when nobody listens."""
