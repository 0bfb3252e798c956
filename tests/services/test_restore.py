"""Restoring a kept backup or an encrypted copy: the current state is backed up first, the
backup's counts come back exactly, and bad input changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.backups import (
    backup_before,
    find_backup,
    list_backups,
    restore_backup,
)
from booster_desktop.services.encrypted_copies import (
    decrypt_copy,
    encrypt_copy,
    is_encrypted_copy,
)
from booster_desktop.services.overview import programme_counts
from booster_desktop.services.programme import open_programme

# The file's own nature: restoring a programme file from a backup.
pytestmark = pytest.mark.sqlite_only

PASSPHRASE = "correct horse battery"


def _damage(path: Path) -> None:
    """Every page but the first goes bad (the header stays sound): whatever pages the
    tables happen to use, SQLite's check fails."""
    size = path.stat().st_size
    with path.open("r+b") as stream:
        stream.seek(4096)
        stream.write(b"\xff" * (size - 4096))


def _uuid(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("SELECT uuid FROM programme").fetchone()[0])


def _counts(path: Path) -> dict[str, object]:
    with open_programme(path) as programme:
        counts = programme_counts(programme)
    return {k: counts[k] for k in ("managers", "tours", "enrolments", "checkins", "title")}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _change(path: Path) -> None:
    """A change after the backup: a tour and its enrolments go, the title changes."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM tour WHERE id = 1")
        connection.execute("UPDATE programme SET title = 'Changed since'")
    sqlite3.connect(path).close()


def test_a_restore_gives_back_the_backup_and_keeps_the_state_it_replaced(
    demo_file: Path,
) -> None:
    uuid = _uuid(demo_file)
    before = _counts(demo_file)
    with open_programme(demo_file) as programme:
        backup = backup_before(programme, "import")
    assert backup is not None
    _change(demo_file)
    changed = _counts(demo_file)
    assert changed != before

    restored = restore_backup(demo_file, find_backup(demo_file, backup.name))
    assert _counts(demo_file) == before
    assert dict(restored.counts) == {k: before[k] for k in restored.counts}
    # The state it replaced was backed up first, and restores in turn.
    assert restored.replaced.why == "restore"
    assert restored.replaced.counts["tours"] == changed["tours"]
    assert [b.why for b in list_backups(uuid)] == ["restore", "import"]
    restore_backup(demo_file, restored.replaced.path)
    assert _counts(demo_file) == changed


def test_bad_backups_are_refused_and_nothing_changes(demo_file: Path, tmp_path: Path) -> None:
    with open_programme(demo_file) as programme:
        backup = backup_before(programme, "import")
    assert backup is not None
    digest = _digest(demo_file)
    text = tmp_path / "notes.booster"
    text.write_text("not a programme", "utf-8")
    other = tmp_path / "other.booster"
    from booster_desktop.services.programme import new_programme

    new_programme(other, title="Another programme")
    damaged = tmp_path / "damaged.booster"
    damaged.write_bytes(backup.path.read_bytes())
    _damage(damaged)
    cases = {
        text: "cannot be restored: is not a Booster programme file",
        other: "is a backup of another programme (Another programme)",
        damaged: "cannot be restored: is damaged",
        demo_file: "is the programme itself",
        tmp_path / "missing.booster": "no such backup",
    }
    for bad, message in cases.items():
        with pytest.raises(BoosterError, match=message.replace("(", r"\(").replace(")", r"\)")):
            restore_backup(demo_file, bad)
        assert _digest(demo_file) == digest
    with pytest.raises(BoosterError, match="no such backup of"):
        find_backup(demo_file, "nothing by that name.booster")
    # Nothing restored, nothing backed up for it.
    assert [b.why for b in list_backups(_uuid(demo_file))] == ["import"]


def test_a_restore_is_refused_while_another_process_holds_the_programme(
    demo_file: Path,
) -> None:
    with open_programme(demo_file) as programme:
        backup = backup_before(programme, "import")
    assert backup is not None
    _change(demo_file)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from booster_desktop.services.programme import open_programme\n"
            f"p = open_programme({str(demo_file)!r}, writable=True)\n"
            "print('holding', flush=True)\n"
            "sys.stdin.readline()\n"
            "p.close()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        # Taken once the holder has opened it: its backup on opening may checkpoint the file.
        digest = _digest(demo_file)
        with pytest.raises(BoosterError, match=r"is in use by Booster Desktop \(process"):
            restore_backup(demo_file, backup.path)
        assert _digest(demo_file) == digest
        assert "restore" not in [b.why for b in list_backups(_uuid(demo_file))]
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)


def test_an_encrypted_copy_round_trip(demo_file: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = stick / "programme.booster.age"
    encrypt_copy(demo_file, copy, PASSPHRASE)
    assert is_encrypted_copy(copy)
    raw = copy.read_bytes()
    assert raw.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert b"SQLite format 3" not in raw
    # Not readable as SQLite.
    connection = sqlite3.connect(copy)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        connection.execute("SELECT count(*) FROM manager")
    connection.close()
    # Opened as a programme: refused with a clear line, the copy untouched.
    with pytest.raises(BoosterError, match="not an SQLite database"):
        open_programme(copy)
    assert copy.read_bytes() == raw

    # Never decrypted beside the copy.
    with pytest.raises(BoosterError, match="beside the encrypted copy"):
        decrypt_copy(copy, stick / "programme.booster", PASSPHRASE)
    with pytest.raises(BoosterError, match="the passphrase is wrong"):
        decrypt_copy(copy, tmp_path / "wrong.booster", "not the passphrase")
    assert not (tmp_path / "wrong.booster").exists()
    home = tmp_path / "laptop"
    home.mkdir()
    decrypt_copy(copy, home / "programme.booster", PASSPHRASE)
    assert _counts(home / "programme.booster") == _counts(demo_file)
    assert sorted(p.name for p in home.iterdir()) == ["programme.booster"]


def test_a_restore_from_an_encrypted_copy_asks_its_passphrase(
    demo_file: Path, tmp_path: Path
) -> None:
    before = _counts(demo_file)
    copy = tmp_path / "copy.booster.age"
    encrypt_copy(demo_file, copy, PASSPHRASE)
    _change(demo_file)
    digest = _digest(demo_file)
    with pytest.raises(BoosterError, match="its passphrase is needed"):
        restore_backup(demo_file, copy)
    with pytest.raises(BoosterError, match="the passphrase is wrong"):
        restore_backup(demo_file, copy, passphrase="wrong passphrase")
    assert _digest(demo_file) == digest
    restore_backup(demo_file, copy, passphrase=PASSPHRASE)
    assert _counts(demo_file) == before
    # No decrypted leftovers beside the programme.
    assert sorted(p.name for p in demo_file.parent.iterdir()) == [
        "copy.booster.age",
        "demo.booster",
    ]


def test_a_wrong_file_is_not_taken_for_an_encrypted_copy(demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "x.booster"
    target.parent.mkdir()
    with pytest.raises(BoosterError, match="is not an encrypted copy"):
        decrypt_copy(demo_file, target, PASSPHRASE)
    garbled = tmp_path / "garbled.age"
    garbled.write_bytes(b"age-encryption.org/v1\n-> scrypt nonsense\n")
    with pytest.raises(BoosterError, match="is damaged"):
        decrypt_copy(garbled, target, PASSPHRASE)
    assert not target.exists()
    with pytest.raises(BoosterError, match="too short"):
        encrypt_copy(demo_file, tmp_path / "short.age", "short")


def test_the_backups_of_a_programme_sqlite_cannot_read_are_listed_and_restored(
    demo_file: Path,
) -> None:
    """Every page but the header and the programme's own row goes bad: SQLite cannot even
    read the schema, so cannot say which programme the file is, but the row's bytes still name
    it, and that is when a restore is most wanted."""
    from booster_desktop.services.backups import backups_of
    from booster_desktop.store.kept_copies import read_identity

    with open_programme(demo_file, writable=True):
        pass  # the day's first backup
    (opened,) = list_backups(_uuid(demo_file))
    counts = _counts(demo_file)
    with sqlite3.connect(demo_file) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'programme'"
        ).fetchone()
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = demo_file.stat().st_size // size
    with demo_file.open("r+b") as stream:
        for page in range(2, pages + 1):
            if page != root:
                stream.seek((page - 1) * size)
                stream.write(b"\xff" * size)
    assert read_identity(demo_file) == (None, None)
    assert [b.path for b in backups_of(demo_file)] == [opened.path]
    assert find_backup(demo_file, opened.path.name) == opened.path
    restored = restore_backup(demo_file, opened.path)
    assert restored.replaced.damaged
    assert _counts(demo_file) == counts
