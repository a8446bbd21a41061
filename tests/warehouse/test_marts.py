"""Each mart on the five fixture records of tests/fixtures/mini/, against tables worked out
by hand from those files (read them side by side with the expected rows below).

The fixtures, in short:

- sme-dialogue-2023-09-21: held, Q3, host and chair MX; topics smes, digitalization; a panel
  on financing + financial_inclusion (one group, finance); an outcome on digitalization +
  export_procedures; officials MX×1, US×1, CA×2 and one speaker of no Party.
- env-committee-2023-11-16: held, Q4, host and chair US; topics climate + circular_economy
  (one group, environment); an outcome on circular_economy + smes; officials US×1, MX×1.
- ftc-2024: announced, start date "year only" (2024), host and chair CA; no officials.
- ftc-2024-03: held, start date "month only" (Q1), host US, no chair; topic smes; US×1.
- ftc-2024-02-06: held, Q1, host MX, chair US; topic smes; a panel on smes + rules_of_origin;
  officials US×2 (minister chair, official participant), MX×3 (minister head of delegation,
  two deputy ministers participant).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from etl.validate import validate_dir
from warehouse.db import connect, mart_names, run_sql

T, F = True, False
SME = "fixture-sme-dialogue-2023-09-21"
ENV = "fixture-env-committee-2023-11-16"
FTC = "fixture-ftc-2024"
FTC_FEB = "fixture-ftc-2024-02-06"
FTC_MAR = "fixture-ftc-2024-03"


@pytest.fixture(scope="module")
def con(mini_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = connect(mini_warehouse)
    yield connection
    connection.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    return run_sql(con, sql).rows()


def test_fixtures_are_valid_and_marked_as_fixtures(mini_data_dir: Path) -> None:
    result = validate_dir(mini_data_dir, display_root="mini")
    assert result.errors == []
    assert [str(w) for w in result.warnings] == [
        f"mini/events/{SME}.yaml:57: related[0]: names an event not in the data set "
        "(found 'fixture-sme-dialogue-2022-04-22'); kept as a link"
    ]
    assert sorted(e.id for e in result.events) == sorted([SME, ENV, FTC, FTC_FEB, FTC_MAR])
    assert {e.notes for e in result.events} == {"Test fixture, not a real event."}


def test_every_mart_is_tested_here() -> None:
    assert mart_names() == [
        "mart_event_topic_links",
        "mart_events_by_period",
        "mart_party_officials",
        "mart_party_roles",
        "mart_topic_groups_by_year",
        "mart_topics_by_year",
    ]


def test_mart_events_by_period(con: duckdb.DuckDBPyConnection) -> None:
    assert rows(
        con,
        "select year, quarter, body_code, kind, status, n_events from mart_events_by_period "
        "order by year, quarter nulls last, body_code, kind, status",
    ) == [
        (2023, 3, "sme_dialogue", "dialogue", "held", 1),
        (2023, 4, "environment_committee", "committee_meeting", "held", 1),
        # "2024-03" (month only) falls in Q1 with 2024-02-06.
        (2024, 1, "free_trade_commission", "commission_meeting", "held", 2),
        # 2024 (year only): no quarter.
        (2024, None, "free_trade_commission", "commission_meeting", "announced", 1),
    ]


def test_mart_event_topic_links(con: duckdb.DuckDBPyConnection) -> None:
    # The mart holds the grain and the flags; year, body, status and group are one join away.
    assert rows(
        con,
        "select l.event_id, l.topic_code, t.group_code, e.year, e.body_code, e.status, "
        "l.is_event_topic, l.is_panel_topic, l.is_outcome_topic "
        "from mart_event_topic_links l join events e using (event_id) "
        "join topics t using (topic_code) order by l.event_id, l.topic_code",
    ) == [
        (ENV, "circular_economy", "environment", 2023, "environment_committee", "held", T, F, T),
        (ENV, "climate", "environment", 2023, "environment_committee", "held", T, F, F),
        (ENV, "smes", "smes", 2023, "environment_committee", "held", F, F, T),
        (FTC, "implementation_review", "governance", 2024, "free_trade_commission", "announced", T, F, F),  # noqa: E501
        (FTC_FEB, "rules_of_origin", "trade_rules", 2024, "free_trade_commission", "held", F, T, F),
        (FTC_FEB, "smes", "smes", 2024, "free_trade_commission", "held", T, T, F),
        (FTC_MAR, "smes", "smes", 2024, "free_trade_commission", "held", T, F, F),
        (SME, "digitalization", "digital", 2023, "sme_dialogue", "held", T, F, T),
        (SME, "export_procedures", "trade_facilitation", 2023, "sme_dialogue", "held", F, F, T),
        (SME, "financial_inclusion", "finance", 2023, "sme_dialogue", "held", F, T, F),
        (SME, "financing", "finance", 2023, "sme_dialogue", "held", F, T, F),
        (SME, "smes", "smes", 2023, "sme_dialogue", "held", T, F, F),
    ]  # fmt: skip
    assert [c[0] for c in con.sql("select * from mart_event_topic_links limit 0").description] == [
        "event_id",
        "topic_code",
        "is_event_topic",
        "is_panel_topic",
        "is_outcome_topic",
    ]
    # Same rows as the derived table it reads.
    assert rows(con, "select count(*) from mart_event_topic_links") == rows(
        con, "select count(*) from event_topic_links"
    )


def test_mart_topics_by_year(con: duckdb.DuckDBPyConnection) -> None:
    assert rows(
        con,
        "select year, topic_code, group_code, status, n_events from mart_topics_by_year "
        "order by year, topic_code, status",
    ) == [
        (2023, "circular_economy", "environment", "held", 1),
        (2023, "climate", "environment", "held", 1),
        (2023, "digitalization", "digital", "held", 1),
        (2023, "export_procedures", "trade_facilitation", "held", 1),  # outcome only
        (2023, "financial_inclusion", "finance", "held", 1),  # panel only
        (2023, "financing", "finance", "held", 1),  # panel only
        (2023, "smes", "smes", "held", 2),  # SME's own topic, ENV's outcome
        (2024, "implementation_review", "governance", "announced", 1),
        (2024, "rules_of_origin", "trade_rules", "held", 1),  # panel only
        (2024, "smes", "smes", "held", 2),  # FTC_FEB counts once though event and panel
    ]


def test_mart_topic_groups_by_year(con: duckdb.DuckDBPyConnection) -> None:
    assert rows(
        con,
        "select year, group_code, status, n_events from mart_topic_groups_by_year "
        "order by year, group_code, status",
    ) == [
        (2023, "digital", "held", 1),
        (2023, "environment", "held", 1),  # ENV: climate + circular_economy, counted once
        (2023, "finance", "held", 1),  # SME: financing + financial_inclusion, counted once
        (2023, "smes", "held", 2),
        (2023, "trade_facilitation", "held", 1),
        (2024, "governance", "announced", 1),
        (2024, "smes", "held", 2),
        (2024, "trade_rules", "held", 1),
    ]


def test_mart_party_roles(con: duckdb.DuckDBPyConnection) -> None:
    assert rows(
        con,
        "select party_code, body_code, year, status, n_hosted, n_chaired, n_events_attended, "
        "n_officials from mart_party_roles order by party_code, body_code, year, status",
    ) == [
        ("CA", "free_trade_commission", 2024, "announced", 1, 1, 0, 0),
        ("CA", "sme_dialogue", 2023, "held", 0, 0, 1, 2),
        # CA did nothing at ENV: no row.
        ("MX", "environment_committee", 2023, "held", 0, 0, 1, 1),
        ("MX", "free_trade_commission", 2024, "held", 1, 0, 1, 3),
        ("MX", "sme_dialogue", 2023, "held", 1, 1, 1, 1),
        ("US", "environment_committee", 2023, "held", 1, 1, 1, 1),
        # Hosted FTC_MAR, chaired FTC_FEB, officials 1 + 2.
        ("US", "free_trade_commission", 2024, "held", 1, 1, 2, 3),
        ("US", "sme_dialogue", 2023, "held", 0, 0, 1, 1),
    ]


def test_mart_party_officials(con: duckdb.DuckDBPyConnection) -> None:
    assert rows(
        con,
        "select party_code, body_code, year, status, level, capacity, n_officials, n_events "
        "from mart_party_officials "
        "order by party_code, body_code, year, status, level, capacity",
    ) == [
        ("CA", "sme_dialogue", 2023, "held", "official", "participant", 1, 1),
        ("CA", "sme_dialogue", 2023, "held", "senior_official", "head_of_delegation", 1, 1),
        ("MX", "environment_committee", 2023, "held", "official", "head_of_delegation", 1, 1),
        # Two MX deputy ministers at one event.
        ("MX", "free_trade_commission", 2024, "held", "deputy_minister", "participant", 2, 1),
        ("MX", "free_trade_commission", 2024, "held", "minister", "head_of_delegation", 1, 1),
        ("MX", "sme_dialogue", 2023, "held", "deputy_minister", "chair", 1, 1),
        ("US", "environment_committee", 2023, "held", "senior_official", "chair", 1, 1),
        ("US", "free_trade_commission", 2024, "held", "minister", "chair", 1, 1),
        # One US official at each of two events.
        ("US", "free_trade_commission", 2024, "held", "official", "participant", 2, 2),
        ("US", "sme_dialogue", 2023, "held", "senior_official", "head_of_delegation", 1, 1),
        # The speaker of no Party at SME is left out.
    ]
