"""The programme file: create, open, validate, migrate, back up, lock. Only services use it."""

from booster_desktop.store.integrity import first_problem
from booster_desktop.store.lock import ProgrammeLock, read_holder
from booster_desktop.store.programme_file import (
    CURRENT_SCHEMA,
    ProgrammeFile,
    SchemaVersions,
    backup_database,
    create_programme_file,
    open_programme_file,
)
from booster_desktop.store.schema_version import APPLICATION_ID, HEAD_REVISION, KNOWN_REVISIONS

__all__ = [
    "APPLICATION_ID",
    "CURRENT_SCHEMA",
    "HEAD_REVISION",
    "KNOWN_REVISIONS",
    "ProgrammeFile",
    "ProgrammeLock",
    "SchemaVersions",
    "backup_database",
    "create_programme_file",
    "first_problem",
    "open_programme_file",
    "read_holder",
]
