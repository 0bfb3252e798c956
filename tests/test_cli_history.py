"""`booster history FILE [--manager ID] [--since DATE] [--json]`: the change history, filtered
by manager and date, as a table or JSON; an unknown manager or a bad date is one line."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.services import managers
from booster_desktop.services.programme import open_programme
from tests import programme_db


def _run(args: list[str], capsys: pytest.CaptureFixture[str], code: int = 0) -> tuple[str, str]:
    assert main(["history", *args]) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


@pytest.fixture
def edited(demo_file: Path) -> Path:
    """Manager 3's city and passport changed, then manager 4's city."""
    with open_programme(demo_file, writable=True) as programme:
        three = managers.manager_details(programme, 3)
        managers.save_manager(
            programme, replace(three, city="Sfax", passport_number="QQ4455667"), 3
        )
        four = managers.manager_details(programme, 4)
        managers.save_manager(programme, replace(four, city="Bizerte"), 4)
    return demo_file


def test_the_history_of_one_manager(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _run([str(edited), "--manager", "3", "--json"], capsys)
    lines = json.loads(out)
    assert {line["manager_id"] for line in lines} == {3}
    city = [line for line in lines if line["field"] == "city"]
    assert [(c["table"], c["record_id"], c["new"], c["action"]) for c in city] == [
        ("manager", "3", "Sfax", "edit")
    ]
    passport = [line for line in lines if line["field"] == "passport_number"]
    assert passport and passport[0]["masked"] and passport[0]["new"] is None
    assert "QQ4455667" not in out
    table, _ = _run([str(edited), "--manager", "3"], capsys)
    assert table.splitlines()[0].split()[:3] == ["When", "(UTC)", "Action"]
    assert "Sfax" in table and "Bizerte" not in table
    (passport_line,) = [line for line in table.splitlines() if "passport_number" in line]
    assert passport_line.split()[-2:] == ["passport_number", "changed"]  # was empty: no old
    assert "QQ4455667" not in table


def test_the_history_since_a_date(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = datetime.now(UTC).date().isoformat()
    out, _ = _run([str(edited), "--since", today, "--json"], capsys)
    assert {line["manager_id"] for line in json.loads(out)} == {3, 4}
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    out, _ = _run([str(edited), "--since", tomorrow, "--json"], capsys)
    assert json.loads(out) == []


def test_an_unknown_manager_is_one_line(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = programme_db.fingerprint(edited)
    out, err = _run([str(edited), "--manager", "9999"], capsys, code=1)
    assert out == ""
    assert err == "booster: manager 9999 does not exist and has no history\n"
    assert programme_db.fingerprint(edited) == before


def test_a_bad_date_is_a_usage_error(edited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["history", str(edited), "--since", "31/12/2026"])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert "'31/12/2026' is not a date (YYYY-MM-DD" in err
    assert len(err.strip().splitlines()) == 2  # argparse's usage line, then the reason


def test_terminal_escapes_in_values_never_reach_the_terminal(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A note keeps what was typed (line breaks...), escapes included: the table shows them
    as text, never as codes the terminal would obey (a new window title, colours)."""
    with open_programme(demo_file, writable=True) as programme:
        three = managers.manager_details(programme, 3)
        managers.save_manager(programme, replace(three, notes="hi\x1b]0;pwned\x07\x1b[31mRED"), 3)
    table, _ = _run([str(demo_file), "--manager", "3"], capsys)
    assert "\x1b" not in table and "\x07" not in table
    (notes,) = [line for line in table.splitlines() if " notes " in line]
    assert notes.endswith("hi\\x1b]0;pwned\\x07\\x1b[31mRED")
