"""Help > About: the version, the licence and every third-party licence, fonts included."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from booster_desktop import __version__
from booster_desktop.services.licences import COMPONENTS
from booster_desktop.ui.about_dialog import AboutDialog
from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.translation import install


def test_about_shows_the_version_the_licence_and_the_third_party_licences(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.about_action.trigger()
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog)]
    qtbot.waitExposed(dialog)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Booster Desktop {__version__}" in labels and "MIT" in labels
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "About",
        "Third-party licences",
    ]
    text = dialog.third_party.toPlainText()
    # Fonts, with their licence texts in full.
    assert "Noto Sans, Noto Naskh Arabic" in text and "SIL OPEN FONT LICENSE" in text.upper()
    assert "Bitstream Vera" in text
    # Qt's licence, and each installed library with its version and its own licence file.
    assert "Qt" in text and "LGPL-3.0" in text
    for distribution in ("SQLAlchemy", "reportlab", "ortools", "pycountry"):
        assert distribution in text
    assert len(COMPONENTS) > 20
    assert "Permission is hereby granted" in text  # MIT texts read from the packages' metadata
    assert "Apache License" in text  # OR-Tools and phonenumbers
    dialog.close()


def test_about_in_french_says_our_words_in_french_and_the_licences_as_published(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    install("fr")
    try:
        window = make_window()
        window.about_action.trigger()
        (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog)]
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() == "À propos de Booster Desktop"
        labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "Logiciel libre sous licence MIT" in labels
        assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
            "À propos",
            "Licences des composants tiers",
        ]
        text = dialog.third_party.toPlainText()
        assert "Composants tiers" in text and "Utilisé pour" in text
        assert "le solveur de la répartition" in text and "les noms de pays" in text
        assert "bibliothèques partagées" in text
        assert "Third-party components" not in text and "the allocation solver" not in text
        # The licences themselves stay as their authors published them.
        assert "Permission is hereby granted" in text and "SIL Open Font License 1.1" in text
        dialog.close()
    finally:
        install("en")
