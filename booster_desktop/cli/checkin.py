"""`booster checkin record|export|merge`: the door, headless, and laptops merged offline."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from booster_desktop.cli.arguments import UsageError, positive, programme_location
from booster_desktop.cli.commands import PROG, Command
from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from booster_desktop.services.checkin import ScanResult
    from booster_desktop.services.door_journal import Desk, DoorDesk
    from booster_desktop.services.programme import ProgrammeFile


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
        dest="action",
        required=True,
        metavar="record|export|merge|send",
        parser_class=_Intermixed,
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
    send = actions.add_parser(
        "send",
        help=_("send the scans a door recorded offline to the server"),
        description=_(
            "Send the scans this laptop recorded while the server could not be reached, "
            "in order; sending twice adds nothing. Exit 0 when none is left waiting."
        ),
    )
    send.add_argument("file", type=programme_location, metavar="URL")


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
    from booster_desktop.services import door_journal
    from booster_desktop.services.programme import ServerAddress, open_programme

    try:
        # A paper sign-in sheet typed in is check-in work too: door staff may enter it.
        programme = open_programme(args.file, writable=True, door_may=True)
    except BoosterError as error:
        if not isinstance(args.file, ServerAddress) or not door_journal.server_unreachable(error):
            raise
        if args.paper is not None:  # typed in after the event: nothing to keep it going for
            raise BoosterError(
                _("{problem}; enter the paper sheet once the server answers").format(
                    problem=door_journal.cannot_reach(args.file, error)
                )
            ) from None
        # The server cannot be reached: the door last opened here goes on from its copy.
        door = door_journal.open_offline_door(
            args.file, error, session_id=args.session, device=args.device
        )
        print(door_journal.offline_message(door), file=sys.stderr, flush=True)
        try:
            return _scan(args, door)
        finally:
            door.close()
    with programme:
        return _record_on(args, programme)


def _record_on(args: argparse.Namespace, programme: ProgrammeFile) -> int:
    from booster_desktop.services import door_journal

    if args.paper is not None:
        from booster_desktop.services.attendance import record_paper

        results = record_paper(
            programme, args.session, args.paper, admit_unregistered=args.admit_unregistered
        )
        return _printed(results, None)
    desk = door_journal.open_desk(programme, args.session, device=args.device)
    try:
        return _scan(args, desk)
    finally:
        if isinstance(desk, door_journal.DoorDesk):
            desk.close()


def _scan(args: argparse.Namespace, desk: Desk) -> int:
    """The tokens given (or stdin) recorded at `desk`; a door on a server journals them
    offline when the server cannot be reached, and its sender sends them when it answers."""
    from booster_desktop.services import door_journal

    results = (
        desk.record(line, admit_unregistered=args.admit_unregistered)
        for line in _lines(args.tokens)
    )
    door = desk if isinstance(desk, door_journal.DoorDesk) else None
    if door is not None:
        # Scans left waiting by an earlier run were sent as the door opened: said as any send.
        _said_sent(door, door.waiting, door.sent_lines)
    sender = (
        door_journal.DoorSender(door, functools.partial(_said_sent, door)).start() if door else None
    )
    try:
        code = _printed(results, door)
    finally:
        if sender is not None:
            sender.stop()
    if code == 130 or door is None:
        return code
    sent = _send_before_leaving(door, args.file)
    return code if sent else 1


def _printed(results: Iterable[ScanResult], door: DoorDesk | None) -> int:
    """Each result printed once its check-in is committed (on the server, or in the offline
    journal): a line is a scan on disk. 0 when all were good, 1 otherwise, 130 interrupted."""
    from booster_desktop.services import checkin, door_journal

    all_good = True
    try:
        for result in results:
            sys.stdout.write(f"{result.state}\t{result.token}\t{result.name}\n")
            sys.stdout.flush()
            all_good &= result.state in checkin.GOOD_STATES
            if door is not None and door.waiting:
                print(door_journal.waiting_message(door.waiting), file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print(
            _("{PROG}: interrupted; every line printed above is recorded").format(PROG=PROG),
            file=sys.stderr,
        )
        return 130
    return 0 if all_good else 1


def _said_sent(door: DoorDesk, waiting: int, sent: int) -> None:
    # Scans set aside are not on the server: said once, at the end, by the last send.
    if sent and not waiting and door.set_aside_message is None:
        print(_("All offline scans are on the server."), file=sys.stderr, flush=True)


def _send_before_leaving(door: DoorDesk, where: object) -> bool:
    """One last try to send what waits; says what is left (True when nothing is)."""
    from booster_desktop.services.door_journal import waiting_message

    before = door.sent_lines
    if not door.online:
        door.go_online()  # a door started offline: sends what waits as it goes online
    if door.waiting:
        door.send_now()
    if not door.waiting:
        if door.set_aside_message is None:
            if door.sent_lines > before:
                print(_("All offline scans are on the server."), file=sys.stderr, flush=True)
            return True
        print(door.set_aside_message, file=sys.stderr)
        return False
    print(
        _("{waiting}; `{PROG} checkin send {url}` sends them ({problem})").format(
            PROG=PROG,
            waiting=waiting_message(door.waiting),
            url=where,
            problem=door.last_problem or _("the server cannot be reached"),
        ),
        file=sys.stderr,
    )
    return False


def _send(args: argparse.Namespace) -> int:
    from booster_desktop.services import door_journal
    from booster_desktop.services.door_journal import offline_journal, send_waiting
    from booster_desktop.services.programme import ServerAddress, open_programme

    try:
        # Sending what a door recorded offline is door work: door staff may do it.
        programme = open_programme(args.file, writable=True, door_may=True)
    except BoosterError as error:
        if not isinstance(args.file, ServerAddress) or not door_journal.server_unreachable(error):
            raise
        # Said as the door says it (not libpq's text), with what keeps waiting here.
        waiting = door_journal.waiting_here(args.file)
        problem = door_journal.cannot_reach(args.file, error)
        if waiting is None:
            raise BoosterError(problem) from None
        raise BoosterError(
            _("{problem}; {waiting}, kept here until the server answers").format(
                problem=problem, waiting=door_journal.waiting_message(waiting)
            )
        ) from None
    with programme:
        journal = offline_journal(programme)
        sent = send_waiting(programme, journal)
    print(
        ngettext(
            "Sent {lines} offline scan: {added} check-ins added, {voided} voided",
            "Sent {lines} offline scans: {added} check-ins added, {voided} voided",
            sent.lines,
        ).format(lines=sent.lines, added=sent.added, voided=sent.voided)
    )
    aside = sent.aside_message()
    if aside is not None:
        print(aside, file=sys.stderr)
        return 1
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.action == "record":
        return _record(args)
    if args.action == "send":
        return _send(args)
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
