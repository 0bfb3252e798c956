"""The language people read: one gettext catalogue for every message and printed label.

Below every layer (standard library, Babel and `package_data` only), so that the domain, the
store, the services and the writers all mark their words the same way: `_("text")` where the
text is used, `N_("text")` where it is only declared (a constant), `ngettext` for counts.
Placeholders are named (`_("row {row}: {column}")`.format(...)) so that a translation may
reorder them. The catalogue is `resources/locale/<language>/LC_MESSAGES/booster.mo`, compiled
from the `.po` beside it (docs/languages.md says how to add a string or a language).

The language is chosen once for the process: `booster --lang fr`, the `language` setting, or
the system's. Dates in printed materials are spelled by Babel in that language. The standard
library's argparse says its own words ("usage:", "the following arguments are required") in
the same language, from a small catalogue of their own (`argparse.mo` beside ours).
"""

from __future__ import annotations

import argparse
import gettext
import locale
import os
from datetime import date, datetime, time

from booster_desktop.package_data import resource

DOMAIN = "booster"
# argparse's own messages ("usage: ", "invalid choice: …"), kept apart from ours: they are
# the standard library's words, extracted from its argparse module, not from our code.
ARGPARSE_DOMAIN = "argparse"
# The languages there is a catalogue for, by code, each named in itself.
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
SOURCE_LANGUAGE = "en"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_argparse_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def locale_folder() -> str:
    """Where the compiled catalogues are (`<language>/LC_MESSAGES/booster.mo`)."""
    return str(resource("locale"))


def _code(name: str | None) -> str | None:
    """The language code of a locale name ("fr_FR.UTF-8", "fr-BE", "fr"), if we have it."""
    if not name:
        return None
    code = name.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language() -> str:
    """The system's language if there is a catalogue for it, English otherwise."""
    # The variables gettext reads on Unix, in its order; then the OS's own locale (Windows,
    # macOS apps started outside a terminal).
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            # LANGUAGE may list several ("fr:en"); the first we have wins.
            for part in value.split(":"):
                code = _code(part)
                if code is not None:
                    return code
            if value not in ("C", "POSIX", "C.UTF-8"):
                return SOURCE_LANGUAGE
    try:
        return _code(locale.getlocale()[0]) or SOURCE_LANGUAGE
    except ValueError:
        return SOURCE_LANGUAGE


def resolve(choice: str | None, system: str | None = None) -> str:
    """The language code a choice means: "system" (or nothing) is the system's language."""
    if choice is None or choice == "system":
        return (_code(system) or SOURCE_LANGUAGE) if system else system_language()
    code = _code(choice)
    if code is None:
        known = ", ".join(["system", *LANGUAGES])
        raise ValueError(f"{choice!r} is not a language there is a catalogue for ({known})")
    return code


def use_language(choice: str | None, system: str | None = None) -> str:
    """Speak `choice` ("fr", "en", "system" or None) from now on; returns the code chosen.

    `system` is the system's locale name when the caller knows it better (Qt's QLocale)."""
    global _translations, _argparse_translations, _language
    code = resolve(choice, system)
    if code == SOURCE_LANGUAGE:
        _translations = gettext.NullTranslations()
        _argparse_translations = gettext.NullTranslations()
    else:
        _translations = gettext.translation(
            DOMAIN, locale_folder(), languages=[code], fallback=True
        )
        _argparse_translations = gettext.translation(
            ARGPARSE_DOMAIN, locale_folder(), languages=[code], fallback=True
        )
    _language = code
    _speak_to_argparse()
    return code


def _argparse_gettext(message: str) -> str:
    return _argparse_translations.gettext(message)


def _argparse_ngettext(singular: str, plural: str, count: int) -> str:
    return _argparse_translations.ngettext(singular, plural, count)


def _speak_to_argparse() -> None:
    """Make argparse look its words up in our argparse catalogue.

    argparse binds `gettext.gettext` at import, which reads the process-wide domain and the
    environment's language, not the one chosen here; its module-level `_` and `ngettext` are
    looked up at each call, so replacing them turns every later message."""
    vars(argparse).update(_=_argparse_gettext, ngettext=_argparse_ngettext)


def language() -> str:
    """The language code in use ("en", "fr")."""
    return _language


def _(message: str) -> str:
    """`message` in the language in use (as written when it has no translation)."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the language in use."""
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it)
    """Mark a constant for the catalogue; it is translated where it is used, with `_()`."""
    return message


# -- dates, spelled in the language -------------------------------------------------------------


def _format(value: date | datetime | time, pattern: str) -> str:
    from babel.dates import format_date, format_datetime, format_time

    if isinstance(value, datetime):
        return format_datetime(value, pattern, locale=_language)
    if isinstance(value, time):
        return format_time(value, pattern, locale=_language)
    return format_date(value, pattern, locale=_language)


def _capitalised(text: str) -> str:
    # French writes day and month names in lower case; a date that starts a heading does not.
    return text[:1].upper() + text[1:]


def long_date(day: date) -> str:
    """ "Monday 3 November 2025", "Lundi 3 novembre 2025"."""
    return _capitalised(_format(day, "EEEE d MMMM y"))


def month_year(day: date) -> str:
    """ "November 2025", "novembre 2025"."""
    return _format(day, "MMMM y")


def day_month_year(day: date) -> str:
    """ "3 November 2025", "3 novembre 2025"."""
    return _format(day, "d MMMM y")


def short_day(day: date) -> str:
    """ "03 Nov", "03 nov." (a column of a table)."""
    return _format(day, "dd MMM")


def short_date(day: date) -> str:
    """ "03 Nov 2025", "03 nov. 2025"."""
    return _format(day, "dd MMM y")


def weekday_short(day: date) -> str:
    """ "Mon 03 Nov", "lun. 03 nov."."""
    return _format(day, "EEE dd MMM")


def weekday_day_month(day: date) -> str:
    """ "Mon 3 Nov", "lun. 3 nov." (a column of the week at a glance)."""
    return _format(day, "EEE d MMM")


def date_range(start: date, end: date, short_months: bool = False) -> str:
    """ "3–7 November 2025", "28 Oct – 1 Nov 2025" (the month once when it is one month)."""
    month = "MMM" if short_months else "MMMM"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_format(end, f'd {month} y')}"
    return f"{_format(start, f'd {month}')} – {_format(end, f'd {month} y')}"
