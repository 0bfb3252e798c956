"""The desktop bundle, built by `packaging/build` and run from its tarball as a user would:
outside the checkout, with this virtual environment off the path."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from booster_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
    # The first test builds the bundle (one to three minutes); the rest reuse it.
    pytest.mark.timeout(900),
]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unpacked bundle folder, built once per test run."""
    out = tmp_path_factory.mktemp("bundle-build")
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "ten largest parts:" in done.stdout
    (archive,) = out.glob(f"booster-desktop-{__version__}-linux-*.tar.gz")
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    return unpacked / "booster-desktop"


@pytest.fixture
def bare_env(tmp_path: Path) -> dict[str, str]:
    """A user's environment: system PATH only, a fresh home, no virtual environment."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / "config"),
        "XDG_STATE_HOME": str(tmp_path / "home" / "state"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    assert str(Path(sys.prefix)) not in env["PATH"]
    return env


def run(
    bundle: Path, program: str, *args: str, env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / program), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
        timeout=120,
    )


def test_the_bundle_carries_the_xcb_libraries_and_leaves_out_what_it_does_not_use(
    bundle: Path,
) -> None:
    internal = bundle / "_internal"
    for library in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"):
        assert (internal / library).is_file(), library
    assert (internal / "booster_desktop" / "resources" / "fonts" / "NotoSans-Regular.ttf").is_file()
    assert any((internal / "booster_desktop" / "store" / "migrations" / "versions").glob("0001*"))
    assert (internal / "booster_desktop" / "forms" / "tour_editor.ui").is_file()
    resources = internal / "booster_desktop" / "resources"
    assert (resources / "locale" / "fr" / "LC_MESSAGES" / "booster.mo").is_file()
    assert (resources / "translations" / "booster_fr.qm").is_file()
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_fr.qm").is_file()
    # Babel's calendar data for the languages we print in, not the 700 others.
    locale_data = internal / "babel" / "locale-data"
    assert (locale_data / "fr.dat").is_file() and (locale_data / "root.dat").is_file()
    assert not (locale_data / "de.dat").exists()
    assert not (internal / "pandas").exists()
    assert not (internal / "ortools" / "sat").exists()
    assert not list(internal.rglob("*WebEngine*"))
    assert not list(internal.rglob("libQt6Quick*"))
    assert not list(internal.rglob("libQt6EglFs*"))
    dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling  # a left-out library must not leave its link behind
    assert not [p for p in internal.rglob("*") if p.is_dir() and p.name in ("tests", "test")]


def test_the_command_runs_from_the_bundle(
    bundle: Path, bare_env: dict[str, str], tmp_path: Path
) -> None:
    version = run(bundle, "booster", "--version", env=bare_env, cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"booster {__version__}"

    demo = run(bundle, "booster", "demo", "demo.booster", env=bare_env, cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert (tmp_path / "demo.booster").read_bytes()[68:72] == b"BstR"

    agenda = run(
        bundle,
        "booster",
        "export",
        "agenda",
        "demo.booster",
        "--tour",
        "CAT",
        "-o",
        "cat.pdf",
        env=bare_env,
        cwd=tmp_path,
    )
    assert agenda.returncode == 0, agenda.stderr
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "cat.pdf").pages)
    assert "Catalonia" in text
    french = run(
        bundle,
        "booster",
        "--lang",
        "fr",
        "export",
        "agenda",
        "demo.booster",
        "--tour",
        "CAT",
        "-o",
        "cat-fr.pdf",
        env=bare_env,
        cwd=tmp_path,
    )
    assert french.returncode == 0, french.stderr
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "cat-fr.pdf").pages)
    assert "novembre" in text and "Jour par jour" in text

    # Badges: the QR and Code 128 encoders, the layouts and reportlab's accelerator inside.
    badges = run(
        bundle,
        "booster",
        "export",
        "badges",
        "demo.booster",
        "--tour",
        "CAT",
        "-o",
        "badges.pdf",
        env=bare_env,
        cwd=tmp_path,
    )
    assert badges.returncode == 0, badges.stderr
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "badges.pdf").pages)
    assert "Catalonia" in text

    # The flow solver (numpy, OR-Tools' graph module) is inside; CP-SAT is not, and says so.
    allocated = run(bundle, "booster", "allocate", "demo.booster", env=bare_env, cwd=tmp_path)
    assert allocated.returncode == 0, allocated.stderr
    together = run(
        bundle,
        "booster",
        "allocate",
        "demo.booster",
        "--together",
        "1,2",
        env=bare_env,
        cwd=tmp_path,
    )
    assert together.returncode == 1
    assert together.stderr.count("\n") == 1 and "CP-SAT" in together.stderr
    assert "Traceback" not in together.stderr


def test_the_window_starts_from_the_bundle_and_paints(
    bundle: Path, bare_env: dict[str, str], tmp_path: Path
) -> None:
    assert run(bundle, "booster", "demo", "d.booster", env=bare_env, cwd=tmp_path).returncode == 0
    window = run(
        bundle, "booster-desktop", "d.booster", "--exit-when-ready", env=bare_env, cwd=tmp_path
    )
    assert window.returncode == 0, window.stderr
    broken = run(
        bundle,
        "booster-desktop",
        "missing.booster",
        "--exit-when-ready",
        env=bare_env,
        cwd=tmp_path,
    )
    assert broken.returncode == 1  # the window reported the file it could not open


def test_the_bundle_installs_its_desktop_entry(
    bundle: Path, bare_env: dict[str, str], tmp_path: Path
) -> None:
    done = run(bundle, "booster-desktop", "--install-desktop-entry", env=bare_env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    entry = (
        Path(bare_env["XDG_DATA_HOME"]) / "applications/org.boosterdesktop.BoosterDesktop.desktop"
    )
    exec_line = re.search(r"^Exec=(.*)$", entry.read_text(), re.MULTILINE)
    assert exec_line is not None
    assert exec_line.group(1) == f"{bundle.resolve() / 'booster-desktop'} %f"
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0 and not checked.stdout, checked.stdout
