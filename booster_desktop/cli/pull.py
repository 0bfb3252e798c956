"""`booster pull URL FILE`: write the programme on a server into a new programme file."""

from __future__ import annotations

import argparse
from pathlib import Path

from booster_desktop.cli.arguments import server_address
from booster_desktop.cli.commands import Command
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "url", type=server_address, metavar="URL", help=_("postgresql://user@host[:port]/database")
    )
    parser.add_argument(
        "file", type=Path, metavar="FILE", help=_("a new programme file (never replaces one)")
    )


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import pull_programme

    counts = pull_programme(args.url, args.file)
    rows = sum(count for table, count in counts.items() if table != "alembic_version")
    print(
        _("Pulled {url} into {file}: {rows:,} rows in {tables} tables").format(
            url=args.url, file=args.file, rows=rows, tables=len(counts) - 1
        )
    )
    return 0


COMMAND = Command(
    "pull",
    N_("write the programme on a PostgreSQL server into a new programme file (for work offline)"),
    _options,
    _run,
)
