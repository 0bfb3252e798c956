"""Every setting, declared once: its name, type, default, description and where it lives.

Two places: this laptop (a JSON file in the user's configuration folder, shared by the window
and the `booster` command) and the programme (columns of the programme file's one
`programme` row, so every copy of the programme carries them). The settings dialog is built
from these declarations; `booster settings [NAME [VALUE]]` reads and sets the same values.
Code asks for a setting by its declaration (`laptop_value(DEVICE_NAME)`), never by a
string typed twice. No Qt here: the window's own state (geometry, column widths, recent
files) is declared in `ui/settings.py`.
"""

from __future__ import annotations

import contextlib
import math
import os
import platform
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy import select

from booster_desktop.domain.base import text_limit
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.programme import Programme
from booster_desktop.domain.text import clean, clean_email, is_email
from booster_desktop.i18n import N_, _
from booster_desktop.store.changes import report
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.settings_file import read_settings_file, write_settings_file
from booster_desktop.store.versions import versioned_update

T = TypeVar("T", str, int, float, bool)

APPLICATION = "Booster Desktop"
FILE_NAME = "settings.json"


class Scope(StrEnum):
    """Where a setting lives."""

    LAPTOP = "laptop"  # this computer, every programme
    PROGRAMME = "programme"  # the programme file, every computer


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting and the rules of its values."""

    name: str  # the name on the command line and in the laptop's file
    label: str  # the dialog's label
    kind: type[T]
    default: T
    description: str
    scope: Scope
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, what the dialog shows)
    unit: str = ""  # "mm", "%"
    max_length: int | None = None
    pattern: str | None = None  # a text value must match it in full (empty is allowed)
    pattern_hint: str = ""
    email: bool = False
    secret: bool = False  # shown as dots in the dialog

    @property
    def type_name(self) -> str:
        if self.choices:
            return _("one of ") + ", ".join(value for value, _label in self.choices)
        words = {str: _("text"), int: _("whole number"), float: _("number"), bool: _("yes or no")}
        return words[self.kind]

    def parse(self, text: str) -> T:
        """A value typed on the command line, checked; a one-line refusal otherwise."""
        value: Any
        text = text.strip()
        if self.kind is bool:
            words = {"yes": True, "true": True, "on": True, "1": True}
            words |= {"no": False, "false": False, "off": False, "0": False}
            if text.lower() not in words:
                raise BoosterError(
                    _("{name}: {text!r} is not yes or no").format(name=self.name, text=text)
                )
            value = words[text.lower()]
        elif self.kind is int:
            try:
                value = int(text)
            except ValueError:
                raise BoosterError(
                    _("{name}: {text!r} is not a whole number").format(name=self.name, text=text)
                ) from None
        elif self.kind is float:
            try:
                value = float(text.replace(",", "."))
            except ValueError:
                raise BoosterError(
                    _("{name}: {text!r} is not a number").format(name=self.name, text=text)
                ) from None
        else:
            value = text
        return self.check(value)

    def check(self, value: object) -> T:
        """`value` if it is one this setting takes (text cleaned); a one-line refusal if not."""
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool)):
            raise BoosterError(
                _("{name}: {value!r} is not {type_name}").format(
                    name=self.name, value=value, type_name=self.type_name
                )
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise BoosterError(
                _("{name}: {value!r} is not a number").format(name=self.name, value=value)
            )
        if isinstance(value, int | float) and not isinstance(value, bool):
            low, high = self.minimum, self.maximum
            if (low is not None and value < low) or (high is not None and value > high):
                raise BoosterError(
                    _("{name}: {value:g} is not between {low:g} and {high:g}{unit_words}").format(
                        name=self.name, value=value, low=low, high=high, unit_words=self.unit_words
                    )
                )
        if isinstance(value, str):
            value = clean_email(value) if self.email else clean(value)
            if self.choices and value not in {v for v, _ in self.choices}:
                raise BoosterError(
                    _("{name}: {value!r} is not {type_name}").format(
                        name=self.name, value=value, type_name=self.type_name
                    )
                )
            if self.max_length is not None and len(value) > self.max_length:
                raise BoosterError(
                    _("{name}: {count} characters, at most {max_length}").format(
                        name=self.name, count=len(value), max_length=self.max_length
                    )
                )
            if value and self.pattern is not None and not re.fullmatch(self.pattern, value):
                raise BoosterError(
                    _("{name}: {value!r} is not {pattern_hint}").format(
                        name=self.name, value=value, pattern_hint=_(self.pattern_hint)
                    )
                )
            if value and self.email and not is_email(value):
                raise BoosterError(
                    _("{name}: {value!r} is not an e-mail address").format(
                        name=self.name, value=value
                    )
                )
        return value

    @property
    def unit_words(self) -> str:
        return f" {self.unit}" if self.unit else ""

    def show(self, value: Any) -> str:
        """A value as the command prints it."""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)


def _programme_text(name: str, label: str, description: str, **rules: Any) -> Setting[str]:
    return Setting(
        name,
        label,
        str,
        "",
        description,
        Scope.PROGRAMME,
        max_length=text_limit(Programme, name),
        **rules,
    )


# The same rule as Programme > Details… (services.programme_details) checks these phones by.
PHONE = r"\+?[0-9 ()./-]{4,}"
PHONE_HINT = N_("a phone number (digits, spaces, + ( ) - . /)")

DEVICE_NAME: Setting[str] = Setting(
    "device_name",
    N_("Device name"),
    str,
    "",
    N_("The name this laptop records check-ins and changes under (empty: the computer's name)."),
    Scope.LAPTOP,
    max_length=60,
)
PRINTER_OFFSET_X: Setting[float] = Setting(
    "printer_offset_x_mm",
    N_("Printer offset, across"),
    float,
    0.0,
    N_("Moves everything printed on badges right (or left, below 0) to match this printer."),
    Scope.LAPTOP,
    minimum=-20,
    maximum=20,
    unit="mm",
)
PRINTER_OFFSET_Y: Setting[float] = Setting(
    "printer_offset_y_mm",
    N_("Printer offset, down"),
    float,
    0.0,
    N_("Moves everything printed on badges down (or up, below 0) to match this printer."),
    Scope.LAPTOP,
    minimum=-20,
    maximum=20,
    unit="mm",
)
PRINTER_SCALE: Setting[float] = Setting(
    "printer_scale_percent",
    N_("Printer scale"),
    float,
    100.0,
    N_("Corrects a printer that prints badges slightly larger or smaller than asked."),
    Scope.LAPTOP,
    minimum=50,
    maximum=150,
    unit="%",
)
BADGE_LAYOUT: Setting[str] = Setting(
    "badge_layout",
    N_("Default badge layout"),
    str,
    "a4-8-90x55",
    N_("The label sheet badges are printed on unless another is chosen."),
    Scope.LAPTOP,
    # The layouts shipped in resources/badge-layouts (a test keeps the two lists equal).
    choices=(
        ("a4-8-90x55", N_("A4 paper, 8 badges of 90 x 55 mm with cut marks")),
        ("a6-single", N_("A6, one badge per sheet (badge holders)")),
        ("avery-5395", N_("Avery 5395: US Letter, 8 labels of 3 3/8 x 2 1/3 in")),
        ("avery-l4785", N_("Avery L4785: A4, 10 labels of 80 x 50 mm")),
        ("avery-l7418", N_("Avery L7418: A4, 8 labels of 86 x 55 mm")),
        ("durable-1445", N_("Durable 1445-02: A4, 10 badge inserts of 90 x 54 mm")),
        ("herma-4412", N_("HERMA 4412: A4, 10 labels of 80 x 50 mm")),
    ),
)
LANGUAGE: Setting[str] = Setting(
    "language",
    N_("Language"),
    str,
    "system",
    N_(
        "The language of the window, its messages and printed materials "
        "(system: the computer's language when there is a translation for it, "
        "English otherwise)."
    ),
    Scope.LAPTOP,
    # Each language named in itself, so a person who cannot read the current one finds theirs.
    choices=(("system", N_("System language")), ("en", "English"), ("fr", "Français")),
)
CHECKIN_PIN: Setting[str] = Setting(
    "checkin_pin",
    N_("Check-in PIN"),
    str,
    "",
    N_(
        "Asked before leaving the check-in screen, so a door laptop cannot be "
        "used to edit the programme (empty: no PIN)."
    ),
    Scope.LAPTOP,
    pattern=r"[0-9]{4,8}",
    pattern_hint=N_("4 to 8 digits"),
    secret=True,
)
BACKUP_COUNT: Setting[int] = Setting(
    "backup_count",
    N_("Backups kept"),
    int,
    20,
    N_("How many automatic backups of each programme are kept before the oldest is removed."),
    Scope.LAPTOP,
    minimum=1,
    maximum=1000,
)
PASSWORD_FILE: Setting[str] = Setting(
    "password_file",
    N_("Password file"),
    str,
    "",
    N_(
        "Where this computer has no keyring: a file of server passwords, one "
        "host:port:database:user:password a line as in PostgreSQL's .pgpass, readable by you "
        "alone, read when connecting (empty: the password is asked each time)."
    ),
    Scope.LAPTOP,
    max_length=1000,
)

COORDINATOR_NAME = _programme_text(
    "coordinator_name", N_("Coordinator's name"), N_("Printed on agendas, badges and certificates.")
)
COORDINATOR_TITLE = _programme_text(
    "coordinator_title", N_("Coordinator's title"), N_("Printed under the coordinator's name.")
)
COORDINATOR_EMAIL = _programme_text(
    "coordinator_email",
    N_("Coordinator's e-mail"),
    N_("Where managers and hosts write to."),
    email=True,
)
COORDINATOR_PHONE = _programme_text(
    "coordinator_phone",
    N_("Coordinator's phone"),
    N_("Printed on agendas and badges."),
    pattern=PHONE,
    pattern_hint=PHONE_HINT,
)
EMERGENCY_PHONE = _programme_text(
    "emergency_phone",
    N_("Emergency phone"),
    N_("The number a manager calls when something goes wrong on a tour."),
    pattern=PHONE,
    pattern_hint=PHONE_HINT,
)
ATTENDANCE_MINIMUM: Setting[int] = Setting(
    "attendance_minimum",
    N_("Attendance for a certificate"),
    int,
    80,
    N_("The share of a tour's sessions and visits a manager attends to earn a certificate."),
    Scope.PROGRAMME,
    minimum=0,
    maximum=100,
    unit="%",
)
TRAVEL_DATA_RETENTION: Setting[int] = Setting(
    "travel_data_retention_days",
    "Erase travel data after",
    int,
    0,
    "Days after a manager's last tour ends before their passport, nationality and date of "
    "birth are proposed for erasure (0: never).",
    Scope.PROGRAMME,
    minimum=0,
    maximum=3650,
    unit="days",
)

SETTINGS: tuple[Setting[Any], ...] = (
    DEVICE_NAME,
    LANGUAGE,
    BADGE_LAYOUT,
    PRINTER_OFFSET_X,
    PRINTER_OFFSET_Y,
    PRINTER_SCALE,
    CHECKIN_PIN,
    BACKUP_COUNT,
    PASSWORD_FILE,
    COORDINATOR_NAME,
    COORDINATOR_TITLE,
    COORDINATOR_EMAIL,
    COORDINATOR_PHONE,
    EMERGENCY_PHONE,
    ATTENDANCE_MINIMUM,
    TRAVEL_DATA_RETENTION,
)
BY_NAME: dict[str, Setting[Any]] = {setting.name: setting for setting in SETTINGS}


def setting(name: str) -> Setting[Any]:
    """The setting called `name`, or a one-line refusal naming the settings there are."""
    try:
        return BY_NAME[name.strip().lower().replace("-", "_")]
    except KeyError:
        raise BoosterError(
            _("unknown setting {name!r} (settings: {value})").format(
                name=name, value=", ".join(BY_NAME)
            )
        ) from None


# -- this laptop ------------------------------------------------------------------------------


def settings_path() -> Path:
    """The laptop's settings file, in the user's configuration folder."""
    from platformdirs import user_config_path

    return user_config_path(APPLICATION, appauthor=False) / FILE_NAME


def laptop_settings(path: Path | None = None) -> dict[str, Any]:
    """Every laptop setting's value: what the file holds, the default for the rest. A value
    the file holds that no longer fits its setting (edited by hand) reads as the default."""
    stored = read_settings_file(path or settings_path())
    values: dict[str, Any] = {}
    for item in SETTINGS:
        if item.scope is not Scope.LAPTOP:
            continue
        values[item.name] = item.default
        if item.name in stored:
            with contextlib.suppress(BoosterError):
                values[item.name] = item.check(stored[item.name])
    return values


def laptop_value(item: Setting[T], path: Path | None = None) -> T:
    """One laptop setting's value (its default if the file cannot be read)."""
    try:
        value: T = laptop_settings(path)[item.name]
    except BoosterError:
        return item.default
    return value


def save_laptop_settings(changes: dict[str, Any], path: Path | None = None) -> dict[str, Any]:
    """Check and store laptop settings (name -> value); returns every value after. Nothing
    is written if one value is refused; settings this version does not know are kept."""
    path = path or settings_path()
    checked = {}
    for name, value in changes.items():
        item = setting(name)
        if item.scope is not Scope.LAPTOP:
            raise BoosterError(
                _("{name} is kept in the programme file, not on this laptop").format(name=item.name)
            )
        checked[item.name] = item.check(value)
    stored = read_settings_file(path)
    for name, value in checked.items():
        if value == BY_NAME[name].default:
            stored.pop(name, None)  # a default is not pinned: a later version may improve it
        else:
            stored[name] = value
    write_settings_file(path, stored)
    return laptop_settings(path)


def device_name(path: Path | None = None) -> str:
    """The name this laptop records its work under: the setting, or the computer's name."""
    return laptop_value(DEVICE_NAME, path) or platform.node() or os.environ.get("HOSTNAME", "")


# -- the programme ----------------------------------------------------------------------------

PROGRAMME_SETTINGS = tuple(s for s in SETTINGS if s.scope is Scope.PROGRAMME)


def programme_settings(programme: ProgrammeFile) -> dict[str, Any]:
    """Every programme setting's value, from the programme file (None reads as the default)."""
    columns = [getattr(Programme, s.name) for s in PROGRAMME_SETTINGS]
    with programme.engine.connect() as connection:
        row = connection.execute(select(*columns)).one()
    return {
        s.name: s.default if value is None else value
        for s, value in zip(PROGRAMME_SETTINGS, row, strict=True)
    }


def save_programme_settings(programme: ProgrammeFile, changes: dict[str, Any]) -> dict[str, Any]:
    """Check and store programme settings (name -> value) in one transaction; returns every
    value after. Nothing is written if one value is refused."""
    values: dict[str, Any] = {}
    for name, value in changes.items():
        item = setting(name)
        if item.scope is not Scope.PROGRAMME:
            raise BoosterError(
                _("{name} is kept on this laptop, not in the programme file").format(name=item.name)
            )
        checked = item.check(value)
        # Empty text is stored as nothing, as the editors do.
        values[item.name] = None if checked == "" and item.kind is str else checked
    if values:
        with programme.writing() as connection:
            report(connection, "programme", [1], values)
            # Settings are set one by one, not from a reading of the whole record: written
            # whatever the version, which they raise.
            versioned_update(connection, Programme, 1, values, None)
    return programme_settings(programme)
