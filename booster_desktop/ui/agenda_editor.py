"""Programme > Tour agendas…: a tour's week at a glance, one column per day, time running down.

Items are coloured by kind; drag one to another day or time, drag its lower edge to change
its length, or use the keyboard (arrows move by 15 minutes or a day, Shift+arrows resize);
double-click edits, Delete deletes. Every change is an undoable command saved at once, on
the document's one undo stack (the window's Edit > Undo and this window's own take back the
same steps), and the checks (overlaps, transfers, days without training, uncovered focus
topics, speakers booked twice, items outside the tour) are shown beside the week as it
changes. A window beside the main one, not a modal dialog: the rest of the window stays in
reach while an agenda is open. Items at the same time stand side by side, as in a calendar.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
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
from booster_desktop.ui.help_dialogs import fit_to_screen
from booster_desktop.ui.translation import tr, weekday_day_month

# The whole day is drawn (an item may start at 05:00); the view opens just above the tour's
# first item (at the working day when there is none).
FIRST_HOUR, LAST_HOUR = 0, 24
OPEN_AT_HOUR = 7
ABOVE_FIRST = 30  # minutes shown above the first item
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


def lanes(items: list[AgendaItem]) -> dict[int, tuple[int, int]]:
    """Each item's lane and how many lanes its group of overlapping items needs: items at the
    same time stand side by side, as calendar programs draw them (a group is a run of items
    each overlapping the one before; a lane is reused once its item has ended)."""
    placed: dict[int, tuple[int, int]] = {}
    group: list[tuple[int, int]] = []  # (item id, lane) of the group being laid out
    ends: list[int] = []  # when each lane of the group is free again
    group_end = -1

    def close_group() -> None:
        for item_id, lane in group:
            placed[item_id] = (lane, len(ends))

    for item in sorted(items, key=lambda i: (_minutes(i.start), _minutes(i.end), i.id)):
        start, end = _minutes(item.start), max(_minutes(item.end), _minutes(item.start) + 1)
        if start >= group_end:
            close_group()
            group, ends = [], []
        lane = next((n for n, free in enumerate(ends) if free <= start), len(ends))
        if lane == len(ends):
            ends.append(end)
        else:
            ends[lane] = end
        group.append((item.id, lane))
        group_end = max(group_end, end)
    close_group()
    return placed


class ItemBlock(QGraphicsRectItem):
    """One session or visit on the timetable."""

    def __init__(
        self, editor: AgendaEditor, item: AgendaItem, column: int, lane: tuple[int, int] = (0, 1)
    ) -> None:
        start, end = _minutes(item.start), _minutes(item.end)
        index, count = lane
        width = (DAY_WIDTH - 8) / count
        super().__init__(0, 0, width, max(12.0, (end - start) * PIXELS_PER_MINUTE))
        self.editor, self.item = editor, item
        self.setPos(GUTTER + column * DAY_WIDTH + 4 + index * width, _y(start))
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


class AgendaEditor(QMainWindow):
    """A tour's week: the timetable, the checks, and its exports, in a window of its own."""

    # Sessions are edited in the window's own session editor, over this dialog.
    edit_requested = Signal(int)  # session id
    add_requested = Signal(str, date)  # tour code, the day the new session starts on
    closed = Signal()

    def __init__(
        self,
        document: ProgrammeDocument,
        tour_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_editor")
        self.setWindowTitle(tr("Tour agendas"))
        fit_to_screen(self, 1280, 820)
        self.document = document
        assert document.programme is not None
        self.programme = document.programme
        self.agenda: TourAgenda | None = None
        self.days: list[date] = []
        self.blocks: dict[int, ItemBlock] = {}
        self._selected: int | None = None
        self.day_labels: list[QGraphicsSimpleTextItem] = []
        self.day_band: QGraphicsRectItem | None = None

        self.tour = QComboBox(self)
        self.tour.setObjectName("tour")
        self._fill_tours()
        if tour_code is not None:
            self.tour.setCurrentIndex(max(0, self.tour.findData(tour_code)))
        self.tour.currentIndexChanged.connect(self.refresh)
        add = QPushButton(tr("&Add item…"), self)
        add.setObjectName("add_item")
        add.clicked.connect(self.add_item)
        pdf = QPushButton(tr("Export &PDF…"), self)
        pdf.clicked.connect(self.export_pdf)
        ics = QPushButton(tr("Export &calendar…"), self)
        ics.clicked.connect(self.export_ics)
        preview = QPushButton(tr("Pre&view and print…"), self)
        preview.clicked.connect(self.preview)
        top = QHBoxLayout()
        caption = QLabel(tr("&Tour:"), self)
        caption.setBuddy(self.tour)
        top.addWidget(caption)
        top.addWidget(self.tour, 1)
        for button in (add, pdf, ics, preview):
            top.addWidget(button)

        self.scene = QGraphicsScene(self)
        self.view = AgendaView(self.scene, self)
        self.view.setObjectName("timetable")
        self.view.key_moved.connect(self._key_moved)
        self.view.verticalScrollBar().valueChanged.connect(self._keep_days_in_sight)
        self.view.delete_pressed.connect(self.delete_selected)
        self.checks = QListWidget(self)
        self.checks.setObjectName("checks")
        self.checks.setWordWrap(True)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(tr("Checks:"), side))
        side_layout.addWidget(self.checks, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setSizes([960, 320])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_actions()
        document.changed.connect(self._on_changed)
        document.closed.connect(self.close)
        self._following = True
        self.tour.currentIndexChanged.connect(self.scroll_to_first_item)
        self.refresh()
        self._scrolled = False

    def _build_actions(self) -> None:
        """Undo and Redo on the document's stack, in this window's Edit menu and toolbar (the
        main window's are out of reach of the keyboard while this one has the focus)."""
        self.undo_action, self.redo_action = self.document.undo_actions(self)
        delete = QAction(tr("&Delete item"), self)
        delete.setObjectName("delete_item")
        delete.triggered.connect(self.delete_selected)
        close = QAction(tr("&Close"), self)
        close.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        edit = self.menuBar().addMenu(tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(delete)
        edit.addSeparator()
        edit.addAction(close)
        toolbar = self.addToolBar(tr("Edit"))
        toolbar.setObjectName("agenda_toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # A closed agenda no longer follows the document (its blocks are gone). A second close
        # (the document closing a hidden editor) must not disconnect again: PySide warns.
        if self._following:
            self._following = False
            self.document.changed.disconnect(self._on_changed)
            self.document.closed.disconnect(self.close)
        self.closed.emit()
        super().closeEvent(event)

    def _keep_days_in_sight(self) -> None:
        if self.day_band is None:
            return
        top = max(0.0, self.view.mapToScene(0, 0).y())
        self.day_band.setY(top)
        for label in self.day_labels:
            label.setY(top + 6)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._scrolled:  # once laid out: the scroll bar has its range only then
            self._scrolled = True
            QTimer.singleShot(0, self.scroll_to_first_item)

    def scroll_to_first_item(self) -> None:
        """Show the tour's first item near the top, not the small hours above it."""
        starts = [
            _minutes(item.start)
            for _day, items in (self.agenda.days() if self.agenda else [])
            for item in items
        ]
        first = min(starts) - ABOVE_FIRST if starts else OPEN_AT_HOUR * 60
        # Below the band of day names, which covers the view's top.
        self.view.verticalScrollBar().setValue(int(_y(max(0, first)) - HEADER))

    def _fill_tours(self) -> None:
        """The tours to choose from, keeping the one chosen (by id: its code may change)."""
        from booster_desktop.services import choices

        # Read before clearing: a read the server could not answer leaves the list as it was
        # (and its signals not left blocked).
        tours = choices.tours(self.programme)
        chosen = self.tour.currentData(TOUR_ID_ROLE)
        self.tour.blockSignals(True)
        self.tour.clear()
        for tour_id, code, title in tours:
            self.tour.addItem(f"{code} — {title}", code)
            self.tour.setItemData(self.tour.count() - 1, tour_id, TOUR_ID_ROLE)
        if chosen is not None:
            self.tour.setCurrentIndex(max(0, self.tour.findData(chosen, TOUR_ID_ROLE)))
        self.tour.blockSignals(False)

    def _on_changed(self, change: Change) -> None:
        if self.document.programme is not self.programme or not change.touches(SHOWS):
            return
        if change.touches(("tour.code", "tour.title")) and not self.document.follow(
            change, self._fill_tours
        ):
            return  # the link dropped: the agenda stays as it is until the feed reloads all
        self._refresh_soon(change)

    def _refresh_soon(self, change: Change | None = None) -> None:
        """Rebuilt once the event that made the change is over (a block must not be deleted
        inside its own mouse handler), keeping the selection. After someone else's `change`
        the link may have dropped by then: the agenda then stays as it is."""
        chosen = [b.item.id for b in self.blocks.values() if b.isSelected()]
        self._selected = chosen[0] if chosen else self._selected
        if change is None:
            QTimer.singleShot(0, self.refresh)
        else:
            self.document.follow_later(change, self.refresh, self)

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
        self.day_labels = []
        # The days' names stay in sight at the top of the view, however far it is scrolled.
        self.day_band = self.scene.addRect(
            QRectF(0, 0, GUTTER + len(self.agenda.days()) * DAY_WIDTH, HEADER),
            QPen(Qt.PenStyle.NoPen),
            QBrush(QColor("#eef2f6")),
        )
        self.day_band.setZValue(10)
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
            label = self.scene.addSimpleText(weekday_day_month(day) + (" ⚠" if outside else ""))
            label.setPos(x + 6, 6)
            self.day_labels.append(label)
        for hour in range(FIRST_HOUR, LAST_HOUR + 1):
            y = _y(hour * 60)
            self.scene.addLine(
                GUTTER, y, GUTTER + len(self.days) * DAY_WIDTH, y, QPen(QColor("#eeeeee"))
            )
            self.scene.addSimpleText(f"{hour:02d}:00").setPos(4, y - 7)
        for day, items in self.agenda.days():
            column = self.days.index(day)
            placed = lanes(list(items))
            for item in items:
                block = ItemBlock(self, item, column, placed[item.id])
                self.scene.addItem(block)
                self.blocks[item.id] = block
        self.scene.setSceneRect(QRectF(0, 0, GUTTER + len(self.days) * DAY_WIDTH + 10, height + 10))
        for label in self.day_labels:
            label.setZValue(11)
        self._keep_days_in_sight()
        if self._selected in self.blocks:
            self.blocks[self._selected].setSelected(True)
            self.blocks[self._selected].setFocus()
        self.checks.clear()
        for check in agenda_checks(self.programme, self.code()):
            self.checks.addItem(check.message)
        if self.checks.count() == 0:
            self.checks.addItem(tr("No problems found."))

    # -- changing -------------------------------------------------------------------------------

    def block_dropped(self, block: ItemBlock) -> None:
        """A drag or resize ended: snap to the grid and save as one undoable change."""
        # The day under the block's centre (a block in a lane starts off the day's left edge).
        centre = block.pos().x() + block.rect().width() / 2
        column = math.floor((centre - GUTTER) / DAY_WIDTH)
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
            self,
            tr("Delete"),
            tr("Delete '{title}'? You can undo it.").format(title=self.blocks[ids[0]].item.title),
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
        # Beside the programme file, not wherever the application was started from.
        suggested = self.programme.beside(f"agenda-{self.code()}{suffix}", Path.home())
        name, _ = QFileDialog.getSaveFileName(self, caption, str(suggested), filter_)
        return Path(name) if name else None

    def export_pdf(self) -> None:
        target = self._choose(tr("Export the agenda"), ".pdf", tr("PDF (*.pdf)"))
        if target is not None:
            self._export(lambda: export_agenda(self.programme, target, tour=self.code()), target)

    def export_ics(self) -> None:
        target = self._choose(tr("Export the calendar"), ".ics", tr("iCalendar (*.ics)"))
        if target is not None:
            self._export(lambda: export_calendar(self.programme, target, tour=self.code()), target)

    def _export(self, work: Callable[[], object], target: Path) -> None:
        try:
            written = work()
        except BoosterError as error:
            QMessageBox.critical(self, tr("The agenda was not exported"), str(error))
            return
        # Which values were too long for their place, as the command says them.
        notes = "".join(f"\n{note}" for note in getattr(written, "shortened", ()))
        QMessageBox.information(
            self,
            tr("Agenda exported"),
            tr("Written to {target}{notes}").format(target=target, notes=notes),
        )

    def preview(self) -> None:
        """The booklet in Qt's PDF viewer, with a Print button (QPrinter)."""
        import tempfile

        from booster_desktop.ui.pdf_preview import PdfPreview

        with tempfile.TemporaryDirectory(prefix="booster-agenda-") as folder:
            target = Path(folder) / f"agenda-{self.code()}.pdf"
            try:
                export_agenda(self.programme, target, tour=self.code())
            except BoosterError as error:
                QMessageBox.critical(self, tr("The agenda cannot be shown"), str(error))
                return
            preview = PdfPreview(target, self)
            preview.exec()
            preview.document.close()  # let go of the file before its folder goes


def scene_point(block: ItemBlock, day_column: int, minutes: int) -> QPointF:
    """Where a block's top-left goes for a day column and a start time (for tests and drags)."""
    return QPointF(GUTTER + day_column * DAY_WIDTH + 4, _y(minutes))
