"""What identifies a programme file and which schema revisions this version knows.

Kept apart from Alembic so that opening a file costs one SELECT, not an Alembic import; a test
checks these constants against the migration scripts.
"""

import re

# `PRAGMA application_id` of every programme file: "BstR".
APPLICATION_ID = 0x42737452

# Every revision of the schema, oldest first; the last is the one this version writes.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_details_and_limits",
    "0003_manager_diets",
    "0005_certificates",
    "0006_badge_print_log",
    "0007_change_history",
    "0008_erased_people",
    "0009_record_versions",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]

# Our revisions are named "NNNN_words": a later number is a newer version's, anything else is
# not ours at all (a damaged or tampered file, not a reason to tell the user to update).
_REVISION = re.compile(r"\A(\d{4})_[a-z0-9_]{1,60}\Z")


def is_newer_revision(revision: str) -> bool:
    """Whether `revision` is the name of a revision later than every one this version knows."""
    found = _REVISION.match(revision)
    latest = _REVISION.match(HEAD_REVISION)
    assert latest is not None
    return found is not None and int(found.group(1)) > int(latest.group(1))
