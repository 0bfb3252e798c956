"""The offline journal's own rules, on a journal file alone (no server needed): what stands
at a door, and the notes of what a door sent straight to the server."""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from booster_desktop.domain.errors import BoosterError
from booster_desktop.store.door_file import JournalScan, OfflineJournal

COPY_AT = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
AT = COPY_AT


def _checkin(manager: int, at: datetime, device: str = "door-a") -> JournalScan:
    return JournalScan(str(uuid.uuid4()), False, 1, manager, at, device, False)


def test_a_check_in_sent_since_the_copy_still_stands(tmp_path: Path) -> None:
    """Two doors on one laptop, offline: A's sender sent the whole journal, B still decided
    on its older copy and wrote a second check-in of the same person (welcome twice)."""
    journal = OfflineJournal(tmp_path / "offline-journal.sqlite", "p")
    first = _checkin(7, COPY_AT + timedelta(minutes=1))
    assert journal.add_checkin(first, since=COPY_AT) == []
    second = _checkin(7, COPY_AT + timedelta(minutes=2), "door-b")
    assert journal.add_checkin(second, since=COPY_AT) == [(first.checkin_id, first.recorded_at)]
    seq = journal.waiting()[0].seq
    journal.mark_sent([seq], COPY_AT + timedelta(minutes=3))
    # Sent after B's copy was kept: the copy cannot know it, the journal does.
    assert journal.add_checkin(second, since=COPY_AT) == [(first.checkin_id, first.recorded_at)]
    assert journal.count_waiting() == 0
    # A copy kept after the send holds it (or knows it was undone on the server): its call.
    later = COPY_AT + timedelta(minutes=4)
    assert journal.add_checkin(second, since=later) == []
    assert [s.checkin_id for s in journal.waiting()] == [second.checkin_id]


def test_a_line_set_aside_does_not_stand(tmp_path: Path) -> None:
    journal = OfflineJournal(tmp_path / "offline-journal.sqlite", "p")
    gone = _checkin(8, COPY_AT + timedelta(minutes=1))
    assert journal.add_checkin(gone, since=COPY_AT) == []
    seq = journal.waiting()[0].seq
    journal.mark_sent([seq], COPY_AT + timedelta(minutes=2), set_aside=[seq])
    again = _checkin(8, COPY_AT + timedelta(minutes=3))
    assert journal.add_checkin(again, since=COPY_AT) == []


def test_sent_since_reads_the_lines_sent_since_without_those_set_aside(tmp_path: Path) -> None:
    journal = OfflineJournal(tmp_path / "offline-journal.sqlite", "p")
    scans = [_checkin(m, COPY_AT + timedelta(minutes=m)) for m in (1, 2, 3, 4)]
    for scan in scans:
        journal.add(scan)
    seqs = [s.seq for s in journal.waiting()]
    journal.mark_sent(seqs[:1], COPY_AT - timedelta(minutes=1))  # before the copy
    journal.mark_sent(seqs[1:3], COPY_AT, set_aside=seqs[2:3])  # the same second: counted
    journal.mark_sent(seqs[3:], COPY_AT + timedelta(hours=1))
    since = journal.sent_since(COPY_AT + timedelta(microseconds=500))
    assert [s.checkin_id for s in since] == [scans[1].checkin_id, scans[3].checkin_id]
    assert journal.sent_since(COPY_AT + timedelta(hours=2)) == []


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
