"""`booster backup FILE -o OUT [--encrypt]`, `booster backup list FILE`, `booster backup
restore FILE BACKUP`: a consistent copy (encrypted if asked), the backups kept of a
programme, and putting one back.

`backup FILE -o OUT` came first, so the word after `backup` is a programme file unless it is
`list` or `restore` followed by one: argparse's sub-parsers would take any FILE for an
unknown sub-command, so the words are read here.

The passphrase of an encrypted copy never comes from an argument (the process list shows
arguments to every user): it is read from `--passphrase-file F`, the `BOOSTER_PASSPHRASE`
environment variable, or asked on a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from booster_desktop.cli.arguments import UsageError, programme_location
from booster_desktop.cli.commands import PROG, Command
from booster_desktop.i18n import N_, _
from booster_desktop.services.encrypted_copies import PASSPHRASE_VARIABLE

_USAGE = (
    f"{PROG} backup FILE -o OUT [--encrypt] [--passphrase-file F]\n"
    f"       {PROG} backup list FILE [--json]\n"
    f"       {PROG} backup restore FILE BACKUP [--passphrase-file F]"
)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.usage = _USAGE
    parser.description = _(
        "Copy a programme safely, even while it is in use (encrypted with a "
        "passphrase with --encrypt); list the backups kept of it (made when it "
        "is opened, before upgrades and bulk changes); restore one of them, or "
        "an encrypted copy, after backing up the programme as it is. BACKUP is "
        "a file name from `backup list` or a path."
    )
    parser.add_argument("words", nargs="+", metavar="FILE | list FILE | restore FILE BACKUP")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help=_("where the copy goes"))
    parser.add_argument(
        "--encrypt", action="store_true", help=_("encrypt the copy with a passphrase (age format)")
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help=_(
            "read the passphrase from the first line of F (or set {PASSPHRASE_VARIABLE})"
        ).format(PASSPHRASE_VARIABLE=PASSPHRASE_VARIABLE),
    )
    # Named only to refuse it clearly: `--passphrase X` would otherwise be taken as an
    # abbreviation of --passphrase-file.
    parser.add_argument("--passphrase", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=_("`list`: one JSON array on stdout"))


def _location(word: str) -> object:
    """The programme to copy: a file, or a programme on a server (copied by pulling it)."""
    try:
        return programme_location(word)
    except argparse.ArgumentTypeError as error:
        raise UsageError(str(error)) from None


def _validate(args: argparse.Namespace) -> None:
    if args.passphrase is not None:
        raise UsageError(
            _(
                "--passphrase: a passphrase is never given as an argument (other users "
                "can read arguments); use --passphrase-file F or the "
                "{PASSPHRASE_VARIABLE} variable"
            ).format(PASSPHRASE_VARIABLE=PASSPHRASE_VARIABLE)
        )
    words: list[str] = args.words
    if words[0] == "list" and len(words) == 2:
        args.action, args.file = "list", _location(words[1])
    elif words[0] == "restore" and len(words) == 3:
        args.action, args.file, args.backup = "restore", _location(words[1]), words[2]
    elif words[0] in ("list", "restore") and args.output is None:
        expected = "list FILE" if words[0] == "list" else "restore FILE BACKUP"
        raise UsageError(
            _("expected {PROG} backup {expected}").format(PROG=PROG, expected=expected)
        )
    elif len(words) == 1:
        args.action, args.file = "copy", _location(words[0])
    else:
        raise UsageError(
            _("expected FILE, list FILE or restore FILE BACKUP, not {value}").format(
                value=" ".join(words)
            )
        )
    if args.action == "copy" and args.output is None:
        raise UsageError(_("the following arguments are required: -o/--output"))
    if args.action != "copy" and (args.output is not None or args.encrypt):
        raise UsageError(
            _("-o and --encrypt go with `{PROG} backup FILE`, not `{action}`").format(
                PROG=PROG, action=args.action
            )
        )
    if args.json and args.action != "list":
        raise UsageError(_("--json goes with `backup list`"))
    if args.passphrase_file is not None and args.action == "list":
        raise UsageError(_("--passphrase-file goes with --encrypt or `backup restore`"))
    if args.passphrase_file is not None and args.action == "copy" and not args.encrypt:
        raise UsageError(_("--passphrase-file goes with --encrypt"))


def _passphrase(args: argparse.Namespace, *, twice: bool) -> str | None:
    """The passphrase from --passphrase-file, the environment, or a terminal; None when
    there is none to be had."""
    from booster_desktop.domain.errors import BoosterError

    if args.passphrase_file is not None:
        path: Path = args.passphrase_file
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BoosterError(
                _("{path}: no such file (--passphrase-file)").format(path=path)
            ) from None
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise BoosterError(
                _("{path}: cannot read the passphrase ({reason})").format(path=path, reason=reason)
            ) from None
        lines = text.splitlines()
        if not lines or not lines[0]:
            raise BoosterError(
                _("{path}: the first line is empty (--passphrase-file)").format(path=path)
            )
        return lines[0]
    if os.environ.get(PASSPHRASE_VARIABLE):
        return os.environ[PASSPHRASE_VARIABLE]
    if not sys.stdin.isatty():
        return None
    from getpass import getpass

    first = getpass(_("Passphrase: "))
    if twice and getpass(_("The same passphrase again: ")) != first:
        raise BoosterError(_("the two passphrases differ; nothing was written"))
    return first


def _run(args: argparse.Namespace) -> int:
    if args.action != "copy" and not isinstance(args.file, Path):
        from booster_desktop.domain.errors import BoosterError

        # Booster keeps backups of programme files; a server's are the server's own.
        raise BoosterError(
            _(
                "{file}: a programme on a server is backed up with the server's own tools: "
                "pg_dump -Fc, and pg_restore to put a dump back (see docs/team.md)"
            ).format(file=args.file)
        )
    return int({"copy": _copy, "list": _list, "restore": _restore}[args.action](args))


def _copy(args: argparse.Namespace) -> int:
    from booster_desktop.domain.errors import BoosterError

    if not args.encrypt:
        from booster_desktop.services.programme import backup_programme

        backup_programme(args.file, args.output)
        print(_("Backed up {file} to {output}").format(file=args.file, output=args.output))
        return 0
    from booster_desktop.services.encrypted_copies import (
        check_copy_target,
        check_passphrase,
        encrypt_copy,
    )

    if not isinstance(args.file, Path):
        raise BoosterError(
            _("{file}: --encrypt copies a programme file; pull this one into a file first").format(
                file=args.file
            )
        )
    check_copy_target(args.file, args.output)  # before a passphrase is asked for nothing
    passphrase = _passphrase(args, twice=True)
    if passphrase is None:
        raise BoosterError(
            _(
                "--encrypt: give the passphrase with --passphrase-file F or {PASSPHRASE_VARIABLE}"
            ).format(PASSPHRASE_VARIABLE=PASSPHRASE_VARIABLE)
        )
    check_passphrase(passphrase)
    encrypt_copy(args.file, args.output, passphrase)
    print(
        _("Wrote an encrypted copy of {file} to {output}").format(
            file=args.file, output=args.output
        )
    )
    return 0


def _row(backup: Any) -> dict[str, Any]:
    return {
        "file": backup.name,
        "made_at": backup.made_at.isoformat(timespec="seconds"),
        "why": backup.why,
        "damaged": backup.damaged,
        **{key: backup.counts.get(key) for key in ("managers", "tours", "enrolments", "checkins")},
        "path": str(backup.path),
    }


def _list(args: argparse.Namespace) -> int:
    from booster_desktop.cli.output import print_json, print_table
    from booster_desktop.services.backups import backups_of

    found = backups_of(args.file)
    rows = [_row(b) for b in found]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(_("No backups kept of {file} yet").format(file=args.file))
        return 0
    for row, backup in zip(rows, found, strict=True):
        row["made_at"] = backup.made_at.strftime("%Y-%m-%d %H:%M")
        row["why"] = backup.why + (_(" (damaged)") if backup.damaged else "")
    columns = [
        ("made_at", "made"),
        ("why", "why"),
        ("managers", "managers"),
        ("tours", "tours"),
        ("enrolments", "enrolments"),
        ("checkins", "check-ins"),
        ("file", "file"),
    ]
    print_table(rows, columns)
    print(_("(in {parent})").format(parent=found[0].path.parent))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from booster_desktop.services.backups import counts_words, find_backup, restore_backup
    from booster_desktop.services.encrypted_copies import is_encrypted_copy

    backup = find_backup(args.file, args.backup)
    passphrase = _passphrase(args, twice=False) if is_encrypted_copy(backup) else None
    restored = restore_backup(args.file, backup, passphrase=passphrase)
    print(
        _("Restored {file} from {backup} ({value})").format(
            file=args.file, backup=backup, value=counts_words(restored.counts)
        )
    )
    print(_("The programme as it was is kept as {path}").format(path=restored.replaced.path))
    return 0


COMMAND = Command(
    "backup",
    N_("copy a programme safely (encrypted too), list its kept backups, restore one"),
    _options,
    _run,
    _validate,
)
