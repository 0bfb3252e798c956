"""Help > About: the version, our licence, and every third-party component with its licence
(the fonts' licence texts, and each library's own licence files where its package has them)."""

from __future__ import annotations

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from booster_desktop import __version__
from booster_desktop.package_data import resource
from booster_desktop.services.licences import third_party_html
from booster_desktop.ui.translation import tr


class AboutDialog(QDialog):
    """The version and the licences, on two tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About Booster Desktop"))
        self.resize(720, 560)
        self.tabs = tabs = QTabWidget(self)
        about = QLabel(
            tr(
                "<h3>Booster Desktop {version}</h3><p>Organise inspiration and "
                "learning tours for cluster managers: programme, allocation, agendas, "
                "badges and check-in, offline.</p><p>Free software under the MIT "
                "licence.</p>"
            ).format(version=__version__)
        )
        about.setWordWrap(True)
        licence = QTextBrowser()
        licence.setPlainText(resource("licences", "booster-desktop.txt").read_text("utf-8"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(about)
        layout.addWidget(licence)
        tabs.addTab(page, tr("About"))
        self.third_party = QTextBrowser()
        self.third_party.setOpenLinks(False)
        self.third_party.setHtml(third_party_html(qt_version=qVersion()))
        tabs.addTab(self.third_party, tr("Third-party licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(tabs)
        outer.addWidget(buttons)
