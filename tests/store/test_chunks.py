"""Long key lists asked for a piece at a time: one helper, the same pieces everywhere."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import event, select, update

from booster_desktop.domain.manager import Manager
from booster_desktop.services.programme import open_programme
from booster_desktop.store import chunks as chunks_module
from booster_desktop.store.chunks import CHUNK, chunks
from booster_desktop.store.versions import ChangedMeanwhile, check_versions
from tests.package_source import modules


@pytest.mark.parametrize("count", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7])
def test_the_pieces_are_the_values_in_order_none_longer_than_the_chunk(count: int) -> None:
    values = list(range(count, 0, -1))
    pieces = [list(piece) for piece in chunks(values)]
    assert [v for piece in pieces for v in piece] == values
    assert all(0 < len(piece) <= CHUNK for piece in pieces)
    assert len(pieces) == -(-count // CHUNK)  # as few pieces as the size allows
    assert CHUNK == 500


def test_a_version_check_asks_a_piece_at_a_time_and_sees_a_change_in_the_last(
    demo_file: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chunks_module, "CHUNK", 7)
    with open_programme(demo_file) as programme:
        with programme.engine.connect() as connection:
            table = Manager.__table__
            versions = {
                int(key): int(version)
                for key, version in connection.execute(select(table.c.id, table.c.version))
            }
        assert len(versions) > 3 * 7
        asked: list[int] = []

        def count(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
            if "FROM manager" in statement and "version" in statement:
                asked.append(len(params))

        event.listen(programme.engine, "before_cursor_execute", count)
        try:
            with programme.engine.begin() as connection:
                check_versions(connection, Manager, versions)  # every one as read: passes
            assert len(asked) == -(-len(versions) // 7)
            assert max(asked) <= 7
            last = max(versions)
            with programme.engine.begin() as connection:
                connection.execute(
                    update(table).where(table.c.id == last).values(version=versions[last] + 1)
                )
            with (
                pytest.raises(ChangedMeanwhile) as refused,
                programme.engine.begin() as connection,
            ):
                check_versions(connection, Manager, versions)
            assert refused.value.record == last
        finally:
            event.remove(programme.engine, "before_cursor_execute", count)


def test_no_module_cuts_a_key_list_into_pieces_of_its_own() -> None:
    """Every piece-at-a-time key list goes through `store/chunks.py`: a second copy of the
    loop would drift (another size, another off-by-one)."""
    own_loop = re.compile(r"range\(0, len\([^)]*\), *(\d+|_?[A-Z_]+)\)")
    found = [
        f"{name}:{number}"
        for name, source in modules(but=("store/chunks.py",))
        if ".in_(" in source
        for number, line in enumerate(source.splitlines(), 1)
        if own_loop.search(line)
    ]
    assert found == []


def _every_row(programme: Any, table: str) -> list[tuple[Any, ...]]:
    from booster_desktop.domain.model import Base

    target = Base.metadata.tables[table]
    with programme.engine.connect() as connection:
        return sorted(tuple(row) for row in connection.execute(select(target)))


def test_a_delete_taken_and_put_back_a_piece_at_a_time_loses_nothing(
    demo_file: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty managers deleted with pieces of 7: all go (with what hangs on them), and the
    undo puts every row back as it was."""
    from booster_desktop.services.records import delete_records, restore

    monkeypatch.setattr(chunks_module, "CHUNK", 7)
    with open_programme(demo_file, writable=True) as programme:
        before = {t: _every_row(programme, t) for t in ("manager", "topic_interest", "enrolment")}
        ids = sorted(row[0] for row in before["manager"])[:20]
        versions = {row[0]: row[-1] for row in before["manager"] if row[0] in ids}
        snapshot = delete_records(programme, "manager", ids, versions)
        assert snapshot.count("manager") == 20 and snapshot.count("topic_interest") > 7
        left = {row[0] for row in _every_row(programme, "manager")}
        assert left.isdisjoint(ids) and len(left) == len(before["manager"]) - 20
        restore(programme, snapshot)
        after = {t: _every_row(programme, t) for t in before}
    assert after == before


def test_travel_data_erased_a_piece_at_a_time_is_all_erased(
    demo_file: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from booster_desktop.domain.manager import TravelDocument
    from booster_desktop.services.personal_data import erase_travel_data

    monkeypatch.setattr(chunks_module, "CHUNK", 7)
    with open_programme(demo_file, writable=True) as programme:
        with programme.engine.connect() as connection:
            holders = sorted(set(connection.scalars(select(TravelDocument.manager_id))))
        assert len(holders) > 2 * 7
        assert erase_travel_data(programme, holders) == len(holders)
        assert _every_row(programme, "travel_document") == []
