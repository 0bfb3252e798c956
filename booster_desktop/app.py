"""`booster-desktop [FILE] [--demo]`: the window; Qt is imported once the arguments are read."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from booster_desktop import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="booster-desktop",
        description="Booster Desktop: organise inspiration and learning tours, offline.",
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE",
        help="the programme file to open (default: the last one opened)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo programme (written the first time; File > New demo programme… "
        "starts afresh)",
    )
    parser.add_argument("--version", action="version", version=f"booster-desktop {__version__}")
    # For the start-up benchmark: quit as soon as the Managers tab is filled and painted.
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return parser


def _start_opening(path: Path) -> Future[Any]:
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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not _system_can_show_windows():
        return 1
    opening = _start_opening(args.file) if args.file is not None and not args.demo else None
    from booster_desktop.ui.application import run

    return run(args.file, demo=args.demo, exit_when_ready=args.exit_when_ready, opening=opening)


if __name__ == "__main__":
    raise SystemExit(main())
