"""Personal data: one person's export, their erase (no byte left in the file), the retention
rule for travel data, and refusals that change nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from booster_desktop.cli import main
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.model import Base
from booster_desktop.services.changes import Action
from booster_desktop.services.personal_data import (
    erase_person,
    erase_travel_data,
    export_person,
    travel_data_due,
)
from booster_desktop.services.programme import check_programme, open_programme
from booster_desktop.services.settings import save_programme_settings
from tests.programme_db import connect, fingerprint

PASSPORT = "ZX9047713Q"


def _plant(path: Path, manager_id: int = 1) -> dict[str, str]:
    """Give the manager a passport number that appears nowhere else, a check-in, a
    certificate and a badge print; return what identifies them."""
    with connect(path) as connection:
        connection.execute(
            "UPDATE travel_document SET passport_number = ? WHERE manager_id = ?",
            (PASSPORT, manager_id),
        )
        connection.execute(
            "UPDATE manager SET notes = 'Prefers the aisle seat', phone = '+213555010203', "
            "dietary_needs = 'no shellfish' WHERE id = ?",
            (manager_id,),
        )
        connection.execute(
            "INSERT INTO checkin (id, session_id, manager_id, recorded_at, device, voided, "
            "admitted_unregistered) VALUES ('c-planted', 1, ?, '2018-11-19 08:30:00', 'door', "
            "FALSE, FALSE)",
            (manager_id,),
        )
        connection.execute(
            "INSERT INTO certificate (tour_id, manager_id, sequence, number, issued_at) "
            "VALUES (1, ?, 1, 'CAT-2018-0001', '2018-11-23 17:00:00')",
            (manager_id,),
        )
        token = connection.execute(
            "SELECT token FROM badge_token WHERE manager_id = ?", (manager_id,)
        ).fetchone()[0]
        connection.execute(
            "INSERT INTO badge_print (manager_id, tour_id, token, event, layout, at) "
            "VALUES (?, 1, ?, 'printed', 'a6-single', '2018-11-01 10:00:00')",
            (manager_id, token),
        )
        given, family, email = connection.execute(
            "SELECT given_name, family_name, email FROM manager WHERE id = ?", (manager_id,)
        ).fetchone()
    return {"name": f"{given} {family}", "email": email, "passport": PASSPORT}


def _referring_tables() -> dict[str, str]:
    """Every table with a column that refers to a manager, and that column."""
    found = {}
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == "manager":
                found[table.name] = key.parent.name
    return found


def _info(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert isinstance(info, dict)
    return info


def _row_of(path: Path, sql: str) -> tuple[object, ...]:
    with connect(path) as connection:
        return tuple(connection.execute(sql).fetchone())


def _digest(path: Path) -> str:
    return fingerprint(path)


def _everything(location: Path) -> bytes:
    """Where an erased value could be left: a file's bytes and its write-ahead log; on a
    server, every row of every table (its own files are the server's, not ours to read)."""
    if not isinstance(location, Path):
        connection = connect(location)
        try:
            tables = [
                name
                for (name,) in connection.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                )
            ]
            return "".join(
                repr(row)
                for table in tables
                for row in connection.execute(f'SELECT * FROM "{table}"')
            ).encode("utf-8")
        finally:
            connection.close()
    data = location.read_bytes()
    wal = location.with_name(location.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


# -- export -----------------------------------------------------------------------------------


def test_the_export_holds_every_table_s_rows_of_the_person_and_nothing_of_others(
    demo_file: Path, tmp_path: Path
) -> None:
    _plant(demo_file)
    target = tmp_path / "amina.json"
    with open_programme(demo_file) as programme:
        written = export_person(programme, 1, target)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "booster-person" and document["manager_id"] == 1
    tables = document["tables"]
    assert tables["manager"][0]["email"] == "amina.benali.1@algiers-digital-cluster.example"
    assert tables["manager"][0]["organisation"]  # named, not only its id
    with connect(demo_file) as connection:
        for table, column in _referring_tables().items():
            rows = connection.execute(
                f"SELECT count(*) FROM {table} WHERE {column} = 1"
            ).fetchone()[0]
            assert len(tables[table]) == rows, table
            assert all(row[column] == 1 for row in tables[table])
            assert rows or table == "topic_interest"
        others = connection.execute(
            "SELECT given_name || ' ' || family_name, email FROM manager WHERE id <> 1"
        ).fetchall()
        other_tokens = [
            t for (t,) in connection.execute("SELECT token FROM badge_token WHERE manager_id <> 1")
        ]
        other_passports = [
            p
            for (p,) in connection.execute(
                "SELECT passport_number FROM travel_document WHERE manager_id <> 1"
            )
        ]
    assert tables["travel_document"][0]["passport_number"] == PASSPORT
    assert tables["checkin"][0]["session"]  # the session's title beside its id
    assert tables["enrolment"][0]["tour"] in {"CAT", "WAL", "SUD", "PIE"}
    text = target.read_text(encoding="utf-8")
    for name, email in others:
        assert name not in text and email not in text
    for value in other_tokens + other_passports:
        assert value not in text
    assert written.rows["checkin"] == 1 and str(target) in written.message


def test_the_export_holds_the_history_of_the_person(demo_file: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from booster_desktop.services.managers import manager_details, save_manager

    with open_programme(demo_file, writable=True) as programme:
        details = manager_details(programme, 1)
        save_manager(programme, replace(details, city="Oran", passport_number="AB1234567"), 1)
        save_manager(programme, replace(manager_details(programme, 2), city="Blida"), 2)
        export_person(programme, 1, tmp_path / "one.json")
    history = json.loads((tmp_path / "one.json").read_text("utf-8"))["tables"]["change_history"]
    assert {(line["field"], line["old"], line["new"]) for line in history} >= {
        ("city", "Algiers", "Oran")
    }
    assert all(line["manager_id"] == 1 for line in history)
    assert "AB1234567" not in json.dumps(history)  # the history never kept it


@pytest.mark.sqlite_only  # a server's programme is no path an export could be written onto
def test_the_export_is_refused_onto_the_programme(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(demo_file)
    assert main(["person", "export", str(demo_file), "--manager", "1", "-o", str(demo_file)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "programme" in error
    assert _digest(demo_file) == before


def test_the_export_is_refused_for_an_unknown_manager(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(demo_file)
    out = tmp_path / "nobody.json"
    assert main(["person", "export", str(demo_file), "--manager", "999", "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"booster: {demo_file}: there is no manager 999\n"
    assert not out.exists()
    assert _digest(demo_file) == before


def test_the_command_writes_the_export(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "karim.json"
    assert main(["person", "export", str(demo_file), "--manager", "2", "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["tables"]["manager"][0]["id"] == 2


# -- erase ------------------------------------------------------------------------------------


def test_an_erase_leaves_no_byte_of_the_person_and_the_counts_as_they_were(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    who = _plant(demo_file)
    # Another record's text that names the person (a session's notes).
    with connect(demo_file) as connection:
        connection.execute(
            "UPDATE tour SET notes = ? WHERE code = 'WAL'",
            (f"Ask {who['name']} ({who['email']}, {PASSPORT}) to present the cluster.",),
        )
        # A namesake's own name is theirs: it stays.
        connection.execute(
            "UPDATE manager SET arabic_name = (SELECT arabic_name FROM manager "
            "WHERE id = 1) WHERE id = 2"
        )
        arabic = connection.execute("SELECT arabic_name FROM manager WHERE id = 1").fetchone()[0]
    # Edits through the services: the history keeps their old and new values.
    from dataclasses import replace

    from booster_desktop.services.managers import manager_details, save_manager
    from booster_desktop.services.tours import save_tour, tour_details

    with open_programme(demo_file, writable=True) as programme:
        details = manager_details(programme, 1)
        save_manager(programme, replace(details, email="amina@cluster.example"), 1)
        details = manager_details(programme, 1)  # read again: at its new version
        save_manager(programme, replace(details, family_name="Benali-Haddad"), 1)
        tour = tour_details(programme, 1)
        save_tour(programme, replace(tour, notes=f"{who['name']} leads the visit."), 1)
    with connect(demo_file) as connection:
        history = "".join(str(row) for row in connection.execute("SELECT * FROM change_value"))
    for value in ("amina@cluster.example", who["email"], "Benali-Haddad", who["name"]):
        assert value in history  # the search below would find them, were they left
    who |= {"new email": "amina@cluster.example", "new name": "Amina Benali-Haddad"}
    before = _info(demo_file, capsys)
    assert main(["person", "erase", str(demo_file), "--manager", "1", "--yes"]) == 0
    assert "Erased manager 1" in capsys.readouterr().out
    assert _info(demo_file, capsys) == before
    assert check_programme(demo_file) is None
    data = _everything(demo_file)
    for value in who.values():
        assert value.encode("utf-8") not in data, value
    for value in ("Prefers the aisle seat", "+213555010203", "no shellfish"):
        assert value.encode() not in data
    with connect(demo_file) as connection:
        row = connection.execute(
            "SELECT given_name, family_name, email, phone, organisation_id, country_code, status, "
            "erased_at FROM manager WHERE id = 1"
        ).fetchone()
        kept = {
            table: connection.execute(
                f"SELECT count(*) FROM {table} WHERE manager_id = 1"
            ).fetchone()[0]
            for table in ("enrolment", "topic_interest", "checkin", "certificate", "badge_token")
        }
        travel = connection.execute(
            "SELECT count(*) FROM travel_document WHERE manager_id = 1"
        ).fetchone()[0]
        notes = connection.execute("SELECT notes FROM tour WHERE code = 'WAL'").fetchone()[0]
    assert row[:5] == ("Erased person", "1", None, None, None)
    assert row[5:7] == ("DZ", "active") and row[7] is not None
    assert kept == {
        "enrolment": 2,
        "topic_interest": kept["topic_interest"],
        "checkin": 1,
        "certificate": 1,
        "badge_token": 1,
    }
    assert kept["topic_interest"] > 0
    assert travel == 0
    assert notes == "Ask [erased] ([erased], [erased]) to present the cluster."
    assert _row_of(demo_file, "SELECT arabic_name FROM manager WHERE id = 2") == (arabic,)


def test_an_erase_is_one_recorded_change_without_the_data(demo_file: Path) -> None:
    who = _plant(demo_file)
    with open_programme(demo_file, writable=True) as programme:
        heard: list[object] = []
        programme.listen(heard.append)
        erased = erase_person(programme, 1)
    (change,) = heard
    assert change.action is Action.ERASE  # type: ignore[attr-defined]
    assert {"manager", "travel_document"} <= change.tables  # type: ignore[attr-defined]
    assert all(value not in repr(change) for value in who.values())
    assert erased.manager_id == 1 and "Erased person 1" in erased.message


def test_erasing_twice_or_an_unknown_manager_is_refused_and_changes_nothing(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["person", "erase", str(demo_file), "--manager", "3", "--yes"]) == 0
    capsys.readouterr()
    before = _digest(demo_file)
    assert main(["person", "erase", str(demo_file), "--manager", "3", "--yes"]) == 1
    assert capsys.readouterr().err == f"booster: {demo_file}: manager 3 is already erased\n"
    assert main(["person", "erase", str(demo_file), "--manager", "4000", "--yes"]) == 1
    assert capsys.readouterr().err == f"booster: {demo_file}: there is no manager 4000\n"
    assert _digest(demo_file) == before


def test_an_erase_without_yes_is_a_usage_error(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(demo_file)
    with pytest.raises(SystemExit) as exit_:
        main(["person", "erase", str(demo_file), "--manager", "1"])
    assert exit_.value.code == 2
    assert "--yes" in capsys.readouterr().err
    assert _digest(demo_file) == before


def test_a_file_open_for_reading_is_not_erased(demo_file: Path) -> None:
    with open_programme(demo_file) as programme, pytest.raises(BoosterError, match="reading"):
        erase_person(programme, 1)


def test_a_refused_travel_document_is_not_repeated_in_the_message(demo_file: Path) -> None:
    from dataclasses import replace

    from booster_desktop.services.managers import manager_details, manager_problems

    with open_programme(demo_file) as programme:
        details = manager_details(programme, 1)
        for field, typed in (
            ("passport_expiry", "31/12/2031"),
            ("date_of_birth", "15.05.1992"),
            ("nationality", "QQ"),
        ):
            problems = manager_problems(programme, replace(details, **{field: typed}), 1)
            assert problems["travel"] and typed not in problems["travel"], field


# -- retention --------------------------------------------------------------------------------


def test_the_retention_rule_is_off_by_default(demo_file: Path) -> None:
    with open_programme(demo_file) as programme:
        assert travel_data_due(programme, today=date(2040, 1, 1)) == []


def test_travel_data_is_due_days_after_the_last_tour(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        save_programme_settings(programme, {"travel_data_retention_days": 30})
        # CAT ends 2018-11-23, WAL 2019-05-17, SUD 2019-11-22, PIE 2020-02-07.
        assert travel_data_due(programme, today=date(2019, 6, 15)) == []
        due = travel_data_due(programme, today=date(2019, 6, 16))  # WAL ended 30 days before
        assert due and {d.last_tour for d in due} == {"WAL"}
        assert all(d.due == date(2019, 6, 16) for d in due)
        everyone = travel_data_due(programme, today=date(2040, 1, 1))
        assert len(everyone) == 24
        assert erase_travel_data(programme, [d.manager_id for d in due]) == len(due)
        left = travel_data_due(programme, today=date(2040, 1, 1))
    assert len(left) == 24 - len(due)
    with connect(demo_file) as connection:
        assert connection.execute("SELECT count(*) FROM travel_document").fetchone()[0] == len(left)


def test_the_command_lists_and_applies_the_retention_rule(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["person", "retention", str(demo_file)]) == 0
    assert "off" in capsys.readouterr().out
    assert (
        main(["settings", "travel_data_retention_days", "90", "--programme", str(demo_file)]) == 0
    )
    capsys.readouterr()
    # Every demo tour ended years ago: everyone with travel data is due.
    assert main(["person", "retention", str(demo_file), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["retention_days"] == 90 and len(listed["due"]) == 24
    assert set(listed["due"][0]) == {"id", "name", "last_tour", "ended", "due"}
    before = _digest(demo_file)
    with pytest.raises(SystemExit):
        main(["person", "retention", str(demo_file), "--apply"])
    assert _digest(demo_file) == before
    capsys.readouterr()
    assert main(["person", "retention", str(demo_file), "--apply", "--yes"]) == 0
    assert "Erased the travel data of 24 managers" in capsys.readouterr().out
    assert b"DZ8631240" not in _everything(demo_file)  # manager 1's passport number in the demo
    with connect(demo_file) as connection:
        assert connection.execute("SELECT count(*) FROM travel_document").fetchone()[0] == 0


@pytest.mark.sqlite_only  # SQLite's secure_delete and its file's bytes
def test_no_byte_is_left_where_sqlite_keeps_deleted_bytes(demo_file: Path) -> None:
    """Debian's SQLite overwrites deleted content (secure_delete); other builds do not: the
    erase must not rely on it."""
    from sqlalchemy import event

    who = _plant(demo_file)
    with open_programme(demo_file, writable=True) as programme:
        programme.engine.dispose()

        @event.listens_for(programme.engine, "connect")
        def _keep_deleted_bytes(connection: sqlite3.Connection, _record: object) -> None:
            connection.execute("PRAGMA secure_delete = OFF")

        with programme.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 0
        erase_person(programme, 1)
        data = demo_file.read_bytes()
        wal = demo_file.with_name(demo_file.name + "-wal")
        data += wal.read_bytes() if wal.exists() else b""
    for value in who.values():
        assert value.encode("utf-8") not in data, value


# -- kept backups -----------------------------------------------------------------------------


@pytest.fixture
def kept(tmp_path: Path, demo_file: Path) -> Path:
    """The programme's kept backups: the day's first opening (holds manager 1, planted), one
    of a state after they were deleted, and an older one where id 1 was someone else (ids are
    reused after a delete). Returns their folder."""
    from booster_desktop.services.backups import backup_file_before_replacing

    _plant(demo_file)
    with open_programme(demo_file, writable=True) as programme:
        (opened,) = _kept(programme)
    without = tmp_path / "without.booster"
    if isinstance(demo_file, Path):
        shutil.copyfile(demo_file, without)
    else:  # a server's programme, pulled into a file: what its kept backups are
        from booster_desktop.services.programme import pull_programme

        pull_programme(demo_file, without)
    with sqlite3.connect(without) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM manager WHERE id = 1")
    backup_file_before_replacing(without, "restore")
    with sqlite3.connect(without) as connection:
        connection.execute(
            "INSERT INTO manager (id, status, given_name, family_name, person_key, email, "
            "country_code, created_at) VALUES (1, 'active', 'Omar', 'Benali', "
            "'omar|benali|DZ', 'omar@example.org', 'DZ', '2018-01-01 00:00:00')"
        )
    backup_file_before_replacing(without, "demo")
    return opened.path.parent


def _kept(programme: Any) -> list[Any]:
    """The programme's kept backups: the day's first opening's, made here on a server (where
    opening makes none: it would pull the whole programme)."""
    from booster_desktop.services.backups import backup_before, list_backups, settle
    from booster_desktop.services.personal_data import _kept_backups

    if programme.on_server:
        backup_before(programme, "open")
        settle()
    found = _kept_backups(programme)
    assert [b.path for b in found] == [b.path for b in list_backups(found[0].path.parent.name)]
    return found


def _holds(path: Path, who: dict[str, str]) -> bool:
    data = _everything(path)
    return any(value.encode() in data for value in who.values())


def _backups_in(folder: Path) -> dict[str, Path]:
    """The kept backups by why they were made."""
    return {p.name.rsplit(" ", 1)[1].removesuffix(".booster"): p for p in folder.glob("*.booster")}


def test_the_kept_backups_that_hold_the_person_are_scrubbed(
    demo_file: Path, kept: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from booster_desktop.services.backups import list_backups

    who = {"name": "Amina Benali", "email": "amina.benali.1@algiers", "passport": PASSPORT}
    before = _backups_in(kept)
    assert set(before) == {"open", "restore", "demo"}
    assert _holds(before["open"], who)
    untouched = {why: _digest(before[why]) for why in ("restore", "demo")}
    counts = _info(before["open"], capsys)
    indexed = {b.why: b.counts for b in list_backups(kept.name)}
    assert main(["person", "erase", str(demo_file), "--manager", "1", "--yes"]) == 0
    out = capsys.readouterr().out
    # The backup made before the erase holds her too: scrubbed with the other one.
    assert "2 kept backups scrubbed" in out
    after = _backups_in(kept)
    assert set(after) == {"open", "restore", "demo", "erase"}
    for path in (after["open"], after["erase"], demo_file):
        assert not _holds(path, who), path.name
        assert check_programme(path) is None
    assert _info(after["open"], capsys) == counts
    assert {why: _digest(after[why]) for why in ("restore", "demo")} == untouched
    assert {b.why: b.counts for b in list_backups(kept.name) if b.why != "erase"} == indexed
    assert not [p for p in kept.iterdir() if p.name.endswith((".booster.lock", "-wal", "-shm"))]


def test_the_kept_backups_that_hold_the_person_can_be_deleted_instead(
    demo_file: Path, kept: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from booster_desktop.services.backups import list_backups

    args = ["person", "erase", str(demo_file), "--manager", "1", "--yes", "--backups", "delete"]
    assert main(args) == 0
    assert "2 kept backups deleted" in capsys.readouterr().out
    assert set(_backups_in(kept)) == {"restore", "demo"}
    assert {b.why for b in list_backups(kept.name)} == {"restore", "demo"}


def test_a_backup_made_before_the_person_s_name_and_e_mail_were_corrected_is_scrubbed(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The day's first backup holds the person under the name and address they had then; the
    history knows those, so the erase finds them there too."""
    from dataclasses import replace

    from booster_desktop.services.managers import manager_details, save_manager

    who = _plant(demo_file)
    with open_programme(demo_file, writable=True) as programme:
        (opened,) = _kept(programme)
        details = manager_details(programme, 1)
        save_manager(
            programme, replace(details, given_name="Aminata", email="aminata@corrected.example"), 1
        )
    assert _holds(opened.path, who)
    assert main(["person", "erase", str(demo_file), "--manager", "1", "--yes"]) == 0
    assert "2 kept backups scrubbed" in capsys.readouterr().out
    assert not _holds(opened.path, who)
    assert not _holds(opened.path, {"new": "aminata@corrected.example"})
    assert check_programme(opened.path) is None


@pytest.mark.sqlite_only  # copies beside a programme file
def test_an_erase_removes_the_copies_a_killed_process_left_beside_the_programme(
    demo_file: Path,
) -> None:
    """An encrypted copy killed while writing leaves its plain snapshot, hidden, beside the
    programme: it holds the person as they were."""
    import subprocess
    import sys

    who = _plant(demo_file)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = demo_file.with_name(f".{demo_file.name}.{dead.pid}.0badc0de.partial")
    shutil.copyfile(demo_file, left)
    with open_programme(demo_file, writable=True) as programme:
        erase_person(programme, 1)
    assert not left.exists()
    assert not _holds(demo_file, who)


@pytest.mark.postgresql_only
def test_an_erase_on_a_server_rewrites_the_tables_it_wrote_and_says_what_it_cannot_reach(
    demo_file: Any,
) -> None:
    """A server keeps an updated row's old version in the table's files until it reuses the
    space: the erase rewrites those tables (VACUUM FULL, new files), and says that the
    server's write-ahead log and backups are beyond it."""
    _plant(demo_file)
    query = "SELECT relname, pg_relation_filenode(oid) FROM pg_class WHERE relname = ANY(?)"
    tables = ["manager", "travel_document", "change_value"]
    with connect(demo_file) as connection:
        before = dict(connection.execute(query, (tables,)).fetchall())
    with open_programme(demo_file, writable=True) as programme:
        erased = erase_person(programme, 1)
    with connect(demo_file) as connection:
        after = dict(connection.execute(query, (tables,)).fetchall())
    assert set(before) == set(tables)
    assert all(after[name] != before[name] for name in tables), (before, after)
    assert "write-ahead log and its backups keep the old values" in erased.message
    assert PASSPORT.encode() not in _everything(demo_file)


@pytest.mark.postgresql_only
def test_an_erase_by_a_user_who_does_not_own_the_tables_says_they_keep_the_old_values(
    demo_file: Any,
) -> None:
    """A coordinator allowed to write but not owning the tables cannot VACUUM FULL them: the
    erase is done all the same, and its message says what stays until an administrator acts."""
    from booster_desktop.services.programme import ServerAddress

    role = f"clerk_{demo_file.database}"
    with connect(demo_file) as connection:
        connection.execute(f'CREATE ROLE "{role}" LOGIN')
        connection.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{role}"')
        connection.execute(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{role}"')
    try:
        clerk = ServerAddress(demo_file.url.set(username=role))
        with open_programme(clerk, writable=True) as programme:
            erased = erase_person(programme, 1)
        assert "could not rewrite its tables" in erased.message
        assert _row_of(demo_file, "SELECT given_name FROM manager WHERE id = 1") == (
            "Erased person",
        )
    finally:
        with connect(demo_file) as connection:
            connection.execute(f'DROP OWNED BY "{role}"')
            connection.execute(f'DROP ROLE "{role}"')


# -- versions: an erase from a reading someone changed since ------------------------------------


def _someone_saves(location: Any, manager_id: int) -> None:
    """Another coordinator's save of the manager, on a connection of its own."""
    with connect(location) as connection:
        connection.execute(
            "UPDATE manager SET city = 'Sfax', version = version + 1 WHERE id = ?", (manager_id,)
        )


def test_retention_over_a_manager_changed_since_it_was_listed_erases_nothing(
    demo_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import booster_desktop.services.personal_data as personal_data

    assert (
        main(["settings", "travel_data_retention_days", "90", "--programme", str(demo_file)]) == 0
    )
    listing = personal_data.travel_data_due
    changed: list[int] = []

    def listed_then_someone_saves(programme: Any, *args: Any, **kwargs: Any) -> Any:
        due = listing(programme, *args, **kwargs)
        changed.append(due[5].manager_id)
        _someone_saves(demo_file, changed[0])  # between the listing and the erase
        return due

    monkeypatch.setattr(personal_data, "travel_data_due", listed_then_someone_saves)
    capsys.readouterr()
    assert main(["person", "retention", str(demo_file), "--apply", "--yes"]) == 1
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and f"manager {changed[0]} was changed by " in said
    with connect(demo_file) as connection:
        assert connection.execute("SELECT count(*) FROM travel_document").fetchall() == [(24,)]


def test_erasing_travel_data_raises_the_managers_versions(demo_file: Path) -> None:
    """An editor open on a manager's older travel data is refused, not writing it back."""
    from dataclasses import replace

    from booster_desktop.services import managers
    from booster_desktop.services.changes import ChangedMeanwhile

    with open_programme(demo_file, writable=True) as programme:
        open_editor = managers.manager_details(programme, 1)
        assert open_editor.passport_number
        erase_travel_data(programme, [1], {1: open_editor.version or 0})
        with pytest.raises(ChangedMeanwhile):
            managers.save_manager(programme, replace(open_editor, city="Sfax"), 1)
        assert managers.manager_details(programme, 1).passport_number == ""
