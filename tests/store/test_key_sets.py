"""Many keys bound as one value: the same rows as an IN list, on either database, past the
number of bound parameters any database allows in one statement."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from booster_desktop.domain.manager import Manager
from booster_desktop.domain.topic import TopicInterest
from booster_desktop.services.programme import open_programme
from booster_desktop.store.key_sets import in_keys


def test_the_keys_select_what_an_in_list_selects(demo_file: Path) -> None:
    with open_programme(demo_file) as programme, programme.engine.connect() as connection:
        wanted = [3, 1, 7, 3, 24, 999]
        by_list = set(connection.scalars(select(Manager.id).where(Manager.id.in_(wanted))))
        query = select(Manager.id).where(in_keys(Manager.id))
        by_keys = set(connection.execute(query, {"keys": wanted}).scalars())
        assert by_keys == by_list == {1, 3, 7, 24}
        assert connection.execute(query, {"keys": []}).scalars().all() == []
        # Text keys: compared as text, on either database.
        names = ["Amina", "Karim", "Nobody"]
        by_name = select(Manager.given_name).where(in_keys(Manager.given_name))
        assert (
            set(connection.execute(by_name, {"keys": names}).scalars())
            == set(
                connection.scalars(select(Manager.given_name).where(Manager.given_name.in_(names)))
            )
            == {"Amina", "Karim"}
        )


def test_forty_thousand_keys_go_in_one_statement(demo_file: Path) -> None:
    """More keys than SQLite's 32,766 bound parameters: still one statement, one value."""
    with open_programme(demo_file) as programme, programme.engine.connect() as connection:
        keys = list(range(-20_000, 20_000))
        counted = connection.execute(
            select(func.count())
            .select_from(TopicInterest)
            .where(in_keys(TopicInterest.manager_id)),
            {"keys": keys},
        ).scalar_one()
        every = connection.execute(select(func.count()).select_from(TopicInterest)).scalar_one()
    assert counted == every > 0
