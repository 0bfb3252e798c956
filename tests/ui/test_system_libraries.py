"""Before Qt opens a window: every missing xcb library is named with its packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from booster_desktop import app
from booster_desktop.ui import system_libraries as libs

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-icccm.so.4 => not found
\tlibQt6Gui.so.6 => /opt/Qt/lib/libQt6Gui.so.6 (0x00007f)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
"""


def test_ldd_output_gives_each_missing_library_once() -> None:
    assert libs.not_found(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_every_missing_library_is_named_not_just_the_first(tmp_path: Path) -> None:
    qt = tmp_path / "Qt"
    (qt / "plugins" / "platforms").mkdir(parents=True)
    (qt / "plugins" / "platforms" / "libqxcb.so").touch()
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"}
    missing = libs.missing_libraries(
        qt_folder=qt, ldd=lambda _: LDD, loads=lambda name: name not in absent
    )
    assert set(missing) == absent
    advice = libs.install_advice(missing)
    assert "\n" not in advice
    for debian in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"):
        assert debian in advice
    for fedora in ("xcb-util-wm", "xcb-util-keysyms", "xcb-util-cursor"):
        assert fedora in advice


def test_nothing_is_asked_of_ldd_when_every_library_loads(tmp_path: Path) -> None:
    def no_ldd(_: Path) -> str:
        raise AssertionError("ldd is only for the failure path")

    assert libs.missing_libraries(qt_folder=tmp_path, ldd=no_ldd, loads=lambda _: True) == []


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "wayland"}, False),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
    ],
)
def test_the_check_runs_only_where_qt_would_use_xcb(
    environ: dict[str, str], expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(libs.sys, "platform", "linux")
    assert libs.uses_xcb(environ) is expected


def test_the_app_says_what_to_install_and_exits_1_before_loading_qt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(libs, "uses_xcb", lambda: True)
    monkeypatch.setattr(libs, "missing_libraries", lambda: ["libxcb-cursor.so.0"])

    def no_window(*args: object, **kwargs: object) -> int:
        raise AssertionError("the window must not start")

    import booster_desktop.ui.application as application

    monkeypatch.setattr(application, "run", no_window)
    assert app.main([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "libxcb-cursor0" in err and "xcb-util-cursor" in err
