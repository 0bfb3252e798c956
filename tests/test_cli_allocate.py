"""`booster allocate`: its JSON, what --apply writes (and refuses to), and how the
programme's enrolments (confirmed, cancelled, withdrawn managers) shape the next allocation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from booster_desktop.cli import main
from booster_desktop.services.allocation import Instance, Wish, solve
from tests import programme_db

INSTANCE_KEYS = {
    "per_manager",
    "max_per_country",
    "tours",
    "managers",
    "pinned",
    "forbidden",
    "kept",
    "previous",
    "gamma",
    "seed",
}
CAP_REASON = "Morocco has 4 managers, the cap of 1 per tour allows 2"


def _allocate(
    args: list[str], capsys: pytest.CaptureFixture[str], code: int = 0
) -> tuple[dict[str, Any], str]:
    assert main(["allocate", *args]) == code
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err


def _enrolments(path: Path) -> list[tuple[int, int, str, str]]:
    """(id, manager, tour code, status) of every enrolment."""
    with programme_db.connect(path) as connection:
        return connection.execute(
            "SELECT e.id, e.manager_id, t.code, e.status FROM enrolment e "
            "JOIN tour t ON t.id = e.tour_id ORDER BY e.id"
        ).fetchall()


def _pairs(path: Path, status: str) -> set[tuple[int, str]]:
    return {(m, code) for _, m, code, s in _enrolments(path) if s == status}


def _set_status(path: Path, manager: int, code: str, status: str) -> None:
    with programme_db.connect(path) as connection:
        changed = connection.execute(
            "UPDATE enrolment SET status = ? WHERE manager_id = ? "
            "AND tour_id = (SELECT id FROM tour WHERE code = ?)",
            (status, manager, code),
        ).rowcount
    assert changed == 1


def _backups(path: Path) -> list[Path]:
    """The backups made before an allocation (kept in the programme's backup folder)."""
    from booster_desktop.services.backups import list_backups

    with programme_db.connect(path) as connection:
        uuid = str(connection.execute("SELECT uuid FROM programme").fetchone()[0])
    return sorted(b.path for b in list_backups(uuid) if b.why == "allocation")


def _assigned(document: dict[str, Any]) -> set[tuple[int, str]]:
    return {(int(m), code) for m, codes in document["assignment"].items() for code in codes}


def _instance_from_json(document: dict[str, Any]) -> Instance:
    return Instance(
        per_manager=document["per_manager"],
        max_per_country=document["max_per_country"],
        tours={code: tour["capacity"] for code, tour in document["tours"].items()},
        managers={
            int(m): Wish(country=w["country"], ranks=w["ranks"], scores=w["scores"])
            for m, w in document["managers"].items()
        },
        pinned=tuple((m, c) for m, c in document["pinned"]),
        forbidden=tuple((m, c) for m, c in document["forbidden"]),
        kept=tuple((m, c) for m, c in document["kept"]),
        previous={int(m): tuple(codes) for m, codes in document["previous"].items()},
        gamma=document["gamma"],
        seed=document["seed"],
    )


# -- the JSON ------------------------------------------------------------------------------------


def test_allocate_json(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _enrolments(demo_file)
    document, err = _allocate([str(demo_file), "--json"], capsys)
    assert err == ""
    assert document["status"] == "optimal"
    assert document["reason"] is None
    assert document["applied"] is False
    levels = document["levels"]
    assert {"unmet_seats", "worst_rank", "welfare"} <= set(levels)
    assert (levels["unmet_seats"], levels["worst_rank"], levels["welfare"]) == (0, 2, 24.0)
    assert set(document["assignment"]) == {str(m) for m in range(1, 25)}
    for codes in document["assignment"].values():
        assert isinstance(codes, list) and len(codes) == 2 == len(set(codes))
    instance = document["instance"]
    assert set(instance) == INSTANCE_KEYS
    assert instance["per_manager"] == 2
    assert instance["max_per_country"] is None
    assert instance["tours"] == {code: {"capacity": 12} for code in ("CAT", "PIE", "SUD", "WAL")}
    assert set(instance["managers"]) == {str(m) for m in range(1, 25)}
    for wish in instance["managers"].values():
        assert set(wish) == {"country", "ranks", "scores"}
        assert set(wish["ranks"]) == set(instance["tours"]) == set(wish["scores"])
        assert all(isinstance(rank, int) and rank >= 1 for rank in wish["ranks"].values())
    assert instance["pinned"] == instance["forbidden"] == instance["kept"] == []
    assert {(int(m), c) for m, codes in instance["previous"].items() for c in codes} == {
        (m, code) for _, m, code, _ in before
    }
    assert instance["gamma"] == 1.0
    assert instance["seed"] == 2018  # the programme's lottery seed
    assert _enrolments(demo_file) == before  # nothing written without --apply
    assert _backups(demo_file) == []


def test_the_instance_in_the_json_solves_to_the_same_allocation(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, _ = _allocate([str(demo_file), "--json", "--gamma", "2", "--seed", "11"], capsys)
    assert document["instance"]["seed"] == 11
    assert document["instance"]["gamma"] == 2.0
    again = solve(_instance_from_json(document["instance"]))
    assert {str(m): codes for m, codes in again.assignment.items()} == document["assignment"]
    assert again.levels() == document["levels"]


def test_allocate_for_people(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["allocate", str(demo_file)]) == 0
    out = capsys.readouterr().out
    # The coordinator's words: places wanted, offered, given; rank loss, not "welfare".
    assert out.startswith(
        "Every manager has their 2 tours: 48 places wanted, 48 offered, all given. "
        "Worst rank given: 2; rank loss 24."
    )
    assert "welfare" not in out and "unmet" not in out
    assert "first come, first served in a random order" in out and "a draft, in turns" in out
    assert "Stored as proposed enrolments" not in out


def test_allow_partial_goes_with_apply(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A usage error: argparse's exit code 2, as docs/command.md says.
    with pytest.raises(SystemExit) as exit_:
        main(["allocate", str(demo_file), "--allow-partial"])
    assert exit_.value.code == 2
    assert "--allow-partial goes with --apply" in capsys.readouterr().err


# -- --apply -------------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_apply_stores_the_assignment_and_leaves_confirmed_and_cancelled_alone(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _enrolments(demo_file)
    (_, m_confirmed, c_confirmed, _) = rows[0]
    (_, m_cancelled, c_cancelled, _) = rows[3]
    _set_status(demo_file, m_confirmed, c_confirmed, "confirmed")
    _set_status(demo_file, m_cancelled, c_cancelled, "cancelled")
    before = {row[0]: row for row in _enrolments(demo_file)}
    document, _ = _allocate([str(demo_file), "--apply", "--json"], capsys)
    assert document["status"] == "optimal" and document["applied"] is True
    assigned = _assigned(document)
    after = _enrolments(demo_file)
    # Confirmed and cancelled rows are untouched: same id, same status.
    for row in after:
        if row[3] in ("confirmed", "cancelled"):
            assert before[row[0]] == row
    assert _pairs(demo_file, "confirmed") == {(m_confirmed, c_confirmed)}
    assert _pairs(demo_file, "cancelled") == {(m_cancelled, c_cancelled)}
    assert (m_confirmed, c_confirmed) in assigned
    assert (m_cancelled, c_cancelled) not in assigned
    # The proposed enrolments are the assignment, less what is already confirmed.
    assert _pairs(demo_file, "proposed") == assigned - {(m_confirmed, c_confirmed)}
    (backup,) = _backups(demo_file)
    assert backup.name.endswith(" allocation.booster")
    assert not list(demo_file.parent.glob("* (before *")), "nothing beside the programme"
    assert _enrolments(backup) == list(before.values())  # the file as it was


def test_apply_twice_changes_nothing_the_second_time(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _ = _allocate([str(demo_file), "--apply", "--json", "--seed", "4"], capsys)
    stored = _enrolments(demo_file)
    second, _ = _allocate([str(demo_file), "--apply", "--json", "--seed", "4"], capsys)
    assert second["assignment"] == first["assignment"]
    assert second["levels"]["moved_from_previous"] == 0
    assert _enrolments(demo_file) == stored


def test_apply_for_people_says_where_the_backup_is(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["allocate", str(demo_file), "--apply"]) == 0
    out = capsys.readouterr().out
    (backup,) = _backups(demo_file)
    assert f"Stored as proposed enrolments; the file as it was is at {backup}" in out


def test_a_waitlisted_wish_the_allocation_fulfils_becomes_proposed(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _enrolments(demo_file)
    waitlisted = [(m, code) for _, m, code, _ in rows[:10]]
    for m, code in waitlisted:
        _set_status(demo_file, m, code, "waitlisted")
    document, _ = _allocate([str(demo_file), "--apply", "--json"], capsys)
    assigned = _assigned(document)
    statuses = {(m, code): s for _, m, code, s in _enrolments(demo_file)}
    for pair in waitlisted:
        assert statuses[pair] == ("proposed" if pair in assigned else "waitlisted")
    assert {p for p, s in statuses.items() if s == "proposed"} == assigned


# -- infeasible ----------------------------------------------------------------------------------


def test_an_infeasible_cap_exits_1_with_the_reason(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["allocate", str(demo_file), "--max-per-country", "1"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(
        "48 places wanted (24 managers x 2 tours), 48 offered, 28 given: "
    )
    assert "managers short of their 2 tours" in captured.out.splitlines()[0]
    assert "booster: no full allocation: " in captured.err
    assert CAP_REASON in captured.err


def test_an_infeasible_cap_with_json_gives_the_best_partial_allocation(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _enrolments(demo_file)
    document, err = _allocate([str(demo_file), "--max-per-country", "1", "--json"], capsys, 1)
    assert document["status"] == "infeasible"
    assert CAP_REASON in document["reason"]
    assert CAP_REASON in err
    assert document["applied"] is False
    # 7 countries of 3 or 4 managers, 4 tours with one seat per country each: 28 places.
    assert document["levels"]["unmet_seats"] == 48 - 28
    assigned = _assigned(document)
    assert len(assigned) == 28
    countries = {int(m): w["country"] for m, w in document["instance"]["managers"].items()}
    per_tour_country = [(code, countries[m]) for m, code in assigned]
    assert len(per_tour_country) == len(set(per_tour_country))  # the cap holds
    assert document["instance"]["max_per_country"] == 1
    assert _enrolments(demo_file) == before


def test_apply_refuses_an_infeasible_allocation(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _enrolments(demo_file)
    document, err = _allocate(
        [str(demo_file), "--max-per-country", "1", "--apply", "--json"], capsys, 1
    )
    assert document["applied"] is False
    assert "nothing was written; --allow-partial stores the best partial allocation" in err
    assert _enrolments(demo_file) == before
    assert _backups(demo_file) == []


def test_apply_with_allow_partial_stores_the_best_partial_allocation(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document, err = _allocate(
        [str(demo_file), "--max-per-country", "1", "--apply", "--allow-partial", "--json"],
        capsys,
        0,
    )
    assert document["status"] == "infeasible" and document["applied"] is True
    assert CAP_REASON in err
    assert _pairs(demo_file, "proposed") == _assigned(document)
    assert len(_backups(demo_file)) == 1


# -- the programme's enrolments shape the next allocation ----------------------------------------


def test_a_cancelled_enrolment_forbids_that_pair(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _ = _allocate([str(demo_file), "--json"], capsys)
    m, code = 5, first["assignment"]["5"][0]  # a pair the allocation gives
    assert (m, code) in _pairs(demo_file, "proposed")  # the demo's own allocation is optimal
    _set_status(demo_file, m, code, "cancelled")
    document, _ = _allocate([str(demo_file), "--json"], capsys)
    assert [m, code] in document["instance"]["forbidden"]
    assert code not in document["assignment"]["5"]
    assert len(document["assignment"]["5"]) == 2


def test_a_confirmed_enrolment_is_kept(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = _allocate([str(demo_file), "--json"], capsys)
    ranks = first["instance"]["managers"]["6"]["ranks"]
    worst = max(ranks, key=lambda c: (ranks[c], c))  # a tour the optimum would not give
    assert worst not in first["assignment"]["6"]
    if (6, worst) in {(m, c) for _, m, c, _ in _enrolments(demo_file)}:
        _set_status(demo_file, 6, worst, "confirmed")
    else:
        _insert_enrolment(demo_file, 6, worst, "confirmed")
    document, _ = _allocate([str(demo_file), "--json"], capsys)
    assert [6, worst] in document["instance"]["kept"]
    assert worst in document["assignment"]["6"]
    assert len(document["assignment"]["6"]) == 2


def test_a_withdrawn_manager_is_not_allocated(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with programme_db.connect(demo_file) as connection:
        connection.execute("UPDATE manager SET status = 'withdrawn' WHERE id = 7")
    withdrawn_rows = [row for row in _enrolments(demo_file) if row[1] == 7]
    document, _ = _allocate([str(demo_file), "--json", "--apply"], capsys)
    assert "7" not in document["assignment"]
    assert "7" not in document["instance"]["managers"]
    assert "7" not in document["instance"]["previous"]
    assert document["status"] == "optimal"  # 46 places for 48 seats
    # A withdrawn manager's enrolments stay as they were, for the record.
    assert [row for row in _enrolments(demo_file) if row[1] == 7] == withdrawn_rows


def _insert_enrolment(path: Path, manager: int, code: str, status: str) -> None:
    with programme_db.connect(path) as connection:
        connection.execute(
            "INSERT INTO enrolment (manager_id, tour_id, status, created_at) "
            "VALUES (?, (SELECT id FROM tour WHERE code = ?), ?, '2018-11-01 00:00:00')",
            (manager, code, status),
        )


# -- pins and forbidden pairs --------------------------------------------------------------------


def test_pin_and_forbid_shape_the_allocation_and_go_into_the_instance(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain, _ = _allocate([str(demo_file), "--json"], capsys)
    given = plain["assignment"]["1"]
    other = next(code for code in plain["instance"]["tours"] if code not in given)
    args = [
        str(demo_file),
        "--json",
        "--pin",
        f"1={other.lower()}",
        "--forbid",
        f"2={plain['assignment']['2'][0]}",
    ]
    document, _ = _allocate(args, capsys)
    assert other in document["assignment"]["1"]
    assert plain["assignment"]["2"][0] not in document["assignment"]["2"]
    assert [1, other] in document["instance"]["pinned"]
    assert [2, plain["assignment"]["2"][0]] in document["instance"]["forbidden"]
    # The same instance, solved again, gives the same allocation (anyone can check it).
    again = solve(_instance_from_json(document["instance"]))
    assert {str(m): codes for m, codes in again.assignment.items()} == document["assignment"]
    assert document["summary"].startswith("Every manager has their 2 tours")
    assert document["comparison"]["snake_draft"]["method"] == "a draft, in turns"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--pin", "1=XYZ", "booster: pin 1=XYZ: tour 'XYZ' does not exist (tours: "),
        ("--forbid", "999=CAT", "booster: forbid 999=CAT: manager 999 does not exist"),
    ],
)
def test_a_pin_or_forbid_naming_nothing_is_one_line_and_exit_1(
    demo_file: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    before = _enrolments(demo_file)
    assert main(["allocate", str(demo_file), option, value, "--apply"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert _enrolments(demo_file) == before


def test_a_withdrawn_manager_cannot_be_pinned(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with programme_db.connect(demo_file) as connection:
        connection.execute("UPDATE manager SET status = 'withdrawn' WHERE id = 5")
    assert main(["allocate", str(demo_file), "--pin", "5=CAT"]) == 1
    assert "pin 5=CAT: manager 5 is withdrawn" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["CAT", "x=CAT", "7=", "0=CAT"])
def test_a_malformed_pin_is_a_usage_error(
    demo_file: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["allocate", str(demo_file), "--pin", value])
    assert exit_.value.code == 2
    assert "is not ID=CODE" in capsys.readouterr().err


def test_pinned_and_forbidden_at_once_is_refused(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["allocate", str(demo_file), "--pin", "3=CAT", "--forbid", "3=cat"]) == 1
    assert "3=CAT is both pinned and forbidden" in capsys.readouterr().err


def test_rank_loss_is_one_measure_in_the_sentence_and_the_table(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain, _ = _allocate([str(demo_file), "--json"], capsys)
    ranks = plain["instance"]["managers"]["1"]["ranks"]
    worst = max(ranks, key=lambda code: ranks[code])  # pinned there, so gamma shows
    args = [str(demo_file), "--gamma", "3", "--pin", f"1={worst}"]
    assert main(["allocate", *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    loss = lines[0].split("rank loss ", 1)[1].split(" ", 1)[0]
    assert "(fairness 3)" in lines[0] and ranks[worst] > 2
    ours = next(line for line in lines if line.startswith("this allocation"))
    method, _complete, in_table, *_ = re.split(r"\s{2,}", ours)
    assert (method, in_table) == ("this allocation", loss)
    document, _ = _allocate([*args, "--json"], capsys)
    assert f"{document['levels']['welfare']:g}" == loss
    assert loss != str(document["comparison"]["optimal"]["total_rank_loss"])


# -- two coordinators applying at once (a programme on a server) ----------------------------------


def _drop_enrolments(location: Any, remainder: int) -> None:
    """Another coordinator's write: every enrolment whose id leaves `remainder` by 3 goes."""
    from sqlalchemy import text

    from booster_desktop.services.programme import open_programme
    from booster_desktop.store.changes import report

    with open_programme(location, writable=True) as programme, programme.writing() as connection:
        report(connection, "enrolment", None)
        connection.execute(text("DELETE FROM enrolment WHERE id % 3 = :r"), {"r": remainder})


@pytest.mark.postgresql_only  # the wait is for another session's apply on the server
@pytest.mark.parametrize("meanwhile", ["nothing", "a name changed", "enrolments changed"])
def test_apply_says_on_stderr_when_it_waits_for_another_coordinator_then_what_happened(
    demo_file: Any, meanwhile: str
) -> None:
    import queue
    import subprocess
    import sys
    import threading

    from booster_desktop.services.programme import open_programme
    from booster_desktop.store.versions import ALLOCATING, exclusive

    _drop_enrolments(demo_file, remainder=0)  # wishes for the allocation to fill
    with open_programme(demo_file, writable=True) as other:
        holding = exclusive(other, ALLOCATING)
        assert holding.__enter__() is False  # another coordinator is applying
        child = subprocess.Popen(
            [sys.executable, "-m", "booster_desktop", "allocate", str(demo_file), "--apply"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert child.stdout is not None and child.stderr is not None
        try:
            # Said before it waits: the line comes while the other apply still holds on (read
            # aside, so a command that never says it fails here rather than hangs).
            lines: queue.Queue[str] = queue.Queue()
            reader = threading.Thread(target=lambda: lines.put(child.stderr.readline()))
            reader.start()
            line = lines.get(timeout=60)
            assert line == "booster: waiting for another coordinator's allocation to finish…\n"
            assert child.poll() is None
            if meanwhile == "enrolments changed":
                _drop_enrolments(demo_file, remainder=1)
            elif meanwhile == "a name changed":
                with programme_db.connect(demo_file) as connection:
                    connection.execute("UPDATE manager SET given_name = 'Meanwhile' WHERE id = 1")
            between = _enrolments(demo_file)
        finally:
            holding.__exit__(None, None, None)
        try:
            out, err = child.communicate(timeout=120)
        finally:
            child.kill()
    if meanwhile in ("nothing", "a name changed"):
        assert child.returncode == 0, err
        assert err == ""
        assert _enrolments(demo_file) != between
        # The backup is the programme as this apply replaced it: made once the wait was over,
        # with what was written meanwhile.
        (backup,) = re.findall(r"Stored as proposed enrolments; the file as it was is at (.+)", out)
        with programme_db.connect(Path(backup)) as connection:
            (name,) = connection.execute("SELECT given_name FROM manager WHERE id = 1").fetchone()
        assert (name == "Meanwhile") == (meanwhile == "a name changed")
    else:
        assert child.returncode == 1
        (refusal,) = err.splitlines()
        assert refusal.startswith("booster: waited for another coordinator's allocation: ")
        assert refusal.endswith("nothing was saved: run the allocation again")
        assert _enrolments(demo_file) == between
        # Refused after its wait, before its backup: none was made for nothing.
        from sqlalchemy import select

        from booster_desktop.domain.programme import Programme
        from booster_desktop.services.backups import list_backups, settle

        settle()
        with open_programme(demo_file) as programme, programme.engine.connect() as connection:
            uuid = str(connection.execute(select(Programme.uuid)).scalar_one())
        assert [b.why for b in list_backups(uuid) if b.why == "allocation"] == []
