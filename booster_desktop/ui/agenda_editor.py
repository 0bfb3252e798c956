"""Programme > Tour agendas…: a tour's week at a glance, one column per day, time running down.

Items are coloured by kind; drag one to another day or time, drag its lower edge to change
its length, or use the keyboard (arrows move by 15 minutes or a day, Shift+arrows resize);
double-click edits, Delete deletes. Every change is an undoable command saved at once, and
the checks (overlaps, transfers, days without training, uncovered focus topics, speakers
booked twice, items outside the tour) are shown beside the week as it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.agenda import AgendaItem, TourAgenda
from booster_desktop.domain.errors import BoosterError
from booster_desktop.services import sessions
from booster_desktop.services.agenda import (
    agenda_checks,
    export_agenda,
    export_calendar,
    tour_agenda,
)
from booster_desktop.services.changes import Change
from booster_desktop.ui.commands import DeleteRecords, EditRecord
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.entities import SESSIONS

# The whole day is drawn (an item may start at 05:00); the view opens at the working day.
FIRST_HOUR, LAST_HOUR = 0, 24
OPEN_AT_HOUR = 7
PIXELS_PER_MINUTE = 0.8
DAY_WIDTH = 170.0
HEADER = 28.0
GUTTER = 46.0
SNAP = 15  # minutes
TOUR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# What the week and its checks show: a change to any of these redraws them.
SHOWS = (
    "tour",
    "tour_session",
    "session_person",
    "person",
    "session_topic",
    "tour_focus_topic",
    "topic.name",
)
KIND_COLOURS = {
    "training": "#1f6fb2",
    "visit": "#2e8b57",
    "transfer": "#7a7a7a",
    "meal": "#b5651d",
    "networking": "#8e44ad",
    "other": "#555555",
}


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _time(minutes: int) -> time:
    minutes = max(0, min(24 * 60 - 1, minutes))
    return time(minutes // 60, minutes % 60)


def _y(minutes: int) -> float:
    return HEADER + (minutes - FIRST_HOUR * 60) * PIXELS_PER_MINUTE


class ItemBlock(QGraphicsRectItem):
    """One session or visit on the timetable."""

    def __init__(self, editor: AgendaEditor, item: AgendaItem, column: int) -> None:
        start, end = _minutes(item.start), _minutes(item.end)
        super().__init__(0, 0, DAY_WIDTH - 8, max(12.0, (end - start) * PIXELS_PER_MINUTE))
        self.editor, self.item = editor, item
        self.setPos(GUTTER + column * DAY_WIDTH + 4, _y(start))
        colour = QColor(KIND_COLOURS.get(item.kind, "#555555"))
        fill = QColor(colour)
        fill.setAlpha(60)
        self.setBrush(QBrush(fill))
        self.setPen(QPen(colour, 1.5))
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setToolTip(f"{item.kind}: {item.title}\n{item.start:%H:%M}–{item.end:%H:%M}")
        # The title wraps inside the block and is clipped to it, never spilling on the next day.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape, True)
        # Kept on the block: a text item is a QObject, which Python would otherwise collect.
        self.label = QGraphicsTextItem(self)
        self.label.setPlainText(f"{item.start:%H:%M}–{item.end:%H:%M} {item.title}")
        font = QFont()
        font.setPointSizeF(7.5)
        self.label.setFont(font)
        self.label.setTextWidth(self.rect().width() - 4)
        self.label.setPos(1, -1)
        self._resizing = False
        self._pressed_at = (self.pos(), self.rect().height())

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self._resizing = event.pos().y() > self.rect().height() - 6
        self._pressed_at = (self.pos(), self.rect().height())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._resizing:
            height = max(SNAP * PIXELS_PER_MINUTE, event.pos().y())
            self.setRect(0, 0, self.rect().width(), height)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        # A click only selects; a drag or a resize is a change to save.
        if (self.pos(), self.rect().height()) != self._pressed_at:
            self.editor.block_dropped(self)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.editor.edit_item(self.item.id)


class AgendaView(QGraphicsView):
    """The timetable; keyboard moves and resizes the selected item."""

    key_moved = Signal(int, int, int)  # days, minutes moved, minutes longer
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        resize = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = {
            Qt.Key.Key_Up: (0, -SNAP),
            Qt.Key.Key_Down: (0, SNAP),
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
        }.get(Qt.Key(event.key()))
        if step is not None:
            days, minutes = step
            if resize:
                self.key_moved.emit(0, 0, minutes)
            else:
                self.key_moved.emit(days, minutes, 0)
            return
        super().keyPressEvent(event)


class AgendaEditor(QDialog):
    """A tour's week: the timetable, the checks, and its exports."""

    # Sessions are edited in the window's own session editor, over this dialog.
    edit_requested = Signal(int)  # session id
    add_requested = Signal(str, date)  # tour code, the day the new session starts on

    def __init__(
        self,
        document: ProgrammeDocument,
        tour_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_editor")
        self.setWindowTitle("Tour agendas")
        self.resize(1280, 820)
        self.document = document
        assert document.programme is not None
        self.programme = document.programme
        self.agenda: TourAgenda | None = None
        self.days: list[date] = []
        self.blocks: dict[int, ItemBlock] = {}
        self._selected: int | None = None

        self.tour = QComboBox(self)
        self.tour.setObjectName("tour")
        self._fill_tours()
        if tour_code is not None:
            self.tour.setCurrentIndex(max(0, self.tour.findData(tour_code)))
        self.tour.currentIndexChanged.connect(self.refresh)
        add = QPushButton("&Add item…", self)
        add.setObjectName("add_item")
        add.clicked.connect(self.add_item)
        pdf = QPushButton("Export &PDF…", self)
        pdf.clicked.connect(self.export_pdf)
        ics = QPushButton("Export &calendar…", self)
        ics.clicked.connect(self.export_ics)
        preview = QPushButton("Pre&view and print…", self)
        preview.clicked.connect(self.preview)
        top = QHBoxLayout()
        caption = QLabel("&Tour:", self)
        caption.setBuddy(self.tour)
        top.addWidget(caption)
        top.addWidget(self.tour, 1)
        for button in (add, pdf, ics, preview):
            top.addWidget(button)

        self.scene = QGraphicsScene(self)
        self.view = AgendaView(self.scene, self)
        self.view.setObjectName("timetable")
        self.view.key_moved.connect(self._key_moved)
        self.view.delete_pressed.connect(self.delete_selected)
        self.checks = QListWidget(self)
        self.checks.setObjectName("checks")
        self.checks.setWordWrap(True)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("Checks:", side))
        side_layout.addWidget(self.checks, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setSizes([960, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        document.changed.connect(self._on_changed)
        self.finished.connect(lambda _result: document.changed.disconnect(self._on_changed))
        self.refresh()
        self.view.verticalScrollBar().setValue(int(_y(OPEN_AT_HOUR * 60) - HEADER))

    def _fill_tours(self) -> None:
        """The tours to choose from, keeping the one chosen (by id: its code may change)."""
        from booster_desktop.services import choices

        chosen = self.tour.currentData(TOUR_ID_ROLE)
        self.tour.blockSignals(True)
        self.tour.clear()
        for tour_id, code, title in choices.tours(self.programme):
            self.tour.addItem(f"{code} — {title}", code)
            self.tour.setItemData(self.tour.count() - 1, tour_id, TOUR_ID_ROLE)
        if chosen is not None:
            self.tour.setCurrentIndex(max(0, self.tour.findData(chosen, TOUR_ID_ROLE)))
        self.tour.blockSignals(False)

    def _on_changed(self, change: Change) -> None:
        if self.document.programme is not self.programme or not change.touches(SHOWS):
            return
        if change.touches(("tour.code", "tour.title")):
            self._fill_tours()
        self._refresh_soon()

    def _refresh_soon(self) -> None:
        """Rebuilt once the event that made the change is over (a block must not be deleted
        inside its own mouse handler), keeping the selection."""
        chosen = [b.item.id for b in self.blocks.values() if b.isSelected()]
        self._selected = chosen[0] if chosen else self._selected
        QTimer.singleShot(0, self.refresh)

    # -- drawing --------------------------------------------------------------------------------

    def code(self) -> str:
        return str(self.tour.currentData())

    def refresh(self) -> None:
        if self.tour.count() == 0:
            return
        self.agenda = tour_agenda(self.programme, self.code())
        self.days = [day for day, _ in self.agenda.days()]
        self.scene.clear()
        self.blocks.clear()
        height = _y(LAST_HOUR * 60)
        for column, day in enumerate(self.days):
            x = GUTTER + column * DAY_WIDTH
            outside = not self.agenda.start <= day <= self.agenda.end
            background = QColor("#fff4e5" if outside else ("#f7f9fb" if column % 2 else "#ffffff"))
            self.scene.addRect(
                QRectF(x, HEADER, DAY_WIDTH, height - HEADER),
                QPen(QColor("#dddddd")),
                QBrush(background),
            )
            label = self.scene.addSimpleText(
                f"{day:%a} {day.day} {day:%b}" + (" ⚠" if outside else "")
            )
            label.setPos(x + 6, 6)
        for hour in range(FIRST_HOUR, LAST_HOUR + 1):
            y = _y(hour * 60)
            self.scene.addLine(
                GUTTER, y, GUTTER + len(self.days) * DAY_WIDTH, y, QPen(QColor("#eeeeee"))
            )
            self.scene.addSimpleText(f"{hour:02d}:00").setPos(4, y - 7)
        for day, items in self.agenda.days():
            column = self.days.index(day)
            for item in items:
                block = ItemBlock(self, item, column)
                self.scene.addItem(block)
                self.blocks[item.id] = block
        self.scene.setSceneRect(QRectF(0, 0, GUTTER + len(self.days) * DAY_WIDTH + 10, height + 10))
        if self._selected in self.blocks:
            self.blocks[self._selected].setSelected(True)
            self.blocks[self._selected].setFocus()
        self.checks.clear()
        for check in agenda_checks(self.programme, self.code()):
            self.checks.addItem(check.message)
        if self.checks.count() == 0:
            self.checks.addItem("No problems found.")

    # -- changing -------------------------------------------------------------------------------

    def block_dropped(self, block: ItemBlock) -> None:
        """A drag or resize ended: snap to the grid and save as one undoable change."""
        column = round((block.pos().x() - GUTTER - 4) / DAY_WIDTH)
        column = max(0, min(len(self.days) - 1, column))
        start = (
            FIRST_HOUR * 60 + round((block.pos().y() - HEADER) / PIXELS_PER_MINUTE / SNAP) * SNAP
        )
        length = max(SNAP, round(block.rect().height() / PIXELS_PER_MINUTE / SNAP) * SNAP)
        self.move_item(block.item.id, self.days[column], start, start + length)

    def _key_moved(self, days: int, minutes: int, longer: int) -> None:
        selected = [b for b in self.blocks.values() if b.isSelected()]
        if not selected:
            return
        item = selected[0].item
        start = _minutes(item.start) + minutes
        end = _minutes(item.end) + minutes + longer
        if end - start < SNAP or start < 0 or end > 24 * 60 - 1:
            return  # not shorter than a step, nor past midnight
        self.move_item(item.id, item.day + timedelta(days=days), start, end)
        if item.id in self.blocks:
            self.blocks[item.id].setSelected(True)
            self.blocks[item.id].setFocus()

    def move_item(self, session_id: int, day: date, start: int, end: int) -> None:
        """Give a session a new day, start and end, undoably (the document's undo stack)."""
        old = sessions.session_details(self.programme, session_id)
        new = replace(
            old, date=day, start_time=_time(max(0, start)), end_time=_time(min(end, 24 * 60 - 1))
        )
        if new == old:
            self._refresh_soon()  # put the block back on the grid
            return
        self._selected = session_id
        self.document.push(EditRecord(session_id, old, new, self.document, SESSIONS))

    def delete_selected(self) -> None:
        """Delete the selected item (undoable: undo brings back the same session)."""
        ids = [b.item.id for b in self.blocks.values() if b.isSelected()]
        if not ids:
            return
        answer = QMessageBox.question(
            self, "Delete", f"Delete '{self.blocks[ids[0]].item.title}'? You can undo it."
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.document.push(DeleteRecords(ids, self.document, SESSIONS))

    def edit_item(self, session_id: int) -> None:
        """Double-click: the window opens the session's editor over this one."""
        self.edit_requested.emit(session_id)

    def add_item(self) -> None:
        """Add item…: a new session of the shown tour, on its first day."""
        if self.agenda is not None:
            self.add_requested.emit(self.code(), self.agenda.start)

    def _choose(self, caption: str, suffix: str, filter_: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, caption, f"agenda-{self.code()}{suffix}", filter_
        )
        return Path(name) if name else None

    def export_pdf(self) -> None:
        target = self._choose("Export the agenda", ".pdf", "PDF (*.pdf)")
        if target is not None:
            self._export(lambda: export_agenda(self.programme, target, tour=self.code()), target)

    def export_ics(self) -> None:
        target = self._choose("Export the calendar", ".ics", "iCalendar (*.ics)")
        if target is not None:
            self._export(lambda: export_calendar(self.programme, target, tour=self.code()), target)

    def _export(self, work: Callable[[], object], target: Path) -> None:
        try:
            written = work()
        except BoosterError as error:
            QMessageBox.critical(self, "The agenda was not exported", str(error))
            return
        # Which values were too long for their place, as the command says them.
        notes = "".join(f"\n{note}" for note in getattr(written, "shortened", ()))
        QMessageBox.information(self, "Agenda exported", f"Written to {target}{notes}")

    def preview(self) -> None:
        """The booklet in Qt's PDF viewer, with a Print button (QPrinter)."""
        import tempfile

        from booster_desktop.ui.pdf_preview import PdfPreview

        with tempfile.TemporaryDirectory(prefix="booster-agenda-") as folder:
            target = Path(folder) / f"agenda-{self.code()}.pdf"
            try:
                export_agenda(self.programme, target, tour=self.code())
            except BoosterError as error:
                QMessageBox.critical(self, "The agenda cannot be shown", str(error))
                return
            preview = PdfPreview(target, self)
            preview.exec()
            preview.document.close()  # let go of the file before its folder goes


def scene_point(block: ItemBlock, day_column: int, minutes: int) -> QPointF:
    """Where a block's top-left goes for a day column and a start time (for tests and drags)."""
    return QPointF(GUTTER + day_column * DAY_WIDTH + 4, _y(minutes))
