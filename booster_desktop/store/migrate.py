"""Running the schema migrations from inside the application (Alembic, imported only here)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> object:
    """An Alembic `Config` built in code, with an absolute script location (no alembic.ini)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location.resolve()))
    return config


def upgrade(engine: Engine, target: str = "head", script_location: Path = MIGRATIONS_DIR) -> None:
    """Migrate the file up to `target` in one transaction, foreign keys checked at the end."""
    upgrade_or_downgrade(engine, target, script_location, downgrade=False)


def upgrade_or_downgrade(
    engine: Engine,
    target: str,
    script_location: Path = MIGRATIONS_DIR,
    *,
    downgrade: bool = True,
) -> None:
    """Migrate the file to `target` (down when `downgrade`) in one transaction.

    Batch mode copies tables on SQLite, which foreign keys would block: they are switched off
    (outside the transaction, as SQLite requires) and checked before the commit. On a
    PostgreSQL server the same scripts run as plain ALTERs (transactional DDL there too).
    """
    from alembic import command
    from alembic.config import Config

    config = alembic_config(script_location)
    assert isinstance(config, Config)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                (command.downgrade if downgrade else command.upgrade)(config, target)
                if sqlite:  # a server checks its foreign keys itself, at each statement
                    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise RuntimeError(f"migration broke foreign keys: {problems[:3]}")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def script_revisions(script_location: Path = MIGRATIONS_DIR) -> list[str]:
    """The revisions of the migration scripts, oldest first."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = alembic_config(script_location)
    assert isinstance(config, Config)
    scripts = ScriptDirectory.from_config(config)
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]
