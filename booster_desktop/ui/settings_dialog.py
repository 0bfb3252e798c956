"""Edit > Settings…: built from the settings' declarations (`services/settings.py`), one page
for this laptop and one for the open programme. What it saves is what `booster settings`
reads, and the other way round."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.services import settings as declared
from booster_desktop.services.programme import ProgrammeFile
from booster_desktop.services.settings import Scope, Setting
from booster_desktop.ui.translation import tr


def _editor(setting: Setting[Any], parent: QWidget) -> QWidget:
    """The widget for one setting, named after it, its description as the tooltip."""
    widget: QWidget
    if setting.choices:
        combo = QComboBox(parent)
        for value, label in setting.choices:
            label = _(label)
            combo.addItem(label, value)
        widget = combo
    elif setting.kind is bool:
        widget = QCheckBox(parent)
    elif setting.kind is int:
        spin = QSpinBox(parent)
        spin.setRange(int(setting.minimum or 0), int(setting.maximum or 1_000_000))
        spin.setSuffix(setting.unit_words)
        widget = spin
    elif setting.kind is float:
        double = QDoubleSpinBox(parent)
        double.setDecimals(2)
        double.setSingleStep(0.5)
        double.setRange(setting.minimum or -1e6, setting.maximum or 1e6)
        double.setSuffix(setting.unit_words)
        widget = double
    else:
        line = QLineEdit(parent)
        if setting.max_length is not None:
            line.setMaxLength(setting.max_length)
        if setting.secret:
            line.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        if setting is declared.DEVICE_NAME:
            line.setPlaceholderText(declared.device_name())
        widget = line
    widget.setObjectName(setting.name)
    widget.setToolTip(_(setting.description))
    return widget


def _set(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))


def _get(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(f"no value in {widget!r}")


class SettingsDialog(QDialog):
    """This laptop's settings and, when a programme is open for writing, the programme's."""

    def __init__(self, programme: ProgrammeFile | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(tr("Settings"))
        self.setMinimumWidth(560)
        self.programme = programme
        self.editors: dict[str, QWidget] = {}
        self.shown: dict[str, Any] = {}

        pages = QTabWidget(self)
        self.pages = pages
        for scope, title in (
            (Scope.LAPTOP, tr("This &laptop")),
            (Scope.PROGRAMME, tr("This &programme")),
        ):
            page = QWidget(pages)
            page.setObjectName(f"{scope.value}_page")
            form = QFormLayout(page)
            if scope is Scope.LAPTOP:
                note = tr("Kept on this laptop for every programme, in {declared}.").format(
                    declared=declared.settings_path()
                )
            elif programme is None:
                note = tr("Open a programme (not read-only) to change its settings.")
            else:
                note = tr("Kept in the programme file, on every copy: {name}.").format(
                    name=programme.path.name
                )
            label = QLabel(note, page)
            label.setWordWrap(True)
            form.addRow(label)
            for setting in declared.SETTINGS:
                if setting.scope is scope:
                    editor = _editor(setting, page)
                    editor.setEnabled(scope is Scope.LAPTOP or programme is not None)
                    self.editors[setting.name] = editor
                    form.addRow(tr("{label}:").format(label=_(setting.label)), editor)
            pages.addTab(page, title)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.setObjectName("buttons")
        self.buttons = buttons
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setToolTip(
            tr("Put the defaults back on the page shown (saved when you press Save)")
        )
        restore.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(pages)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        """Show the values stored now (a settings file that cannot be read: its defaults)."""
        try:
            values = declared.laptop_settings()
        except BoosterError as error:
            QMessageBox.warning(self, tr("The laptop's settings were not read"), str(error))
            values = {s.name: s.default for s in declared.SETTINGS if s.scope is Scope.LAPTOP}
        if self.programme is not None:
            values |= declared.programme_settings(self.programme)
        self.shown = values
        for name, value in values.items():
            _set(self.editors[name], value)

    def values(self, scope: Scope) -> dict[str, Any]:
        """What the page of `scope` shows now."""
        return {s.name: _get(self.editors[s.name]) for s in declared.SETTINGS if s.scope is scope}

    def restore_defaults(self) -> None:
        scope = Scope.LAPTOP if self.pages.currentIndex() == 0 else Scope.PROGRAMME
        for setting in declared.SETTINGS:
            if setting.scope is scope:
                _set(self.editors[setting.name], setting.default)

    def accept(self) -> None:
        """Save what changed; a refused value is named and the dialog stays open."""
        try:
            laptop = {k: v for k, v in self.values(Scope.LAPTOP).items() if v != self.shown.get(k)}
            programme = {
                k: v for k, v in self.values(Scope.PROGRAMME).items() if v != self.shown.get(k)
            }
            # Every value checked before any is saved: nothing half-saved.
            for name, value in (laptop | programme).items():
                declared.setting(name).check(value)
            if laptop:
                declared.save_laptop_settings(laptop)
            if programme and self.programme is not None:
                declared.save_programme_settings(self.programme, programme)
        except BoosterError as error:
            QMessageBox.critical(self, tr("The settings were not saved"), str(error))
            return
        super().accept()
