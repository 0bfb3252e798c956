"""A check-in from token to durable commit, in-process: ours beside a bare SQLite script.

    python checkin_timings.py FILE SCRATCH [SCANS]

Both sides work on their own copy of FILE (copied untimed) and check in the same badges
(the largest tour's expected managers, at its first session), one scan at a time, each
committed before the next. Ours: `CheckinDesk.record(token)` (read the scan back, one lookup
of badge, enrolment and earlier check-ins, INSERT, COMMIT). Bare: `sqlite3` with the same
durability settings (WAL, synchronous=FULL, foreign keys on): `SELECT manager_id FROM
badge_token WHERE token = ?`, INSERT, COMMIT. Prints the median seconds per scan of each
side as one JSON object.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import statistics
import sys
import time
import uuid
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from booster_desktop.services.checkin import CheckinDesk
from booster_desktop.services.programme import open_programme


def badges(path: Path, scans: int) -> tuple[int, list[str]]:
    """The first session of the largest tour, and its expected managers' tokens."""
    with closing(sqlite3.connect(path)) as connection:
        (tour,) = connection.execute(
            "SELECT tour_id FROM enrolment WHERE status IN ('proposed', 'confirmed') "
            "GROUP BY tour_id ORDER BY count(*) DESC, tour_id LIMIT 1"
        ).fetchone()
        (session,) = connection.execute(
            "SELECT id FROM tour_session WHERE tour_id = ? ORDER BY date, start_time LIMIT 1",
            (tour,),
        ).fetchone()
        tokens = [
            token
            for (token,) in connection.execute(
                "SELECT b.token FROM enrolment e JOIN badge_token b ON b.manager_id = "
                "e.manager_id AND b.revoked_at IS NULL WHERE e.tour_id = ? AND e.status IN "
                "('proposed', 'confirmed') ORDER BY e.id LIMIT ?",
                (tour, scans),
            )
        ]
    return session, tokens


def ours(path: Path, session: int, tokens: list[str]) -> list[float]:
    times = []
    with open_programme(path, writable=True) as programme:
        desk = CheckinDesk(programme, session, device="bench")
        for token in tokens:
            start = time.perf_counter()
            result = desk.record(f"{token}\r\n")
            times.append(time.perf_counter() - start)
            assert result.recorded, result
    return times


def bare(path: Path, session: int, tokens: list[str]) -> list[float]:
    times = []
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = FULL")
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        for token in tokens:
            start = time.perf_counter()
            connection.execute("BEGIN IMMEDIATE")
            (manager,) = connection.execute(
                "SELECT manager_id FROM badge_token WHERE token = ?", (token,)
            ).fetchone()
            connection.execute(
                "INSERT INTO checkin (id, session_id, manager_id, recorded_at, device, voided, "
                "admitted_unregistered) VALUES (?, ?, ?, ?, 'bench', 0, 0)",
                (str(uuid.uuid4()), session, manager, datetime.now(UTC).replace(tzinfo=None)),
            )
            connection.execute("COMMIT")
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    source, scratch = Path(sys.argv[1]), Path(sys.argv[2])
    scans = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    session, tokens = badges(source, scans)
    ours_file, bare_file = scratch / "checkin-ours.booster", scratch / "checkin-bare.booster"
    for copy in (ours_file, bare_file):
        for suffix in ("-wal", "-shm"):
            copy.with_name(copy.name + suffix).unlink(missing_ok=True)
        shutil.copyfile(source, copy)
    # Alternating halves, so that neither side gets the quieter moments of the disk.
    half = len(tokens) // 2
    ours_times = ours(ours_file, session, tokens[:half])
    bare_times = bare(bare_file, session, tokens[:half])
    ours_times += ours(ours_file, session, tokens[half:])
    bare_times += bare(bare_file, session, tokens[half:])
    medians = {"ours": statistics.median(ours_times), "bare": statistics.median(bare_times)}
    print(json.dumps(medians))


if __name__ == "__main__":
    main()
