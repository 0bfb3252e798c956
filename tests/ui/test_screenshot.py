"""`booster screenshot`: every tab renders at 1280x800 with its rows, headless."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

TABS = ("managers", "topics", "tours", "visits")


@pytest.mark.parametrize("tab", [*TABS, "Visits"])
def test_each_tab_renders(tab: str, demo_file: Path, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    out = shots / f"{tab}.png"
    # A process of its own, as a user runs it: the command must not need a running Qt.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "booster_desktop",
            "screenshot",
            str(demo_file),
            "--tab",
            tab,
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    # A filled table has many distinct colours (text, alternate rows); an empty one a few.
    colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(120, 700, 5)}
    assert len(colours) > 20
    assert [p.name for p in shots.iterdir()] == [out.name]  # no partial file left


def test_a_bad_tab_or_folder_is_refused(demo_file: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "booster_desktop", "screenshot", str(demo_file), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )

    bad_tab = run("--tab", "people", "-o", str(tmp_path / "x.png"))
    assert bad_tab.returncode == 2 and "invalid choice" in bad_tab.stderr
    no_folder = run("-o", str(tmp_path / "missing" / "x.png"))
    assert no_folder.returncode == 1
    assert no_folder.stderr.strip().endswith("missing: no such folder")
    assert "Traceback" not in no_folder.stderr
