"""`booster push FILE URL`: copy a programme file onto a PostgreSQL server."""

from __future__ import annotations

import argparse
from pathlib import Path

from booster_desktop.cli.arguments import server_address
from booster_desktop.cli.commands import Command
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=_("the programme file to copy"))
    parser.add_argument(
        "url",
        type=server_address,
        metavar="URL",
        help=_(
            "an empty database: postgresql://user@host[:port]/database (the password comes "
            "from the keyring or libpq's password file)"
        ),
    )


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import push_programme

    counts = push_programme(args.file, args.url)
    rows = sum(count for table, count in counts.items() if table != "alembic_version")
    print(
        _("Pushed {file} to {url}: {rows:,} rows in {tables} tables").format(
            file=args.file, url=args.url, rows=rows, tables=len(counts) - 1
        )
    )
    return 0


COMMAND = Command(
    "push",
    N_("copy a programme file into an empty database on a PostgreSQL server (one transaction)"),
    _options,
    _run,
)
