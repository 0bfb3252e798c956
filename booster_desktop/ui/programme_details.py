"""Programme > Details…: the programme's title, coordinator, emergency phone and logo, and each
tour's hotel and on-site contact, as printed on booklets, badges and certificates.

The layout is the Designer form forms/programme_details.ui; every save is one undoable
command on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QUndoCommand
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QLineEdit, QWidget

from booster_desktop.domain.details import TourContacts
from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.changes import Action
from booster_desktop.services.programme_details import (
    PROGRAMME_TEXT,
    TOUR_TEXT,
    PrintedDetails,
    printed_problems,
    read_logo,
    save_printed_details,
)
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.generated.programme_details_form import Ui_ProgrammeDetails
from booster_desktop.ui.translation import tr


class ProgrammeDetailsDialog(QDialog):
    """Edits a `PrintedDetails`; Save checks it and closes only when it can be stored."""

    def __init__(self, details: PrintedDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ProgrammeDetails()
        self.form.setupUi(self)
        self._programme = details.programme
        self._tours = dict(details.tours)
        self._logo = details.programme.logo
        self._shown_tour: str | None = None
        form = self.form
        form.key.setText(details.programme.uuid)
        for name in PROGRAMME_TEXT:
            self._line(name).setText(getattr(details.programme, name))
        for code in self._tours:
            form.tour.addItem(code, code)
        form.tour_box.setEnabled(bool(self._tours))
        form.tour.currentIndexChanged.connect(self._tour_chosen)
        form.choose_logo.clicked.connect(self.choose_logo)
        form.remove_logo.clicked.connect(lambda: self.set_logo(None))
        form.buttons.accepted.connect(self.accept)
        form.buttons.rejected.connect(self.reject)
        for label in self._error_labels():
            label.hide()
        self._tour_chosen()
        self._show_logo()

    def _line(self, name: str) -> QLineEdit:
        line = getattr(self.form, name)
        assert isinstance(line, QLineEdit)
        return line

    def _error_labels(self) -> list[QLabel]:
        return [
            getattr(self.form, f"{name}_error") for name in (*PROGRAMME_TEXT, *TOUR_TEXT, "logo")
        ]

    # -- the tour shown --------------------------------------------------------------------------

    def _keep_tour(self) -> None:
        if self._shown_tour is not None:
            self._tours[self._shown_tour] = TourContacts(
                *(self._line(name).text() for name in TOUR_TEXT)
            )

    def _tour_chosen(self) -> None:
        self._keep_tour()
        code = self.form.tour.currentData()
        self._shown_tour = str(code) if code is not None else None
        contacts = self._tours.get(self._shown_tour or "", TourContacts())
        for name in TOUR_TEXT:
            self._line(name).setText(getattr(contacts, name))

    # -- the logo --------------------------------------------------------------------------------

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Choose the programme's logo"), "", tr("Images (*.png *.jpg *.jpeg)")
        )
        if not name:
            return
        try:
            self.set_logo(read_logo(Path(name)))
        except BoosterError as error:
            self.form.logo_error.setText(str(error))
            self.form.logo_error.show()

    def set_logo(self, logo: bytes | None) -> None:
        self._logo = logo
        self.form.logo_error.hide()
        self._show_logo()

    def _show_logo(self) -> None:
        preview = self.form.logo_preview
        pixmap = QPixmap()
        if self._logo and pixmap.loadFromData(self._logo):
            preview.setPixmap(
                pixmap.scaled(
                    120,
                    48,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            preview.clear()
            preview.setText(tr("No logo"))
        self.form.remove_logo.setEnabled(bool(self._logo))

    # -- the whole -------------------------------------------------------------------------------

    def details(self) -> PrintedDetails:
        self._keep_tour()
        texts: dict[str, Any] = {name: self._line(name).text() for name in PROGRAMME_TEXT}
        programme = replace(self._programme, logo=self._logo, **texts)
        return PrintedDetails(programme, tuple(self._tours.items()))

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each problem beside its field; a tour's under its fields, that tour shown."""
        tour_problems = [key.split(":") for key in problems if key.startswith("tour:")]
        if tour_problems and tour_problems[0][1] != self._shown_tour:
            self.form.tour.setCurrentIndex(self.form.tour.findData(tour_problems[0][1]))
        shown = {
            (key.split(":")[2] if key.startswith("tour:") else key): text
            for key, text in problems.items()
            if not key.startswith("tour:") or key.split(":")[1] == self._shown_tour
        }
        for name in (*PROGRAMME_TEXT, *TOUR_TEXT, "logo"):
            label: QLabel = getattr(self.form, f"{name}_error")
            label.setText(shown.get(name, ""))
            label.setVisible(name in shown)

    def accept(self) -> None:
        problems = printed_problems(self.details())
        self.show_problems(problems)
        if not problems:
            super().accept()


class EditProgrammeDetails(QUndoCommand):
    """Store new details over old ones; undo stores the old ones back."""

    def __init__(
        self,
        document: ProgrammeDocument,
        old: PrintedDetails,
        new: PrintedDetails,
        stored: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(tr("Edit the programme's details"))
        assert document.programme is not None
        self.document, self.programme = document, document.programme
        self.old, self.new = old, new
        self._stored = stored  # told after each save (the window shows the title)
        # The programme's version the first save starts from (read with the old details);
        # an undo or a redo starts from the one this window's own last save wrote.
        self._read = old.programme.version
        self._first = True

    def _store(self, details: PrintedDetails, undoing: bool) -> None:
        try:
            with self.document.gathering(Action.UNDO if undoing else None):
                expected = (
                    self._read
                    if self._first
                    else self.document.expected_version("programme", 1, self._read)
                )
                at = replace(details.programme, version=expected)
                written = save_printed_details(self.programme, replace(details, programme=at))
        except BoosterError as error:
            # Nothing was written (one transaction): drop the command.
            self.setObsolete(True)
            self.document.failed.emit(str(error))
            return
        self._first = False
        # The programme's and each tour's whose contacts it wrote: a later undo of an edit of
        # one of those tours starts from it (not refused as someone else's change).
        self.document.wrote(written)
        self._stored()

    def redo(self) -> None:
        self._store(self.new, undoing=False)

    def undo(self) -> None:
        self._store(self.old, undoing=True)
