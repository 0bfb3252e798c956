"""`booster server init|add-user`: who may do what on a programme on a PostgreSQL server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from booster_desktop.cli.arguments import server_address
from booster_desktop.cli.commands import Command
from booster_desktop.i18n import N_, _

ROLE_CHOICES = ("coordinator", "door")


def _options(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="init|add-user")
    init = actions.add_parser(
        "init",
        help=_("set up the coordinator and door staff roles on a programme's database"),
        description=_(
            "Make the group roles booster_coordinator (everything) and booster_door (read "
            "the roster without sensitive fields, record and void check-ins) and grant them "
            "their rights on the programme in this database; PUBLIC loses its own. Run it "
            "as an administrator, again after an upgrade (it says what it did)."
        ),
    )
    init.add_argument("url", type=server_address, metavar="URL", help=_("the programme's database"))
    add = actions.add_parser(
        "add-user",
        help=_("make a login for one person of the team, as coordinator or door staff"),
        description=_(
            "Make a login in one of the groups `booster server init` made. The password "
            "comes from the first line of --password-file, or is asked twice on the terminal."
        ),
    )
    add.add_argument("url", type=server_address, metavar="URL", help=_("the programme's database"))
    add.add_argument("name", metavar="NAME", help=_("the login's name"))
    add.add_argument("--role", choices=ROLE_CHOICES, required=True, help=_("what they may do"))
    add.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help=_("a file whose first line is the password (else asked on the terminal)"),
    )


def _password(args: argparse.Namespace) -> str:
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.services.team import read_password_file

    if args.password_file is not None:
        return read_password_file(args.password_file)
    if not sys.stdin.isatty():
        raise BoosterError(_("no terminal to ask the password on: give --password-file FILE"))
    import getpass

    first = getpass.getpass(_("Password for {name}: ").format(name=args.name))
    again = getpass.getpass(_("The same password again: "))
    if first != again:
        raise BoosterError(_("the two passwords differ; nothing was changed"))
    if not first:
        raise BoosterError(_("the password is empty"))
    return first


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.services import team

    if args.action == "init":
        for line in team.init_server(args.url):
            print(line)
        print(_("{url}: ready for a team").format(url=args.url))
        return 0
    team.check_login_name(args.name)  # before asking for a password
    password = _password(args)
    group = team.add_user(args.url, args.name, team.Role(args.role), password)
    print(_("Added {name} to {group} on {url}").format(name=args.name, group=group, url=args.url))
    return 0


COMMAND = Command(
    "server",
    N_("set up roles on a programme's server and add people to them"),
    _options,
    _run,
)
