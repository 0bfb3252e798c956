"""Managers for the editor: their details, the rules they must meet, saving them."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from booster_desktop.domain.badge import BadgeToken, new_token
from booster_desktop.domain.country import Country
from booster_desktop.domain.kinds import Gender, ManagerStatus, OrganisationKind
from booster_desktop.domain.manager import Manager, TravelDocument, person_key
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.text import clean, clean_email, is_email
from booster_desktop.i18n import _
from booster_desktop.services.manager_checks import field_problems, stored_phone
from booster_desktop.services.organisations import organisation_id
from booster_desktop.services.phones import national_phone
from booster_desktop.services.text_checks import without_controls
from booster_desktop.services.validation import InvalidRecord, parse_date
from booster_desktop.store.changes import changed_columns, report
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.versions import versioned_update


@dataclass(frozen=True)
class ManagerDetails:
    """Everything the manager editor shows and saves; text as typed, dates as ISO text."""

    given_name: str = ""
    family_name: str = ""
    arabic_name: str = ""
    country_code: str = ""
    city: str = ""
    organisation: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    gender: str = ""
    status: str = ManagerStatus.ACTIVE.value
    diets: str = ""  # the common diets ticked: codes, as `diets_text` writes them
    dietary_needs: str = ""
    accessibility_needs: str = ""
    notes: str = ""
    nationality: str = ""
    passport_number: str = ""
    passport_expiry: str = ""
    date_of_birth: str = ""
    # The version the details were read at: saving them over a later one is refused.
    version: int | None = field(default=None, compare=False)

    def cleaned(self) -> ManagerDetails:
        # One-line fields lose control characters (terminal escapes, bidi overrides) as in
        # the import.
        values = {
            f.name: clean(without_controls(getattr(self, f.name))[0])
            for f in fields(self)
            if f.name != "version"
        }
        values["email"] = clean_email(self.email)
        values["notes"] = self.notes.strip()
        values["country_code"] = values["country_code"].upper()
        values["nationality"] = values["nationality"].upper()
        return ManagerDetails(**values, version=self.version)


def manager_details(programme: ProgrammeFile, manager_id: int) -> ManagerDetails:
    with programme.session() as session:
        manager = session.get_one(Manager, manager_id)
        travel = manager.travel
        organisation = (
            session.get(Organisation, manager.organisation_id) if manager.organisation_id else None
        )
        return ManagerDetails(
            given_name=manager.given_name,
            family_name=manager.family_name,
            arabic_name=manager.arabic_name or "",
            country_code=manager.country_code,
            city=manager.city or "",
            organisation=organisation.name if organisation else "",
            role=manager.role or "",
            email=manager.email or "",
            phone=national_phone(manager.phone, manager.country_code) if manager.phone else "",
            gender=manager.gender.value if manager.gender else "",
            status=manager.status.value,
            diets=manager.diets or "",
            dietary_needs=manager.dietary_needs or "",
            accessibility_needs=manager.accessibility_needs or "",
            notes=manager.notes or "",
            nationality=(travel.nationality or "") if travel else "",
            passport_number=(travel.passport_number or "") if travel else "",
            passport_expiry=_iso(travel.passport_expiry) if travel else "",
            date_of_birth=_iso(travel.date_of_birth) if travel else "",
            version=manager.version,
        )


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def validate_manager(
    connection: Connection, details: ManagerDetails, manager_id: int | None
) -> dict[str, str]:
    """Problems with the details, by field name (empty when they can be saved)."""
    problems = field_problems(details, _stored_phone(connection, manager_id))
    if not details.given_name or not details.family_name:
        problems["name"] = _("Given and family name are both needed.")
    if not details.country_code:
        problems["country"] = _("Choose the manager's country.")
    elif (
        connection.scalar(select(Country.code).where(Country.code == details.country_code)) is None
    ):
        problems["country"] = _("{country_code} is not a known country code.").format(
            country_code=details.country_code
        )
    if details.email:
        if not is_email(details.email):
            problems["email"] = _("'{email}' is not an e-mail address.").format(email=details.email)
        else:
            other = connection.scalar(
                select(Manager.id).where(
                    Manager.email == details.email, Manager.id != (manager_id or -1)
                )
            )
            if other is not None:
                problems["email"] = _("Manager {other} already has this e-mail address.").format(
                    other=other
                )
    for name, label in (
        ("passport_expiry", _("Passport expiry")),
        ("date_of_birth", _("Date of birth")),
    ):
        value = getattr(details, name)
        if value and parse_date(value) is None:
            # Travel data is sensitive: the message never repeats it (the field is masked).
            problems["travel"] = _("{label}: not a date; write it as YYYY-MM-DD.").format(
                label=label
            )
    if (
        details.nationality
        and connection.scalar(select(Country.code).where(Country.code == details.nationality))
        is None
    ):
        problems["travel"] = _("Nationality: not a known country code.")
    return problems


def _stored_phone(connection: Connection, manager_id: int | None) -> str | None:
    if manager_id is None:
        return None
    return connection.scalar(select(Manager.phone).where(Manager.id == manager_id))


def save_manager(
    programme: ProgrammeFile, details: ManagerDetails, manager_id: int | None = None
) -> int:
    """Save the editor's details (a new manager when `manager_id` is None); returns the id.

    Raises `InvalidRecord` with the problems by field, writing nothing, when they are wrong.
    A new manager gets a fresh badge token.
    """
    details = details.cleaned()
    with programme.writing() as connection:
        problems = validate_manager(connection, details, manager_id)
        if problems:
            raise InvalidRecord(problems)
        values: dict[str, Any] = {
            "given_name": details.given_name,
            "family_name": details.family_name,
            "arabic_name": details.arabic_name or None,
            "person_key": person_key(details.given_name, details.family_name, details.country_code),
            "country_code": details.country_code,
            "city": details.city or None,
            "organisation_id": organisation_id(
                connection,
                details.organisation,
                country=details.country_code,
                kind=OrganisationKind.CLUSTER,
            ),
            "role": details.role or None,
            "email": details.email or None,
            "phone": stored_phone(details, _stored_phone(connection, manager_id)),
            "gender": Gender(details.gender) if details.gender else None,
            "status": ManagerStatus(details.status),
            "diets": details.diets or None,
            "dietary_needs": details.dietary_needs or None,
            "accessibility_needs": details.accessibility_needs or None,
            "notes": details.notes or None,
        }
        travel = {
            "nationality": details.nationality or None,
            "passport_number": details.passport_number or None,
            "passport_expiry": parse_date(details.passport_expiry),
            "date_of_birth": parse_date(details.date_of_birth),
        }
        if manager_id is None:
            manager_id = connection.execute(
                insert(Manager).values(values).returning(Manager.id)
            ).scalar_one()
            connection.execute(insert(BadgeToken).values(token=new_token(), manager_id=manager_id))
            report(connection, "manager", [manager_id], added=True)
            report(connection, "badge_token", [manager_id], added=True)
            _write_travel(connection, manager_id, travel)
        else:
            columns = changed_columns(connection, Manager.__table__, manager_id, values)
            report(connection, "manager", [manager_id], columns)
            _write_travel(connection, manager_id, travel)
            # After the travel data: a save that changes neither keeps the version.
            versioned_update(
                connection,
                Manager,
                manager_id,
                values,
                details.version,
                hanging=("travel_document",),
            )
    return manager_id


def _write_travel(connection: Connection, manager_id: int, travel: dict[str, Any]) -> None:
    """The manager's travel document as the editor gives it (none when every value is empty)."""
    report(connection, "travel_document", [manager_id])
    connection.execute(delete(TravelDocument).where(TravelDocument.manager_id == manager_id))
    if any(v is not None for v in travel.values()):
        connection.execute(insert(TravelDocument).values(manager_id=manager_id, **travel))


def manager_problems(
    programme: ProgrammeFile, details: ManagerDetails, manager_id: int | None = None
) -> dict[str, str]:
    """What would stop these details from being saved, by field (nothing is written)."""
    with programme.engine.connect() as connection:
        return validate_manager(connection, details.cleaned(), manager_id)
