"""Badges take this laptop's declared settings: the default layout and the printer's
correction, set in the window's settings or with `booster settings`."""

from __future__ import annotations

from pathlib import Path

import pytest

from booster_desktop.cli import main
from booster_desktop.services import settings
from booster_desktop.services.badges import layouts


def test_the_layout_setting_offers_exactly_the_shipped_layouts() -> None:
    assert [name for name, _ in settings.BADGE_LAYOUT.choices or ()] == [n for n, _ in layouts()]
    assert settings.BADGE_LAYOUT.default in dict(layouts())


def test_export_badges_uses_the_laptop_s_layout_unless_told(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["settings", "badge_layout", "a6-single"]) == 0
    capsys.readouterr()
    out = tmp_path / "badges.pdf"
    assert main(["export", "badges", str(demo_file), "--tour", "CAT", "-o", str(out)]) == 0
    assert "a6-single" in capsys.readouterr().out
    again = tmp_path / "again.pdf"
    assert (
        main(
            [
                "export",
                "badges",
                str(demo_file),
                "--tour",
                "CAT",
                "--reprint",
                "--layout",
                "avery-5395",
                "-o",
                str(again),
            ]
        )
        == 0
    )
    assert "avery-5395" in capsys.readouterr().out


def test_a_correction_the_settings_hold_moves_the_calibration_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    plain, moved = tmp_path / "plain.pdf", tmp_path / "moved.pdf"
    demo = tmp_path / "demo.booster"
    assert main(["demo", str(demo)]) == 0
    assert main(["export", "badges", str(demo), "--calibration", "-o", str(plain)]) == 0
    assert main(["settings", "printer_scale_percent", "102"]) == 0
    assert main(["export", "badges", str(demo), "--calibration", "-o", str(moved)]) == 0
    first = PdfReader(plain).pages[0].get_contents().get_data()  # type: ignore[union-attr]
    second = PdfReader(moved).pages[0].get_contents().get_data()  # type: ignore[union-attr]
    assert first != second
