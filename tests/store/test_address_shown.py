"""How a server address is shown: a password never shows, and a
shown address that a message asks the user to type back reaches the same server."""

from __future__ import annotations

import pytest

from booster_desktop.domain.errors import BoosterError
from booster_desktop.store.location import parse_server


@pytest.mark.parametrize(
    "folder",
    [
        "/tmp/door%20sock",  # a space holds
        "/tmp/so%26ck",
        "/tmp/pct%2541",
        "/tmp/a%2Bb",
    ],
)
def test_the_shown_address_parses_back_to_the_same_server(folder: str) -> None:
    address = parse_server(f"postgresql://door@/tours?host={folder}&port=5433")
    again = parse_server(address.shown)
    assert (again.host, again.port, str(again)) == (address.host, address.port, str(address))


LEAKS = [
    ("postgresql://u@h:notaport/db?password=SECRET", "password among the options"),
    ("postgresql://u@h:notaport/db?sslpassword=SECRET", "client key's sslpassword"),
    ("postgresql://u:SE/CRET@h:notaport/db", "a '/' in the password"),
    ("postgresql://u:SE@CRET@h:x/db", "an '@' in the password"),
]


@pytest.mark.parametrize(("text", "how"), LEAKS, ids=[how for _, how in LEAKS])
def test_a_refused_address_never_shows_its_password(text: str, how: str) -> None:
    with pytest.raises(BoosterError) as refused:
        parse_server(text)
    assert "CRET" not in str(refused.value), how


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://u:SECRET@h:99999/db",
        "postgresql://u@h/db?password=SECRET&port=abc",
        "postgresql://u@h/db?PASSWORD=SECRET&port=0",
        "postgresql://u:SECRET@h/db?sslmode=bogus",
        "postgresql://u@h/db?sslpassword=SECRET&sslmode=bogus",
    ],
)
def test_a_refused_readable_address_hides_its_password(text: str) -> None:
    with pytest.raises(BoosterError) as refused:
        parse_server(text)
    assert "SECRET" not in str(refused.value)


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://u:SECRET@/db?host=/tmp/a%20b",
        "postgresql://u@/db?host=/tmp/a&password=SECRET",
        "postgresql://u@/db?host=/tmp/a&sslpassword=SECRET&sslkey=/k",
        "postgresql://u@/db?host=/tmp/a&Password=SECRET",
    ],
)
def test_an_address_read_keeps_no_password_anywhere_shown(text: str) -> None:
    address = parse_server(text)
    for said in (str(address), address.shown, f"{address}", repr(address), address.key):
        assert "SECRET" not in said, said
