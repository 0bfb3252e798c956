"""The manager editor checks phone numbers and text limits as the import does: a phone is
stored as E.164 and shown in its country's format, an impossible one and text past its
field's limit are shown beside their field and nothing is saved."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from booster_desktop.services.managers import (
    ManagerDetails,
    manager_details,
    manager_problems,
    save_manager,
)
from booster_desktop.services.programme import open_programme
from booster_desktop.services.validation import InvalidRecord
from booster_desktop.ui.editors import ManagerEditor
from tests import programme_db


def _phone(path: Path, manager_id: int) -> str | None:
    with contextlib.closing(programme_db.connect(path)) as connection:
        return connection.execute(
            "SELECT phone FROM manager WHERE id = ?", (manager_id,)
        ).fetchone()[0]


def test_a_phone_is_stored_as_e164_and_shown_in_the_national_format(empty_file: Path) -> None:
    details = ManagerDetails(
        given_name="Nadia", family_name="Cherif", country_code="DZ", phone="0661 23 45 67"
    )
    with open_programme(empty_file) as programme:
        nadia = save_manager(programme, details)
        bare = save_manager(
            programme,
            ManagerDetails(
                given_name="Karim", family_name="Toumi", country_code="DZ", phone="661234568"
            ),
        )
        shown = manager_details(programme, nadia).phone
    assert _phone(empty_file, nadia) == "+213661234567"
    assert _phone(empty_file, bare) == "+213661234568"
    assert shown == "0661 23 45 67"


def test_an_impossible_phone_and_an_overlong_name_are_refused(empty_file: Path) -> None:
    details = ManagerDetails(
        given_name="A" * 121,
        family_name="Escape\x1b[31m",
        country_code="JO",
        phone="12345",
    )
    with open_programme(empty_file) as programme, pytest.raises(InvalidRecord) as refused:
        save_manager(programme, details)
    problems = refused.value.problems
    assert problems["name"] == "Given name: 121 characters, past the limit of 120."
    assert problems["phone"] == "Phone: '12345' is not a possible phone number in JO."
    assert details.cleaned().family_name == "Escape"  # control characters never stored


def test_the_editor_shows_the_phone_problem_and_stays_open(empty_file: Path, qtbot: QtBot) -> None:
    with open_programme(empty_file) as programme:
        editor = ManagerEditor(
            lambda d: manager_problems(programme, d, None), [("DZ", "Algeria")], []
        )
        qtbot.addWidget(editor)
        editor.set_details(
            ManagerDetails(given_name="Nadia", family_name="Cherif", country_code="DZ")
        )
        editor.form.phone.setText("2.13661E+11")
        editor.show()
        editor.accept()
        assert editor.isVisible()  # refused: still open
        assert "lost its last digits" in editor.form.email_error.text()
        assert editor.form.email_error.isVisible()
        editor.form.phone.setText("0661 23 45 67")
        editor.accept()
        assert not editor.isVisible()
