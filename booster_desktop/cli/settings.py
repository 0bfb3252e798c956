"""`booster settings [NAME [VALUE]]`: read and set this laptop's settings, or with
--programme FILE the programme's; the same values the window's Settings dialog shows."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from booster_desktop.cli.arguments import programme_location
from booster_desktop.cli.commands import PROG, Command
from booster_desktop.cli.output import print_json, print_table
from booster_desktop.i18n import N_, _


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", metavar="NAME", help=_("the setting (default: all)"))
    parser.add_argument("value", nargs="?", metavar="VALUE", help=_("its new value"))
    parser.add_argument(
        "--programme",
        type=programme_location,
        metavar="FILE",
        help=_("the programme (a file or a server address) whose settings to use"),
    )
    parser.add_argument("--json", action="store_true", help=_("one JSON object on stdout"))


def _run(args: argparse.Namespace) -> int:
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.services import settings as declared
    from booster_desktop.services.programme import open_programme

    try:
        chosen = None if args.name is None else declared.setting(args.name)
    except BoosterError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2  # like an unknown command: a usage error
    wanted = declared.SETTINGS if chosen is None else (chosen,)
    in_programme = any(s.scope is declared.Scope.PROGRAMME for s in wanted)
    if chosen is not None and in_programme and args.programme is None:
        print(
            _("{PROG}: {name} is kept in the programme file: add --programme FILE").format(
                PROG=PROG, name=chosen.name
            ),
            file=sys.stderr,
        )
        return 2
    values: dict[str, Any] = {}
    if chosen is not None and args.value is not None:
        if chosen.scope is declared.Scope.LAPTOP:
            values = declared.save_laptop_settings({chosen.name: chosen.parse(args.value)})
        else:
            with open_programme(args.programme) as programme:
                values = declared.save_programme_settings(
                    programme, {chosen.name: chosen.parse(args.value)}
                )
    else:
        if any(s.scope is declared.Scope.LAPTOP for s in wanted):
            values |= declared.laptop_settings()
        if args.programme is not None and in_programme:
            with open_programme(args.programme, writable=False) as programme:
                values |= declared.programme_settings(programme)
    shown = [s for s in wanted if s.name in values]
    if args.json:
        print_json({s.name: values[s.name] for s in shown})
    elif chosen is not None and args.value is not None:
        where = declared.settings_path() if args.programme is None else args.programme
        print(f"{chosen.name} = {chosen.show(values[chosen.name])}{chosen.unit_words} ({where})")
    elif chosen is not None:
        print(chosen.show(values[chosen.name]))
    else:
        print_table(
            [
                {
                    "name": s.name,
                    "value": ("(set)" if values[s.name] else "")
                    if s.secret
                    else s.show(values[s.name]) + s.unit_words,
                    "where": "programme" if s.scope is declared.Scope.PROGRAMME else "laptop",
                    "what": _(s.description),
                }
                for s in shown
            ],
            [("name", "SETTING"), ("value", "VALUE"), ("where", "KEPT IN"), ("what", "WHAT")],
        )
        if args.programme is None:
            names = ", ".join(s.name for s in declared.PROGRAMME_SETTINGS)
            print(
                _("The programme's own settings ({names}): add --programme FILE.").format(
                    names=names
                )
            )
    return 0


COMMAND = Command(
    "settings",
    N_("read or set a setting (this laptop's, or with --programme the programme's)"),
    _options,
    _run,
)
