"""Badge layouts as data: where badges sit on a page, read from `resources/badge-layouts/`.

A layout is a small TOML file per label sheet or paper (millimetres, from the page's top-left
corner), so a new sheet is a new file, not new code. A printer's correction (an offset and a
scale the user measured on the calibration page) is applied to every page at export.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import N_, _
from booster_desktop.package_data import resource

PAGES = {"A4": (210.0, 297.0), "LETTER": (215.9, 279.4), "A6": (105.0, 148.0)}
MIN_QR_MM = 20.0
MIN_BAR_MM = 0.19
# The titles of the layouts shipped in resources/badge-layouts, for the catalogue: the window
# shows them translated (a test keeps this list and the files' titles equal).
SHIPPED_TITLES = (
    N_("A4 paper, 8 badges of 90 x 55 mm with cut marks"),
    N_("A6, one badge per sheet (badge holders)"),
    N_("Avery 5395: US Letter, 8 name badge labels of 3 3/8 x 2 1/3 in"),
    N_("Avery L4785: A4, 10 name badge labels of 80 x 50 mm"),
    N_("Avery L7418: A4, 8 name badge labels of 86 x 55 mm"),
    N_("Durable 1445-02: A4, 10 badge inserts of 90 x 54 mm"),
    N_("HERMA 4412: A4, 10 name badge labels of 80 x 50 mm"),
)


@dataclass(frozen=True)
class PrinterCorrection:
    """What a printer needs so that badges land on the labels: measured on the calibration page.

    `x` moves everything right and `y` down (millimetres); `scale` is a percentage applied
    about the page's centre (a printer that prints the 100 mm line as 98 mm wants 102.04).
    """

    x: float = 0.0
    y: float = 0.0
    scale: float = 100.0

    def __post_init__(self) -> None:
        if not 50.0 <= self.scale <= 150.0:
            raise BoosterError(
                _("printer scale {scale:g}%: give a percentage from 50 to 150").format(
                    scale=self.scale
                )
            )
        if abs(self.x) > 50 or abs(self.y) > 50:
            raise BoosterError(
                _("printer offset {x:g}, {y:g} mm: at most 50 mm each way").format(
                    x=self.x, y=self.y
                )
            )

    @property
    def is_identity(self) -> bool:
        return self.x == 0 and self.y == 0 and self.scale == 100

    def apply(self, x: float, y: float, page: tuple[float, float]) -> tuple[float, float]:
        """Where a point (mm from the top-left corner) lands after the correction."""
        factor = self.scale / 100
        centre_x, centre_y = page[0] / 2, page[1] / 2
        return (
            centre_x + (x - centre_x) * factor + self.x,
            centre_y + (y - centre_y) * factor + self.y,
        )


@dataclass(frozen=True)
class Box:
    """A rectangle in millimetres, from the page's (or a badge's) top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class BadgeLayout:
    """One layout: a page of badges. Lengths in millimetres."""

    name: str
    title: str
    page_width: float
    page_height: float
    badge_width: float
    badge_height: float
    columns: int
    rows: int
    left: float
    top: float
    horizontal_pitch: float
    vertical_pitch: float
    corner_radius: float = 0.0
    cut_marks: bool = False
    padding: float = 3.0
    qr_size: float = MIN_QR_MM
    bar_width: float = 0.21
    product: str = ""  # the label sheet it fits; empty for plain paper
    source: str = ""  # where its numbers come from

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def page(self) -> tuple[float, float]:
        return (self.page_width, self.page_height)

    @property
    def portrait(self) -> bool:
        return self.badge_height > self.badge_width * 1.2

    def cell(self, index: int) -> Box:
        """The box of the badge at `index` on its page (row by row, from the top left)."""
        row, column = divmod(index % self.per_page, self.columns)
        return Box(
            self.left + column * self.horizontal_pitch,
            self.top + row * self.vertical_pitch,
            self.badge_width,
            self.badge_height,
        )

    def back_cell(self, index: int) -> Box:
        """Where the back of badge `index` goes on the back of its sheet: mirrored left to
        right, so that after a long-edge flip it lies behind its front."""
        front = self.cell(index)
        return Box(self.page_width - front.right, front.y, front.width, front.height)

    def check(self) -> None:
        """Refuse a layout whose badges do not fit on its page or whose codes are too small."""
        where = _("badge layout {name!r}").format(name=self.name)
        if min(self.badge_width, self.badge_height, self.page_width, self.page_height) <= 0:
            raise BoosterError(_("{where}: sizes must be positive").format(where=where))
        if self.columns < 1 or self.rows < 1:
            raise BoosterError(
                _("{where}: needs at least one column and one row").format(where=where)
            )
        if self.horizontal_pitch < self.badge_width or self.vertical_pitch < self.badge_height:
            raise BoosterError(
                _("{where}: the pitch is smaller than a badge (badges overlap)").format(where=where)
            )
        last = self.cell(self.per_page - 1)
        tolerance = 0.01
        if (
            self.left < -tolerance
            or self.top < -tolerance
            or last.right > self.page_width + tolerance
            or last.bottom > self.page_height + tolerance
        ):
            raise BoosterError(
                _(
                    "{where}: {columns} x {rows} badges of {badge_width:g} x "
                    "{badge_height:g} mm do not fit on a {page_width:g} x {page_height:g} "
                    "mm page"
                ).format(
                    where=where,
                    columns=self.columns,
                    rows=self.rows,
                    badge_width=self.badge_width,
                    badge_height=self.badge_height,
                    page_width=self.page_width,
                    page_height=self.page_height,
                )
            )
        if self.qr_size < MIN_QR_MM:
            raise BoosterError(
                _("{where}: qr_size must be at least {MIN_QR_MM:g} mm").format(
                    where=where, MIN_QR_MM=MIN_QR_MM
                )
            )
        if self.bar_width < MIN_BAR_MM:
            raise BoosterError(
                _("{where}: bar_width must be at least {MIN_BAR_MM:g} mm").format(
                    where=where, MIN_BAR_MM=MIN_BAR_MM
                )
            )

    def check_correction(self, correction: PrinterCorrection) -> None:
        """Refuse a printer correction that would push a badge's printed area off the page."""
        for index in range(self.per_page):
            box = self.cell(index)
            inner = Box(
                box.x + self.padding,
                box.y + self.padding,
                box.width - 2 * self.padding,
                box.height - 2 * self.padding,
            )
            left, top = correction.apply(inner.x, inner.y, self.page)
            right, bottom = correction.apply(inner.right, inner.bottom, self.page)
            if left < 0 or top < 0 or right > self.page_width or bottom > self.page_height:
                raise BoosterError(
                    _(
                        "printer offset {x:g}, {y:g} mm at {scale:g}% pushes badge {value} of "
                        "layout {name!r} off the page"
                    ).format(
                        x=correction.x,
                        y=correction.y,
                        scale=correction.scale,
                        value=index + 1,
                        name=self.name,
                    )
                )


_FIELDS = {
    "title": str,
    "product": str,
    "source": str,
    "badge_width": float,
    "badge_height": float,
    "columns": int,
    "rows": int,
    "left": float,
    "top": float,
    "horizontal_pitch": float,
    "vertical_pitch": float,
    "corner_radius": float,
    "cut_marks": bool,
    "padding": float,
    "qr_size": float,
    "bar_width": float,
}
_REQUIRED = {
    "title",
    "badge_width",
    "badge_height",
    "columns",
    "rows",
    "left",
    "top",
    "horizontal_pitch",
    "vertical_pitch",
}


def read_layout(path: Path) -> BadgeLayout:
    """The layout in a TOML file; a file that is not a layout is refused with its reason."""
    name = path.stem
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BoosterError(
            _("{path}: not a badge layout ({error})").format(path=path, error=error)
        ) from None
    missing = sorted(_REQUIRED - data.keys())
    if missing:
        raise BoosterError(
            _("{path}: a badge layout needs {value}").format(path=path, value=", ".join(missing))
        )
    values: dict[str, object] = {}
    for key, kind in _FIELDS.items():
        if key not in data:
            continue
        value = data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise BoosterError(
                _("{path}: {key} must be a {kind}").format(path=path, key=key, kind=kind.__name__)
            )
        values[key] = value
    unknown = sorted(data.keys() - _FIELDS.keys() - {"page", "page_width", "page_height"})
    if unknown:
        raise BoosterError(_("{path}: unknown key {value!r}").format(path=path, value=unknown[0]))
    page = data.get("page")
    if page is not None:
        if str(page).upper() not in PAGES:
            raise BoosterError(
                _("{path}: page {page!r} is not one of A4, Letter, A6").format(path=path, page=page)
            )
        page_width, page_height = PAGES[str(page).upper()]
    else:
        try:
            page_width, page_height = float(data["page_width"]), float(data["page_height"])
        except (KeyError, TypeError, ValueError):
            raise BoosterError(
                _("{path}: give page, or page_width and page_height").format(path=path)
            ) from None
    layout = BadgeLayout(
        name=name,
        page_width=page_width,
        page_height=page_height,
        **values,  # type: ignore[arg-type]
    )
    layout.check()
    return layout


def layout_folder() -> Path:
    return resource("badge-layouts")


@cache
def shipped_layouts() -> dict[str, BadgeLayout]:
    """Every layout that ships, by name."""
    return {path.stem: read_layout(path) for path in sorted(layout_folder().glob("*.toml"))}


def find_layout(name: str) -> BadgeLayout:
    """The layout called `name` (a shipped name, or the path of a .toml file)."""
    layouts = shipped_layouts()
    if name in layouts:
        return layouts[name]
    path = Path(name)
    if path.suffix == ".toml" and path.is_file():
        return read_layout(path)
    raise BoosterError(
        _("badge layout {name!r} does not exist (layouts: {value})").format(
            name=name, value=", ".join(layouts)
        )
    )
