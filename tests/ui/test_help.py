"""Help that opens offline: the user guide from the package, and the window's shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from booster_desktop.package_data import resource
from booster_desktop.ui.help_dialogs import ShortcutsDialog, UserGuide, guide_page
from booster_desktop.ui.main_window import MainWindow
from booster_desktop.ui.translation import install


def _help_texts(window: MainWindow) -> list[str]:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return [a.text() for a in help_menu.actions() if a.text()]


def test_the_help_menu_offers_the_guide_the_shortcuts_and_about(window: MainWindow) -> None:
    assert _help_texts(window) == ["&User guide", "&Keyboard shortcuts", "&About Booster Desktop"]
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_the_user_guide_opens_from_the_package_beside_the_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.guide_action.trigger()
    guides = [w for w in QApplication.topLevelWidgets() if isinstance(w, UserGuide)]
    assert len(guides) == 1
    guide = guides[0]
    qtbot.waitExposed(guide)
    assert not guide.isModal()  # read it while working
    text = guide.browser.toPlainText()
    assert "Importing the diagnosis" in text and "Tour agendas" in text
    screen = guide.screen().availableGeometry()
    assert guide.height() <= screen.height() and guide.width() <= screen.width()
    guide.close()


def test_the_shortcuts_listed_are_the_window_s_own(window: MainWindow, qtbot: QtBot) -> None:
    window.shortcuts_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    undo = window.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert rows["Undo"].startswith(undo) or undo in rows.get("Undo", "")
    assert "Tour agendas" in rows and rows["Tour agendas"] == "Ctrl+G"
    assert "Find" in rows
    dialog.close()


# -- the guide in each language ---------------------------------------------------------------


class _Anchors(HTMLParser):
    """The ids (in order), the in-page links, and the headings of a guide page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.headings = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag in ("h1", "h2"):
            self.headings += 1


def _anchors(page: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _guides() -> list[Path]:
    return sorted(resource("help").glob("guide*.html"))


def test_every_guide_has_the_english_one_s_sections_and_working_links() -> None:
    english = _anchors(resource("help", "guide.html"))
    assert len(english.ids) > 5 and english.links
    assert [p.name for p in _guides()] == ["guide.fr.html", "guide.html"]
    for page in _guides():
        found = _anchors(page)
        assert found.ids == english.ids, page.name  # the same sections, in the same order
        assert found.links == english.links, page.name
        assert found.headings == english.headings, page.name
        # Every link goes to a section of the same page (nothing online, nothing missing).
        assert {link.removeprefix("#") for link in found.links} <= set(found.ids), page.name
        assert all(link.startswith("#") for link in found.links), page.name


def test_a_guide_the_language_lacks_falls_back_to_english() -> None:
    assert guide_page("fr").name == "guide.fr.html"
    assert guide_page("ar").name == "guide.html"
    assert guide_page("en").name == "guide.html"


def test_the_french_window_s_help_opens_the_french_guide(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    install("fr")
    try:
        window = make_window()
        window.guide_action.trigger()
        guide = next(w for w in QApplication.topLevelWidgets() if isinstance(w, UserGuide))
        qtbot.waitExposed(guide)
        assert guide.windowTitle() == "Guide d'utilisation de Booster Desktop"
        assert guide.browser.source().fileName() == "guide.fr.html"
        text = guide.browser.toPlainText()
        assert "Importer le diagnostic" in text and "Agendas des voyages" in text
        assert "Importing the diagnosis" not in text
        # A link of the contents goes to its section, further down the same page (as a
        # click does: the link resolved against the page shown).
        guide.browser.setSource(guide.browser.source().resolved(QUrl("#help")))
        assert guide.browser.source().fragment() == "help"
        assert guide.browser.source().fileName() == "guide.fr.html"
        assert guide.browser.verticalScrollBar().value() > 0
        guide.close()
    finally:
        install("en")
