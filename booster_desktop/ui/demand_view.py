"""Programme > Topic demand…: who wants which topic, by rank, as a chart and a table; mark
priority topics and give tours their focus topics (undoable); see the uncovered demand."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.services.changes import Change
from booster_desktop.services.demand import (
    TopicDemand,
    set_focus,
    set_priority,
    topic_demand,
    tour_focus,
)
from booster_desktop.ui.commands import Toggle
from booster_desktop.ui.document import ProgrammeDocument
from booster_desktop.ui.help_dialogs import fit_to_screen
from booster_desktop.ui.texts import WHY_THIS_SCORE
from booster_desktop.ui.translation import QT_TR_NOOP, decimal, tr

RANK_BANDS = (QT_TR_NOOP("1st"), QT_TR_NOOP("2nd"), QT_TR_NOOP("3rd"), QT_TR_NOOP("4th or lower"))
FIXED_COLUMNS = (
    QT_TR_NOOP("Priority"),
    QT_TR_NOOP("Topic"),
    QT_TR_NOOP("Wanted by"),
    *RANK_BANDS,
    QT_TR_NOOP("Score"),
)
# What the view shows: a change to any of these redraws it.
SHOWS = ("topic", "topic_interest", "tour_focus_topic", "tour.code", "manager.status")


def _bands(demand: TopicDemand) -> list[int]:
    by_rank = demand.by_rank
    return [
        by_rank.get(1, 0),
        by_rank.get(2, 0),
        by_rank.get(3, 0),
        sum(n for r, n in by_rank.items() if r >= 4),
    ]


class DemandDialog(QDialog):
    """The demand view."""

    def __init__(self, document: ProgrammeDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demand_dialog")
        self.setWindowTitle(tr("Topic demand"))
        fit_to_screen(self, 1100, 760)
        self.document = document
        assert document.programme is not None
        self.programme = document.programme
        self.demand: list[TopicDemand] = []
        self.tours: list[tuple[int, str]] = []
        self._filling = False
        self._editing = False  # a cell of the table is being changed: redraw after

        self.chart_view = QChartView(self)
        self.chart_view.setObjectName("chart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.table = QTableWidget(self)
        self.table.setObjectName("demand_table")
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._item_changed)
        self.uncovered = QLabel(self)
        self.uncovered.setObjectName("uncovered")
        self.uncovered.setWordWrap(True)
        self.uncovered.setStyleSheet("color: #b00020;")
        why = QLabel(tr(WHY_THIS_SCORE), self)
        why.setObjectName("why_this_score")
        why.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart_view)
        splitter.addWidget(self.table)
        splitter.setSizes([420, 320])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.uncovered)
        layout.addWidget(why)
        self.refresh()
        document.changed.connect(self._on_changed)
        self.finished.connect(lambda _result: document.changed.disconnect(self._on_changed))

    def _on_changed(self, change: Change) -> None:
        if self.document.programme is not self.programme or not change.touches(SHOWS):
            return
        # Someone else's change heard as the link drops: the chart and table stay as they are.
        if self._editing:
            # The table is being edited when a toggle lands: rebuild it once that is over.
            self.document.follow_later(change, self.refresh, self)
        else:
            self.document.follow(change, self.refresh)

    def refresh(self) -> None:
        self.demand = topic_demand(self.programme)
        self.tours, focused = tour_focus(self.programme)
        self._show_chart()
        self._show_table(focused)
        names = [d.name for d in self.demand if d.uncovered]
        self.uncovered.setText(
            tr("Wanted, but no tour focuses on: ") + ", ".join(names) if names else ""
        )
        self.uncovered.setVisible(bool(names))

    def _show_chart(self) -> None:
        chart = QChart()
        chart.setTitle(tr("Managers who want each topic, by the rank they gave it"))
        series = QHorizontalStackedBarSeries()
        shown = list(reversed(self.demand))  # the most wanted on top
        for band, label in enumerate(RANK_BANDS):
            bar_set = QBarSet(tr(label))
            bar_set.append([float(_bands(d)[band]) for d in shown])
            series.append(bar_set)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.setTruncateLabels(False)
        small = categories.labelsFont()
        small.setPointSizeF(max(6.0, small.pointSizeF() - 2))
        categories.setLabelsFont(small)
        categories.append([d.name + (" ★" if d.is_priority else "") for d in shown])
        # Charts do not follow the layout direction: the topics go on the reading side, and
        # the bars grow from it.
        right_to_left = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        leading = Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft
        chart.addAxis(categories, leading)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setReverse(right_to_left)
        values.setLabelFormat("%d")
        values.setTitleText(tr("managers"))
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view.setChart(chart)

    def _show_table(self, focused: set[tuple[int, int]]) -> None:
        self._filling = True
        headings = [
            *(tr(h) for h in FIXED_COLUMNS),
            *(tr("Focus of {code}").format(code=code) for _, code in self.tours),
        ]
        self.table.clear()
        self.table.setColumnCount(len(headings))
        self.table.setHorizontalHeaderLabels(headings)
        self.table.setRowCount(len(self.demand))
        for row, demand in enumerate(self.demand):
            cells: list[QTableWidgetItem] = []
            priority = QTableWidgetItem()
            priority.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            priority.setCheckState(
                Qt.CheckState.Checked if demand.is_priority else Qt.CheckState.Unchecked
            )
            priority.setData(Qt.ItemDataRole.UserRole, ("priority", demand.id))
            cells.append(priority)
            texts = [
                demand.name,
                str(demand.wanted_by),
                *map(str, _bands(demand)),
                decimal(demand.score, 2),
            ]
            for text in texts:
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                cells.append(item)
            for tour_id, _code in self.tours:
                focus = QTableWidgetItem()
                focus.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                focus.setCheckState(
                    Qt.CheckState.Checked
                    if (tour_id, demand.id) in focused
                    else Qt.CheckState.Unchecked
                )
                focus.setData(Qt.ItemDataRole.UserRole, ("focus", demand.id, tour_id))
                cells.append(focus)
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._filling = False

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        role = item.data(Qt.ItemDataRole.UserRole)
        if not role:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        text: str
        apply: Callable[[bool], object]
        record: tuple[str, int] | None = None
        if role[0] == "priority":
            topic_id = role[1]
            name = next(d.name for d in self.demand if d.id == topic_id)
            text = f"Mark {name} as {'a priority' if checked else 'not a priority'}"
            apply = partial(set_priority, self.programme, topic_id)
            record = ("topic", topic_id)
        else:
            _, topic_id, tour_id = role
            code = next(c for t, c in self.tours if t == tour_id)
            text = f"{'Add' if checked else 'Remove'} a focus topic of {code}"
            apply = partial(set_focus, self.programme, tour_id, topic_id)
        self._editing = True
        try:
            self.document.push(Toggle(text, apply, checked, self.document, record))
        finally:
            self._editing = False
