"""Change records announced to the other windows: the payload's round trip and its size
limit (both passes), and on a server what the write gate sends, when, and what it does not."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from booster_desktop.services.changes import Action, Change, Written, report
from booster_desktop.services.programme import ProgrammeFile, ServerAddress, open_programme
from booster_desktop.services.programme_details import programme_details, save_details
from booster_desktop.store.notifications import (
    APPLICATION_NAME_LIMIT,
    CHANNEL,
    PAYLOAD_LIMIT,
    Present,
    application_name,
    decode,
    encode,
    present,
)


def _change(**written: Written) -> Change:
    return Change(Action.IMPORT, written, "laptop-3 ☕", datetime(2027, 3, 1, 9, 30, 5, 123, UTC))


def test_a_change_record_comes_back_from_its_payload_as_it_was() -> None:
    change = _change(
        manager=Written(frozenset({3, 1, 2}), frozenset({"given_name", "email"})),
        checkin=Written(frozenset({"0f8c-uuid", "1a2b-uuid"}), None),
        enrolment=Written(None, None),
    )
    notice = decode(encode(change, "ab12cd34"))
    assert notice is not None
    assert notice.session == "ab12cd34"
    assert notice.change == change
    assert notice.change.ids("manager") == {1, 2, 3}
    assert notice.change.ids("checkin") == {"0f8c-uuid", "1a2b-uuid"}
    assert notice.change.ids("enrolment") is None


def test_twenty_thousand_ids_fall_back_to_any_row_of_the_tables() -> None:
    change = _change(
        manager=Written(frozenset(range(1, 20_001)), frozenset({"status"})),
        enrolment=Written(frozenset({7}), None),
    )
    payload = encode(change, "ab12cd34")
    assert len(payload.encode("utf-8")) <= PAYLOAD_LIMIT < 8000
    notice = decode(payload)
    assert notice is not None
    assert notice.change.tables == {"manager", "enrolment"}
    assert notice.change.ids("manager") is None and notice.change.ids("enrolment") is None
    assert notice.change.touches(["manager.status"]) and not notice.change.touches(["tour"])
    assert notice.change.action is Action.IMPORT


@pytest.mark.parametrize(
    "payload", ["", "not json", "[]", '{"v": 99}', '{"v": 1, "s": "x"}', '{"v":1,"w":{"t":3}}']
)
def test_a_payload_that_is_not_ours_is_ignored(payload: str) -> None:
    assert decode(payload) is None


@pytest.mark.parametrize("at", ["2027-03-01T09:30:05", 1_795_000_000, None, "yesterday"])
def test_a_payload_whose_time_has_no_offset_is_not_ours(at: object) -> None:
    """Ours always carry the offset: a naive time (someone else's NOTIFY on our channel)
    could not be merged with our changes' times, so the window would fail on it."""
    document = json.loads(encode(_change(manager=Written(frozenset({1}), None)), "ab12cd34"))
    document["t"] = at
    assert decode(json.dumps(document)) is None
    document["t"] = "2027-03-01T09:30:05+04:00"
    notice = decode(json.dumps(document))
    assert notice is not None
    assert notice.change.at == datetime(2027, 3, 1, 5, 30, 5, tzinfo=UTC)


def test_the_application_name_fits_what_postgresql_keeps() -> None:
    name = application_name("ab12cd34", "Salle des fêtes " * 6)
    assert name.startswith("Booster Desktop ab12cd34 Salle des f")
    assert len(name.encode("utf-8")) <= APPLICATION_NAME_LIMIT
    assert application_name("ab12cd34", "Door 2") == "Booster Desktop ab12cd34 Door 2"


def test_who_is_here_leaves_out_this_session_and_counts_each_laptop_once() -> None:
    rows = [
        ("amina", "Booster Desktop 11111111 laptop-3"),
        ("amina", "Booster Desktop 11111111 laptop-3"),
        ("door", "Booster Desktop 22222222 Door 2"),
        ("ana", "Booster Desktop 33333333"),
    ]
    asked: list[tuple[str, tuple[str, ...]]] = []

    def run(sql: str, parameters: tuple[str, ...]) -> list[tuple[Any, ...]]:
        asked.append((sql, parameters))
        return rows

    people = present(run, "ffffffff")
    assert people == [Present("amina", "laptop-3"), Present("ana", ""), Present("door", "Door 2")]
    assert [str(p) for p in people] == ["amina (laptop-3)", "ana", "door (Door 2)"]
    assert asked[0][1] == ("Booster Desktop %", "Booster Desktop ffffffff%")


# -- on a server ---------------------------------------------------------------------------------


@pytest.fixture
def listening(empty_file: ServerAddress) -> Iterator[Any]:
    """A bare psycopg connection listening on the programme's database."""
    import psycopg

    with psycopg.connect(str(empty_file), autocommit=True) as connection:
        connection.execute(f"LISTEN {CHANNEL}")
        yield connection


def _retitle(programme: ProgrammeFile, title: str) -> None:
    details = programme_details(programme)
    save_details(programme, dataclasses.replace(details, title=title))


def _next_notice(connection: Any) -> Any:
    for message in connection.notifies(timeout=10, stop_after=1):
        return decode(message.payload)
    raise AssertionError("nothing was announced")


@pytest.mark.postgresql_only
def test_a_committed_write_is_announced_with_its_record(
    empty_file: ServerAddress, listening: Any
) -> None:
    with open_programme(empty_file, writable=True) as programme:
        _retitle(programme, "Spring tours")
        notice = _next_notice(listening)
    assert notice is not None and notice.session == programme.sender
    assert notice.change.tables == {"programme"} and notice.change.ids("programme") == {1}
    assert notice.change.action is Action.EDIT


@pytest.mark.postgresql_only
def test_a_rolled_back_write_announces_nothing(empty_file: ServerAddress, listening: Any) -> None:
    with open_programme(empty_file, writable=True) as programme:
        with pytest.raises(RuntimeError), programme.writing() as connection:
            report(connection, "tour", [99])
            raise RuntimeError("refused midway")
        _retitle(programme, "Spring tours")
        # Announcements arrive in commit order: the first one is the committed write.
        notice = _next_notice(listening)
    assert notice is not None and notice.change.tables == {"programme"}


@pytest.mark.postgresql_only
def test_a_write_naming_twenty_thousand_rows_is_announced_as_any_row(
    empty_file: ServerAddress, listening: Any
) -> None:
    with open_programme(empty_file, writable=True) as programme:
        with programme.without_history(), programme.writing() as connection:
            report(connection, "manager", range(1, 20_001), ["status"])
        notice = _next_notice(listening)
    assert notice is not None and notice.change.ids("manager") is None
    assert notice.change.touches(["manager.status"])
