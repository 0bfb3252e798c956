"""Phone numbers in one normal form (E.164, "+213661234567"), read in the manager's country
when they carry no country code, and shown in that country's national format."""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from booster_desktop.i18n import _
from booster_desktop.services.text_checks import scientific


class PhoneNumberError(ValueError):
    """The text is no possible phone number; the message says why, for the user."""


def normal_phone(text: str, country_code: str | None) -> str:
    """`text` as E.164; a number without a country code is read in `country_code`.

    A spreadsheet that turned the number into a figure dropped its "+": when the number
    is not valid in the country, it is tried once more as international.
    """
    written = text.strip()
    if scientific(written):
        raise PhoneNumberError(
            _(
                "{written!r} lost its last digits when the spreadsheet turned it into "
                "a number; format the column as Text and type the numbers again"
            ).format(written=written)
        )
    region = (country_code or "").upper() or None
    candidates = [written]
    digits = "".join(c for c in written if c.isdigit())
    if not written.startswith(("+", "00")) and digits == written.replace(" ", ""):
        candidates.append("+" + digits)
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    where = f" in {region}" if region and not written.startswith(("+", "00")) else ""
    raise PhoneNumberError(
        _("{written!r} is not a possible phone number{where}").format(written=written, where=where)
    )


def national_phone(stored: str, country_code: str | None = None) -> str:
    """A stored number as its country writes it ("0661 23 45 67"), or international when
    it belongs to another country; text that is no number is shown as it is."""
    try:
        number = phonenumbers.parse(stored, (country_code or "").upper() or None)
    except NumberParseException:
        return stored
    if not phonenumbers.is_valid_number(number):
        return stored
    own = phonenumbers.region_code_for_number(number) == (country_code or "").upper()
    return phonenumbers.format_number(
        number, PhoneNumberFormat.NATIONAL if own else PhoneNumberFormat.INTERNATIONAL
    )
