"""`booster push FILE URL`: copy a programme file onto a PostgreSQL server."""

from __future__ import annotations

import argparse
from pathlib import Path

from booster_desktop.cli.arguments import server_address
from booster_desktop.cli.commands import Command


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the programme file to copy")
    parser.add_argument(
        "url",
        type=server_address,
        metavar="URL",
        help="an empty database: postgresql://user@host[:port]/database (the password comes "
        "from the keyring or libpq's password file)",
    )


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import push_programme

    counts = push_programme(args.file, args.url)
    rows = sum(count for table, count in counts.items() if table != "alembic_version")
    print(f"Pushed {args.file} to {args.url}: {rows:,} rows in {len(counts) - 1} tables")
    return 0


COMMAND = Command(
    "push",
    "copy a programme file into an empty database on a PostgreSQL server (one transaction)",
    _options,
    _run,
)
