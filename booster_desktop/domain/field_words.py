"""The programme's words for the file's tables and columns: what the change history and a
refused save show in their Record and Field columns ("Manager", "Given name"), never a
column's name.

One word per table and per (table, column); a column whose word is the same in every
table it appears in ("E-mail", "Notes") is named once in `COMMON`. `field_word()` also names
the fields of the editors' details that are not columns ("organisation", "topics").
"""

from __future__ import annotations

from booster_desktop.i18n import N_, _

TABLES: dict[str, str] = {
    "programme": N_("Programme"),
    "country": N_("Country"),
    "topic": N_("Topic"),
    "organisation": N_("Organisation"),
    "manager": N_("Manager"),
    "person": N_("Person"),
    "tour": N_("Tour"),
    "badge_print": N_("Badge printed"),
    "badge_token": N_("Badge token"),
    "certificate": N_("Certificate"),
    "enrolment": N_("Enrolment"),
    "topic_interest": N_("Topic rank"),
    "tour_focus_topic": N_("Tour's focus topic"),
    "tour_session": N_("Session"),
    "travel_document": N_("Travel document"),
    "checkin": N_("Check-in"),
    "session_person": N_("Session's person"),
    "session_topic": N_("Session's topic"),
}

# Columns named alike in every table that has them (and the editors' fields that stand for
# a column: "organisation" for organisation_id).
COMMON: dict[str, str] = {
    "id": N_("ID"),
    "version": N_("Version"),
    "manager_id": N_("Manager"),
    "tour_id": N_("Tour"),
    "topic_id": N_("Topic"),
    "session_id": N_("Session"),
    "person_id": N_("Person"),
    "organisation_id": N_("Organisation"),
    "organisation": N_("Organisation"),
    "country_code": N_("Country"),
    "city": N_("City"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "notes": N_("Notes"),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "title": N_("Title"),
    "description": N_("Description"),
    "created_at": N_("Created"),
    "status": N_("Status"),
    "role": N_("Role"),
    "token": N_("Badge token"),
    "issued_at": N_("Issued"),
    "address": N_("Address"),
    "uuid": N_("Identifier"),
    "topics": N_("Topics"),
    "host_agency": N_("Host"),
    "visited_organisation": N_("Visited organisation"),
    "contact_name": N_("Contact"),
    "contact_phone": N_("Contact's phone"),
    "contact_email": N_("Contact's e-mail"),
    "nationality": N_("Nationality"),
    "passport_number": N_("Passport number"),
    "passport_expiry": N_("Passport expiry"),
    "date_of_birth": N_("Date of birth"),
}

# Columns whose word depends on their table, or found in one table only.
FIELDS: dict[tuple[str, str], str] = {
    ("programme", "lottery_seed"): N_("Lottery seed"),
    ("programme", "coordinator_name"): N_("Coordinator"),
    ("programme", "coordinator_title"): N_("Coordinator's title"),
    ("programme", "coordinator_email"): N_("Coordinator's e-mail"),
    ("programme", "coordinator_phone"): N_("Coordinator's phone"),
    ("programme", "emergency_phone"): N_("Emergency phone"),
    ("programme", "logo"): N_("Logo"),
    ("programme", "signature"): N_("Signature"),
    ("programme", "attendance_minimum"): N_("Attendance for a certificate"),
    ("programme", "travel_data_retention_days"): N_("Days travel data is kept"),
    ("country", "code"): N_("Code"),
    ("country", "name_en"): N_("Name in English"),
    ("country", "name_fr"): N_("Name in French"),
    ("country", "name_ar"): N_("Name in Arabic"),
    ("topic", "name_key"): N_("Name as compared"),
    ("topic", "is_priority"): N_("Priority"),
    ("organisation", "sector"): N_("Sector"),
    ("organisation", "website"): N_("Website"),
    ("manager", "given_name"): N_("Given name"),
    ("manager", "family_name"): N_("Family name"),
    ("manager", "arabic_name"): N_("Name in Arabic"),
    ("manager", "person_key"): N_("Name as compared"),
    ("manager", "gender"): N_("Gender"),
    ("manager", "diets"): N_("Diets"),
    ("manager", "dietary_needs"): N_("Dietary needs"),
    ("manager", "accessibility_needs"): N_("Accessibility needs"),
    ("manager", "erased_at"): N_("Erased"),
    ("person", "job_title"): N_("Job title"),
    ("tour", "code"): N_("Code"),
    ("tour", "region"): N_("Region"),
    ("tour", "host_agency_id"): N_("Host"),
    ("tour", "start_date"): N_("Start"),
    ("tour", "end_date"): N_("End"),
    ("tour", "capacity"): N_("Capacity"),
    ("tour", "time_zone"): N_("Time zone"),
    ("tour", "hotel_name"): N_("Hotel"),
    ("tour", "hotel_address"): N_("Hotel address"),
    ("tour", "hotel_phone"): N_("Hotel phone"),
    ("badge_print", "event"): N_("Event"),
    ("badge_print", "layout"): N_("Layout"),
    ("badge_print", "at"): N_("When"),
    ("badge_token", "revoked_at"): N_("Revoked"),
    ("certificate", "sequence"): N_("Sequence"),
    ("certificate", "number"): N_("Number"),
    ("enrolment", "status"): N_("Enrolment status"),
    ("enrolment", "arrival_at"): N_("Arrival"),
    ("enrolment", "arrival_details"): N_("Arrival details"),
    ("enrolment", "departure_at"): N_("Departure"),
    ("enrolment", "departure_details"): N_("Departure details"),
    ("enrolment", "hotel"): N_("Hotel"),
    ("topic_interest", "rank"): N_("Rank"),
    ("tour_session", "date"): N_("Date"),
    ("tour_session", "start_time"): N_("Start"),
    ("tour_session", "end_time"): N_("End"),
    ("tour_session", "venue"): N_("Venue"),
    ("tour_session", "visited_organisation_id"): N_("Visited organisation"),
    ("tour_session", "transfer_mode"): N_("Transfer mode"),
    ("tour_session", "transfer_minutes"): N_("Transfer minutes"),
    ("tour_session", "revision"): N_("Revision"),
    ("tour_session", "modified_at"): N_("Modified"),
    ("checkin", "recorded_at"): N_("Recorded"),
    ("checkin", "device"): N_("Device"),
    ("checkin", "voided"): N_("Voided"),
    ("checkin", "admitted_unregistered"): N_("Admitted without enrolment"),
}


def english_field(table: str, name: str) -> str | None:
    """The English word for a column or an editor's field of `table` (None: it has none)."""
    return FIELDS.get((table, name)) or COMMON.get(name)


def table_word(table: str) -> str:
    """The table in the programme's words, in the current language ("Manager")."""
    english = TABLES.get(table)
    return _(english) if english else table.replace("_", " ")


def field_word(table: str, name: str) -> str:
    """A column or an editor's field in the programme's words, in the current language
    ("Given name"); a name the programme no longer has (in an old history) as it was."""
    english = english_field(table, name)
    return _(english) if english else name.replace("_", " ")
