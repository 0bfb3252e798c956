"""Dates, times and numbers in the window as its language writes them (QLocale): the tables,
the status bar, the check-in screen, the history, the demand; in French and in English."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from booster_desktop.ui.demand_view import FIXED_COLUMNS, DemandDialog
from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.translation import decimal, install, medium_date, number, weekday_date
from tests.ui.conftest import EditorDriver, door_screen
from tests.ui.test_checkin_screen import DAY_ONE
from tests.ui.test_history_view import _shown, history_of_two_edits
from tests.ui.test_main_window import column

NARROW_SPACE = "\u202f"  # CLDR's French group separator


def test_numbers_and_dates_follow_the_language(french: None) -> None:
    assert QLocale().language() == QLocale.Language.French
    assert number(1234567) == f"1{NARROW_SPACE}234{NARROW_SPACE}567"
    assert decimal(0.5, 2) == "0,50"
    assert medium_date(date(2018, 11, 19)) == "19 nov. 2018"
    assert weekday_date(date(2018, 11, 19)) == "lun. 19 nov. 2018"
    install("en")
    assert decimal(0.5, 2) == "0.50"
    assert weekday_date(date(2018, 11, 19)) == "Mon 19 Nov 2018"


def test_the_french_tables_and_status_bar_write_dates_and_numbers_in_french(
    french: None,
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
) -> None:
    open_in(window, demo_file)
    tours = window.show_tab("tours")
    start = column(tours, "Début")
    shown = {tours.proxy.index(row, start).data() for row in range(tours.proxy.rowCount())}
    assert {medium_date(record.start) for record in tours.model.records()} == shown
    assert "19 nov. 2018" in shown and "3 févr. 2020" in shown, shown
    visits = window.show_tab("visits")
    day = column(visits, "Date")
    first = visits.proxy.index(0, day).data()
    assert first.split()[0] in ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."), first
    assert "-" not in first  # not 2018-11-19
    # Sorting by the date still sorts by the date, not by its words.
    visits.view.sortByColumn(day, Qt.SortOrder.AscendingOrder)
    dates = [visits.proxy.record_at(row).date for row in range(visits.proxy.rowCount())]
    assert dates == sorted(dates)
    assert " managers · " in window.counts_label.text() and "pays" in window.counts_label.text()


def test_the_french_history_says_when_and_what_in_french(
    french: None,
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    editors: EditorDriver,
    qtbot: QtBot,
) -> None:
    dialog = history_of_two_edits(window, open_in, demo_file, editors, qtbot)
    rows = _shown(dialog)
    when, action, kind = rows[0][0], rows[0][1], rows[0][4]
    now = datetime.now()
    assert when.startswith(QLocale().toString(now.date(), "ddd d MMM yyyy")), when
    assert [r[1] for r in rows] == ["annulation", "modification", "modification"]
    assert action == "annulation" and kind == "modifié"
    assert dialog.count.text() == "3 modifications"
    actions = [dialog.action.itemText(i) for i in range(dialog.action.count())]
    assert "annulation" in actions and "undo" not in actions
    assert "/" in dialog.since.displayFormat()  # dd/MM/yyyy, not yyyy-MM-dd


def test_the_french_check_in_screen_names_its_sessions_in_french(
    french: None,
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
) -> None:
    open_in(window, demo_file)
    with door_screen(window, qtbot, now=DAY_ONE) as screen:
        sessions = [screen.session.itemText(i) for i in range(screen.session.count())]
    assert sessions and sessions[0].startswith("lun. 19 nov. 2018 "), sessions
    assert not any("2018-11" in text for text in sessions)


def test_the_french_demand_writes_its_scores_with_a_decimal_comma(
    french: None,
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    qtbot: QtBot,
) -> None:
    open_in(window, demo_file)
    dialog = DemandDialog(window.document, window)
    qtbot.addWidget(dialog)
    table = dialog.table
    score = FIXED_COLUMNS.index("Score")
    scores = [table.item(row, score).text() for row in range(table.rowCount())]
    assert scores and all("," in text and "." not in text for text in scores), scores
    assert [float(text.replace(",", ".")) for text in scores] == pytest.approx(
        [demand.score for demand in dialog.demand], abs=0.005
    )
