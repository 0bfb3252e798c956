"""Sign-in sheets: the paper backup of the check-in, one section per session or visit."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from booster_desktop.domain.errors import BoosterError
from booster_desktop.domain.kinds import SessionKind
from booster_desktop.domain.labels import label
from booster_desktop.domain.manager import Manager
from booster_desktop.domain.organisation import Organisation
from booster_desktop.domain.printed import SigninPerson, SigninSession, SigninSheets
from booster_desktop.domain.session import TourSession
from booster_desktop.domain.tour import Tour
from booster_desktop.i18n import _
from booster_desktop.services.attendance import signin_sheet
from booster_desktop.services.rosters import check_target, find_tour
from booster_desktop.store.programme_file import ProgrammeFile

# What nobody signs for: the coach and the lunch.
UNSIGNED_KINDS = (SessionKind.TRANSFER, SessionKind.MEAL)
MOST_BLANK_ROWS = 200


def _expected(programme: ProgrammeFile, tour_id: int) -> tuple[SigninPerson, ...]:
    """The tour's expected managers with the numbers the attendance grid gives them (its
    sign-in sheet order), and their organisations."""
    sheet = signin_sheet(programme, tour_id)
    with programme.engine.connect() as connection:
        organisations = dict(
            connection.execute(
                select(Manager.id, Organisation.name)
                .join(Organisation, Organisation.id == Manager.organisation_id)
                .where(Manager.id.in_([a.manager_id for a in sheet]))
            ).all()
        )
    return tuple(
        SigninPerson(
            number=a.number,
            manager_id=a.manager_id,
            name=a.name,
            arabic_name=a.arabic_name or "",
            organisation=organisations.get(a.manager_id) or "",
        )
        for a in sheet
    )


def signin_sheets(
    programme: ProgrammeFile,
    *,
    session: int | None = None,
    tour: str | None = None,
    blank_rows: int = 5,
) -> SigninSheets:
    """The sheets of one session (`session`), or of every session and visit of a tour."""
    if not 0 <= blank_rows <= MOST_BLANK_ROWS:
        raise BoosterError(
            _("--blank: from 0 to {MOST_BLANK_ROWS} rows").format(MOST_BLANK_ROWS=MOST_BLANK_ROWS)
        )
    with programme.engine.connect() as connection:
        query = select(
            TourSession.id,
            TourSession.tour_id,
            TourSession.kind,
            TourSession.title,
            TourSession.date,
            TourSession.start_time,
            TourSession.end_time,
            TourSession.venue,
            TourSession.address,
            Tour.code,
            Tour.title.label("tour_title"),
        ).join(Tour, Tour.id == TourSession.tour_id)
        if session is not None:
            rows = connection.execute(query.where(TourSession.id == session)).all()
            if not rows:
                raise BoosterError(_("session {session} does not exist").format(session=session))
            title = rows[0].tour_title
        else:
            assert tour is not None
            chosen = find_tour(connection, tour)
            rows = connection.execute(
                query.where(
                    TourSession.tour_id == chosen.id, TourSession.kind.not_in(UNSIGNED_KINDS)
                ).order_by(TourSession.date, TourSession.start_time, TourSession.id)
            ).all()
            if not rows:
                raise BoosterError(
                    _("tour {code} has no sessions or visits to sign in").format(code=chosen.code)
                )
            title = chosen.title
        tour_id = rows[0].tour_id
    people = _expected(programme, tour_id)
    if not people and blank_rows == 0:
        raise BoosterError(
            _("nobody is expected and no blank rows were asked for: nothing to print")
        )
    sessions = tuple(
        SigninSession(
            id=row.id,
            tour_code=row.code,
            tour_title=row.tour_title,
            kind=label(f"kind.{row.kind.value}"),
            title=row.title,
            day=row.date,
            start=row.start_time,
            end=row.end_time,
            venue=row.venue or "",
            address=row.address or "",
            people=people,
        )
        for row in rows
    )
    return SigninSheets(title=title, sessions=sessions, blank_rows=blank_rows)


def export_signin(
    programme: ProgrammeFile,
    target: Path,
    *,
    session: int | None = None,
    tour: str | None = None,
    blank_rows: int = 5,
) -> SigninSheets:
    """`booster export signin`: the sign-in sheets as one PDF."""
    from booster_desktop.exports.signin_pdf import write_signin

    check_target(programme, target, (".pdf",))
    sheets = signin_sheets(programme, session=session, tour=tour, blank_rows=blank_rows)
    write_signin(sheets, Path(target))
    return sheets
