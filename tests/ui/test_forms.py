"""The Designer forms (forms/*.ui) and the Python generated from them stay in step.

The generated modules are committed; when a form changes, run
`python -m booster_desktop.ui.generated` and commit both.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from booster_desktop.ui.generated.__main__ import FORMS_DIR, GENERATED_DIR, generate, output_name

# uic's header names the uic version (and may name a date): the only lines allowed to differ.
_HEADER_VERSION = re.compile(r"^## Created by: .*$", re.MULTILINE)
_UIC_VERSION = re.compile(r"Compiler version (\S+)")

# form stem -> (top-level class in the .ui, window title, {object name: widget type})
FORMS: dict[str, tuple[str, str, dict[str, type[QWidget]]]] = {
    "manager_editor": (
        "ManagerEditor",
        "Manager",
        {
            "given_name": QLineEdit,
            "family_name": QLineEdit,
            "name_error": QLabel,
            "arabic_name": QLineEdit,
            "country": QComboBox,
            "country_error": QLabel,
            "organisation": QComboBox,
            "role": QLineEdit,
            "email": QLineEdit,
            "email_error": QLabel,
            "phone": QLineEdit,
            "gender": QComboBox,
            "status": QComboBox,
            "dietary_needs": QLineEdit,
            "accessibility_needs": QLineEdit,
            "notes": QPlainTextEdit,
            "travel_group": QGroupBox,
            "show_travel": QCheckBox,
            "nationality": QComboBox,
            "passport_number": QLineEdit,
            "passport_expiry": QLineEdit,
            "date_of_birth": QLineEdit,
            "travel_error": QLabel,
            "buttons": QDialogButtonBox,
        },
    ),
    "topic_editor": (
        "TopicEditor",
        "Topic",
        {
            "name": QLineEdit,
            "name_error": QLabel,
            "description": QPlainTextEdit,
            "is_priority": QCheckBox,
            "buttons": QDialogButtonBox,
        },
    ),
    "tour_editor": (
        "TourEditor",
        "Tour",
        {
            "code": QLineEdit,
            "code_error": QLabel,
            "title": QLineEdit,
            "title_error": QLabel,
            "region": QLineEdit,
            "city": QLineEdit,
            "country": QComboBox,
            "host_agency": QComboBox,
            "start_date": QDateEdit,
            "end_date": QDateEdit,
            "dates_error": QLabel,
            "capacity": QSpinBox,
            "capacity_error": QLabel,
            "time_zone": QComboBox,
            "time_zone_error": QLabel,
            "notes": QPlainTextEdit,
            "buttons": QDialogButtonBox,
        },
    ),
    "session_editor": (
        "SessionEditor",
        "Session",
        {
            "tour": QComboBox,
            "kind": QComboBox,
            "title": QLineEdit,
            "title_error": QLabel,
            "date": QDateEdit,
            "date_warning": QLabel,
            "start_time": QTimeEdit,
            "end_time": QTimeEdit,
            "time_error": QLabel,
            "venue": QLineEdit,
            "address": QLineEdit,
            "transfer_mode": QLineEdit,
            "transfer_minutes": QSpinBox,
            "description": QPlainTextEdit,
            "buttons": QDialogButtonBox,
        },
    ),
    "programme_details": (
        "ProgrammeDetails",
        "Programme details",
        {
            "title": QLineEdit,
            "title_error": QLabel,
            "coordinator_name": QLineEdit,
            "coordinator_name_error": QLabel,
            "coordinator_title": QLineEdit,
            "coordinator_title_error": QLabel,
            "coordinator_email": QLineEdit,
            "coordinator_email_error": QLabel,
            "coordinator_phone": QLineEdit,
            "coordinator_phone_error": QLabel,
            "emergency_phone": QLineEdit,
            "emergency_phone_error": QLabel,
            "hotel_name": QLineEdit,
            "hotel_name_error": QLabel,
            "hotel_address": QLineEdit,
            "hotel_address_error": QLabel,
            "hotel_phone": QLineEdit,
            "hotel_phone_error": QLabel,
            "contact_name": QLineEdit,
            "contact_name_error": QLabel,
            "contact_phone": QLineEdit,
            "contact_phone_error": QLabel,
            "contact_email": QLineEdit,
            "contact_email_error": QLabel,
            "key": QLabel,
            "logo_preview": QLabel,
            "logo_error": QLabel,
            "choose_logo": QPushButton,
            "remove_logo": QPushButton,
            "tour": QComboBox,
            "buttons": QDialogButtonBox,
        },
    ),
}


def _set_up(stem: str, qtbot: QtBot) -> tuple[Any, QDialog]:
    class_name, _, _ = FORMS[stem]
    module = importlib.import_module(f"booster_desktop.ui.generated.{stem}_form")
    ui = getattr(module, f"Ui_{class_name}")()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    ui.setupUi(dialog)
    return ui, dialog


def test_every_form_has_a_spec_and_a_generated_module() -> None:
    assert sorted(p.stem for p in FORMS_DIR.glob("*.ui")) == sorted(FORMS)
    assert sorted(p.name for p in GENERATED_DIR.glob("*_form.py")) == sorted(
        f"{stem}_form.py" for stem in FORMS
    )


@pytest.mark.parametrize("stem", sorted(FORMS))
def test_the_generated_module_is_up_to_date(stem: str, tmp_path: Path) -> None:
    form = FORMS_DIR / f"{stem}.ui"
    committed = (GENERATED_DIR / output_name(form)).read_text(encoding="utf-8")
    fresh = generate(form, tmp_path).read_text(encoding="utf-8")
    uic_versions = {m.group(1) for m in map(_UIC_VERSION.search, (committed, fresh)) if m}
    assert _HEADER_VERSION.sub("", fresh) == _HEADER_VERSION.sub("", committed), (
        f"booster_desktop/ui/generated/{output_name(form)} is stale: run "
        f"`python -m booster_desktop.ui.generated` (uic versions: {sorted(uic_versions)})"
    )


@pytest.mark.parametrize("stem", sorted(FORMS))
def test_the_form_has_every_named_widget(stem: str, qtbot: QtBot) -> None:
    class_name, title, widgets = FORMS[stem]
    ui, dialog = _set_up(stem, qtbot)
    assert dialog.objectName() == class_name
    assert dialog.windowTitle() == title
    assert dialog.minimumWidth() >= 500
    for name, widget_type in widgets.items():
        widget = getattr(ui, name, None)
        assert isinstance(widget, widget_type), f"{stem}: {name} is {type(widget).__name__}"
        assert widget.objectName() == name


@pytest.mark.parametrize("stem", sorted(FORMS))
def test_the_buttons_are_save_and_cancel_and_error_labels_start_empty(
    stem: str, qtbot: QtBot
) -> None:
    ui, _dialog = _set_up(stem, qtbot)
    buttons = ui.buttons
    assert isinstance(buttons, QDialogButtonBox)
    assert buttons.standardButtons() == (
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    messages = [name for name in FORMS[stem][2] if name.endswith(("_error", "_warning"))]
    assert messages
    for name in messages:
        label = getattr(ui, name)
        assert isinstance(label, QLabel)
        assert label.text() == ""
        assert label.wordWrap()
        assert "color: #" in label.styleSheet()


@pytest.mark.parametrize("stem", sorted(FORMS))
def test_every_label_with_a_mnemonic_has_a_buddy(stem: str, qtbot: QtBot) -> None:
    _ui, dialog = _set_up(stem, qtbot)
    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert labels
    for label in labels:
        assert label.buddy() is not None, f"{stem}: {label.objectName()} has no buddy"
