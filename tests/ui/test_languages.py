"""The window in French: every string of the code and of the Designer forms translated in the
French .ts (a new one fails here, named), its .qm compiled from it, and the window started in
French showing French menus, tabs, forms and Qt's own buttons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from booster_desktop.i18n import _
from booster_desktop.ui import linguist
from booster_desktop.ui.main_window import MainWindow


@pytest.mark.parametrize("language", linguist.translated_languages())
def test_every_string_of_the_window_and_its_forms_is_translated(language: str) -> None:
    missing = linguist.untranslated(language)
    listing = "\n".join(f"  [{m.context or 'code'}] {m.source!r}" for m in missing)
    assert not missing, (
        f"{len(missing)} string(s) of the window without a {language} translation: run "
        "`python -m booster_desktop.ui.linguist update`, translate them in "
        f"{linguist.ts_path(language).name}, then `... compile`:\n{listing}"
    )


@pytest.mark.parametrize("language", linguist.translated_languages())
def test_the_compiled_qm_is_the_one_its_ts_compiles_to(language: str) -> None:
    assert linguist.qm_in_step(language), (
        f"{linguist.qm_path(language)} is stale: python -m booster_desktop.ui.linguist compile"
    )


def test_the_forms_and_the_code_are_both_read() -> None:
    sources = linguist.sources()
    assert any(p.suffix == ".ui" and p.stem == "tour_editor" for p in sources)
    assert any(p.name == "main_window.py" for p in sources)
    assert not any("generated" in p.parts for p in sources)


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_window_started_in_french_speaks_french(
    french: None,
    window: MainWindow,
    open_in: Callable[[MainWindow, Path], None],
    demo_file: Path,
) -> None:
    assert _menu_titles(window)[:4] == ["&Fichier", "&Programme", "&Voyage", "Poi&ntage"]
    assert "&Édition" in _menu_titles(window) and "Aid&e" in _menu_titles(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Nouveau programme…" in [a.text() for a in file_menu.actions()]
    open_in(window, demo_file)
    tabs = [window.tabs_widget.tabText(i) for i in range(window.tabs_widget.count())]
    assert tabs[:4] == ["Managers", "Thèmes", "Voyages", "Visites"]
    model = window.current_tab().view.model()
    headings = [model.headerData(c, _horizontal()) for c in range(model.columnCount())]
    assert "Prénom" in headings and "Pays" in headings
    # The status bar, the gettext side (services) and the locale follow the same choice.
    assert " pays · " in window.counts_label.text()
    assert _("Sign-in sheet") == "Feuille d'émargement"
    assert QLocale().language() == QLocale.Language.French


def test_qt_s_own_buttons_are_french_too(french: None, qtbot: QtBot) -> None:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
    )
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Annuler", "Enregistrer"}


def test_a_form_is_french(french: None, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog

    from booster_desktop.ui.generated.tour_editor_form import Ui_TourEditor

    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = Ui_TourEditor()
    form.setupUi(dialog)
    assert dialog.windowTitle() == "Voyage"
    assert form.capacity_label.text() == "Ca&pacité :"


def test_english_is_back_after(window: MainWindow) -> None:
    assert _menu_titles(window)[0] == "&File"


def _horizontal() -> object:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
