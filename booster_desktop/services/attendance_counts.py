"""Attendance counted for rosters and certificates: standing check-ins, a person once per session.

Check-ins come from the door (the scanner) and from paper sign-in sheets typed in afterwards;
both are rows of the same table. A voided check-in does not count; two laptops that recorded
the same person at the same session count once, at the earliest moment recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, func, select

from booster_desktop.domain.checkin import CheckIn
from booster_desktop.domain.kinds import SessionKind

# The kinds of session a certificate counts: what a tour teaches.
COUNTED_KINDS = (SessionKind.TRAINING, SessionKind.VISIT)


def first_check_ins(
    connection: Connection, session_ids: Iterable[int]
) -> dict[tuple[int, int], datetime]:
    """The earliest standing check-in of each (session, manager) of those sessions (UTC)."""
    ids = list(session_ids)
    if not ids:
        return {}
    rows = connection.execute(
        select(
            CheckIn.session_id,
            CheckIn.manager_id,
            func.min(CheckIn.recorded_at),
        )
        .where(CheckIn.session_id.in_(ids), CheckIn.voided.is_(False))
        .group_by(CheckIn.session_id, CheckIn.manager_id)
    )
    return {(session, manager): moment for session, manager, moment in rows}


def attended_sessions(connection: Connection, session_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each manager seen, the sessions (of those given) they attended."""
    attended: dict[int, set[int]] = {}
    for session, manager in first_check_ins(connection, session_ids):
        attended.setdefault(manager, set()).add(session)
    return attended


def meets_minimum(attended: int, total: int, minimum: int) -> bool:
    """Whether `attended` of `total` sessions reaches `minimum` percent (exactly, no rounding)."""
    return total > 0 and attended * 100 >= minimum * total


def percentage(attended: int, total: int) -> int:
    """Attendance as a whole percentage, rounded down (79.9% is 79%, never 80%)."""
    return attended * 100 // total if total else 0
