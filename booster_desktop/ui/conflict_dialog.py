"""A save refused because someone else changed the record meanwhile: who, when, and each
field that differs side by side (yours | theirs now), the user choosing per field.

Defaults: theirs where only they changed the field, yours where only you did; where both
changed it, a choice is required before saving. The choice is saved as a new edit over their
version (through the undo stack); cancelling keeps theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, time
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.field_words import field_word
from booster_desktop.services.changes import ChangedMeanwhile
from booster_desktop.ui.translation import tr

Index = QModelIndex | QPersistentModelIndex

# Travel data stays masked here as in the manager's editor: the choice is made blind.
_MASKED = frozenset({"passport_number", "passport_expiry", "date_of_birth", "nationality"})


@dataclass(frozen=True)
class Conflict:
    """A refused save: the record, the details the user wanted (`yours`), those the save
    started from (`base`), and the refusal (who changed it, when)."""

    entity: Any
    record_id: int
    yours: Any
    base: Any
    refusal: ChangedMeanwhile


class Pick(IntEnum):
    YOURS = 1
    THEIRS = 2


@dataclass
class FieldChoice:
    """One field that differs: both values and what is kept (None: still to choose)."""

    name: str
    yours: object
    theirs: object
    you_changed: bool
    they_changed: bool
    pick: Pick | None


def field_choices(base: Any, yours: Any, theirs: Any) -> list[FieldChoice]:
    """The fields whose value the user and the other person left different, with the
    default choice: theirs where only they changed it, yours where only you did, none
    where both did."""
    found = []
    for item in fields(yours):
        name = item.name
        if name == "version":
            continue
        mine, was, now = getattr(yours, name), getattr(base, name), getattr(theirs, name)
        if mine == now:
            continue
        you, they = mine != was, now != was
        pick = None if you and they else Pick.YOURS if you else Pick.THEIRS
        found.append(FieldChoice(name, mine, now, you, they, pick))
    return found


def _shown(name: str, value: object) -> str:
    if name in _MASKED:
        return "••••••" if value else ""
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


class ChoiceModel(QAbstractTableModel):
    """Field | Yours | Theirs now: the value columns are check boxes, one per row ticked."""

    FIELD, YOURS, THEIRS = range(3)

    def __init__(
        self, choices: list[FieldChoice], table: str, parent: QWidget | None = None
    ) -> None:
        """`table`: the record's table, whose words name the fields."""
        super().__init__(parent)
        self.choices = choices
        self.table = table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.choices)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (tr("Field"), tr("Yours"), tr("Theirs now"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.FIELD:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        choice, column = self.choices[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FIELD:
                label = field_word(self.table, choice.name)
                return f"{label} *" if choice.you_changed and choice.they_changed else label
            value = choice.yours if column == self.YOURS else choice.theirs
            return _shown(choice.name, value)
        if role == Qt.ItemDataRole.CheckStateRole and column != self.FIELD:
            wanted = Pick.YOURS if column == self.YOURS else Pick.THEIRS
            return (
                Qt.CheckState.Checked if choice.pick == wanted else Qt.CheckState.Unchecked
            ).value
        if role == Qt.ItemDataRole.ToolTipRole and column != self.FIELD:  # a long value whole
            return _shown(choice.name, choice.yours if column == self.YOURS else choice.theirs)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.FIELD:
            if choice.you_changed and choice.they_changed:
                return tr("Both of you changed this field: choose one")
            return tr("Only you changed it") if choice.you_changed else tr("Only they changed it")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() == self.FIELD:
            return False
        if Qt.CheckState(value) != Qt.CheckState.Checked:
            return False  # a row always keeps one side once chosen: tick the other to switch
        self.choose(index.row(), Pick.YOURS if index.column() == self.YOURS else Pick.THEIRS)
        return True

    def choose(self, row: int, pick: Pick) -> None:
        self.choices[row].pick = pick
        self.dataChanged.emit(self.index(row, self.YOURS), self.index(row, self.THEIRS))

    def complete(self) -> bool:
        return all(choice.pick is not None for choice in self.choices)


class ConflictDialog(QDialog):
    """Who changed the record and when; the fields side by side; Save my choice / Cancel."""

    def __init__(self, conflict: Conflict, theirs: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(tr("Changed by someone else"))
        self.conflict, self.theirs = conflict, theirs
        refusal = conflict.refusal
        when = refusal.at.astimezone().strftime("%Y-%m-%d %H:%M") if refusal.at else "?"
        layout = QVBoxLayout(self)
        self.label = QLabel(
            tr(
                "{who} changed this {singular} at {when} while you were editing it: your "
                "change was not saved. Choose, field by field, what to keep (* both of you "
                "changed it)."
            ).format(who=refusal.who, singular=tr(conflict.entity.singular), when=when),
            self,
        )
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.model = ChoiceModel(
            field_choices(conflict.base, conflict.yours, theirs), conflict.entity.table, self
        )
        self.table = QTableView(self)
        self.table.setObjectName("conflict_fields")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(
            tr("Save my choice"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.model.dataChanged.connect(self._update_button)
        self._update_button()
        self.table.resizeRowsToContents()
        # As tall as its rows need (a few fields usually), never taller than a laptop screen.
        self.resize(680, min(520, 150 + 34 * max(1, self.model.rowCount())))

    def _update_button(self) -> None:
        self.save_button.setEnabled(self.model.complete())

    def chosen(self) -> Any:
        """Their details with the user's value in each field where the user chose theirs
        over... their own: at their version, so the save goes over exactly what was shown."""
        mine = {c.name: c.yours for c in self.model.choices if c.pick == Pick.YOURS}
        return replace(self.theirs, **mine)
