"""A change seen by a second window, across two processes: ours beside a bare NOTIFY.

    python live_timings.py URL [CHANGES]

Ours: this process writes through the write gate (Programme > Details' title, saved with
`save_details`) and stamps the moment each write asks the server to commit (SQLAlchemy's
`commit` event, just before the driver's COMMIT: the commit's own time is counted); a second
process has the same programme open in a
`ProgrammeDocument` (offscreen Qt, its listener thread running) and stamps the moment the
document emits `changed` for it. Bare: this process stamps the moment it sends `NOTIFY` on an
autocommit psycopg connection (sent and committed by that one statement); a second process waits in
`connection.notifies()` on its own connection and stamps each arrival. Both stamps are
`time.monotonic()`, one clock for every process on the machine. Each change waits for the
previous one to be seen. Prints the median seconds of each side as one JSON object.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import subprocess
import sys
import time
from typing import IO


def ours_listener(url: str, changes: int) -> None:
    """The second window: a document on the programme, printing when `changed` fires."""
    from PySide6.QtGui import QGuiApplication

    from booster_desktop.services.programme import open_programme
    from booster_desktop.ui.document import ProgrammeDocument

    app = QGuiApplication([])
    document = ProgrammeDocument()
    document.open(open_programme(url, writable=True))
    feed = document.feed
    assert feed is not None
    feed.listening.wait(30)
    seen = 0

    def changed(_change: object) -> None:
        nonlocal seen
        print(time.monotonic(), flush=True)
        seen += 1
        if seen == changes:
            app.quit()

    document.changed.connect(changed)
    print("ready", flush=True)
    app.exec()
    document.close()


def bare_listener(url: str, changes: int) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("LISTEN bench_bare")
        print("ready", flush=True)
        for _ in connection.notifies(stop_after=changes):
            print(time.monotonic(), flush=True)


def _listening(side: str, url: str, changes: int) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, __file__, side, url, str(changes)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    if line != "ready":
        child.kill()
        raise SystemExit(f"the {side} listener did not start ({line!r})")
    return child


def _seen(output: IO[str]) -> float:
    line = output.readline()
    if not line:
        raise SystemExit("the listener stopped before seeing every change")
    return float(line)


def ours(url: str, changes: int) -> list[float]:
    from sqlalchemy import event

    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.programme_details import programme_details, save_details

    child = _listening("ours-listener", url, changes)
    assert child.stdout is not None
    committed: list[float] = []
    delays = []
    try:
        with open_programme(url, writable=True) as programme:
            event.listen(programme.engine, "commit", lambda _c: committed.append(time.monotonic()))
            for number in range(changes):
                # Read afresh as an editor would: each save raises the programme's version.
                details = programme_details(programme)
                save_details(programme, dataclasses.replace(details, title=f"Bench {number}"))
                delays.append(_seen(child.stdout) - committed[-1])
        child.wait(30)
    finally:
        if child.poll() is None:  # a failed run must not leave the listener holding the pipe
            child.kill()
    return delays


def bare(url: str, changes: int) -> list[float]:
    import psycopg

    child = _listening("bare-listener", url, changes)
    assert child.stdout is not None
    delays = []
    with psycopg.connect(url, autocommit=True) as connection:
        for number in range(changes):
            sent = time.monotonic()
            connection.execute("SELECT pg_notify('bench_bare', %s)", (f"change {number}",))
            delays.append(_seen(child.stdout) - sent)
    child.wait(30)
    return delays


def main() -> None:
    if sys.argv[1] in ("ours-listener", "bare-listener"):
        listener = ours_listener if sys.argv[1] == "ours-listener" else bare_listener
        listener(sys.argv[2], int(sys.argv[3]))
        return
    url = sys.argv[1]
    changes = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    mine, theirs = ours(url, changes), bare(url, changes)
    print(
        json.dumps(
            {
                "ours": statistics.median(mine),
                "bare": statistics.median(theirs),
                "ours_runs": [round(s, 5) for s in mine],
                "bare_runs": [round(s, 5) for s in theirs],
            }
        )
    )


if __name__ == "__main__":
    main()
