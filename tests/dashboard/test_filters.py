"""The global filters: URL parsing (valid, unknown and hostile values), encoding, arithmetic."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from dashboard.i18n import messages
from dashboard.state.filters import (
    MACRO,
    MAX_PARAM_CHARS,
    PARTY_ROLES,
    PERIOD,
    PERIOD_URL,
    PRESETS,
    REGISTRY,
    Filter,
    Filters,
    Notice,
    Options,
    by_field,
    describe,
    parse_url,
    preset_period,
    sql_struct,
    to_url,
    with_period,
)
from warehouse import db

D = dt.date

OPTIONS = Options(
    bodies=("sme_dialogue", "sme_committee", "tbt_committee", "joint_review"),
    chapters=(11, 25, 34),
    topics=("smes", "ecommerce", "digitalization"),
    topic_groups=("digital", "smes"),
    parties=("MX", "US", "CA"),
    kinds=("dialogue", "committee_meeting"),
    statuses=("held", "postponed", "rescheduled", "cancelled", "announced"),
    confidences=("high", "medium", "low"),
    first_date=D(2020, 9, 23),
    last_date=D(2026, 7, 20),
)


# --- parse_url: valid values ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, Filters()),
        ({"from": "2023-01-01"}, Filters(date_from=D(2023, 1, 1))),
        ({"to": "2024-12-31"}, Filters(date_to=D(2024, 12, 31))),
        (
            {"from": "2023-01-01", "to": "2023-01-01"},
            Filters(date_from=D(2023, 1, 1), date_to=D(2023, 1, 1)),
        ),
        ({"from": " 2023-05-06 "}, Filters(date_from=D(2023, 5, 6))),
        ({"body": "sme_dialogue"}, Filters(bodies=("sme_dialogue",))),
        (
            {"body": "tbt_committee,sme_dialogue"},
            Filters(bodies=("tbt_committee", "sme_dialogue")),
        ),
        (
            {"body": " sme_dialogue , joint_review "},
            Filters(bodies=("sme_dialogue", "joint_review")),
        ),
        ({"chapter": "25"}, Filters(chapters=(25,))),
        ({"chapter": "34,11"}, Filters(chapters=(34, 11))),
        ({"topic": "smes,ecommerce"}, Filters(topics=("smes", "ecommerce"))),
        ({"tgroup": "digital"}, Filters(topic_groups=("digital",))),
        ({"party": "MX,CA", "role": "host"}, Filters(parties=("MX", "CA"), party_roles=("host",))),
        ({"kind": "dialogue"}, Filters(kinds=("dialogue",))),
        ({"status": "held,announced"}, Filters(statuses=("held", "announced"))),
        ({"conf": "low"}, Filters(confidences=("low",))),
        # Parameters that are not filters (language, page choices) are someone else's business.
        ({"lang": "en", "event": "x", "grain": "quarter"}, Filters()),
        ({"body": ",,,"}, Filters()),
        ({"body": ""}, Filters()),
    ],
)
def test_parse_url_valid(params: dict[str, str], expected: Filters) -> None:
    filters, notices = parse_url(params, OPTIONS)
    assert filters == expected
    assert notices == []


def test_parse_url_chapters_are_ints() -> None:
    filters, _ = parse_url({"chapter": "25,11"}, OPTIONS)
    assert filters.chapters == (25, 11)
    assert all(type(c) is int for c in filters.chapters)
    assert sql_struct(filters)["chapters"] == [25, 11]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"body": "sme_dialogue,sme_dialogue"}, Filters(bodies=("sme_dialogue",))),
        (
            {"body": "sme_dialogue,joint_review,sme_dialogue"},
            Filters(bodies=("sme_dialogue", "joint_review")),
        ),
        ({"chapter": "25,25,25"}, Filters(chapters=(25,))),
        ({"party": "MX,MX", "role": "host,host"}, Filters(parties=("MX",), party_roles=("host",))),
    ],
)
def test_parse_url_duplicates_are_kept_once(params: dict[str, str], expected: Filters) -> None:
    filters, notices = parse_url(params, OPTIONS)
    assert filters == expected
    assert notices == []


# --- parse_url: unknown and hostile values ----------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected", "notices"),
    [
        (
            {"body": "sme_dialogue,nope"},
            Filters(bodies=("sme_dialogue",)),
            [Notice("body", "nope", "unknown")],
        ),
        ({"body": "nope"}, Filters(), [Notice("body", "nope", "unknown")]),
        ({"chapter": "99"}, Filters(), [Notice("chapter", "99", "unknown")]),
        ({"chapter": "025"}, Filters(), [Notice("chapter", "025", "unknown")]),
        ({"chapter": "25.0"}, Filters(), [Notice("chapter", "25.0", "unknown")]),
        ({"party": "mx"}, Filters(), [Notice("party", "mx", "unknown")]),
        ({"role": "observer"}, Filters(), [Notice("role", "observer", "unknown")]),
        ({"status": "HELD"}, Filters(), [Notice("status", "HELD", "unknown")]),
        ({"conf": "certain"}, Filters(), [Notice("conf", "certain", "unknown")]),
        (
            {"kind": "dialogue", "tgroup": "x", "topic": "smes"},
            Filters(kinds=("dialogue",), topics=("smes",)),
            [Notice("tgroup", "x", "unknown")],
        ),
        (
            {"body": "';drop table events;--"},
            Filters(),
            [Notice("body", "';drop table events;--", "unknown")],
        ),
        (
            {"topic": "smes' or '1'='1"},
            Filters(),
            [Notice("topic", "smes' or '1'='1", "unknown")],
        ),
        (
            {"body": "<script>alert(1)</script>"},
            Filters(),
            [Notice("body", "<script>alert(1)</script>", "unknown")],
        ),
        (
            {"body": "sme_dialogue\x00"},
            Filters(),
            [Notice("body", "sme_dialogue\x00", "unknown")],
        ),
        (
            {"from": "';drop table events;--"},
            Filters(),
            [Notice("from", "';drop table events;--", "not_a_date")],
        ),
        (
            {"from": "<script>"},
            Filters(),
            [Notice("from", "<script>", "not_a_date")],
        ),
        ({"from": "notadate"}, Filters(), [Notice("from", "notadate", "not_a_date")]),
        (
            {"from": "2023-02-30"},
            Filters(),
            [Notice("from", "2023-02-30", "not_a_date")],
        ),
        ({"to": "2023-13-01"}, Filters(), [Notice("to", "2023-13-01", "not_a_date")]),
        ({"to": "2023-1-5"}, Filters(), [Notice("to", "2023-1-5", "not_a_date")]),
        (
            {"from": "2024-01-01", "to": "2023-01-01"},
            Filters(),
            [Notice("from", "2024-01-01", "after_to")],
        ),
    ],
)
def test_parse_url_drops_unknown_with_notice(
    params: dict[str, str], expected: Filters, notices: list[Notice]
) -> None:
    filters, found = parse_url(params, OPTIONS)
    assert filters == expected
    assert found == notices


@pytest.mark.parametrize("param", ["body", "topic", "from", "to", "chapter", "status"])
def test_parse_url_refuses_overlong_values(param: str) -> None:
    raw = "x" * 5000
    filters, notices = parse_url({param: raw}, OPTIONS)
    assert filters == Filters()
    assert len(notices) == 1
    notice = notices[0]
    assert (notice.param, notice.reason) == (param, "too_long")
    assert len(notice.value) <= 40
    assert notice.value.endswith("...")


def test_parse_url_limit_is_inclusive() -> None:
    """A value of exactly MAX_PARAM_CHARS is still split and checked item by item."""
    raw = ",".join(["sme_dialogue"] * (MAX_PARAM_CHARS // 13))
    assert len(raw) <= MAX_PARAM_CHARS
    filters, notices = parse_url({"body": raw}, OPTIONS)
    assert filters.bodies == ("sme_dialogue",)
    assert notices == []


def test_parse_url_notice_values_are_clipped() -> None:
    item = "y" * 300
    _, notices = parse_url({"body": item}, OPTIONS)
    assert notices == [Notice("body", "y" * 37 + "...", "unknown")]


def test_parse_url_repeated_unknown_item_gives_one_notice() -> None:
    _, notices = parse_url({"topic": ",".join(["x"] * 900)}, OPTIONS)
    assert notices == [Notice("topic", "x", "unknown")]


def test_parse_url_from_after_to_drops_both_dates_but_keeps_other_filters() -> None:
    filters, notices = parse_url(
        {"from": "2025-06-01", "to": "2025-01-01", "body": "sme_dialogue"}, OPTIONS
    )
    assert filters == Filters(bodies=("sme_dialogue",))
    assert notices == [Notice("from", "2025-06-01", "after_to")]


# --- to_url -----------------------------------------------------------------------------------


ROUND_TRIP = [
    Filters(),
    Filters(date_from=D(2023, 1, 1)),
    Filters(date_to=D(2024, 2, 29)),
    Filters(date_from=D(2021, 3, 4), date_to=D(2025, 12, 31)),
    Filters(bodies=("sme_dialogue", "tbt_committee")),
    Filters(chapters=(34, 25)),
    Filters(topics=("ecommerce",), topic_groups=("digital", "smes")),
    Filters(parties=("CA",), party_roles=("chair", "participant")),
    Filters(kinds=("dialogue",), statuses=("held", "announced", "cancelled")),
    Filters(confidences=("low", "high")),
    Filters(
        date_from=D(2020, 9, 23),
        date_to=D(2026, 7, 20),
        bodies=("joint_review",),
        chapters=(11,),
        topics=("smes", "digitalization"),
        topic_groups=("smes",),
        parties=("MX", "US", "CA"),
        party_roles=("host",),
        kinds=("committee_meeting", "dialogue"),
        statuses=("announced",),
        confidences=("medium",),
    ),
]


@pytest.mark.parametrize("filters", ROUND_TRIP)
def test_to_url_round_trip(filters: Filters) -> None:
    parsed, notices = parse_url(to_url(filters), OPTIONS)
    assert parsed == filters
    assert notices == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), {}),
        (Filters(statuses=("held",), party_roles=PARTY_ROLES), {}),
        (Filters(bodies=("sme_dialogue",)), {"body": "sme_dialogue"}),
        (Filters(chapters=(25, 11)), {"chapter": "25,11"}),
        (
            Filters(date_from=D(2023, 1, 2), date_to=D(2023, 3, 4)),
            {"from": "2023-01-02", "to": "2023-03-04"},
        ),
        (Filters(statuses=("held", "announced")), {"status": "held,announced"}),
        (Filters(parties=("MX",)), {"party": "MX"}),
        (Filters(parties=("MX",), party_roles=("host",)), {"party": "MX", "role": "host"}),
        # The same roles in another order are a different tuple: kept, and they round-trip.
        (
            Filters(party_roles=("participant", "chair", "host")),
            {"role": "participant,chair,host"},
        ),
    ],
)
def test_to_url_omits_defaults(filters: Filters, expected: dict[str, str]) -> None:
    assert to_url(filters) == expected


# --- previous_period --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date_from", "date_to", "prev_from", "prev_to"),
    [
        # Whole calendar years, quarters and months are compared with as many whole ones.
        (D(2025, 1, 1), D(2025, 12, 31), D(2024, 1, 1), D(2024, 12, 31)),
        (D(2024, 1, 1), D(2024, 12, 31), D(2023, 1, 1), D(2023, 12, 31)),
        (D(2023, 1, 1), D(2024, 12, 31), D(2021, 1, 1), D(2022, 12, 31)),
        (D(2024, 3, 1), D(2024, 3, 31), D(2024, 2, 1), D(2024, 2, 29)),
        (D(2024, 4, 1), D(2024, 6, 30), D(2024, 1, 1), D(2024, 3, 31)),
        (D(2024, 1, 1), D(2024, 2, 29), D(2023, 11, 1), D(2023, 12, 31)),
        # Any other period: as many days just before.
        (D(2023, 6, 15), D(2023, 6, 15), D(2023, 6, 14), D(2023, 6, 14)),
        (D(2021, 1, 1), D(2021, 1, 10), D(2020, 12, 22), D(2020, 12, 31)),
        (D(2024, 3, 2), D(2024, 3, 31), D(2024, 2, 1), D(2024, 3, 1)),
    ],
)
def test_previous_period(
    date_from: dt.date, date_to: dt.date, prev_from: dt.date, prev_to: dt.date
) -> None:
    filters = Filters(date_from=date_from, date_to=date_to, bodies=("sme_dialogue",))
    previous = filters.previous_period()
    assert previous == Filters(date_from=prev_from, date_to=prev_to, bodies=("sme_dialogue",))
    assert previous is not None and previous.date_to is not None
    # It always ends the day before this period starts.
    assert previous.date_to == date_from - dt.timedelta(days=1)


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(date_from=D(2023, 1, 1)), Filters(date_to=D(2023, 1, 1))],
)
def test_previous_period_needs_both_bounds(filters: Filters) -> None:
    assert filters.previous_period() is None


# --- describe ---------------------------------------------------------------------------------

LABEL = {
    "period": "Period",
    "bodies": "Bodies",
    "chapters": "Chapters",
    "topics": "Topics",
    "topic_groups": "Topic groups",
    "parties": "Parties",
    "party_roles": "Role",
    "kinds": "Kinds",
    "statuses": "Status",
    "confidences": "Confidence",
}
NAMES = {  # by code list (the confidence list is named in the singular)
    "bodies": {"sme_dialogue": "SME Dialogue", "joint_review": "Joint Review"},
    "chapters": {"25": "Ch. 25 SMEs"},
    "parties": {"MX": "Mexico", "CA": "Canada"},
    "party_roles": {"host": "Host"},
    "statuses": {"held": "Held", "announced": "Announced"},
}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), [("Status", "Held")]),
        (Filters(statuses=()), []),
        (
            Filters(date_from=D(2023, 1, 1), date_to=D(2023, 12, 31)),
            [("Period", "2023-01-01 – 2023-12-31"), ("Status", "Held")],
        ),
        (Filters(date_from=D(2023, 1, 1)), [("Period", "2023-01-01 – …"), ("Status", "Held")]),
        (Filters(date_to=D(2023, 1, 1)), [("Period", "… – 2023-01-01"), ("Status", "Held")]),
        (
            Filters(bodies=("joint_review", "sme_dialogue"), chapters=(25, 11)),
            [
                ("Bodies", "Joint Review, SME Dialogue"),
                ("Chapters", "Ch. 25 SMEs, 11"),
                ("Status", "Held"),
            ],
        ),
        # Roles only restrict anything when Parties are chosen.
        (Filters(party_roles=("host",)), [("Status", "Held")]),
        (
            Filters(parties=("MX", "CA"), party_roles=("host",)),
            [("Parties", "Mexico, Canada"), ("Role", "Host"), ("Status", "Held")],
        ),
        (
            Filters(topics=("smes",), kinds=("dialogue",), statuses=("held", "announced")),
            [("Topics", "smes"), ("Kinds", "dialogue"), ("Status", "Held, Announced")],
        ),
        (
            Filters(topic_groups=("digital",), confidences=("low",)),
            [("Topic groups", "digital"), ("Status", "Held"), ("Confidence", "low")],
        ),
    ],
)
def test_describe(filters: Filters, expected: list[tuple[str, str]]) -> None:
    def name(list_name: str, code: object) -> str:
        return NAMES.get(list_name, {}).get(str(code), str(code))

    assert describe(filters, label=LABEL.__getitem__, name=name) == expected


def test_sql_struct_holds_the_period_and_every_filter() -> None:
    struct = sql_struct(Filters(bodies=("a",), chapters=(25,)))
    assert struct == {
        "date_from": None,
        "date_to": None,
        "bodies": ["a"],
        "chapters": [25],
        "topics": [],
        "topic_groups": [],
        "parties": [],
        "party_roles": list(PARTY_ROLES),
        "kinds": [],
        "statuses": ["held"],
        "confidences": [],
    }


# --- the registry -----------------------------------------------------------------------------


def test_registry_names_every_field_of_filters_once() -> None:
    fields = sorted(f.name for f in dataclasses.fields(Filters))
    assert fields == sorted(["date_from", "date_to", *(spec.field for spec in REGISTRY)])
    urls = [*PERIOD_URL, *(spec.url for spec in REGISTRY)]
    assert len(set(urls)) == len(urls), urls
    assert "lang" not in urls


def test_the_macro_takes_one_struct() -> None:
    sql = (db.MACROS_DIR / f"{MACRO}.sql").read_text(encoding="utf-8")
    assert re.search(rf"macro {MACRO}\(f\) as table", sql), "filtered_events(f): one struct"


def _keys_read(predicate: str) -> set[str]:
    return set(re.findall(r"struct_extract\(f, '([a-z_]+)'\)", predicate))


def test_the_macro_has_one_predicate_per_filter_and_the_period() -> None:
    """Each filter's SQL is written once, under its name in the macro: a filter without a
    predicate, or a predicate without a filter, fails here."""
    sql = (db.MACROS_DIR / f"{MACRO}.sql").read_text(encoding="utf-8")
    named = re.findall(r"^\s*-- predicate: ([a-z_]+)\s*$", sql, flags=re.MULTILINE)
    owners = [spec.field for spec in REGISTRY if spec.needs is None]
    assert sorted(named) == sorted([PERIOD, *owners])
    assert list(db.macro_predicates(MACRO)) == named


@pytest.mark.parametrize("spec", REGISTRY, ids=lambda s: s.field)
def test_each_predicate_reads_its_own_keys_only(spec: Filter) -> None:
    """A filter's predicate reads its own codes and those of the filters that qualify it
    (a Party's roles): never another filter's."""
    owner = spec.needs or spec.field
    own = {owner, *(s.field for s in REGISTRY if s.needs == owner)}
    assert spec.field in _keys_read(spec.predicate)
    assert _keys_read(spec.predicate) <= own


def test_the_macro_reads_every_key_of_the_struct_and_nothing_else() -> None:
    predicates = db.macro_predicates(MACRO)
    assert _keys_read(predicates[PERIOD]) == {"date_from", "date_to"}
    read = set().union(*(_keys_read(p) for p in predicates.values()))
    assert read == set(sql_struct(Filters()))
    sql = (db.MACROS_DIR / f"{MACRO}.sql").read_text(encoding="utf-8")
    body = re.sub(r"--[^\n]*", "", sql)
    assert len(re.findall(r"\bf\b", body)) == 1 + len(re.findall(r"struct_extract\(f,", body)), (
        "the struct is read only through struct_extract (dot access does not bind in a macro)"
    )


@pytest.mark.parametrize("spec", REGISTRY, ids=lambda s: s.field)
def test_registry_entries_have_labels_and_choices(spec: Filter) -> None:
    assert spec.label_key in messages("en"), f"{spec.label_key!r} is not in the catalogue"
    if spec.switch is not None:
        assert spec.switch in messages("en")
    if spec.needs is not None:
        assert spec.needs in {s.field for s in REGISTRY}
    assert spec.choices(OPTIONS), "no choices from the options"


@pytest.mark.parametrize("spec", REGISTRY, ids=lambda s: s.field)
def test_each_filter_round_trips_through_its_url_name_as_codes(spec: Filter) -> None:
    codes = list(spec.choices(OPTIONS)[:2])
    filters = spec.with_codes(Filters(parties=("MX",)), codes)
    url = to_url(filters)
    assert url[spec.url] == ",".join(codes)
    assert parse_url(url, OPTIONS) == (filters, [])


def test_labels_in_a_url_are_refused_as_unknown_codes() -> None:
    """What a corrupted link carried (issue 10): labels where codes belong."""
    filters, notices = parse_url(
        {"body": "Joint Review,joint_review", "role": "Anfitrión"}, OPTIONS
    )
    assert filters.bodies == ("joint_review",)
    assert notices == [Notice("body", "Joint Review", "unknown"), Notice("role", "Anfitrión")]


def test_with_codes_empty_means_default() -> None:
    statuses = by_field("statuses")
    assert statuses.with_codes(Filters(statuses=("announced",)), []).statuses == ("held",)


# --- period presets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "today", "expected"),
    [
        ("this_year", D(2025, 6, 15), (D(2025, 1, 1), D(2025, 12, 31))),
        ("last_year", D(2025, 6, 15), (D(2024, 1, 1), D(2024, 12, 31))),
        ("last_12_months", D(2025, 6, 15), (D(2024, 6, 16), D(2025, 6, 15))),
        ("last_12_months", D(2024, 2, 29), (D(2023, 3, 1), D(2024, 2, 29))),
        ("since_entry", D(2025, 6, 15), (D(2020, 7, 1), None)),
    ],
)
def test_preset_period(name: str, today: dt.date, expected: tuple[dt.date, dt.date | None]) -> None:
    assert preset_period(name, today) == expected
    assert name in PRESETS


def test_unknown_preset_is_refused() -> None:
    with pytest.raises(ValueError, match=r"unknown period preset 'bogus' \(expected one of"):
        preset_period("bogus", D(2025, 1, 1))


def test_with_period_drops_bounds_beyond_the_data() -> None:
    options = dataclasses.replace(OPTIONS, today=D(2025, 6, 15))
    inside = with_period(Filters(), D(2023, 1, 1), D(2023, 12, 31), options)
    assert (inside.date_from, inside.date_to) == (D(2023, 1, 1), D(2023, 12, 31))
    wide = with_period(Filters(), D(1999, 1, 1), D(2999, 1, 1), options)
    assert (wide.date_from, wide.date_to) == (None, None)
