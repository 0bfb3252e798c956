"""`booster person export|erase|retention`: one person's data, as the law expects."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from booster_desktop.cli.arguments import UsageError, positive, programme_location
from booster_desktop.cli.commands import PROG, Command
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="export|erase|retention")
    export = actions.add_parser(
        "export",
        help=_("write everything the file holds about one manager as JSON"),
        description=_(
            "Write everything the programme file holds about one manager (their "
            "record, topics, enrolments, check-ins, badges, certificates, history) "
            "as one JSON document: the answer to a data-subject access request. "
            "The JSON holds the person's passport number: send it to them only."
        ),
    )
    export.add_argument("file", type=programme_location, metavar="FILE")
    export.add_argument("--manager", type=positive, required=True, metavar="ID")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.json")
    erase = actions.add_parser(
        "erase",
        help=_("erase one manager's personal data (kept as an anonymous record)"),
        description=_(
            "Erase one manager's personal data everywhere in the programme file "
            "and its kept backups: names, e-mail, phone, organisation, needs, "
            "notes, travel document and the history's values. An anonymous record "
            "stays (country, status, topics, enrolments, check-ins), so counts "
            "stay right. It cannot be undone: --yes says you mean it."
        ),
    )
    erase.add_argument("file", type=programme_location, metavar="FILE")
    erase.add_argument("--manager", type=positive, required=True, metavar="ID")
    erase.add_argument(
        "--backups",
        choices=("scrub", "delete"),
        default="scrub",
        help=_(
            "kept backups that hold the person: erase the person in them too "
            "(scrub, the default) or delete them"
        ),
    )
    erase.add_argument("--yes", action="store_true", help=_("erase without asking (required)"))
    retention = actions.add_parser(
        "retention",
        help=_("list (or erase) the travel data due for erasure"),
        description=_(
            "List the managers whose travel data (passport, nationality, date of "
            "birth) is due for erasure: their last tour ended at least the "
            "programme's travel_data_retention_days ago. With --apply --yes, erase "
            "it."
        ),
    )
    retention.add_argument("file", type=programme_location, metavar="FILE")
    retention.add_argument("--apply", action="store_true", help=_("erase the travel data listed"))
    retention.add_argument("--yes", action="store_true", help=_("with --apply: without asking"))
    retention.add_argument("--json", action="store_true", help=_("one JSON document on stdout"))


def _validate(args: argparse.Namespace) -> None:
    if args.action == "erase" and not args.yes:
        raise UsageError(_("erase cannot be undone: add --yes to erase the manager's data"))
    if args.action == "retention" and args.apply and not args.yes:
        raise UsageError(_("--apply erases travel data for good: add --yes as well"))


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.programme import open_programme

    if args.action == "export":
        from booster_desktop.services.personal_data import export_person

        with open_programme(args.file) as programme:
            print(export_person(programme, args.manager, args.output).message)
        return 0
    if args.action == "erase":
        from booster_desktop.services.personal_data import BackupChoice, erase_person

        with open_programme(args.file, writable=True) as programme:
            erased = erase_person(programme, args.manager, backups=BackupChoice(args.backups))
        print(erased.message)
        for problem in erased.backup_problems:
            print(f"{PROG}: kept backup {problem}", file=sys.stderr)
        return 0
    return _retention(args)


def _retention(args: argparse.Namespace) -> int:
    from booster_desktop.cli.output import print_json, print_table
    from booster_desktop.services.personal_data import (
        erase_travel_data,
        retention_days,
        travel_data_due,
    )
    from booster_desktop.services.programme import open_programme

    with open_programme(args.file, writable=args.apply) as programme:
        days = retention_days(programme)
        due = travel_data_due(programme)
        erased = (
            erase_travel_data(
                programme, [d.manager_id for d in due], {d.manager_id: d.version for d in due}
            )
            if args.apply
            else 0
        )
    rows = [
        {
            "id": d.manager_id,
            "name": d.name,
            "last_tour": d.last_tour,
            "ended": d.ended.isoformat(),
            "due": d.due.isoformat(),
        }
        for d in due
    ]
    if args.json:
        print_json({"retention_days": days, "due": rows, "erased": erased})
        return 0
    if days == 0:
        print(_("The retention rule is off (travel_data_retention_days is 0): nothing is due."))
        return 0
    if not rows:
        print(
            _("No travel data is due for erasure ({days} days after the last tour).").format(
                days=days
            )
        )
        return 0
    print_table(
        rows,
        (
            ("id", "ID"),
            ("name", "NAME"),
            ("last_tour", "LAST TOUR"),
            ("ended", "ENDED"),
            ("due", "DUE"),
        ),
    )
    if args.apply:
        print(_("Erased the travel data of {erased} managers.").format(erased=erased))
    else:
        print(
            _(
                "{count} managers are due; `{PROG} person retention FILE --apply --yes` erases."
            ).format(count=len(rows), PROG=PROG)
        )
    return 0


COMMAND = Command(
    "person",
    N_("one manager's personal data: export it, erase it; travel data past its retention"),
    _options,
    _run,
    _validate,
)
