"""A check-in at a door on a server, from token to durable commit: ours beside bare psycopg.

    python door_timings.py URL SCANS

URL is a database holding the demo (pushed). Both sides check in the same badges (the
largest tour's expected managers, at its first session), one scan at a time, each committed
on the server before the next; the check-ins either side made are deleted before it starts
(untimed). Ours: `open_desk` on the programme, a `DoorDesk` (the door that keeps going
offline), `record(token)`: read the scan back, one lookup of badge, enrolment and earlier
check-ins, then the check-in, its change history and its NOTIFY as one statement that the
server commits before it answers (`ProgrammeFile.adding`). Bare: one psycopg
connection, `SELECT manager_id FROM badge_token WHERE token = %s`, INSERT, COMMIT. Prints the
median seconds per scan of each side as one JSON object.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime

import psycopg

from booster_desktop.services.door_journal import DoorDesk, open_desk
from booster_desktop.services.programme import open_programme


def badges(url: str, scans: int) -> tuple[int, list[str]]:
    """The first session of the largest tour, and its expected managers' tokens."""
    with psycopg.connect(url) as connection:
        (tour,) = connection.execute(
            "SELECT tour_id FROM enrolment WHERE status IN ('proposed', 'confirmed') "
            "GROUP BY tour_id ORDER BY count(*) DESC, tour_id LIMIT 1"
        ).fetchone() or (None,)
        (session,) = connection.execute(
            "SELECT id FROM tour_session WHERE tour_id = %s ORDER BY date, start_time LIMIT 1",
            (tour,),
        ).fetchone() or (None,)
        tokens = [
            token
            for (token,) in connection.execute(
                "SELECT b.token FROM enrolment e JOIN badge_token b ON b.manager_id = "
                "e.manager_id AND b.revoked_at IS NULL JOIN manager m ON m.id = e.manager_id "
                "WHERE e.tour_id = %s AND e.status IN ('proposed', 'confirmed') AND "
                "m.status = 'active' ORDER BY e.id LIMIT %s",
                (tour, scans),
            )
        ]
    return int(session), tokens


def clear(url: str, session: int) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DELETE FROM checkin WHERE session_id = %s", (session,))


def ours(url: str, session: int, tokens: list[str]) -> list[float]:
    clear(url, session)
    times = []
    with open_programme(url, writable=True) as programme:
        desk = open_desk(programme, session, device="bench")
        assert isinstance(desk, DoorDesk)
        for token in tokens:
            start = time.perf_counter()
            result = desk.record(f"{token}\r\n")
            times.append(time.perf_counter() - start)
            assert result.recorded, result
        assert desk.waiting == 0
        desk.close()
    return times


def bare(url: str, session: int, tokens: list[str]) -> list[float]:
    clear(url, session)
    times = []
    with psycopg.connect(url) as connection:
        for token in tokens:
            start = time.perf_counter()
            (manager,) = connection.execute(
                "SELECT manager_id FROM badge_token WHERE token = %s", (token,)
            ).fetchone() or (None,)
            connection.execute(
                "INSERT INTO checkin (id, session_id, manager_id, recorded_at, device, voided, "
                "admitted_unregistered) VALUES (%s, %s, %s, %s, 'bench', false, false)",
                (str(uuid.uuid4()), session, manager, datetime.now(UTC).replace(tzinfo=None)),
            )
            connection.commit()
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    url = sys.argv[1]
    scans = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    session, tokens = badges(url, scans)
    # Alternating halves, so that neither side gets the quieter moments of the server.
    half = len(tokens) // 2
    ours_times = ours(url, session, tokens[:half])
    bare_times = bare(url, session, tokens[:half])
    ours_times += ours(url, session, tokens[half:])
    bare_times += bare(url, session, tokens[half:])
    medians = {"ours": statistics.median(ours_times), "bare": statistics.median(bare_times)}
    print(json.dumps(medians))


if __name__ == "__main__":
    main()
