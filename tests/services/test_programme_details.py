"""The programme's details, read and stored in one place, and refused when wrong."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from booster_desktop.domain.details import TourContacts
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.programme import IMAGE_LIMIT
from booster_desktop.services.agenda import agenda
from booster_desktop.services.programme import open_programme
from booster_desktop.services.programme_details import (
    programme_details,
    read_logo,
    save_details,
    tour_contacts,
)
from booster_desktop.services.validation import InvalidRecord


def test_the_demo_has_a_coordinator_and_each_tour_a_hotel(demo_file: Path) -> None:
    with open_programme(demo_file) as programme:
        details = programme_details(programme)
        cat = tour_contacts(programme, "cat")
    assert details.coordinator_name == "Leila Mansour" and details.emergency_phone
    assert len(details.uuid) == 36 and details.logo is None
    assert cat.hotel_name == "Hotel Gràcia Centre" and cat.contact_email.endswith(".example")


def test_a_new_file_has_empty_details(empty_file: Path) -> None:
    with open_programme(empty_file) as programme:
        details = programme_details(programme)
    assert details.title == "Empty programme" and details.coordinator_name == ""


def test_saved_details_are_what_the_booklet_prints(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        details = replace(programme_details(programme), coordinator_name="  Rana   Odeh ")
        save_details(programme, details, {"CAT": TourContacts(hotel_name="Hotel Sant Pau")})
        printed = agenda(programme, "CAT")
    assert printed.details.coordinator_name == "Rana Odeh"  # cleaned
    assert printed.tours[0].stay == TourContacts(hotel_name="Hotel Sant Pau")
    assert printed.details.uuid == details.uuid


@pytest.mark.parametrize(
    ("change", "key", "message"),
    [
        ({"coordinator_email": "leila@"}, "coordinator_email", "not an e-mail address"),
        ({"emergency_phone": "ring ring"}, "emergency_phone", "not a phone number"),
        ({"coordinator_name": "x" * 201}, "coordinator_name", "At most 200 characters"),
        ({"title": "  "}, "title", "needs a title"),
        ({"logo": b"GIF89a..."}, "logo", "PNG or JPEG"),
    ],
)
def test_bad_details_are_refused_and_nothing_changes(
    demo_file: Path, change: dict[str, object], key: str, message: str
) -> None:
    with open_programme(demo_file, writable=True) as programme:
        before = programme_details(programme)
        with pytest.raises(InvalidRecord) as refused:
            save_details(programme, replace(before, **change))  # type: ignore[arg-type]
        assert message in refused.value.problems[key]
        assert programme_details(programme) == before


def test_a_tour_field_is_refused_by_tour(demo_file: Path) -> None:
    with open_programme(demo_file, writable=True) as programme:
        before = tour_contacts(programme, "WAL")
        with pytest.raises(InvalidRecord) as refused:
            save_details(
                programme, programme_details(programme), {"WAL": TourContacts(contact_email="x")}
            )
        assert "tour:WAL:contact_email" in refused.value.problems
        assert tour_contacts(programme, "WAL") == before


def test_a_logo_file_is_read_and_checked(tmp_path: Path) -> None:
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    assert read_logo(png).startswith(b"\x89PNG")
    text = tmp_path / "logo.txt"
    text.write_text("hello")
    with pytest.raises(BoosterError, match=r"logo\.txt: the logo must be a PNG or JPEG image"):
        read_logo(text)
    with pytest.raises(BoosterError, match="is a folder"):
        read_logo(tmp_path)
    with pytest.raises(BoosterError, match="cannot be read"):
        read_logo(tmp_path / "missing.png")
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * IMAGE_LIMIT)
    with pytest.raises(BoosterError, match="at most 2,000,000"):
        read_logo(big)
