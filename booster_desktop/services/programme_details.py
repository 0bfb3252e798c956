"""The programme's contacts and identity, and each tour's hotel and contact: read and changed
here, in one place, which every printed material (booklets now; badges, sign-in sheets and
certificates next) reads them from."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy import Connection, select

from booster_desktop.domain.base import text_limit
from booster_desktop.domain.details import ProgrammeDetails, TourContacts
from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.programme import IMAGE_LIMIT, Programme
from booster_desktop.domain.text import clean
from booster_desktop.domain.tour import Tour
from booster_desktop.i18n import _
from booster_desktop.services.validation import InvalidRecord
from booster_desktop.store.changes import changed_columns, report
from booster_desktop.store.open_files import refuse_if_open_here
from booster_desktop.store.programme_file import ProgrammeFile
from booster_desktop.store.versions import versioned_update

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{4,}$")
# What an image file starts with: the logo must be one reportlab and Qt both read.
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")

# The fields of each record, in the order the form shows them, and how each is checked.
PROGRAMME_TEXT = (
    "title",
    "coordinator_name",
    "coordinator_title",
    "coordinator_email",
    "coordinator_phone",
    "emergency_phone",
)
TOUR_TEXT = tuple(f.name for f in fields(TourContacts))


def programme_details(programme: ProgrammeFile) -> ProgrammeDetails:
    """The programme's identity and contacts (empty strings for what is not set)."""
    with programme.engine.connect() as connection:
        return _programme_details(connection)


def _programme_details(connection: Connection) -> ProgrammeDetails:
    row = connection.execute(
        select(
            Programme.uuid,
            Programme.title,
            Programme.coordinator_name,
            Programme.coordinator_title,
            Programme.coordinator_email,
            Programme.coordinator_phone,
            Programme.emergency_phone,
            Programme.logo,
            Programme.version,
        )
    ).one()
    return ProgrammeDetails(
        uuid=row.uuid,
        title=row.title,
        coordinator_name=row.coordinator_name or "",
        coordinator_title=row.coordinator_title or "",
        coordinator_email=row.coordinator_email or "",
        coordinator_phone=row.coordinator_phone or "",
        emergency_phone=row.emergency_phone or "",
        logo=row.logo or None,
        version=row.version,
    )


def tour_contacts(programme: ProgrammeFile, code: str) -> TourContacts:
    """The hotel and contact of the tour with `code`."""
    with programme.engine.connect() as connection:
        row = connection.execute(
            select(*(getattr(Tour, name) for name in TOUR_TEXT)).where(
                Tour.code == code.strip().upper()
            )
        ).first()
    if row is None:
        raise BoosterError(_("tour {code!r} does not exist").format(code=code))
    return TourContacts(*(value or "" for value in row))


def every_tour_contacts(programme: ProgrammeFile) -> dict[str, TourContacts]:
    """Each tour's hotel and contact, by tour code, in the order of the tours' dates."""
    with programme.engine.connect() as connection:
        rows = connection.execute(
            select(Tour.code, *(getattr(Tour, name) for name in TOUR_TEXT)).order_by(
                Tour.start_date, Tour.code
            )
        ).all()
    return {row[0]: TourContacts(*(value or "" for value in row[1:])) for row in rows}


def _checked(value: str, problems: dict[str, str], key: str, limit: int) -> str:
    value = clean(value)
    if len(value) > limit:
        problems[key] = _("At most {limit:,} characters (this has {count:,}).").format(
            limit=limit, count=len(value)
        )
    elif value and key.endswith("email") and not _EMAIL.match(value):
        problems[key] = _("'{value}' is not an e-mail address.").format(value=value)
    elif value and key.endswith("phone") and not _PHONE.match(value):
        problems[key] = _("'{value}' is not a phone number (digits, spaces, + ( ) - . /).").format(
            value=value
        )
    return value


def details_problems(
    details: ProgrammeDetails, tours: dict[str, TourContacts] | None = None
) -> dict[str, str]:
    """What is wrong with `details` (and each tour's contacts), by field: `tour:CODE:field`
    for a tour's. Empty when they can be saved."""
    problems: dict[str, str] = {}
    for name in PROGRAMME_TEXT:
        _checked(getattr(details, name), problems, name, text_limit(Programme, name))
    if not clean(details.title):
        problems["title"] = _("A programme needs a title.")
    if details.logo is not None:
        problems.update(_logo_problems(details.logo))
    for code, contacts in (tours or {}).items():
        found: dict[str, str] = {}
        for name in TOUR_TEXT:
            _checked(getattr(contacts, name), found, name, text_limit(Tour, name))
        problems.update({f"tour:{code}:{key}": text for key, text in found.items()})
    return problems


def _logo_problems(logo: bytes) -> dict[str, str]:
    if len(logo) > IMAGE_LIMIT:
        return {
            "logo": _("The logo is {count:,} bytes; at most {IMAGE_LIMIT:,}.").format(
                count=len(logo), IMAGE_LIMIT=IMAGE_LIMIT
            )
        }
    if not logo.startswith(_IMAGE_SIGNATURES):
        return {"logo": _("The logo must be a PNG or JPEG image.")}
    return {}


def read_logo(path: Path) -> bytes:
    """The bytes of the image file at `path`, checked to be a logo the programme can keep."""
    refuse_if_open_here(path, _("an image"))
    try:
        size = path.stat().st_size
        if size > IMAGE_LIMIT:
            raise BoosterError(
                _("{path}: the logo is {size:,} bytes; at most {IMAGE_LIMIT:,}").format(
                    path=path, size=size, IMAGE_LIMIT=IMAGE_LIMIT
                )
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise BoosterError(
            _("{path}: is a folder; choose an image file").format(path=path)
        ) from None
    except OSError as error:
        raise BoosterError(
            _("{path}: cannot be read ({value})").format(path=path, value=error.strerror or error)
        ) from None
    problem = _logo_problems(data).get("logo")
    if problem:
        raise BoosterError(f"{path}: {problem[0].lower()}{problem[1:].rstrip('.')}")
    return data


def save_details(
    programme: ProgrammeFile,
    details: ProgrammeDetails,
    tours: dict[str, TourContacts] | None = None,
) -> dict[tuple[str, int], int]:
    """Store the programme's details and the given tours' contacts, all or nothing. The
    programme's key (`uuid`) is never changed here: it is its identity. Returns the version
    written of each record written, by (table, id): the window's next save of one of them
    starts from it."""
    problems = details_problems(details, tours)
    if problems:
        raise InvalidRecord(problems)
    with programme.writing() as connection:
        values: dict[str, object] = {
            name: clean(getattr(details, name)) or None for name in PROGRAMME_TEXT
        }
        values["title"] = clean(details.title)
        values["logo"] = details.logo or None
        columns = changed_columns(connection, Programme.__table__, 1, values)
        report(connection, "programme", [1], columns)
        written = {
            ("programme", 1): versioned_update(connection, Programme, 1, values, details.version)
        }
        for code, contacts in (tours or {}).items():
            tour_id = connection.scalar(select(Tour.id).where(Tour.code == code))
            if tour_id is None:
                raise BoosterError(_("tour {code!r} does not exist").format(code=code))
            tour_values = {name: clean(getattr(contacts, name)) or None for name in TOUR_TEXT}
            columns = changed_columns(connection, Tour.__table__, tour_id, tour_values)
            if not columns:
                continue  # unchanged: not written, so a tour edited meanwhile is not refused
            report(connection, "tour", [tour_id], columns)
            # The contacts are written over the tour whatever its version (they are not part
            # of the tour's editor), raising it so that a tour editor open meanwhile is
            # refused rather than overwriting them.
            written["tour", tour_id] = versioned_update(
                connection, Tour, tour_id, tour_values, None
            )
    return written


@dataclass(frozen=True)
class PrintedDetails:
    """Everything Programme > Details… edits at once: the programme's, and each tour's."""

    programme: ProgrammeDetails
    tours: tuple[tuple[str, TourContacts], ...] = ()


def printed_details(programme: ProgrammeFile) -> PrintedDetails:
    return PrintedDetails(
        programme_details(programme), tuple(every_tour_contacts(programme).items())
    )


def printed_problems(details: PrintedDetails) -> dict[str, str]:
    return details_problems(details.programme, dict(details.tours))


def save_printed_details(
    programme: ProgrammeFile, details: PrintedDetails
) -> dict[tuple[str, int], int]:
    return save_details(programme, details.programme, dict(details.tours))
