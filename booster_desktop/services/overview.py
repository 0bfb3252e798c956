"""What a programme holds, in numbers (`booster info`, the window's status bar).

One query in plain standard SQL over the tables, rather than the ORM: `booster info` is held
to 1.5x a bare count script, and mapping every entity would cost more than the query.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from booster_desktop.domain.kinds import expected_sql
from booster_desktop.store.programme_file import ProgrammeFile

# Expected enrolments (the one rule, `domain.kinds.expected_sql`) and standing check-ins,
# as docs/command.md defines them for `booster info`.
_COUNTS = text(
    f"""
    SELECT
      (SELECT title FROM programme),
      (SELECT count(*) FROM manager),
      (SELECT count(DISTINCT country_code) FROM manager),
      (SELECT count(*) FROM topic),
      (SELECT count(*) FROM tour),
      (SELECT count(*) FROM tour_session),
      (SELECT count(*) FROM tour_session WHERE kind = 'visit'),
      (SELECT count(*) FROM enrolment e JOIN manager m ON m.id = e.manager_id
         WHERE {expected_sql("e", "m")}),
      (SELECT count(*) FROM
         (SELECT DISTINCT session_id, manager_id FROM checkin WHERE voided = false) AS standing)
    """
)
KEYS = (
    "title",
    "managers",
    "countries",
    "topics",
    "tours",
    "sessions",
    "visits",
    "enrolments",
    "checkins",
)


def programme_counts(programme: ProgrammeFile) -> dict[str, Any]:
    """The counts docs/command.md names for `info --json`, with the programme's title and schema.

    `enrolments` counts expected ones (proposed or confirmed); `checkins` counts standing
    check-ins, a person once per session however many devices recorded them.
    """
    with programme.engine.connect() as connection:
        row = connection.execute(_COUNTS).one()
    return {**dict(zip(KEYS, row, strict=True)), "schema": programme.revision}


def tour_codes(programme: ProgrammeFile) -> list[tuple[str, str]]:
    """(code, title) of every tour in date order: the window's tour filter."""
    query = text("SELECT code, title FROM tour ORDER BY start_date, code")
    with programme.engine.connect() as connection:
        return [(code, title) for code, title in connection.execute(query)]
