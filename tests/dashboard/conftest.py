"""The warehouse the page tests read: the session's build from data/, named by TMEC_DB while a
module runs (as the app finds it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from textrules.terms import matches, query_terms, terms
from warehouse.db import DB_ENV


@pytest.fixture(scope="module")
def warehouse(real_warehouse: Path) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(DB_ENV, str(real_warehouse))
        yield real_warehouse


SEARCHABLE_SQL = """
with topic_codes as (
    select event_id, topic_code from event_topics
    union select event_id, topic_code from panel_topics
    union select event_id, topic_code from outcome_topics
),
parts as (
    select event_id, concat_ws(' ', title_en, title_es, city, notes, event_id) as text
    from events
    union all
    select event_id, concat_ws(' ', label_es, label_en, label_fr)
    from topic_codes join topics using (topic_code)
    union all
    select event_id, title from panels
    union all
    select event_id, text from outcomes
    union all
    select event_id, concat_ws(' ', name, organization, role) from participants
)
select event_id, string_agg(text, ' ') as text
from parts join events using (event_id)
where events.status = 'held'
group by event_id
"""
"""Per held event, the text its search should look in (what the issue asks the search to
cover), gathered from the loaded tables rather than from the app's derived table."""


def searchable_terms(con: duckdb.DuckDBPyConnection) -> dict[str, frozenset[str]]:
    """Held event id → the index terms of its searchable text (folded, stemmed)."""
    return {
        event_id: frozenset(terms(text)) for event_id, text in con.sql(SEARCHABLE_SQL).fetchall()
    }


def finds(q: str, held_terms: frozenset[str]) -> bool:
    """Whether a search for ``q`` (no place name in it) finds an event of ``held_terms``: every
    term of ``q`` is among them (see textrules.terms)."""
    return matches(held_terms, [query_terms(q)])
