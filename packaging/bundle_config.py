"""What the bundle carries and leaves out: read by booster.spec on every platform and by
`packaging/build` (no PyInstaller import here, so the build script can use it too)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

# The package data the wheel force-includes, at the same place inside the bundle, so that
# booster_desktop.package_data finds it the same way.
DATA_FOLDERS = {
    "resources": "booster_desktop/resources",
    "forms": "booster_desktop/forms",
    "booster_desktop/store/migrations": "booster_desktop/store/migrations",
}

# Modules the analysis would follow but nothing we run needs. OR-Tools' CP-SAT (only the
# optional integer mode, --together and --maximin, uses it) imports pandas, 18 MB in the
# bundle; the flow solver needs numpy (its arcs go in as arrays) but not pandas, so the bundle
# leaves CP-SAT and pandas out and the integer mode says so in one line when asked.
# Of Qt's Python modules only Core, Gui, Widgets, PrintSupport, Pdf, PdfWidgets and Charts are
# imported: the others a hook pulls in (their C++ libraries stay when a used one links them).
EXCLUDED_MODULES = [
    "pandas",
    "ortools.sat",
    "ortools.linear_solver",
    "ortools.pdlp",
    "ortools.math_opt",
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    # Phone numbers are parsed and formatted, never geocoded (22 MB of place names).
    "phonenumbers.geodata",
    "phonenumbers.geocoder",
    "phonenumbers.carrierdata",
    "phonenumbers.carrier",
    "phonenumbers.tzdata",
    "phonenumbers.timezone",
    "pygments",
    "tkinter",
    "_tkinter",
    "pydoc_data",
    "lib2to3",
]

# Files (by their place in the bundle) no window of ours uses: Qt's hooks collect whole plugin
# folders (embedded-device platforms, the virtual keyboard with Qt Quick behind it, network
# plugins) and every translation; pycountry carries 22 MB of translations we read one of;
# Babel carries the calendar data of 700 locales (30 MB) where we print in two.
_UNUSED_FILES = re.compile(
    r"""^(
      PySide6/Qt/plugins/platforms/libq(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc)\.so
    | PySide6/Qt/plugins/(egldeviceintegrations|generic|networkinformation|tls)/.*
    | PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin\.so
    | (PySide6/Qt/lib/)?libQt6(VirtualKeyboard|Qml|Quick|EglF[sS]).*
    | PySide6/Qt/translations/(?!qt(base)?_(fr|ar)\.qm$).*
    | pycountry/locales/(?!(fr|ar)/LC_MESSAGES/iso3166-1\.mo$).*
    | babel/locale-data/(?!(root|en|fr|ar)\.dat$).*
    | .*/tests?/.*
    )$""",
    re.VERBOSE,
)


def EXCLUDED_FILES(name: str) -> bool:  # noqa: N802 (reads like a constant in the spec)
    """Whether the bundle leaves out the file it would place at `name`."""
    return _UNUSED_FILES.match(Path(name).as_posix()) is not None


# Qt's xcb platform plugin links against these; a fresh Debian or Ubuntu lacks some, so the
# Linux bundle carries them. libxcb, libX11 and libGL themselves stay the system's (PyInstaller
# leaves them out on purpose: they must match the X server and the graphics driver).
XCB_LIBRARIES = (
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-keysyms.so.1",
    "libxcb-image.so.0",
    "libxcb-render-util.so.0",
    "libxcb-util.so.1",
    "libxkbcommon-x11.so.0",
    "libxkbcommon.so.0",
    "libxcb-xkb.so.1",
    "libxcb-randr.so.0",
    "libxcb-shape.so.0",
    "libxcb-shm.so.0",
    "libxcb-sync.so.1",
    "libxcb-xfixes.so.0",
    "libxcb-render.so.0",
    "libxcb-glx.so.0",
)
XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxcb-util1 libxkbcommon-x11-0 libxkbcommon0 libxcb-xkb1 libxcb-randr0 libxcb-shape0 "
    "libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-render0 libxcb-glx0"
)


def data_files(root: Path) -> list[tuple[str, str]]:
    """(file, folder in the bundle) for every data file, without bytecode caches."""
    pairs = []
    for source, target in DATA_FOLDERS.items():
        base = root / source
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                folder = Path(target) / path.parent.relative_to(base)
                pairs.append((str(path), folder.as_posix()))
    return pairs


def _system_library(name: str) -> Path | None:
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    match = re.search(rf"^\s*{re.escape(name)} \(.*x86-64.*\) => (\S+)$", listing, re.M)
    if match is None:
        match = re.search(rf"^\s*{re.escape(name)} .*=> (\S+)$", listing, re.M)
    return Path(match.group(1)) if match else None


def missing_xcb_libraries() -> list[str]:
    return [name for name in XCB_LIBRARIES if _system_library(name) is None]


def linux_xcb_libraries() -> list[tuple[str, str]]:
    """(library, ".") for each xcb library, taken from this build machine."""
    missing = missing_xcb_libraries()
    if missing:
        raise SystemExit(
            f"the build machine lacks {', '.join(missing)}: apt-get install {XCB_PACKAGES}"
        )
    return [(str(_system_library(name)), ".") for name in XCB_LIBRARIES]
