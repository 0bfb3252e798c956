"""`check` finds what is wrong with a damaged file, naming table, row and column, and every
other command refuses such a file in one line, never with an unexpected error."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import struct
from pathlib import Path

import pytest

from booster_desktop.cli import main

# The file's own nature: damaged bytes of a programme file.
pytestmark = pytest.mark.sqlite_only

READERS = (
    ["info"],
    ["list", "managers"],
    ["list", "tours"],
    ["demand"],
    ["allocate"],
)


def _sql(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("PRAGMA ignore_check_constraints = ON")
    connection.execute(statement)
    connection.close()


# (what is done to the file, what `check` must name)
DAMAGE = [
    ("UPDATE tour SET capacity = 'twelve' WHERE code = 'CAT'", "capacity holds text 'twelve'"),
    ("UPDATE programme SET lottery_seed = 'abc'", "lottery_seed holds text 'abc'"),
    ("UPDATE tour SET capacity = 1e300 WHERE code = 'WAL'", "capacity holds real"),
    (
        "UPDATE manager SET given_name = CAST('Amina' AS BLOB) WHERE id = 1",
        "given_name holds bytes",
    ),
    ("DELETE FROM tour WHERE code = 'CAT'", "refers to a missing tour"),
    ("ALTER TABLE manager RENAME COLUMN email TO mail", "table manager lacks the column email"),
    ("ALTER TABLE manager DROP COLUMN created_at", "table manager lacks the column created_at"),
    ("INSERT INTO alembic_version VALUES ('0001_initial')", "2 schema revisions"),
    ("UPDATE tour_session SET date = '2026-02-30' WHERE id = 3", "date holds text '2026-02-30'"),
    ("UPDATE tour_session SET date = 'soon' WHERE id = 1", "date holds text 'soon'"),
    (
        "CREATE TRIGGER spy AFTER INSERT ON manager BEGIN SELECT 1; END",
        "has a trigger spy that Booster Desktop does not make",
    ),
    (
        "UPDATE manager SET family_name = CAST(X'C328' AS TEXT) WHERE id = 2",
        "manager row 2: family_name holds text",
    ),
    ("DROP TABLE checkin", "lacks the table checkin"),
]


@pytest.mark.parametrize(("statement", "named"), DAMAGE)
def test_check_names_the_damage_and_no_command_fails_unexpectedly(
    demo_file: Path, statement: str, named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _sql(demo_file, statement)
    before = hashlib.sha256(demo_file.read_bytes()).hexdigest()
    assert main(["check", str(demo_file)]) == 1
    err = capsys.readouterr().err
    assert named in err and err.count("\n") == 1, err
    for command in READERS:
        code = main([*command, str(demo_file)])
        err = capsys.readouterr().err
        assert "unexpected error" not in err and "Traceback" not in err, (command, err)
        assert code == 0 or err.count("\n") == 1, (command, err)
    assert hashlib.sha256(demo_file.read_bytes()).hexdigest() == before


def _damage_pages(path: Path, first: int) -> None:
    with path.open("r+b") as stream:
        (page_size,) = struct.unpack(">H", stream.read(100)[16:18])
        for page in (first, first + 1, first + 2):
            stream.seek((page - 1) * page_size + 8)
            stream.write(b"\xff" * 200)


def _integrity_rows(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError:
        return []
    finally:
        connection.close()


def test_a_damaged_page_is_one_line_and_check_verbose_lists_every_problem(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Badge tokens are random, so the pages differ between demos: take the first run of
    # table pages whose damage SQLite reports line by line (rather than refusing outright),
    # searching the whole file so that some run always qualifies.
    with demo_file.open("rb") as stream:
        (page_size,) = struct.unpack(">H", stream.read(100)[16:18])
    pages = demo_file.stat().st_size // page_size
    for first in [*range(10, pages - 2), *range(2, 10)]:
        trial = tmp_path / f"trial{first}.booster"
        shutil.copyfile(demo_file, trial)
        _damage_pages(trial, first)
        if len(_integrity_rows(trial)) >= 2:
            break
    else:
        pytest.fail("no damage that SQLite reports line by line")
    for command in (["info"], ["check"], ["list", "managers"]):
        assert main([*command, str(trial)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "`booster check --verbose` lists" in err, err
        assert "page " in err or "is damaged" in err
    assert main(["check", "--verbose", str(trial)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("\n") >= 2
    assert captured.err.strip().endswith(" problems")


def test_opening_refuses_a_changed_catalogue_without_importing_alembic(
    demo_file: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    _sql(demo_file, "ALTER TABLE tour RENAME COLUMN capacity TO seats")
    script = (
        "import sys\n"
        "from booster_desktop.domain.errors import BoosterError\n"
        "from booster_desktop.services.programme import open_programme\n"
        "try:\n"
        f"    open_programme({str(demo_file)!r})\n"
        "except BoosterError as error:\n"
        "    print(error)\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    message, alembic_loaded = done.stdout.strip().splitlines()
    assert "table tour lacks the column capacity" in message
    assert alembic_loaded == "False"


def test_the_stored_catalogue_is_the_models() -> None:
    """Opening compares files with `schema_catalogue.py`, kept as data so that `booster info`
    never loads the ORM; after a schema change, regenerate it."""
    from booster_desktop.store.catalogue import (
        catalogue_data,
        catalogue_from_metadata,
        expected_catalogue,
    )

    assert catalogue_data(expected_catalogue()) == catalogue_data(catalogue_from_metadata()), (
        "the schema changed: run `python -m booster_desktop.store.catalogue`, then ruff format"
    )


def test_opening_a_file_for_info_does_not_load_the_orm(demo_file: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from booster_desktop.services.programme import open_programme\n"
        f"open_programme({str(demo_file)!r}).close()\n"
        "print('sqlalchemy.orm' in sys.modules, 'alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "False"]
