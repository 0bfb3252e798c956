"""Kept backups: made at each trigger, in the programme's folder in the user's data folder,
indexed with their counts and why, pruned to the setting, a damaged one kept apart."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.services import backups
from booster_desktop.services.backups import (
    KeptBackup,
    backup_before,
    delete_backup,
    list_backups,
    reindex_backup,
)
from booster_desktop.services.programme import backup_before_replacing, open_programme
from booster_desktop.services.settings import save_laptop_settings

# The file's own nature: backups kept of a programme file (a server's: pulled; pg_dump).
pytestmark = pytest.mark.sqlite_only


def _damage(path: Path) -> None:
    """The last pages go bad (the header and the programme's own row, in the first pages,
    stay sound): a new file has no free pages, so SQLite's check reads them and fails."""
    size = path.stat().st_size
    with path.open("r+b") as stream:
        stream.seek(size - 4 * 4096)
        stream.write(b"\xff" * 4 * 4096)


def _uuid(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("SELECT uuid FROM programme").fetchone()[0])


def _count(path: Path, table: str) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def _index(uuid: str) -> dict[str, object]:
    backups.settle()  # the checks of the backups just made
    document = json.loads((backups.folder_of(uuid) / backups.INDEX).read_text("utf-8"))
    assert isinstance(document, dict)
    return document


def _whys(uuid: str) -> list[str]:
    return [b.why for b in list_backups(uuid)]


def test_a_backup_is_named_after_the_programme_and_indexed_with_its_counts(
    demo_file: Path,
) -> None:
    uuid = _uuid(demo_file)
    with open_programme(demo_file) as programme:  # read-only: no backup on opening
        assert list_backups(uuid) == []
        made = backup_before(programme, "import")
    assert made is not None
    assert made.path.parent == backups.folder_of(uuid)
    # Named after the programme's title and the time it was made.
    stamp = made.made_at.strftime("%Y-%m-%d %H%M%S")
    assert (
        made.path.name == f"Cluster Booster inspiration and learning tours {stamp} import.booster"
    )
    assert made.path.name.endswith(" import.booster")
    # Checked and counted on the worker thread: listing waits for it.
    (listed,) = list_backups(uuid)
    assert listed.path == made.path and listed.why == "import" and not listed.damaged
    # The counts are those `booster info` gives, read back from the backup itself.
    assert dict(listed.counts) == {"managers": 24, "tours": 4, "enrolments": 48, "checkins": 0}
    assert _count(made.path, "manager") == 24
    (entry,) = _index(uuid)["backups"]  # type: ignore[misc]
    assert entry["file"] == made.path.name and entry["why"] == "import"
    assert entry["counts"]["managers"] == 24
    assert list_backups(uuid) == [replace(made, counts=listed.counts)]


def test_backups_are_pruned_to_the_setting_newest_kept(demo_file: Path) -> None:
    save_laptop_settings({"backup_count": 3})
    uuid = _uuid(demo_file)
    made: list[KeptBackup] = []
    with open_programme(demo_file) as programme:
        for _ in range(5):
            backup = backup_before(programme, "merge")
            assert backup is not None
            made.append(backup)
    listed = list_backups(uuid)
    assert [b.path for b in listed] == [b.path for b in reversed(made[-3:])]
    assert not made[0].path.exists() and not made[1].path.exists()
    assert len(_index(uuid)["backups"]) == 3  # type: ignore[arg-type]


def test_the_default_keeps_twenty() -> None:
    from booster_desktop.services.settings import BACKUP_COUNT

    assert BACKUP_COUNT.default == 20


def test_opening_for_writing_makes_one_backup_a_day(demo_file: Path) -> None:
    uuid = _uuid(demo_file)
    with open_programme(demo_file, writable=True):
        pass
    assert _whys(uuid) == ["open"]
    with open_programme(demo_file, writable=True):
        pass
    with open_programme(demo_file):
        pass
    assert _whys(uuid) == ["open"]  # the same day: no second one
    # Tomorrow (the index says the first was made yesterday): another one.
    index_path = backups.folder_of(uuid) / backups.INDEX
    document = json.loads(index_path.read_text("utf-8"))
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    document["backups"][0]["made_at"] = yesterday.isoformat(timespec="seconds")
    index_path.write_text(json.dumps(document), "utf-8")
    with open_programme(demo_file, writable=True):
        pass
    assert _whys(uuid) == ["open", "open"]


def test_an_upgrade_backs_up_into_the_folder_not_beside(demo_file: Path) -> None:
    from booster_desktop.store import migrate
    from booster_desktop.store.engine import make_engine
    from booster_desktop.store.schema_version import KNOWN_REVISIONS

    uuid = _uuid(demo_file)
    engine = make_engine(demo_file)
    migrate.upgrade_or_downgrade(engine, KNOWN_REVISIONS[-2])
    engine.dispose()
    with open_programme(demo_file, writable=True) as programme:
        assert programme.migrated_from == KNOWN_REVISIONS[-2]
        backup_path = programme.backup_path
    assert sorted(p.name for p in demo_file.parent.iterdir()) == ["demo.booster"]
    assert backup_path is not None and backup_path.parent == backups.folder_of(uuid)
    assert sorted(_whys(uuid)) == ["migration", "open"]
    (migration,) = [b for b in list_backups(uuid) if b.why == "migration"]
    assert migration.path == backup_path
    with sqlite3.connect(backup_path) as copy:  # the file as it was: the older schema
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            KNOWN_REVISIONS[-2],
        )
    assert migration.counts["managers"] == 24


def test_backups_earlier_versions_made_beside_the_programme_move_into_the_folder(
    demo_file: Path, tmp_path: Path
) -> None:
    uuid = _uuid(demo_file)
    earlier = [
        demo_file.with_name("demo (before allocation 2026-03-01 101500).booster"),
        demo_file.with_name("demo (before upgrade 2026-02-01 090000).booster"),
        demo_file.with_name("demo (before allocation 2026-03-02 101500) not applied.booster"),
    ]
    for path in earlier:
        shutil.copyfile(demo_file, path)
    # Not ours: another programme's name, and a file that is not a programme.
    other = demo_file.with_name("other (before allocation 2026-03-01 101500).booster")
    shutil.copyfile(demo_file, other)
    junk = demo_file.with_name("demo (before allocation 2026-03-03 101500).booster.txt")
    junk.write_text("not a programme", "utf-8")
    with open_programme(demo_file, writable=True):
        pass
    assert not any(p.exists() for p in earlier)
    assert other.exists() and junk.exists()
    listed = list_backups(uuid)
    assert [b.why for b in listed] == ["open", "allocation", "allocation", "migration"]
    assert listed[-1].made_at == datetime(2026, 2, 1, 9, 0).astimezone()
    assert all(b.counts["managers"] == 24 for b in listed)


def test_a_damaged_file_is_copied_apart_and_never_prunes_a_good_backup(
    demo_file: Path,
) -> None:
    save_laptop_settings({"backup_count": 2})
    uuid = _uuid(demo_file)
    with open_programme(demo_file) as programme:
        good = [backup_before(programme, "import") for _ in range(2)]
    # A page in the middle of the file goes bad (the header stays sound).
    _damage(demo_file)
    for _ in range(3):
        made = backup_before_replacing(demo_file, "demo")
        assert made is not None and made.name.endswith(" demo damaged.booster")
    listed = list_backups(uuid)
    good_paths = [b.path for b in listed if not b.damaged]
    assert sorted(good_paths) == sorted(b.path for b in good if b is not None)
    assert all(p.exists() for p in good_paths)
    damaged = [b for b in listed if b.damaged]
    assert len(damaged) == 2  # pruned among themselves
    # Copied byte for byte: the damage and all.
    assert damaged[0].path.read_bytes() == demo_file.read_bytes()


def test_a_programme_gone_bad_since_it_was_opened_is_kept_as_damaged(demo_file: Path) -> None:
    save_laptop_settings({"backup_count": 1})
    uuid = _uuid(demo_file)
    with open_programme(demo_file, writable=True) as programme:  # one good backup: "open"
        _damage(demo_file)
        programme.engine.dispose()  # what SQLite had cached of the file is read afresh
        made = backup_before(programme, "import")
    assert made is not None
    listed = list_backups(uuid)
    assert not made.path.exists() and listed[0].path.name.endswith(" import damaged.booster")
    assert [(b.why, b.damaged) for b in listed] == [
        ("import", True),
        ("open", False),
    ]


@pytest.mark.parametrize("lost", ["missing", "garbage"])
def test_a_lost_index_loses_no_backup(demo_file: Path, lost: str) -> None:
    uuid = _uuid(demo_file)
    with open_programme(demo_file) as programme:
        made = backup_before(programme, "allocation")
    assert made is not None
    backups.settle()  # indexed, then the index is lost
    index = backups.folder_of(uuid) / backups.INDEX
    if lost == "missing":
        index.unlink()
    else:
        index.write_text("{not json", "utf-8")
    (listed,) = list_backups(uuid)
    assert listed.path == made.path and listed.why == "allocation"
    assert listed.counts["managers"] == 24
    assert listed.made_at == made.made_at


def test_delete_and_reindex(demo_file: Path) -> None:
    uuid = _uuid(demo_file)
    with open_programme(demo_file) as programme:
        first = backup_before(programme, "erase")
        second = backup_before(programme, "erase")
    assert first is not None and second is not None
    list_backups(uuid)  # checked and counted: nothing else reads the copy now
    with sqlite3.connect(second.path) as copy:
        copy.execute("DELETE FROM checkin")
        copy.execute("DELETE FROM enrolment WHERE manager_id = 1")
        copy.execute("PRAGMA foreign_keys = OFF")
        copy.execute("DELETE FROM manager WHERE id = 1")
        copy.execute("DELETE FROM manager WHERE id = 1")
    recounted = reindex_backup(second)
    assert recounted.counts["managers"] == 23 and recounted.path == second.path
    assert next(b for b in list_backups(uuid) if b.path == second.path).counts["managers"] == 23
    delete_backup(first)
    assert not first.path.exists()
    assert [b.path for b in list_backups(uuid)] == [second.path]
    assert [e["file"] for e in _index(uuid)["backups"]] == [second.path.name]  # type: ignore[attr-defined]


# -- the triggers: each bulk change backs up first --------------------------------------------


def test_an_allocation_apply_backs_up_first(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    uuid = _uuid(demo_file)
    with sqlite3.connect(demo_file) as connection:
        connection.execute("UPDATE enrolment SET status = 'confirmed' WHERE id = 1")
    assert main(["allocate", str(demo_file), "--apply", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    (allocation,) = [b for b in list_backups(uuid) if b.why == "allocation"]
    assert str(allocation.path) in out
    assert not list(demo_file.parent.glob("* (before *")), "nothing beside the programme"
    with sqlite3.connect(allocation.path) as copy:
        assert copy.execute("SELECT status FROM enrolment WHERE id = 1").fetchone() == (
            "confirmed",
        )


def test_an_import_backs_up_first_and_a_dry_run_does_not(demo_file: Path, tmp_path: Path) -> None:
    uuid = _uuid(demo_file)
    source = tmp_path / "managers.csv"
    source.write_text("First name,Last name,Country\nSami,Kaci,MA\n", encoding="utf-8")
    assert main(["import", "managers", str(demo_file), str(source), "--dry-run"]) == 0
    assert "import" not in _whys(uuid)
    assert main(["import", "managers", str(demo_file), str(source)]) == 0
    (made,) = [b for b in list_backups(uuid) if b.why == "import"]
    assert made.counts["managers"] == 24 and _count(demo_file, "manager") == 25


@pytest.mark.sqlite_only  # a laptop's copy of the file
def test_a_merge_backs_up_first_and_one_that_adds_nothing_does_not(
    demo_file: Path, tmp_path: Path
) -> None:
    from booster_desktop.services.checkin import CheckinDesk
    from tests.services.test_checkin import DAY_ONE, _expected, _session

    uuid = _uuid(demo_file)
    empty = tmp_path / "empty.jsonl"
    assert main(["checkin", "export", str(demo_file), "-o", str(empty)]) == 0
    assert main(["checkin", "merge", str(demo_file), str(empty)]) == 0
    assert "merge" not in _whys(uuid)  # nothing to merge: nothing backed up for it
    laptop = tmp_path / "laptop.booster"
    shutil.copyfile(demo_file, laptop)
    session = _session(laptop, "CAT", "Joint training")
    token = _expected(laptop, "CAT")[0][1]
    with open_programme(laptop, writable=True) as programme:
        CheckinDesk(programme, session, device="laptop").record(token, now=DAY_ONE)
    journal = tmp_path / "door.jsonl"
    assert main(["checkin", "export", str(laptop), "-o", str(journal)]) == 0
    assert main(["checkin", "merge", str(demo_file), str(journal)]) == 0
    (made,) = [b for b in list_backups(uuid) if b.why == "merge"]
    assert made.counts.get("check-ins", 0) == 0 and _count(demo_file, "checkin") == 1


def test_deleting_a_tour_backs_up_first_and_other_deletes_do_not(demo_file: Path) -> None:
    from booster_desktop.services.records import delete_records

    uuid = _uuid(demo_file)
    with open_programme(demo_file, writable=True) as programme:
        delete_records(programme, "topic", [1])
        assert "delete-tour" not in _whys(uuid)
        delete_records(programme, "tour", [1])
    (made,) = [b for b in list_backups(uuid) if b.why == "delete-tour"]
    assert made.counts["tours"] == 4 and _count(demo_file, "tour") == 3


def test_a_fresh_demo_backs_up_the_old_one_into_the_same_index(demo_file: Path) -> None:
    uuid = _uuid(demo_file)
    assert main(["demo", str(demo_file), "--force"]) == 0
    (made,) = list_backups(uuid)
    assert made.why == "demo" and made.counts["managers"] == 24
    assert _index(uuid)["backups"][0]["why"] == "demo"  # type: ignore[index]


# A backup made in a process of its own, with the clock frozen: it names its backup, then
# waits (before the copy is put in place) until the other process has named its own too.
_RACER = """
import sys, time
from datetime import datetime
from pathlib import Path

from booster_desktop.services import backups
from booster_desktop.services.programme import open_programme
from booster_desktop.store import kept_copies


class Frozen(datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(2027, 3, 2, 10, 15, 30, 250000, tzinfo=tz)


backups.datetime = Frozen
mine, theirs = Path(sys.argv[2]), Path(sys.argv[3])
copy = kept_copies.back_up_online


def after_both_chose(engine, target):
    if not mine.exists():
        mine.write_text(target.name)
        while not theirs.exists():
            time.sleep(0.01)
    copy(engine, target)


kept_copies.back_up_online = after_both_chose
with open_programme(Path(sys.argv[1])) as programme:
    made = backups.backup_before(programme, "allocation")
backups.settle()
print(made.path.name)
"""


def test_two_processes_backing_up_in_the_same_second_never_take_one_name(
    demo_file: Path, tmp_path: Path
) -> None:
    """Two commands on one laptop (two allocation applies) back up in the same second: both
    choose the same name before either copy is in place. Neither is written over the other;
    both are kept, listed in the order they were made."""
    import subprocess
    import sys

    script = tmp_path / "racer.py"
    script.write_text(_RACER, encoding="utf-8")
    flags = [tmp_path / "first chose", tmp_path / "second chose"]
    racers = [
        subprocess.Popen(
            [sys.executable, str(script), str(demo_file), str(mine), str(theirs)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for mine, theirs in (flags, flags[::-1])
    ]
    outcomes = [racer.communicate(timeout=120) for racer in racers]
    assert [racer.returncode for racer in racers] == [0, 0], outcomes
    # Both chose the same name (the clock frozen, nothing there yet)...
    chosen = {flag.read_text() for flag in flags}
    assert chosen == {
        "Cluster Booster inspiration and learning tours 2027-03-02 101530 allocation.booster"
    }
    # ...and each backup is under a name of its own, whole.
    made = sorted(out.strip() for out, _err in outcomes)
    assert made == [
        "Cluster Booster inspiration and learning tours 2027-03-02 101530 2 allocation.booster",
        "Cluster Booster inspiration and learning tours 2027-03-02 101530 allocation.booster",
    ]
    listed = list_backups(_uuid(demo_file))
    assert [b.name for b in listed] == made  # newest first: the second one made
    assert all(_count(b.path, "manager") == 24 and not b.damaged for b in listed)
    assert not [p for p in listed[0].path.parent.iterdir() if "partial" in p.name]


def test_backups_in_one_second_of_a_frozen_clock_are_listed_in_the_order_made(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:
            return cls(2027, 3, 2, 10, 15, 30, tzinfo=tz)  # type: ignore[arg-type]

    monkeypatch.setattr(backups, "datetime", Frozen)
    with open_programme(demo_file) as programme:
        made = [backup_before(programme, why) for why in ("import", "merge", "allocation")]
    assert len({b.path for b in made if b is not None}) == 3
    listed = list_backups(_uuid(demo_file))
    assert [b.why for b in listed] == ["allocation", "merge", "import"]


def test_a_finished_copy_is_never_put_over_a_file_already_there(tmp_path: Path) -> None:
    from booster_desktop.store.durable import publish_durably

    finished, target = tmp_path / "finished", tmp_path / "target"
    finished.write_bytes(b"new")
    target.write_bytes(b"someone else's")
    with pytest.raises(FileExistsError):
        publish_durably(finished, target)
    assert target.read_bytes() == b"someone else's" and finished.read_bytes() == b"new"
    (tmp_path / "free").unlink(missing_ok=True)
    publish_durably(finished, tmp_path / "free")
    assert (tmp_path / "free").read_bytes() == b"new" and not finished.exists()


def test_without_hard_links_a_name_is_still_claimed_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system without hard links (FAT, some shares): the name is claimed with an
    exclusive create, never written over."""
    import errno
    import os

    from booster_desktop.store.durable import publish_durably

    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    finished, taken, free = tmp_path / "finished", tmp_path / "taken", tmp_path / "free"
    finished.write_bytes(b"new")
    taken.write_bytes(b"someone else's")
    with pytest.raises(FileExistsError):
        publish_durably(finished, taken)
    assert taken.read_bytes() == b"someone else's" and finished.read_bytes() == b"new"
    publish_durably(finished, free)
    assert free.read_bytes() == b"new" and not finished.exists()
