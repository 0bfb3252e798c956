"""`booster import managers FILE SOURCE`: managers and their ranked topics from a sheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from booster_desktop.cli.arguments import programme_location
from booster_desktop.cli.commands import Command
from booster_desktop.cli.output import print_json, terminal_progress
from booster_desktop.i18n import N_, _


def _map_argument(value: str) -> tuple[str, str]:
    from booster_desktop.services.importing import parse_maps

    try:
        ((column, field),) = parse_maps([value]).items()
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return column, field


def _encoding_argument(value: str) -> str:
    from booster_desktop.services.encodings import check_encoding

    try:
        return check_encoding(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _options(parser: argparse.ArgumentParser) -> None:
    from booster_desktop.services.source_limits import describe_limits

    parser.epilog = describe_limits()
    parser.add_argument("what", choices=("managers",), metavar="managers")
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument(
        "source",
        type=Path,
        metavar="SOURCE",
        help=_("a .xlsx or .csv file (.xls and .ods are read too)"),
    )
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        help=_("the sheet to read (default: the first with a header row)"),
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        type=_map_argument,
        help=_(
            "read COLUMN as FIELD: given_name, family_name, arabic_name, country, "
            "organisation, city, email, phone, role, gender, topics, topic:NAME or "
            "ignore"
        ),
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        type=_encoding_argument,
        help=_(
            "read a CSV file in this encoding (utf-8, utf-16, windows-1252, "
            "windows-1256); by default it is guessed from the bytes and the names"
        ),
    )
    parser.add_argument(
        "--include-hidden",
        action="store_true",
        help=_("import hidden and filtered-out rows too (by default: left out, and counted)"),
    )
    parser.add_argument("--dry-run", action="store_true", help=_("report, write nothing"))
    parser.add_argument(
        "--skip-invalid", action="store_true", help=_("import the valid rows and report the others")
    )
    parser.add_argument("--json", action="store_true", help=_("the report as one JSON object"))


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.importing import import_file
    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.progress import no_progress
    from booster_desktop.services.source_limits import check_source
    from booster_desktop.services.text_checks import printable

    # Before the programme's lock: a named pipe as SOURCE would block while holding it.
    check_source(args.source)
    bar = terminal_progress(quiet=args.json)
    try:
        with open_programme(args.file, writable=not args.dry_run) as programme:
            report = import_file(
                programme,
                args.source,
                sheet=args.sheet,
                mapping=dict(args.map),
                encoding=args.encoding,
                include_hidden=args.include_hidden,
                dry_run=args.dry_run,
                skip_invalid=args.skip_invalid,
                progress=bar or no_progress,
            )
    finally:
        if bar is not None:
            bar.close()
    if args.json:
        print_json(report.as_json())
    else:
        for problem in report.errors:
            print(printable(str(problem)), file=sys.stderr)
        for note in report.notes:
            print(printable(_("note: {note}").format(note=note)), file=sys.stderr)
        for heading in report.ignored_columns:
            print(
                printable(_("ignored column: {heading}").format(heading=heading)), file=sys.stderr
            )
        print(printable(report.summary()), file=sys.stderr if report.refused else sys.stdout)
    return 1 if report.refused else 0


COMMAND = Command("import", N_("import managers and their ranked topics"), _options, _run)
