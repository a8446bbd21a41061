"""The dashboard's read path: named warehouse queries, cached and keyed on the warehouse file.

A rebuild swaps a new file in (new inode), which changes :func:`warehouse.db.file_token`, so
cached results and connections of the old file are simply no longer asked for: a rebuilt
warehouse shows up on the next rerun without restarting the app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar, cast

import duckdb
import polars as pl
import streamlit as st

from dashboard.i18n import place_names
from dashboard.state.filters import Filters, Options, sql_struct
from dashboard.state.labels import Labels, make_labels
from etl.search import search_params
from textrules.terms import query_terms
from textrules.words import fold
from warehouse import db

Token = tuple[str, int, int, int]
T = TypeVar("T")


def token() -> Token:
    return db.file_token()


def warehouse_exists() -> bool:
    return db.db_path().is_file()


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(key: Token) -> duckdb.DuckDBPyConnection:
    return db.connect(key[0])


class _Struct(tuple[tuple[str, Any], ...]):
    """A struct parameter (a dict) frozen into a cache key: its (key, value) pairs in order."""


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return _Struct((k, _freeze(v)) for k, v in value.items())
    return tuple(value) if isinstance(value, list | tuple) else value


def _thaw(value: Any) -> Any:
    if isinstance(value, _Struct):
        return {k: _thaw(v) for k, v in value}
    return list(value) if isinstance(value, tuple) else value


@st.cache_resource(max_entries=512, show_spinner=False)
def _cached_query(key: Token, name: str, frozen: tuple[tuple[str, Any], ...]) -> pl.DataFrame:
    cursor = _connection(key).cursor()
    try:
        cursor.execute("use warehouse")
        return db.run_query(cursor, name, {k: _thaw(v) for k, v in frozen})
    finally:
        cursor.close()


def query(name: str, **params: Any) -> pl.DataFrame:
    """Run the named query with bound parameters; cached per warehouse file and parameters.

    Every session gets the same frame, not a copy: ``st.cache_data`` would unpickle a new copy
    on every call, which cost each rerun that time and made every session hold copies of its
    page's frames (a CSV button keeps its frame until the session ends). ``clone()`` shares
    the cached columns' buffers (no rows are copied) while keeping the cached frame safe from a
    caller that changes its copy in place."""
    frozen = tuple(sorted((k, _freeze(v)) for k, v in params.items()))
    return _cached_query(token(), name, frozen).clone()


@st.cache_resource(max_entries=512, show_spinner=False)
def _shared(key: tuple[Any, ...], _build: Callable[[], Any]) -> Any:
    return _build()


def shared(name: str, key: tuple[Any, ...], build: Callable[[], T]) -> T:
    """``build()``, made once per warehouse file, day, ``name`` and ``key`` for every session,
    and handed to each as the same object (not a copy, unlike ``st.cache_data``): for results
    that are only read and cost more to make than the queries behind them, such as a plotly
    figure, which takes a tenth of a second or more to build. ``key`` must hold everything
    ``build`` depends on besides the warehouse (language, filters, options chosen)."""
    return cast(T, _shared((token(), dt.date.today(), name, *key), build))


def filtered(name: str, filters: Filters, **extra: Any) -> pl.DataFrame:
    """Run a named query that takes the global filters as ``$filters`` (the one struct the
    ``filtered_events`` macro takes, :func:`dashboard.state.filters.sql_struct`) and ``extra``
    parameters."""
    return query(name, filters=sql_struct(filters), **extra)


def search_alternatives(q: str) -> list[list[str]]:
    """What a search for ``q`` finds (see :mod:`textrules.terms`): units holding every term of
    ``q`` or, when ``q`` names a place (or part of a place's name), of that place as another
    language writes it ("Ciudad de México" also finds "Mexico City"). ``[]`` for a blank
    ``q``; ``[[]]`` (nothing found) for a ``q`` of stop words and punctuation only."""
    folded = fold(q).strip()
    if not folded:
        return []
    alternatives = [query_terms(q)]
    for names in place_names():
        spellings = list(dict.fromkeys(names.values()))
        if len(folded) >= 4 and any(folded in fold(name) for name in spellings):
            alternatives += [query_terms(name) for name in spellings]
    return [list(alt) for alt in dict.fromkeys(tuple(alt) for alt in alternatives)]


def events(
    filters: Filters, q: str = "", *, max_rows: int, ascending: bool = False
) -> pl.DataFrame:
    """The filtered events the search ``q`` finds (see :func:`search_alternatives`), newest
    first: what the Events page shows, and what its CSV and briefing pack hold. The same
    events as the event results of :func:`search`."""
    return filtered(
        "events_list",
        filters,
        alternatives=search_alternatives(q),
        ascending=ascending,
        max_rows=max_rows,
    )


def search(q: str, *, limit: int) -> pl.DataFrame:
    """The passages and records the search ``q`` finds, best first (BM25), at most ``limit``:
    what the Documents page shows before the sidebar's filters."""
    return query("search", **search_params(search_alternatives(q), limit=limit))


def reports_for(filters: Filters) -> pl.DataFrame:
    """Activity report × body rows concerning the filters' bodies and period (the only filters
    that mean something for a report; see ``queries/filtered_report_bodies.sql``)."""
    return filtered("filtered_report_bodies", filters)


def options() -> Options:
    """What the filters may take, from the warehouse's reference tables."""
    span = query("date_range")
    today = dt.date.today()
    first = span.item(0, "first_date") or today
    last = span.item(0, "last_date") or today
    return Options.from_codes(
        query("filter_options"), first_date=first, last_date=last, today=today
    )


def labels(lang: str) -> Labels:
    return make_labels(query("labels"), lang)


def build_info() -> dict[str, Any]:
    """The newest load run: data_version, finished_at, n_events, n_files."""
    frame = query("data_version")
    return frame.row(0, named=True) if frame.height else {}
