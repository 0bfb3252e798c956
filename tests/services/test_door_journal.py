"""Doors without network: a door on the server keeps checking people in when the link drops,
and every scan it acknowledged reaches the server exactly once when the link is back.

The outage is a small TCP proxy in front of the test server (`tests/door_proxy.py`), cut and
restored by the test: the server shared by the whole pass never stops. What the server holds
is read back directly with SQL, not through the door.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.checkin import CheckinDesk, ScanState
from booster_desktop.services.door_journal import (
    DoorDesk,
    DoorSender,
    offline_journal,
    open_desk,
    send_waiting,
)
from booster_desktop.services.programme import open_programme
from booster_desktop.store.door_file import OfflineJournal
from tests import programme_db
from tests.conftest import server_url
from tests.door_proxy import Proxy, server_target
from tests.services.test_checkin import DAY_ONE, _expected, _session

ROOT = Path(__file__).resolve().parents[2]


def _checkins(server: Any, session: int) -> list[tuple[str, int, bool]]:
    """(id, manager, voided) of the session's check-ins on the server, oldest first."""
    with closing(programme_db.connect(server)) as connection:
        rows = connection.execute(
            "SELECT id, manager_id, voided FROM checkin WHERE session_id = ? "
            "ORDER BY recorded_at, id",
            (session,),
        ).fetchall()
    return [(str(i), int(m), bool(v)) for i, m, v in rows]


@pytest.fixture
def proxy() -> Iterator[Proxy]:
    url = server_url()
    if url is None:
        pytest.skip("needs a PostgreSQL server")
    door = Proxy(server_target(url))
    yield door
    door.cut()


@pytest.fixture
def door(demo_file: Any, proxy: Proxy) -> Iterator[tuple[DoorDesk, Any, int, list[Any]]]:
    """A door on the demo's first CAT session, reaching the server through the proxy."""
    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")
    with open_programme(proxy.address(demo_file), writable=True) as programme:
        desk = open_desk(programme, session, device="door-1")
        assert isinstance(desk, DoorDesk)
        yield desk, demo_file, session, people
        desk.close()


def test_a_door_on_a_file_is_the_plain_desk(demo_file: Path) -> None:
    if not isinstance(demo_file, Path):
        pytest.skip("a programme file")
    with open_programme(demo_file, writable=True) as programme:
        desk = open_desk(programme, _session(demo_file, "CAT", "Joint training"))
        assert type(desk) is CheckinDesk


@pytest.mark.postgresql_only
def test_scans_made_offline_arrive_once_in_order_when_the_server_is_back(
    door: tuple[DoorDesk, Any, int, list[Any]], proxy: Proxy
) -> None:
    desk, server, session, people = door
    (a, *_), (b, *_), (c, *_), (d, *_), (e, *_) = people[:5]
    tokens = {p[0]: p[1] for p in people}
    at = DAY_ONE
    assert desk.record(tokens[a], now=at).state is ScanState.WELCOME  # online
    assert [m for _, m, _ in _checkins(server, session)] == [a]

    proxy.cut()
    results = [
        desk.record(tokens[m], now=at + timedelta(minutes=n)) for n, m in enumerate((b, c, d), 1)
    ]
    assert [(r.state, r.recorded) for r in results] == [(ScanState.WELCOME, True)] * 3
    # Decided offline on the roster copy: a second scan is "already", a stranger is unknown.
    again = desk.record(tokens[b], now=at + timedelta(minutes=9))
    assert again.state is ScanState.ALREADY and not again.recorded
    assert desk.record("AAAAAAAAAAAAAAAAAAAAA", now=at).state is not ScanState.WELCOME
    # Undo offline voids the last one, in the journal too.
    assert desk.void_last().checkin_id == results[-1].checkin_id
    assert desk.waiting == 4
    count = desk.head_count()
    assert count.checked_in == 3  # a (on the server), b and c (waiting)
    assert [m for _, m, _ in _checkins(server, session)] == [a]

    proxy.restore()
    # Back online, a scan still waits behind the ones before it: the server gets them in order.
    late = desk.record(tokens[e], now=at + timedelta(minutes=20))
    assert late.recorded and desk.waiting == 5
    assert len(_checkins(server, session)) == 1
    sent = desk.send_now()
    assert sent is not None and (sent.lines, sent.added, sent.voided) == (5, 4, 0)
    assert desk.waiting == 0
    on_server = _checkins(server, session)
    assert [m for _, m, _ in on_server] == [a, b, c, d, e]
    assert [v for *_, v in on_server] == [False, False, False, True, False]
    ids = [i for i, _, _ in on_server]
    assert ids[1:] == [r.checkin_id for r in results] + [late.checkin_id]
    # Sending again adds nothing; the next scan goes straight to the server.
    assert desk.send_now() == type(sent)(0, 0, 0)
    desk.record(tokens[people[5][0]], now=at + timedelta(minutes=30))
    assert desk.waiting == 0 and len(_checkins(server, session)) == 6


@pytest.mark.postgresql_only
def test_a_resend_after_a_lost_acknowledgement_adds_nothing_twice(
    door: tuple[DoorDesk, Any, int, list[Any]], proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, server, session, people = door
    proxy.cut()
    for n, person in enumerate(people[:3]):
        desk.record(person[1], now=DAY_ONE + timedelta(minutes=n))
    proxy.restore()
    original = OfflineJournal.mark_sent
    lost = []

    def acknowledgement_lost(self: OfflineJournal, seqs: list[int], at: Any, **kept: Any) -> None:
        lost.append(seqs)
        raise BoosterError("the acknowledgement was lost")

    # The server commits; the laptop never hears it (the link drops before the answer).
    monkeypatch.setattr(OfflineJournal, "mark_sent", acknowledgement_lost)
    with pytest.raises(BoosterError):
        send_waiting(desk.door, desk.journal)
    assert lost and len(_checkins(server, session)) == 3
    assert desk.journal.count_waiting() == 3
    monkeypatch.setattr(OfflineJournal, "mark_sent", original)
    sent = desk.send_now()
    assert sent is not None and (sent.lines, sent.added, sent.voided) == (3, 0, 0)
    assert sorted(m for _, m, _ in _checkins(server, session)) == sorted(p[0] for p in people[:3])
    assert desk.waiting == 0


@pytest.mark.postgresql_only
def test_the_sender_sends_on_its_own_when_the_server_answers_again(
    door: tuple[DoorDesk, Any, int, list[Any]], proxy: Proxy
) -> None:
    desk, server, session, people = door
    proxy.cut()
    desk.record(people[0][1], now=DAY_ONE)
    desk.record(people[1][1], now=DAY_ONE + timedelta(minutes=1))
    told: list[tuple[int, int]] = []
    done = threading.Event()

    def heard(waiting: int, sent: int) -> None:
        told.append((waiting, sent))
        if not waiting:
            done.set()

    sender = DoorSender(desk, heard, retry=0.05).start()
    try:
        sender.wake()
        while not told:  # it tried while the link was down, and kept both
            threading.Event().wait(0.05)
        assert told[0] == (2, 0) and _checkins(server, session) == []
        proxy.restore()
        assert done.wait(60)
    finally:
        sender.stop()
    assert told[-1] == (0, 2)
    assert len(_checkins(server, session)) == 2


@pytest.mark.postgresql_only
@pytest.mark.parametrize("trouble", ["damaged", "locked"])
def test_a_journal_that_cannot_be_written_never_says_welcome(
    demo_file: Any, proxy: Proxy, trouble: str
) -> None:
    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")
    with open_programme(proxy.address(demo_file), writable=True) as programme:
        path = offline_journal(programme).path
        path.parent.mkdir(parents=True, exist_ok=True)
        holder = None
        if trouble == "damaged":
            path.write_bytes(b"this is not a journal at all" * 100)
        else:
            OfflineJournal(path, "x").check()
            holder = sqlite3.connect(path, isolation_level=None)
            holder.execute("BEGIN EXCLUSIVE")
        try:
            desk = open_desk(programme, session, device="door-1")
            assert isinstance(desk, DoorDesk)
            assert desk.record(people[0][1], now=DAY_ONE).state is ScanState.WELCOME  # online
            proxy.cut()
            with pytest.raises(BoosterError) as refused:
                desk.record(people[1][1], now=DAY_ONE + timedelta(minutes=1))
            message = str(refused.value)
            assert "\n" not in message and str(path) in message and "not recorded" in message
            assert ("locked" in message) == (trouble == "locked")
            assert desk.waiting == 0
            desk.close()
        finally:
            if holder is not None:
                holder.close()
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[0][0]]


def _booster(*args: str, **kwargs: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "booster_desktop", *args],
        cwd=ROOT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        **kwargs,
    )


def _door_process(url: str, session: int, device: str | None = None) -> subprocess.Popen[str]:
    """`booster checkin record URL --session S` reading scans on its stdin, as a scanner
    types them, its answers on stdout."""
    named = [] if device is None else ["--device", device]
    door = _booster(
        "checkin", "record", url, "--session", str(session), *named,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert door.stdin is not None and door.stdout is not None
    return door


@pytest.mark.postgresql_only
def test_a_door_killed_offline_loses_no_acknowledged_scan(demo_file: Any, proxy: Proxy) -> None:
    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")[:5]
    url = proxy.address(demo_file).url.render_as_string(hide_password=False)
    door = _door_process(url, session, "door-k")
    assert door.stdin is not None and door.stdout is not None
    try:
        door.stdin.write(people[0][1] + "\n")
        door.stdin.flush()
        assert door.stdout.readline().startswith("welcome\t")  # on the server
        proxy.cut()
        for person in people[1:]:
            door.stdin.write(person[1] + "\n")
            door.stdin.flush()
            line = door.stdout.readline()
            assert line.startswith("welcome\t") and person[1] in line  # acknowledged offline
    finally:
        door.send_signal(signal.SIGKILL)
        door.wait()
    assert door.returncode == -signal.SIGKILL
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[0][0]]

    proxy.restore()
    sender = _booster("checkin", "send", url, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = sender.communicate(timeout=120)
    assert sender.returncode == 0, err
    assert "Sent 4 offline scans: 4 check-ins added, 0 voided" in out
    assert sorted(m for _, m, _ in _checkins(demo_file, session)) == sorted(p[0] for p in people)
    again = _booster("checkin", "send", url, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, _err = again.communicate(timeout=120)
    assert "Sent 0 offline scans" in out and len(_checkins(demo_file, session)) == 5


@pytest.mark.postgresql_only
def test_a_pulled_files_journal_merges_into_the_server(demo_file: Any, tmp_path: Path) -> None:
    from booster_desktop.cli import main
    from booster_desktop.services.programme import pull_programme

    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")[:3]
    pulled = tmp_path / "away.booster"
    pull_programme(demo_file, pulled)
    with open_programme(pulled, writable=True) as programme:
        desk = CheckinDesk(programme, session, device="away")
        for n, person in enumerate(people):
            desk.record(person[1], now=DAY_ONE + timedelta(minutes=n))
        desk.void_last()
    journal = tmp_path / "away.jsonl"
    assert main(["checkin", "export", str(pulled), "-o", str(journal)]) == 0
    url = demo_file.url.render_as_string(hide_password=False)
    assert main(["checkin", "merge", url, str(journal)]) == 0
    assert [(m, v) for _, m, v in _checkins(demo_file, session)] == [
        (people[0][0], False),
        (people[1][0], False),
        (people[2][0], True),
    ]
    assert main(["checkin", "merge", url, str(journal)]) == 0  # twice changes nothing
    assert len(_checkins(demo_file, session)) == 3


@pytest.mark.postgresql_only
def test_the_sender_outlives_a_failure_and_says_it(
    door: tuple[DoorDesk, Any, int, list[Any]], proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, server, session, people = door
    failed = threading.Event()
    refresh = desk.refresh

    def broken() -> None:
        if not failed.is_set():
            failed.set()
            raise RuntimeError("the roster could not be read")
        refresh()

    monkeypatch.setattr(desk, "refresh", broken)
    done = threading.Event()
    sender = DoorSender(
        desk,
        lambda waiting, sent: done.set() if sent and not waiting else None,
        retry=0.05,
        refresh=0.05,
    ).start()
    try:
        assert failed.wait(60)
        proxy.cut()
        desk.record(people[0][1], now=DAY_ONE)
        assert desk.waiting == 1
        proxy.restore()
        assert done.wait(60)  # still alive: it sent the scan once the server answered
    finally:
        sender.stop()
    assert [m for _, m, _ in _checkins(server, session)] == [people[0][0]]


@pytest.mark.postgresql_only
def test_the_doors_own_connections_are_not_someone_else_here(
    door: tuple[DoorDesk, Any, int, list[Any]],
) -> None:
    from booster_desktop.services.live import others_present

    desk, _server, _session_id, people = door
    desk.record(people[0][1], now=DAY_ONE)  # the door's engine holds a connection now
    with desk.door.engine.connect() as connection:
        names = connection.exec_driver_sql(
            "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"
        ).scalar_one()
        assert names.startswith(f"Booster Desktop {desk.programme.sender} ")
        assert others_present(desk.programme) == []  # only this window's own connections


@pytest.mark.postgresql_only
def test_a_journal_unreadable_after_the_door_opened_is_said(
    door: tuple[DoorDesk, Any, int, list[Any]], proxy: Proxy
) -> None:
    desk, _server, _session_id, people = door
    proxy.cut()
    desk.record(people[0][1], now=DAY_ONE)
    assert desk.waiting == 1 and desk.journal_problem is None
    proxy.restore()
    desk.journal.path.write_bytes(b"this is not a journal at all" * 100)
    for side in ("-wal", "-shm"):
        Path(f"{desk.journal.path}{side}").unlink(missing_ok=True)
    desk.refresh()
    assert desk.journal_problem is not None
    assert str(desk.journal.path) in str(desk.journal_problem)
    proxy.cut()
    with pytest.raises(BoosterError):  # never welcome on a journal that cannot keep it
        desk.record(people[1][1], now=DAY_ONE + timedelta(minutes=1))


def _opened_once(demo_file: Any, proxy: Proxy) -> tuple[Any, int, list[Any]]:
    """The door of the demo's first CAT session opened once online through the proxy (which
    keeps its roster copy and the record of the last door here), then closed."""
    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")
    address = proxy.address(demo_file)
    with open_programme(address, writable=True, door_may=True) as programme:
        desk = open_desk(programme, session, device="door-s")
        desk.close()
    return address, session, people


def _unreachable(address: Any) -> BoosterError:
    from booster_desktop.store.server import is_unreachable

    with pytest.raises(BoosterError) as refused:
        open_programme(address, writable=True, door_may=True)
    assert is_unreachable(refused.value)
    return refused.value


@pytest.mark.postgresql_only
def test_a_door_started_while_the_server_is_unreachable_checks_people_in(
    demo_file: Any, proxy: Proxy
) -> None:
    from booster_desktop.services.door_journal import last_door, open_offline_door

    address, session, people = _opened_once(demo_file, proxy)
    kept = last_door(address)
    assert kept is not None and kept.session_id == session and kept.login == address.user
    assert str(address.password or "\0") not in last_door_text(address)
    proxy.cut()
    desk = open_offline_door(address, _unreachable(address), device="door-s")
    try:
        assert not desk.online and desk.offline_since == kept.roster_at
        assert desk.session.id == session and desk.session.tour_code == "CAT"
        first = desk.record(people[0][1], now=DAY_ONE)
        assert (first.state, first.recorded) == (ScanState.WELCOME, True)
        assert desk.record(people[0][1], now=DAY_ONE + timedelta(minutes=5)).state is (
            ScanState.ALREADY
        )
        by_name = desk.record_manager(people[1][0], now=DAY_ONE + timedelta(minutes=6))
        assert by_name.recorded and desk.waiting == 2
        assert desk.head_count().checked_in == 2
        assert desk.roster.names().find(by_name.name.split()[0])
        assert not desk.go_online() and "cannot reach the server" in (desk.last_problem or "")
        assert _checkins(demo_file, session) == []

        proxy.restore()
        assert desk.go_online() and desk.online and desk.waiting == 0
        assert sorted(i for i, _, _ in _checkins(demo_file, session)) == sorted(
            [first.checkin_id, by_name.checkin_id]
        )
        # Online now: the next scan goes straight to the server.
        desk.record(people[2][1], now=DAY_ONE + timedelta(minutes=7))
        assert desk.waiting == 0 and len(_checkins(demo_file, session)) == 3
    finally:
        desk.close()


def last_door_text(address: Any) -> str:
    from booster_desktop.services.door_journal import last_door_path

    return last_door_path(address).read_text("utf-8")


@pytest.mark.postgresql_only
def test_a_door_started_offline_is_brought_online_by_its_sender(
    demo_file: Any, proxy: Proxy
) -> None:
    from booster_desktop.services.door_journal import open_offline_door

    address, session, people = _opened_once(demo_file, proxy)
    proxy.cut()
    desk = open_offline_door(address, _unreachable(address))
    online = threading.Event()
    sender = DoorSender(desk, retry=0.05, on_online=online.set).start()
    try:
        desk.record(people[0][1], now=DAY_ONE)
        proxy.restore()
        assert online.wait(60)
    finally:
        sender.stop()
        desk.close()
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[0][0]]


@pytest.mark.postgresql_only
def test_the_screen_is_never_held_while_the_journal_waits_for_another_door(
    demo_file: Any, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing a scan to the journal, or reading it at a refresh, may wait up to 2 s for
    another door process on this laptop; the door's lock, which the screen takes for every
    scan and count, was held all that while: the screen froze."""
    from booster_desktop.services.door_journal import open_offline_door

    address, _session_id, people = _opened_once(demo_file, proxy)
    proxy.cut()
    desk = open_offline_door(address, _unreachable(address))
    journal = desk.journal
    in_io, go_on = threading.Event(), threading.Event()

    def held_by_another_door(method: Any) -> Any:
        def waiting(*args: Any, **kwargs: Any) -> Any:
            in_io.set()
            assert go_on.wait(60)
            return method(*args, **kwargs)

        return waiting

    def screen_is_free() -> bool:
        free = desk._lock.acquire(blocking=False)
        if free:
            desk._lock.release()
        return free

    def while_held(work: Any) -> list[Any]:
        done: list[Any] = []
        in_io.clear()
        go_on.clear()
        worker = threading.Thread(target=lambda: done.append(work()))
        worker.start()
        try:
            assert in_io.wait(60)
            assert screen_is_free()
            assert desk.waiting == journal.count_waiting()  # the count, read meanwhile
        finally:
            go_on.set()
            worker.join()
        return done

    try:
        with monkeypatch.context() as patched:
            patched.setattr(journal, "add_checkin", held_by_another_door(journal.add_checkin))
            (scan,) = while_held(lambda: desk.record(people[0][1], now=DAY_ONE))
        assert (scan.state, scan.recorded) == (ScanState.WELCOME, True)
        assert desk.waiting == 1
        assert [line.checkin_id for line in journal.waiting()] == [scan.checkin_id]

        proxy.restore()
        assert desk.go_online() and desk.waiting == 0
        with monkeypatch.context() as patched:
            patched.setattr(journal, "waiting", held_by_another_door(journal.waiting))
            while_held(desk.refresh)
        assert desk.roster.standing[people[0][0]][0][0] == scan.checkin_id
    finally:
        desk.close()


@pytest.mark.postgresql_only
def test_a_door_without_a_roster_copy_says_so_in_one_line(demo_file: Any, proxy: Proxy) -> None:
    from booster_desktop.services.door_journal import open_offline_door

    address = proxy.address(demo_file)
    proxy.cut()
    error = _unreachable(address)
    with pytest.raises(BoosterError) as refused:
        open_offline_door(address, error)
    message = str(refused.value)
    assert message == (
        f"cannot reach the server at 127.0.0.1:{proxy.port}: Connection refused; this laptop "
        "has no roster copy to work offline from"
    )
    # A copy of another session is not the one asked for.
    proxy.restore()
    _opened_once(demo_file, proxy)
    proxy.cut()
    with pytest.raises(BoosterError, match="roster copy is of session"):
        open_offline_door(address, _unreachable(address), session_id=999999)
    # A damaged copy is as good as none: the same line.
    from booster_desktop.services.door_journal import door_folder, last_door

    kept = last_door(address)
    assert kept is not None
    for damage in ('{"session_info": 3}', "[1, 2]", "not json", '{"badges": {"x": 1}}'):
        (door_folder(kept.programme_uuid) / f"roster-{kept.session_id}.json").write_text(
            damage, "utf-8"
        )
        with pytest.raises(BoosterError) as refused:
            open_offline_door(address, _unreachable(address))
        assert str(refused.value).endswith("this laptop has no roster copy to work offline from")


@pytest.mark.postgresql_only
def test_the_command_starts_offline_from_the_roster_copy(
    demo_file: Any, proxy: Proxy, capsys: pytest.CaptureFixture[str]
) -> None:
    from booster_desktop.cli import main

    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")
    url = proxy.address(demo_file).url.render_as_string(hide_password=False)
    shown = str(proxy.address(demo_file))
    record = ["checkin", "record", url, "--session", str(session), "--device", "door-c"]
    proxy.cut()
    assert main([*record, people[0][1]]) == 1  # never opened here: nothing to work from
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Is the server running" not in err
    assert "this laptop has no roster copy to work offline from" in err

    proxy.restore()
    assert main([*record, people[0][1]]) == 0
    capsys.readouterr()
    proxy.cut()
    assert main([*record, people[1][1], people[2][1], people[0][1]]) == 1
    out, err = capsys.readouterr()
    # The third was checked in online by the last run: the copy kept on closing knows it.
    assert [line.split("\t")[0] for line in out.splitlines()][:2] == ["welcome", "welcome"]
    assert "server unreachable: working from the roster copy of " in err
    assert f"offline: 2 scans waiting; `booster checkin send {shown}` sends them" in err
    assert "password" not in err.lower() or "***" in err
    # A paper sheet waits for the server, said in one line.
    assert main([*record[:5], "--paper", "#1"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "enter the paper sheet once the server answers" in err
    assert f"cannot reach the server at 127.0.0.1:{proxy.port}: Connection refused" in err
    # Another session than the copy's is refused in one line.
    assert main([*record[:4], str(session + 1000), people[1][1]]) == 1
    assert "roster copy is of session" in capsys.readouterr().err
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[0][0]]

    proxy.restore()
    assert main(["checkin", "send", url]) == 0
    assert "Sent 2 offline scans: 2 check-ins added" in capsys.readouterr().out
    assert sorted(m for _, m, _ in _checkins(demo_file, session)) == sorted(
        p[0] for p in people[:3]
    )


@pytest.mark.postgresql_only
def test_the_command_journals_when_the_link_drops_midway(demo_file: Any, proxy: Proxy) -> None:
    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")[:3]
    address = proxy.address(demo_file)
    url = address.url.render_as_string(hide_password=False)
    door = _door_process(url, session)
    assert door.stdin is not None and door.stdout is not None
    door.stdin.write(people[0][1] + "\n")
    door.stdin.flush()
    assert door.stdout.readline().startswith("welcome\t")
    proxy.cut()
    for person in people[1:]:
        door.stdin.write(person[1] + "\n")
        door.stdin.flush()
        assert door.stdout.readline().startswith("welcome\t")
    _out, err = door.communicate(timeout=120)
    assert door.returncode == 1
    assert f"offline: 2 scans waiting; `booster checkin send {address}` sends them" in err
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[0][0]]


@pytest.mark.postgresql_only
def test_a_scan_whose_reply_was_lost_is_one_check_in(
    door: tuple[DoorDesk, Any, int, list[Any]], proxy: Proxy
) -> None:
    desk, server, session, people = door
    proxy.swallow_next_commit()
    # The server commits the check-in; the door never hears it and journals the scan offline.
    result = desk.record(people[0][1], now=DAY_ONE)
    assert (result.state, result.recorded) == (ScanState.WELCOME, True)
    assert desk.waiting == 1
    assert _checkins(server, session) == [(result.checkin_id, people[0][0], False)]
    proxy.restore()
    sent = desk.send_now()
    assert sent is not None and (sent.lines, sent.added) == (1, 0)
    assert _checkins(server, session) == [(result.checkin_id, people[0][0], False)]


@pytest.mark.postgresql_only
def test_a_lost_reply_journaled_differently_is_sent_as_the_server_has_it(
    door: tuple[DoorDesk, Any, int, list[Any]], proxy: Proxy
) -> None:
    # The copy decided the retry otherwise (here: admitted as unregistered) and the door
    # voided it afterwards: the server's record stands and the void still applies.
    desk, server, session, people = door
    proxy.swallow_next_commit()
    result = desk.record(people[0][1], now=DAY_ONE)
    checkin_id = result.checkin_id
    assert checkin_id is not None and desk.waiting == 1
    line = desk.journal.waiting()[0]
    with closing(sqlite3.connect(desk.journal.path)) as journal, journal:
        journal.execute("UPDATE scan SET admitted_unregistered = 1 WHERE seq = ?", (line.seq,))
    assert desk.void_last().checkin_id == checkin_id
    proxy.restore()
    sent = desk.send_now()
    assert sent is not None and (sent.lines, sent.added, sent.voided) == (2, 0, 1)
    assert _checkins(server, session) == [(checkin_id, people[0][0], True)]


@pytest.mark.postgresql_only
def test_a_doors_local_files_are_the_users_only(
    door: tuple[DoorDesk, Any, int, list[Any]], proxy: Proxy
) -> None:
    from booster_desktop.services.door_journal import last_door_path

    desk, _server, _session_id, people = door
    proxy.cut()
    desk.record(people[0][1], now=DAY_ONE)  # the journal written, in WAL mode
    folder = desk.journal.path.parent
    files = [
        desk.journal.path,
        Path(f"{desk.journal.path}-wal"),
        Path(f"{desk.journal.path}-shm"),
        folder / f"roster-{desk.session.id}.json",
        last_door_path(desk.address),
    ]
    with closing(sqlite3.connect(desk.journal.path)) as reader:  # -wal and -shm exist while open
        reader.execute("SELECT count(*) FROM scan").fetchone()
        modes = {path.name: oct(path.stat().st_mode & 0o777) for path in files if path.exists()}
    assert len(modes) == 5
    assert set(modes.values()) == {"0o600"}, modes
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert oct(folder.parent.stat().st_mode & 0o777) == "0o700"


def test_journal_files_made_readable_by_an_older_version_are_closed_up(tmp_path: Path) -> None:
    folder = tmp_path / "doors" / "p"
    folder.mkdir(parents=True, mode=0o755)
    journal = OfflineJournal(folder / "offline-journal.sqlite", "p")
    journal.path.touch(mode=0o644)
    journal.path.chmod(0o644)
    journal.check()
    assert oct(journal.path.stat().st_mode & 0o777) == "0o600"
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


@pytest.mark.postgresql_only
def test_two_doors_started_offline_at_once_lose_nothing_when_killed(
    demo_file: Any, proxy: Proxy
) -> None:
    address, session, people = _opened_once(demo_file, proxy)
    url = address.url.render_as_string(hide_password=False)
    proxy.cut()
    doors = [_door_process(url, session, f"door-{n}") for n in (1, 2)]
    acknowledged: list[int] = []
    try:
        for n, person in enumerate(people[:6]):
            door = doors[n % 2]
            assert door.stdin is not None and door.stdout is not None
            door.stdin.write(person[1] + "\n")
            door.stdin.flush()
            line = door.stdout.readline()
            assert line.startswith("welcome\t"), line
            acknowledged.append(person[0])
    finally:
        for door in doors:
            door.send_signal(signal.SIGKILL)
            door.wait()
    proxy.restore()
    sender = _booster("checkin", "send", url, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = sender.communicate(timeout=120)
    assert sender.returncode == 0, err
    assert "Sent 6 offline scans: 6 check-ins added" in out
    assert sorted(m for _, m, _ in _checkins(demo_file, session)) == sorted(acknowledged)


def _kept_roster(address: Any) -> Path:
    from booster_desktop.services.door_journal import door_folder, last_door

    kept = last_door(address)
    assert kept is not None
    return door_folder(kept.programme_uuid) / f"roster-{kept.session_id}.json"


def _naive_times(document: dict[str, Any]) -> None:
    first = next(iter(document["people"]))
    document["standing"] = {first: [["x", "2018-11-19T08:00:00"]]}


def _unknown_zone(document: dict[str, Any]) -> None:
    document["session_info"]["time_zone"] = "Not/AZone"


def _zone_outside(document: dict[str, Any]) -> None:
    document["session_info"]["time_zone"] = "../../../etc/passwd"


def _number_for_name(document: dict[str, Any]) -> None:
    first = next(iter(document["people"]))
    document["people"][first][0] = 7


def _sheet_of_letters(document: dict[str, Any]) -> None:
    document["sheet"] = ["abcdefgh"]


@pytest.mark.postgresql_only
@pytest.mark.parametrize(
    "damage", [_naive_times, _unknown_zone, _zone_outside, _number_for_name, _sheet_of_letters]
)
def test_a_roster_copy_edited_by_hand_is_refused_at_start_not_at_a_scan(
    demo_file: Any, proxy: Proxy, damage: Any
) -> None:
    """Values of the wrong kind in a kept copy (a naive time, a time zone this laptop does not
    know, a number for a name) failed with a traceback at the first scan; now the copy is as
    good as none, said in one line when the door starts."""
    import json

    from booster_desktop.services.door_journal import open_offline_door

    address, _session_id, _people = _opened_once(demo_file, proxy)
    path = _kept_roster(address)
    document = json.loads(path.read_text("utf-8"))
    damage(document)
    path.write_text(json.dumps(document), "utf-8")
    proxy.cut()
    with pytest.raises(BoosterError) as refused:
        open_offline_door(address, _unreachable(address))
    assert str(refused.value).endswith("this laptop has no roster copy to work offline from")


@pytest.mark.postgresql_only
@pytest.mark.parametrize("recorded_at", ["garbage", "2018-11-19T08:00:00"])
def test_a_damaged_journal_line_is_said_when_the_door_starts_offline(
    demo_file: Any, proxy: Proxy, recorded_at: str
) -> None:
    """A journal line that cannot be read back (or a time without its offset) escaped as a
    traceback when a door started offline; now it is the journal's problem, said on the
    screen, and no scan is welcomed on that journal."""
    from booster_desktop.services.door_journal import open_offline_door

    address, _session_id, people = _opened_once(demo_file, proxy)
    proxy.cut()
    desk = open_offline_door(address, _unreachable(address))
    desk.record(people[0][1], now=DAY_ONE)
    path = desk.journal.path
    desk.close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE scan SET recorded_at = ?", (recorded_at,))
        connection.commit()
    desk = open_offline_door(address, _unreachable(address))
    try:
        assert desk.journal_problem is not None
        assert "line 1 is damaged" in str(desk.journal_problem)
        with pytest.raises(BoosterError, match="line 1 is damaged"):
            desk.record(people[1][1], now=DAY_ONE + timedelta(minutes=3))
    finally:
        desk.close()


@pytest.mark.postgresql_only
def test_two_doors_started_offline_on_one_laptop_check_a_person_in_once(
    demo_file: Any, proxy: Proxy
) -> None:
    """Two door processes on one laptop (the window and the command, or two windows) share
    the offline journal but each decides on its own copy: both said welcome to the same
    person and the server got two check-ins. Now the second sees the first's waiting line."""
    from booster_desktop.services.door_journal import open_offline_door

    address, session, people = _opened_once(demo_file, proxy)
    proxy.cut()
    first = open_offline_door(address, _unreachable(address), device="door-a")
    second = open_offline_door(address, _unreachable(address), device="door-b")
    try:
        welcome = first.record(people[0][1], now=DAY_ONE)
        assert welcome.state is ScanState.WELCOME and welcome.recorded
        again = second.record(people[0][1], now=DAY_ONE + timedelta(minutes=2))
        assert again.state is ScanState.ALREADY and not again.recorded
        assert again.message == f"already checked in at {welcome.first_local}"
        by_name = second.record_manager(people[0][0], now=DAY_ONE + timedelta(minutes=3))
        assert by_name.state is ScanState.ALREADY
        assert [s.device for s in first.journal.waiting()] == ["door-a"]
        # Undone at the first door: the second may check them in again.
        first.void_last()
        back = second.record(people[0][1], now=DAY_ONE + timedelta(minutes=4))
        assert back.state is ScanState.WELCOME and back.recorded
        proxy.restore()
        assert second.go_online() and first.go_online()
    finally:
        first.close()
        second.close()
    standing = [(m, v) for _, m, v in _checkins(demo_file, session)]
    assert sorted(standing) == [(people[0][0], False), (people[0][0], True)]


@pytest.mark.postgresql_only
def test_sending_while_the_server_is_unreachable_says_what_waits_in_one_line(
    demo_file: Any, proxy: Proxy, capsys: pytest.CaptureFixture[str]
) -> None:
    """`checkin send URL` with the server out of reach printed libpq's text ("connection
    failed: … Is the server running …") and nothing of the scans kept waiting."""
    from booster_desktop.cli import main

    address, _session_id, people = _opened_once(demo_file, proxy)
    url = address.url.render_as_string(hide_password=False)
    proxy.cut()
    assert main(["checkin", "send", url]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"booster: cannot reach the server at 127.0.0.1:{proxy.port}: Connection refused; "
        "offline: 0 scans waiting, kept here until the server answers\n"
    )
    from booster_desktop.services.door_journal import open_offline_door

    desk = open_offline_door(address, _unreachable(address))
    desk.record(people[0][1], now=DAY_ONE)
    desk.close()
    assert main(["checkin", "send", url]) == 1
    assert "offline: 1 scan waiting, kept here" in capsys.readouterr().err
    # An address never opened as a door here: the reason alone.
    other = url.replace(f":{proxy.port}/", ":1/")
    assert main(["checkin", "send", other]) == 1
    assert capsys.readouterr().err == (
        "booster: cannot reach the server at 127.0.0.1:1: Connection refused\n"
    )


@pytest.mark.postgresql_only
def test_the_command_says_a_lost_link_in_one_line_when_it_leaves(
    demo_file: Any, proxy: Proxy, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reply lost after the server's commit, then the link down: the command's last line
    carried libpq's two-line text inside "the change was not saved (…)"."""
    from booster_desktop.cli import main

    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")
    address = proxy.address(demo_file)
    url = address.url.render_as_string(hide_password=False)
    proxy.swallow_next_commit()
    assert main(["checkin", "record", url, "--session", str(session), people[0][1]]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("welcome\t")
    assert err.splitlines()[-1] == (
        f"offline: 1 scan waiting; `booster checkin send {address}` sends them (cannot reach "
        f"the server at 127.0.0.1:{proxy.port}: Connection refused)"
    )
    proxy.restore()
    assert main(["checkin", "send", url]) == 0
    # The server had it already: nothing added twice, and the one line said as one.
    assert capsys.readouterr().out == "Sent 1 offline scan: 0 check-ins added, 0 voided\n"
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[0][0]]


@pytest.mark.postgresql_only
def test_a_save_on_a_dropped_link_is_refused_in_one_line(demo_file: Any, proxy: Proxy) -> None:
    """The write gate put libpq's several lines into "the change was not saved (…)"."""
    from booster_desktop.store import changes

    with open_programme(proxy.address(demo_file), writable=True) as programme:
        proxy.cut()
        with pytest.raises(BoosterError) as refused, programme.writing() as connection:
            changes.report(connection, "manager", [1], ["given_name"])
    message = str(refused.value)
    assert "the change was not saved (" in message and "\n" not in message


@pytest.mark.postgresql_only
def test_a_scan_sent_after_the_roster_copy_is_not_welcomed_twice_offline(
    demo_file: Any, proxy: Proxy, capsys: pytest.CaptureFixture[str]
) -> None:
    """A door killed (or started offline and closed) before it refreshed its copy, its scans
    sent by `checkin send`: the next door started offline worked from the older copy and
    welcomed the same person again, a second check-in (seen under Xvfb)."""
    from booster_desktop.cli import main
    from booster_desktop.services.door_journal import open_offline_door

    address, session, people = _opened_once(demo_file, proxy)
    proxy.cut()
    first = open_offline_door(address, _unreachable(address))
    welcome = first.record(people[0][1], now=DAY_ONE)
    assert welcome.recorded
    first.close()
    proxy.restore()
    url = address.url.render_as_string(hide_password=False)
    assert main(["checkin", "send", url]) == 0
    capsys.readouterr()
    proxy.cut()
    second = open_offline_door(address, _unreachable(address))
    try:
        again = second.record(people[0][1], now=DAY_ONE + timedelta(minutes=5))
        assert again.state is ScanState.ALREADY and not again.recorded
        assert second.waiting == 0 and second.head_count().checked_in == 1
    finally:
        second.close()
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[0][0]]


@pytest.mark.postgresql_only
def test_a_door_killed_online_then_started_offline_knows_its_last_scans(
    demo_file: Any, proxy: Proxy
) -> None:
    """The roster copy is kept at each refresh (a minute) and on closing: a door killed in
    between, then started while the server is unreachable, worked from a copy without its
    last online scans and welcomed those people again (second check-ins). What went to the
    server is now noted in the journal as sent, and a void made online too."""
    from booster_desktop.services.door_journal import open_offline_door

    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")
    address = proxy.address(demo_file)
    programme = open_programme(address, writable=True, door_may=True)
    desk = open_desk(programme, session, device="door-k")
    assert isinstance(desk, DoorDesk) and desk.door is not None
    kept = desk.record(people[0][1], now=DAY_ONE)
    desk.record(people[1][1], now=DAY_ONE + timedelta(minutes=1))
    desk.void_last()  # the second undone online: may come in again
    assert kept.recorded and desk.waiting == 0
    # Killed (once the notes, written off the scan's path, are on disk): no close, so no
    # copy kept after the scans.
    desk._notes.shutdown(wait=True)
    desk.door.engine.dispose()
    programme.close()
    proxy.cut()
    started = open_offline_door(address, _unreachable(address))
    try:
        again = started.record(people[0][1], now=DAY_ONE + timedelta(minutes=5))
        assert again.state is ScanState.ALREADY and not again.recorded
        back = started.record(people[1][1], now=DAY_ONE + timedelta(minutes=6))
        assert back.state is ScanState.WELCOME and back.recorded
        assert started.waiting == 1
    finally:
        started.close()
    standing = [(m, v) for _, m, v in _checkins(demo_file, session)]
    assert sorted(standing) == sorted([(people[0][0], False), (people[1][0], True)])


@pytest.mark.postgresql_only
def test_scans_of_a_manager_deleted_meanwhile_do_not_hold_the_others_back(
    demo_file: Any, proxy: Proxy
) -> None:
    """A coordinator deleted a manager (a duplicate, say) while a door was offline and had
    checked them in: the send failed on the foreign key, in one transaction, so every scan
    of the journal waited for ever, the good ones too. Now such a line is set aside (kept in
    the journal, said), and the others reach the server."""
    from booster_desktop.services.door_journal import open_offline_door
    from booster_desktop.services.records import delete_records

    address, session, people = _opened_once(demo_file, proxy)
    proxy.cut()
    desk = open_offline_door(address, _unreachable(address))
    gone = desk.record(people[0][1], now=DAY_ONE)
    kept = desk.record(people[1][1], now=DAY_ONE + timedelta(minutes=1))
    assert gone.recorded and kept.recorded
    with open_programme(demo_file, writable=True) as programme:
        delete_records(programme, "manager", [people[0][0]])
    proxy.restore()
    try:
        assert desk.go_online(), desk.last_problem
        assert desk.waiting == 0, desk.last_problem
        assert desk.set_aside_message == (
            "1 offline scan set aside: its manager or session was deleted on the server "
            "meanwhile (kept in this laptop's journal)"
        )
    finally:
        desk.close()
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[1][0]]
    assert [s.checkin_id for s in desk.journal.set_aside()] == [gone.checkin_id]


def _scanned_offline_then_deleted(
    demo_file: Any, proxy: Proxy, deleted: str
) -> tuple[str, int, list[Any]]:
    """A door started offline journals the first expected manager's scan; meanwhile that
    scan's session ("tour_session") or manager ("manager") is deleted on the server, and the
    link comes back. The server's address (with its password), the session, the people."""
    from booster_desktop.services.door_journal import open_offline_door
    from booster_desktop.services.records import delete_records

    address, session, people = _opened_once(demo_file, proxy)
    proxy.cut()
    desk = open_offline_door(address, _unreachable(address))
    desk.record(people[0][1], now=DAY_ONE)
    desk.close()
    record = session if deleted == "tour_session" else people[0][0]
    with open_programme(demo_file, writable=True) as programme:
        delete_records(programme, deleted, [record])
    proxy.restore()
    return address.url.render_as_string(hide_password=False), session, people


@pytest.mark.postgresql_only
def test_the_send_command_says_what_it_set_aside(
    demo_file: Any, proxy: Proxy, capsys: pytest.CaptureFixture[str]
) -> None:
    from booster_desktop.cli import main

    url, _, _ = _scanned_offline_then_deleted(demo_file, proxy, "tour_session")
    assert main(["checkin", "send", url]) == 1
    out, err = capsys.readouterr()
    assert out == "Sent 1 offline scan: 0 check-ins added, 0 voided\n"
    assert err == (
        "1 offline scan set aside: its manager or session was deleted on the server meanwhile "
        "(kept in this laptop's journal)\n"
    )
    assert main(["checkin", "send", url]) == 0  # nothing waits any more
    assert "Sent 0 offline scans" in capsys.readouterr().out


@pytest.mark.postgresql_only
def test_an_online_door_goes_by_the_journal_while_another_doors_scans_wait(
    door: tuple[DoorDesk, Any, int, list[Any]],
) -> None:
    """Door B online recorded a person on the server while door A's offline check-in of the
    same person waited in the shared journal: A's sender then added a second check-in."""
    import uuid

    from booster_desktop.store.door_file import JournalScan

    desk, server, session, people = door
    other = OfflineJournal(desk.journal.path, desk.journal.programme_uuid)
    waiting = JournalScan(str(uuid.uuid4()), False, session, people[0][0], DAY_ONE, "door-a", False)
    assert other.add_checkin(waiting) == []
    again = desk.record(people[0][1], now=DAY_ONE + timedelta(minutes=2))
    assert again.state is ScanState.ALREADY and not again.recorded
    sent = desk.send_now()
    assert sent is not None and sent.added == 1 and desk.waiting == 0
    assert _checkins(server, session) == [(waiting.checkin_id, people[0][0], False)]


@pytest.mark.postgresql_only
def test_doors_of_two_sessions_on_one_laptop_keep_their_own_roster_copies(
    demo_file: Any, proxy: Proxy
) -> None:
    """The roster copy was one file per programme: a door of another session on the same
    laptop replaced it, and the first door could not start offline any more."""
    from booster_desktop.services.door_journal import open_offline_door

    first, people = _session(demo_file, "CAT", "Joint training"), _expected(demo_file, "CAT")
    second = _session(demo_file, "CAT", "", 2)
    assert first != second
    address = proxy.address(demo_file)
    with open_programme(address, writable=True, door_may=True) as programme:
        for session in (first, second):
            open_desk(programme, session, device=f"door-{session}").close()
    proxy.cut()
    for session in (first, second):
        desk = open_offline_door(address, _unreachable(address), session_id=session)
        try:
            assert desk.session.id == session
            assert desk.record(people[0][1], now=DAY_ONE).recorded
        finally:
            desk.close()
    with pytest.raises(BoosterError, match=f"roster copy is of session {second}, not 999999"):
        open_offline_door(address, _unreachable(address), session_id=999999)


@pytest.mark.postgresql_only
def test_a_door_brought_online_says_a_refresh_refused_and_is_online(
    demo_file: Any, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refresh refused for another reason than the link (a missing grant, say) escaped
    `go_online`: the window stayed offline, and the command ended with an unexpected error."""
    from booster_desktop.services import door_journal
    from booster_desktop.services.door_journal import open_offline_door

    address, session, people = _opened_once(demo_file, proxy)
    proxy.cut()
    desk = open_offline_door(address, _unreachable(address))
    try:
        assert desk.record(people[0][1], now=DAY_ONE).recorded
        proxy.restore()

        def refused(*_args: Any, **_kwargs: Any) -> Any:
            raise BoosterError("permission denied for table badge_token")

        monkeypatch.setattr(door_journal, "read_roster", refused)
        assert desk.go_online() and desk.online
        assert desk.last_problem == "permission denied for table badge_token"
        assert desk.waiting == 0
    finally:
        desk.close()
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[0][0]]


@pytest.mark.postgresql_only
def test_the_record_command_says_what_its_send_set_aside(
    demo_file: Any, proxy: Proxy, capsys: pytest.CaptureFixture[str]
) -> None:
    """`checkin record` sent the journal, set a scan aside, said nothing and exited 0."""
    from booster_desktop.cli import main

    url, session, people = _scanned_offline_then_deleted(demo_file, proxy, "manager")
    code = main(["checkin", "record", url, "--session", str(session), people[1][1]])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith("welcome\t")
    assert err == (
        "1 offline scan set aside: its manager or session was deleted on the server meanwhile "
        "(kept in this laptop's journal)\n"
    )
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[1][0]]


@pytest.mark.postgresql_only
def test_a_roster_copy_kept_by_an_older_version_still_starts_the_door(
    demo_file: Any, proxy: Proxy
) -> None:
    from booster_desktop.services.door_journal import open_offline_door

    address, session, people = _opened_once(demo_file, proxy)
    kept = _kept_roster(address)
    kept.rename(kept.with_name("roster.json"))
    proxy.cut()
    desk = open_offline_door(address, _unreachable(address))
    try:
        assert desk.session.id == session and desk.record(people[0][1], now=DAY_ONE).recorded
    finally:
        desk.close()


@pytest.mark.postgresql_only
def test_a_connection_the_server_closed_while_idle_is_replaced_before_the_next_scan(
    demo_file: Any,
) -> None:
    """The door does not ping the server before each scan: a connection the server ended
    meanwhile (a restart, an administrator) is seen on its socket and replaced, so the next
    scan still goes straight to the server rather than to the journal."""
    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")
    with open_programme(demo_file, writable=True) as programme:
        desk = open_desk(programme, session, device="door-1")
        assert isinstance(desk, DoorDesk)
        assert desk.record(people[0][1], now=DAY_ONE).recorded
        door = f"Booster Desktop {programme.sender} %"
        with closing(programme_db.connect(demo_file)) as admin:
            ended = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name LIKE ? AND pid <> pg_backend_pid()",
                (door,),
            ).fetchall()
            admin.commit()
            assert ended and all(done for (done,) in ended)
            # Gone once the server no longer lists them: their last words are on the socket.
            while admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE ?", (door,)
            ).fetchone()[0]:
                admin.commit()
        later = desk.record(people[1][1], now=DAY_ONE + timedelta(minutes=1))
        assert later.state is ScanState.WELCOME and later.recorded
        assert desk.waiting == 0
        desk.close()
    assert [m for _, m, _ in _checkins(demo_file, session)] == [people[0][0], people[1][0]]


def _record_of(address: Any, programme: str, session: int) -> Any:
    from datetime import UTC, datetime

    from booster_desktop.services.door_journal import LastDoor

    return LastDoor(
        address.key, programme, session, 1, address.user, datetime(2026, 11, 30, tzinfo=UTC)
    )


def test_two_servers_through_unix_sockets_keep_their_own_last_door() -> None:
    """Two servers on one machine, told apart only by their socket folder (or their port),
    each start an offline door from their own record, not from the last one written."""
    from booster_desktop.services.door_journal import last_door, last_door_path, remember_door
    from booster_desktop.services.programme import parse_server

    first = parse_server("postgresql://door@/tours?host=/run/pg-a&port=5432")
    second = parse_server("postgresql://door@/tours?host=/run/pg-b&port=5432")
    third = parse_server("postgresql://door@/tours?host=/run/pg-a&port=5433")
    assert len({last_door_path(a) for a in (first, second, third)}) == 3
    programmes = [str(uuid.UUID(int=n)) for n in (1, 2, 3)]
    for address, programme in zip((first, second, third), programmes, strict=True):
        remember_door(address, _record_of(address, programme, 7))
    for address, programme in zip((first, second, third), programmes, strict=True):
        door = last_door(address)
        assert door is not None and door.programme_uuid == programme
    # Options that do not say where the server is still name the same server.
    same = parse_server("postgresql://door@/tours?host=/run/pg-a&port=5432&sslmode=disable")
    door = last_door(same)
    assert door is not None and door.programme_uuid == programmes[0]


def test_a_last_door_kept_under_the_old_key_still_serves_its_server_and_moves() -> None:
    """Earlier versions kept the record under a key without `?host=` and `port=`: it still
    starts the door offline, and the first record this server keeps for that programme
    replaces it (another server's programme is left for that server)."""
    from booster_desktop.services.door_journal import (
        LastDoor,
        _door_record_path,
        last_door,
        remember_door,
    )
    from booster_desktop.services.programme import parse_server
    from booster_desktop.store.door_file import save_private

    address = parse_server("postgresql://door@/tours?host=/run/pg-a")
    other = parse_server("postgresql://door@/tours?host=/run/pg-b")
    old = _door_record_path(address.legacy_key)
    programme = str(uuid.UUID(int=4))
    save_private(
        old,
        {
            "address": address.legacy_key,
            "programme": programme,
            "session": 9,
            "tour": 2,
            "login": "door",
            "roster_at": "2026-11-30T06:00:00+00:00",
        },
    )
    kept = last_door(address)
    assert kept is not None and (kept.programme_uuid, kept.session_id) == (programme, 9)
    remember_door(other, _record_of(other, str(uuid.UUID(int=5)), 3))
    assert old.is_file()  # another programme: not the other server's to take
    remember_door(address, LastDoor(**{**_fields(kept), "address": address.key, "session_id": 10}))
    assert not old.exists()
    again = last_door(address)
    assert again is not None and again.session_id == 10
    elsewhere = last_door(other)
    assert elsewhere is not None and elsewhere.programme_uuid == str(uuid.UUID(int=5))


def _fields(door: Any) -> dict[str, Any]:
    import dataclasses

    return {f.name: getattr(door, f.name) for f in dataclasses.fields(door)}


@pytest.mark.postgresql_only
def test_the_offline_name_list_is_the_online_one_and_a_withdrawn_manager_is_refused_alike(
    demo_file: Any, proxy: Proxy
) -> None:
    """Picked by name from the roster copy: the same people as the online name search (the
    active managers); a withdrawn manager checked in by id is "not registered" as online,
    and admitted anyway as online."""
    from booster_desktop.services.attendance import name_index
    from booster_desktop.services.door_journal import open_offline_door

    people = _expected(demo_file, "CAT")
    withdrawn = [people[0][0], people[1][0]]
    with programme_db.connect(demo_file) as connection:
        connection.execute(
            "UPDATE manager SET status = 'withdrawn' WHERE id IN (?, ?)", tuple(withdrawn)
        )
    address, session, _people = _opened_once(demo_file, proxy)
    with open_programme(address, writable=True, door_may=True) as programme:
        online_names = name_index(programme)
        online = CheckinDesk(programme, session, device="door-o")
        said_online = online.record_manager(withdrawn[0], now=DAY_ONE)
    proxy.cut()
    desk = open_offline_door(address, _unreachable(address), device="door-s")
    try:
        offline_names = desk.roster.names()
        assert {p.manager_id for _, p in offline_names.people} == {
            p.manager_id for _, p in online_names.people
        }
        assert not set(withdrawn) & {p.manager_id for _, p in offline_names.people}
        family = people[0][3]
        assert [p.manager_id for p in offline_names.find(family, 100)] == [
            p.manager_id for p in online_names.find(family, 100)
        ]
        said_offline = desk.record_manager(withdrawn[0], now=DAY_ONE)
        assert (
            (said_offline.state, said_offline.message, said_offline.recorded)
            == (
                said_online.state,
                said_online.message,
                said_online.recorded,
            )
            == (ScanState.NOT_REGISTERED, "not registered for tour CAT", False)
        )
        admitted = desk.admit(withdrawn[1], now=DAY_ONE)
        assert (admitted.recorded, admitted.admitted) == (True, True)
        assert desk.waiting == 1
    finally:
        desk.close()


def test_a_roster_copy_of_an_earlier_version_finds_everyone_in_it_by_name() -> None:
    """A copy kept before it listed the active managers: everyone in it, as then."""
    from datetime import UTC, datetime

    from booster_desktop.services.door_journal import Roster

    roster = Roster(refreshed_at=datetime(2026, 11, 30, 6, tzinfo=UTC))
    roster.people = {1: ("Ana", "Lima", None, "PT"), 2: ("Bo", "Lind", None, "SE")}
    roster.active = {1}
    assert [p.manager_id for _, p in roster.names().people] == [1]
    document = roster.as_json(str(uuid.UUID(int=1)), 3, 4)
    document["session_info"] = {
        "id": 3,
        "tour_id": 4,
        "tour_code": "CAT",
        "kind": "visit",
        "title": "Joint training",
        "day": "2026-11-30",
        "start": "09:00:00",
        "end": "12:00:00",
        "time_zone": "UTC",
    }
    assert [p.manager_id for _, p in Roster.from_json(document).names().people] == [1]
    del document["active"]
    assert sorted(p.manager_id for _, p in Roster.from_json(document).names().people) == [1, 2]


@pytest.mark.postgresql_only
@pytest.mark.parametrize("online_at", ["the sender", "the end"])
def test_the_command_started_offline_says_when_its_scans_are_on_the_server(
    demo_file: Any,
    proxy: Proxy,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    online_at: str,
) -> None:
    """`checkin record URL` started offline, the server back before it ends: what waited is
    sent as the door goes online, and it says "All offline scans are on the server." once
    (by its sender, or by its last send before leaving), exit 0."""
    from booster_desktop.cli import main

    address, session, people = _opened_once(demo_file, proxy)
    url = address.url.render_as_string(hide_password=False)
    proxy.cut()
    going_online = DoorDesk.go_online
    tokens = iter(people[:2])

    def lines(_tokens: list[str]) -> Iterator[str]:
        yield next(tokens)[1]
        if online_at == "the sender":
            proxy.restore()
            assert sent.wait(60)  # the sender (every 2 s) brings the door online
        yield next(tokens)[1]

    sent = threading.Event()

    def go_online(desk: DoorDesk) -> bool:
        if online_at == "the end" and threading.current_thread() is threading.main_thread():
            proxy.restore()
        online = going_online(desk)
        if online:
            sent.set()
        return online

    monkeypatch.setattr(DoorDesk, "go_online", go_online)
    monkeypatch.setattr("booster_desktop.cli.checkin._lines", lines)
    record = ["checkin", "record", url, "--session", str(session), "--device", "door-c"]
    assert main(record) == 0
    out, err = capsys.readouterr()
    assert [line.split("\t")[0] for line in out.splitlines()] == ["welcome", "welcome"]
    assert err.count("All offline scans are on the server.") == 1
    assert sorted(m for _, m, _ in _checkins(demo_file, session)) == sorted(
        p[0] for p in people[:2]
    )
