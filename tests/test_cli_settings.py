"""`booster settings [NAME [VALUE]]`: reads and sets this laptop's settings (a file in the
user's configuration folder) and, with --programme, the programme's (in the file)."""

from __future__ import annotations

import json
import platform
from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.services.settings import BY_NAME, SETTINGS, Scope
from tests import programme_db


def _run(args: list[str], capsys: pytest.CaptureFixture[str], code: int = 0) -> tuple[str, str]:
    assert main(["settings", *args]) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_every_setting_is_listed_with_its_default(
    capsys: pytest.CaptureFixture[str], laptop_settings: Path
) -> None:
    out, _ = _run(["--json"], capsys)
    assert json.loads(out) == {s.name: s.default for s in SETTINGS if s.scope is Scope.LAPTOP}
    table, _ = _run([], capsys)
    assert table.splitlines()[0].split() == ["SETTING", "VALUE", "KEPT", "IN", "WHAT"]
    assert "printer_scale_percent  100 %" in table
    assert "add --programme FILE" in table
    assert not laptop_settings.exists()  # reading writes nothing


def test_a_laptop_setting_is_set_and_read_back_from_the_file(
    capsys: pytest.CaptureFixture[str], laptop_settings: Path
) -> None:
    out, _ = _run(["printer_scale_percent", "101,5"], capsys)
    assert out.startswith("printer_scale_percent = 101.5 % (")
    assert json.loads(laptop_settings.read_text(encoding="utf-8")) == {
        "printer_scale_percent": 101.5
    }
    assert _run(["printer_scale_percent"], capsys)[0] == "101.5\n"
    _run(["device-name", "Door laptop 2"], capsys)
    assert _run(["device_name"], capsys)[0] == "Door laptop 2\n"
    # Back to the default: the file no longer pins it.
    _run(["printer_scale_percent", "100"], capsys)
    assert "printer_scale_percent" not in json.loads(laptop_settings.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["printer_scale_percent", "500"],
            "printer_scale_percent: 500 is not between 50 and 150 %",
        ),
        (["backup_count", "ten"], "backup_count: 'ten' is not a whole number"),
        (["checkin_pin", "12a4"], "checkin_pin: '12a4' is not 4 to 8 digits"),
        (["language", "de"], "language: 'de' is not one of system, en, fr"),
        (["printer_offset_x_mm", "nan"], "printer_offset_x_mm: nan is not a number"),
    ],
)
def test_a_bad_value_is_one_line_exit_1_and_nothing_written(
    capsys: pytest.CaptureFixture[str], laptop_settings: Path, args: list[str], message: str
) -> None:
    _run(["backup_count", "12"], capsys)
    before = laptop_settings.read_bytes()
    _, err = _run(args, capsys, 1)
    assert err == f"booster: {message}\n"
    assert laptop_settings.read_bytes() == before


def test_an_unknown_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    _, err = _run(["printer_sclae"], capsys, 2)
    assert err.startswith("booster: unknown setting 'printer_sclae' (settings: device_name, ")
    assert err.count("\n") == 1


def test_a_damaged_settings_file_is_named_and_left_alone(
    capsys: pytest.CaptureFixture[str], laptop_settings: Path
) -> None:
    laptop_settings.parent.mkdir(parents=True, exist_ok=True)
    laptop_settings.write_text("{ not json", encoding="utf-8")
    _, err = _run(["backup_count", "3"], capsys, 1)
    assert err.startswith(f"booster: {laptop_settings}: not a settings file (line 1")
    assert laptop_settings.read_text(encoding="utf-8") == "{ not json"


def test_an_unwritable_settings_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], laptop_settings: Path
) -> None:
    # A file where the configuration folder should be (tests run as root: no chmod).
    laptop_settings.parent.parent.mkdir(parents=True, exist_ok=True)
    laptop_settings.parent.write_text("in the way", encoding="utf-8")
    _, err = _run(["backup_count", "3"], capsys, 1)
    assert err.startswith("booster: ") and "cannot" in err and err.count("\n") == 1


def test_programme_settings_live_in_the_programme_file(
    capsys: pytest.CaptureFixture[str], demo_file: Path, laptop_settings: Path
) -> None:
    _, err = _run(["attendance_minimum", "75"], capsys, 2)
    assert (
        err == "booster: attendance_minimum is kept in the programme file: add --programme FILE\n"
    )
    with programme_db.connect(demo_file) as connection:
        (name,) = connection.execute("SELECT coordinator_name FROM programme").fetchone()
    out, _ = _run(["attendance_minimum", "75", "--programme", str(demo_file)], capsys)
    assert out.startswith("attendance_minimum = 75 %")
    _run(["coordinator_email", " Coord@Example.ORG ", "--programme", str(demo_file)], capsys)
    with programme_db.connect(demo_file) as connection:
        row = connection.execute(
            "SELECT attendance_minimum, coordinator_email, coordinator_name FROM programme"
        ).fetchone()
    assert row == (75, "coord@example.org", name)  # the other settings as they were
    document = json.loads(_run(["--programme", str(demo_file), "--json"], capsys)[0])
    assert document["attendance_minimum"] == 75 and document["coordinator_name"] == (name or "")
    assert set(document) == set(BY_NAME)
    assert not laptop_settings.exists()
    _, err = _run(["coordinator_email", "nobody", "--programme", str(demo_file)], capsys, 1)
    assert err == "booster: coordinator_email: 'nobody' is not an e-mail address\n"
    _, err = _run(["attendance_minimum", "101", "--programme", str(demo_file)], capsys, 1)
    assert "attendance_minimum: 101 is not between 0 and 100 %" in err


def test_changes_are_recorded_under_the_device_name_setting(
    capsys: pytest.CaptureFixture[str], demo_file: Path
) -> None:
    from booster_desktop.services.changes import Change, current_device
    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.settings import save_programme_settings

    _run(["device_name", "Door laptop 2"], capsys)  # the command installs the setting
    assert current_device() == "Door laptop 2"
    heard: list[Change] = []
    with open_programme(demo_file, writable=True) as programme:
        programme.listen(heard.append)
        save_programme_settings(programme, {"coordinator_name": "Nadia Ben Salem"})
    assert [c.device for c in heard] == ["Door laptop 2"]
    _run(["device_name", ""], capsys)
    assert current_device() == platform.node()
