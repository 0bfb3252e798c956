"""Every table model, proxy and the allocation grid, checked the way Qt checks models
(pytest-qt's qtmodeltester): parents, counts, signals, and persistent indexes across the
models' own sorting, filtering and row updates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from booster_desktop.services import allocation
from booster_desktop.services.allocation_data import load_instance, manager_names
from booster_desktop.services.programme import open_programme
from booster_desktop.ui.allocation_view import GridModel
from booster_desktop.ui.entities import ENTITIES, Entity
from booster_desktop.ui.table_model import RecordTableModel, SearchProxy


@pytest.fixture
def proxy_tester(request: pytest.FixtureRequest) -> Iterator[ModelTester]:
    """A second tester: one ModelTester follows one model's signals."""
    tester = ModelTester(request.config)
    yield tester
    tester._cleanup()


def _rows(path: Path, entity: Entity[Any, Any]) -> list[Any]:
    with open_programme(path) as programme:
        return entity.rows(programme, None)


@pytest.mark.parametrize("entity", ENTITIES, ids=[e.key for e in ENTITIES])
def test_each_tab_model_and_its_proxy_behave_as_qt_expects(
    entity: Entity[Any, Any],
    demo_file: Path,
    qtmodeltester: ModelTester,
    proxy_tester: ModelTester,
) -> None:
    rows = _rows(demo_file, entity)
    model: RecordTableModel[Any] = RecordTableModel(entity.columns)
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model, force_py=True)
    proxy_tester.check(proxy, force_py=True)

    model.set_rows(rows)
    assert model.rowCount() == len(rows) > 0
    # A persistent index (a selection) follows its record through every sort.
    last = model.rowCount() - 1
    kept = QPersistentModelIndex(proxy.index(last, 0))
    kept_id = proxy.record_at(last).id
    for column in range(len(entity.columns)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            proxy.sort(column, order)
            assert kept.isValid()
            assert proxy.record_at(kept.row()).id == kept_id
    # Searching, updating and removing rows while sorted.
    proxy.set_search(entity.describe(rows[0]).split()[0])
    assert 0 < proxy.rowCount() <= len(rows)
    proxy.set_search("")
    model.upsert([replace(rows[0]), replace(rows[-1])])
    model.remove_ids({rows[1].id})
    assert model.rowCount() == len(rows) - 1
    model.remove_ids({r.id for r in rows[2:]})  # many at once: one reset
    assert model.rowCount() == 1
    model.upsert(rows)  # back, sorted again
    assert model.rowCount() == len(rows)


def test_the_allocation_grid_behaves_as_qt_expects(
    demo_file: Path, qtmodeltester: ModelTester
) -> None:
    grid = GridModel()
    qtmodeltester.check(grid, force_py=True)
    with open_programme(demo_file) as programme:
        instance = load_instance(programme)
        names = manager_names(programme)
    result = allocation.solve(instance)
    grid.show(instance, result, names)
    assert (grid.rowCount(), grid.columnCount()) == (len(instance.managers), len(instance.tours))
    cell = grid.index(0, 1)
    for _ in range(3):  # pinned, forbidden, cleared
        grid.cycle(cell)
    assert grid.choices == {}
    grid.show(instance, result, names)
    assert grid.headerData(0, Qt.Orientation.Vertical).startswith(str(grid.managers[0]))
