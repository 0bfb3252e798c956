"""`booster backup FILE -o OUT`: a consistent copy, even while the file is in use."""

from __future__ import annotations

import argparse
from pathlib import Path

from booster_desktop.cli.arguments import programme_location
from booster_desktop.cli.commands import Command


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import backup_programme

    backup_programme(args.file, args.output)
    print(f"Backed up {args.file} to {args.output}")
    return 0


COMMAND = Command("backup", "copy the programme file safely, even while in use", _options, _run)
