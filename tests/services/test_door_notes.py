"""The door's gathered notes of scans sent online: a second door process here deciding from
its copy, and close() writing what waits."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.checkin import ScanState
from booster_desktop.services.door_journal import (
    DoorDesk,
    open_desk,
    open_offline_door,
)
from booster_desktop.services.programme import open_programme
from tests.door_proxy import Proxy
from tests.services.test_checkin import DAY_ONE
from tests.services.test_door_journal import _checkins, _opened_once, proxy

__all__ = ["proxy"]


@pytest.mark.postgresql_only
def test_an_offline_door_here_does_not_welcome_whom_the_online_door_checked_in(
    demo_file: Any, proxy: Proxy
) -> None:
    address, session, people = _opened_once(demo_file, proxy)
    offline = open_offline_door(address, BoosterError("unreachable"), device="door-off")
    with open_programme(address, writable=True, door_may=True) as programme:
        online = open_desk(programme, session, device="door-on")
        assert isinstance(online, DoorDesk) and online.online
        try:
            for person in people[:3]:
                assert online.record(person[1], now=DAY_ONE).state is ScanState.WELCOME
            time.sleep(0.3)  # well over the 50 ms the notes are gathered
            for person in people[:3]:
                seen = offline.record(person[1], now=DAY_ONE + timedelta(minutes=5))
                assert seen.state is ScanState.ALREADY, (person, seen)
            # One started offline after the scans too.
            later = open_offline_door(address, BoosterError("unreachable"), device="door-3")
            try:
                seen = later.record(people[0][1], now=DAY_ONE + timedelta(minutes=6))
                assert seen.state is ScanState.ALREADY
            finally:
                later.close()
        finally:
            online.close()
            offline.close()


@pytest.mark.postgresql_only
def test_close_with_notes_pending_writes_them_all(demo_file: Any, proxy: Proxy) -> None:
    address, session, people = _opened_once(demo_file, proxy)
    with open_programme(address, writable=True, door_may=True) as programme:
        online = open_desk(programme, session, device="door-on")
        assert isinstance(online, DoorDesk)
        started = time.monotonic()
        for person in people[:8]:
            assert online.record(person[1], now=DAY_ONE).recorded
        online.close()
        closing = time.monotonic() - started
    copy_at = online.roster.refreshed_at
    assert copy_at is not None
    noted = online.journal.sent_since(DAY_ONE - timedelta(days=3650))
    assert sorted(s.manager_id for s in noted) == sorted(p[0] for p in people[:8]), closing
    offline = open_offline_door(address, BoosterError("unreachable"), device="door-off")
    try:
        for person in people[:8]:
            seen = offline.record(person[1], now=DAY_ONE + timedelta(minutes=5))
            assert seen.state is ScanState.ALREADY
    finally:
        offline.close()


@pytest.mark.postgresql_only
def test_within_the_gathering_an_offline_door_here_may_welcome_again(
    demo_file: Any, proxy: Proxy
) -> None:
    """Inside the 50 ms the notes wait, the other door cannot know (a documented gap): what
    its check-in is kept beside the online one when it goes online (counted once)."""
    address, session, people = _opened_once(demo_file, proxy)
    offline = open_offline_door(address, BoosterError("unreachable"), device="door-off")
    with open_programme(address, writable=True, door_may=True) as programme:
        online = open_desk(programme, session, device="door-on")
        assert isinstance(online, DoorDesk)
        try:
            assert online.record(people[0][1], now=DAY_ONE).state is ScanState.WELCOME
            seen = offline.record(people[0][1], now=DAY_ONE + timedelta(minutes=1))
            assert seen.state in (ScanState.WELCOME, ScanState.ALREADY)
            time.sleep(0.3)
            if seen.recorded:
                assert offline.go_online(), offline.last_problem
        finally:
            online.close()
            offline.close()
    standing = [m for _, m, voided in _checkins(demo_file, session) if not voided]
    assert standing == [people[0][0]] * (2 if seen.recorded else 1), (seen.state, standing)
