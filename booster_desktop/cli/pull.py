"""`booster pull URL FILE`: write the programme on a server into a new programme file."""

from __future__ import annotations

import argparse

from booster_desktop.cli.arguments import file_and_server
from booster_desktop.cli.commands import Command
from booster_desktop.cli.output import copied_rows_and_tables
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    file_and_server(
        parser,
        server_first=True,
        file_help=_("a new programme file (never replaces one)"),
        server_help=_("postgresql://user@host[:port]/database"),
    )


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import pull_programme

    counts = pull_programme(args.url, args.file)
    print(
        _("Pulled {url} into {file}: {rows:,} rows in {tables} tables").format(
            url=args.url, file=args.file, **copied_rows_and_tables(counts)
        )
    )
    return 0


COMMAND = Command(
    "pull",
    N_("write the programme on a PostgreSQL server into a new programme file (for work offline)"),
    _options,
    _run,
)
