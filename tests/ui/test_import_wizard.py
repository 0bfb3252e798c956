"""File > Import managers…: the wizard driven through qtbot, the result read back from the
file, and the import undone and redone as one step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QComboBox, QWizard
from pytestqt.qtbot import QtBot

from booster_desktop.ui.import_wizard import ImportWizard
from booster_desktop.ui.main_window import MainWindow
from tests import programme_db

HEADER = [
    "Prénom",
    "Nom",
    "Nom (arabe)",
    "Pays",
    "Cluster",
    "Courriel",
    "Remarques",
    "Écotourisme",
    "Internationalisation",
]


def _sheet(path: Path, rows: list[list[Any]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Diagnostic 2019 — Cluster Booster"])
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


GOOD = [
    ["Sana", "Gharbi", "سناء الغربي", "Tunisie", "Gabès Water Cluster", "sana@gabes.tn", "", 1, 2],
    ["Adel", "Mansour", "عادل منصور", "Liban", "Zahle Wine Cluster", "adel@zahle.lb", "vip", 2, 1],
    ["Noura", "Saleh", "", "Egypt", "Aswan Solar Cluster", "noura@aswan.eg", "", None, 1],
]


def _managers(path: Path) -> list[tuple[int, str, str]]:
    with programme_db.connect(path) as connection:
        return connection.execute(
            "SELECT id, given_name, arabic_name FROM manager ORDER BY id"
        ).fetchall()


def _topics(path: Path) -> list[str]:
    with programme_db.connect(path) as connection:
        return [r[0] for r in connection.execute("SELECT name FROM topic ORDER BY id")]


Driver = Callable[[ImportWizard], None]


@pytest.fixture
def drive(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Callable[[Driver], list[ImportWizard]]:
    """Replace the wizard's exec with a script that clicks through it as a person would."""
    seen: list[ImportWizard] = []

    def install(script: Driver) -> list[ImportWizard]:
        def exec_(self: ImportWizard) -> int:
            seen.append(self)
            self.show()
            script(self)
            return int(self.result())

        monkeypatch.setattr(ImportWizard, "exec", exec_)
        return seen

    return install


def _through_to_import(qtbot: QtBot, source: Path, skip_invalid: bool = False) -> Driver:
    def script(wizard: ImportWizard) -> None:
        wizard.source_page.path.setText(str(source))
        wizard.source_page._read_sheets()
        wizard.next()
        assert wizard.currentPage() is wizard.columns_page, wizard.source_page.message.text()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.check_page.report is not None, timeout=10000)
        if skip_invalid:
            wizard.check_page.skip_invalid.setChecked(True)
        if wizard.check_page.isComplete():
            wizard.next()
            qtbot.waitUntil(wizard.import_page.isComplete, timeout=10000)
            wizard.button(QWizard.WizardButton.FinishButton).click()
        else:
            wizard.reject()

    return script


def test_the_wizard_imports_and_the_import_undoes_as_one_step(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    drive: Callable[[Driver], list[ImportWizard]],
) -> None:
    source = _sheet(tmp_path / "diagnostic.xlsx", GOOD)
    open_in(window, demo_file)
    before_topics = _topics(demo_file)
    wizards = drive(_through_to_import(qtbot, source))
    window.import_action.trigger()

    (wizard,) = wizards
    assert wizard.report is not None and wizard.report.imported == 3
    managers = _managers(demo_file)
    assert len(managers) == 27
    assert [m[1:] for m in managers[24:]] == [
        ("Sana", "سناء الغربي"),
        ("Adel", "عادل منصور"),
        ("Noura", None),
    ]
    assert _topics(demo_file) == [*before_topics, "Écotourisme"]  # Internationalisation known
    assert window.tabs["managers"].proxy.rowCount() == 27
    assert "Remarques" in wizard.check_page.summary.text()  # ignored, and said so

    window.undo_action.trigger()
    assert len(_managers(demo_file)) == 24
    assert _topics(demo_file) == before_topics
    assert window.tabs["managers"].proxy.rowCount() == 24
    window.redo_action.trigger()
    assert _managers(demo_file) == managers  # the very same ids
    assert window.tabs["managers"].proxy.rowCount() == 27


def test_rows_with_problems_are_shown_and_stop_the_import_until_skipped(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    drive: Callable[[Driver], list[ImportWizard]],
) -> None:
    more = [
        ["Hala", "Nasser", "", "JO", "Irbid ICT Cluster", "hala@irbid.jo", "", 3, 1],
        ["Karim", "Ziani", "", "DZ", "Blida Agro Cluster", "karim@blida.dz", "", 1, 2],
    ]
    # A column is a topic's ranks when 80% of its filled cells are ranks: 4 of 5 here.
    bad = [*GOOD, *more, ["Omar", "", "", "Marocco", "X", "omar(at)x", "", "first", None]]
    source = _sheet(tmp_path / "with-problems.xlsx", bad)
    open_in(window, demo_file)

    wizards = drive(_through_to_import(qtbot, source))
    window.import_action.trigger()
    check = wizards[0].check_page
    problems = [check.problems.item(i).text() for i in range(check.problems.count())]
    assert problems == [
        "row 9: Écotourisme: 'first' is not a rank (a whole number from 1)",
        "row 9: Nom: missing",
        "row 9: Pays: 'Marocco' is not a country (did you mean Morocco?)",
        "row 9: Courriel: 'omar(at)x' is not an e-mail address",
    ]
    assert not check.isComplete()  # Next stays disabled until the user chooses to skip
    assert len(_managers(demo_file)) == 24

    wizards = drive(_through_to_import(qtbot, source, skip_invalid=True))
    window.import_action.trigger()
    assert wizards[-1].report is not None and wizards[-1].report.imported == 5
    assert len(_managers(demo_file)) == 29


def test_a_column_can_be_read_as_another_field(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    drive: Callable[[Driver], list[ImportWizard]],
) -> None:
    source = _sheet(tmp_path / "remarks-as-role.xlsx", GOOD)
    open_in(window, demo_file)

    def script(wizard: ImportWizard) -> None:
        wizard.source_page.path.setText(str(source))
        wizard.next()
        page = wizard.columns_page
        for row in range(page.columns.rowCount()):
            item = page.columns.item(row, 0)
            assert item is not None
            if item.text() == "Remarques":
                combo = page.columns.cellWidget(row, 1)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(combo.findData("role"))
        wizard.next()
        qtbot.waitUntil(lambda: wizard.check_page.report is not None, timeout=10000)
        wizard.next()
        qtbot.waitUntil(wizard.import_page.isComplete, timeout=10000)
        wizard.button(QWizard.WizardButton.FinishButton).click()

    drive(script)
    window.import_action.trigger()
    with programme_db.connect(demo_file) as connection:
        roles = connection.execute("SELECT role FROM manager WHERE id > 24 ORDER BY id").fetchall()
    assert roles == [(None,), ("vip",), (None,)]


def test_a_file_that_is_not_a_spreadsheet_stays_on_the_first_page(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    drive: Callable[[Driver], list[ImportWizard]],
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a spreadsheet", encoding="utf-8")
    open_in(window, demo_file)

    def script(wizard: ImportWizard) -> None:
        wizard.source_page.path.setText(str(notes))
        wizard.next()
        assert wizard.currentPage() is wizard.source_page
        assert "is not a spreadsheet" in wizard.source_page.message.text()
        wizard.reject()

    drive(script)
    window.import_action.trigger()
    assert len(_managers(demo_file)) == 24


def test_the_file_label_has_its_mnemonic_and_the_done_import_offers_no_cancel(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    drive: Callable[[Driver], list[ImportWizard]],
) -> None:
    from PySide6.QtWidgets import QLabel

    source = _sheet(tmp_path / "diagnostic.xlsx", GOOD)
    open_in(window, demo_file)
    seen: dict[str, Any] = {}

    def script(wizard: ImportWizard) -> None:
        labels = [
            label
            for label in wizard.source_page.findChildren(QLabel)
            if label.text().replace("&", "") == "File:"
        ]
        (label,) = labels
        seen["buddy"] = label.buddy()
        cancel = wizard.button(QWizard.WizardButton.CancelButton)
        seen["cancel on first page"] = cancel.isVisible()
        wizard.source_page.path.setText(str(source))
        wizard.next()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.check_page.report is not None, timeout=10000)
        wizard.next()
        qtbot.waitUntil(wizard.import_page.isComplete, timeout=10000)
        seen["cancel after import"] = cancel.isVisible()
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        seen["finish"] = finish.isVisible() and finish.isEnabled()
        finish.click()

    wizards = drive(script)
    window.import_action.trigger()
    (wizard,) = wizards
    assert seen["buddy"] is wizard.source_page.path  # Alt+F reaches the path; no "&" shown
    assert seen["cancel on first page"] is True
    assert seen["cancel after import"] is False
    assert seen["finish"] is True


def test_a_csv_shows_its_guessed_encoding_with_a_preview_the_user_can_change(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    drive: Callable[[Driver], list[ImportWizard]],
) -> None:
    source = tmp_path / "arabic.csv"
    source.write_bytes(
        "First name,Last name,Country,Arabic name\r\nWalid,Haddad,Jordan,وليد حداد\r\n".encode(
            "cp1256"
        )
    )
    open_in(window, demo_file)
    seen: dict[str, Any] = {}

    def script(wizard: ImportWizard) -> None:
        page = wizard.source_page
        page.path.setText(str(source))
        page._read_sheets()
        seen["visible"] = page.encoding.isVisible()
        seen["guess"] = page.encoding.currentText()
        seen["preview"] = page.encoding_preview.toPlainText()
        page.encoding.setCurrentIndex(page.encoding.findData("cp1252"))
        seen["changed preview"] = page.encoding_preview.toPlainText()
        wizard.next()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.check_page.report is not None, timeout=10000)
        check = wizard.check_page
        seen["problems"] = [check.problems.item(i).text() for i in range(check.problems.count())]
        wizard.reject()

    drive(script)
    window.import_action.trigger()
    assert seen["visible"] is True
    assert seen["guess"] == "As guessed: Windows-1256 (Arabic)"
    assert "وليد حداد" in seen["preview"]
    assert "æáíÏ ÍÏÇÏ" in seen["changed preview"]
    # Read as the user chose, the mojibake is a problem, never stored.
    assert seen["problems"][0].startswith("row 2: Arabic name: 'æáíÏ ÍÏÇÏ' holds no Arabic letter")
    assert len(_managers(demo_file)) == 24


def test_hidden_rows_and_arabic_in_latin_columns_are_offered_as_choices(
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
    tmp_path: Path,
    qtbot: QtBot,
    drive: Callable[[Driver], list[ImportWizard]],
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Prénom", "Nom", "Nom (arabe)", "Pays"])
    sheet.append(["ليلى", "حداد", None, "Liban"])
    sheet.append(["Caché", "Masqué", None, "Liban"])
    sheet.row_dimensions[3].hidden = True
    source = tmp_path / "hidden.xlsx"
    workbook.save(source)
    open_in(window, demo_file)
    seen: dict[str, Any] = {}

    def script(wizard: ImportWizard) -> None:
        wizard.source_page.path.setText(str(source))
        wizard.next()
        wizard.next()
        check = wizard.check_page
        qtbot.waitUntil(lambda: check.report is not None, timeout=10000)
        seen["offered"] = (check.include_hidden.isVisible(), check.arabic_from_latin.isVisible())
        seen["summary"] = check.summary.text()
        check.include_hidden.setChecked(True)
        check.arabic_from_latin.setChecked(True)
        qtbot.waitUntil(
            lambda: check.report is not None and check.report.hidden_included, timeout=10000
        )
        qtbot.waitUntil(
            lambda: (
                check.report is not None
                and check.wizard_.plan is not None
                and check.wizard_.plan.arabic_from_latin
            ),
            timeout=10000,
        )
        qtbot.waitUntil(lambda: check.report is not None, timeout=10000)
        wizard.next()
        qtbot.waitUntil(wizard.import_page.isComplete, timeout=10000)
        wizard.button(QWizard.WizardButton.FinishButton).click()

    drive(script)
    window.import_action.trigger()
    assert seen["offered"] == (True, True)
    assert "1 row hidden or filtered out in the sheet (3): left out." in seen["summary"]
    assert _managers(demo_file)[24:] == [(25, "ليلى", "ليلى حداد"), (26, "Caché", None)]
