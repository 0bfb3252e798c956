"""The manager editor's rules shared with the import: each text field's limit (the schema's)
and phone numbers that are possible in the manager's country."""

from __future__ import annotations

from typing import TYPE_CHECKING

from booster_desktop.domain.base import text_limit
from booster_desktop.domain.manager import Manager, TravelDocument
from booster_desktop.domain.organisation import Organisation
from booster_desktop.i18n import N_, _
from booster_desktop.services.phones import PhoneNumberError, national_phone, normal_phone

if TYPE_CHECKING:
    from booster_desktop.services.managers import ManagerDetails

# (field of the details, entity and attribute holding its limit, label, problem key)
LIMITED = (
    ("given_name", Manager, "given_name", N_("Given name"), "name"),
    ("family_name", Manager, "family_name", N_("Family name"), "name"),
    ("arabic_name", Manager, "arabic_name", N_("Name in Arabic"), "name"),
    ("city", Manager, "city", N_("City"), "country"),
    ("organisation", Organisation, "name", N_("Organisation"), "organisation"),
    ("role", Manager, "role", N_("Role"), "role"),
    ("email", Manager, "email", N_("E-mail"), "email"),
    ("dietary_needs", Manager, "dietary_needs", N_("Dietary needs"), "needs"),
    ("accessibility_needs", Manager, "accessibility_needs", N_("Accessibility needs"), "needs"),
    ("notes", Manager, "notes", N_("Notes"), "notes"),
    ("passport_number", TravelDocument, "passport_number", N_("Passport number"), "travel"),
)


def _unchanged(details: ManagerDetails, previous: str | None) -> bool:
    """The phone as it was stored, or as the editor showed it: kept as it is (a number
    stored before numbers were checked is not refused when other fields are edited)."""
    if not previous:
        return False
    return details.phone in (previous, national_phone(previous, details.country_code))


def field_problems(details: ManagerDetails, previous_phone: str | None = None) -> dict[str, str]:
    """Text past its field's limit, and a phone number impossible in the manager's country;
    `previous_phone` is the one stored, which may stay as it is."""
    problems: dict[str, str] = {}
    for name, entity, attribute, label, key in LIMITED:
        value = str(getattr(details, name, "") or "")
        limit = text_limit(entity, attribute)
        if len(value) > limit:
            problems.setdefault(
                key,
                _("{label}: {count:,} characters, past the limit of {limit:,}.").format(
                    label=_(label), count=len(value), limit=limit
                ),
            )
    if details.phone and not _unchanged(details, previous_phone):
        try:
            normal_phone(details.phone, details.country_code or None)
        except PhoneNumberError as error:
            problems["phone"] = _("Phone: {error}.").format(error=error)
    return problems


def stored_phone(details: ManagerDetails, previous: str | None = None) -> str | None:
    """The phone number as stored (E.164), None when there is none."""
    if not details.phone:
        return None
    if _unchanged(details, previous):
        return previous
    return normal_phone(details.phone, details.country_code or None)
