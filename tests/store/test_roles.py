"""Login names `booster server add-user` accepts, checked before any server is asked."""

from __future__ import annotations

import pytest

from booster_desktop.domain.errors import BoosterError
from booster_desktop.store.roles import check_login_name


@pytest.mark.parametrize("name", ["door3\n", "door3\n\n", "\ndoor3", "door 3", "Door3", "pg_door"])
def test_a_name_with_anything_but_its_letters_is_refused(name: str) -> None:
    with pytest.raises(BoosterError, match="not a login name") as refused:
        check_login_name(name)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("name", ["door3", "a", "door.anna-b_2", "d" * 63])
def test_a_plain_name_passes(name: str) -> None:
    check_login_name(name)


def test_a_name_longer_than_the_server_allows_is_refused() -> None:
    with pytest.raises(BoosterError, match="at most 63"):
        check_login_name("d" * 64)


@pytest.mark.parametrize("name", ["public", "none", "current_user", "session_user", "current_role"])
def test_a_name_the_server_keeps_is_refused_in_one_line(name: str) -> None:
    """ "public" and "none" reached the server and came back as an unexpected error of three
    lines; current_user and session_user were made, logins every GRANT would misread."""
    with pytest.raises(BoosterError, match="a name the server keeps for itself") as refused:
        check_login_name(name)
    assert "\n" not in str(refused.value)
