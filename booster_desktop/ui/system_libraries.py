"""Before Qt opens a window on Linux: are the system libraries its xcb plugin needs there?

Qt's xcb platform plugin (what an X11 desktop uses) links against libxcb-* libraries that a
fresh Debian or Ubuntu does not always have, and loads libxcb-cursor at run time. Without
them Qt aborts with "Could not load the Qt platform plugin xcb", naming at best one of the
missing libraries, and repeats the same message after that one is installed. This module
finds every missing one first (without importing Qt) and names the packages to install.
"""

from __future__ import annotations

import ctypes
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

# Library file -> (Debian/Ubuntu package, Fedora package).
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
}

# What the xcb plugin and its Qt library link against (readelf -d, Qt 6.8 to 6.11), besides
# the C and C++ runtimes; libxcb-cursor is also loaded at run time by older Qt versions.
XCB_PLUGIN_NEEDS = (
    "libxcb.so.1",
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-util.so.1",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-randr.so.0",
    "libxcb-render.so.0",
    "libxcb-render-util.so.0",
    "libxcb-shape.so.0",
    "libxcb-shm.so.0",
    "libxcb-sync.so.1",
    "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1",
    "libxkbcommon.so.0",
    "libxkbcommon-x11.so.0",
    "libX11.so.6",
    "libX11-xcb.so.1",
    "libGL.so.1",
    "libglib-2.0.so.0",
)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will try its xcb plugin: Linux, and not told to use another platform."""
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform:
        return platform == "xcb"
    return not (environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"))


def not_found(ldd_output: str) -> list[str]:
    """The libraries `ldd` reports as "not found", each once, in order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def _qt_folder() -> Path | None:
    try:
        import PySide6  # the package only: its __init__ does not load Qt's libraries
    except ImportError:
        return None
    return Path(PySide6.__file__).parent / "Qt"


def _ldd(library: Path) -> str:
    try:
        done = subprocess.run(
            ["ldd", str(library)], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def _loads(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def missing_libraries(
    qt_folder: Path | None = None,
    ldd: Callable[[Path], str] = _ldd,
    loads: Callable[[str], bool] = _loads,
) -> list[str]:
    """The system libraries Qt's xcb plugin needs and this machine lacks (empty when unsure).

    The common case costs a millisecond: every library loads (Qt loads them next anyway).
    Only when one does not is `ldd` asked for the full list, so the message names them all.
    """
    failed = [library for library in XCB_PLUGIN_NEEDS if not loads(library)]
    if not failed:
        return []
    folder = qt_folder if qt_folder is not None else _qt_folder()
    missing: list[str] = []
    if folder is not None:
        for library in (
            folder / "plugins" / "platforms" / "libqxcb.so",
            folder / "lib" / "libQt6XcbQpa.so.6",
        ):
            if library.exists():
                missing += not_found(ldd(library))
    # A library that exists but does not load (its own dependency is missing) is named too.
    return list(dict.fromkeys([*missing, *failed]))


def install_advice(missing: Iterable[str]) -> str:
    """One message naming the missing libraries and the packages that bring them."""
    missing = list(missing)
    debian = dict.fromkeys(PACKAGES.get(lib, (lib, lib))[0] for lib in missing)
    fedora = dict.fromkeys(PACKAGES.get(lib, (lib, lib))[1] for lib in missing)
    return (
        f"booster-desktop: Qt cannot open a window: this system lacks {', '.join(missing)}. "
        f"Install them (Debian/Ubuntu: sudo apt install {' '.join(debian)}; "
        f"Fedora: sudo dnf install {' '.join(fedora)}), then start again."
    )
