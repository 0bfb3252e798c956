"""Writers killed at random moments (SIGKILL: no clean-up of any kind) leave the programme
all-or-nothing and passing `check`, and the next writing command clears what they left.

Import, allocation apply and demo, each killed a few times in CI; BOOSTER_LONG_TESTS=1 kills
each a hundred times (the README's figures).
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.services.programme import open_programme, programme_problems

LONG = bool(os.environ.get("BOOSTER_LONG_TESTS"))
KILLS = 100 if LONG else 3
MANAGERS = 400
BOOSTER = str(Path(sys.executable).with_name("booster"))


def _run(*args: str) -> float:
    """Run `booster` to the end; returns how long it took (to aim the kills)."""
    started = time.monotonic()
    done = subprocess.run([BOOSTER, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


def _kill_during(args: list[str], delay: float) -> bool:
    """Start `booster`, SIGKILL it after `delay` seconds; False if it had already finished."""
    process = subprocess.Popen([BOOSTER, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True
    finally:
        if process.stderr:
            process.stderr.close()
    return False


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _state(path: Path) -> tuple[int, frozenset[tuple[object, ...]]]:
    managers = _query(path, "SELECT count(*) FROM manager")[0][0]
    enrolments = frozenset(_query(path, "SELECT manager_id, tour_id, status FROM enrolment"))
    return int(str(managers)), enrolments


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _source(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Given name", "Family name", "Country", "E-mail", "Topics"])
        for n in range(rows):
            writer.writerow([f"Given{n}", f"Family{n}", "Tunisia", f"m{n}@example.org", ""])
    return path


def _after_kill(path: Path, allowed: set[object], state: Callable[[Path], object]) -> str:
    """What a killed writer left: 'before', 'after', or a failure."""
    problems = programme_problems(path, limit=3)
    if problems:
        return f"fails check: {problems}"
    found = state(path)
    return "whole" if found in allowed else f"half-written: {str(found)[:200]}"


@pytest.mark.timeout(7200 if LONG else 300)
def test_killed_writers_leave_the_programme_whole_and_nothing_behind(
    tmp_path: Path,
) -> None:
    rng = random.Random(int(os.environ.get("BOOSTER_KILL_SEED", "22")))
    counts: Counter[str] = Counter()
    bad: list[str] = []
    master = tmp_path / "master.booster"
    _run("demo", str(master), "--managers", str(MANAGERS))
    source = _source(tmp_path / "new managers.csv", 3000)

    # What each writer does when left alone: the only states a kill may leave.
    reference = tmp_path / "reference"
    reference.mkdir()
    imported = reference / "imported.booster"
    shutil.copyfile(master, imported)
    import_time = _run("import", "managers", str(imported), str(source))
    allocated = reference / "allocated.booster"
    shutil.copyfile(master, allocated)
    allocate_time = _run("allocate", str(allocated), "--apply", "--seed", "7")
    assert _state(allocated) != _state(master)  # an allocation that changes the file
    demo_time = _run("demo", str(reference / "demo.booster"), "--managers", str(MANAGERS))
    fresh_demo = reference / "fresh.booster"
    _run("demo", str(fresh_demo), "--managers", "30")

    work = tmp_path / "work"
    work.mkdir()
    path = work / "programme.booster"
    kinds: list[tuple[str, list[str], float, set[object]]] = [
        (
            "import",
            ["import", "managers", str(path), str(source)],
            import_time,
            {_state(master), _state(imported)},
        ),
        (
            "allocation apply",
            ["allocate", str(path), "--apply", "--seed", "7"],
            allocate_time,
            {_state(master), _state(allocated)},
        ),
        (
            "demo --force",
            ["demo", str(path), "--force", "--managers", "30"],
            demo_time,
            {_state(master), _state(fresh_demo)},
        ),
    ]

    for round_ in range(KILLS):
        for kind, args, duration, allowed in kinds:
            shutil.copyfile(master, path)
            killed = _kill_during(args, rng.uniform(0.05, duration * 1.1))
            counts["runs"] += 1
            counts["kills"] += killed
            outcome = _after_kill(path, allowed, _state)
            counts["whole" if outcome == "whole" else "failing check or half-written"] += 1
            if outcome != "whole":
                bad.append(f"{kind}, round {round_}: {outcome}")
            # Backups go to the programme's backup folder, never beside the programme.
            beside = [p.name for p in work.glob("* (before *")]
            if beside:
                bad.append(f"{kind}, round {round_}: backups beside the programme: {beside}")
            counts["kills that left partial files"] += bool(_hidden(work))
            # The next writing command clears what the killed one left, and can write.
            next_out = work / "next.ics"
            export = ["export", "ics", str(path), "--tour", "CAT", "-o", str(next_out)]
            if main(export) != 0 or _hidden(work):
                counts["leftovers after the next command"] += 1
                bad.append(f"{kind}, round {round_}: {_hidden(work)}")
            with open_programme(path, writable=True) as programme:  # no stale lock in the way
                assert programme.writable
            for leftover in work.iterdir():
                if leftover.is_file():
                    leftover.unlink()
    # A killed demo onto a new path leaves nothing, or the whole demo.
    for round_ in range(KILLS):
        target = work / "new.booster"
        killed = _kill_during(
            ["demo", str(target), "--managers", str(MANAGERS)], rng.uniform(0.05, demo_time * 1.1)
        )
        counts["runs"] += 1
        counts["kills"] += killed
        counts["kills that left partial files"] += bool(_hidden(work))
        if target.exists() and programme_problems(target, limit=1):
            bad.append(f"new demo, round {round_}: fails check")
        if main(["demo", str(work / "other.booster"), "--managers", "2"]) != 0 or _hidden(work):
            bad.append(f"new demo, round {round_}: left {_hidden(work)}")
        for leftover in work.iterdir():
            leftover.unlink()
    report = {**counts}
    print(json.dumps(report))
    if os.environ.get("BOOSTER_RELIABILITY_REPORT"):
        with Path(os.environ["BOOSTER_RELIABILITY_REPORT"]).open("a", encoding="utf-8") as log:
            log.write(json.dumps({"kill": report}) + "\n")
    assert bad == [], "\n".join(bad[:30])
    assert counts["kills"] > 0
