"""`booster demo FILE`: the reference programme, or a scaled one."""

from __future__ import annotations

import argparse

from booster_desktop.cli.arguments import positive, programme_location, whole_number
from booster_desktop.cli.commands import Command
from booster_desktop.cli.output import terminal_progress
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument(
        "--managers",
        type=positive,
        default=24,
        metavar="N",
        help=_("how many managers (default 24, the reference programme)"),
    )
    parser.add_argument(
        "--seed",
        type=whole_number(0),
        default=2018,
        metavar="S",
        help=_("seed of the generated names, ranks and enrolments (default 2018)"),
    )
    parser.add_argument(
        "--force", action="store_true", help=_("replace FILE if it exists (backed up first)")
    )


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.domain.disk import exists
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.services.demo import write_demo
    from booster_desktop.services.programme import ServerAddress
    from booster_desktop.services.progress import no_progress

    if isinstance(args.file, ServerAddress) and args.force:
        raise BoosterError(
            _("{file}: --force replaces files only; use an empty database").format(file=args.file)
        )
    if not isinstance(args.file, ServerAddress) and exists(args.file) and not args.force:
        raise BoosterError(
            _("{file}: already exists (use --force to replace it)").format(file=args.file)
        )
    bar = terminal_progress(quiet=False)
    try:
        backup = write_demo(
            args.file,
            managers=args.managers,
            seed=args.seed,
            replace=args.force,
            progress=bar or no_progress,
        )
    finally:
        if bar is not None:
            bar.close()
    if backup is not None:
        print(
            _("The programme that was at {file} is backed up at {backup}").format(
                file=args.file, backup=backup
            )
        )
    print(
        _("Wrote the demo programme ({managers} managers) to {file}").format(
            managers=args.managers, file=args.file
        )
    )
    return 0


COMMAND = Command("demo", N_("write the demo programme (or a scaled one) to FILE"), _options, _run)
