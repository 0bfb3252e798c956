"""One tab of the main window: a search box, optional filters, and a table of records."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.services.changes import Change
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.entities import Entity, count_of
from booster_desktop.ui.table_model import RecordTableModel, SearchProxy
from booster_desktop.ui.translation import tr

# Rows whose search text is built per idle slice (about 10 ms each).
SEARCH_SLICE = 1000
# Widest a column is made automatically; the user can still drag it wider.
MAX_COLUMN_WIDTH = 320


class TableTab(QWidget):
    """Lists one entity's records; double-click or Enter edits, the window's actions act.

    It follows the document by itself: cleared when a programme opens or closes, loaded when
    shown, and after a change either re-reads the rows the change names or, when the change
    touches something else the rows show, reloads (at once if shown, else when next shown).
    """

    edit_requested = Signal(int)  # record id
    selection_changed = Signal()

    def __init__(
        self, entity: Entity[Any, Any], document: ProgrammeDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.entity = entity
        self.document = document
        self.setObjectName(f"{entity.key}_tab")
        self.stale = True
        self._prepared = 0
        self._sized = False  # columns sized to their contents once, unless widths were saved

        self.model: RecordTableModel[Any] = RecordTableModel(entity.columns, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr(entity.search_hint))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(self._update_count)
        # Enter or Down in the search box goes on to the rows it found.
        self.search.installEventFilter(self)

        self.count = QLabel(self)
        self.count.setObjectName("count")

        self.view = QTableView(self)
        self.view.setObjectName("table")
        self.view.setModel(self.proxy)
        # No sort until the user asks: rows stay in the order the query gave (by id, by date).
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        # No stretching: a numeric last column stretched across the window reads badly.
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().selectionChanged.connect(self.selection_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        self.filters = QHBoxLayout()
        self.filters.setContentsMargins(0, 0, 0, 0)
        self.filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

        document.opened.connect(self.clear)
        document.closed.connect(self.clear)
        document.changed.connect(self._on_changed)
        document.reveal.connect(self._on_reveal)

    # -- following the document ---------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if self.document.programme is None:
            return
        table = self.entity.table
        named = change.ids(table)

        def refresh() -> None:
            if named:
                self.refresh({i for i in named if isinstance(i, int)})
            elif named is None or change.touches(self.entity.depends):
                self.reload_when_shown()

        if not self.document.follow(change, refresh):
            self.stale = True  # read again when shown, or when the feed reloads everything

    def reload_when_shown(self) -> None:
        if self.isVisible():
            self.load()
        else:
            self.stale = True

    def _on_reveal(self, table: str, ids: list[int]) -> None:
        if table == self.entity.table and self.isVisible():
            self.select_ids(ids)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale and self.document.programme is not None:
            self.load()

    # -- filters ------------------------------------------------------------------------------

    def add_filter(self, label: str, name: str, items: list[tuple[str, object]]) -> QComboBox:
        """A drop-down beside the search box; the tab's predicate reads it."""
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        caption = QLabel(label, self)
        caption.setBuddy(combo)
        self.filters.addWidget(caption)
        self.filters.addWidget(combo)
        combo.currentIndexChanged.connect(self._update_count)
        return combo

    def set_predicate(self, accept: Callable[[Any], bool] | None) -> None:
        self.proxy.set_predicate(accept)
        self._update_count()

    # -- records ------------------------------------------------------------------------------

    def load(self, rows: list[Any] | None = None) -> None:
        """Show the programme's records (rows already read off the UI thread, or read now)."""
        programme = self.document.programme
        assert programme is not None
        self.model.set_rows(rows if rows is not None else self.entity.rows(programme, None))
        self.stale = False
        self._update_count()
        self._prepared = 0
        QTimer.singleShot(0, self._prepare_search)
        if not self._sized:
            QTimer.singleShot(0, self._size_columns)

    def _size_columns(self) -> None:
        """Columns as wide as their contents (first rows), within reason, unless the user's
        own widths were restored."""
        self._sized = True
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(200)
        self.view.resizeColumnsToContents()
        title = self._stretch_column()
        for column in range(header.count() - 1):
            if column != title:
                header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))
        self._stretch()

    def _fit_widest(self) -> None:
        """Widen a column whose remembered width is narrower than its widest text (widths
        saved when dates were written 2018-11-19 would cut "Mon 19 Nov 2018")."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        for number, spec in enumerate(self.entity.columns):
            if spec.widest is None:
                continue
            wanted = metrics.horizontalAdvance(spec.widest()) + 16  # the cell's margins
            if header.sectionSize(number) < wanted:
                header.resizeSection(number, wanted)

    def _stretch_column(self) -> int | None:
        titles = [spec.title for spec in self.entity.columns]
        return titles.index(self.entity.stretch) if self.entity.stretch in titles else None

    def _stretch(self) -> None:
        """The title column is never cut while the others fit their text, and takes the
        width they leave (the table scrolls sideways only when the titles need it)."""
        column = self._stretch_column()
        if column is None or not self._sized:
            return
        header = self.view.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != column and not header.isSectionHidden(c)
        )
        title = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))
        header.resizeSection(column, max(title, self.view.viewport().width() - others))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._stretch()  # a wider window gives the title the room

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            # Taken here: an Enter let through would reach the table and open the editor.
            self.focus_results()
            return True
        return super().eventFilter(watched, event)

    def focus_results(self) -> None:
        """From the search box to the rows found: the first one selected unless some are."""
        if self.proxy.rowCount() == 0:
            return
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.view.selectionModel().selectedRows():
            first = self.proxy.index(0, 0)
            self.view.selectionModel().setCurrentIndex(
                first,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(first)

    def _prepare_search(self) -> None:
        """Build search texts in slices while the window is idle, so typing finds them ready."""
        if self._prepared >= self.model.rowCount():
            return
        self._prepared = self.model.prepare_search(self._prepared, SEARCH_SLICE)
        QTimer.singleShot(0, self._prepare_search)

    def clear(self) -> None:
        self.model.set_rows([])
        self.stale = True
        self._update_count()

    def refresh(self, ids: Collection[int]) -> None:
        """Re-read the records with `ids`: changed ones are updated, new ones added, and
        those no longer in the file dropped."""
        programme = self.document.programme
        if programme is None:
            return
        if self.stale:
            return  # reloaded as a whole when next shown
        rows = self.entity.rows(programme, list(ids))
        gone = set(ids) - {row.id for row in rows}
        if gone:
            self.model.remove_ids(gone)
        if rows:
            self.model.upsert(rows)
        self._update_count()

    def select_ids(self, ids: Collection[int]) -> None:
        """Select the rows of these records (after an add or an undo) and show the first."""
        selection = self.view.selectionModel()
        wanted = set(ids)
        chosen = QItemSelection()
        first: QModelIndex | None = None
        # One selection change for all rows: selecting them one by one re-reads the whole
        # selection each time (an undo of a 2,000-row delete took a minute).
        for row, record in enumerate(self.model.records()):
            if record.id not in wanted:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                continue
            chosen.select(index, index)
            first = first or index
        selection.select(
            chosen,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if first is not None:
            self.view.scrollTo(first)
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.proxy.record_at(row).id for row in rows]

    def selected_records(self) -> list[Any]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.proxy.record_at(row) for row in rows]

    def _double_clicked(self, index: QModelIndex) -> None:
        self.edit_requested.emit(self.proxy.record_at(index.row()).id)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.hasFocus():
            ids = self.selected_ids()
            if ids:
                self.edit_requested.emit(ids[0])
                return
        super().keyPressEvent(event)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        counted = count_of(self.entity, total)
        self.count.setText(
            counted
            if shown == total
            else tr("{shown} of {counted}").format(shown=shown, counted=counted)
        )

    # -- columns ------------------------------------------------------------------------------

    def _column_menu(self, position: Any) -> None:
        """Right-click on the header: show or hide columns (the search follows what is shown)."""
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column, spec in enumerate(self.entity.columns):
            action = menu.addAction(tr(spec.title))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self._show_column(c, shown))
        menu.exec(header.mapToGlobal(position))

    def _show_column(self, column: int, shown: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(column, not shown)
        self._search_visible_columns()

    def _search_visible_columns(self) -> None:
        header = self.view.horizontalHeader()
        self.model.set_search_columns(
            [c for c in range(len(self.entity.columns)) if not header.isSectionHidden(c)]
        )
        self.proxy.set_search(self.search.text())

    def header_state(self) -> QByteArray:
        """The columns' widths, order and visibility to remember; nothing for a tab never
        sized (its default widths would be restored next time instead of fitted)."""
        if not self._sized:
            if self.stale:
                return QByteArray()
            self._size_columns()  # loaded, its sizing still queued: do it now
        return self.view.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        header = self.view.horizontalHeader()
        if state and not state.isEmpty():
            header.restoreState(state)
            self._search_visible_columns()
            self._sized = True
            self._fit_widest()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if self._sized:
            self._stretch()
