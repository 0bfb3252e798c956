"""The window's words in the chosen language: Qt Linguist catalogues, loaded with QTranslator.

Every user-visible string of the window goes through `tr()` (text made here) or is a
Designer form's (uic's `retranslateUi`); constants declared before a window exists are marked
with `QT_TR_NOOP()` and shown through `tr()`. `pyside6-lupdate` collects them all into
`resources/translations/booster_<language>.ts`, `pyside6-lrelease` compiles that into the
`.qm` loaded here (`python -m booster_desktop.ui.translations`; docs/languages.md).

One context for the whole window (the empty one, as lupdate files a free `tr()` call): a
phrase is translated once wherever it appears, as in the gettext catalogue, and no method
inherited by a subclass looks its words up under another class's name (PySide's `self.tr`).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from booster_desktop.i18n import LANGUAGES, SOURCE_LANGUAGE, use_language
from booster_desktop.package_data import resource

CONTEXT = ""
_installed: list[QTranslator] = []
_original_locale: QLocale | None = None


def tr(text: str, disambiguation: str | None = None, count: int = -1) -> str:
    """`text` in the window's language (a count fills `%n` in the right plural form)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, count)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (lupdate recognises this name)
    """Mark a constant for the window's catalogue; show it through `tr()`."""
    return text


def catalogue(language: str) -> str:
    """The compiled catalogue of the window in `language`."""
    return str(resource("translations", f"booster_{language}.qm"))


def install(choice: str | None) -> str:
    """Speak `choice` ("fr", "en", "system"/None: the system's) in the window, its messages
    and what it prints; returns the language code chosen.

    Loads our catalogue and Qt's own (standard buttons, the file dialog), makes the locale
    the default one (dates, times and numbers in widgets) and chooses the gettext catalogue
    of the services and writers to match. Call it before building widgets."""
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    code = use_language(choice, system=QLocale.system().name())
    if code != SOURCE_LANGUAGE and code in LANGUAGES:
        ours = QTranslator(app)
        if ours.load(catalogue(code)):
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{code}", folder):
            QCoreApplication.installTranslator(qt)
            _installed.append(qt)
    # The system's own locale when it speaks this language (fr_BE keeps Belgian formats),
    # the language's main one otherwise; English on a system we have no words for keeps the
    # system's formats.
    global _original_locale
    if _original_locale is None:
        _original_locale = QLocale()
    system = QLocale.system()
    spoken = system.name().split("_")[0]
    if spoken == code:
        QLocale.setDefault(system)
    elif code != SOURCE_LANGUAGE or spoken in LANGUAGES:
        QLocale.setDefault(QLocale(code))
    else:
        QLocale.setDefault(_original_locale)
    return code


# -- dates and times as the window's locale writes them ---------------------------------------


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def long_date(day: date) -> str:
    """ "Monday 3 November 2025", "lundi 3 novembre 2025"."""
    return QLocale().toString(_qdate(day), "dddd d MMMM yyyy")


def day_month(day: date) -> str:
    """ "3 November", "3 novembre"."""
    return QLocale().toString(_qdate(day), "d MMMM")


def weekday_day(day: date) -> str:
    """ "Mon 3", "lun. 3"."""
    return QLocale().toString(_qdate(day), "ddd d")


def weekday_day_month(day: date) -> str:
    """ "Mon 3 Nov", "lun. 3 nov."."""
    return QLocale().toString(_qdate(day), "ddd d MMM")


def medium_date(day: date) -> str:
    """ "19 Nov 2018", "19 nov. 2018" (a table's column: no order of day and month to guess)."""
    return QLocale().toString(_qdate(day), "d MMM yyyy")


def weekday_date(day: date) -> str:
    """ "Mon 19 Nov 2018", "lun. 19 nov. 2018"."""
    return QLocale().toString(_qdate(day), "ddd d MMM yyyy")


def short_date(day: date) -> str:
    """The locale's short date: 03/11/2025, 11/3/25."""
    return QLocale().toString(_qdate(day), QLocale.FormatType.ShortFormat)


def date_time(moment: datetime, seconds: bool = False) -> str:
    """ "Mon 3 Nov 2025 14:05", "lun. 3 nov. 2025 14:05" (a local time); with its seconds,
    "Mon 3 Nov 2025 14:05:09"."""
    when = QDateTime(_qdate(moment.date()), QTime(moment.hour, moment.minute, moment.second))
    return QLocale().toString(
        when, "ddd d MMM yyyy HH:mm:ss" if seconds else "ddd d MMM yyyy HH:mm"
    )


def short_date_time(moment: datetime) -> str:
    """ "3 Nov 14:05", "3 nov. 14:05" (a local time)."""
    when = QDateTime(_qdate(moment.date()), QTime(moment.hour, moment.minute))
    return QLocale().toString(when, "d MMM HH:mm")


# -- numbers as the window's locale writes them ------------------------------------------------


def number(value: int) -> str:
    """ "1,234" in English, "1 234" in French (the locale's group separator)."""
    return QLocale().toString(value)


def decimal(value: float, places: int) -> str:
    """ "0.50" in English, "0,50" in French."""
    return QLocale().toString(value, "f", places)
