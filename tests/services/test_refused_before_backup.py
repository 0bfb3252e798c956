"""A change that is refused makes no backup: the refusal is decided before the backup is made
(versions of a delete or an erase, an allocation computed from what changed since, an import
with a bad row, a merge of another programme's journal), and the backups folder is left
exactly as it was. On both databases (on a server, a backup is a pulled file)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from booster_desktop.cli import main
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.programme import Programme
from booster_desktop.services import backups
from booster_desktop.services.programme import open_programme
from booster_desktop.store.versions import ChangedMeanwhile
from tests import programme_db


def _folder(location: Any) -> Path:
    """The programme's backups folder, with today's backup on opening made (the command
    opens it for writing, which makes one at most once a day: not what is looked at)."""
    with open_programme(location, writable=True) as programme:
        backups.backup_on_open(programme)
        with programme.engine.connect() as connection:
            uuid = connection.execute(select(Programme.uuid)).scalar_one()
    return backups.folder_of(str(uuid))


def _listing(folder: Path) -> list[tuple[str, int]]:
    """Every file of the backups folder, with its size (the index included)."""
    backups.settle()
    if not folder.exists():
        return []
    return sorted((path.name, path.stat().st_size) for path in folder.iterdir())


@contextmanager
def _no_backup_made(location: Any) -> Iterator[None]:
    folder = _folder(location)
    before = _listing(folder)
    yield
    assert _listing(folder) == before


def _someone_saves(location: Any, manager_id: int) -> None:
    """Another coordinator's save of the manager, on a connection of its own."""
    with programme_db.connect(location) as connection:
        connection.execute(
            "UPDATE manager SET city = 'Sfax', version = version + 1 WHERE id = ?", (manager_id,)
        )


def test_a_refused_erase_makes_no_backup_and_says_nothing_was_erased(
    demo_file: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import booster_desktop.services.personal_data as personal_data

    identity = personal_data._identity

    def read_then_someone_saves(*args: Any) -> Any:
        found = identity(*args)
        _someone_saves(demo_file, 3)  # between the erase's reading and its write
        return found

    monkeypatch.setattr(personal_data, "_identity", read_then_someone_saves)
    with _no_backup_made(demo_file):
        assert main(["person", "erase", str(demo_file), "--manager", "3", "--yes"]) == 1
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and said.startswith("booster: manager 3 was changed by ")
    assert "nothing was erased" in said and "deleted" not in said
    with programme_db.connect(demo_file) as connection:
        assert connection.execute("SELECT erased_at FROM manager WHERE id = 3").fetchall() == [
            (None,)
        ]
    # Read again, it erases, with its backup.
    monkeypatch.setattr(personal_data, "_identity", identity)
    folder = _folder(demo_file)
    assert main(["person", "erase", str(demo_file), "--manager", "3", "--yes"]) == 0
    assert any(name.endswith(".booster") for name, _ in _listing(folder))


def test_an_erase_of_a_manager_deleted_meanwhile_says_nothing_was_erased(
    demo_file: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import booster_desktop.services.personal_data as personal_data

    identity = personal_data._identity

    def read_then_someone_deletes(*args: Any) -> Any:
        found = identity(*args)
        with programme_db.connect(demo_file) as connection:
            connection.execute("DELETE FROM manager WHERE id = 4")
        return found

    monkeypatch.setattr(personal_data, "_identity", read_then_someone_deletes)
    with (
        _no_backup_made(demo_file),
        open_programme(demo_file, writable=True) as programme,
        pytest.raises(ChangedMeanwhile) as refused,
    ):
        personal_data.erase_person(programme, 4)
    assert str(refused.value).endswith(": nothing was erased")
    assert str(refused.value).startswith("manager 4 was deleted by ")


def test_refused_retention_makes_no_backup(
    demo_file: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import booster_desktop.services.personal_data as personal_data

    assert (
        main(["settings", "travel_data_retention_days", "90", "--programme", str(demo_file)]) == 0
    )
    listing = personal_data.travel_data_due

    def listed_then_someone_saves(programme: Any, *args: Any, **kwargs: Any) -> Any:
        due = listing(programme, *args, **kwargs)
        _someone_saves(demo_file, due[2].manager_id)
        return due

    monkeypatch.setattr(personal_data, "travel_data_due", listed_then_someone_saves)
    capsys.readouterr()
    with _no_backup_made(demo_file):
        assert main(["person", "retention", str(demo_file), "--apply", "--yes"]) == 1
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "nothing was erased" in said


def test_a_refused_tour_delete_makes_no_backup(demo_file: Any) -> None:
    from booster_desktop.services.records import delete_records

    with programme_db.connect(demo_file) as connection:
        tour, version = connection.execute(
            "SELECT id, version FROM tour ORDER BY id LIMIT 1"
        ).fetchone()
        connection.execute("UPDATE tour SET version = version + 1 WHERE id = ?", (tour,))
    with (
        _no_backup_made(demo_file),
        open_programme(demo_file, writable=True) as programme,
        pytest.raises(ChangedMeanwhile, match="nothing was deleted"),
    ):
        delete_records(programme, "tour", [tour], {tour: version})
    with programme_db.connect(demo_file) as connection:
        assert connection.execute("SELECT count(*) FROM tour WHERE id = ?", (tour,)).fetchall() == [
            (1,)
        ]


def _delete_a_tour_allocated(outcome: Any, connection: Any) -> None:
    code = sorted({c for codes in outcome.allocation.assignment.values() for c in codes})[0]
    connection.execute("DELETE FROM tour WHERE code = ?", (code,))


def _delete_a_manager_placed(outcome: Any, connection: Any) -> None:
    placed = min(outcome.allocation.assignment)
    connection.execute("DELETE FROM enrolment WHERE manager_id = ?", (placed,))
    connection.execute("DELETE FROM manager WHERE id = ?", (placed,))


@pytest.mark.parametrize(
    "delete_since",
    [_delete_a_tour_allocated, _delete_a_manager_placed],
    ids=["tour", "manager"],
)
def test_an_allocation_of_what_was_deleted_since_is_refused_without_a_backup(
    demo_file: Any, delete_since: Any
) -> None:
    """Before, a tour deleted between the allocation and its apply raised a KeyError, and a
    manager deleted meanwhile a foreign-key error. On a server the enrolments' fingerprint
    already differs; on a file, the tour or the manager."""
    from booster_desktop.services.allocation_run import (
        AllocationRequest,
        apply_outcome,
        run_allocation,
    )

    with open_programme(demo_file, writable=True) as programme:
        outcome = run_allocation(programme, AllocationRequest())
    with programme_db.connect(demo_file) as connection:
        delete_since(outcome, connection)
        before = connection.execute("SELECT count(*) FROM enrolment").fetchall()
    with (
        _no_backup_made(demo_file),
        open_programme(demo_file, writable=True) as programme,
        pytest.raises(BoosterError, match="nothing was saved: run the allocation again"),
    ):
        apply_outcome(programme, outcome)
    with programme_db.connect(demo_file) as connection:
        assert connection.execute("SELECT count(*) FROM enrolment").fetchall() == before


def test_an_import_refused_for_a_bad_row_makes_no_backup(
    demo_file: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "managers.csv"
    source.write_text("First name,Last name,Country\nSami,Kaci,MA\nNoor,,ZZ\n", encoding="utf-8")
    with _no_backup_made(demo_file):
        assert main(["import", "managers", str(demo_file), str(source)]) == 1
        # Nothing to add (every row skipped): nothing backed up for it either.
        only_bad = tmp_path / "bad.csv"
        only_bad.write_text("First name,Last name,Country\nNoor,,ZZ\n", encoding="utf-8")
        assert main(["import", "managers", str(demo_file), str(only_bad), "--skip-invalid"]) == 0
    capsys.readouterr()
    folder = _folder(demo_file)
    before = len(_listing(folder))
    assert main(["import", "managers", str(demo_file), str(source), "--skip-invalid"]) == 0
    assert len(_listing(folder)) > before  # an import that writes still backs up first


def test_a_merge_refused_makes_no_backup(
    demo_file: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.booster"
    assert main(["new", str(other)]) == 0
    journal = tmp_path / "other.jsonl"
    assert main(["checkin", "export", str(other), "-o", str(journal)]) == 0
    capsys.readouterr()
    with _no_backup_made(demo_file):
        assert main(["checkin", "merge", str(demo_file), str(journal)]) == 1
    assert "another programme" in capsys.readouterr().err


def test_a_refused_erase_says_nothing_was_erased_in_french() -> None:
    from booster_desktop.i18n import use_language

    use_language("fr")
    try:
        changed = ChangedMeanwhile("manager", 3, (), device="door", erasing=True, version=2)
        gone = ChangedMeanwhile("manager", 3, (), device="door", erasing=True)
    finally:
        use_language("en")
    assert "rien n'a été effacé" in str(changed) and "supprimé" not in str(changed)
    assert str(gone).endswith(" : rien n'a été effacé")
