"""Two writers never both write: real processes racing for one stale lock, one winner."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from booster_desktop.store.lock import lock_path, read_holder

RACERS = 8
LONG = bool(os.environ.get("BOOSTER_LONG_TESTS"))
ROUNDS = 2000 if LONG else 60

# The file's own nature: the lock file beside a programme file.
pytestmark = pytest.mark.sqlite_only

# Each racer, round after round, waits for the round's start file, tries to take the lock once
# and says whether it won; the winner holds the lock until the parent has heard every racer.
RACER = """
import os, sys
from pathlib import Path
from booster_desktop.domain.errors import BoosterError
from booster_desktop.store.lock import ProgrammeLock
programme, folder, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
for n in range(rounds):
    start, done = folder / f"start{n}", folder / f"done{n}"
    while not start.exists():
        os.sched_yield()
    try:
        lock = ProgrammeLock.acquire(programme)
    except BoosterError as error:
        print("lost", error, flush=True)
        continue
    print("won", flush=True)
    while not done.exists():
        os.sched_yield()
    lock.release()
    print("released", flush=True)
"""


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.timeout(3600 if LONG else 120)
def test_many_processes_racing_for_one_stale_lock_have_one_winner(tmp_path: Path) -> None:
    programme = tmp_path / "raced.booster"
    programme.write_bytes(b"")
    folder = tmp_path / "signals"
    folder.mkdir()
    dead = _dead_pid()
    record = json.dumps({"host": socket.gethostname(), "pid": dead, "since": "yesterday"})
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(programme), str(folder), str(ROUNDS)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(RACERS)
    ]
    try:
        for n in range(ROUNDS):
            lock_path(programme).write_text(record, encoding="utf-8")  # left by a dead process
            (folder / f"start{n}").touch()
            verdicts = [r.stdout.readline().strip() for r in racers if r.stdout]
            winners = [r for r, v in zip(racers, verdicts, strict=True) if v == "won"]
            (folder / f"done{n}").touch()
            assert len(winners) == 1, f"round {n}: {verdicts}"
            assert all("is in use" in v for v in verdicts if v != "won"), verdicts
            assert winners[0].stdout is not None
            assert winners[0].stdout.readline().strip() == "released"
            assert not lock_path(programme).exists()  # the winner removed it on release
    finally:
        for n in range(ROUNDS):
            (folder / f"start{n}").touch()
            (folder / f"done{n}").touch()
        for racer in racers:
            racer.wait(timeout=60)
            if racer.stdout:
                racer.stdout.close()


def test_a_killed_holder_frees_the_lock_at_once(tmp_path: Path) -> None:
    programme = tmp_path / "held.booster"
    programme.write_bytes(b"")
    (tmp_path / "start0").touch()
    holder = subprocess.Popen(
        [sys.executable, "-c", RACER, str(programme), str(tmp_path), "1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "won"
    seen = read_holder(programme)
    assert seen is not None and seen.pid == holder.pid
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.store.lock import ProgrammeLock

    with pytest.raises(BoosterError, match=f"process {holder.pid}"):
        ProgrammeLock.acquire(programme)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    assert lock_path(programme).exists()  # left behind by the killed process ...
    assert read_holder(programme) is None  # ... and free
    lock = ProgrammeLock.acquire(programme)
    try:
        seen = read_holder(programme)
        assert seen is not None and seen.pid == os.getpid()
    finally:
        lock.release()
