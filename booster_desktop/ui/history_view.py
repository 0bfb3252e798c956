"""The change history in the window: a filterable list of what changed, for the whole
programme (Programme > History…) or for one record (History… in its editor, in a table's
context menu and in the Edit menu).

One table model over the history's lines, a proxy that filters on keys the model holds
(folded text, table, action, UTC moment), never on `data()`; the lines are read off the UI
thread and re-read after every change while the list is open.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.badge import shorten_tokens, tokens_in
from booster_desktop.domain.field_words import table_word
from booster_desktop.domain.text import fold
from booster_desktop.services.changes import Change
from booster_desktop.services.history import HistoryLine, read_history, record_history
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.translation import QT_TR_NOOP, date_time, number, tr

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TR_NOOP("When"),
    QT_TR_NOOP("Action"),
    QT_TR_NOOP("Device"),
    QT_TR_NOOP("Record"),
    QT_TR_NOOP("Change"),
    QT_TR_NOOP("Field"),
    QT_TR_NOOP("Old value"),
    QT_TR_NOOP("New value"),
)
_KINDS = {
    "insert": QT_TR_NOOP("added"),
    "update": QT_TR_NOOP("changed"),
    "delete": QT_TR_NOOP("removed"),
}
ALL = ""
# Why the rows changed (the history's action), in the window's language.
_ACTIONS = {
    "edit": QT_TR_NOOP("edit"),
    "import": QT_TR_NOOP("import"),
    "allocation": QT_TR_NOOP("allocation"),
    "merge": QT_TR_NOOP("merge"),
    "undo": QT_TR_NOOP("undo"),
    "erase": QT_TR_NOOP("erase"),
}


def _action_words(action: str) -> str:
    return tr(_ACTIONS[action]) if action in _ACTIONS else action.replace("_", " ")


def _when(line: HistoryLine) -> str:
    """The moment in this laptop's time, as people read it in the window's language."""
    return date_time(line.at.astimezone(), seconds=True)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _record(line: HistoryLine) -> str:
    """ "Topic rank 3 (Topic 2)": the table in the programme's words, the record, the row
    (a badge token shortened, as everywhere beside other values)."""
    words = line.table_shown
    where = f"{words} {line.record_id}" if line.record_id is not None else words
    return f"{where} ({shorten_tokens(line.row_shown)})" if line.row_key else where


def _value(text: str) -> str:
    """A value as its cell shows it: on one line, badge tokens shortened, cut at its end."""
    return _short(shorten_tokens(text))


def _tokens(line: HistoryLine) -> list[str]:
    return tokens_in(" ".join(t or "" for t in (line.row_key, line.old_shown, line.new_shown)))


class HistoryModel(QAbstractTableModel):
    """The history's lines, newest first, with each row's cells and search text made once."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[HistoryLine] = []
        self._cells: list[tuple[str, ...]] = []
        self._search: list[str] = []

    def set_lines(self, lines: list[HistoryLine]) -> None:
        self.beginResetModel()
        self._lines = lines
        self._cells = [
            (
                _when(line),
                _action_words(line.action),
                line.device,
                _record(line),
                tr(_KINDS[line.kind]) if line.kind in _KINDS else line.kind,
                line.field_shown,
                _value(line.old_shown),
                _value(line.new_shown),
            )
            for line in lines
        ]
        # A whole token pasted into the search still finds its lines.
        self._search = [
            fold(" ".join((*cells, line.description, *_tokens(line))))
            for line, cells in zip(lines, self._cells, strict=True)
        ]
        self.endResetModel()

    def line(self, row: int) -> HistoryLine:
        return self._lines[row]

    def search_text(self, row: int) -> str:
        return self._search[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            line = self._lines[index.row()]
            if index.column() in (6, 7):
                value = line.old_shown if index.column() == 6 else line.new_shown
                return shorten_tokens(value[:2000]) or None
            return f"{line.description} ({line.at:%Y-%m-%d %H:%M:%S} UTC)"
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None


class HistoryFilter(QSortFilterProxyModel):
    """Keeps the lines that match every word typed, the table and the action chosen, and
    that were made on or after the date chosen (this laptop's day)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._table = ALL
        self._action = ALL
        self._since: datetime | None = None

    def history(self) -> HistoryModel:
        model = self.sourceModel()
        assert isinstance(model, HistoryModel)
        return model

    def set_filter(
        self,
        *,
        text: str | None = None,
        table: str | None = None,
        action: str | None = None,
        since: QDate | bool | None = False,
    ) -> None:
        """Change the filters given (`since` None: any date; False: leave it)."""
        self.beginFilterChange()
        if text is not None:
            self._words = fold(text).split()
        if table is not None:
            self._table = table
        if action is not None:
            self._action = action
        if since is None:
            self._since = None
        elif isinstance(since, QDate):
            self._since = datetime(since.year(), since.month(), since.day()).astimezone(UTC)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        model = self.history()
        line = model.line(source_row)
        if self._table and line.table != self._table:
            return False
        if self._action and line.action != self._action:
            return False
        if self._since is not None and line.at < self._since:
            return False
        text = model.search_text(source_row)
        return all(word in text for word in self._words)


class HistoryDialog(QDialog):
    """The history, filterable: of the whole programme, or of one record."""

    def __init__(
        self,
        document: ProgrammeDocument,
        record: tuple[str, int, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`record`: (table, id, what to call it) for one record's history; None: all."""
        super().__init__(parent)
        self.setObjectName("history")
        self.document = document
        self.record = record
        self.setWindowTitle(
            tr("History of {value}").format(value=record[2]) if record else tr("History of changes")
        )
        self.model = HistoryModel(self)
        self.proxy = HistoryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Find in the history: a name, a field, a value…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self._filter(text=text))
        self.table = QComboBox(self)
        self.table.setObjectName("table_filter")
        self.table.currentIndexChanged.connect(
            lambda _: self._filter(table=str(self.table.currentData() or ALL))
        )
        self.action = QComboBox(self)
        self.action.setObjectName("action_filter")
        for combo in (self.table, self.action):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.action.currentIndexChanged.connect(
            lambda _: self._filter(action=str(self.action.currentData() or ALL))
        )
        self.since_box = QCheckBox(tr("&Since"), self)
        self.since_box.setObjectName("since_box")
        self.since = QDateEdit(QDate.currentDate(), self)
        self.since.setObjectName("since")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.since.setEnabled(False)
        self.since_box.toggled.connect(self.since.setEnabled)
        self.since_box.toggled.connect(lambda _: self._since_changed())
        self.since.dateChanged.connect(lambda _: self._since_changed())

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for label, widget in ((tr("&Table:"), self.table), (tr("&Action:"), self.action)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.since_box)
        filters.addWidget(self.since)

        self.view = QTableView(self)
        self.view.setObjectName("history_table")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.count = QLabel(self)
        self.count.setObjectName("count")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        self.resize(1100, 600)

        for signal in (self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        document.changed.connect(self._on_changed)
        document.closed.connect(self.reject)
        self.job: Any = None
        self.search.setFocus()
        self.load()

    def _filter(self, **chosen: Any) -> None:
        self.proxy.set_filter(**chosen)
        self._update_count()

    def _since_changed(self) -> None:
        self._filter(since=self.since.date() if self.since_box.isChecked() else None)

    def _on_changed(self, change: Change) -> None:
        self.load()

    def load(self) -> None:
        """Read the lines off the UI thread; show them when they arrive."""
        programme = self.document.programme
        if programme is None:
            return
        record = self.record
        if record is None:
            self.job = self.document.run(lambda _progress: read_history(programme))
        else:
            table, record_id, _ = record
            self.job = self.document.run(
                lambda _progress: record_history(programme, table, record_id)
            )
        self.count.setText(tr("Reading the history…"))
        self.job.done.connect(self.show_lines)
        self.job.failed.connect(self.count.setText)

    def show_lines(self, lines: list[HistoryLine]) -> None:
        self.model.set_lines(lines)
        for combo, values, everything, words in (
            (
                self.table,
                sorted({line.table for line in lines}),
                tr("Every table"),
                table_word,
            ),
            (
                self.action,
                sorted({line.action for line in lines}),
                tr("Every action"),
                _action_words,
            ),
        ):
            chosen = combo.currentData() or ALL
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, ALL)
            for value in values:
                combo.addItem(words(value), value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        if not self.view.horizontalHeader().sectionSize(0) > 150:
            self.view.resizeColumnsToContents()
            for column in range(len(COLUMNS)):
                self.view.setColumnWidth(column, min(self.view.columnWidth(column), 320))
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            self.count.setText(tr("Nothing has changed yet."))
        elif shown == total:
            self.count.setText(tr("{total} changes").format(total=number(total)))
        else:
            self.count.setText(
                tr("{shown} of {total} changes").format(shown=number(shown), total=number(total))
            )


def show_history(
    document: ProgrammeDocument,
    parent: QWidget,
    record: tuple[str, int, str] | None = None,
) -> HistoryDialog:
    """Open a history list (modeless: the window stays usable beside it)."""
    dialog = HistoryDialog(document, record, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
