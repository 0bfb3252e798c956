"""`booster-desktop [FILE] [--demo]`: the window; Qt is imported once the arguments are read."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from booster_desktop import __version__
from booster_desktop.i18n import _, ngettext


def _location(text: str) -> Path | str:
    """A programme file, or a server address kept as text until it is opened: parsing it here
    would import SQLAlchemy before the opening thread starts (a bad one is refused then)."""
    if text.strip().lower().startswith(("postgresql:", "postgres:", "postgresql+", "postgres+")):
        return text
    return Path(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="booster-desktop",
        description=_("Booster Desktop: organise inspiration and learning tours, offline."),
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=_location,
        metavar="FILE",
        help=_(
            "the programme file to open, or postgresql://user@host/database for a programme "
            "on a server (default: the last one opened)"
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_(
            "open the demo programme (written the first time; File > New demo programme… "
            "starts afresh)"
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"booster-desktop {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help=_(
            "add Booster Desktop to this user's application menu, with its icon and the "
            "programme file type (Linux desktops), then exit"
        ),
    )
    # For the start-up benchmark: quit as soon as the Managers tab is filled and painted.
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return parser


def _start_opening(path: Any) -> Future[Any]:
    """Begin opening the file on a thread before Qt is even loaded: SQLite's checks and
    queries release the GIL, so they run beside the window's imports (bench/: start-up)."""
    from booster_desktop.services.manager_rows import open_with_managers

    executor = ThreadPoolExecutor(1, thread_name_prefix="opening")
    future = executor.submit(open_with_managers, path)
    executor.shutdown(wait=False)
    return future


def _system_can_show_windows() -> bool:
    """False, after saying what to install, when Qt's xcb plugin would abort for want of
    system libraries (a fresh Debian lacks several; Qt names one at a time)."""
    import sys

    from booster_desktop.ui.system_libraries import install_advice, missing_libraries, uses_xcb

    missing = missing_libraries() if uses_xcb() else []
    if missing:
        print(install_advice(missing), file=sys.stderr)
    return not missing


def _window_command() -> list[str]:
    """How a desktop starts this installation's window."""
    import shutil
    import sys

    if getattr(sys, "frozen", False):  # the bundle's own executable
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.argv[0])
    if script.name == "booster-desktop" and script.exists():
        return [str(script.resolve())]
    found = shutil.which("booster-desktop")
    if found is not None:
        return [str(Path(found).resolve())]
    return [str(Path(sys.executable).resolve()), "-m", "booster_desktop.app"]


def _install_desktop_entry() -> int:
    import sys

    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.services.desktop_entry import install_desktop_entry

    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        print(
            "booster-desktop: "
            + _(
                "--install-desktop-entry is for Linux desktops; on Windows and "
                "macOS the installer adds the menu entry and the file type"
            ),
            file=sys.stderr,
        )
        return 1
    try:
        written = install_desktop_entry(_window_command())
    except BoosterError as error:
        print(f"booster-desktop: {error}", file=sys.stderr)
        return 1
    print(
        ngettext(
            "Installed the menu entry, icons and programme file type ({count} file):",
            "Installed the menu entry, icons and programme file type ({count} files):",
            len(written),
        ).format(count=len(written))
    )
    print(f"  {written[0]}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    # The language first: the help and usage errors speak it (argparse's own words too), and
    # the file opened beside Qt's loading names countries in it.
    from booster_desktop.i18n import use_language
    from booster_desktop.services.settings import LANGUAGE, laptop_value

    use_language(laptop_value(LANGUAGE))
    args = build_parser().parse_args(argv)
    if args.install_desktop_entry:
        return _install_desktop_entry()
    if not _system_can_show_windows():
        return 1
    opening = _start_opening(args.file) if args.file is not None and not args.demo else None
    from booster_desktop.ui.application import run

    return run(args.file, demo=args.demo, exit_when_ready=args.exit_when_ready, opening=opening)


if __name__ == "__main__":
    raise SystemExit(main())
