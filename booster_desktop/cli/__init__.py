"""The `booster` command: everything the window does, headless, for scripts, tests and benchmarks.

Exit codes: 0 success; 1 a user error or refused input (one line on stderr, no traceback);
2 a usage error (argparse's convention). Each command is one module of this package that
declares its options beside its handler (see `commands.py`); a new command is a new module
named in `COMMANDS`. Services are imported inside each handler so that a quick command never
pays for what another needs (and headless commands never load Qt).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from booster_desktop import __version__
from booster_desktop.cli.arguments import UsageError, whole_number
from booster_desktop.cli.commands import PROG, Command, add_language_option
from booster_desktop.i18n import _

__all__ = ["COMMANDS", "PROG", "build_parser", "main", "whole_number"]

# The command modules, in the order `booster --help` lists them.
COMMANDS = (
    "new",
    "demo",
    "info",
    "check",
    "listing",
    "backup",
    "push",
    "pull",
    "server",
    "history",
    "importing",
    "demand",
    "allocate",
    "export",
    "checkin",
    "person",
    "settings",
    "screenshot",
)


def _commands() -> list[Command]:
    return [import_module(f"booster_desktop.cli.{name}").COMMAND for name in COMMANDS]


def build_parser() -> argparse.ArgumentParser:
    """The whole parser, assembled from every command module's declaration."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "Booster Desktop, headless: keep a programme of inspiration and "
            "learning tours, allocate managers, print and check in."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__}",
        # argparse's own help for it is not marked for translation (Python 3.11).
        help=_("show the version and exit"),
    )
    add_language_option(parser, None, shown=True)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in _commands():
        command.add_to(subparsers)
    return parser


def _report_bug(error: BaseException) -> str:
    """Log the traceback of an unexpected error to the log file; say where it went."""
    import contextlib
    import logging
    import os
    import traceback
    from pathlib import Path

    from platformdirs import user_log_dir

    folder = Path(user_log_dir("booster-desktop", appauthor=False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "booster.log"
        # This user's only: a traceback quotes values (names, badge tokens, a password's hash).
        descriptor = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as stream:
            # A log made readable by an older version too; one of another user's (a `sudo`
            # run before) cannot be: the traceback is written all the same.
            with contextlib.suppress(OSError):
                os.fchmod(stream.fileno(), 0o600)
            stream.write("".join(traceback.format_exception(error)))
        return _("details are in {log}").format(log=log)
    except OSError:
        logging.getLogger(__name__).exception("unexpected error")
        return _("the details could not be logged")


def _one_line(message: str) -> str:
    """Every refusal is one line, whatever a library put into its message, and printable: a
    file name or a value it quotes may hold terminal escapes."""
    from booster_desktop.services.text_checks import printable

    return printable(" ".join(part.strip() for part in message.splitlines() if part.strip()))


def _explained(args: argparse.Namespace, error: BaseException) -> str | None:
    """An unforeseen error on a programme file that `check` finds damaged is reported as what
    `check` names (a text where a number belongs, 30 February), not as a bug of ours."""
    from pathlib import Path

    path = getattr(args, "file", None)
    # Only a file the command read can explain its failure (not the target of new or demo).
    try:
        if not isinstance(path, Path) or not path.is_file() or args.command in ("new", "demo"):
            return None
    except OSError:
        return None
    from booster_desktop.services.programme import explain_failure

    explained = explain_failure(path)
    return None if explained is None else str(explained)


def _language_asked(argv: Sequence[str]) -> str | None:
    """`--lang X` (or `--lang=X`) anywhere on the line, read before the parser is built so
    that its help and its usage errors speak that language too."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--lang="):
            return word.removeprefix("--lang=")
    return None


def _quiet_library_warnings() -> None:
    """The database driver's own warnings never reach the terminal: with no logging set up,
    Python would print them raw, a second line beside our one-line message (psycopg says
    "query not terminated after cancellation" when Ctrl-C meets a query at its start: an
    apply waiting for another coordinator's, stopped)."""
    import logging

    driver = logging.getLogger("psycopg")
    if not driver.handlers:
        driver.addHandler(logging.NullHandler())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `booster` command; returns the exit code."""
    from booster_desktop.domain.errors import BoosterError
    from booster_desktop.i18n import use_language
    from booster_desktop.services.settings import LANGUAGE, laptop_value

    _quiet_library_warnings()
    asked = _language_asked(sys.argv[1:] if argv is None else argv)
    try:
        use_language(asked or laptop_value(LANGUAGE))
    except ValueError:
        use_language(laptop_value(LANGUAGE))  # argparse refuses the value just below
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Command = args.command_declaration
    # Changes this command writes carry this laptop's device name setting.
    from booster_desktop.services.changes import device_name_setting, use_device_name

    use_device_name(device_name_setting)
    # Messages and printed materials in the language asked for, else the setting's.
    use_language(args.lang or laptop_value(LANGUAGE))
    try:
        command.validate(args)
    except UsageError as error:
        args.command_parser.error(str(error))  # exits 2, with the command's usage
    try:
        return int(command.handler(args))
    except BoosterError as error:
        print(f"{PROG}: {_one_line(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("{PROG}: interrupted; nothing was changed").format(PROG=PROG), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`booster list ... | head`): not an error of ours. Point
        # stdout at nothing so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as error:
        # The system refused a path (a name too long, a folder that vanished): one line.
        where = f"{error.filename}: " if error.filename else ""
        print(f"{PROG}: {where}{error.strerror or error}", file=sys.stderr)
        return 1
    except Exception as error:
        from booster_desktop.services.programme import server_lost
        from booster_desktop.services.team import refused_by_server

        lost = server_lost(getattr(args, "file", None), error)
        if lost is not None:
            print(f"{PROG}: {_one_line(str(lost))}", file=sys.stderr)
            return 1
        refused = refused_by_server(error)
        if refused is not None:
            print(f"{PROG}: {_one_line(str(refused))}", file=sys.stderr)
            return 1
        explained = _explained(args, error)
        if explained is not None:
            print(f"{PROG}: {_one_line(explained)}", file=sys.stderr)
            return 1
        print(
            f"{PROG}: unexpected error ({type(error).__name__}: {error}); {_report_bug(error)}",
            file=sys.stderr,
        )
        return 1
