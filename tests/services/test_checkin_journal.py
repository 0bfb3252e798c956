"""Check-in journals: two laptops at two doors, merged offline, whatever the order.

Every state compared is read back from the programme files with SQLite directly.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booster_desktop.cli import main
from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.checkin import CheckinDesk, ScanState, void_checkin
from booster_desktop.services.journal import (
    FORMAT_VERSION,
    Entry,
    export_journal,
    merge_journal,
    read_journal,
    write_journal,
)
from booster_desktop.services.programme import open_programme
from tests import programme_db
from tests.services.test_checkin import DAY_ONE, _expected, _session


def _rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with closing(programme_db.connect(path)) as connection:
        return list(connection.execute(sql, params))


def _state(path: Path) -> list[tuple[object, ...]]:
    return _rows(
        path,
        "SELECT id, session_id, manager_id, recorded_at, device, voided, admitted_unregistered "
        "FROM checkin ORDER BY id",
    )


def _programme_uuid(path: Path) -> str:
    return str(_rows(path, "SELECT uuid FROM programme")[0][0])


def _merge(path: Path, journal: Path) -> None:
    with open_programme(path, writable=True) as programme:
        merge_journal(programme, journal)


def _export(path: Path, journal: Path) -> None:
    with open_programme(path) as programme:
        export_journal(programme, journal)


@pytest.fixture
def laptops(demo_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of one programme, as two door laptops carry it (on the PostgreSQL pass: the
    programme on the server and a file pulled from it)."""
    other = tmp_path / "laptop-b.booster"
    if isinstance(demo_file, Path):
        shutil.copyfile(demo_file, other)
    else:
        from booster_desktop.services.programme import pull_programme

        pull_programme(demo_file, other)
    return demo_file, other


def _scan(path: Path, session: int, tokens: list[str], at: datetime, device: str) -> None:
    with open_programme(path, writable=True) as programme:
        desk = CheckinDesk(programme, session, device=device)
        for n, token in enumerate(tokens):
            desk.record(token, now=at + timedelta(seconds=10 * n))


# -- the journal's form ---------------------------------------------------------------------------


def test_a_journal_names_the_programme_sessions_and_badges_never_local_ids(
    demo_file: Path, tmp_path: Path
) -> None:
    session = _session(demo_file, "CAT", "Joint training")
    people = _expected(demo_file, "CAT")[:3]
    _scan(demo_file, session, [p[1] for p in people], DAY_ONE, "door-1")
    journal = tmp_path / "a.jsonl"
    _export(demo_file, journal)
    lines = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    header, *entries, end = lines
    assert header["format"] == "booster-checkin-journal"
    assert header["version"] == FORMAT_VERSION
    assert header["programme"] == _programme_uuid(demo_file)
    assert header["checkins"] == len(entries) == 3 and end["checkins"] == 3
    session_uuid = _rows(demo_file, "SELECT uuid FROM tour_session WHERE id = ?", session)[0][0]
    assert {e["session"] for e in entries} == {session_uuid}
    assert [e["manager"] for e in entries] == [p[1] for p in people]
    assert all(set(e) == {"id", "session", "manager", "tokens", "at", "device", "voided",
                          "admitted_unregistered"} for e in entries)  # fmt: skip
    assert entries[0]["at"] == "2018-11-19T09:00:00.000000+00:00"


def test_two_laptops_merged_either_way_agree_and_count_a_person_once(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = laptops
    session = _session(a, "CAT", "Joint training")
    people = _expected(a, "CAT")
    # Both doors see people[2]; B saw them first.
    _scan(a, session, [people[0][1], people[1][1], people[2][1]], DAY_ONE, "front door")
    _scan(b, session, [people[2][1], people[3][1]], DAY_ONE - timedelta(minutes=3), "back door")
    from_a, from_b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _export(a, from_a)
    _export(b, from_b)
    with open_programme(a, writable=True) as programme:
        report = merge_journal(programme, from_b)
    assert (report.added, report.voided) == (2, 0)
    assert [(o.manager_id, len(o.here), len(o.there)) for o in report.on_both] == [
        (people[2][0], 1, 1)
    ]
    assert report.on_both[0].here[0][1] == "front door"
    assert report.on_both[0].there[0][1] == "back door"
    _merge(b, from_a)
    assert _state(a) == _state(b) and len(_state(a)) == 5  # both rows of people[2] kept
    for path in (a, b):
        assert main(["info", str(path), "--json"]) == 0
    with open_programme(a, writable=True) as programme:
        again = CheckinDesk(programme, session).record(
            people[2][1], now=DAY_ONE + timedelta(hours=1)
        )
    # The earliest time, whichever laptop it came from: B's 09:57 UTC, 10:57 in Barcelona.
    assert again.state is ScanState.ALREADY and again.first_local == "09:57"


def test_merging_twice_changes_nothing(laptops: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = laptops
    session = _session(a, "CAT", "Benchmarking visit")
    _scan(b, session, [p[1] for p in _expected(b, "CAT")[:4]], DAY_ONE, "back door")
    journal = tmp_path / "b.jsonl"
    _export(b, journal)
    _merge(a, journal)
    once = _state(a)
    with open_programme(a, writable=True) as programme:
        report = merge_journal(programme, journal)
    assert (report.added, report.voided, report.unchanged) == (0, 0, 4)
    assert _state(a) == once == _state(b)


def test_merging_twice_a_piece_at_a_time_adds_once(
    laptops: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The merge looks its check-ins up by id a piece at a time: a missed piece would add
    the second merge's check-ins again, or refuse them as clashing."""
    from booster_desktop.store import chunks

    a, b = laptops
    session = _session(a, "CAT", "Benchmarking visit")
    _scan(b, session, [p[1] for p in _expected(b, "CAT")[:5]], DAY_ONE, "back door")
    journal = tmp_path / "b.jsonl"
    _export(b, journal)
    monkeypatch.setattr(chunks, "CHUNK", 2)
    with open_programme(a, writable=True) as programme:
        first = merge_journal(programme, journal)
        second = merge_journal(programme, journal)
    assert (first.added, second.added, second.unchanged) == (5, 0, 5)
    assert _state(a) == _state(b) and len(_state(a)) == 5


def test_a_void_on_either_side_wins(laptops: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = laptops
    session = _session(a, "CAT", "Joint training")
    people = _expected(a, "CAT")[:2]
    _scan(a, session, [p[1] for p in people], DAY_ONE, "front door")
    first = tmp_path / "a1.jsonl"
    _export(a, first)
    _merge(b, first)
    # A undoes the last check-in after B took the journal; B still has it standing.
    voided_id = next(r[0] for r in _state(a) if r[2] == people[1][0])
    with open_programme(a, writable=True) as programme:
        void_checkin(programme, str(voided_id))
    second, from_b = tmp_path / "a2.jsonl", tmp_path / "b.jsonl"
    _export(a, second)
    _export(b, from_b)  # B's journal says the check-in stands
    _merge(a, from_b)  # ... and does not bring it back on A
    _merge(b, second)  # A's void reaches B
    assert _state(a) == _state(b)
    assert [(r[2], r[5]) for r in _state(a) if r[0] == voided_id] == [(people[1][0], 1)]


# -- refusals -----------------------------------------------------------------------------------


@contextmanager
def _untouched(path: Path) -> Iterator[None]:
    before = _state(path)
    yield
    assert _state(path) == before


def _digest(path: Path) -> str:
    return programme_db.fingerprint(path)


def _good_journal(laptops: tuple[Path, Path], tmp_path: Path) -> Path:
    _a, b = laptops
    session = _session(b, "CAT", "Joint training")
    _scan(b, session, [p[1] for p in _expected(b, "CAT")[:6]], DAY_ONE, "back door")
    journal = tmp_path / "b.jsonl"
    _export(b, journal)
    return journal


def test_a_journal_cut_short_or_damaged_is_refused_whole(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _ = laptops
    journal = _good_journal(laptops, tmp_path)
    text = journal.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    cases = {
        "cut at a line": ("".join(lines[:4]), "cut short"),
        "cut mid-line": (text[: len(text) - 30], "cut short"),
        "a line of garbage": ("".join([*lines[:3], "{not json\n", *lines[3:]]), "not valid JSON"),
        "a line that is no object": ("".join([*lines[:3], "[1, 2]\n", *lines[3:]]), "object"),
        "a check-in without its session": (
            "".join([*lines[:2], lines[2].replace('"session"', '"sessio"'), *lines[3:]]),
            "'session'",
        ),
        "a moment without a zone": (
            "".join([*lines[:2], lines[2].replace("+00:00", ""), *lines[3:]]),
            "no time zone",
        ),
        "a line after the end": (text + lines[1], "after the journal's end"),
        "nested past Python's limit": (
            "".join([*lines[:3], "[" * 100_000 + "\n", *lines[3:]]),
            "not valid JSON",
        ),
        "more check-ins than announced, no end": (
            "".join([*lines[:-1], *lines[1:-1] * 3]),
            "where its header says",
        ),
        "empty": ("", "empty"),
        "not a journal": ('{"hello": "world"}\n', "not a check-in journal"),
    }
    for name, (content, message) in cases.items():
        bad = tmp_path / f"{name}.jsonl"
        bad.write_text(content, encoding="utf-8")
        with _untouched(a), pytest.raises(BoosterError, match=message) as refused:
            _merge(a, bad)
        assert "nothing was merged" in str(refused.value) or "empty" in message, name
    with _untouched(a), pytest.raises(BoosterError, match="not UTF-8"):
        (tmp_path / "binary.jsonl").write_bytes(b"\xff\xfe\x00garbage\n")
        _merge(a, tmp_path / "binary.jsonl")
    with _untouched(a), pytest.raises(BoosterError, match="is a folder"):
        _merge(a, tmp_path)
    with _untouched(a), pytest.raises(BoosterError, match="no such file"):
        _merge(a, tmp_path / "missing.jsonl")


def test_a_journal_of_another_programme_or_a_newer_version_is_refused(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _ = laptops
    journal = _good_journal(laptops, tmp_path)
    header, *rest = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    document = json.loads(header)
    foreign = tmp_path / "foreign.jsonl"
    foreign.write_text(
        json.dumps({**document, "programme": "00000000-0000-4000-8000-000000000000"})
        + "\n"
        + "".join(rest),
        encoding="utf-8",
    )
    newer = tmp_path / "newer.jsonl"
    newer.write_text(
        json.dumps({**document, "version": FORMAT_VERSION + 1}) + "\n" + "".join(rest),
        encoding="utf-8",
    )
    with _untouched(a), pytest.raises(BoosterError, match="another programme"):
        _merge(a, foreign)
    with _untouched(a), pytest.raises(BoosterError, match="newer version"):
        _merge(a, newer)


@pytest.mark.sqlite_only
def test_a_session_or_badge_this_copy_lacks_refuses_the_whole_journal(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _b = laptops
    journal = _good_journal(laptops, tmp_path)
    # A deleted the last person the journal names: the first five must not come in alone.
    last = json.loads(journal.read_text(encoding="utf-8").splitlines()[-2])
    with closing(programme_db.connect(a)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM manager WHERE id IN (SELECT manager_id FROM badge_token "
                           "WHERE token = ?)", (last["manager"],))  # fmt: skip
    with _untouched(a), pytest.raises(BoosterError, match="is nobody here"):
        _merge(a, journal)


def test_the_command_exports_and_merges(
    laptops: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptops
    journal = _good_journal(laptops, tmp_path)
    assert main(["checkin", "merge", str(a), str(journal)]) == 0
    assert "6 check-ins added" in capsys.readouterr().out
    out = tmp_path / "from-a.jsonl"
    assert main(["checkin", "export", str(a), "-o", str(out)]) == 0
    assert read_journal(out)[1] and _state(a) == _state(b)
    # Never over a programme file, nor into a folder.
    digest = _digest(b)
    assert main(["checkin", "export", str(a), "-o", str(b)]) == 1
    assert "choose another name" in capsys.readouterr().err and _digest(b) == digest
    assert main(["checkin", "export", str(a), "-o", str(a)]) == 1
    assert main(["checkin", "export", str(a), "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err.count("\n") == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("nonsense\n", encoding="utf-8")
    assert main(["checkin", "merge", str(a), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing was merged" in err


# -- merge is a union: idempotent, commutative, associative (Hypothesis) --------------------------

POOL = 10  # check-ins that laptops may have recorded, each with its own fixed facts


def _pool(path: Path) -> tuple[str, list[Entry]]:
    sessions = [r[0] for r in _rows(path, "SELECT uuid FROM tour_session ORDER BY id LIMIT 3")]
    tokens = [r[1] for r in _expected(path, "CAT")[:4]]
    base = datetime(2018, 11, 19, 8, tzinfo=UTC)
    entries = [
        Entry(
            f"00000000-0000-4000-8000-{i:012d}",
            sessions[i % 3],
            (tokens[i % 4],),
            base + timedelta(minutes=7 * i),
            f"door-{i % 2}",
            False,
            i == 7,
        )
        for i in range(POOL)
    ]
    return _programme_uuid(path), entries


journals = st.lists(
    st.tuples(st.integers(0, POOL - 1), st.booleans()), max_size=POOL
)  # (which check-in, voided)


class _Files:
    """Scratch copies of the demo programme for one Hypothesis example."""

    def __init__(self, master: Path, folder: Path) -> None:
        self.master, self.folder, self.count = master, folder, 0
        self.programme_uuid, self.pool = _pool(master)

    def copy(self) -> Path:
        self.count += 1
        path = self.folder / f"copy-{self.count}.booster"
        shutil.copyfile(self.master, path)
        return path

    def journal(self, picks: list[tuple[int, bool]]) -> Path:
        self.count += 1
        path = self.folder / f"journal-{self.count}.jsonl"
        entries = [Entry(**{**_fields(self.pool[i]), "voided": voided}) for i, voided in picks]
        write_journal(path, self.programme_uuid, entries)
        return path

    def after(self, *journals: Path) -> list[tuple[object, ...]]:
        path = self.copy()
        for journal in journals:
            _merge(path, journal)
        return _state(path)

    def combined(self, *journals: Path) -> Path:
        """One laptop that merged these journals, exported as one journal."""
        path = self.copy()
        for journal in journals:
            _merge(path, journal)
        out = self.folder / f"combined-{self.count}.jsonl"
        _export(path, out)
        return out


def _fields(entry: Entry) -> dict[str, object]:
    return {name: getattr(entry, name) for name in Entry.__slots__}


@contextmanager
def _files(master: Path) -> Iterator[_Files]:
    with tempfile.TemporaryDirectory() as folder:
        yield _Files(master, Path(folder))


PROPERTY = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(journals)
def test_merge_is_idempotent(demo_master: Path, picks: list[tuple[int, bool]]) -> None:
    with _files(demo_master) as files:
        journal = files.journal(picks)
        assert files.after(journal, journal) == files.after(journal)


@PROPERTY
@given(journals, journals)
def test_merge_is_commutative(
    demo_master: Path, left: list[tuple[int, bool]], right: list[tuple[int, bool]]
) -> None:
    with _files(demo_master) as files:
        a, b = files.journal(left), files.journal(right)
        assert files.after(a, b) == files.after(b, a)


@PROPERTY
@given(journals, journals, journals)
def test_merge_is_associative(
    demo_master: Path,
    first: list[tuple[int, bool]],
    second: list[tuple[int, bool]],
    third: list[tuple[int, bool]],
) -> None:
    with _files(demo_master) as files:
        a, b, c = files.journal(first), files.journal(second), files.journal(third)
        grouped_left = files.after(files.combined(a, b), c)
        grouped_right = files.after(a, files.combined(b, c))
        assert grouped_left == grouped_right == files.after(a, b, c)
        # A void anywhere wins; a check-in anywhere is there.
        voided = {i for i, v in first + second + third if v}
        present = {i for i, _ in first + second + third}
        state = {str(r[0]): r[5] for r in grouped_left}
        assert set(state) == {files.pool[i].id for i in present}
        assert {k for k, v in state.items() if v} == {files.pool[i].id for i in voided}
