"""The wheel carries everything it needs: installed into a fresh environment, it runs."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = out.glob("booster_desktop-*.whl")
    return built


def test_the_wheel_holds_resources_forms_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "booster_desktop/resources/fonts/NotoNaskhArabic-Regular.ttf" in names
    assert "booster_desktop/resources/fonts/LICENSE-Noto.txt" in names
    assert "booster_desktop/store/migrations/env.py" in names
    assert "booster_desktop/store/migrations/script.py.mako" in names
    assert any(n.startswith("booster_desktop/store/migrations/versions/0001") for n in names)
    assert any(n.startswith("booster_desktop/forms/") for n in names)
    assert "booster_desktop/resources/icons/booster.svg" in names
    # The compiled translations, so that `pip install` from a fresh clone speaks French.
    assert "booster_desktop/resources/locale/fr/LC_MESSAGES/booster.mo" in names
    assert "booster_desktop/resources/translations/booster_fr.qm" in names


@pytest.mark.slow
def test_the_installed_wheel_runs_in_a_fresh_environment(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
    )
    # Reuse this environment's dependencies (not the project itself) instead of downloading.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    scripts = python.parent
    booster = str(scripts / ("booster.exe" if os.name == "nt" else "booster"))
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    clean_env["QT_QPA_PLATFORM"] = "offscreen"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [booster, *args],
            capture_output=True,
            text=True,
            env=clean_env,
            cwd=tmp_path,
            check=False,
        )

    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("booster ")
    where = subprocess.run(
        [str(python), "-c", "import booster_desktop, sys; print(booster_desktop.__file__)"],
        capture_output=True,
        text=True,
        env=clean_env,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert str(env_dir) in where  # the wheel's copy, not the checkout
    demo = run("demo", "demo.booster")
    assert demo.returncode == 0, demo.stderr
    info = run("info", "demo.booster", "--json")
    assert info.returncode == 0 and '"managers": 24' in info.stdout
    french = run("list", "sessions", "demo.booster", "--tour", "NOPE", "--lang", "fr")
    assert french.returncode == 1 and "n'existe pas" in french.stderr
    located = subprocess.run(
        [
            str(python),
            "-c",
            "from booster_desktop.package_data import resource; print(resource('fonts'))",
        ],
        capture_output=True,
        text=True,
        env=clean_env,
        cwd=tmp_path,
        check=True,
    ).stdout
    assert str(env_dir) in located
