"""Check-in > Export for another laptop / Merge from another laptop, and the merge's review.

Two doors, two laptops, no network: one exports its check-ins as a journal onto a stick, the
other merges it (off the UI thread, in one transaction). The window's screens hear the merge
through the document like any other change. The review lists the people both laptops checked
in at the same session, times and devices side by side; counts take them once already.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.journal import MergeReport, Overlap, export_journal, merge_journal
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.translation import QT_TR_NOOP, short_date_time, tr

JOURNAL_FILTER = QT_TR_NOOP("Check-in journals (*.jsonl);;All files (*)")
Index = QModelIndex | QPersistentModelIndex


def _times(times: tuple[tuple[Any, str], ...]) -> str:
    return ", ".join(f"{short_date_time(at.astimezone())} ({device})" for at, device in times)


class OverlapModel(QAbstractTableModel):
    """People checked in on both laptops at one session: who, where, here and there."""

    HEADINGS = (
        QT_TR_NOOP("Manager"),
        QT_TR_NOOP("Session"),
        QT_TR_NOOP("This laptop"),
        QT_TR_NOOP("The other laptop"),
    )

    def __init__(self, overlaps: list[Overlap], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = [(o.name, o.session_title, _times(o.here), _times(o.there)) for o in overlaps]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADINGS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows[index.row()][index.column()]
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.HEADINGS[section])
        return None


class MergeReview(QDialog):
    """What a merge did, and who was checked in on both laptops."""

    def __init__(self, report: MergeReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_review")
        self.setWindowTitle(tr("Merged from another laptop"))
        self.resize(900, 420)
        self.summary = QLabel(report.summary(), objectName="summary")  # type: ignore[call-overload]
        self.model = OverlapModel(report.on_both, self)
        self.table = QTableView(self)
        self.table.setObjectName("overlaps")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            tr(
                "Checked in on both laptops at the same session: each counts once, at "
                "the earlier time. Undo at the door voids a check-in made by mistake."
            )
            if report.on_both
            else tr("Nobody was checked in on both laptops.")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, note, self.table, buttons):
            layout.addWidget(widget)
        self.table.setVisible(bool(report.on_both))


def export_for_another_laptop(document: ProgrammeDocument, parent: QWidget) -> Path | None:
    """Ask where, then write the journal; the path written, or None."""
    programme = document.programme
    if programme is None:
        return None
    suggested = programme.beside(f"{programme.stem} check-ins.jsonl", Path.home())
    name, _ = QFileDialog.getSaveFileName(
        parent, tr("Export check-ins for another laptop"), str(suggested), tr(JOURNAL_FILTER)
    )
    if not name:
        return None
    try:
        count = export_journal(programme, Path(name))
    except BoosterError as error:
        QMessageBox.critical(parent, tr("The check-ins were not exported"), str(error))
        return None
    QMessageBox.information(
        parent,
        tr("Check-ins exported"),
        tr("Wrote {count} check-ins to {name}; merge it on the other laptop.").format(
            count=count, name=name
        ),
    )
    return Path(name)


def merge_from_another_laptop(
    document: ProgrammeDocument, parent: QWidget, path: Path | None = None
) -> None:
    """Ask for the journal, merge it off the UI thread, then show the review."""
    programme = document.programme
    if programme is None or not programme.writable:
        return
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            tr("Merge check-ins from another laptop"),
            str(programme.beside("x", Path.home()).parent),
            tr(JOURNAL_FILTER),
        )
        if not name:
            return
        path = Path(name)
    chosen = path
    job = document.run(lambda _progress: merge_journal(programme, chosen))

    def merged(report: MergeReport) -> None:
        review = MergeReview(report, parent)
        review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        review.open()

    job.done.connect(merged)
    job.failed.connect(
        lambda message: QMessageBox.critical(parent, tr("Nothing was merged"), message)
    )
