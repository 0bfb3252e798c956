"""`booster export badges|agenda|ics|roster|signin|certificates FILE ... -o OUT`: what a tour
prints and shares (badges, then rosters, sign-in sheets and certificates, each have their
options and handler in a part of this module)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from booster_desktop.cli.arguments import UsageError, positive, programme_location, whole_number
from booster_desktop.cli.commands import Command
from booster_desktop.i18n import N_, _

MATERIALS = ("roster", "signin", "certificates")
WHAT = ("badges", "agenda", "ics", *MATERIALS)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=WHAT, metavar="|".join(WHAT))
    parser.add_argument("file", type=programme_location, metavar="FILE")
    parser.add_argument("--tour", metavar="CODE", help=_("the tour"))
    parser.add_argument(
        "--manager",
        type=positive,
        action="append",
        metavar="ID",
        help=_(
            "a manager's personal agenda (their tours, their name); badges: these "
            "managers (repeat for several)"
        ),
    )
    parser.add_argument(
        "--confirmed-only",
        action="store_true",
        help=_(
            "agenda: list only confirmed participants (proposed ones are marked "
            "otherwise); roster: only confirmed enrolments; badges: only confirmed "
            "managers"
        ),
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    material_options(parser)
    badge_options(parser)


def _validate(args: argparse.Namespace) -> None:
    if args.what == "badges":
        validate_badges(args)
        return
    given = badge_options_given(args)
    if given:
        raise UsageError(
            _("{value}: only for badges, not {what}").format(value=given[0], what=args.what)
        )
    if args.what in MATERIALS:
        validate_material(args)
        return
    if args.manager is not None and len(args.manager) > 1:
        raise UsageError(_("export {what}: --manager takes one manager").format(what=args.what))
    if args.tour is None and args.manager is None:
        raise UsageError(_("--tour CODE is required (or --manager ID for a personal agenda)"))


def _run(args: argparse.Namespace) -> int:
    if args.what == "badges":
        return run_badges(args)
    if args.what in MATERIALS:
        return run_material(args)
    from booster_desktop.services import agenda
    from booster_desktop.services.programme import open_programme

    write = {"agenda": agenda.export_agenda, "ics": agenda.export_calendar}[args.what]
    with open_programme(args.file) as programme:
        written = write(
            programme,
            args.output,
            tour=args.tour,
            manager=args.manager[0] if args.manager else None,
            confirmed_only=args.confirmed_only,
        )
    items = sum(len(t.items) for t in written.tours)
    print(
        _("Wrote {output} ({value}, {items} items)").format(
            output=args.output, value=", ".join(t.code for t in written.tours), items=items
        )
    )
    for note in written.shortened:
        print(_("Note: {note}").format(note=note))
    return 0


# -- roster, signin, certificates ------------------------------------------------------------


def _percentage(value: str) -> int:
    number = whole_number(0)(value)
    if number > 100:
        raise argparse.ArgumentTypeError(
            _("{value} is not a percentage from 0 to 100").format(value=value)
        )
    return number


def material_options(parser: argparse.ArgumentParser) -> None:
    """The options of rosters, sign-in sheets and certificates (beside agenda's)."""
    parser.add_argument("--session", type=positive, metavar="ID", help=_("signin: one session"))
    parser.add_argument(
        "--include-sensitive",
        action="store_true",
        help=_("roster: add passports, dates of birth and nationalities, on a sheet of their own"),
    )
    parser.add_argument(
        "--locale",
        metavar="NAME",
        help=_(
            "roster as CSV: the separator of this locale (fr_FR: ';', en_GB: ','); "
            "default: the system's"
        ),
    )
    parser.add_argument(
        "--blank",
        type=whole_number(0),
        default=None,
        metavar="N",
        help=_("signin: blank rows for walk-ins (default 5)"),
    )
    parser.add_argument(
        "--minimum",
        type=_percentage,
        metavar="P",
        help=_("certificates: the attendance needed, in percent (default: the programme's)"),
    )
    parser.add_argument(
        "--grant",
        type=positive,
        action="append",
        default=[],
        metavar="ID",
        help=_("certificates: also certify this manager, below the minimum (repeatable)"),
    )


def validate_material(args: argparse.Namespace) -> None:
    if args.manager is not None:
        raise UsageError(_("--manager: only for agenda and ics, not {what}").format(what=args.what))
    if args.what == "signin" and (args.session is None) == (args.tour is None):
        raise UsageError(_("signin: name one --session ID or one --tour CODE"))
    if args.what == "certificates" and args.tour is None:
        raise UsageError(_("certificates: --tour CODE is required"))
    if args.what != "signin" and args.session is not None:
        raise UsageError(_("--session: only for signin, not {what}").format(what=args.what))
    if args.what != "roster" and (args.include_sensitive or args.locale is not None):
        raise UsageError(_("--include-sensitive and --locale: only for roster"))
    if args.what not in ("roster", "agenda") and args.confirmed_only:
        raise UsageError(_("--confirmed-only: only for agenda and roster"))
    if args.what != "signin" and args.blank is not None:
        raise UsageError(_("--blank: only for signin"))
    if args.what != "certificates" and (args.minimum is not None or args.grant):
        raise UsageError(_("--minimum and --grant: only for certificates"))


def run_material(args: argparse.Namespace) -> int:
    from booster_desktop.cli.output import terminal_progress
    from booster_desktop.services.programme import open_programme

    progress = terminal_progress(quiet=False)
    try:
        if args.what == "roster":
            from booster_desktop.services.rosters import export_roster

            with open_programme(args.file) as programme:
                roster = export_roster(
                    programme,
                    args.output,
                    tour=args.tour,
                    confirmed_only=args.confirmed_only,
                    include_sensitive=args.include_sensitive,
                    locale=args.locale,
                    **({"progress": progress} if progress else {}),
                )
            sheets = (
                _("participants only") if args.output.suffix.lower() == ".csv" else _("workbook")
            )
            print(
                _("Wrote {output} ({count} managers, {sheets})").format(
                    output=args.output, count=len(roster.people), sheets=sheets
                )
            )
        elif args.what == "signin":
            from booster_desktop.services.signin import export_signin

            with open_programme(args.file) as programme:
                signin = export_signin(
                    programme,
                    args.output,
                    session=args.session,
                    tour=args.tour,
                    blank_rows=5 if args.blank is None else args.blank,
                )
            rows = sum(len(s.people) for s in signin.sessions)
            print(
                _("Wrote {output} ({count} sessions, {rows} names, {value} blank rows)").format(
                    output=args.output,
                    count=len(signin.sessions),
                    rows=rows,
                    value=len(signin.sessions) * signin.blank_rows,
                )
            )
        else:
            from booster_desktop.services.certificates import export_certificates

            with open_programme(args.file, writable=True) as programme:
                result = export_certificates(
                    programme,
                    args.output,
                    tour=args.tour,
                    minimum=args.minimum,
                    granted=tuple(args.grant),
                )
            for person in result.below:
                print(
                    _(
                        "below {minimum}%: {name} (ID {manager_id}), {attended} of {total} "
                        "sessions ({percentage}%)"
                    ).format(
                        minimum=result.minimum,
                        name=person.name,
                        manager_id=person.manager_id,
                        attended=person.attended,
                        total=result.total,
                        percentage=person.percentage,
                    ),
                    file=sys.stderr,
                )
            print(
                _(
                    "Wrote {output} ({count} certificates; {count2} below {minimum}% not certified)"
                ).format(
                    output=args.output,
                    count=len(result.certificates),
                    count2=len(result.below),
                    minimum=result.minimum,
                )
            )
    finally:
        if progress is not None:
            progress.close()
    return 0


# -- badges --------------------------------------------------------------------------------


def _offset(value: str) -> tuple[float, float]:
    try:
        x, y = (float(part) for part in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not X,Y in millimetres, e.g. 1.5,-2").format(value=value)
        ) from None
    return x, y


def _scale(value: str) -> float:
    try:
        return float(value.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a percentage, e.g. 101.5").format(value=value)
        ) from None


BADGE_ONLY = (
    "layout",
    "include_staff",
    "only_unprinted",
    "reprint",
    "back",
    "offset",
    "scale",
    "calibration",
    "reissue",
)


def badge_options(parser: argparse.ArgumentParser) -> None:
    """The options of `booster export badges` (the other exports refuse them)."""
    badges = parser.add_argument_group("badges")
    badges.add_argument("--layout", metavar="NAME", help=_("badge layout (default a4-8-90x55)"))
    badges.add_argument(
        "--include-staff", action="store_true", help=_("the tour's experts and host contacts too")
    )
    badges.add_argument(
        "--only-unprinted", action="store_true", help=_("only badges not printed before")
    )
    badges.add_argument("--reprint", action="store_true", help=_("print badges printed before"))
    badges.add_argument("--back", action="store_true", help=_("backs for long-edge duplex"))
    badges.add_argument(
        "--offset", type=_offset, metavar="X,Y", help=_("printer offset in mm (right, down)")
    )
    badges.add_argument("--scale", type=_scale, metavar="PCT", help=_("printer scale in %%"))
    badges.add_argument(
        "--calibration", action="store_true", help=_("the layout's calibration page instead")
    )
    badges.add_argument(
        "--reissue",
        action="store_true",
        help=_("lost badges: revoke the --manager's tokens, print with new ones"),
    )


def badge_options_given(args: argparse.Namespace) -> list[str]:
    """The badge options given on a command line (for refusing them on other exports)."""
    return [
        "--" + name.replace("_", "-")
        for name in BADGE_ONLY
        if getattr(args, name) not in (None, False)
    ]


def validate_badges(args: argparse.Namespace) -> None:
    others = {
        "--session": args.session is not None,
        "--include-sensitive": args.include_sensitive,
        "--locale": args.locale is not None,
        "--blank": args.blank is not None,
        "--minimum": args.minimum is not None,
        "--grant": bool(args.grant),
    }
    for option, given in others.items():
        if given:
            raise UsageError(_("{option}: not for badges").format(option=option))


def run_badges(args: argparse.Namespace) -> int:
    """`booster export badges FILE ... -o OUT.pdf`."""
    from booster_desktop.cli.output import terminal_progress
    from booster_desktop.services import badges, settings
    from booster_desktop.services.programme import open_programme
    from booster_desktop.services.progress import no_progress

    # What this laptop's printer needs, from its settings, unless the command says otherwise.
    offset = args.offset or (
        settings.laptop_value(settings.PRINTER_OFFSET_X),
        settings.laptop_value(settings.PRINTER_OFFSET_Y),
    )
    scale = settings.laptop_value(settings.PRINTER_SCALE) if args.scale is None else args.scale
    correction = badges.PrinterCorrection(offset[0], offset[1], scale)
    layout = args.layout or settings.laptop_value(settings.BADGE_LAYOUT)
    if args.calibration:
        chosen = badges.export_calibration(args.output, layout, correction)
        print(
            _("Wrote {output} (calibration page of {name})").format(
                output=args.output, name=chosen.name
            )
        )
        return 0
    request = badges.BadgeRequest(
        tour=args.tour,
        managers=tuple(args.manager or ()),
        confirmed_only=args.confirmed_only,
        include_staff=args.include_staff,
        only_unprinted=args.only_unprinted,
    )
    bar = terminal_progress(quiet=False)
    try:
        with open_programme(args.file, writable=True) as programme:
            done = badges.export_badges(
                programme,
                args.output,
                request,
                layout=layout,
                correction=correction,
                back=args.back,
                reprint=args.reprint,
                reissue=args.reissue,
                progress=bar or no_progress,
            )
    finally:
        if bar is not None:
            bar.close()
    again = _(", {count} reprinted").format(count=len(done.reprinted)) if done.reprinted else ""
    print(
        _("Wrote {output} ({badges} badges on {pages} pages, {layout}{again})").format(
            output=args.output,
            badges=done.badges,
            pages=done.pages,
            layout=done.layout,
            again=again,
        )
    )
    for note in done.shortened:
        print(_("Note: {note}").format(note=note))
    return 0


COMMAND = Command(
    "export",
    N_(
        "badges, or a tour's agenda (PDF booklet or calendar), roster (Excel "
        "or CSV), sign-in sheets or certificates"
    ),
    _options,
    _run,
    _validate,
)
