"""The keys the table comments declare (``key: (...)`` in ``comment on table``) hold in a
built warehouse, and every code and event reference resolves; the ETL guarantees them instead
of declared constraints, so they are checked here."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse.db import connect, run_sql
from warehouse.docs import declared_keys

STATED = [(table, ", ".join(key)) for table, key in sorted(declared_keys().items())]
"""Each table's key as its comment declares it (``key: (...)``, read by warehouse.docs)."""
REFERENCES = [
    ("topics", "group_code", "topic_groups", "group_code"),
    ("events", "body_code", "bodies", "body_code"),
    ("events", "host_party", "parties", "party_code"),
    ("events", "chair_party", "parties", "party_code"),
    ("event_topics", "topic_code", "topics", "topic_code"),
    ("event_topics", "event_id", "events", "event_id"),
    ("participants", "event_id", "events", "event_id"),
    ("participants", "party_code", "parties", "party_code"),
    ("panels", "event_id", "events", "event_id"),
    ("panel_topics", "topic_code", "topics", "topic_code"),
    ("outcomes", "event_id", "events", "event_id"),
    ("outcome_topics", "topic_code", "topics", "topic_code"),
    ("sources", "event_id", "events", "event_id"),
    ("event_links", "event_id", "events", "event_id"),
    ("passages", "document_id", "documents", "document_id"),
    ("event_documents", "event_id", "events", "event_id"),
    ("event_documents", "document_id", "documents", "document_id"),
    ("event_passages", "event_id", "events", "event_id"),
    ("search_docs", "event_id", "events", "event_id"),
    ("search_docs", "document_id", "documents", "document_id"),
    ("search_docs", "report_id", "activity_reports", "report_id"),
    ("report_bodies", "report_id", "activity_reports", "report_id"),
    ("report_bodies", "body_code", "bodies", "body_code"),
    ("report_sources", "report_id", "activity_reports", "report_id"),
    ("report_periods", "report_id", "activity_reports", "report_id"),
    ("body_year_evidence", "body_code", "bodies", "body_code"),
    ("cases", "complainant_party", "parties", "party_code"),
    ("cases", "respondent_party", "parties", "party_code"),
    ("case_third_parties", "case_id", "cases", "case_id"),
    ("case_third_parties", "party_code", "parties", "party_code"),
    ("case_topics", "case_id", "cases", "case_id"),
    ("case_topics", "topic_code", "topics", "topic_code"),
    ("case_milestones", "case_id", "cases", "case_id"),
    ("case_sources", "case_id", "cases", "case_id"),
    ("case_facts", "case_id", "cases", "case_id"),
    ("search_docs", "case_id", "cases", "case_id"),
    ("stated_count_records", "count_no", "stated_counts", "count_no"),
    ("code_labels", "code", "codes", "code"),
]
CODE_REFERENCES = [
    ("cases", "mechanism_code", "mechanisms"),
    ("cases", "sector_code", "sectors"),
    ("cases", "status", "case_statuses"),
    ("cases", "confidence", "confidence"),
    ("case_milestones", "step_code", "case_steps"),
]
"""Columns holding codes of a plain or labelled list (``codes.list_name``)."""


@pytest.fixture(scope="module")
def con(real_warehouse: Path):  # type: ignore[no-untyped-def]
    connection = connect(real_warehouse)
    yield connection
    connection.close()


def test_every_table_states_its_key() -> None:
    assert len(STATED) == 32  # derived tables state their grain in prose, not as keys


@pytest.mark.parametrize(("table", "columns"), STATED, ids=[t for t, _ in STATED])
def test_stated_key_is_unique(con, table: str, columns: str) -> None:  # type: ignore[no-untyped-def]
    frame = run_sql(con, f"select count(*) as n, count(distinct ({columns})) as k from {table}")
    n, k = frame.row(0)
    assert n > 0
    assert n == k


@pytest.mark.parametrize(("child", "column", "parent", "key"), REFERENCES)
def test_references_resolve(con, child: str, column: str, parent: str, key: str) -> None:  # type: ignore[no-untyped-def]
    orphans = run_sql(
        con,
        f"select count(*) as n from {child} where {column} is not null "
        f"and {column} not in (select {key} from {parent})",
    )
    assert orphans.item() == 0


@pytest.mark.parametrize(("table", "column", "list_name"), CODE_REFERENCES)
def test_codes_resolve(con, table: str, column: str, list_name: str) -> None:  # type: ignore[no-untyped-def]
    orphans = run_sql(
        con,
        f"select count(*) as n from {table} where {column} is not null and {column} not in "
        "(select code from codes where list_name = $list_name)",
        {"list_name": list_name},
    )
    assert orphans.item() == 0


def test_every_milestone_names_a_source_of_its_case(con) -> None:  # type: ignore[no-untyped-def]
    orphans = run_sql(
        con,
        "select count(*) from case_milestones as m left join case_sources as s "
        "on m.case_id = s.case_id and m.source_no = s.source_no where s.url is null",
    )
    assert orphans.item() == 0
