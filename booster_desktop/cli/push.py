"""`booster push FILE URL`: copy a programme file onto a PostgreSQL server."""

from __future__ import annotations

import argparse

from booster_desktop.cli.arguments import file_and_server
from booster_desktop.cli.commands import Command
from booster_desktop.cli.output import copied_rows_and_tables
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    file_and_server(
        parser,
        server_first=False,
        file_help=_("the programme file to copy"),
        server_help=_(
            "an empty database: postgresql://user@host[:port]/database (the password comes "
            "from the keyring or libpq's password file)"
        ),
    )


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import push_programme

    counts = push_programme(args.file, args.url)
    print(
        _("Pushed {file} to {url}: {rows:,} rows in {tables} tables").format(
            file=args.file, url=args.url, **copied_rows_and_tables(counts)
        )
    )
    return 0


COMMAND = Command(
    "push",
    N_("copy a programme file into an empty database on a PostgreSQL server (one transaction)"),
    _options,
    _run,
)
