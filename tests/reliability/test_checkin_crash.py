"""The crash harness: a door laptop killed at random moments loses no acknowledged scan.

A child process, the real `booster checkin record`, checks in a stream of badge tokens from a
pipe, as a scanner types them, and is killed with SIGKILL at a random moment: while starting,
opening and checking the file, between scans or in the middle of a commit. Every line it printed
before dying is a scan it acknowledged; each must be in the file afterwards, standing, and the
file must pass every check of `booster check`. Then the next child opens the same file (taking
over the dead one's lock) and it starts again.

About a minute by default; `BOOSTER_LONG_TESTS=1` runs thousands of kills (set
`BOOSTER_CRASH_RUNS` for another number). The figures are printed: runs, kills, acknowledged
scans, losses.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from contextlib import closing
from pathlib import Path

import pytest

from booster_desktop.domain.badge import new_token
from booster_desktop.services.programme import check_programme

LONG = os.environ.get("BOOSTER_LONG_TESTS") == "1"
RUNS = int(os.environ.get("BOOSTER_CRASH_RUNS", "3000" if LONG else "30"))

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
    # Each run starts a process (about 2 s here, several on a slow machine): the suite's
    # two minutes per test are not this test's budget.
    pytest.mark.timeout(max(600, RUNS * 20)),
]


def _tour_tokens(path: Path) -> dict[int, list[str]]:
    """Session id -> badge tokens of the managers its tour expects."""
    # Closed explicitly (a `with` on a connection only ends its transaction): a connection
    # left open here while `check_programme` opens and closes the file in plain Python
    # would lose its POSIX locks, and a child closing last would then delete the -shm this
    # process still maps.
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute(
            "SELECT s.id, b.token FROM tour_session s JOIN enrolment e ON e.tour_id = s.tour_id "
            "JOIN manager m ON m.id = e.manager_id AND m.status = 'active' "
            "JOIN badge_token b ON b.manager_id = m.id AND b.revoked_at IS NULL "
            "WHERE e.status IN ('proposed', 'confirmed')"
        ).fetchall()
    by_session: dict[int, list[str]] = defaultdict(list)
    for session_id, token in rows:
        by_session[session_id].append(token)
    return dict(by_session)


def _standing(path: Path, acknowledged: list[tuple[int, str]]) -> int:
    """How many of the acknowledged (session, token) scans are in the file, standing."""
    with closing(sqlite3.connect(path)) as connection:
        return sum(
            connection.execute(
                "SELECT EXISTS (SELECT 1 FROM checkin c JOIN badge_token b "
                "ON b.manager_id = c.manager_id WHERE b.token = ? AND c.session_id = ? "
                "AND c.voided = 0)",
                (token, session_id),
            ).fetchone()[0]
            for session_id, token in acknowledged
        )


def _child(path: Path, session_id: int, run: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "booster_desktop",
            "checkin",
            "record",
            str(path),
            "--session",
            str(session_id),
            "--device",
            f"door-{run}",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


def _feed(child: subprocess.Popen[bytes], lines: list[str]) -> None:
    assert child.stdin is not None
    try:
        child.stdin.write("".join(lines).encode())
        child.stdin.close()
    except BrokenPipeError:  # killed before it read everything
        pass


def test_killed_at_random_moments_no_acknowledged_scan_is_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from booster_desktop.services.demo import write_demo

    path = tmp_path / "door.booster"
    write_demo(path, managers=1000)
    sessions = _tour_tokens(path)
    chance = random.Random(int(os.environ.get("BOOSTER_CRASH_SEED", "26")))

    # One run left alone measures how long a child takes, so kills spread over its whole life.
    first_session = min(sessions)
    child = _child(path, first_session, 0)
    started = time.monotonic()
    _feed(child, [f"{t}\n" for t in sessions[first_session]])
    assert child.stdout is not None
    child.stdout.readline()
    assert child.wait(timeout=120) == 0
    child.stdout.close()
    lifetime = time.monotonic() - started

    runs = kills = acknowledged_total = losses = 0
    for run in range(1, RUNS + 1):
        session_id = chance.choice(list(sessions))
        tokens = list(sessions[session_id])
        chance.shuffle(tokens)
        # Some noise a real door sees: stray characters, a badge of nobody, a misread.
        tokens[:0] = [f"]C0{tokens[0]}\r", new_token(), tokens[1][:-1] + "X"]
        child = _child(path, session_id, run)
        _feed(child, [f"{t}\n" for t in tokens])
        assert child.stdout is not None
        first = b""
        if chance.random() < 0.7:
            # Most kills land while scans are being committed: right after a random number
            # of answers, counted rather than timed, so a busy machine cannot make the child
            # finish first.
            answers = chance.randint(1, max(1, len(tokens) - 2))
            first = b"".join(child.stdout.readline() for _ in range(answers))
            time.sleep(chance.uniform(0.0, 0.002))
        else:  # the others anywhere: starting, opening and checking the file, scanning
            time.sleep(chance.uniform(0.0, lifetime * 1.1))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        child.wait(timeout=120)
        out = (first + child.stdout.read()).decode()
        child.stdout.close()
        runs += 1
        # Only whole lines were acknowledged; a line cut by the kill was not.
        acknowledged = [
            (session_id, line.split("\t")[1])
            for line in out.split("\n")[:-1]
            if line.split("\t")[0] in ("welcome", "already")
        ]
        acknowledged_total += len(acknowledged)
        losses += len(acknowledged) - _standing(path, acknowledged)
        problem = check_programme(path)
        assert problem is None, f"run {run}: {problem}"

    with capsys.disabled():
        print(
            f"\ncrash harness: {runs} runs, {kills} kills, {acknowledged_total} acknowledged "
            f"scans, {losses} lost"
        )
    assert losses == 0
    assert kills > runs // 3  # the harness really kills (most runs die before their end)
    done = subprocess.run(
        [sys.executable, "-m", "booster_desktop", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
