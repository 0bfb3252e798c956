"""What each tab shows and edits, declared once: columns, loaders, editor, saver.

One `Entity` per tab (managers, topics, tours, sessions), so the tab widget, the undo
commands and the delete confirmation are written once for all of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtWidgets import QWidget

from booster_desktop.domain.kinds import OrganisationKind
from booster_desktop.i18n import ngettext
from booster_desktop.services.programme import ProgrammeFile
from booster_desktop.ui.table_model import Column
from booster_desktop.ui.translation import QT_TR_NOOP, medium_date, tr, weekday_date

if TYPE_CHECKING:
    from booster_desktop.services.manager_rows import ManagerRow
    from booster_desktop.services.managers import ManagerDetails
    from booster_desktop.services.sessions import SessionDetails, SessionRow
    from booster_desktop.services.topics import TopicDetails, TopicRow
    from booster_desktop.services.tours import TourDetails, TourRow
    from booster_desktop.ui.editors import RecordEditor

R = TypeVar("R")
D = TypeVar("D")


def _later(module: str, name: str) -> Callable[..., Any]:
    """`module.name`, imported on first call: editing, and the other tabs' rows, need the ORM
    and the Designer forms, which start-up does not (bench/ measures start-up)."""

    def call(*args: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args)

    return call


# The words the tabs show for a session's kind and a manager's status (stored in English).
KIND_WORDS = (
    QT_TR_NOOP("Training"),
    QT_TR_NOOP("Visit"),
    QT_TR_NOOP("Transfer"),
    QT_TR_NOOP("Meal"),
    QT_TR_NOOP("Networking"),
    QT_TR_NOOP("Other"),
)
STATUS_WORDS = (QT_TR_NOOP("active"), QT_TR_NOOP("withdrawn"))


def rows_of(table: str, count: int) -> str:
    """How the delete confirmation counts the rows that go with a record: "3 enrolments"."""
    words = {
        "manager": ngettext("{count} manager", "{count} managers", count),
        "enrolment": ngettext("{count} enrolment", "{count} enrolments", count),
        "topic_interest": ngettext("{count} topic rank", "{count} topic ranks", count),
        "badge_token": ngettext("{count} badge token", "{count} badge tokens", count),
        "checkin": ngettext("{count} check-in", "{count} check-ins", count),
        "travel_document": ngettext("{count} travel document", "{count} travel documents", count),
        "tour": ngettext("{count} tour", "{count} tours", count),
        "tour_session": ngettext("{count} session", "{count} sessions", count),
        "session_person": ngettext(
            "{count} speaker and host-contact link", "{count} speaker and host-contact links", count
        ),
        "session_topic": ngettext("{count} session topic", "{count} session topics", count),
        "tour_focus_topic": ngettext(
            "{count} tour focus topic", "{count} tour focus topics", count
        ),
        "topic": ngettext("{count} topic", "{count} topics", count),
    }
    return words.get(table, f"{{count}} {table}").format(count=count)


@dataclass(frozen=True)
class Entity(Generic[R, D]):
    """One kind of record the window lists and edits."""

    key: str  # managers, topics, tours, visits: the tab's name on the command line too
    title: str  # the tab's title
    singular: str  # "manager", in messages
    table: str  # the table whose rows a delete takes (with what cascades from them)
    columns: tuple[Column[Any], ...]
    rows: Callable[[ProgrammeFile, Collection[int] | None], list[R]]
    details: Callable[[ProgrammeFile, int], D]
    blank: Callable[[], D]
    save: Callable[[ProgrammeFile, D, int | None], int]
    editor: Callable[[ProgrammeFile, int | None, QWidget], RecordEditor[D]]
    describe: Callable[[R], str]
    search_hint: str
    # What else the rows show, as tables or "table.column": a change to one of these reloads
    # the tab, unless it names the tab's own rows (then only they changed: re-read them).
    depends: frozenset[str] = frozenset()
    # The column that takes the width the others leave (a title), the others fit their text.
    stretch: str = ""


def count_of(entity: Entity[Any, Any], count: int) -> str:
    """ "1 manager", "12 managers": a count of records in the window's language."""
    # gettext's plural rules (French says "0 manager", English "0 managers").
    words = {
        "managers": ngettext("{count} manager", "{count} managers", count),
        "topics": ngettext("{count} topic", "{count} topics", count),
        "tours": ngettext("{count} tour", "{count} tours", count),
        "visits": ngettext("{count} session", "{count} sessions", count),
    }
    return words[entity.key].format(count=count)


def _manager_editor(
    programme: ProgrammeFile, record_id: int | None, parent: QWidget
) -> RecordEditor[ManagerDetails]:
    from booster_desktop.services import choices, managers
    from booster_desktop.ui.editors import ManagerEditor

    return ManagerEditor(
        lambda d: managers.manager_problems(programme, d, record_id),
        choices.countries(programme),
        choices.organisation_names(programme, OrganisationKind.CLUSTER),
        parent,
    )


# A day whose name and month are among the longest to write (Wednesday, September).
WIDE_DAY = date(2027, 9, 29)

MANAGERS: Entity[ManagerRow, ManagerDetails] = Entity(
    key="managers",
    title=QT_TR_NOOP("Managers"),
    singular=QT_TR_NOOP("manager"),
    table="manager",
    columns=(
        Column("ID", lambda r: str(r.id), sort=lambda r: r.id, align_right=True),
        Column(QT_TR_NOOP("Given name"), lambda r: r.given_name),
        Column(QT_TR_NOOP("Family name"), lambda r: r.family_name),
        Column(QT_TR_NOOP("Name in Arabic"), lambda r: r.arabic_name),
        Column(QT_TR_NOOP("Country"), lambda r: r.country),
        Column(QT_TR_NOOP("City"), lambda r: r.city),
        Column(QT_TR_NOOP("Organisation"), lambda r: r.organisation),
        Column(
            QT_TR_NOOP("Tours"),
            lambda r: r.tours,
            tooltip=QT_TR_NOOP("Tours the manager is expected on"),
        ),
        Column(
            QT_TR_NOOP("Topics wanted"),
            lambda r: r.topics,
            tooltip=QT_TR_NOOP("The manager's most wanted topics"),
        ),
        Column(QT_TR_NOOP("E-mail"), lambda r: r.email),
        Column(QT_TR_NOOP("Phone"), lambda r: r.phone),
        Column(QT_TR_NOOP("Status"), lambda r: tr(r.status)),
        Column(
            QT_TR_NOOP("Travel documents"),
            lambda r: tr("on file (hidden)") if r.has_travel_documents else "",
            tooltip=QT_TR_NOOP(
                "Passport and date of birth are shown only in the editor, on request"
            ),
        ),
        Column(QT_TR_NOOP("Badge token"), lambda r: r.badge_token),
    ),
    rows=_later("booster_desktop.services.manager_rows", "manager_rows"),
    details=_later("booster_desktop.services.managers", "manager_details"),
    blank=_later("booster_desktop.services.managers", "ManagerDetails"),
    save=_later("booster_desktop.services.managers", "save_manager"),
    editor=_manager_editor,
    describe=lambda r: f"{r.given_name} {r.family_name}",
    search_hint=QT_TR_NOOP(
        "Search managers: name, country, city, organisation, tour, topic… (Ctrl+F)"
    ),
    depends=frozenset({"enrolment", "tour.code", "topic_interest", "topic.name"}),
)


def _topic_editor(
    programme: ProgrammeFile, record_id: int | None, parent: QWidget
) -> RecordEditor[TopicDetails]:
    from booster_desktop.services import topics
    from booster_desktop.ui.editors import TopicEditor

    return TopicEditor(lambda d: topics.topic_problems(programme, d, record_id), parent)


TOPICS: Entity[TopicRow, TopicDetails] = Entity(
    key="topics",
    title=QT_TR_NOOP("Topics"),
    singular=QT_TR_NOOP("topic"),
    table="topic",
    columns=(
        Column("ID", lambda r: str(r.id), sort=lambda r: r.id, align_right=True),
        Column(QT_TR_NOOP("Topic"), lambda r: r.name),
        Column(QT_TR_NOOP("Priority"), lambda r: "priority" if r.is_priority else ""),
        Column(
            QT_TR_NOOP("Wanted by"),
            lambda r: str(r.wanted_by),
            sort=lambda r: r.wanted_by,
            align_right=True,
            tooltip=QT_TR_NOOP("Managers who ranked this topic"),
        ),
        Column(
            "1st",
            lambda r: str(r.first),
            sort=lambda r: r.first,
            align_right=True,
            tooltip=QT_TR_NOOP("Managers who ranked it first"),
        ),
        Column("2nd", lambda r: str(r.second), sort=lambda r: r.second, align_right=True),
        Column("3rd", lambda r: str(r.third), sort=lambda r: r.third, align_right=True),
    ),
    rows=_later("booster_desktop.services.topics", "topic_rows"),
    details=_later("booster_desktop.services.topics", "topic_details"),
    blank=_later("booster_desktop.services.topics", "TopicDetails"),
    save=_later("booster_desktop.services.topics", "save_topic"),
    editor=_topic_editor,
    describe=lambda r: r.name,
    search_hint=QT_TR_NOOP("Search topics (Ctrl+F)"),
    stretch=QT_TR_NOOP("Topic"),
    depends=frozenset({"topic_interest", "manager.status"}),
)


def _tour_editor(
    programme: ProgrammeFile, record_id: int | None, parent: QWidget
) -> RecordEditor[TourDetails]:
    from booster_desktop.services import choices, tours
    from booster_desktop.ui.editors import TourEditor

    return TourEditor(
        lambda d: tours.tour_problems(programme, d, record_id),
        choices.countries(programme),
        choices.organisation_names(programme, OrganisationKind.HOST_AGENCY),
        choices.time_zones(),
        parent,
    )


TOURS: Entity[TourRow, TourDetails] = Entity(
    key="tours",
    title=QT_TR_NOOP("Tours"),
    singular=QT_TR_NOOP("tour"),
    table="tour",
    columns=(
        Column(QT_TR_NOOP("Code"), lambda r: r.code),
        Column(QT_TR_NOOP("Title"), lambda r: r.title),
        # Dates as the window's language writes them; sorted by the date itself.
        Column(
            QT_TR_NOOP("Start"),
            lambda r: medium_date(r.start),
            sort=lambda r: r.start,
            widest=lambda: medium_date(WIDE_DAY),
        ),
        Column(
            QT_TR_NOOP("End"),
            lambda r: medium_date(r.end),
            sort=lambda r: r.end,
            widest=lambda: medium_date(WIDE_DAY),
        ),
        Column(
            QT_TR_NOOP("Seats taken"),
            lambda r: r.seats,
            sort=lambda r: (r.expected, r.capacity),
            align_right=True,
            tooltip=QT_TR_NOOP("Expected managers (proposed or confirmed) / capacity"),
        ),
        Column(QT_TR_NOOP("Host agency"), lambda r: r.host),
        Column(QT_TR_NOOP("Region"), lambda r: r.region),
        Column(QT_TR_NOOP("City"), lambda r: r.city),
        Column(QT_TR_NOOP("Time zone"), lambda r: r.time_zone),
    ),
    rows=_later("booster_desktop.services.tours", "tour_rows"),
    details=_later("booster_desktop.services.tours", "tour_details"),
    blank=_later("booster_desktop.services.tours", "TourDetails"),
    save=_later("booster_desktop.services.tours", "save_tour"),
    editor=_tour_editor,
    describe=lambda r: f"{r.code} ({r.title})",
    search_hint=QT_TR_NOOP("Search tours (Ctrl+F)"),
    stretch=QT_TR_NOOP("Title"),
    depends=frozenset({"enrolment", "manager.status"}),
)


def _session_editor(
    programme: ProgrammeFile, record_id: int | None, parent: QWidget
) -> RecordEditor[SessionDetails]:
    from booster_desktop.services import choices, sessions
    from booster_desktop.ui.editors import SessionEditor

    return SessionEditor(
        lambda d: sessions.session_problems(programme, d, record_id),
        lambda d: sessions.session_notes(programme, d),
        choices.tours(programme),
        choices.SESSION_KINDS,
        parent,
        choices.organisation_names(programme),
        choices.topic_names(programme),
    )


SESSIONS: Entity[SessionRow, SessionDetails] = Entity(
    key="visits",
    title=QT_TR_NOOP("Visits"),
    singular=QT_TR_NOOP("session"),
    table="tour_session",
    columns=(
        Column("ID", lambda r: str(r.id), sort=lambda r: r.id, align_right=True),
        Column(QT_TR_NOOP("Tour"), lambda r: r.tour),
        Column(QT_TR_NOOP("Kind"), lambda r: tr(r.kind.capitalize())),
        Column(
            QT_TR_NOOP("Date"),
            lambda r: weekday_date(r.date) + (" ⚠" if r.outside_tour else ""),
            sort=lambda r: (r.date, r.start),
            tooltip=QT_TR_NOOP("⚠: outside the tour's dates"),
            widest=lambda: weekday_date(WIDE_DAY) + " ⚠",
        ),
        Column(
            QT_TR_NOOP("Start"),
            lambda r: r.start.strftime("%H:%M"),
            sort=lambda r: (r.start, r.date),
        ),
        Column(
            QT_TR_NOOP("End"), lambda r: r.end.strftime("%H:%M"), sort=lambda r: (r.end, r.date)
        ),
        Column(QT_TR_NOOP("Title"), lambda r: r.title),
        Column(QT_TR_NOOP("Venue"), lambda r: r.venue),
        Column(QT_TR_NOOP("Address"), lambda r: r.address),
    ),
    rows=_later("booster_desktop.services.sessions", "session_rows"),
    details=_later("booster_desktop.services.sessions", "session_details"),
    blank=_later("booster_desktop.services.sessions", "SessionDetails"),
    save=_later("booster_desktop.services.sessions", "save_session"),
    editor=_session_editor,
    describe=lambda r: f"{r.tour} {r.date.isoformat()} {r.title}",
    search_hint=QT_TR_NOOP("Search sessions and visits (Ctrl+F)"),
    stretch=QT_TR_NOOP("Title"),
    depends=frozenset({"tour.code", "tour.start_date", "tour.end_date"}),
)

ENTITIES: tuple[Entity[Any, Any], ...] = (MANAGERS, TOPICS, TOURS, SESSIONS)
