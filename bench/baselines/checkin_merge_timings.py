"""Merging another laptop's journal of check-ins, in-process: ours beside a bare executemany.

    python checkin_merge_timings.py FILE SCRATCH [CHECKINS]

Untimed setup: a journal of CHECKINS (10,000) check-ins of FILE's programme, as another laptop
exports it (each tour's expected managers at its sessions, a tenth of them voided), and a
fresh copy of FILE for each side. Ours: `merge_journal` (read and check the whole journal,
map badge tokens and session UUIDs, one transaction: INSERT, COMMIT). Bare: `sqlite3` with
the same durability settings reading the same lines with `json.loads`, mapping tokens and
session UUIDs through two dictionaries, and one `executemany` INSERT of the same rows in one
transaction. Prints the seconds of each side as one JSON object.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import time
import uuid
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from booster_desktop.services.journal import Entry, merge_journal, write_journal
from booster_desktop.services.programme import open_programme


def make_journal(source: Path, target: Path, count: int) -> None:
    with closing(sqlite3.connect(source)) as connection:
        (programme,) = connection.execute("SELECT uuid FROM programme").fetchone()
        pairs = connection.execute(
            "SELECT s.uuid, b.token FROM tour_session s JOIN enrolment e ON e.tour_id = "
            "s.tour_id JOIN badge_token b ON b.manager_id = e.manager_id AND b.revoked_at IS "
            "NULL WHERE e.status IN ('proposed', 'confirmed') ORDER BY s.id, e.id LIMIT ?",
            (count,),
        ).fetchall()
    start = datetime(2018, 11, 19, 8, tzinfo=UTC)
    entries = [
        Entry(
            str(uuid.uuid4()),
            session,
            (token,),
            start + timedelta(seconds=n),
            "laptop-b",
            n % 10 == 0,
            False,
        )
        for n, (session, token) in enumerate(pairs)
    ]
    write_journal(target, programme, entries)


def ours(path: Path, journal: Path) -> float:
    with open_programme(path, writable=True) as programme:
        start = time.perf_counter()
        report = merge_journal(programme, journal)
        seconds = time.perf_counter() - start
    assert report.added > 0
    return seconds


def bare(path: Path, journal: Path) -> float:
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = FULL")
        start = time.perf_counter()
        sessions = dict(connection.execute("SELECT uuid, id FROM tour_session").fetchall())
        managers = dict(connection.execute("SELECT token, manager_id FROM badge_token").fetchall())
        lines = journal.read_text(encoding="utf-8").splitlines()[1:-1]
        rows = []
        for line in lines:
            entry = json.loads(line)
            at = datetime.fromisoformat(entry["at"]).astimezone(UTC).replace(tzinfo=None)
            rows.append(
                (
                    entry["id"],
                    sessions[entry["session"]],
                    managers[entry["manager"]],
                    at.isoformat(sep=" "),
                    entry["device"],
                    entry["voided"],
                    entry["admitted_unregistered"],
                )
            )
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT INTO checkin (id, session_id, manager_id, recorded_at, device, voided, "
            "admitted_unregistered) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        connection.execute("COMMIT")
        return time.perf_counter() - start


def main() -> None:
    source, scratch = Path(sys.argv[1]), Path(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    journal = scratch / f"journal-{count}.jsonl"
    if not journal.exists():
        make_journal(source, journal, count)
    copies = []
    for name in ("merge-ours.booster", "merge-bare.booster"):
        copy = scratch / name
        for suffix in ("-wal", "-shm"):
            copy.with_name(copy.name + suffix).unlink(missing_ok=True)
        shutil.copyfile(source, copy)
        copies.append(copy)
    print(json.dumps({"ours": ours(copies[0], journal), "bare": bare(copies[1], journal)}))


if __name__ == "__main__":
    main()
