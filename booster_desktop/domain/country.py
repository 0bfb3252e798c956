"""Countries, by ISO 3166-1 alpha-2 code, with the names badges and forms show."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from booster_desktop.domain.base import Base
from booster_desktop.i18n import language

# The programme's own countries (docs/programme-file.md): managers come from these.
SOUTH_MED_COUNTRIES = ("DZ", "EG", "JO", "LB", "MA", "PS", "TN")


class Country(Base):
    """A country: its ISO code and its names in English, French and Arabic."""

    __tablename__ = "country"
    __table_args__ = (CheckConstraint("length(code) = 2 AND code = upper(code)", name="iso_code"),)

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(120))
    name_fr: Mapped[str] = mapped_column(String(120))
    name_ar: Mapped[str] = mapped_column(String(120))


def country_name() -> Any:
    """The country's name in the language in use (French or English), labelled
    `country_name`, for a select: printed materials name countries as their reader does."""
    column = Country.name_fr if language() == "fr" else Country.name_en
    return column.label("country_name")
