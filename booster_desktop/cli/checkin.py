"""`booster checkin record|export|merge`: the door, headless, and laptops merged offline."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from booster_desktop.cli.arguments import UsageError, positive, programme_location
from booster_desktop.cli.commands import PROG, Command
from booster_desktop.i18n import N_, _


class _Intermixed(argparse.ArgumentParser):
    """A parser that takes tokens after the options too (`record FILE --session 3 TOKEN`):
    argparse alone gives a positional list only the words before the first option."""

    _inside = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._inside:
            return super().parse_known_args(args, namespace)
        self._inside = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._inside = False


def _options(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(
        dest="action", required=True, metavar="record|export|merge", parser_class=_Intermixed
    )
    record = actions.add_parser(
        "record",
        help=_("check in badge tokens (arguments, or one a line on stdin)"),
        description=_(
            "Check in badge tokens, given as arguments or one a line on stdin (as "
            "a scanner types them). Prints STATE<TAB>TOKEN<TAB>NAME per token once "
            "it is on disk; STATE is welcome, already, not-registered, unknown, "
            "revoked or misread. Exit 0 when every token was welcome or already, 1 "
            "otherwise."
        ),
    )
    record.add_argument("file", type=programme_location, metavar="FILE")
    record.add_argument("tokens", nargs="*", metavar="TOKEN")
    record.add_argument(
        "--session", type=positive, required=True, metavar="ID", help=_("the session (its id)")
    )
    record.add_argument(
        "--admit-unregistered",
        action="store_true",
        help=_("record people not registered for the tour too (marked as such)"),
    )
    record.add_argument(
        "--device", metavar="NAME", help=_("the name check-ins carry (default: this computer's)")
    )
    record.add_argument(
        "--paper",
        nargs="+",
        metavar="TOKEN|ID",
        help=_(
            "attendance from a paper sign-in sheet: badge tokens, manager ids, or "
            "#N (the number on the tour's sheet); recorded with device 'paper'"
        ),
    )
    export = actions.add_parser(
        "export",
        help=_("write the check-ins as a journal for another laptop"),
        description=_(
            "Write every check-in and void as a journal that another copy of the "
            "programme can merge (JSON lines)."
        ),
    )
    export.add_argument("file", type=programme_location, metavar="FILE")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="JOURNAL")
    merge = actions.add_parser(
        "merge",
        help=_("merge a journal from another laptop"),
        description=_(
            "Merge another laptop's journal in one transaction: twice changes "
            "nothing, the order does not matter, a void on either side wins."
        ),
    )
    merge.add_argument("file", type=programme_location, metavar="FILE")
    merge.add_argument("journal", type=Path, metavar="JOURNAL")


def _validate(args: argparse.Namespace) -> None:
    if args.action != "record" or args.paper is None:
        return
    if args.tokens:
        raise UsageError(_("give tokens either as arguments or after --paper, not both"))
    if args.device is not None:
        raise UsageError(_("--paper records with device 'paper'; leave out --device"))


def _lines(tokens: list[str]) -> Iterator[str]:
    """The tokens given, or stdin one line at a time (each answered before the next)."""
    if tokens:
        yield from tokens
        return
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")
    for line in iter(sys.stdin.readline, ""):
        if line.strip():
            yield line


def _record(args: argparse.Namespace) -> int:
    from booster_desktop.services import checkin
    from booster_desktop.services.programme import open_programme

    all_good = True
    with open_programme(args.file, writable=True, door_may=args.paper is None) as programme:
        results: Iterable[Any]
        if args.paper is not None:
            from booster_desktop.services.attendance import record_paper

            results = record_paper(
                programme, args.session, args.paper, admit_unregistered=args.admit_unregistered
            )
        else:
            desk = checkin.CheckinDesk(programme, args.session, device=args.device)
            results = (
                desk.record(line, admit_unregistered=args.admit_unregistered)
                for line in _lines(args.tokens)
            )
        try:
            for result in results:
                # Printed and flushed once its check-in is committed: a line is a scan on disk.
                sys.stdout.write(f"{result.state}\t{result.token}\t{result.name}\n")
                sys.stdout.flush()
                all_good &= result.state in checkin.GOOD_STATES
        except KeyboardInterrupt:
            print(
                _("{PROG}: interrupted; every line printed above is recorded").format(PROG=PROG),
                file=sys.stderr,
            )
            return 130
    return 0 if all_good else 1


def _run(args: argparse.Namespace) -> int:
    if args.action == "record":
        return _record(args)
    from booster_desktop.services import journal
    from booster_desktop.services.programme import open_programme

    if args.action == "export":
        with open_programme(args.file) as programme:
            written = journal.export_journal(programme, args.output)
        print(_("Wrote {output} ({written} check-ins)").format(output=args.output, written=written))
        return 0
    with open_programme(args.file, writable=True) as programme:
        report = journal.merge_journal(programme, args.journal)
    print(report.summary())
    return 0


COMMAND = Command(
    "checkin",
    N_("check people in at the door; merge laptops' check-ins"),
    _options,
    _run,
    _validate,
)
