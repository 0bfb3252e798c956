"""The editor dialogs: layouts from the Designer forms in forms/, behaviour here.

Each editor shows one record's details, checks them through the services when Save is
pressed, and shows each problem next to its field; nothing is written until the details are
valid, and the window then saves them through an undoable command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QWidget,
)

from booster_desktop.domain.kinds import Diet, diets_text, parse_diets
from booster_desktop.services.managers import ManagerDetails
from booster_desktop.services.sessions import SessionDetails
from booster_desktop.services.topics import TopicDetails
from booster_desktop.services.tours import TourDetails
from booster_desktop.ui.generated.manager_editor_form import Ui_ManagerEditor
from booster_desktop.ui.generated.session_editor_form import Ui_SessionEditor
from booster_desktop.ui.generated.topic_editor_form import Ui_TopicEditor
from booster_desktop.ui.generated.tour_editor_form import Ui_TourEditor
from booster_desktop.ui.translation import tr

D = TypeVar("D")
Check = Callable[[D], dict[str, str]]


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
    """Items as (text shown, data kept)."""
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)


def select_data(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable() and isinstance(data, str):
        combo.setEditText(data)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class RecordEditor(QDialog, Generic[D]):
    """A dialog that edits one record's details and refuses to close on invalid ones."""

    def __init__(self, check: Check[D], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self._error_labels: dict[str, QLabel] = {}

    def _wire(self, error_labels: dict[str, QLabel]) -> None:
        """Where each problem key is shown; the labels stay hidden until there is one."""
        self._error_labels = error_labels
        for label in error_labels.values():
            label.hide()

    # Abstract: each editor reads and fills its own form (Qt's metaclass rules out ABCMeta).
    def details(self) -> D:
        raise NotImplementedError

    def set_details(self, details: D) -> None:
        raise NotImplementedError

    def offer_history(self, show: Callable[[], None]) -> None:
        """A History… button beside Save (for a record that exists): `show` opens its list."""
        box = self.findChild(QDialogButtonBox)
        if box is None:
            return
        button = box.addButton(tr("&History…"), QDialogButtonBox.ButtonRole.HelpRole)
        button.setObjectName("history")
        button.setAutoDefault(False)
        button.clicked.connect(show)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each problem beside its field; one with no field of its own under the first field."""
        fallback = next(iter(self._error_labels.values()))
        texts: dict[int, list[str]] = {}
        for key, message in problems.items():
            label = self._error_labels.get(key, fallback)
            texts.setdefault(id(label), []).append(message)
        for label in self._error_labels.values():
            lines = texts.get(id(label))
            label.setText("\n".join(lines or ()))
            label.setVisible(bool(lines))

    def accept(self) -> None:
        problems = self._check(self.details())
        self.show_problems(problems)
        if not problems:
            super().accept()


class ManagerEditor(RecordEditor[ManagerDetails]):
    def __init__(
        self,
        check: Check[ManagerDetails],
        countries: Sequence[tuple[str, str]],
        organisations: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(check, parent)
        self.form = Ui_ManagerEditor()
        self.form.setupUi(self)
        form = self.form
        country_items = [(f"{name} ({code})", code) for code, name in countries]
        fill_combo(form.country, country_items)
        fill_combo(form.nationality, [("", ""), *country_items])
        fill_combo(form.organisation, [(name, name) for name in organisations])
        fill_combo(
            form.gender,
            [("", ""), (tr("Female"), "female"), (tr("Male"), "male"), (tr("Other"), "other")],
        )
        fill_combo(
            form.status,
            [(tr("Active"), "active"), (tr("Withdrawn (kept, not allocated)"), "withdrawn")],
        )
        form.buttons.accepted.connect(self.accept)
        form.buttons.rejected.connect(self.reject)
        form.show_travel.toggled.connect(self._show_travel)
        self._wire(
            {
                "name": form.name_error,
                "country": form.country_error,
                "email": form.email_error,
                "phone": form.email_error,  # the contact details' line
                "travel": form.travel_error,
            },
        )
        self._show_travel(False)

    def add_person_buttons(self, export: Callable[[], None], erase: Callable[[], None]) -> None:
        """Export this person's data… and Erase this person…, beside Save and Cancel."""
        role = QDialogButtonBox.ButtonRole.ActionRole
        exporting = self.form.buttons.addButton(tr("Export data…"), role)
        exporting.setToolTip(tr("Export this person's data: everything the file holds about them"))
        exporting.setObjectName("export_person")
        exporting.setAutoDefault(False)
        exporting.clicked.connect(export)
        erasing = self.form.buttons.addButton(tr("Erase person…"), role)
        erasing.setToolTip(tr("Erase this person's data from the programme and its backups"))
        erasing.setObjectName("erase_person")
        erasing.setAutoDefault(False)
        erasing.clicked.connect(erase)

    def _show_travel(self, shown: bool) -> None:
        """Travel documents are sensitive: masked until asked for."""
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in (
            self.form.passport_number,
            self.form.passport_expiry,
            self.form.date_of_birth,
        ):
            field.setEchoMode(mode)
        # The nationality is travel data too: its row is hidden until asked for.
        self.form.travel_form.setRowVisible(self.form.nationality, shown)

    def set_details(self, details: ManagerDetails) -> None:
        form = self.form
        form.given_name.setText(details.given_name)
        form.family_name.setText(details.family_name)
        form.arabic_name.setText(details.arabic_name)
        select_data(form.country, details.country_code)
        if not details.country_code:
            form.country.setCurrentIndex(-1)
        form.city.setText(details.city)
        form.organisation.setEditText(details.organisation)
        form.role.setText(details.role)
        form.email.setText(details.email)
        form.phone.setText(details.phone)
        select_data(form.gender, details.gender)
        select_data(form.status, details.status)
        ticked = parse_diets(details.diets)
        for diet in Diet:
            getattr(form, f"diet_{diet.value}").setChecked(diet in ticked)
        form.dietary_needs.setText(details.dietary_needs)
        form.accessibility_needs.setText(details.accessibility_needs)
        form.notes.setPlainText(details.notes)
        select_data(form.nationality, details.nationality)
        form.passport_number.setText(details.passport_number)
        form.passport_expiry.setText(details.passport_expiry)
        form.date_of_birth.setText(details.date_of_birth)

    def details(self) -> ManagerDetails:
        form = self.form
        return ManagerDetails(
            given_name=form.given_name.text(),
            family_name=form.family_name.text(),
            arabic_name=form.arabic_name.text(),
            country_code=str(form.country.currentData() or ""),
            city=form.city.text(),
            organisation=form.organisation.currentText(),
            role=form.role.text(),
            email=form.email.text(),
            phone=form.phone.text(),
            gender=str(form.gender.currentData() or ""),
            status=str(form.status.currentData() or "active"),
            diets=diets_text([d for d in Diet if getattr(form, f"diet_{d.value}").isChecked()])
            or "",
            dietary_needs=form.dietary_needs.text(),
            accessibility_needs=form.accessibility_needs.text(),
            notes=form.notes.toPlainText(),
            nationality=str(form.nationality.currentData() or ""),
            passport_number=form.passport_number.text(),
            passport_expiry=form.passport_expiry.text(),
            date_of_birth=form.date_of_birth.text(),
        )


class TopicEditor(RecordEditor[TopicDetails]):
    def __init__(self, check: Check[TopicDetails], parent: QWidget | None = None) -> None:
        super().__init__(check, parent)
        self.form = Ui_TopicEditor()
        self.form.setupUi(self)
        self.form.buttons.accepted.connect(self.accept)
        self.form.buttons.rejected.connect(self.reject)
        self._wire({"name": self.form.name_error})

    def set_details(self, details: TopicDetails) -> None:
        self.form.name.setText(details.name)
        self.form.description.setPlainText(details.description)
        self.form.is_priority.setChecked(details.is_priority)

    def details(self) -> TopicDetails:
        return TopicDetails(
            self.form.name.text(),
            self.form.description.toPlainText(),
            self.form.is_priority.isChecked(),
        )


class TourEditor(RecordEditor[TourDetails]):
    def __init__(
        self,
        check: Check[TourDetails],
        countries: Sequence[tuple[str, str]],
        host_agencies: Sequence[str],
        time_zones: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(check, parent)
        self.form = Ui_TourEditor()
        self.form.setupUi(self)
        form = self.form
        fill_combo(form.country, [(f"{name} ({code})", code) for code, name in countries])
        fill_combo(form.host_agency, [(name, name) for name in host_agencies])
        fill_combo(form.time_zone, [(zone, zone) for zone in time_zones])
        form.buttons.accepted.connect(self.accept)
        form.buttons.rejected.connect(self.reject)
        self._wire(
            {
                "code": form.code_error,
                "title": form.title_error,
                "dates": form.dates_error,
                "capacity": form.capacity_error,
                "time_zone": form.time_zone_error,
            },
        )

    def set_details(self, details: TourDetails) -> None:
        form = self.form
        form.code.setText(details.code)
        form.title.setText(details.title)
        form.region.setText(details.region)
        form.city.setText(details.city)
        select_data(form.country, details.country_code)
        form.host_agency.setEditText(details.host_agency)
        form.start_date.setDate(_qdate(details.start_date))
        form.end_date.setDate(_qdate(details.end_date))
        form.capacity.setValue(details.capacity)
        form.time_zone.setEditText(details.time_zone)
        form.notes.setPlainText(details.notes)

    def details(self) -> TourDetails:
        form = self.form
        return TourDetails(
            code=form.code.text(),
            title=form.title.text(),
            region=form.region.text(),
            city=form.city.text(),
            country_code=str(form.country.currentData() or ""),
            host_agency=form.host_agency.currentText(),
            start_date=_date(form.start_date.date()),
            end_date=_date(form.end_date.date()),
            capacity=form.capacity.value(),
            time_zone=form.time_zone.currentText(),
            notes=form.notes.toPlainText(),
        )


class SessionEditor(RecordEditor[SessionDetails]):
    def __init__(
        self,
        check: Check[SessionDetails],
        warn: Check[SessionDetails],
        tours: Sequence[tuple[int, str, str]],
        kinds: Sequence[str],
        parent: QWidget | None = None,
        organisations: Sequence[str] = (),
        topics: Sequence[str] = (),
    ) -> None:
        super().__init__(check, parent)
        self._warn = warn
        self.form = Ui_SessionEditor()
        self.form.setupUi(self)
        form = self.form
        fill_combo(form.tour, [(f"{code} — {title}", tour_id) for tour_id, code, title in tours])
        fill_combo(form.kind, [(kind.capitalize(), kind) for kind in kinds])
        fill_combo(form.visited_organisation, [("", ""), *((n, n) for n in organisations)])
        for name in topics:
            entry = QListWidgetItem(name, form.topics)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        form.buttons.accepted.connect(self.accept)
        form.buttons.rejected.connect(self.reject)
        form.date.dateChanged.connect(self._update_warning)
        form.tour.currentIndexChanged.connect(self._update_warning)
        self._wire({"title": form.title_error, "time": form.time_error})
        form.date_warning.hide()

    def _update_warning(self) -> None:
        warnings = self._warn(self.details())
        self.form.date_warning.setText(warnings.get("date", ""))
        self.form.date_warning.setVisible("date" in warnings)

    def set_details(self, details: SessionDetails) -> None:
        form = self.form
        select_data(form.tour, details.tour_id)
        select_data(form.kind, details.kind)
        form.title.setText(details.title)
        form.date.setDate(_qdate(details.date))
        form.start_time.setTime(_qtime(details.start_time))
        form.end_time.setTime(_qtime(details.end_time))
        form.venue.setText(details.venue)
        form.address.setText(details.address)
        form.transfer_mode.setText(details.transfer_mode)
        form.transfer_minutes.setValue(details.transfer_minutes)
        form.description.setPlainText(details.description)
        form.visited_organisation.setEditText(details.visited_organisation)
        form.contact_name.setText(details.contact_name)
        form.contact_phone.setText(details.contact_phone)
        wanted = set(details.topics)
        for row in range(form.topics.count()):
            entry = form.topics.item(row)
            checked = entry.text() in wanted
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._update_warning()

    def details(self) -> SessionDetails:
        form = self.form
        return SessionDetails(
            tour_id=int(form.tour.currentData() or 0),
            kind=str(form.kind.currentData() or "training"),
            title=form.title.text(),
            date=_date(form.date.date()),
            start_time=_time(form.start_time.time()),
            end_time=_time(form.end_time.time()),
            venue=form.venue.text(),
            address=form.address.text(),
            transfer_mode=form.transfer_mode.text(),
            transfer_minutes=form.transfer_minutes.value(),
            description=form.description.toPlainText(),
            visited_organisation=form.visited_organisation.currentText(),
            contact_name=form.contact_name.text(),
            contact_phone=form.contact_phone.text(),
            topics=tuple(
                form.topics.item(row).text()
                for row in range(form.topics.count())
                if form.topics.item(row).checkState() == Qt.CheckState.Checked
            ),
        )
