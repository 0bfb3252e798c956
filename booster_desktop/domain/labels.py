"""The words printed on rosters, sign-in sheets and certificates, in one catalogue.

Every printed label is looked up here by a key, so another language is one more table, not
a change to each writer. English is the only language so far; a key missing from a language
falls back to English.
"""

from __future__ import annotations

from booster_desktop.domain.kinds import Diet

ENGLISH: dict[str, str] = {
    # Diets, as a caterer reads them.
    "diet.vegetarian": "Vegetarian",
    "diet.vegan": "Vegan",
    "diet.halal": "Halal",
    "diet.no_pork": "No pork",
    "diet.no_alcohol": "No alcohol",
    "diet.gluten_free": "Gluten-free",
    "diet.lactose_free": "Lactose-free",
    "diet.nut_allergy": "Nut allergy",
    "diet.none": "No special diet",
    "diet.other": "Other needs (as written)",
    # Session kinds.
    "kind.training": "Training",
    "kind.visit": "Benchmarking visit",
    "kind.transfer": "Transfer",
    "kind.meal": "Meal",
    "kind.networking": "Networking",
    "kind.other": "Other",
    # Sign-in sheets.
    "signin.title": "Sign-in sheet",
    "signin.number": "#",
    "signin.id": "ID",
    "signin.name": "Name",
    "signin.arabic": "Name in Arabic",
    "signin.organisation": "Organisation",
    "signin.signature": "Signature",
    "signin.walk_in": "Not on the list (write your name)",
    "signin.expected": "{count} expected",
    "signin.page": "Page {page}",
    "signin.venue": "Venue",
    "signin.note": "Sign once, on your own line. The ID is the one on your badge.",
    # Certificates.
    "certificate.title": "Certificate of attendance",
    "certificate.awarded": "This is to certify that",
    "certificate.took_part": "took part in the inspiration and learning tour",
    "certificate.hosted": "hosted by {host}",
    "certificate.dates": "from {start} to {end}",
    "certificate.attended": "and attended {attended} of its {total} training sessions and "
    "benchmarking visits ({hours} hours):",
    "certificate.total": "Total",
    "certificate.hours": "{hours} h",
    "certificate.number": "Certificate no. {number}",
    "certificate.more": "and {count} more sessions",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": ENGLISH}


def label(key: str, language: str = "en", **values: object) -> str:
    """The printed words for `key` in `language`, with `{names}` filled from `values`."""
    text = CATALOGUES.get(language, ENGLISH).get(key) or ENGLISH[key]
    return text.format(**values) if values else text


def diet_label(diet: Diet, language: str = "en") -> str:
    return label(f"diet.{diet.value}", language)
