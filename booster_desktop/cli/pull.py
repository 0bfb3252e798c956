"""`booster pull URL FILE`: write the programme on a server into a new programme file."""

from __future__ import annotations

import argparse
from pathlib import Path

from booster_desktop.cli.arguments import server_address
from booster_desktop.cli.commands import Command


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "url", type=server_address, metavar="URL", help="postgresql://user@host[:port]/database"
    )
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="a new programme file (never replaces one)"
    )


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import pull_programme

    counts = pull_programme(args.url, args.file)
    rows = sum(count for table, count in counts.items() if table != "alembic_version")
    print(f"Pulled {args.url} into {args.file}: {rows:,} rows in {len(counts) - 1} tables")
    return 0


COMMAND = Command(
    "pull",
    "write the programme on a PostgreSQL server into a new programme file (for work offline)",
    _options,
    _run,
)
