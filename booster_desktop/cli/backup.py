"""`booster backup FILE -o OUT`: a consistent copy, even while the file is in use."""

from __future__ import annotations

import argparse
from pathlib import Path

from booster_desktop.cli.commands import Command
from booster_desktop.i18n import _


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import backup_programme

    backup_programme(args.file, args.output)
    print(_("Backed up {file} to {output}").format(file=args.file, output=args.output))
    return 0


COMMAND = Command("backup", "copy the programme file safely, even while in use", _options, _run)
