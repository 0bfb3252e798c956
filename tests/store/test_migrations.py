"""The migration scripts build the model's schema, and an older file is backed up, then upgraded."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from booster_desktop.domain.model import Base
from booster_desktop.store import migrate
from booster_desktop.store.engine import make_engine
from booster_desktop.store.programme_file import SchemaVersions, open_programme_file
from booster_desktop.store.schema_version import APPLICATION_ID, HEAD_REVISION, KNOWN_REVISIONS

# The file's own nature: upgrading a file, its backup beside it (the server's migrations: test_server.py).
pytestmark = pytest.mark.sqlite_only


def test_the_known_revisions_are_the_scripts_revisions() -> None:
    assert migrate.script_revisions() == list(KNOWN_REVISIONS)
    assert KNOWN_REVISIONS[-1] == HEAD_REVISION


def _blank_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()


def _differences(engine_url: str) -> list[object]:
    engine = create_engine(engine_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    return list(differences)


def test_migrating_from_nothing_to_head_gives_the_models_schema(tmp_path: Path) -> None:
    path = tmp_path / "migrated.booster"
    _blank_database(path)
    engine = make_engine(path)
    migrate.upgrade(engine)
    engine.dispose()
    assert _differences(f"sqlite:///{path}") == []


def test_a_new_file_and_a_migrated_one_have_the_same_tables_and_indexes(
    tmp_path: Path, empty_file: Path
) -> None:
    path = tmp_path / "migrated.booster"
    _blank_database(path)
    engine = make_engine(path)
    migrate.upgrade(engine)
    engine.dispose()

    def shape(file: Path) -> dict[str, object]:
        engine = create_engine(f"sqlite:///{file}")
        inspector = inspect(engine)
        result = {
            table: (
                sorted(c["name"] for c in inspector.get_columns(table)),
                sorted(str(i["name"]) for i in inspector.get_indexes(table)),
                sorted(str(c["name"]) for c in inspector.get_check_constraints(table)),
                sorted(str(u["name"]) for u in inspector.get_unique_constraints(table)),
            )
            for table in inspector.get_table_names()
        }
        engine.dispose()
        return result

    assert shape(path) == shape(empty_file)


def test_every_revision_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "roundtrip.booster"
    _blank_database(path)
    engine = make_engine(path)
    migrate.upgrade(engine)
    migrate.upgrade_or_downgrade(engine, "base")
    with engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            HEAD_REVISION
        )
    engine.dispose()


NEXT_REVISION = '''"""A test revision after the newest: managers get a nickname."""

import sqlalchemy as sa
from alembic import op

revision = "9000_test_nickname"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("manager") as batch_op:
        batch_op.add_column(sa.Column("nickname", sa.String(60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("manager") as batch_op:
        batch_op.drop_column("nickname")
'''


@pytest.fixture
def next_schema(tmp_path: Path) -> SchemaVersions:
    """This version's migrations plus one more, as the next version of the application would ship."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9000_test_nickname.py").write_text(
        NEXT_REVISION.format(head=HEAD_REVISION), encoding="utf-8"
    )
    return SchemaVersions(known=(*KNOWN_REVISIONS, "9000_test_nickname"), scripts=scripts)


def test_an_older_file_is_backed_up_then_upgraded_with_its_data(
    demo_file: Path, next_schema: SchemaVersions
) -> None:
    with open_programme_file(demo_file, schema=next_schema) as programme:
        assert programme.migrated_from == HEAD_REVISION
        assert programme.revision == "9000_test_nickname"
        backup = programme.backup_path
        with programme.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM manager")).scalar() == 24
            columns = {c["name"] for c in inspect(connection).get_columns("manager")}
            assert "nickname" in columns
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert backup is not None and backup.parent == demo_file.parent
    # The backup is the file as it was: the older schema, every manager.
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        assert copy.execute("SELECT count(*) FROM manager").fetchone() == (24,)
    # Opened again, it is already at the newest revision: no second backup.
    with open_programme_file(demo_file, schema=next_schema) as programme:
        assert programme.migrated_from is None


def test_a_failing_migration_leaves_the_file_as_it_was(
    demo_file: Path, next_schema: SchemaVersions
) -> None:
    assert next_schema.scripts is not None
    broken = next_schema.scripts / "versions" / "9000_test_nickname.py"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace(
            'batch_op.add_column(sa.Column("nickname", sa.String(60), nullable=True))',
            'batch_op.add_column(sa.Column("nickname", sa.String(60), nullable=True))\n'
            '    op.execute("INSERT INTO manager (id) VALUES (NULL)")',
        ),
        encoding="utf-8",
    )
    from booster_desktop.domain.errors import BoosterError

    with pytest.raises(BoosterError, match="could not be upgraded"):
        open_programme_file(demo_file, schema=next_schema)
    with sqlite3.connect(demo_file) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        columns = {row[1] for row in connection.execute("PRAGMA table_info(manager)")}
        assert "nickname" not in columns


def test_a_file_of_the_first_schema_gets_identities_and_limits(demo_file: Path) -> None:
    """0001 -> 0002: the programme and every session get a UUID, too-long text is shortened
    to its field's limit, and the limits then hold."""
    engine = make_engine(demo_file)
    migrate.upgrade_or_downgrade(engine, "0001_initial")
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE manager SET given_name = :name WHERE id = 1"), {"name": "x" * 32_767}
        )
        sessions = connection.execute(text("SELECT count(*) FROM tour_session")).scalar()
    engine.dispose()

    with open_programme_file(demo_file) as programme:
        assert programme.migrated_from == "0001_initial"
        with programme.engine.connect() as connection:
            assert len(connection.execute(text("SELECT uuid FROM programme")).scalar() or "") == 36
            uuids = connection.execute(text("SELECT uuid FROM tour_session")).scalars().all()
            assert len(set(uuids)) == len(uuids) == sessions
            assert (
                connection.execute(
                    text("SELECT length(given_name) FROM manager WHERE id = 1")
                ).scalar()
                == 120
            )
            assert (
                connection.execute(text("SELECT attendance_minimum FROM programme")).scalar() == 80
            )
        with pytest.raises(Exception, match="given_name_length"), programme.writing() as connection:
            connection.execute(
                text("UPDATE manager SET given_name = :name WHERE id = 2"), {"name": "y" * 121}
            )
    assert _differences(f"sqlite:///{demo_file}") == []


def test_a_file_migrated_from_every_older_revision_passes_the_full_check(demo_file: Path) -> None:
    """Opening compares the file's catalogue with a new file's; a migrated file must match it
    exactly (types, constraints, indexes), and its values must pass `check`."""
    from booster_desktop.store.integrity import problems

    for older in KNOWN_REVISIONS[:-1]:
        copy = demo_file.with_name(f"{older}.booster")
        shutil.copyfile(demo_file, copy)
        engine = make_engine(copy)
        migrate.upgrade_or_downgrade(engine, older)
        engine.dispose()
        with open_programme_file(copy) as programme:
            assert programme.migrated_from == older
        assert problems(copy) == []
