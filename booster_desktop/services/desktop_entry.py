"""Making Booster Desktop a desktop application on Linux (freedesktop desktops): a menu entry,
the icon in the theme's sizes, and a file type for programme files recognised by content
(a SQLite file whose application id is "BstR"), so that a double-click opens one.

Everything goes into the user's own data folder (`$XDG_DATA_HOME`, else ~/.local/share); the
bundle and `booster-desktop --install-desktop-entry` (for pip installs) both call this.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.package_data import resource

APP_ID = "org.boosterdesktop.BoosterDesktop"
MIME_TYPE = "application/vnd.booster-desktop.programme"

# The caches desktops read; each tool is optional (a minimal system may lack it).
_REFRESH = (
    ("update-mime-database", "mime"),
    ("update-desktop-database", "applications"),
    ("gtk-update-icon-cache", "icons/hicolor"),
)


def data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """The user's XDG data folder."""
    configured = environ.get("XDG_DATA_HOME", "")
    # The specification says a relative value is invalid and must be ignored.
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def exec_line(command: Sequence[str]) -> str:
    """The desktop entry's Exec value for `command` plus the file to open, quoted as the
    Desktop Entry Specification asks (then escaped once more as a string value)."""
    words = []
    for word in command:
        if any(c in word for c in " \t\n\"'\\><~|&;$*?#()`="):
            for special in ("\\", '"', "`", "$"):
                word = word.replace(special, "\\" + special)
            word = f'"{word}"'
        words.append(word.replace("\\", "\\\\").replace("%", "%%"))
    return " ".join([*words, "%f"])


def entry_text(command: Sequence[str]) -> str:
    """The shipped desktop entry with Exec and TryExec pointing at this installation."""
    lines = []
    for line in resource("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + exec_line(command)
        elif line.startswith("TryExec="):
            # TryExec takes a plain path; a command with an interpreter has no single one.
            if len(command) > 1:
                continue
            line = "TryExec=" + command[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _write(target: Path, data: bytes) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.new")
        temporary.write_bytes(data)
        temporary.replace(target)
    except OSError as error:
        raise BoosterError(
            _("{target}: cannot write the desktop entry there ({strerror})").format(
                target=target, strerror=error.strerror
            )
        ) from None


def install_desktop_entry(command: Sequence[str], home: Path | None = None) -> list[Path]:
    """Install the menu entry, icons and programme file type for the user; the files written.

    `command` starts the window (the bundle's executable, or the pip-installed script).
    Only our own files (named after the application id) are written or replaced.
    """
    home = home if home is not None else data_home()
    written: list[Path] = []

    def put(relative: str, data: bytes) -> None:
        target = home / relative
        _write(target, data)
        written.append(target)

    put(f"applications/{APP_ID}.desktop", entry_text(command).encode("utf-8"))
    put(f"mime/packages/{APP_ID}.xml", resource("desktop", f"{APP_ID}.xml").read_bytes())
    hicolor = resource("icons", "hicolor")
    for png in sorted(hicolor.glob(f"*/apps/{APP_ID}.png")):
        put(f"icons/hicolor/{png.relative_to(hicolor).as_posix()}", png.read_bytes())
    put(f"icons/hicolor/scalable/apps/{APP_ID}.svg", resource("icons", "booster.svg").read_bytes())
    for tool, folder in _REFRESH:
        program = shutil.which(tool)
        if program is not None:
            options = ["-f", "-t"] if tool.startswith("gtk") else []
            arguments = [program, *options, str(home / folder)]
            subprocess.run(arguments, capture_output=True, check=False, timeout=60)
    return written
