"""What identifies a programme file and which schema revisions this version knows.

Kept apart from Alembic so that opening a file costs one SELECT, not an Alembic import; a test
checks these constants against the migration scripts.
"""

# `PRAGMA application_id` of every programme file: "BstR".
APPLICATION_ID = 0x42737452

# Every revision of the schema, oldest first; the last is the one this version writes.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_details_and_limits",
    "0003_manager_diets",
    "0005_certificates",
    "0006_badge_print_log",
    "0008_erased_people",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
