"""The third-party components Booster Desktop carries, with their licences: for Help > About
and for the bundles (which copy these packages' metadata, where their licence files are)."""

from __future__ import annotations

import html
import platform
from importlib import metadata

from booster_desktop.i18n import N_, _
from booster_desktop.package_data import resource

# (distribution, what it does here, licence): what the application and its bundles carry.
# What a component does is said in the reader's language; names and licences as published.
COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("PySide6-Essentials", N_("Qt for Python: the window"), "LGPL-3.0"),
    ("PySide6-Addons", N_("Qt for Python: charts"), "LGPL-3.0"),
    ("shiboken6", N_("Qt for Python's bindings"), "LGPL-3.0"),
    ("SQLAlchemy", N_("the programme file"), "MIT"),
    ("alembic", N_("upgrading programme files"), "MIT"),
    ("Mako", N_("Alembic's templates"), "MIT"),
    ("reportlab", N_("agendas and badges as PDF"), "BSD-3-Clause"),
    ("pillow", N_("images in PDFs"), "MIT-CMU"),
    ("openpyxl", N_("spreadsheets"), "MIT"),
    ("et_xmlfile", N_("spreadsheets"), "MIT"),
    ("python-calamine", N_("old and LibreOffice spreadsheets"), "MIT"),
    ("defusedxml", N_("safe XML reading"), "PSF-2.0"),
    ("charset-normalizer", N_("CSV encodings"), "MIT"),
    ("platformdirs", N_("where settings and logs go"), "MIT"),
    ("pycountry", N_("country names"), "LGPL-2.1"),
    ("phonenumbers", N_("phone numbers"), "Apache-2.0"),
    ("tzdata", N_("time zones"), "Apache-2.0"),
    ("tqdm", N_("progress in the terminal"), "MPL-2.0 AND MIT"),
    ("ortools", N_("the allocation solver"), "Apache-2.0"),
    ("numpy", N_("the allocation solver's arrays"), "BSD-3-Clause"),
    ("protobuf", N_("OR-Tools' messages"), "BSD-3-Clause"),
    ("absl-py", N_("OR-Tools' support library"), "Apache-2.0"),
    ("immutabledict", N_("OR-Tools' support library"), "MIT"),
    ("arabic-reshaper", N_("Arabic letters in PDFs"), "MIT"),
    ("python-bidi", N_("right-to-left text in PDFs"), "LGPL-3.0"),
    ("icalendar", N_("calendars"), "BSD-2-Clause"),
    ("python-dateutil", N_("calendars"), "BSD-3-Clause"),
    ("pyrage", N_("encrypted copies (age)"), "MIT"),
    ("typing_extensions", N_("type hints"), "PSF-2.0"),
)

# (fonts, licence, licence file in resources/fonts).
FONTS = (
    ("Noto Sans, Noto Naskh Arabic", "SIL Open Font License 1.1", "LICENSE-Noto.txt"),
    ("DejaVu Sans", N_("Bitstream Vera licence and public domain"), "LICENSE-DejaVu.txt"),
)


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _licence_texts(distribution: str) -> list[str]:
    """The licence files the installed package carries (none when its metadata is absent)."""
    try:
        files = metadata.files(distribution) or []
    except metadata.PackageNotFoundError:
        return []
    texts = []
    for file in files:
        name = file.name.upper()
        in_metadata = any(part.endswith(".dist-info") for part in file.parts)
        if in_metadata and (name.startswith(("LICEN", "COPYING"))):
            try:
                texts.append(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return texts


def third_party_html(qt_version: str) -> str:
    """Every component, its version here and its licence, then the licence texts (those as
    published, in English; what surrounds them in the language in use)."""
    # Marked outside the f-strings: the extractor does not look inside them.
    python_role = html.escape(_("the language"))
    qt_role = html.escape(_("the window (shared libraries)"))
    fonts_role = html.escape(_("fonts"))
    rows = [
        f"<tr><td>Python</td><td>{platform.python_version()}</td><td>{python_role}</td>"
        "<td>PSF-2.0</td></tr>",
        f"<tr><td>Qt</td><td>{qt_version}</td><td>{qt_role}</td><td>LGPL-3.0</td></tr>",
    ]
    for distribution, role, licence in COMPONENTS:
        version = _version(distribution)
        if version is None:
            continue  # left out of this installation (the bundle leaves some out)
        rows.append(
            f"<tr><td>{html.escape(distribution)}</td><td>{version}</td>"
            f"<td>{html.escape(_(role))}</td><td>{html.escape(licence)}</td></tr>"
        )
    for fonts, licence, _file in FONTS:
        rows.append(
            f"<tr><td>{fonts}</td><td></td><td>{fonts_role}</td>"
            f"<td>{html.escape(_(licence))}</td></tr>"
        )
    headings = "".join(
        f"<th align='left'>{html.escape(text)}</th>"
        for text in (_("Component"), _("Version"), _("Used for"), _("Licence"))
    )
    title = html.escape(_("Third-party components"))
    parts = [
        f"<h3>{title}</h3>",
        f"<table cellpadding='3'><tr>{headings}</tr>",
        *rows,
        "</table>",
        "<p>"
        + html.escape(
            _(
                "Qt and Qt for Python are used under the LGPL-3.0 as shared libraries, which "
                "may be replaced; their source is at {address}."
            ).format(address="https://download.qt.io")
        )
        + "</p>",
    ]
    for fonts, _licence, file in FONTS:
        text = resource("fonts", file).read_text(encoding="utf-8", errors="replace")
        parts.append(f"<h4>{fonts}</h4><pre>{html.escape(text)}</pre>")
    for distribution, _role, _licence in COMPONENTS:
        for text in _licence_texts(distribution):
            parts.append(f"<h4>{html.escape(distribution)}</h4><pre>{html.escape(text)}</pre>")
    return "\n".join(parts)
