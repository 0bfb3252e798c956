"""The offline journal's notes of what a door sent straight to the server."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from booster_desktop.domain.errors import BoosterError
from booster_desktop.store.door_file import JournalScan, OfflineJournal

AT = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _scan(checkin_id: str, manager: int) -> JournalScan:
    return JournalScan(checkin_id, False, 7, manager, AT, "door-1", False)


def test_notes_kept_open_between_writes_are_read_back_in_order(tmp_path: Path) -> None:
    journal = OfflineJournal(tmp_path / "door" / "journal.sqlite", "uuid-1")
    notes = journal.notes()
    notes.write([(_scan("a", 1), AT), (_scan("b", 2), AT)])
    notes.write([(_scan("c", 3), AT + timedelta(seconds=1))])
    # Another connection (the door's own, a door started later) sees them all.
    sent = journal.sent_since(AT)
    assert [(s.checkin_id, s.manager_id) for s in sent] == [("a", 1), ("b", 2), ("c", 3)]
    assert journal.count_waiting() == 0  # notes of sent lines never wait
    notes.close()
    notes.close()  # twice is harmless


def test_a_failed_note_says_so_and_the_next_one_opens_the_journal_again(tmp_path: Path) -> None:
    folder = tmp_path / "door"
    journal = OfflineJournal(folder / "journal.sqlite", "uuid-1")
    notes = journal.notes()
    notes.write([(_scan("a", 1), AT)])
    notes.close()
    # The journal gone and a folder where its file was: the write fails in one line.
    shutil.rmtree(folder)
    (folder / "journal.sqlite").mkdir(parents=True)
    with pytest.raises(BoosterError, match="offline journal cannot be written"):
        notes.write([(_scan("b", 2), AT)])
    (folder / "journal.sqlite").rmdir()
    notes.write([(_scan("c", 3), AT)])
    assert [s.checkin_id for s in journal.sent_since(AT)] == ["c"]
