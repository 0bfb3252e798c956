"""Programme > Allocate managers…: run the allocator off the UI thread, see the result as a
manager x tour grid and per-tour fill, pin or forbid pairs by clicking cells, re-run, read
each manager's explanation, compare with the obvious methods, and apply."""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.i18n import _, ngettext
from booster_desktop.services import allocation as allocator
from booster_desktop.services.allocation import Allocation, Instance
from booster_desktop.services.allocation_data import AppliedAllocation, apply_allocation_undoably
from booster_desktop.services.allocation_run import (
    METHODS,
    RANK_LOSS,
    AllocationOutcome,
    AllocationRequest,
    run_allocation,
)
from booster_desktop.services.changes import Action, Change
from booster_desktop.services.progress import Progress
from booster_desktop.ui.commands import ApplyAllocation
from booster_desktop.ui.document import Job, ProgrammeDocument
from booster_desktop.ui.help_dialogs import fit_to_screen
from booster_desktop.ui.texts import WHY_THIS_SCORE
from booster_desktop.ui.translation import QT_TR_NOOP, tr

ModelIndex = QModelIndex | QPersistentModelIndex
PINNED, FORBIDDEN = "pinned", "forbidden"
# Given is a pale green; a pin is blue with a drawn pin, a forbid red with a drawn cross: told
# apart by hue and by mark, not by a shade of green (nor by an emoji a system may lack).
GIVEN_COLOUR = QColor("#d7efdc")
PINNED_COLOUR = QColor("#c9dcf7")
PINNED_INK = QColor("#1d4f91")
FORBIDDEN_COLOUR = QColor("#f4c7c3")
FORBIDDEN_INK = QColor("#a3221a")
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
GRID_HELP = QT_TR_NOOP(
    "Click a cell to see why; click it again to pin the tour to the "
    "manager, again to forbid it, again to set it free (Space does the "
    "same). Then Run."
)
# What an allocation is computed from: a change to any of these outdates the one shown.
READS = (
    "enrolment",
    "manager.status",
    "manager.country_code",
    "tour",
    "topic_interest",
    "tour_focus_topic",
    "topic.is_priority",
)


class GridModel(QAbstractTableModel):
    """Managers down, tours across; a cell shows the manager's rank of the tour, coloured when
    given, and the coordinator's pin or forbid."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.instance: Instance | None = None
        self.result: Allocation | None = None
        self.managers: list[int] = []
        self.tours: list[str] = []
        self.choices: dict[tuple[int, str], str] = {}
        self.names: dict[int, str] = {}

    def show(self, instance: Instance, result: Allocation, names: dict[int, str]) -> None:
        self.beginResetModel()
        self.names = names
        self.instance, self.result = instance, result
        self.managers = sorted(instance.managers)
        self.tours = list(instance.tours)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.managers)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.tours)

    def pair(self, index: ModelIndex) -> tuple[int, str]:
        return self.managers[index.row()], self.tours[index.column()]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.instance is None or self.result is None:
            return None
        manager, code = self.pair(index)
        rank = self.instance.managers[manager].ranks[code]
        choice = self.choices.get((manager, code))
        given = code in self.result.assignment.get(manager, ())
        if role == Qt.ItemDataRole.DisplayRole:
            return str(rank)
        if role == CHOICE_ROLE:
            return choice
        if role == Qt.ItemDataRole.BackgroundRole:
            if choice == FORBIDDEN:
                return FORBIDDEN_COLOUR
            if choice == PINNED:
                return PINNED_COLOUR
            return GIVEN_COLOUR if given else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "given" if given else tr("not given")
            return tr("Manager {manager}, tour {code}: rank {rank}, {state}").format(
                manager=manager, code=code, rank=rank, state=state
            ) + (tr(", {choice} by you").format(choice=choice) if choice else "")
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tours[section]
        manager = self.managers[section]
        return f"{manager}  {self.names.get(manager, '')}"

    def cycle(self, index: ModelIndex) -> None:
        """Free -> pinned -> forbidden -> free."""
        pair = self.pair(index)
        following = {None: PINNED, PINNED: FORBIDDEN, FORBIDDEN: None}[self.choices.get(pair)]
        if following is None:
            self.choices.pop(pair, None)
        else:
            self.choices[pair] = following
        self.dataChanged.emit(index, index)

    def pins(self) -> tuple[tuple[int, str], ...]:
        return tuple(sorted(p for p, c in self.choices.items() if c == PINNED))

    def forbids(self) -> tuple[tuple[int, str], ...]:
        return tuple(sorted(p for p, c in self.choices.items() if c == FORBIDDEN))


class ChoiceMarks(QStyledItemDelegate):
    """Draws a pinned cell's pin and a forbidden cell's cross beside the rank, with lines
    (every system draws them; an emoji needs a font some lack)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().paint(painter, option, index)
        choice = index.data(CHOICE_ROLE)
        if choice is None:
            return
        rect = option.rect
        size = min(rect.height() - 6, 14)
        box = QRectF(rect.right() - size - 4, rect.top() + (rect.height() - size) / 2, size, size)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if choice == PINNED:
            draw_pin(painter, box)
        else:
            painter.setPen(QPen(FORBIDDEN_INK, 2))
            painter.drawLine(box.topLeft(), box.bottomRight())
            painter.drawLine(box.topRight(), box.bottomLeft())
        painter.restore()


def draw_pin(painter: QPainter, box: QRectF) -> None:
    """A drawing pin: a round head and its needle, in the pin's ink."""
    head = box.width() * 0.55
    centre = QPointF(box.center().x(), box.top() + head / 2)
    needle = (QPointF(centre.x(), centre.y() + head / 2), QPointF(centre.x(), box.bottom()))
    # A white halo first: the pin stays visible on the selection's blue.
    painter.setPen(QPen(QColor("white"), 3.5))
    painter.setBrush(QColor("white"))
    painter.drawEllipse(centre, head / 2 + 1, head / 2 + 1)
    painter.drawLine(*needle)
    painter.setPen(QPen(PINNED_INK, 1.5))
    painter.setBrush(PINNED_INK)
    painter.drawEllipse(centre, head / 2, head / 2)
    painter.drawLine(*needle)


class GridView(QTableView):
    """The grid: a click on the cell already selected cycles its choice (the first click only
    selects and explains); Space cycles the current cell."""

    cycle_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed_current = False

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        self._pressed_current = index.isValid() and index == self.currentIndex()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        super().mouseReleaseEvent(event)
        if (
            self._pressed_current
            and event.button() == Qt.MouseButton.LeftButton
            and index == self.currentIndex()
        ):
            self.cycle_requested.emit(index)
        self._pressed_current = False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            self.cycle_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


def _push_applied(
    document: ProgrammeDocument,
    programme: object,
    allocation: Allocation,
    basis: str,
    applied: AppliedAllocation,
) -> None:
    """An allocation stored on the pool becomes one undoable step (Edit > Undo puts back
    every enrolment as it was), unless its programme was closed meanwhile."""
    if document.programme is programme:
        document.push(ApplyAllocation(allocation, document, basis, applied))


class AllocationDialog(QDialog):
    """The allocation view."""

    applied = Signal()

    def __init__(self, document: ProgrammeDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allocation_dialog")
        self.setWindowTitle(tr("Allocate managers to tours"))
        fit_to_screen(self, 1100, 720)
        self.document = document
        assert document.programme is not None
        self.programme = document.programme
        self.instance: Instance | None = None
        self.allocation: Allocation | None = None
        self.outcome: AllocationOutcome | None = None
        self.task: Job | None = None
        self.forcing: Job | None = None

        self.per_manager = QSpinBox(self)
        self.per_manager.setObjectName("per_manager")
        self.per_manager.setRange(1, 10)
        self.per_manager.setValue(2)
        self.country_cap = QSpinBox(self)
        self.country_cap.setObjectName("country_cap")
        self.country_cap.setRange(0, 10_000)
        self.country_cap.setSpecialValueText(tr("no cap"))
        self.gamma = QDoubleSpinBox(self)
        self.gamma.setObjectName("gamma")
        self.gamma.setRange(0.5, 5.0)
        self.gamma.setSingleStep(0.5)
        self.gamma.setValue(1.0)
        self.gamma.setToolTip(
            tr(
                "Efficiency <-> fairness: 1 weighs every step down a manager's list "
                "alike; higher values make far-down tours much dearer, sparing the "
                "worst-off."
            )
        )
        self.run_button = QPushButton(tr("&Run"), self)
        self.run_button.setObjectName("run")
        self.run_button.clicked.connect(self.run)
        self.stop_button = QPushButton(tr("&Stop"), self)
        self.stop_button.hide()
        self.apply_button = QPushButton(tr("&Apply…"), self)
        self.apply_button.setObjectName("apply")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.bar = QProgressBar(self)
        self.bar.hide()
        self.summary = QLabel(tr("Choose the settings and press Run."), self)
        self.setToolTip(tr(WHY_THIS_SCORE))
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)

        settings = QFormLayout()
        settings.addRow(tr("&Tours per manager:"), self.per_manager)
        settings.addRow(tr("Most per &country per tour:"), self.country_cap)
        settings.addRow(tr("&Fairness (gamma):"), self.gamma)
        buttons = QHBoxLayout()
        for widget in (self.run_button, self.stop_button, self.apply_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)

        self.grid = GridModel(self)
        self.grid_view = GridView(self)
        self.grid_view.setObjectName("grid")
        self.grid_view.setModel(self.grid)
        self.grid_view.setItemDelegate(ChoiceMarks(self.grid_view))
        self.grid_view.setToolTip(tr(GRID_HELP))
        self.grid_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid_view.horizontalHeader().setDefaultSectionSize(56)
        self.grid_view.cycle_requested.connect(self._clicked)
        self.grid_view.selectionModel().currentChanged.connect(self._explain_current)
        self.explanation = QListWidget(self)
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.force_button = QPushButton(tr("What would giving this tour cost the others?"), self)
        self.force_button.setObjectName("force")
        self.force_button.clicked.connect(self._cost_of_forcing)
        explain_box = QWidget(self)
        explain_layout = QVBoxLayout(explain_box)
        explain_layout.setContentsMargins(0, 0, 0, 0)
        how = QLabel(tr(GRID_HELP), explain_box)
        how.setObjectName("grid_help")
        how.setWordWrap(True)
        explain_layout.addWidget(how)
        explain_layout.addWidget(QLabel(self._legend(), explain_box))
        explain_layout.addWidget(QLabel(tr("Why:"), explain_box))
        explain_layout.addWidget(self.explanation, 1)
        explain_layout.addWidget(self.force_button)
        splitter = QSplitter(self)
        splitter.addWidget(self.grid_view)
        splitter.addWidget(explain_box)
        splitter.setSizes([700, 400])

        self.fill = QTableWidget(0, 3, self)
        self.fill.setObjectName("fill")
        self.fill.setHorizontalHeaderLabels([tr("Tour"), tr("Seats taken"), tr("Countries")])
        self.fill.horizontalHeader().setStretchLastSection(True)
        self.compare = QTableWidget(0, 5, self)
        self.compare.setObjectName("comparison")
        self.compare.setHorizontalHeaderLabels(
            [
                tr("Method"),
                tr("Every place given"),
                _(RANK_LOSS).capitalize(),
                tr("Worst rank"),
                tr("Rank profile"),
            ]
        )
        self.compare.horizontalHeader().setStretchLastSection(True)
        pages = QTabWidget(self)
        pages.addTab(splitter, tr("&Managers x tours"))
        pages.addTab(self.fill, tr("Per-tour &fill"))
        pages.addTab(self.compare, tr("Compared with the &obvious methods"))

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addLayout(settings)
        top.addLayout(buttons, 1)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.bar)
        layout.addWidget(pages, 1)
        document.changed.connect(self._on_changed)
        self.finished.connect(lambda _result: document.changed.disconnect(self._on_changed))

    @staticmethod
    def _legend() -> str:
        def swatch(colour: QColor, text: str) -> str:
            return f'<span style="background:{colour.name()}">&nbsp;{text}&nbsp;</span>'

        return "  ".join(
            (
                swatch(GIVEN_COLOUR, tr("given")),
                swatch(PINNED_COLOUR, tr("pinned by you")),
                swatch(FORBIDDEN_COLOUR, tr("forbidden by you")),
            )
        )

    def _on_changed(self, change: Change) -> None:
        """A change made elsewhere to what the allocation was computed from outdates it."""
        if change.action is Action.ALLOCATION or self.allocation is None:
            return
        if self.document.programme is self.programme and change.touches(READS):
            self.apply_button.setEnabled(False)
            self.summary.setText(tr("The programme changed since: press Run to allocate again."))

    # -- running ------------------------------------------------------------------------------

    def run(self) -> None:
        if self.task is not None:
            return
        request = AllocationRequest(
            per_manager=self.per_manager.value(),
            max_per_country=self.country_cap.value() or None,
            gamma=self.gamma.value(),
            pins=self.grid.pins(),
            forbids=self.grid.forbids(),
        )
        programme = self.programme

        def work(progress: Progress) -> AllocationOutcome:
            return run_allocation(programme, request, progress, with_names=True)

        self.task = self.document.run(work, self._advance, self.stop_button.clicked)
        self.task.done.connect(self._done)
        self.task.failed.connect(self._failed)
        self.run_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        self.stop_button.show()
        self.bar.setRange(0, 0)
        self.bar.show()
        self.summary.setText(tr("Allocating…"))
        # The previous run's explanations no longer hold.
        self.explanation.clear()

    def _advance(self, done: int, total: int, what: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.bar.setFormat(f"{what}…")

    def _finished(self) -> None:
        self.task = None
        self.bar.hide()
        self.stop_button.hide()
        self.run_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self._finished()
        self.summary.setText(tr("No allocation: {message}").format(message=message))

    def _done(self, outcome: AllocationOutcome) -> None:
        self._finished()
        self.outcome = outcome
        instance, result = outcome.instance, outcome.allocation
        self.instance, self.allocation = instance, result
        # The same sentence as `booster allocate` prints.
        self.summary.setText(outcome.summary)
        current = self.grid_view.currentIndex()
        chosen = self.grid.pair(current) if current.isValid() and self.grid.instance else None
        self.grid.show(instance, result, outcome.names)
        # The cell chosen before stays chosen, and its manager is explained from this run.
        if chosen is not None and chosen[0] in instance.managers and chosen[1] in instance.tours:
            index = self.grid.index(
                self.grid.managers.index(chosen[0]), self.grid.tours.index(chosen[1])
            )
            self.grid_view.setCurrentIndex(index)
        self._explain_current(self.grid_view.currentIndex(), QModelIndex())
        self._show_fill(instance, result)
        self._show_comparison(outcome.comparison)
        self.apply_button.setEnabled(self.programme.writable)

    def _show_fill(self, instance: Instance, result: Allocation) -> None:
        by_tour: dict[str, Counter[str]] = {code: Counter() for code in instance.tours}
        for manager, codes in result.assignment.items():
            for code in codes:
                by_tour[code][instance.managers[manager].country] += 1
        self.fill.setRowCount(len(by_tour))
        for row, (code, countries) in enumerate(by_tour.items()):
            taken = sum(countries.values())
            cells = [
                code,
                f"{taken} / {instance.tours[code]}",
                ", ".join(f"{country} {n}" for country, n in sorted(countries.items())),
            ]
            for column, text in enumerate(cells):
                self.fill.setItem(row, column, QTableWidgetItem(text))

    def _show_comparison(self, compared: dict[str, dict[str, Any]]) -> None:
        self.compare.setRowCount(len(compared))
        for row, (key, line) in enumerate(compared.items()):
            method = METHODS[key]
            cells = [
                _(method.label).capitalize(),
                tr("yes")
                if line["complete"]
                else tr("no, {value} places not given").format(value=line["unmet_seats"]),
                f"{line['welfare']:g}",  # the summary's rank loss, gamma included
                str(line["worst_rank"]),
                ", ".join(
                    tr("{n}x rank {r}").format(n=n, r=r) for r, n in line["rank_profile"].items()
                ),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(f"{_(method.explanation)} ({_(method.technical)})")
                self.compare.setItem(row, column, item)
        self.compare.resizeColumnsToContents()

    # -- explaining and choosing ----------------------------------------------------------------

    def _clicked(self, index: QModelIndex) -> None:
        if self.grid.instance is not None:
            self.grid.cycle(index)
            # The result shown no longer matches the pins: run again before applying.
            self.apply_button.setEnabled(False)
            self.summary.setText(
                tr("Pins and forbidden pairs changed: press Run to allocate again.")
            )

    def _explain_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.explanation.clear()
        if self.instance is None or self.allocation is None or not current.isValid():
            return
        manager, _code = self.grid.pair(current)
        for line in allocator.explain(self.instance, self.allocation, manager):
            self.explanation.addItem(line)

    def _cost_of_forcing(self) -> None:
        index = self.grid_view.currentIndex()
        if self.instance is None or self.allocation is None or not index.isValid():
            return
        manager, code = self.grid.pair(index)
        if code in self.allocation.assignment.get(manager, ()):
            self.explanation.addItem(
                tr("{code} is already given to manager {manager}.").format(
                    code=code, manager=manager
                )
            )
            return
        # A whole re-solve: on the pool, so a large programme never freezes the window.
        instance, allocation = self.instance, self.allocation
        self.force_button.setEnabled(False)
        self.explanation.addItem(
            tr("Working out what giving {code} to manager {manager} costs…").format(
                code=code, manager=manager
            )
        )
        self.forcing = self.document.run(
            lambda _progress: allocator.cost_of_forcing(instance, allocation, manager, code)
        )
        self.forcing.done.connect(lambda cost: self._show_forcing(manager, code, cost))
        self.forcing.failed.connect(self._forcing_failed)

    def _forcing_failed(self, message: str) -> None:
        self.force_button.setEnabled(True)
        self.explanation.addItem(tr("Could not work it out: {message}").format(message=message))

    def _show_forcing(self, manager: int, code: str, cost: Any) -> None:
        self.force_button.setEnabled(True)
        if not cost.feasible:
            self.explanation.addItem(
                tr("Giving {code} to manager {manager} leaves places not given.").format(
                    code=code, manager=manager
                )
            )
            return
        moved = ", ".join(
            f"{m} ({'/'.join(before)} -> {'/'.join(after)})"
            for m, (before, after) in cost.moved.items()
        )
        others = ngettext(
            "{count} other manager would move", "{count} other managers would move", len(cost.moved)
        ).format(count=len(cost.moved))
        self.explanation.addItem(
            tr("To give manager {manager} {code}: {rank_loss} +{extra:g}; {others}").format(
                manager=manager, code=code, rank_loss=_(RANK_LOSS), extra=cost.extra, others=others
            )
            + (f": {moved}" if moved else "")
        )

    def apply(self) -> None:
        if self.allocation is None or self.outcome is None:
            return
        if self.allocation.status == "infeasible":
            question = tr("Some managers are short of their tours in this allocation. ")
            question += tr("Store it anyway as proposed enrolments?")
        else:
            question = tr("Store this allocation as proposed enrolments? Confirmed and cancelled ")
            question += tr("enrolments stay as they are; a backup is made first.")
        answer = QMessageBox.question(self, tr("Apply the allocation"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        # Stored on the pool: on a server it may wait for another coordinator's apply, and
        # the window stays responsive meanwhile. Then one undoable step: Edit > Undo puts
        # back every enrolment as it was.
        programme, allocation = self.programme, self.allocation
        basis = self.outcome.instance.basis

        def work(progress: Progress) -> AppliedAllocation:
            return apply_allocation_undoably(programme, allocation, basis, progress)

        document = self.document
        self.task = document.run(work, self._waiting)
        # The outcome reaches the document even if this dialog was closed meanwhile: what was
        # stored is still one undoable step, a refusal is still told.
        self.task.done.connect(partial(_push_applied, document, programme, allocation, basis))
        self.task.failed.connect(document.failed.emit)
        self.task.done.connect(self._applied)
        self.task.failed.connect(self._not_applied)
        self.run_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        self.summary.setText(tr("Storing the allocation…"))

    def _waiting(self, done: int, total: int, what: str) -> None:
        self.bar.setRange(0, 0)
        self.bar.show()
        self.summary.setText(what)

    def _applied(self, applied: AppliedAllocation) -> None:
        self._finished()
        self.summary.setText(
            tr(
                "Stored as proposed enrolments (Edit > Undo takes it back); the file "
                "as it was is at {backup}."
            ).format(backup=applied.backup)
        )
        self.apply_button.setEnabled(False)
        self.applied.emit()

    def _not_applied(self, message: str) -> None:
        self._finished()
        self.summary.setText(tr("Not stored: {message}").format(message=message))
        self.apply_button.setEnabled(self.programme.writable)
