"""The third-party components Booster Desktop carries, with their licences: for Help > About
and for the bundles (which copy these packages' metadata, where their licence files are)."""

from __future__ import annotations

import html
import platform
from importlib import metadata

from booster_desktop.package_data import resource

# (distribution, what it does here, licence): what the application and its bundles carry.
COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("PySide6-Essentials", "Qt for Python: the window", "LGPL-3.0"),
    ("PySide6-Addons", "Qt for Python: charts", "LGPL-3.0"),
    ("shiboken6", "Qt for Python's bindings", "LGPL-3.0"),
    ("SQLAlchemy", "the programme file", "MIT"),
    ("alembic", "upgrading programme files", "MIT"),
    ("Mako", "Alembic's templates", "MIT"),
    ("reportlab", "agendas and badges as PDF", "BSD-3-Clause"),
    ("pillow", "images in PDFs", "MIT-CMU"),
    ("openpyxl", "spreadsheets", "MIT"),
    ("et_xmlfile", "spreadsheets", "MIT"),
    ("python-calamine", "old and LibreOffice spreadsheets", "MIT"),
    ("defusedxml", "safe XML reading", "PSF-2.0"),
    ("charset-normalizer", "CSV encodings", "MIT"),
    ("platformdirs", "where settings and logs go", "MIT"),
    ("pycountry", "country names", "LGPL-2.1"),
    ("phonenumbers", "phone numbers", "Apache-2.0"),
    ("tzdata", "time zones", "Apache-2.0"),
    ("tqdm", "progress in the terminal", "MPL-2.0 AND MIT"),
    ("ortools", "the allocation solver", "Apache-2.0"),
    ("numpy", "the allocation solver's arrays", "BSD-3-Clause"),
    ("protobuf", "OR-Tools' messages", "BSD-3-Clause"),
    ("absl-py", "OR-Tools' support library", "Apache-2.0"),
    ("immutabledict", "OR-Tools' support library", "MIT"),
    ("arabic-reshaper", "Arabic letters in PDFs", "MIT"),
    ("python-bidi", "right-to-left text in PDFs", "LGPL-3.0"),
    ("icalendar", "calendars", "BSD-2-Clause"),
    ("python-dateutil", "calendars", "BSD-3-Clause"),
    ("pyrage", "encrypted copies (age)", "MIT"),
    ("typing_extensions", "type hints", "PSF-2.0"),
)

# (fonts, licence, licence file in resources/fonts).
FONTS = (
    ("Noto Sans, Noto Naskh Arabic", "SIL Open Font License 1.1", "LICENSE-Noto.txt"),
    ("DejaVu Sans", "Bitstream Vera licence and public domain", "LICENSE-DejaVu.txt"),
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
    """Every component, its version here and its licence, then the licence texts."""
    rows = [
        f"<tr><td>Python</td><td>{platform.python_version()}</td><td>the language</td>"
        "<td>PSF-2.0</td></tr>",
        f"<tr><td>Qt</td><td>{qt_version}</td><td>the window (shared libraries)</td>"
        "<td>LGPL-3.0</td></tr>",
    ]
    for distribution, role, licence in COMPONENTS:
        version = _version(distribution)
        if version is None:
            continue  # left out of this installation (the bundle leaves some out)
        rows.append(
            f"<tr><td>{html.escape(distribution)}</td><td>{version}</td>"
            f"<td>{html.escape(role)}</td><td>{html.escape(licence)}</td></tr>"
        )
    for fonts, licence, _file in FONTS:
        rows.append(f"<tr><td>{fonts}</td><td></td><td>fonts</td><td>{licence}</td></tr>")
    parts = [
        "<h3>Third-party components</h3>",
        "<table cellpadding='3'><tr><th align='left'>Component</th><th align='left'>Version"
        "</th><th align='left'>Used for</th><th align='left'>Licence</th></tr>",
        *rows,
        "</table>",
        "<p>Qt and Qt for Python are used under the LGPL-3.0 as shared libraries, which may "
        "be replaced; their source is at https://download.qt.io.</p>",
    ]
    for fonts, _licence, file in FONTS:
        text = resource("fonts", file).read_text(encoding="utf-8", errors="replace")
        parts.append(f"<h4>{fonts}</h4><pre>{html.escape(text)}</pre>")
    for distribution, _role, _licence in COMPONENTS:
        for text in _licence_texts(distribution):
            parts.append(f"<h4>{html.escape(distribution)}</h4><pre>{html.escape(text)}</pre>")
    return "\n".join(parts)
