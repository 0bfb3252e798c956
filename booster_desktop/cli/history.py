"""`booster history FILE [--manager ID] [--since DATE] [--json]`: the change history, newest
first: what changed (record, field, old and new values), when (UTC), on which device and by
which action. Sensitive values read "changed"."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime

from booster_desktop.cli.arguments import programme_location, whole_number
from booster_desktop.cli.commands import Command
from booster_desktop.cli.output import print_json, print_table
from booster_desktop.i18n import N_, _


def moment(value: str) -> datetime:
    """An argparse type: a date (YYYY-MM-DD, from its start) or a date and time, in UTC."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a date (YYYY-MM-DD, or YYYY-MM-DD HH:MM in UTC)").format(
                value=value[:40]
            )
        ) from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument(
        "--manager",
        type=whole_number(1),
        metavar="ID",
        help=_("only what concerns this manager (their record, enrolments, check-ins, badges...)"),
    )
    parser.add_argument(
        "--since", type=moment, metavar="DATE", help=_("only changes from this date (UTC) on")
    )
    parser.add_argument("--json", action="store_true", help=_("a JSON array on stdout"))


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services.history import read_history
    from booster_desktop.services.programme import open_programme

    with open_programme(args.file) as programme:
        lines = read_history(programme, manager_id=args.manager, since=args.since)
    if args.json:
        print_json([line.as_dict() for line in lines])
        return 0
    print_table(
        [
            {
                "at": f"{line.at:%Y-%m-%d %H:%M:%S}",
                "action": line.action,
                "device": line.device,
                "record": line.record,
                "kind": line.kind,
                "field": line.field or "",
                "old": _short(line.old_shown),
                "new": _short(line.new_shown),
            }
            for line in lines
        ],
        [
            ("at", _("When (UTC)")),
            ("action", _("Action")),
            ("device", _("Device")),
            ("record", _("Record")),
            ("kind", _("Change")),
            ("field", _("Field")),
            ("old", _("Old")),
            ("new", _("New")),
        ],
    )
    return 0


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


COMMAND = Command("history", N_("show the history of changes, newest first"), _options, _run)
