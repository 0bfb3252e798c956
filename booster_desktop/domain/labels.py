"""The words printed on rosters, sign-in sheets and certificates, looked up by a key.

Each key names an English text marked for the one gettext catalogue (`booster_desktop.i18n`);
`label()` gives it in the printing language.
"""

from __future__ import annotations

from booster_desktop.domain.kinds import Diet
from booster_desktop.i18n import N_, _

ENGLISH: dict[str, str] = {
    # Diets, as a caterer reads them.
    "diet.vegetarian": N_("Vegetarian"),
    "diet.vegan": N_("Vegan"),
    "diet.halal": N_("Halal"),
    "diet.no_pork": N_("No pork"),
    "diet.no_alcohol": N_("No alcohol"),
    "diet.gluten_free": N_("Gluten-free"),
    "diet.lactose_free": N_("Lactose-free"),
    "diet.nut_allergy": N_("Nut allergy"),
    "diet.none": N_("No special diet"),
    "diet.other": N_("Other needs (as written)"),
    # Session kinds.
    "kind.training": N_("Training"),
    "kind.visit": N_("Benchmarking visit"),
    "kind.transfer": N_("Transfer"),
    "kind.meal": N_("Meal"),
    "kind.networking": N_("Networking"),
    "kind.other": N_("Other"),
    # Enrolment statuses and genders, as rosters print them.
    "status.proposed": N_("proposed"),
    "status.confirmed": N_("confirmed"),
    "status.waitlisted": N_("waitlisted"),
    "status.cancelled": N_("cancelled"),
    "gender.female": N_("female"),
    "gender.male": N_("male"),
    "gender.other": N_("other"),
    # Sign-in sheets.
    "signin.title": N_("Sign-in sheet"),
    "signin.number": N_("#"),
    "signin.id": N_("ID"),
    "signin.name": N_("Name"),
    "signin.arabic": N_("Name in Arabic"),
    "signin.organisation": N_("Organisation"),
    "signin.signature": N_("Signature"),
    "signin.walk_in": N_("Not on the list (write your name)"),
    "signin.expected": N_("{count} expected"),
    "signin.page": N_("Page {page}"),
    "signin.venue": N_("Venue"),
    "signin.note": N_("Sign once, on your own line. The ID is the one on your badge."),
    # Certificates.
    "certificate.title": N_("Certificate of attendance"),
    "certificate.awarded": N_("This is to certify that"),
    "certificate.took_part": N_("took part in the inspiration and learning tour"),
    "certificate.hosted": N_("hosted by {host}"),
    "certificate.dates": N_("from {start} to {end}"),
    "certificate.attended": N_(
        "and attended {attended} of its {total} training sessions and "
        "benchmarking visits ({hours} hours):"
    ),
    "certificate.total": N_("Total"),
    "certificate.hours": N_("{hours} h"),
    "certificate.number": N_("Certificate no. {number}"),
    "certificate.more": N_("and {count} more sessions"),
}


def label(key: str, **values: object) -> str:
    """The printed words for `key` in the printing language, `{names}` filled from `values`."""
    text = _(ENGLISH[key])
    return text.format(**values) if values else text


def diet_label(diet: Diet) -> str:
    return label(f"diet.{diet.value}")
